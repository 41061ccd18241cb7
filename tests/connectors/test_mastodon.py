"""The Mastodon connector against a fake server (pytest-httpserver) serving recorded responses."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import threading
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from connectors.mastodon_server import (
    ADMIN_ID,
    ME_ID,
    FakeMastodon,
    FakeStream,
    base_url,
    body,
    load,
    notification,
    serve,
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
from desktop.connectors.http import HttpClient
from desktop.connectors.mastodon import (
    DEFAULT_LIMITS,
    OOB_REDIRECT,
    SCOPES,
    AppCredentials,
    CodeNotAccepted,
    InstanceLimits,
    MastodonConnector,
    authorize_url,
    exchange_code,
    make_pkce,
    normalise_instance,
    register_app,
)
from desktop.core.events import Direction, Kind

TOKEN = "sekrit-token-0123456789"


@pytest.fixture
def base(httpserver):
    return base_url(httpserver)


def connector(base, *, account_id=ME_ID, **kw) -> MastodonConnector:
    http = HttpClient(base, token=TOKEN, backoff=0, timeout=kw.pop("timeout", (2, 5)))
    return MastodonConnector(base, TOKEN, http=http, account_id=account_id, **kw)


def queries(httpserver, path=None) -> list[dict]:
    return [
        {k: v for k, v in r.args.items()}
        for r, _ in httpserver.log
        if path is None or r.path == path
    ]


def one_page(conn, stream, cursor=None):
    pages = list(conn.pages({stream: cursor} if cursor else {}, streams=[stream]))
    assert len(pages) == 1, pages
    return pages[0]


# --- sign-in -------------------------------------------------------------------------------


def test_sign_in_flow_registers_authorizes_with_pkce_exchanges_and_verifies(httpserver, base):
    seen = {}

    def apps(request):
        seen["apps"] = request.form.to_dict()
        return Response(
            json.dumps(load("apps_create.json")["body"]), content_type="application/json"
        )

    def token(request):
        seen["token"] = request.form.to_dict()
        return Response(
            json.dumps(load("oauth_token_client_credentials.json")["body"]),
            content_type="application/json",
        )

    httpserver.expect_request("/api/v1/apps", method="POST").respond_with_handler(apps)
    httpserver.expect_request("/oauth/token", method="POST").respond_with_handler(token)
    serve(httpserver, "verify_credentials.json")

    creds = register_app(base)
    assert creds.client_id == "dSqEHsXYueL3gn3LbghhdtDXqqa9es7Ydchk8qWmIA0"
    assert creds.client_secret.startswith("REDACTED_")
    assert creds.client_secret not in repr(creds)
    assert seen["apps"]["client_name"] == "Reciprocity"
    assert seen["apps"]["redirect_uris"] == "urn:ietf:wg:oauth:2.0:oob"
    assert seen["apps"]["scopes"] == SCOPES

    verifier, challenge = make_pkce()
    url = authorize_url(base, creds.client_id, challenge)
    parts = urlsplit(url)
    assert f"{parts.scheme}://{parts.netloc}" == base
    assert parts.path == "/oauth/authorize"
    query = {k: v[0] for k, v in parse_qs(parts.query).items()}
    assert query == {
        "response_type": "code",
        "client_id": creds.client_id,
        "redirect_uri": OOB_REDIRECT,
        "scope": SCOPES,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    expected = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
    assert challenge == expected.rstrip(b"=").decode()

    access_token = exchange_code(base, creds, "  the-code \n", verifier)
    assert access_token.startswith("REDACTED_")
    assert seen["token"] == {
        "grant_type": "authorization_code",
        "code": "the-code",
        "client_id": creds.client_id,
        "client_secret": creds.client_secret,
        "redirect_uri": OOB_REDIRECT,
        "code_verifier": verifier,
        "scope": SCOPES,
    }

    me = MastodonConnector(base, access_token).verify()
    assert me.network == "mastodon"
    assert me.stable_id == "117020457910412882"
    assert me.handle == "@mastodonpy_test@localhost"
    assert me.display_name == "mastodonpy_test"  # the display name is empty: the username
    assert me.profile_url == f"{base}/@mastodonpy_test"
    auth = [r.headers.get("Authorization") for r, _ in httpserver.log]
    assert auth == [None, None, f"Bearer {access_token}"]  # no token before there is one


def test_pasted_token_needs_only_verify(httpserver, base):
    serve(httpserver, "verify_credentials.json")
    conn = MastodonConnector(base, TOKEN)
    assert conn.verify().stable_id == "117020457910412882"
    assert conn.account_id == "117020457910412882"
    assert len(httpserver.log) == 1
    assert httpserver.log[0][0].headers["Authorization"] == f"Bearer {TOKEN}"
    assert TOKEN not in repr(conn)


def test_a_code_that_is_not_accepted_says_paste_it_again(httpserver, base):
    serve(httpserver, "error_400_oauth_invalid_grant.json")
    with pytest.raises(CodeNotAccepted, match="the code was not accepted: paste it again") as err:
        exchange_code(base, AppCredentials("id", "secret"), "wrong", "verifier")
    assert isinstance(err.value, Refused)
    assert err.value.status == 400


def test_a_token_response_without_a_token_is_a_bad_response(httpserver, base):
    httpserver.expect_request("/oauth/token").respond_with_json({"token_type": "Bearer"})
    with pytest.raises(BadResponse, match="access_token"):
        exchange_code(base, AppCredentials("id", "secret"), "code", "verifier")


def test_app_registration_without_credentials_is_a_bad_response(httpserver, base):
    httpserver.expect_request("/api/v1/apps").respond_with_json({"id": "2"})
    with pytest.raises(BadResponse, match="client_id"):
        register_app(base)


def test_pkce_pairs_are_fresh_and_well_formed():
    pairs = {make_pkce() for _ in range(5)}
    assert len(pairs) == 5
    for verifier, challenge in pairs:
        assert 43 <= len(verifier) <= 128
        assert set(verifier) <= set(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~"
        )
        assert len(challenge) == 43 and "=" not in challenge


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("example.social", "https://example.social"),
        ("https://Example.social/", "https://example.social"),
        ("  EXAMPLE.social  ", "https://example.social"),
        ("@me@example.social", "https://example.social"),
        ("me@Example.Social", "https://example.social"),
        ("https://example.social/@me/123", "https://example.social"),
        ("http://localhost:3000", "http://localhost:3000"),
        ("social.example.co.uk:8443", "https://social.example.co.uk:8443"),
        ("bücher.example", "https://xn--bcher-kva.example"),
    ],
)
def test_normalise_instance(typed, expected):
    assert normalise_instance(typed) == expected


@pytest.mark.parametrize(
    "garbage",
    [
        "",
        "   ",
        "example",
        "exa mple.social",
        "ftp://example.social",
        "@me",
        "@@example.social",
        "me@",
        "https://",
        "https://user:pw@example.social",
        "example.social:notaport",
        "-bad-.example",
        "300.1.2.3",
    ],
)
def test_normalise_instance_rejects_garbage_clearly(garbage):
    with pytest.raises(ValueError, match=r"Mastodon|web address|server"):
        normalise_instance(garbage)


# --- paging and cursors --------------------------------------------------------------------


def mention(base, id):
    status = body("notifications_v1_mention.json", base)[0]["status"]
    return notification(base, str(id), "mention", status=status)


def test_first_sync_backfills_then_reads_forward_from_the_cursor(httpserver, base):
    fake = FakeMastodon(httpserver)
    fake.notifications.add([mention(base, i) for i in range(1, 8)])  # ids 1..7
    conn = connector(base, backfill_pages=2, page_limit=3)

    pages = list(conn.pages({}, streams=["notifications"]))
    assert [[e.external_id for e in p.interactions] for p in pages] == [
        ["notification:7", "notification:6", "notification:5"],
        ["notification:4", "notification:3", "notification:2"],
    ]
    # Only the last page of a back-fill moves the cursor, to the newest id seen.
    assert [p.cursor for p in pages] == [None, "7"]
    assert queries(httpserver) == [{"limit": "3"}, {"limit": "3", "max_id": "5"}]

    # New notifications, with ids one digit longer: ids compare as numbers, not as text.
    fake.notifications.add([mention(base, i) for i in range(8, 13)])
    httpserver.clear_log()
    pages = list(conn.pages({"notifications": "7"}, streams=["notifications"]))
    assert [[e.external_id for e in p.interactions] for p in pages] == [
        ["notification:10", "notification:9", "notification:8"],
        ["notification:12", "notification:11"],
    ]
    assert [p.cursor for p in pages] == ["10", "12"]
    assert queries(httpserver) == [
        {"limit": "3", "min_id": "7"},
        {"limit": "3", "min_id": "10"},
        {"limit": "3", "min_id": "12"},  # empty: up to date
    ]


def test_a_backfill_that_runs_out_moves_the_cursor_with_an_empty_last_page(httpserver, base):
    fake = FakeMastodon(httpserver)
    fake.notifications.add([mention(base, i) for i in (98, 99, 100, 101)])
    conn = connector(base, backfill_pages=5, page_limit=3)
    pages = list(conn.pages({}, streams=["notifications"]))
    assert [len(p.interactions) for p in pages] == [3, 1, 0]
    assert [p.cursor for p in pages] == [None, None, "101"]


def test_an_empty_account_syncs_with_one_request_per_stream_and_no_pages(httpserver, base):
    FakeMastodon(httpserver)
    conn = connector(base)
    assert list(conn.pages({})) == []
    assert len(httpserver.log) == 4


def test_second_sync_with_nothing_new_costs_one_request_per_stream(httpserver, base):
    fake = FakeMastodon(httpserver)
    fake.notifications.add([mention(base, i) for i in range(1, 4)])
    fake.statuses.add(body("account_statuses_page1.json", base))
    fake.favourites.add([body("status_favourite.json", base)], internal_ids=["1"])
    fake.timeline.add(body("home_timeline.json", base))
    conn = MastodonConnector(base, TOKEN, http=HttpClient(base, token=TOKEN, backoff=0))

    cursors = {}
    for page in conn.pages({}):
        if page.cursor:
            cursors[page.stream] = page.cursor
    assert cursors == {
        "notifications": "3",
        "statuses": "117020580518794573",
        "favourites": "1",  # the Link header's internal id, not the status id
        "timeline": "117020593473214477",
    }
    first = [r.path for r, _ in httpserver.log]
    assert first[0] == "/api/v1/accounts/verify_credentials"  # once: who am I

    httpserver.clear_log()
    assert list(conn.pages(cursors)) == []
    assert queries(httpserver) == [
        {"limit": "80", "min_id": "3"},
        {"limit": "80", "min_id": "117020580518794573"},
        {"limit": "80", "min_id": "1"},
        {"limit": "80", "min_id": "117020593473214477"},
    ]
    assert [r.path for r, _ in httpserver.log] == [
        "/api/v1/notifications",
        f"/api/v1/accounts/{ME_ID}/statuses",
        "/api/v1/favourites",
        "/api/v1/timelines/home",
    ]


def test_recorded_account_statuses_pages_follow_the_link_header(httpserver, base):
    serve(httpserver, "account_statuses_page1.json", query_string={"limit": "5"})
    serve(
        httpserver,
        "account_statuses_page2.json",
        query_string={"limit": "5", "max_id": "117020580489281910"},
    )
    conn = connector(base, backfill_pages=2, page_limit=5)
    pages = list(conn.pages({}, streams=["statuses"]))
    assert len(pages) == 2
    # My own plain toots are nothing I did for someone: no events, but the cursor moves.
    assert all(not p.interactions and not p.skipped for p in pages)
    assert [p.cursor for p in pages] == [None, "117020580518794573"]
    assert queries(httpserver)[1] == {"limit": "5", "max_id": "117020580489281910"}


def test_a_link_to_another_host_never_receives_the_token(httpserver, base):
    page = [mention(base, 5)]
    link = '<https://evil.example/api/v1/notifications?max_id=5>; rel="next"'
    httpserver.expect_request(
        "/api/v1/notifications", query_string={"limit": "80"}
    ).respond_with_response(
        Response(json.dumps(page), headers={"Link": link}, content_type="application/json")
    )
    httpserver.expect_request(
        "/api/v1/notifications", query_string={"limit": "80", "max_id": "5"}
    ).respond_with_json([])
    pages = list(connector(base).pages({}, streams=["notifications"]))
    assert [p.cursor for p in pages] == [None, "5"]
    assert [r.host for r, _ in httpserver.log] == [urlsplit(base).netloc] * 2


def test_favourites_page_by_the_link_headers_internal_ids(httpserver, base):
    fake = FakeMastodon(httpserver)
    liked = body("status_with_card.json", base)
    liked["account"] = body("notifications_v1_mention.json", base)[0]["account"]  # admin's
    older, newer = copy.deepcopy(liked), copy.deepcopy(liked)
    older["id"], newer["id"] = "117020000000000001", "117020000000000002"
    fake.favourites.add([older, newer], internal_ids=["41", "42"])
    conn = connector(base, page_limit=1, backfill_pages=5)

    pages = list(conn.pages({}, streams=["favourites"]))
    assert [[e.external_id for e in p.interactions] for p in pages] == [
        ["favourite:117020000000000002"],
        ["favourite:117020000000000001"],
        [],
    ]
    assert [p.cursor for p in pages] == [None, None, "42"]
    assert queries(httpserver) == [
        {"limit": "1"},
        {"limit": "1", "max_id": "42"},
        {"limit": "1", "max_id": "41"},
    ]
    like = pages[0].interactions[0]
    assert (like.kind, like.direction) == (Kind.LIKE, Direction.OUTBOUND)
    assert like.actor.handle == "@admin@localhost"
    assert like.post.remote_id == "117020000000000002"
    # No favourited-at time in the API: the post's own time.
    assert like.occurred_at == datetime(2026, 8, 1, 13, 59, 50, 763000, tzinfo=UTC)

    newest = copy.deepcopy(liked)
    newest["id"] = "117020000000000003"
    fake.favourites.add([newest], internal_ids=["100"])
    httpserver.clear_log()
    pages = list(conn.pages({"favourites": "42"}, streams=["favourites"]))
    assert [p.cursor for p in pages] == ["100"]
    assert queries(httpserver) == [{"limit": "1", "min_id": "42"}, {"limit": "1", "min_id": "100"}]


def test_recorded_empty_favourites_have_no_link_and_yield_nothing(httpserver, base):
    serve(httpserver, "favourites_empty.json", query_string={"limit": "80"})
    assert list(connector(base).pages({}, streams=["favourites"])) == []
    assert len(httpserver.log) == 1


# --- notifications -------------------------------------------------------------------------


def my_status(base, **changes):
    status = body("status_with_card.json", base)  # by mastodonpy_test, that is: me
    status.update(changes)
    return status


def test_every_notification_type_maps_or_is_skipped_and_counted(httpserver, base):
    their_mention = body("notifications_v1_mention.json", base)[0]["status"]
    their_reply = copy.deepcopy(their_mention)
    their_reply["in_reply_to_id"] = "117020609135389699"
    their_reply["in_reply_to_account_id"] = ME_ID
    quoting = body("status_real_quote.json")  # their post quoting one of mine
    items = [
        notification(base, "101", "mention", status=their_mention),
        notification(base, "102", "mention", status=their_reply),
        notification(base, "103", "reblog", status=my_status(base)),
        notification(base, "104", "favourite", status=my_status(base)),
        notification(base, "105", "follow"),
        notification(base, "106", "quote", status=quoting),
        notification(base, "107", "favourite", status=None),  # status gone
    ]
    unknown = [
        "admin.sign_up",
        "admin.report",
        "update",
        "poll",
        "status",
        "follow_request",
        "severed_relationships",
        "moderation_warning",
        "annual_report",
        "quoted_update",
        "added_to_collection",
        "something.new",
    ]
    items += [notification(base, str(200 + i), t) for i, t in enumerate(unknown)]
    httpserver.expect_request("/api/v1/notifications").respond_with_json(items)

    page = list(connector(base, backfill_pages=1).pages({}, streams=["notifications"]))[0]
    got = {e.external_id: e for e in page.interactions}
    assert {k: (e.kind, e.direction) for k, e in got.items()} == {
        "notification:101": (Kind.MENTION, Direction.INBOUND),
        "notification:102": (Kind.REPLY, Direction.INBOUND),
        "notification:103": (Kind.SHARE, Direction.INBOUND),
        "notification:104": (Kind.LIKE, Direction.INBOUND),
        "notification:105": (Kind.FOLLOW, Direction.INBOUND),
        "notification:106": (Kind.QUOTE, Direction.INBOUND),
        "notification:107": (Kind.LIKE, Direction.INBOUND),
    }
    assert page.skipped == dict.fromkeys(unknown, 1)
    assert page.cursor == "211"
    assert page.warnings == []

    admin_actor = got["notification:101"].actor
    assert admin_actor.stable_id == f"{base}/@admin" == admin_actor.profile_url
    assert admin_actor.handle == "@admin@localhost"
    assert admin_actor.display_name == "admin"
    assert got["notification:101"].occurred_at == datetime(
        2026, 8, 1, 13, 51, 39, 668000, tzinfo=UTC
    )
    assert got["notification:101"].post.text == "@mastodonpy_test hello!"
    assert got["notification:101"].post.remote_id == "117020576916218297"
    # A share or like of my post carries my post.
    assert got["notification:103"].post.url == f"{base}/@mastodonpy_test/117020609135389699"
    assert got["notification:103"].post.text == "http://example.org/"
    assert got["notification:103"].post.language == "en"
    # A quote carries their quoting post; the "RE: <url>" fallback is not text.
    assert got["notification:106"].post.remote_id == "115044073088181107"
    assert got["notification:106"].post.url.startswith("https://remote31.example/r/")
    assert "RE:" not in got["notification:106"].post.text
    assert got["notification:105"].post is None
    assert got["notification:107"].post is None


def test_the_paragraph_form_of_the_quote_fallback_is_not_text(httpserver, base):
    quoting = body("status_post_with_quote.json", base)
    items = [notification(base, "1", "quote", status=quoting)]
    httpserver.expect_request("/api/v1/notifications").respond_with_json(items)
    post = one_page(connector(base, backfill_pages=1), "notifications").interactions[0].post
    assert post.text == "yoooooooo"


def test_recorded_admin_sign_ups_are_skipped_but_move_the_cursor(httpserver, base):
    serve(httpserver, "notifications_v1_admin_sign_up.json", query_string={"limit": "80"})
    page = one_page(connector(base, backfill_pages=1), "notifications")
    assert page.interactions == []
    assert page.skipped == {"admin.sign_up": 3}
    assert page.cursor == "5"


def test_recorded_remote_mentions_with_null_statuses(httpserver, base):
    serve(
        httpserver,
        "notifications_v1_remote_40.json",
        query_string={"limit": "80"},
        hosts=["https://example.social"],
    )
    page = one_page(connector(base, backfill_pages=1), "notifications")
    assert len(page.interactions) == 40 and not page.skipped
    assert all(e.kind == Kind.MENTION for e in page.interactions)
    assert sum(e.post is None for e in page.interactions) == 39
    first = page.interactions[0]
    assert first.external_id == "notification:550622655"
    assert first.actor.handle == "@person1@example.town"
    assert first.actor.stable_id == "https://example.town/@person1"
    assert page.cursor == "550622655"
    with_post = next(e for e in page.interactions if e.post)
    assert with_post.post.url.startswith("https://example.town/@person1/")
    assert with_post.post.text.startswith("@person4@example.social @person3@remote2.example")


def test_html_with_content_warning_emoji_mentions_and_tags(httpserver, base):
    status = body("status_real_cw_emoji_gifv_tag.json")
    items = [notification(base, "1", "favourite", status=status)]
    httpserver.expect_request("/api/v1/notifications").respond_with_json(items)
    post = one_page(connector(base, backfill_pages=1), "notifications").interactions[0].post
    assert post.text == (
        "CW: Magna aliqua enim ad minim veni\n"
        "@person47 Quis nostrud exercita\n\n"
        "Sed do eiusmod tempor incididunt ut labore et dolore magna ali :emoji28: #Topic2"
    )
    assert post.language == "de"
    assert post.url == "https://example.town/@person47/110446222386355655"
    assert post.remote_id == "110446223051565765"


def test_one_malformed_notification_is_skipped_with_a_warning(httpserver, base):
    good = mention(base, 3)
    no_account = mention(base, 2)
    del no_account["account"]
    bad_date = mention(base, 1)
    bad_date["created_at"] = "yesterday"
    items = [good, no_account, bad_date, "not an object", {"type": 7}]
    httpserver.expect_request("/api/v1/notifications").respond_with_json(items)
    page = one_page(connector(base, backfill_pages=1), "notifications")
    assert [e.external_id for e in page.interactions] == ["notification:3"]
    assert page.skipped == {"malformed": 4}
    assert len(page.warnings) == 4
    assert any("'account' is missing" in w for w in page.warnings)
    assert any("created_at" in w for w in page.warnings)
    assert page.cursor == "3"


@pytest.mark.parametrize("payload", [{"error": "nope"}, "text", 42, None])
def test_a_page_that_is_not_a_list_is_a_bad_response(httpserver, base, payload):
    httpserver.expect_request("/api/v1/notifications").respond_with_json(payload)
    with pytest.raises(BadResponse, match="expected a list"):
        list(connector(base).pages({}, streams=["notifications"]))


# --- outbound ------------------------------------------------------------------------------


def test_my_statuses_become_outbound_shares_replies_mentions_and_quotes(httpserver, base):
    # The recorded reply and mention were posted by admin: here admin is "me".
    reply = body("status_post_reply.json", base)  # admin replies to mastodonpy_test_2
    mention_ = body("status_post_mention.json", base)  # admin mentions mastodonpy_test
    boost = body("status_reblog.json", base)  # a boost of mastodonpy_test's post
    quote = body("status_post_with_quote.json", base)  # quotes mastodonpy_test's post
    self_boost = body("status_reblog.json", base)
    self_boost["id"] = "117020586027094263"
    self_boost["reblog"]["account"]["id"] = ADMIN_ID
    orphan_reply = body("status_post_reply.json", base)
    orphan_reply["id"] = "117020583258292383"
    orphan_reply["mentions"] = []
    plain = body("account_statuses_page1.json", base)[0]
    multi = body("status_post_mention.json", base)
    multi["id"] = "117020576916218298"
    multi["mentions"].append(
        {
            "id": "999",
            "username": "ana",
            "url": "https://remote.example/@ana",
            "acct": "ana@remote.example",
        }
    )
    items = [reply, mention_, boost, quote, self_boost, orphan_reply, plain, multi]
    httpserver.expect_request(f"/api/v1/accounts/{ADMIN_ID}/statuses").respond_with_json(items)

    conn = connector(base, account_id=ADMIN_ID, backfill_pages=1)
    page = one_page(conn, "statuses")
    got = {e.external_id: e for e in page.interactions}
    assert {k: (e.kind, e.actor.handle) for k, e in got.items()} == {
        "status:117020583258292382": (Kind.REPLY, "@mastodonpy_test_2@localhost"),
        f"status:117020576916218297:{ME_ID}": (Kind.MENTION, "@mastodonpy_test@localhost"),
        "status:117020586027094262": (Kind.SHARE, "@mastodonpy_test@localhost"),
        "status:117020582925004921:quote": (Kind.QUOTE, "@mastodonpy_test@localhost"),
        f"status:117020576916218298:{ME_ID}": (Kind.MENTION, "@mastodonpy_test@localhost"),
        "status:117020576916218298:999": (Kind.MENTION, "@ana@remote.example"),
    }
    assert all(e.direction == Direction.OUTBOUND for e in page.interactions)
    share = got["status:117020586027094262"]
    assert share.post.remote_id == "117020586019094258"  # the boosted post, not the wrapper
    assert share.post.text == "Toot!"
    assert share.actor.stable_id == f"{base}/@mastodonpy_test"
    assert share.actor.display_name == "John Lennon"
    replied = got["status:117020583258292382"]
    assert replied.post.text == "@mastodonpy_test_2 same!"
    assert replied.actor.stable_id == f"{base}/@mastodonpy_test_2"
    assert got["status:117020582925004921:quote"].post.remote_id == "117020582917124092"
    assert page.warnings == [
        "status 117020583258292383 replies to an account it does not mention; the reply was skipped"
    ]


# --- candidates ----------------------------------------------------------------------------


def test_timeline_links_become_candidates_and_a_boost_credits_both(httpserver, base):
    admin = body("notifications_v1_mention.json", base)[0]["account"]
    carded = body("status_with_card.json", base)  # by mastodonpy_test, with a card
    carded["card"]["description"] = "An  example\npage"
    carded["card"]["author_name"] = "IANA"
    boost = body("status_reblog.json", base)
    boost["id"] = "117020600000000000"
    boost["created_at"] = "2026-08-01T14:10:00.000Z"
    boost["account"] = admin
    boost["reblog"] = copy.deepcopy(carded)
    linked = body("status_real_cw_emoji_gifv_tag.json")
    linked["content"] += (
        '<p><a href="https://news.example/story?id=1">news.example/story?id=1</a> '
        '<a href="https://example.town/@person47/1">a post</a> '
        '<a href="https://example.town/@person9">someone</a> '
        f'<a href="{linked["media_attachments"][0]["url"]}">the video</a></p>'
    )
    direct = copy.deepcopy(linked)
    direct["id"], direct["visibility"] = "1", "direct"
    mine = body("status_with_card.json", base)
    mine["id"], mine["account"] = "2", {**admin, "id": "424242"}
    timeline = body("home_timeline.json", base) + [carded, boost, linked, direct, mine]
    httpserver.expect_request("/api/v1/timelines/home").respond_with_json(timeline)

    page = one_page(connector(base, account_id="424242", backfill_pages=1), "timeline")
    assert page.interactions == [] and not page.skipped
    got = [(c.url, c.sharer.handle, c.source_ref) for c in page.candidates]
    assert got == [
        ("http://example.org/", "@mastodonpy_test@localhost", carded["url"]),
        ("http://example.org/", "@mastodonpy_test@localhost", carded["url"]),
        ("http://example.org/", "@admin@localhost", boost["url"]),
        ("https://news.example/story?id=1", "@person47@example.town", linked["url"]),
    ]
    card = page.candidates[0]
    assert card.source == "timeline"
    assert card.title == "Example Domain"
    assert card.summary == "An example page"
    assert card.author_name == "IANA"
    assert card.language == "en"
    assert card.seen_at == datetime(2026, 8, 1, 13, 59, 50, 763000, tzinfo=UTC)
    by_booster = page.candidates[2]
    assert by_booster.seen_at == datetime(2026, 8, 1, 14, 10, tzinfo=UTC)
    assert by_booster.title == "Example Domain"
    plain = page.candidates[3]
    assert plain.title == "" and plain.language == "de"


def test_recorded_home_timeline_has_no_candidates(httpserver, base):
    serve(httpserver, "home_timeline.json", query_string={"limit": "80"})
    page = one_page(connector(base, backfill_pages=1), "timeline")
    assert page.candidates == [] and page.interactions == [] and not page.skipped
    assert page.cursor == "117020593473214477"


# --- errors --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "error_401_no_token.json",
        "error_401_invalid_token_post.json",
        "error_401_revoked_token_localized.json",
    ],
)
def test_401_needs_sign_in_and_never_shows_the_token(httpserver, base, name):
    serve(httpserver, name, path="/api/v1/accounts/verify_credentials", method="GET")
    with pytest.raises(NeedsSignIn) as err:
        MastodonConnector(base, TOKEN).pages({}).__next__()
    assert TOKEN not in str(err.value)
    assert "localhost" in str(err.value)


def test_401_while_reading_a_stream(httpserver, base):
    serve(httpserver, "error_401_no_token.json")
    with pytest.raises(NeedsSignIn):
        list(connector(base).pages({}, streams=["timeline"]))


def test_404_is_refused(httpserver, base):
    serve(httpserver, "error_404_status.json", path="/api/v1/statuses/0/favourite", method="POST")
    with pytest.raises(Refused) as err:
        connector(base).favourite("0")
    assert err.value.status == 404
    assert "Not Found" in str(err.value)


def test_reply_sends_idempotency_key_visibility_and_returns_the_url(httpserver, base):
    serve(httpserver, "status_post_reply.json")
    url = connector(base).reply(
        "117020583245459824", "@mastodonpy_test_2 same!", idempotency_key="k-1"
    )
    assert url == f"{base}/@admin/117020583258292382"
    request = httpserver.log[0][0]
    assert request.headers["Idempotency-Key"] == "k-1"
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert request.form.to_dict() == {
        "status": "@mastodonpy_test_2 same!",
        "in_reply_to_id": "117020583245459824",
        "visibility": "unlisted",
    }


def test_reply_too_long_is_refused_with_the_servers_localized_message(httpserver, base):
    serve(httpserver, "error_422_status_too_long_de.json")
    with pytest.raises(Refused) as err:
        connector(base).reply("1", "a" * 600, idempotency_key="k-2")
    assert err.value.status == 422
    assert "Text Begrenzung von 500 Zeichen überschritten" in str(err.value)


def test_favourite_and_boost_post_to_the_status(httpserver, base):
    serve(httpserver, "status_favourite.json")
    serve(httpserver, "status_reblog.json")
    conn = connector(base)
    conn.favourite("117020586054490060")
    conn.boost("117020586019094258")
    assert [(r.method, r.path) for r, _ in httpserver.log] == [
        ("POST", "/api/v1/statuses/117020586054490060/favourite"),
        ("POST", "/api/v1/statuses/117020586019094258/reblog"),
    ]
    with pytest.raises(ValueError):
        conn.favourite(" ")


def test_429_is_rate_limited_until_the_reset_time(httpserver, base):
    httpserver.expect_request("/api/v1/notifications").respond_with_json(
        {"error": "Too many requests"},
        status=429,
        headers={"X-RateLimit-Reset": "2026-08-01T15:00:00.066944Z"},
    )
    with pytest.raises(RateLimited) as err:
        list(connector(base).pages({}, streams=["notifications"]))
    assert err.value.retry_at == datetime(2026, 8, 1, 15, 0, 0, 66944, tzinfo=UTC)
    assert len(httpserver.log) == 1  # no sleeping, no retrying inside


@pytest.mark.parametrize("status", [500, 502, 503, 504])
def test_a_passing_server_error_on_a_get_is_retried(httpserver, base, status):
    httpserver.expect_oneshot_request("/api/v1/notifications").respond_with_data("", status=status)
    serve(httpserver, "notifications_v1_mention.json", query_string={"limit": "80"})
    page = one_page(connector(base, backfill_pages=1), "notifications")
    assert len(page.interactions) == 1
    assert len(httpserver.log) == 2


def test_a_lasting_500_is_a_server_error_after_the_retries(httpserver, base):
    httpserver.expect_request("/api/v1/notifications").respond_with_json(
        {"error": "boom"}, status=500
    )
    with pytest.raises(ConnectorError, match=r"server error \(500\): boom"):
        list(connector(base).pages({}, streams=["notifications"]))
    assert len(httpserver.log) == 4  # the first try and three retries


def test_malformed_json_is_a_bad_response(httpserver, base):
    httpserver.expect_request("/api/v1/notifications").respond_with_data(
        '[{"id": ', content_type="application/json"
    )
    with pytest.raises(BadResponse, match="not JSON"):
        list(connector(base).pages({}, streams=["notifications"]))


def test_a_read_timeout_is_unreachable(httpserver, base):
    release = threading.Event()

    def slow(request):
        release.wait(1.5)
        return Response("[]", content_type="application/json")

    httpserver.expect_request("/api/v1/notifications").respond_with_handler(slow)
    http = HttpClient(base, token=TOKEN, timeout=(1, 0.5), retries=0, backoff=0)
    conn = MastodonConnector(base, TOKEN, http=http, account_id=ME_ID)
    try:
        with pytest.raises(Unreachable, match="did not answer in time"):
            list(conn.pages({}, streams=["notifications"]))
    finally:
        release.set()


def test_verify_with_a_body_that_is_not_an_account(httpserver, base):
    httpserver.expect_request("/api/v1/accounts/verify_credentials").respond_with_json([])
    with pytest.raises(BadResponse, match="expected an account"):
        connector(base).verify()


# --- instance limits -----------------------------------------------------------------------


def test_instance_limits_from_v2(httpserver, base):
    serve(httpserver, "instance_v2.json", path="/api/v2/instance")
    assert connector(base).instance_limits() == InstanceLimits(500, 23)


def test_instance_limits_from_a_v2_with_more_characters(httpserver, base):
    instance = body("instance_v2.json", base)
    instance["configuration"]["statuses"]["max_characters"] = 5000
    httpserver.expect_request("/api/v2/instance").respond_with_json(instance)
    assert connector(base).instance_limits() == InstanceLimits(5000, 23)


def test_instance_limits_fall_back_to_v1_configuration(httpserver, base):
    serve(httpserver, "error_404_status.json", path="/api/v2/instance", method="GET")
    httpserver.expect_request("/api/v1/instance").respond_with_json(
        {"configuration": {"statuses": {"max_characters": 1000, "characters_reserved_per_url": 30}}}
    )
    assert connector(base).instance_limits() == InstanceLimits(1000, 30)


def test_instance_limits_fall_back_to_max_toot_chars(httpserver, base):
    httpserver.expect_request("/api/v2/instance").respond_with_json({"configuration": "odd"})
    httpserver.expect_request("/api/v1/instance").respond_with_json({"max_toot_chars": 5000})
    assert connector(base).instance_limits() == InstanceLimits(5000, 23)


def test_instance_limits_default_to_500_and_23(httpserver, base):
    serve(httpserver, "error_404_status.json", path="/api/v2/instance", method="GET")
    httpserver.expect_request("/api/v1/instance").respond_with_data("<html>", status=200)
    assert connector(base).instance_limits() == DEFAULT_LIMITS == InstanceLimits(500, 23)


def test_instance_limits_do_not_hide_a_revoked_sign_in(httpserver, base):
    serve(httpserver, "error_401_no_token.json", path="/api/v2/instance")
    with pytest.raises(NeedsSignIn):
        connector(base).instance_limits()


# --- anything at all -----------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "id",
                    "type",
                    "created_at",
                    "account",
                    "status",
                    "acct",
                    "url",
                    "uri",
                    "content",
                    "reblog",
                    "in_reply_to_account_id",
                    "spoiler_text",
                    "language",
                    "username",
                    "display_name",
                ]
            )
            | st.text(max_size=5),
            children,
            max_size=6,
        )
    ),
    max_leaves=25,
)
notification_like = st.fixed_dictionaries(
    {
        "id": st.one_of(st.text(max_size=4), st.integers(), st.none()),
        "type": st.sampled_from(["mention", "reblog", "favourite", "follow", "quote", "poll"])
        | json_values,
        "created_at": st.sampled_from(["2026-08-01T13:51:39.668Z", "garbage"]) | json_values,
        "account": st.fixed_dictionaries(
            {"acct": json_values, "url": json_values},
            optional={"display_name": json_values, "id": json_values},
        )
        | json_values,
        "status": json_values,
    }
)


@settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(payload=json_values | st.lists(notification_like | json_values, max_size=5))
def test_any_json_is_either_a_bad_response_or_pages(httpserver, payload):
    base = base_url(httpserver)
    httpserver.clear()
    httpserver.expect_request("/api/v1/notifications").respond_with_json(payload)
    conn = connector(base, backfill_pages=1)
    try:
        pages = list(conn.pages({}, streams=["notifications"]))
    except BadResponse:
        assert not isinstance(payload, list)
        return
    assert isinstance(payload, list)
    for page in pages:
        handled = len(page.interactions) + sum(page.skipped.values())
        assert handled == len(payload)
        assert page.skipped["malformed"] == len(page.warnings)


def test_fake_stream_pages_like_mastodon():
    stream = FakeStream("http://x", "/p", [{"id": str(i)} for i in range(1, 6)])

    class Req:
        def __init__(self, **args):
            self.args = args

    def ids(**args):
        return [item["id"] for item in json.loads(stream(Req(**args)).get_data())]

    assert ids(limit="2") == ["5", "4"]
    assert ids(limit="2", max_id="4") == ["3", "2"]
    assert ids(limit="2", min_id="1") == ["3", "2"]
    assert ids(limit="2", since_id="1") == ["5", "4"]
    assert ids(limit="2", min_id="5") == []


def test_plain_text_results_are_independent_copies():
    from desktop.connectors.html_text import html_to_text

    html = '<p>see <a href="https://x.example/a">x.example/a</a></p>'
    first = html_to_text(html)
    first.links.append("https://changed.example/")
    assert html_to_text(html).links == ["https://x.example/a"]
