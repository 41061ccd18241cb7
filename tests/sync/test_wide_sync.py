"""Wide syncs on real HTTP: many feeds at once on threaded loopback hosts and accounts side
by side, into a real SQLite store. Pages arrive in any order and commit with their own
cursors; a crash mid-sync loses nothing committed and duplicates nothing; Cancel stops
between pages; progress counts every source."""

from __future__ import annotations

import json
import threading

import pytest
from connectors.mastodon_server import ME_ID, FakeMastodon, notification
from sqlalchemy import func, select

from desktop.app.sync_progress import syncing
from desktop.connectors.feeds import FeedConnector, FeedSource
from desktop.platform.secrets import SecretStore
from desktop.queries.accounts import add_feed, upsert_account
from desktop.store.models import Candidate, Feed, Interaction, Sighting
from desktop.sync.connect import secret_key
from desktop.sync.engine import load_cursors, sync_account
from desktop.sync.runner import SyncCounts, sync_accounts


def follow(store, urls) -> int:
    """The Feeds account, following these feeds; its id."""
    with store.session() as s:
        feeds = [add_feed(s, url, account=None)[0] for url in urls]
        return feeds[0].account_id


def connector(urls, **kw):
    kw.setdefault("timeout", (2.0, 5.0))
    return FeedConnector([FeedSource(url) for url in urls], **kw)


def sightings(store) -> dict[str, list[str]]:
    """Each feed's sighted links."""
    with store.read() as s:
        rows = s.execute(
            select(Sighting.source_ref, Candidate.url).join(
                Candidate, Candidate.id == Sighting.candidate_id
            )
        )
        seen: dict[str, list[str]] = {}
        for ref, url in rows:
            seen.setdefault(ref, []).append(url)
        return {ref: sorted(urls) for ref, urls in seen.items()}


def etag_of(cursor: str) -> str:
    return json.loads(cursor)["etag"]


def test_pages_arriving_out_of_order_commit_with_their_own_cursors(store, feed_hosts):
    one, two = feed_hosts(2)
    slow = one.feed("slow", delay=0.8)  # first in the list, done last
    quick = [h.feed(f"q{h.address[-1]}{n}") for n in range(3) for h in (one, two)]
    account = follow(store, [slow, *quick])
    written: list[str] = []

    report = sync_account(
        store,
        account,
        connector([slow, *quick], workers=4),
        progress=lambda report, page: written.append(page.stream),
    )

    assert report.ok and report.pages == 7 and report.candidates_new == 14
    assert written[-1] == "feed:" + slow and len(written) == 7
    with store.read() as s:
        cursors = load_cursors(s, account)
        titles = dict(s.execute(select(Feed.url, Feed.title)).all())
    for url in [slow, *quick]:
        name = url.rsplit("/", 1)[1].removesuffix(".xml")
        assert etag_of(cursors["feed:" + url]) == f'"{name}-1"'  # its own, not a neighbour's
        assert sightings(store)[url] == [f"https://{name}.example/posts/1-{n}" for n in (0, 1)]
        assert titles[url] == name


def test_a_crash_mid_sync_loses_nothing_committed_and_duplicates_nothing(
    store, feed_hosts, monkeypatch
):
    from desktop.sync import engine

    one, two = feed_hosts(2)
    doomed = one.feed("doomed", delay=0.6)  # arrives after the others are written
    others = [h.feed(f"f{h.address[-1]}{n}") for n in range(3) for h in (one, two)]
    urls = [doomed, *others]
    account = follow(store, urls)
    monkeypatch.setattr(engine, "BATCH_EVENTS", 1)  # each page its own transaction
    real_save = engine.save_cursor
    written: list[str] = []

    def dying_save(session, account_id, stream, cursor):
        real_save(session, account_id, stream, cursor)
        if stream == "feed:" + doomed:
            raise KeyboardInterrupt  # the writer killed mid-transaction

    monkeypatch.setattr(engine, "save_cursor", dying_save)
    with pytest.raises(KeyboardInterrupt):
        sync_account(
            store,
            account,
            connector(urls, workers=4),
            progress=lambda report, page: written.append(page.stream.removeprefix("feed:")),
        )

    assert sorted(written) == sorted(others)  # committed before the crash
    with store.read() as s:
        cursors = load_cursors(s, account)
    assert set(cursors) == {"feed:" + url for url in others}  # the doomed page went back
    assert set(sightings(store)) == set(others)

    monkeypatch.setattr(engine, "save_cursor", real_save)
    asked = {h: len(h.log) for h in (one, two)}
    report = sync_account(store, account, connector(urls, workers=4))

    assert report.ok and report.candidates_new == 2  # only the doomed feed's, once
    again = [r for h in (one, two) for r in h.log[asked[h] :]]
    assert sorted(r.status for r in again) == [200] + [304] * 6  # committed: not re-read
    with store.read() as s:
        assert set(load_cursors(s, account)) == {"feed:" + url for url in urls}
        assert s.scalar(select(func.count()).select_from(Candidate)) == 14
        assert s.scalar(select(func.count()).select_from(Sighting)) == 14


