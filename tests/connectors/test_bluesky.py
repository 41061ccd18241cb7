"""The Bluesky connector against a fake PDS (pytest-httpserver) serving lexicon-shaped JSON."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from connectors.bluesky_fixtures import (
    ME,
    ME_DID,
    FakePds,
    cid,
    did,
    external_view,
    like_record,
    link_facet,
    mention_facet,
    notification,
    post_record,
    post_uri,
    post_view,
    profile,
    reason_repost,
    ref,
    stamp,
    uri,
    xrpc_error,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug import Response

from desktop.connectors.base import (
    BadResponse,
    ConnectorError,
    NeedsSignIn,
    RateLimited,
    Refused,
    Unreachable,
)
from desktop.connectors.bluesky import (
    DEFAULT_SERVICE,
    GRAPHEME_LIMIT,
    NOTIFICATION_KINDS,
    BlueskyConnector,
    BlueskySession,
    count_graphemes,
    create_session,
    find_links,
    find_mentions,
    refresh_session,
)
from desktop.connectors.http import HttpClient
from desktop.core.events import Direction, Kind

NOTIFS = "app.bsky.notification.listNotifications"
GET_POSTS = "app.bsky.feed.getPosts"
PROFILES = "app.bsky.actor.getProfiles"
AUTHOR_FEED = "app.bsky.feed.getAuthorFeed"
TIMELINE = "app.bsky.feed.getTimeline"
LIST_RECORDS = "com.atproto.repo.listRecords"
CREATE_RECORD = "com.atproto.repo.createRecord"
REFRESH = "com.atproto.server.refreshSession"
CREATE_SESSION = "com.atproto.server.createSession"
RESOLVE = "com.atproto.identity.resolveHandle"

MY_POST = post_uri(ME, "3mypost")


@pytest.fixture
def pds(httpserver) -> FakePds:
    return FakePds().install(httpserver)


def service(httpserver) -> str:
    return httpserver.url_for("/").rstrip("/")


def fast_http(url: str) -> HttpClient:
    return HttpClient(url, backoff=0)


def make_session(httpserver, access="access-1", refresh="refresh-1") -> BlueskySession:
    return BlueskySession(ME_DID, "me.test", access, refresh, service(httpserver))


def connector(httpserver, **kw) -> BlueskyConnector:
    kw.setdefault("http_factory", fast_http)
    return BlueskyConnector(make_session(httpserver), **kw)


def one_stream(c: BlueskyConnector, stream: str, cursor: str | None = None):
    return list(c.pages({stream: cursor} if cursor else {}, streams=[stream]))


def posts_answer(request):
    """getPosts: a view for every post uri asked for, by its author, text = its rkey."""
    views = []
    for at in request.args.getlist("uris"):
        author_did, _, rkey = at[5:].split("/")
        name = "me" if author_did == ME_DID else author_did.removeprefix("did:plc:").rstrip("0")
        views.append(post_view(name, rkey, f"text of {rkey}", langs=["es"]))
    return {"posts": views}


def profiles_answer(request):
    found = []
    for actor in request.args.getlist("actors"):
        name = actor.removeprefix("did:plc:").rstrip("0")
        if name != "ghost":
            found.append(profile(name))
    return {"profiles": found}


# ---------------------------------------------------------------------------------------------
# Sessions


def test_create_session_sends_identifier_and_password(httpserver, pds):
    pds.on(
        CREATE_SESSION,
        {"did": ME_DID, "handle": "me.test", "accessJwt": "a1", "refreshJwt": "r1", "active": True},
    )
    session = create_session(service(httpserver) + "/", " @me.test ", "app-pass-1234")
    assert session == BlueskySession(ME_DID, "me.test", "a1", "r1", service(httpserver))
    assert pds.calls[0].body == {"identifier": "me.test", "password": "app-pass-1234"}
    assert "a1" not in repr(session) and "r1" not in repr(session)
    assert DEFAULT_SERVICE == "https://bsky.social"


def test_create_session_wrong_password(httpserver, pds):
    pds.on(
        CREATE_SESSION, xrpc_error(401, "AuthenticationRequired", "Invalid identifier or password")
    )
    with pytest.raises(NeedsSignIn, match="handle or app password not accepted"):
        create_session(service(httpserver), "me.test", "wrong")


def test_create_session_two_factor_says_use_an_app_password(httpserver, pds):
    pds.on(
        CREATE_SESSION,
        xrpc_error(401, "AuthFactorTokenRequired", "A sign in code has been sent to your email"),
    )
    with pytest.raises(NeedsSignIn, match="app password") as err:
        create_session(service(httpserver), "me.test", "main-password")
    assert "sign-in code" in str(err.value)


def test_create_session_missing_field_is_bad_response(httpserver, pds):
    pds.on(CREATE_SESSION, {"did": ME_DID, "handle": "me.test", "accessJwt": "a1"})
    with pytest.raises(BadResponse, match="refreshJwt"):
        create_session(service(httpserver), "me.test", "pw")


def test_refresh_session_uses_the_refresh_token(httpserver, pds):
    pds.on(REFRESH, {"did": ME_DID, "handle": "me.test", "accessJwt": "a2", "refreshJwt": "r2"})
    new = refresh_session(make_session(httpserver))
    assert (new.access_jwt, new.refresh_jwt) == ("a2", "r2")
    assert pds.calls[0].auth == "Bearer refresh-1"


@pytest.mark.parametrize(
    "answer",
    [
        xrpc_error(400, "ExpiredToken", "Token has expired"),
        xrpc_error(400, "InvalidToken", "Token has been revoked"),
        xrpc_error(401, "AuthenticationRequired"),
    ],
)
def test_refresh_session_revoked_means_sign_in_again(httpserver, pds, answer):
    pds.on(REFRESH, answer)
    with pytest.raises(NeedsSignIn, match="sign in again"):
        refresh_session(make_session(httpserver))


def test_expired_access_token_is_refreshed_once_and_the_call_retried(httpserver, pds):
    def notifications(request):
        if request.headers["Authorization"] != "Bearer access-2":
            return xrpc_error(400, "ExpiredToken", "Token has expired")
        return {"notifications": [notification("follow", "bob", "3f1", 5)]}

    pds.on(NOTIFS, notifications)
    pds.on(
        REFRESH, {"did": ME_DID, "handle": "me.test", "accessJwt": "access-2", "refreshJwt": "r2"}
    )
    stored = []
    c = connector(httpserver, on_session_refreshed=stored.append)
    (page,) = one_stream(c, "notifications")
    assert [e.kind for e in page.interactions] == [Kind.FOLLOW]
    assert [s.refresh_jwt for s in stored] == ["r2"]
    assert c.session.access_jwt == "access-2"
    assert [call.auth for call in pds.of(NOTIFS)] == ["Bearer access-1", "Bearer access-2"]
    assert pds.of(REFRESH)[0].auth == "Bearer refresh-1"


def test_expired_again_after_refresh_needs_sign_in(httpserver, pds):
    pds.on(NOTIFS, xrpc_error(400, "ExpiredToken", "Token has expired"))
    pds.on(
        REFRESH, {"did": ME_DID, "handle": "me.test", "accessJwt": "access-2", "refreshJwt": "r2"}
    )
    with pytest.raises(NeedsSignIn, match="sign in again"):
        one_stream(connector(httpserver), "notifications")
    assert pds.count(REFRESH) == 1 and pds.count(NOTIFS) == 2


def test_revoked_refresh_token_needs_sign_in(httpserver, pds):
    pds.on(NOTIFS, xrpc_error(400, "ExpiredToken", "Token has expired"))
    pds.on(REFRESH, xrpc_error(400, "ExpiredToken", "Token has been revoked"))
    stored = []
    with pytest.raises(NeedsSignIn, match="sign in again"):
        one_stream(connector(httpserver, on_session_refreshed=stored.append), "notifications")
    assert stored == []


def test_invalid_token_needs_sign_in_without_refreshing(httpserver, pds):
    pds.on(NOTIFS, xrpc_error(400, "InvalidToken", "Token could not be verified"))
    with pytest.raises(NeedsSignIn, match="sign in again"):
        one_stream(connector(httpserver), "notifications")
    assert pds.count(REFRESH) == 0


def test_other_400_is_refused_not_sign_in(httpserver, pds):
    pds.on(NOTIFS, xrpc_error(400, "InvalidRequest", "limit must be <= 100"))
    with pytest.raises(Refused) as err:
        one_stream(connector(httpserver), "notifications")
    assert not isinstance(err.value, NeedsSignIn)


def test_verify_returns_my_profile(httpserver, pds):
    pds.on("app.bsky.actor.getProfile", profile(ME, "Me Myself"))
    me = connector(httpserver).verify()
    assert (me.stable_id, me.handle, me.display_name) == (ME_DID, "me.test", "Me Myself")
    assert me.profile_url == "https://bsky.app/profile/me.test"
    assert pds.calls[0].args["actor"] == ME_DID
    assert pds.calls[0].auth == "Bearer access-1"


# ---------------------------------------------------------------------------------------------
# Notifications (inbound)


def every_reason() -> list[dict]:
    ana_post = post_uri("ana", "3anapost")
    my_repost = uri(ME, "app.bsky.feed.repost", "3myrepost")
    bob_repost = uri("bob", "app.bsky.feed.repost", "3bobrepost")
    quote = post_record(
        "so true",
        langs=["en"],
        embed={"$type": "app.bsky.embed.record", "record": ref(MY_POST)},
    )
    return [
        notification("like", "carol", "3like1", 59, subject=MY_POST, record=like_record(MY_POST)),
        # carol liked my post through bob's repost of it: bob is credited as `via`
        notification(
            "like",
            "erin",
            "3like2",
            58,
            subject=MY_POST,
            record=like_record(MY_POST, via=bob_repost),
        ),
        notification(
            "repost",
            "bob",
            "3rp1",
            57,
            subject=MY_POST,
            record=like_record(MY_POST, collection="app.bsky.feed.repost"),
        ),
        notification("follow", "dave", "3fol1", 56, record={"subject": ME_DID}),
        notification(
            "mention",
            "ana",
            "3men1",
            55,
            record=post_record("hi @me.test", langs=["pt"], facets=[mention_facet(3, 11, ME)]),
        ),
        notification(
            "reply",
            "bob",
            "3rep1",
            54,
            subject=MY_POST,
            record=post_record("nice", reply={"root": ref(MY_POST), "parent": ref(MY_POST)}),
        ),
        notification("quote", "carol", "3quo1", 53, subject=MY_POST, record=quote),
        # frank liked ana's post, which I had reposted: the notification is about my repost
        notification(
            "like-via-repost",
            "frank",
            "3lvr1",
            52,
            subject=my_repost,
            record=like_record(ana_post, via=my_repost),
        ),
        notification(
            "repost-via-repost",
            "gina",
            "3rvr1",
            51,
            subject=my_repost,
            record=like_record(ana_post, via=my_repost, collection="app.bsky.feed.repost"),
        ),
        notification("starterpack-joined", "hal", "3sp1", 50),
        notification("verified", "ivy", "3ver1", 49),
        notification("unverified", "ivy", "3ver2", 48),
        notification("subscribed-post", "jo", "3sub1", 47, record=post_record("new post")),
        notification("some-reason-from-2030", "kim", "3new1", 46),
    ]


def test_every_reason_known_and_unknown(httpserver, pds):
    pds.on(NOTIFS, {"notifications": every_reason(), "seenAt": stamp(0)})
    pds.on(GET_POSTS, posts_answer)
    pds.on(PROFILES, profiles_answer)
    (page,) = one_stream(connector(httpserver), "notifications")

    got = [(e.kind, e.actor.handle) for e in page.interactions]
    assert got == [
        (Kind.LIKE, "carol.test"),
        (Kind.LIKE, "erin.test"),
        (Kind.SHARE, "bob.test"),
        (Kind.FOLLOW, "dave.test"),
        (Kind.MENTION, "ana.test"),
        (Kind.REPLY, "bob.test"),
        (Kind.QUOTE, "carol.test"),
        (Kind.LIKE, "frank.test"),
        (Kind.SHARE, "gina.test"),
    ]
    assert all(e.direction == Direction.INBOUND for e in page.interactions)
    assert page.skipped == {
        "starterpack-joined": 1,
        "verified": 1,
        "unverified": 1,
        "subscribed-post": 1,
        "some-reason-from-2030": 1,
    }
    assert page.warnings == []
    assert page.cursor == f"{stamp(59)}|{uri('carol', 'app.bsky.feed.like', '3like1')}"

    like, via_like, repost, follow, mention, reply, quote, lvr, rvr = page.interactions
    assert like.external_id == "notification:" + uri("carol", "app.bsky.feed.like", "3like1")
    assert like.occurred_at == datetime(2024, 5, 1, 10, 59, tzinfo=UTC)
    assert like.actor.stable_id == did("carol")
    assert like.actor.display_name == "Carol"
    assert like.actor.profile_url == "https://bsky.app/profile/carol.test"
    # my post, fetched with getPosts
    assert like.post.url == "https://bsky.app/profile/me.test/post/3mypost"
    assert (like.post.text, like.post.language, like.post.remote_id) == (
        "text of 3mypost",
        "es",
        MY_POST,
    )
    assert like.via is None
    assert via_like.via.stable_id == did("bob") and via_like.via.handle == "bob.test"
    assert repost.post.remote_id == MY_POST
    assert follow.post is None
    assert follow.external_id == "notification:" + uri("dave", "app.bsky.graph.follow", "3fol1")
    # their own posts come from the notification record: no fetch needed
    assert mention.post.url == "https://bsky.app/profile/ana.test/post/3men1"
    assert (mention.post.text, mention.post.language) == ("hi @me.test", "pt")
    assert reply.post.text == "nice" and reply.post.remote_id == post_uri("bob", "3rep1")
    assert quote.post.text == "so true" and quote.post.url.endswith("/carol.test/post/3quo1")
    # liked / reposted through my repost: the post is the one I reposted; no one else to credit
    for event in (lvr, rvr):
        assert event.post.url == "https://bsky.app/profile/ana.test/post/3anapost"
        assert event.via is None

    (posts_call,) = pds.of(GET_POSTS)
    assert sorted(posts_call.args.getlist("uris")) == sorted([MY_POST, post_uri("ana", "3anapost")])
    assert pds.of(NOTIFS)[0].args["limit"] == "100"


def test_via_repost_by_someone_else_is_credited_and_resolved(httpserver, pds):
    """A like that came through another person's repost names that person as `via`; their
    handle comes from getProfiles, or is their DID when the profile cannot be had."""
    bob_repost = uri("bob", "app.bsky.feed.repost", "3bobrepost")
    ghost_repost = uri("ghost", "app.bsky.feed.repost", "3ghost")
    pds.on(
        NOTIFS,
        {
            "notifications": [
                notification(
                    "like-via-repost",
                    "frank",
                    "3l1",
                    9,
                    subject=bob_repost,
                    record=like_record(MY_POST, via=bob_repost),
                ),
                notification(
                    "repost",
                    "gina",
                    "3r1",
                    8,
                    subject=MY_POST,
                    record=like_record(MY_POST, via=ghost_repost),
                ),
            ]
        },
    )
    pds.on(GET_POSTS, posts_answer)
    pds.on(PROFILES, profiles_answer)
    (page,) = one_stream(connector(httpserver), "notifications")
    first, second = page.interactions
    assert (first.kind, first.actor.handle, first.via.handle) == (
        Kind.LIKE,
        "frank.test",
        "bob.test",
    )
    assert first.via.display_name == "Bob"
    assert (second.kind, second.via.stable_id, second.via.handle) == (
        Kind.SHARE,
        did("ghost"),
        did("ghost"),
    )
    (profiles_call,) = pds.of(PROFILES)
    assert sorted(profiles_call.args.getlist("actors")) == sorted([did("bob"), did("ghost")])


def test_get_posts_in_batches_of_25(httpserver, pds):
    notes = [
        notification("like", "carol", f"3like{i:02d}", 59 - i, subject=post_uri(ME, f"3p{i:02d}"))
        for i in range(30)
    ]
    pds.on(NOTIFS, {"notifications": notes})
    pds.on(GET_POSTS, posts_answer)
    (page,) = one_stream(connector(httpserver), "notifications")
    assert len(page.interactions) == 30
    batches = [call.args.getlist("uris") for call in pds.of(GET_POSTS)]
    assert [len(b) for b in batches] == [25, 5]
    assert {u for b in batches for u in b} == {post_uri(ME, f"3p{i:02d}") for i in range(30)}
    assert page.interactions[29].post.text == "text of 3p29"


def test_a_post_that_cannot_be_fetched_keeps_its_address(httpserver, pds):
    pds.on(NOTIFS, {"notifications": [notification("like", "carol", "3l", 5, subject=MY_POST)]})
    pds.on(GET_POSTS, {"posts": []})  # deleted meanwhile
    (page,) = one_stream(connector(httpserver), "notifications")
    (event,) = page.interactions
    assert event.post.url == "https://bsky.app/profile/me.test/post/3mypost"
    assert event.post.remote_id == MY_POST and event.post.text == ""


def follows(first_minute: int, count: int) -> list[dict]:
    """`count` follow notifications, newest first, one a minute down from first_minute."""
    return [
        notification("follow", "bob", f"3f{m:02d}", m)
        for m in range(first_minute, first_minute - count, -1)
    ]


def paged(pages: list[list[dict]]):
    """listNotifications over fixed pages: cursor "p<n>" asks for page n."""

    def answer(request):
        n = int(request.args.get("cursor", "p0")[1:])
        body = {"notifications": pages[n]}
        if n + 1 < len(pages):
            body["cursor"] = f"p{n + 1}"
        return body

    return answer


def test_first_sync_backfills_at_most_backfill_pages_and_sets_the_cursor_last(httpserver, pds):
    pages = [follows(59, 3), follows(56, 3), follows(53, 3), follows(50, 3)]
    pds.on(NOTIFS, paged(pages))
    got = one_stream(connector(httpserver, backfill_pages=2), "notifications")
    assert pds.count(NOTIFS) == 2
    assert [len(p.interactions) for p in got] == [3, 3]
    assert [p.cursor for p in got] == [
        None,
        f"{stamp(59)}|{uri('bob', 'app.bsky.graph.follow', '3f59')}",
    ]
    assert [c.args.get("cursor") for c in pds.of(NOTIFS)] == [None, "p1"]


def test_nothing_new_costs_exactly_one_request(httpserver, pds):
    pds.on(NOTIFS, paged([follows(59, 3), follows(56, 3)]))
    saved = f"{stamp(59)}|{uri('bob', 'app.bsky.graph.follow', '3f59')}"
    got = one_stream(connector(httpserver), "notifications", saved)
    assert pds.count(NOTIFS) == 1
    assert len(got) == 1 and got[0].interactions == [] and got[0].cursor is None


def test_incremental_sync_reads_until_the_cursor_across_pages(httpserver, pds):
    # 4 new notifications (minutes 59..56), then the one the saved cursor points at
    pages = [follows(59, 3), follows(56, 3), follows(53, 3)]
    pds.on(NOTIFS, paged(pages))
    saved = f"{stamp(55)}|{uri('bob', 'app.bsky.graph.follow', '3f55')}"
    got = one_stream(connector(httpserver), "notifications", saved)
    assert pds.count(NOTIFS) == 2  # never the third page
    assert [len(p.interactions) for p in got] == [3, 1]
    assert got[0].cursor is None
    assert got[1].cursor == f"{stamp(59)}|{uri('bob', 'app.bsky.graph.follow', '3f59')}"


def test_pages_before_a_failure_are_yielded_without_moving_the_cursor(httpserver, pds):
    answers = [
        {"notifications": follows(59, 3), "cursor": "p1"},
        xrpc_error(502, "UpstreamFailure"),
    ]
    pds.on(NOTIFS, answers)
    got = []
    with pytest.raises(ConnectorError):
        for page in connector(httpserver).pages({}, streams=["notifications"]):
            got.append(page)
    assert [len(p.interactions) for p in got] == [3]
    assert got[0].cursor is None  # a crash here re-reads it next time; ingest is idempotent


def test_incremental_sync_stops_after_max_pages_with_a_warning(httpserver, pds, monkeypatch):
    monkeypatch.setattr("desktop.connectors.bluesky.streams.MAX_PAGES", 2)
    pds.on(NOTIFS, paged([follows(59, 2), follows(57, 2), follows(55, 2)]))
    saved = f"{stamp(1)}|{uri('bob', 'app.bsky.graph.follow', '3f01')}"
    got = one_stream(connector(httpserver), "notifications", saved)
    assert pds.count(NOTIFS) == 2
    assert got[-1].cursor == f"{stamp(59)}|{uri('bob', 'app.bsky.graph.follow', '3f59')}"
    assert "stopped after 2 pages" in got[-1].warnings[0]


def test_same_time_other_uri_is_not_lost(httpserver, pds):
    older = notification("follow", "bob", "3a", 30)
    twin = notification("follow", "carol", "3b", 30)
    pds.on(NOTIFS, {"notifications": [twin, older]})
    saved = f"{older['indexedAt']}|{older['uri']}"
    (page,) = one_stream(connector(httpserver), "notifications", saved)
    assert [e.actor.handle for e in page.interactions] == ["carol.test"]


def test_unreadable_saved_cursor_reads_from_the_start(httpserver, pds):
    pds.on(NOTIFS, {"notifications": follows(59, 2)})
    (page,) = one_stream(connector(httpserver), "notifications", "garbage")
    assert len(page.interactions) == 2 and page.cursor
    assert "cursor" in page.warnings[0]


def test_one_malformed_notification_is_skipped_with_a_warning(httpserver, pds):
    bad = notification("like", "carol", "3bad", 58, subject=MY_POST)
    del bad["author"]
    bad_date = notification("follow", "ana", "3bd", 57)
    bad_date["indexedAt"] = "yesterday"
    pds.on(
        NOTIFS,
        {"notifications": [notification("follow", "bob", "3ok1", 59), bad, bad_date, "junk"]},
    )
    pds.on(GET_POSTS, posts_answer)
    (page,) = one_stream(connector(httpserver), "notifications")
    assert [e.actor.handle for e in page.interactions] == ["bob.test"]
    assert page.skipped["malformed"] == 3
    assert len(page.warnings) == 3
    assert any("'author'" in w for w in page.warnings)


def test_missing_notifications_field_is_bad_response(httpserver, pds):
    pds.on(NOTIFS, {"cursor": "x"})
    with pytest.raises(BadResponse, match="'notifications'"):
        one_stream(connector(httpserver), "notifications")


def test_unknown_stream_is_an_error(httpserver):
    with pytest.raises(ValueError, match="unknown"):
        list(connector(httpserver).pages({}, streams=["dms"]))


# ---------------------------------------------------------------------------------------------
# Author feed (outbound)


def quote_view(name: str, rkey: str, text: str, minute: int, quoted: str) -> dict:
    embed_record = {"$type": "app.bsky.embed.record", "record": ref(quoted)}
    view = post_view(name, rkey, text, minute)
    view["record"]["embed"] = embed_record
    view["embed"] = {
        "$type": "app.bsky.embed.record#view",
        "record": {
            "$type": "app.bsky.embed.record#viewRecord",
            "uri": quoted,
            "cid": cid(quoted),
            "author": profile("dave"),
            "value": post_record("dave's post"),
            "indexedAt": stamp(1),
        },
    }
    return view


def test_author_feed_maps_my_reposts_replies_mentions_and_quotes(httpserver, pds):
    dave_post = post_uri("dave", "3davepost")
    bob_post = post_view("bob", "3bobpost", "bob's thoughts", 1)
    mention_text = "thanks @carol.test!"
    feed = [
        # I reposted ana's post
        {"post": post_view("ana", "3anapost", "ana's article", 2), "reason": reason_repost(ME, 59)},
        # I replied to bob
        {
            "post": post_view(
                ME,
                "3myreply",
                "good point",
                58,
                reply={"root": ref(bob_post["uri"]), "parent": ref(bob_post["uri"])},
            ),
            "reply": {"root": bob_post, "parent": bob_post},
        },
        # I mentioned carol
        {
            "post": post_view(
                ME, "3mymention", mention_text, 57, facets=[mention_facet(7, 18, "carol")]
            )
        },
        # I quoted dave (the view embeds his post)
        {"post": quote_view(ME, "3myquote", "read this", 56, dave_post)},
        # a plain post of mine, and a reply to myself (a thread): nothing to credit
        {"post": post_view(ME, "3plain", "just me", 55)},
        {
            "post": post_view(
                ME, "3thread", "part 2", 54, reply={"root": ref(MY_POST), "parent": ref(MY_POST)}
            )
        },
        # my repost of my own post: nothing either
        {"post": post_view(ME, "3mypost", "mine", 1), "reason": reason_repost(ME, 53, "3self")},
    ]
    pds.on(AUTHOR_FEED, {"feed": feed})
    pds.on(PROFILES, profiles_answer)
    (page,) = one_stream(connector(httpserver), "author_feed")

    got = [(e.kind, e.actor.handle, e.external_id) for e in page.interactions]
    assert got == [
        (Kind.SHARE, "ana.test", "repost:" + post_uri("ana", "3anapost")),
        (Kind.REPLY, "bob.test", "reply:" + post_uri(ME, "3myreply")),
        (Kind.MENTION, "carol.test", f"mention:{post_uri(ME, '3mymention')}:{did('carol')}"),
        (Kind.QUOTE, "dave.test", "quote:" + post_uri(ME, "3myquote")),
    ]
    assert all(e.direction == Direction.OUTBOUND for e in page.interactions)
    share, reply, mention, quote = page.interactions
    assert share.post.url == "https://bsky.app/profile/ana.test/post/3anapost"
    assert share.post.text == "ana's article"
    assert share.occurred_at == datetime(2024, 5, 1, 10, 59, tzinfo=UTC)
    assert reply.post.url == "https://bsky.app/profile/me.test/post/3myreply"
    assert reply.post.text == "good point"
    assert mention.post.text == mention_text
    assert quote.actor.display_name == "Dave"
    # only carol had to be looked up (bob, ana, dave came with the feed)
    assert [c.args.getlist("actors") for c in pds.of(PROFILES)] == [[did("carol")]]
    (call,) = pds.of(AUTHOR_FEED)
    assert (call.args["actor"], call.args["filter"]) == (ME_DID, "posts_with_replies")
    assert page.cursor == f"{stamp(59)}|{uri(ME, 'app.bsky.feed.repost', '3repost')}"


def test_author_feed_incremental(httpserver, pds):
    feed = [{"post": post_view(ME, f"3p{m}", "x", m)} for m in (59, 58, 57)]
    pds.on(AUTHOR_FEED, {"feed": feed, "cursor": "next"})
    saved = f"{stamp(58)}|{post_uri(ME, '3p58')}"
    (page,) = one_stream(connector(httpserver), "author_feed", saved)
    assert pds.count(AUTHOR_FEED) == 1
    assert page.cursor == f"{stamp(59)}|{post_uri(ME, '3p59')}"


# ---------------------------------------------------------------------------------------------
# Likes (outbound)


def like_item(rkey: str, subject: str, minute: int) -> dict:
    at = uri(ME, "app.bsky.feed.like", rkey)
    value = {"$type": "app.bsky.feed.like", "subject": ref(subject), "createdAt": stamp(minute)}
    return {"uri": at, "cid": cid(at), "value": value}


def test_likes_from_list_records_with_profiles(httpserver, pds):
    records = [
        like_item("3l5", post_uri("ana", "3a1"), 59),
        like_item("3l4", post_uri("bob", "3b1"), 58),
        like_item("3l3", MY_POST, 57),  # my own post: no one to credit
        like_item("3l2", post_uri("ana", "3a2"), 56),
        like_item("3l1", uri("ghost", "app.bsky.feed.generator", "cats"), 55),
    ]
    pds.on(LIST_RECORDS, {"records": records, "cursor": "3l1"})
    pds.on(PROFILES, profiles_answer)
    pds.on(GET_POSTS, posts_answer)
    (page,) = one_stream(connector(httpserver, backfill_pages=1), "likes")
    got = [(e.kind, e.direction, e.actor.handle) for e in page.interactions]
    assert got == [
        (Kind.LIKE, Direction.OUTBOUND, "ana.test"),
        (Kind.LIKE, Direction.OUTBOUND, "bob.test"),
        (Kind.LIKE, Direction.OUTBOUND, "ana.test"),
        (Kind.LIKE, Direction.OUTBOUND, did("ghost")),
    ]
    first = page.interactions[0]
    assert first.external_id == "like:" + uri(ME, "app.bsky.feed.like", "3l5")
    assert first.occurred_at == datetime(2024, 5, 1, 10, 59, tzinfo=UTC)
    assert first.post.url == "https://bsky.app/profile/ana.test/post/3a1"
    assert first.post.remote_id == post_uri("ana", "3a1")
    assert page.interactions[3].post.url == f"https://bsky.app/profile/{did('ghost')}/feed/cats"
    (call,) = pds.of(PROFILES)
    assert call.args.getlist("actors") == [did("ana"), did("bob"), did("ghost")]
    (listing,) = pds.of(LIST_RECORDS)
    assert (listing.args["repo"], listing.args["collection"]) == (ME_DID, "app.bsky.feed.like")
    assert page.cursor == uri(ME, "app.bsky.feed.like", "3l5")

    pds.calls.clear()
    records.insert(0, like_item("3l6", post_uri("bob", "3b2"), 59))
    c = connector(httpserver)
    (page,) = one_stream(c, "likes", page.cursor)
    assert [e.external_id for e in page.interactions] == [
        "like:" + uri(ME, "app.bsky.feed.like", "3l6")
    ]
    assert pds.count(LIST_RECORDS) == 1


def test_profiles_in_batches_of_25(httpserver, pds):
    records = [like_item(f"3l{i:02d}", post_uri(f"p{i:02d}", "3x"), 59) for i in range(30)]
    pds.on(LIST_RECORDS, {"records": records})
    pds.on(PROFILES, profiles_answer)
    (page,) = one_stream(connector(httpserver), "likes")
    assert len(page.interactions) == 30
    assert [len(c.args.getlist("actors")) for c in pds.of(PROFILES)] == [25, 5]


# ---------------------------------------------------------------------------------------------
# Timeline (candidates)


def span(text: str, part: str) -> tuple[int, int]:
    start = len(text[: text.index(part)].encode())
    return start, start + len(part.encode())


def test_timeline_links_become_candidates_and_reposts_credit_both(httpserver, pds):
    article = "https://example.org/article?utm_source=bsky"
    text = f"Gran artículo 👉 {article} y https://other.example/x."
    feed = [
        {
            "post": post_view(
                "ana",
                "3ana",
                text,
                59,
                langs=["es"],
                embed=external_view(article, "The Article", "What it says"),
                facets=[
                    link_facet(*span(text, article), article),  # the same link as the embed
                    link_facet(*span(text, "https://other.example/x"), "https://other.example/x"),
                ],
            )
        },
        {
            "post": post_view(
                "carol",
                "3carol",
                "look",
                40,
                embed=external_view("https://news.example/n", "News", ""),
            ),
            "reason": reason_repost("bob", 58, "3bobrp"),
        },
        {
            "post": post_view(
                ME, "3mine", "my link", 57, facets=[link_facet(0, 7, "https://mine.example/")]
            )
        },
        {"post": post_view("dave", "3dave", "no links here", 56)},
    ]
    pds.on(TIMELINE, {"feed": feed, "cursor": "c2"})
    (page,) = one_stream(connector(httpserver, backfill_pages=1), "timeline")
    assert page.interactions == []
    got = [(c.url, c.sharer.handle, c.source_ref) for c in page.candidates]
    ana_url = "https://bsky.app/profile/ana.test/post/3ana"
    carol_url = "https://bsky.app/profile/carol.test/post/3carol"
    assert got == [
        (article, "ana.test", ana_url),
        ("https://other.example/x", "ana.test", ana_url),
        ("https://news.example/n", "carol.test", carol_url),
        ("https://news.example/n", "bob.test", f"{carol_url}#repost-by-{did('bob')}"),
    ]
    first = page.candidates[0]
    assert (first.title, first.summary, first.source, first.language) == (
        "The Article",
        "What it says",
        "timeline",
        "es",
    )
    assert first.seen_at == datetime(2024, 5, 1, 10, 59, tzinfo=UTC)
    assert page.candidates[3].seen_at == datetime(2024, 5, 1, 10, 58, tzinfo=UTC)
    assert page.candidates[1].title == ""
    assert page.cursor == f"{stamp(59)}|{post_uri('ana', '3ana')}"


# ---------------------------------------------------------------------------------------------
# Actions


def test_reply_with_mention_and_link_facets_in_utf8_bytes(httpserver, pds):
    root = post_uri(ME, "3root")
    parent = post_view(
        "bob", "3bobreply", "thanks!", 5, reply={"root": ref(root), "parent": ref(root)}
    )
    pds.on(GET_POSTS, {"posts": [parent]})
    pds.on(RESOLVE, lambda r: {"did": did("bob")} if r.args["handle"] == "bob.test" else None)
    pds.on(CREATE_RECORD, {"uri": post_uri(ME, "3newreply"), "cid": cid("new")})
    text = "¡Gracias @bob.test! 🙏 mira https://example.org/a"

    url = connector(httpserver).reply(parent["uri"], text)

    assert url == "https://bsky.app/profile/me.test/post/3newreply"
    assert pds.of(GET_POSTS)[0].args.getlist("uris") == [parent["uri"]]
    (call,) = pds.of(CREATE_RECORD)
    assert call.auth == "Bearer access-1"
    assert (call.body["repo"], call.body["collection"]) == (ME_DID, "app.bsky.feed.post")
    record = call.body["record"]
    assert record["$type"] == "app.bsky.feed.post"
    assert record["text"] == text
    assert record["reply"] == {"root": ref(root), "parent": ref(parent["uri"])}
    assert record["facets"] == [
        {
            "index": {"byteStart": 10, "byteEnd": 19},
            "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did("bob")}],
        },
        {
            "index": {"byteStart": 31, "byteEnd": 52},
            "features": [{"$type": "app.bsky.richtext.facet#link", "uri": "https://example.org/a"}],
        },
    ]
    assert text.encode()[10:19] == b"@bob.test"
    assert text.encode()[31:52] == b"https://example.org/a"
    assert datetime.fromisoformat(record["createdAt"]).tzinfo is not None
    assert "langs" not in record


def test_reply_to_a_top_level_post_uses_it_as_root_and_skips_unknown_handles(httpserver, pds):
    parent = post_view("bob", "3top", "hello", 5)
    pds.on(GET_POSTS, {"posts": [parent]})
    pds.on(RESOLVE, xrpc_error(400, "HandleNotFound", "Unable to resolve handle"))
    pds.on(CREATE_RECORD, {"uri": post_uri(ME, "3r"), "cid": cid("r")})
    connector(httpserver).reply(parent["uri"], "hi @nobody.test", langs=["en"])
    record = pds.of(CREATE_RECORD)[0].body["record"]
    assert record["reply"] == {"root": ref(parent["uri"]), "parent": ref(parent["uri"])}
    assert "facets" not in record
    assert record["langs"] == ["en"]


def test_reply_by_bsky_app_url(httpserver, pds):
    parent = post_view("bob", "3top", "hello", 5)
    pds.on(RESOLVE, {"did": did("bob")})
    pds.on(GET_POSTS, {"posts": [parent]})
    pds.on(CREATE_RECORD, {"uri": post_uri(ME, "3r"), "cid": cid("r")})
    connector(httpserver).reply("https://bsky.app/profile/bob.test/post/3top", "thanks")
    assert pds.of(GET_POSTS)[0].args.getlist("uris") == [parent["uri"]]


def test_reply_too_long_is_refused_before_any_request(httpserver, pds):
    with pytest.raises(Refused, match="300"):
        connector(httpserver).reply(post_uri("bob", "3x"), "é" * (GRAPHEME_LIMIT + 1))
    assert pds.calls == []


def test_a_post_of_exactly_300_graphemes_of_indic_conjuncts_and_emoji_is_sent(httpserver, pds):
    # The old approximation counted 375 here and refused it before any request.
    text = ("क्षि" * 25 + "স্ত্র" * 25 + "👩\u200d👩\u200d👧" * 25 + "🇪🇸" * 25) + "a" * 200
    pds.on(CREATE_RECORD, {"uri": post_uri(ME, "3new"), "cid": cid("new")})
    assert connector(httpserver).post(text) == "https://bsky.app/profile/me.test/post/3new"
    assert pds.of(CREATE_RECORD)[0].body["record"]["text"] == text


def test_reply_to_a_deleted_post_is_refused(httpserver, pds):
    pds.on(GET_POSTS, {"posts": []})
    with pytest.raises(Refused, match="gone"):
        connector(httpserver).reply(post_uri("bob", "3x"), "thanks")
    assert pds.count(CREATE_RECORD) == 0


def test_like_creates_a_like_record_with_the_cid(httpserver, pds):
    target = post_view("bob", "3b", "nice", 5)
    pds.on(GET_POSTS, {"posts": [target]})
    pds.on(CREATE_RECORD, {"uri": uri(ME, "app.bsky.feed.like", "3lk"), "cid": cid("lk")})
    assert connector(httpserver).like(target["uri"]) is None
    (call,) = pds.of(CREATE_RECORD)
    assert call.body["collection"] == "app.bsky.feed.like"
    assert call.body["record"]["subject"] == ref(target["uri"])
    assert call.body["record"]["$type"] == "app.bsky.feed.like"


def test_like_of_a_liked_post_does_nothing(httpserver, pds):
    target = post_view("bob", "3b", "nice", 5)
    target["viewer"]["like"] = uri(ME, "app.bsky.feed.like", "3old")
    pds.on(GET_POSTS, {"posts": [target]})
    connector(httpserver).like(target["uri"])
    assert pds.count(CREATE_RECORD) == 0


# ---------------------------------------------------------------------------------------------
# Transport: rate limits, server errors, garbage, timeouts


def test_429_with_ratelimit_reset_is_rate_limited(httpserver, pds):
    reset = int(time.time()) + 600
    pds.on(
        NOTIFS,
        Response(
            '{"error":"RateLimitExceeded","message":"Rate Limit Exceeded"}',
            status=429,
            headers={
                "RateLimit-Limit": "3000",
                "RateLimit-Remaining": "0",
                "RateLimit-Reset": str(reset),
            },
            content_type="application/json",
        ),
    )
    with pytest.raises(RateLimited) as err:
        one_stream(connector(httpserver), "notifications")
    assert err.value.retry_at == datetime.fromtimestamp(reset, UTC)


def test_500_then_success_is_retried(httpserver, pds):
    pds.on(NOTIFS, [xrpc_error(500, "InternalServerError"), {"notifications": follows(59, 1)}])
    (page,) = one_stream(connector(httpserver), "notifications")
    assert len(page.interactions) == 1
    assert pds.count(NOTIFS) == 2


def test_503_then_success_is_retried_by_the_http_layer(httpserver, pds):
    pds.on(NOTIFS, [(503, {"error": "Unavailable"}), {"notifications": follows(59, 1)}])
    (page,) = one_stream(connector(httpserver), "notifications")
    assert len(page.interactions) == 1
    assert pds.count(NOTIFS) == 2


def test_500_twice_is_an_error(httpserver, pds):
    pds.on(NOTIFS, xrpc_error(500, "InternalServerError", "boom"))
    with pytest.raises(ConnectorError, match="server error") as err:
        one_stream(connector(httpserver), "notifications")
    assert not isinstance(err.value, (NeedsSignIn, BadResponse))


def test_post_is_not_retried_on_500(httpserver, pds):
    pds.on(GET_POSTS, {"posts": [post_view("bob", "3b", "x", 1)]})
    pds.on(CREATE_RECORD, xrpc_error(500, "InternalServerError"))
    with pytest.raises(ConnectorError, match="server error"):
        connector(httpserver).like(post_uri("bob", "3b"))
    assert pds.count(CREATE_RECORD) == 1


def test_malformed_json_is_bad_response(httpserver, pds):
    pds.on(NOTIFS, Response("<html>oops</html>", status=200, content_type="application/json"))
    with pytest.raises(BadResponse, match="not JSON"):
        one_stream(connector(httpserver), "notifications")


def test_timeout_is_unreachable(httpserver, pds):
    def slow(request):
        time.sleep(0.6)
        return {"notifications": []}

    pds.on(NOTIFS, slow)
    c = BlueskyConnector(
        make_session(httpserver),
        http_factory=lambda url: HttpClient(url, timeout=(1.0, 0.2), retries=0),
    )
    with pytest.raises(Unreachable, match="did not answer in time"):
        one_stream(c, "notifications")


def test_connection_refused_is_unreachable():
    session = BlueskySession(ME_DID, "me.test", "a", "r", "http://127.0.0.1:9")
    c = BlueskyConnector(session, http_factory=lambda url: HttpClient(url, retries=0))
    with pytest.raises(Unreachable):
        c.verify()


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12)
    | st.sampled_from(["like", "reply", "quote", stamp(1), MY_POST, "at://x/y/z", ME_DID]),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
AT_URIS = [MY_POST, post_uri("ana", "3a"), uri("bob", "app.bsky.feed.repost", "3r"), "at://x"]


def maybe(plausible):
    """Mostly a plausible value, sometimes anything at all."""
    return st.one_of(plausible, plausible, plausible, json_values)


notification_like = st.fixed_dictionaries(
    {
        "uri": maybe(st.sampled_from(AT_URIS)),
        "author": maybe(
            st.fixed_dictionaries(
                {"did": maybe(st.sampled_from([did("ana"), did("bob"), ME_DID, "nope"]))},
                optional={
                    "handle": maybe(st.sampled_from(["ana.test", "handle.invalid", ""])),
                    "displayName": json_values,
                },
            )
        ),
        "reason": maybe(st.sampled_from(sorted(NOTIFICATION_KINDS) + ["verified", ""])),
        "indexedAt": maybe(st.sampled_from([stamp(1), "2024-05-01T10:00:00.123456789Z", "x"])),
    },
    optional={
        "cid": maybe(st.just(cid("x"))),
        "reasonSubject": maybe(st.sampled_from(AT_URIS)),
        "record": maybe(
            st.fixed_dictionaries(
                {},
                optional={
                    "text": json_values,
                    "langs": json_values,
                    "subject": maybe(st.sampled_from(AT_URIS).map(ref)),
                    "via": maybe(st.sampled_from(AT_URIS).map(ref)),
                },
            )
        ),
        "isRead": json_values,
    },
)
bodies = json_values | st.fixed_dictionaries(
    {"notifications": st.lists(notification_like | json_values, max_size=4)},
    optional={"cursor": json_values},
)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(body=bodies)
def test_any_json_from_list_notifications_is_at_worst_bad_response(httpserver, body):
    httpserver.clear()
    pds = FakePds().install(httpserver)
    pds.on(NOTIFS, [(200, body), {"notifications": []}])
    pds.on(GET_POSTS, {"posts": []})
    pds.on(PROFILES, {"profiles": []})
    try:
        for page in connector(httpserver).pages({}, streams=["notifications"]):
            assert all(e.occurred_at.tzinfo is not None for e in page.interactions)
            assert all(e.actor.stable_id.startswith("did:") for e in page.interactions)
    except BadResponse:
        pass


# ---------------------------------------------------------------------------------------------
# Text


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("", 0),
        ("abc", 3),
        ("👩\u200d👩\u200d👧", 1),  # family: a ZWJ sequence
        ("🇪🇸", 1),  # a flag: two regional indicators
        ("🇪🇸🇫🇷", 2),
        ("e\u0301", 1),  # é as e + combining acute
        ("👍🏽", 1),  # skin-tone modifier
        ("❤️", 1),  # variation selector
        ("1️⃣", 1),  # keycap
        ("🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f", 1),  # Scotland
        ("a\r\nb", 3),
        ("한국어", 3),
        ("\u1100\u1161\u11a8", 1),  # Hangul jamo L V T
        ("¡Gracias @bob.test! 🙏", 21),
        ("a\u200db", 2),  # ZWJ joins only pictographs
    ],
)
def test_count_graphemes(text, count):
    assert count_graphemes(text) == count


def test_find_mentions_and_links_in_bytes():
    text = "Olá @ana.test, café ☕ com @bob.test. https://x.example/a_(b) (https://y.example/c)."
    mentions = find_mentions(text)
    assert [h for _, _, h in mentions] == ["ana.test", "bob.test"]
    for start, end, handle in mentions:
        assert text.encode()[start:end].decode() == "@" + handle
    links = find_links(text)
    assert [u for _, _, u in links] == ["https://x.example/a_(b)", "https://y.example/c"]
    for start, end, url in links:
        assert text.encode()[start:end].decode() == url
    assert find_mentions("mail me@bob.test or @bob.test.") == [(20, 29, "bob.test")]
