"""A YouTube account synced by the real runner and engine into a real store, against a fake
Data API on loopback: the key comes from the keyring, comments become inbound replies per
person, a second sync adds nothing, a spent quota keeps what came and waits for the reset."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime

import pytest
from connectors.youtube_server import (
    COMMENTS_DISABLED,
    KEY,
    QUOTA_EXCEEDED,
    FakeYouTube,
    stamp,
    thread,
)
from sqlalchemy import func, select

from desktop.app import sign_in as signin
from desktop.platform.secrets import SecretStore, account_key
from desktop.queries.pending import pending
from desktop.store.models import Account, Interaction
from desktop.sync.engine import load_cursors
from desktop.sync.runner import sync_accounts


@pytest.fixture
def yt(httpserver) -> FakeYouTube:
    server = FakeYouTube(httpserver)
    server.add(
        thread("c6", "ana", stamp(60), video="vidA0000001"),
        thread("c5", "me", stamp(50), video="vidA0000001"),  # my answer to ana
        thread("c4", "ben", stamp(40), video="vidA0000001"),
        thread("c3", "ana", stamp(30), video="vidB0000002"),
        thread("c2", "clara", stamp(20), video="vidB0000002"),
        thread("c1", "ana", stamp(10), video="vidC0000003"),
    )
    return server


@pytest.fixture
def account(store, yt):
    return signin.youtube_with_key(store, SecretStore(), "@mychannel", KEY, yt.base)


def sync(store, **kw):
    return sync_accounts(store, SecretStore, **kw)


def interactions(store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Interaction))


def who_to_thank(store):
    with store.read() as s:
        return {p.name: p.counts for p in pending(s, today=date(2024, 5, 2))}


def test_comments_become_replies_per_person_and_a_second_sync_adds_nothing(store, yt, account):
    yt.requests.clear()
    (report,) = sync(store)
    assert report.ok and report.state == "ok", report.error
    assert (report.new, report.known) == (5, 0)
    assert who_to_thank(store) == {
        "@ana": {"reply": 3},
        "@ben": {"reply": 1},
        "@clara": {"reply": 1},
    }
    with store.read() as s:
        assert load_cursors(s, account.id) == {"comments": "2024-05-01T11:00:00+00:00"}
        ana = next(p for p in pending(s, today=date(2024, 5, 2)) if p.name == "@ana")
    assert [i.network for i in ana.identities] == ["youtube"]
    assert {p.url for p in ana.posts} == {
        "https://www.youtube.com/watch?v=vidA0000001",
        "https://www.youtube.com/watch?v=vidB0000002",
        "https://www.youtube.com/watch?v=vidC0000003",
    }
    assert len(yt.thread_requests()) == 1  # six comments: one page of 100
    assert yt.thread_requests()[0].headers["X-Goog-Api-Key"] == KEY  # from the keyring

    (again,) = sync(store)
    assert again.ok and again.new == 0
    assert interactions(store) == 5
    assert who_to_thank(store)["@ana"] == {"reply": 3}

    yt.add(thread("c7", "dan", stamp(70)))
    (third,) = sync(store)
    assert (third.new, interactions(store)) == (1, 6)
    assert "@dan" in who_to_thank(store)


def test_a_spent_quota_keeps_what_came_waits_for_midnight_pacific_and_resumes(
    store, yt, account, monkeypatch
):
    # 100 comments a page: 150 comments are two pages; the quota runs out on the second.
    yt.threads.clear()
    yt.add(*(thread(f"q{i:03d}", f"fan{i % 7}", stamp(i)) for i in range(150)))
    yt.fail(2, QUOTA_EXCEEDED, lasting=True)
    (report,) = sync(store)
    assert report.state == "rate_limited" and report.new == 100
    assert report.error.startswith("YouTube's daily quota for this API key is used up")
    assert report.warnings == []
    assert report.retry_at is not None and report.retry_at > datetime.now(UTC)
    assert report.retry_at.astimezone(UTC).minute == 0  # midnight in California, in UTC
    with store.read() as s:
        row = s.get(Account, account.id)
        assert (row.state, row.retry_at is not None) == ("rate_limited", True)
        assert "daily quota" in row.last_error
        assert load_cursors(s, account.id) == {}  # the older page is still to read
    assert interactions(store) == 100

    # Until the reset, the account waits without a request.
    yt.requests.clear()
    (waiting,) = sync(store)
    assert waiting.state == "rate_limited" and "rate limited until" in waiting.error
    assert yt.requests == []

    # After it, the sync reads everything again and duplicates nothing.
    yt.spent = None
    (resumed,) = sync(store, now=report.retry_at)
    assert resumed.ok and (resumed.new, resumed.known) == (50, 100)
    assert interactions(store) == 150


def test_comments_turned_off_do_not_fail_the_sync(store, yt, account):
    yt.fail(1, COMMENTS_DISABLED)
    (report,) = sync(store)
    assert report.ok and report.state == "ok"
    assert report.warnings and "comments are turned off" in report.warnings[0]
    (again,) = sync(store)
    assert again.ok and again.new == 5


def test_an_invalid_key_makes_the_account_need_a_new_one(store, yt, account):
    SecretStore().set(account_key("youtube", yt.base, "@mychannel"), "api_key", "AIzaSy-revoked")
    (report,) = sync(store)
    assert report.state == "needs_signin"
    assert "does not accept this API key" in report.error and "AIzaSy" not in report.error
    with store.read() as s:
        assert s.get(Account, account.id).state == "needs_signin"


def test_no_key_in_the_keyring_needs_the_account_added_again(store, yt, account):
    SecretStore().delete_account(account_key("youtube", yt.base, "@mychannel"), ("api_key",))
    (report,) = sync(store)
    assert report.state == "needs_signin" and "no YouTube API key" in report.error
    assert yt.thread_requests() == []


def test_channel_feeds_still_sync_as_candidates_beside_it(store, yt, account, httpserver):
    feed = httpserver.url_for("/feeds/videos.xml")
    httpserver.expect_request("/feeds/videos.xml").respond_with_data(
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" '
        'xmlns="http://www.w3.org/2005/Atom">'
        "<title>My Channel</title>"
        "<entry><id>yt:video:vidA0000001</id><yt:videoId>vidA0000001</yt:videoId>"
        "<title>Networking is giving</title>"
        '<link rel="alternate" href="https://www.youtube.com/watch?v=vidA0000001"/>'
        "<published>2024-05-01T09:00:00+00:00</published></entry></feed>",
        content_type="application/atom+xml",
    )
    signin.add_feeds(store, [feed])
    reports = sync(store)
    assert Counter(r.label.rsplit("(", 1)[1] for r in reports) == {"youtube)": 1, "feed)": 1}
    assert all(r.ok for r in reports), [r.error for r in reports]
    (feeds,) = [r for r in reports if r.label.endswith("(feed)")]
    assert feeds.candidates_new == 1