def test_cancel_stops_between_pages_and_leaves_what_it_wrote_consistent(store, feed_hosts):
    (host,) = feed_hosts(1)
    urls = [host.feed(f"c{n}", delay=0.2) for n in range(30)]  # a margin for a busy machine
    account = follow(store, urls)
    written: list[str] = []

    report = sync_account(
        store,
        account,
        connector(urls, workers=2),
        progress=lambda report, page: written.append(page.stream),
        cancelled=lambda: bool(written),
    )

    assert report.ok and 1 <= report.pages < 30
    assert any("next time" in w for w in report.warnings)
    with store.read() as s:
        assert set(load_cursors(s, account)) == set(written)  # each page with its cursor
    assert len(sightings(store)) == len(written)
    assert len(host.log) < 30  # the workers stopped asking

    rest = sync_account(store, account, connector(urls, workers=2))
    assert rest.ok and rest.candidates_new == 2 * (30 - len(written))
    with store.read() as s:
        assert len(load_cursors(s, account)) == 30
        assert s.scalar(select(func.count()).select_from(Sighting)) == 60


def test_accounts_sync_side_by_side_and_progress_reaches_every_source(
    store, feed_hosts, httpserver
):
    """A Mastodon account and the Feeds account: each one's server answers only once the
    other has been asked too, which happens only if they sync at the same time."""
    both_asked = threading.Barrier(2, timeout=10)
    servers: list[FakeMastodon] = []

    def gated_notifications(request):
        if not servers[0].notifications_asked:
            servers[0].notifications_asked = True
            both_asked.wait()
        return servers[0].notifications(request)

    # Registered first, so it answers before FakeMastodon's own handler would.
    httpserver.expect_request("/api/v1/notifications").respond_with_handler(gated_notifications)
    mastodon = FakeMastodon(httpserver)
    mastodon.notifications_asked = False
    servers.append(mastodon)
    mastodon.notifications.add([notification(mastodon.base, "11", "favourite")])
    (host,) = feed_hosts(1)
    gate = host.feed("gate")
    feeds = [gate, *(host.feed(f"p{n}") for n in range(4))]
    original = host.answer

    def gated_answer(handler):
        if handler.path == "/gate.xml":
            both_asked.wait()
        original(handler)

    host.answer = gated_answer
    follow(store, feeds)
    with store.session() as s:
        account = upsert_account(s, "mastodon", mastodon.base, "@me@x.example", stable_id=ME_ID)
        SecretStore().set(secret_key(account), "access_token", "tok-1")
    counts: list[SyncCounts] = []

    reports = sync_accounts(store, SecretStore, counts=counts.append)

    assert [r.ok for r in reports] == [True, True], [r.error for r in reports]
    assert [r.label for r in reports] == ["Feeds (feed)", "@me@x.example (mastodon)"]
    assert sum(r.candidates_new for r in reports) == 10
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 1
    assert counts[0].total == 6  # every source known before the first is done
    assert counts[-1] == SyncCounts(feeds_done=5, feeds=5, accounts_done=1, accounts=1)
    assert [c.done for c in counts] == sorted(c.done for c in counts)
    assert syncing(counts[-1]) == "Syncing 6 of 6 feeds and accounts…"


def test_the_progress_words():
    assert syncing(SyncCounts()) == "Syncing…"
    assert syncing(SyncCounts(137, 312)) == "Syncing 137 of 312 feeds…"
    assert syncing(SyncCounts(0, 1)) == "Syncing 0 of 1 feed…"
    assert syncing(SyncCounts(accounts_done=1, accounts=3)) == "Syncing 1 of 3 accounts…"
    assert syncing(SyncCounts(accounts=1)) == "Syncing 0 of 1 account…"


def test_cancel_is_heard_while_a_hanging_feed_is_awaited(store, feed_hosts):
    import time

    (host,) = feed_hosts(1)
    urls = [host.feed("hangs", hang=True), host.feed("fine")]
    account = follow(store, urls)
    started = time.monotonic()
    clicked = started + 0.5

    report = sync_account(
        store,
        account,
        connector(urls, timeout=(2.0, 30.0)),
        cancelled=lambda: time.monotonic() > clicked,
    )

    assert time.monotonic() - started < 10  # generous, and far below the feed's 30 s
    assert any("next time" in w for w in report.warnings)
    with store.read() as s:
        assert set(load_cursors(s, account)) == {"feed:" + urls[1]}  # what came is kept


def test_a_host_asking_for_a_long_wait_leaves_the_account_ok_and_its_feeds_waiting(
    store, feed_hosts
):
    from desktop.store.models import Account

    busy_host, fine_host = feed_hosts(2)
    busy = busy_host.feed("busy", statuses=[(429, {"Retry-After": "3600"})])
    fine = [fine_host.feed(f"fine{n}") for n in range(3)]
    account = follow(store, [busy, *fine])

    report = sync_account(store, account, connector([busy, *fine]))

    assert report.ok and report.waiting == 1 and report.candidates_new == 6
    with store.read() as s:
        assert s.get(Account, account).state == "ok"  # the other feeds synced
        row = s.scalar(select(Feed).where(Feed.url == busy))
        assert row.last_error.endswith("UTC; not asked again before then")
        assert row.last_fetched_at is None  # it was not fetched
    again = sync_account(store, account, connector([busy, *fine]))
    assert again.ok and again.waiting == 1
    assert len(busy_host.log) == 1  # not asked again before its time
    assert [r.status for r in fine_host.log] == [200] * 3 + [304] * 3
