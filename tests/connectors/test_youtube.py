"""The YouTube connector against a fake Data API v3 on loopback (documented shapes): paging,
the cursor, the quota, refused keys, comments turned off, my own comments, the key kept out
of URLs."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from connectors.youtube_server import (
    ACCESS_NOT_CONFIGURED,
    CHANNELS,
    COMMENTS_DISABLED,
    DAILY_LIMIT,
    KEY,
    KEY_BLOCKED,
    KEY_INVALID,
    KEY_INVALID_LEGACY,
    MY_CHANNEL,
    QUOTA_EXCEEDED,
    THREADS,
    VIDEO_NOT_FOUND,
    FakeYouTube,
    channel_id,
    stamp,
    thread,
)
from werkzeug import Response

from desktop.connectors.base import NeedsSignIn, RateLimited, Refused
from desktop.connectors.youtube import (
    API_KEY_HEADER,
    STREAM,
    YouTubeConnector,
    YouTubeHttp,
    channel_query,
    find_channel,
    quota_resets_at,
)
from desktop.core.errors import InvalidRequest
from desktop.core.events import Direction, Kind

SUMMER = datetime(2024, 5, 1, 20, 0, tzinfo=UTC)  # 13:00 in California (PDT, UTC-7)


@pytest.fixture
def yt(httpserver) -> FakeYouTube:
    return FakeYouTube(httpserver)


def connector(yt: FakeYouTube, *, key: str = KEY, **kw) -> YouTubeConnector:
    http = YouTubeHttp(yt.base, key, backoff=0, clock=lambda: SUMMER)
    return YouTubeConnector(MY_CHANNEL, key, http=http, **kw)


def five(yt: FakeYouTube) -> None:
    """Five comments, newest first: ana, ben, me (my own answer), clara, ana again."""
    yt.add(
        thread("c5", "ana", stamp(50), video="vidA0000001"),
        thread("c4", "ben", stamp(40), video="vidA0000001"),
        thread("c3", "me", stamp(30), video="vidA0000001"),
        thread("c2", "clara", stamp(20), video="vidB0000002"),
        thread("c1", "ana", stamp(10), video="vidB0000002"),
    )


def events(pages):
    return [e for p in pages for e in p.interactions]


# --- paging and the cursor ------------------------------------------------------------------


def test_three_pages_of_comments_become_inbound_replies_and_only_the_last_page_moves_the_cursor(
    yt,
):
    five(yt)
    pages = list(connector(yt, page_size=2).pages({}))
    assert [len(p.interactions) for p in pages] == [2, 1, 1]  # "me" (c3) is skipped
    assert [p.cursor for p in pages] == [None, None, "2024-05-01T10:50:00+00:00"]
    got = events(pages)
    assert [e.external_id for e in got] == ["comment:c5", "comment:c4", "comment:c2", "comment:c1"]
    assert {(e.kind, e.direction) for e in got} == {(Kind.REPLY, Direction.INBOUND)}
    ana = got[0]
    assert ana.actor.network == "youtube"
    assert ana.actor.stable_id == channel_id("ana")
    assert (ana.actor.handle, ana.actor.display_name) == ("@ana", "@ana")
    assert ana.actor.profile_url == "http://www.youtube.com/@ana"
    assert ana.occurred_at == datetime(2024, 5, 1, 10, 50, tzinfo=UTC)
    assert ana.post.url == "https://www.youtube.com/watch?v=vidA0000001"
    assert ana.post.remote_id == "vidA0000001"
    assert ana.post.text == "Great video! (ana, c5)"

    sent = yt.thread_requests()
    assert len(sent) == 3
    first = sent[0].args
    assert first["part"] == "snippet" and first["allThreadsRelatedToChannelId"] == MY_CHANNEL
    assert (first["order"], first["maxResults"]) == ("time", "2")
    assert "pageToken" not in first
    assert sent[1].args["pageToken"] and sent[2].args["pageToken"] != sent[1].args["pageToken"]
    # The key travels in its header, never in a URL (urllib3 logs retried URLs).
    assert all(r.headers[API_KEY_HEADER] == KEY and "key" not in r.args for r in sent)


def test_a_full_page_is_a_hundred_comments(yt):
    yt.add(thread("c1", "ana", stamp(1)))
    list(connector(yt).pages({}))
    assert yt.thread_requests()[0].args["maxResults"] == "100"


def test_the_cursor_stops_the_next_sync_at_the_last_comment_seen(yt):
    five(yt)
    pages = list(connector(yt, page_size=2).pages({}))
    cursor = pages[-1].cursor
    yt.add(thread("c7", "dan", stamp(70)), thread("c6", "ben", stamp(60)))
    yt.requests.clear()

    again = list(connector(yt, page_size=2).pages({STREAM: cursor}))
    # c7 and c6 fill page 1; page 2 holds c5, written at the cursor's very second (read
    # again: another comment of that second may have come since; ingest keeps it once),
    # and c4, older: the listing stops there.
    assert [e.external_id for e in events(again)] == ["comment:c7", "comment:c6", "comment:c5"]
    assert again[-1].cursor == "2024-05-01T11:10:00+00:00"
    assert len(yt.thread_requests()) == 2

    yt.requests.clear()
    nothing = list(connector(yt, page_size=2).pages({STREAM: again[-1].cursor}))
    assert [e.external_id for e in events(nothing)] == ["comment:c7"]
    assert nothing[-1].cursor is None  # the cursor stays
    assert len(yt.thread_requests()) == 1  # nothing new costs one call


def test_a_first_sync_reads_its_back_fill_and_a_later_one_warns_if_it_cannot_reach_the_cursor(yt):
    five(yt)
    pages = list(connector(yt, page_size=1, backfill_pages=2).pages({}))
    assert [e.external_id for e in events(pages)] == ["comment:c5", "comment:c4"]
    assert pages[-1].cursor == "2024-05-01T10:50:00+00:00" and not pages[-1].warnings

    yt.add(*(thread(f"n{i}", "dan", stamp(60 + i)) for i in range(5)))
    later = list(connector(yt, page_size=1, max_pages=3).pages({STREAM: pages[-1].cursor}))
    assert len(events(later)) == 3
    assert later[-1].cursor == "2024-05-01T11:04:00+00:00"
    assert "oldest of them were not read" in later[-1].warnings[0]


def test_an_unreadable_cursor_reads_afresh(yt):
    five(yt)
    assert len(events(connector(yt).pages({STREAM: "not a time"}))) == 4


# --- the quota ----------------------------------------------------------------------------


@pytest.mark.parametrize("answer", [QUOTA_EXCEEDED, DAILY_LIMIT], ids=["quota", "daily"])
def test_a_spent_quota_mid_paging_keeps_the_pages_before_and_waits_for_midnight_pacific(yt, answer):
    five(yt)
    yt.fail(2, answer, lasting=True)
    got = []
    with pytest.raises(RateLimited) as caught:
        for page in connector(yt, page_size=2).pages({}):
            got.append(page)
    assert [e.external_id for e in events(got)] == ["comment:c5", "comment:c4"]
    assert got[0].cursor is None  # the cursor waits for the pages below it
    # 13:00 PDT on May 1st: the quota comes back at midnight, 07:00 UTC on May 2nd.
    assert caught.value.retry_at == datetime(2024, 5, 2, 7, 0, tzinfo=UTC)
    assert (caught.value.status, caught.value.code) == (
        403,
        answer[1]["error"]["errors"][0]["reason"],
    )
    assert str(caught.value) == (
        "YouTube's daily quota for this API key is used up; what came before is kept, and "
        "the next sync waits until it resets at midnight Pacific time (2024-05-02 07:00 UTC)"
    )
    assert "<a href" not in str(caught.value)
    assert len(yt.thread_requests()) == 2  # no retries of a spent quota


def test_the_quota_resets_at_midnight_pacific_winter_and_summer():
    assert quota_resets_at(datetime(2024, 1, 10, 12, 0, tzinfo=UTC)) == datetime(
        2024, 1, 11, 8, 0, tzinfo=UTC
    )  # PST, UTC-8
    assert quota_resets_at(datetime(2024, 5, 2, 6, 59, tzinfo=UTC)) == datetime(
        2024, 5, 2, 7, 0, tzinfo=UTC
    )  # a minute before midnight in California
    assert quota_resets_at(datetime(2024, 5, 2, 7, 0, tzinfo=UTC)) == datetime(
        2024, 5, 3, 7, 0, tzinfo=UTC
    )  # just reset: the next one is tomorrow's


def test_a_per_minute_limit_is_a_short_wait_not_the_day(httpserver, yt):
    yt.fail(
        1,
        (403, {"error": {"code": 403, "message": "Rate", "errors": [
            {"reason": "rateLimitExceeded", "domain": "youtube.quota", "message": "Rate"}
        ]}}),
    )  # fmt: skip
    with pytest.raises(RateLimited) as caught:
        list(connector(yt).pages({}))
    assert (caught.value.retry_at - SUMMER).total_seconds() == 300
    assert "slow down" in str(caught.value)


# --- the key -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (KEY_INVALID, "does not accept this API key"),
        (KEY_INVALID_LEGACY, "does not accept this API key"),
        (ACCESS_NOT_CONFIGURED, "YouTube Data API v3 is not enabled"),
        (KEY_BLOCKED, "refuses this API key"),
    ],
    ids=["invalid", "invalid-legacy", "not-enabled", "blocked"],
)
def test_a_refused_key_needs_a_new_key(yt, answer, words):
    five(yt)
    yt.fail(1, answer)
    with pytest.raises(NeedsSignIn) as caught:
        list(connector(yt).pages({}))
    assert words in str(caught.value)
    assert "add the YouTube account again" in str(caught.value)
    assert caught.value.status == answer[0]
    assert caught.value.code in {
        "API_KEY_INVALID",
        "keyInvalid",
        "accessNotConfigured",
        "forbidden",
    }


def test_a_wrong_key_is_refused_by_the_server_and_never_shown(yt):
    five(yt)
    wrong = "AIzaSy-not-the-key"
    youtube = connector(yt, key=wrong)
    with pytest.raises(NeedsSignIn) as caught:
        list(youtube.pages({}))
    assert wrong not in str(caught.value) + repr(youtube) + repr(youtube.http)
    assert yt.thread_requests()[0].headers[API_KEY_HEADER] == wrong


def test_the_key_does_not_follow_a_redirect_to_another_host(httpserver):
    other = httpserver.url_for("/landed").replace("localhost", "127.0.0.1")
    httpserver.expect_request("/moved").respond_with_response(
        Response(status=302, headers={"Location": other})
    )
    httpserver.expect_request("/landed").respond_with_json({})
    YouTubeHttp(httpserver.url_for("/"), KEY).get("moved")
    first, landed = (r for r, _ in httpserver.log)
    assert first.headers[API_KEY_HEADER] == KEY
    assert landed.path == "/landed" and API_KEY_HEADER not in landed.headers


# --- what is not worth failing a sync for ---------------------------------------------------


@pytest.mark.parametrize("answer", [COMMENTS_DISABLED, VIDEO_NOT_FOUND], ids=["off", "gone"])
def test_comments_turned_off_or_a_video_gone_is_a_warning_and_the_pages_before_stay(yt, answer):
    five(yt)
    yt.fail(2, answer)
    pages = list(connector(yt, page_size=2).pages({}))
    assert [e.external_id for e in events(pages)] == ["comment:c5", "comment:c4"]
    assert all(p.cursor is None for p in pages)  # read down to the cursor next time
    (warning,) = [w for p in pages for w in p.warnings]
    assert warning.startswith("YouTube says") and "come next time" in warning


def test_another_refusal_still_fails(yt):
    yt.channels.clear()  # the channel is gone: 404 channelNotFound
    with pytest.raises(Refused) as caught:
        list(connector(yt).pages({}))
    assert (caught.value.status, caught.value.code) == (404, "channelNotFound")
    assert "The channel could not be found." in str(caught.value)


def test_my_own_comments_are_skipped_and_anonymous_or_malformed_ones_counted(yt):
    anonymous = thread("c2", "ghost", stamp(20))
    del anonymous["snippet"]["topLevelComment"]["snippet"]["authorChannelId"]
    broken = thread("c3", "ben", stamp(30))
    del broken["snippet"]["topLevelComment"]["snippet"]["publishedAt"]
    yt.add(thread("c4", "me", stamp(40)), anonymous, thread("c1", "ana", stamp(10)))
    yt.threads.insert(1, broken)
    (page,) = connector(yt).pages({})
    assert [e.actor.handle for e in page.interactions] == ["@ana"]
    assert page.skipped == {"no-author": 1, "malformed": 1}
    assert "publishedAt" in page.warnings[0]
    assert page.cursor == "2024-05-01T10:40:00+00:00"  # my own comment was read, too


def test_an_author_known_only_by_channel_id_keeps_it_as_handle(yt):
    legacy = thread("c1", "Ana", stamp(10), legacy_url=True)
    legacy["snippet"]["topLevelComment"]["snippet"]["authorDisplayName"] = "Ana García"
    yt.add(legacy)
    (event,) = events(connector(yt).pages({}))
    assert event.actor.handle == channel_id("Ana")
    assert event.actor.display_name == "Ana García"
    assert event.actor.profile_url == f"http://www.youtube.com/channel/{channel_id('Ana')}"


# --- which channel -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "query"),
    [
        (MY_CHANNEL, {"id": MY_CHANNEL}),
        (f" {MY_CHANNEL} ", {"id": MY_CHANNEL}),
        ("@mychannel", {"forHandle": "@mychannel"}),
        ("mychannel", {"forHandle": "@mychannel"}),
        ("https://www.youtube.com/@mychannel/videos", {"forHandle": "@mychannel"}),
        (f"youtube.com/channel/{MY_CHANNEL}", {"id": MY_CHANNEL}),
        (f"https://m.youtube.com/channel/{MY_CHANNEL}/", {"id": MY_CHANNEL}),
    ],
)
def test_a_channel_is_an_id_a_handle_or_an_address(typed, query):
    assert channel_query(typed) == query


@pytest.mark.parametrize(
    "typed", ["", "  ", "My Channel", "https://example.com/@me", "https://youtube.com/watch?v=x"]
)
def test_anything_else_says_what_to_type(typed):
    with pytest.raises(InvalidRequest, match=r"channel id \(UC…"):
        channel_query(typed)


def test_find_channel_by_handle_or_id(yt):
    http = YouTubeHttp(yt.base, KEY)
    me = find_channel(http, "@MyChannel")
    assert (me.stable_id, me.handle, me.display_name) == (MY_CHANNEL, "@mychannel", "My Channel")
    assert me.profile_url == f"https://www.youtube.com/channel/{MY_CHANNEL}"
    assert find_channel(http, MY_CHANNEL) == me
    assert [r.args.get("forHandle") or r.args.get("id") for r in yt.requests] == [
        "@MyChannel",
        MY_CHANNEL,
    ]
    assert all(r.path == CHANNELS and r.args["part"] == "snippet" for r in yt.requests)
    with pytest.raises(InvalidRequest, match="YouTube has no channel @nobody"):
        find_channel(http, "@nobody")


def test_verify_checks_the_key(yt):
    with pytest.raises(NeedsSignIn):
        connector(yt, key="wrong").verify()
    assert connector(yt).verify().stable_id == MY_CHANNEL
    assert THREADS not in {r.path for r in yt.requests}
