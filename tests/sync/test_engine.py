"""The sync engine with a scripted connector: pages, cursors, errors and crashes."""

from collections import Counter
from datetime import timedelta

import pytest
from factories import ANA, BEN, CLARA, NOW, account, ev, link
from sqlalchemy import func, select

from desktop.connectors.base import (
    BadResponse,
    NeedsSignIn,
    Page,
    RateLimited,
    Unreachable,
)
from desktop.store.models import Account, Interaction, SyncCursor
from desktop.sync.engine import load_cursors, sync_account


class Scripted:
    """A connector that plays pages from a script; items may be exceptions to raise.
    It remembers the cursors it was given, as a real connector would use them."""

    network = "mastodon"

    def __init__(self, *runs):
        self.runs = list(runs)
        self.seen_cursors = []

    def pages(self, cursors):
        self.seen_cursors.append(dict(cursors))
        for item in self.runs.pop(0):
            if isinstance(item, Exception):
                raise item
            yield item


@pytest.fixture
def acc(store):
    with store.session() as s:
        return account(s)


def count(store):
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Interaction))


def test_each_page_commits_with_its_cursor(store, acc):
    connector = Scripted(
        [
            Page("notifications", [ev(ANA, "share"), ev(BEN, "like")], cursor="20"),
            Page(
                "notifications",
                [ev(CLARA, "mention")],
                cursor="30",
                skipped=Counter({"admin.sign_up": 2}),
            ),
            Page("timeline", candidates=[link("https://x.example/a", sharer=ANA)], cursor="t9"),
        ]
    )
    report = sync_account(store, acc, connector, label="@me")
    assert (report.pages, report.new, report.known, report.candidates_new) == (3, 3, 0, 1)
    assert report.skipped == {"admin.sign_up": 2}
    with store.read() as s:
        assert load_cursors(s, acc) == {"notifications": "30", "timeline": "t9"}
        account_row = s.get(Account, acc)
        assert (account_row.state, account_row.last_error) == ("ok", "")
        assert account_row.last_sync_at is not None


def test_a_failure_mid_sync_keeps_committed_pages_and_the_next_sync_resumes(store, acc):
    first_page = Page("notifications", [ev(ANA, "share", external_id="n1")], cursor="1")
    second_page = Page("notifications", [ev(BEN, "share", external_id="n2")], cursor="2")
    connector = Scripted(
        [first_page, Unreachable("cannot reach social.example: the connection was refused")],
        [second_page],
    )
    report = sync_account(store, acc, connector, label="@me")
    assert report.error == "cannot reach social.example: the connection was refused"
    assert count(store) == 1
    with store.read() as s:
        assert load_cursors(s, acc) == {"notifications": "1"}
        assert s.get(Account, acc).state == "error"

    again = sync_account(store, acc, connector, label="@me")
    assert again.ok
    assert connector.seen_cursors[-1] == {"notifications": "1"}
    assert count(store) == 2
    with store.read() as s:
        assert s.get(Account, acc).state == "ok"


def test_a_crash_while_writing_keeps_committed_pages_and_loses_nothing(store, acc, monkeypatch):
    from desktop.sync import engine

    monkeypatch.setattr(engine, "BATCH_EVENTS", 1)  # each page its own transaction
    pages = [
        Page("notifications", [ev(ANA, "share", external_id="n1")], cursor="1"),
        Page("notifications", [ev(BEN, "share", external_id="n2")], cursor="2"),
    ]
    real = engine.save_cursor

    def dying_save(session, account_id, stream, cursor):
        real(session, account_id, stream, cursor)
        if cursor == "2":
            raise KeyboardInterrupt  # the user killed the process mid-transaction

    monkeypatch.setattr(engine, "save_cursor", dying_save)
    with pytest.raises(KeyboardInterrupt):
        sync_account(store, acc, Scripted(pages), label="@me")
    assert count(store) == 1  # page 2's events went with its cursor
    with store.read() as s:
        assert s.scalar(select(SyncCursor.cursor)) == "1"


def test_a_page_cancelled_by_the_deadlock_detector_is_written_again_and_counted_once(
    store, acc, monkeypatch
):
    """PostgreSQL cancels one of two members' transactions that wait for each other; that
    page is simply written again (ingest is idempotent), and counted once."""
    import psycopg
    from sqlalchemy.exc import OperationalError

    from desktop.sync import engine

    monkeypatch.setattr(engine, "BATCH_EVENTS", 1)  # each page its own transaction
    pages = [
        Page("notifications", [ev(ANA, "share", external_id="n1")], cursor="1"),
        Page("notifications", [ev(BEN, "share", external_id="n2")], cursor="2"),
    ]
    real = engine.save_cursor
    cancelled = []

    def deadlocked_once(session, account_id, stream, cursor):
        real(session, account_id, stream, cursor)
        if cursor == "2" and not cancelled:
            cancelled.append(cursor)
            orig = psycopg.errors.DeadlockDetected("deadlock detected")
            raise OperationalError("INSERT ...", {}, orig)

    monkeypatch.setattr(engine, "save_cursor", deadlocked_once)
    report = sync_account(store, acc, Scripted(pages), label="@me")
    assert cancelled == ["2"]
    assert (report.ok, report.pages, report.new, report.known) == (True, 2, 2, 0)
    assert count(store) == 2
    with store.read() as s:
        assert s.scalar(select(SyncCursor.cursor)) == "2"


def test_a_crash_in_a_batch_rolls_it_back_and_the_next_sync_fetches_it_again(
    store, acc, monkeypatch
):
    from desktop.sync import engine

    pages = [
        Page("notifications", [ev(ANA, "share", external_id="n1")], cursor="1"),
        Page("notifications", [ev(BEN, "share", external_id="n2")], cursor="2"),
    ]
    real = engine.save_cursor
    dying = [True]

    def dying_save(session, account_id, stream, cursor):
        real(session, account_id, stream, cursor)
        if dying[0]:
            raise KeyboardInterrupt

    monkeypatch.setattr(engine, "save_cursor", dying_save)
    connector = Scripted(pages, pages)
    with pytest.raises(KeyboardInterrupt):
        sync_account(store, acc, connector, label="@me")
    assert count(store) == 0  # both quick pages were one transaction, cursor included
    dying[0] = False
    report = sync_account(store, acc, connector, label="@me")
    assert connector.seen_cursors == [{}, {}]  # asked again from the start
    assert (report.new, count(store)) == (2, 2)
    with store.read() as s:
        assert load_cursors(s, acc) == {"notifications": "2"}


def test_quick_pages_are_written_together_and_slow_ones_at_once(store, acc):
    import time

    stored_when_asked = []

    class Watching:
        """Three pages; in slow mode the next comes only once the one before is stored (or
        after 5 s): what a server slower than the writer looks like."""

        network = "mastodon"

        def __init__(self, prefix, slow=False):
            self.prefix, self.slow = prefix, slow

        def pages(self, cursors):
            for n in range(3):
                if n:
                    deadline = time.monotonic() + 5
                    while self.slow and count(store) < before + n and time.monotonic() < deadline:
                        time.sleep(0.02)
                    stored_when_asked.append(count(store) - before)
                yield Page(
                    "notifications",
                    [ev(ANA, "like", external_id=f"{self.prefix}{n}")],
                    cursor=f"{self.prefix}{n}",
                )

    before = 0
    report = sync_account(store, acc, Watching("a"))
    # Quick pages wait to be written together (the first may go at once: it may be news)...
    assert max(stored_when_asked) <= 1
    assert (report.pages, report.new, count(store)) == (3, 3, 3)  # ...and all are
    stored_when_asked.clear()
    before = 3
    sync_account(store, acc, Watching("b", slow=True))
    # Each written while the next was still coming: the writer did not wait for it.
    assert stored_when_asked == [1, 2]
    with store.read() as s:
        assert load_cursors(s, acc) == {"notifications": "b2"}


def test_a_syncs_first_page_of_interactions_is_stored_before_the_next_comes(
    store, acc, monkeypatch
):
    """However quick the pages, the first that brings interactions is not held back for
    others: a new account's first notifications are on the Thank page during its back-fill."""
    import time

    from desktop.sync import engine

    monkeypatch.setattr(engine, "SLOW_PAGE_SECONDS", 30.0)  # batching would wait for ever
    monkeypatch.setattr(engine, "BATCH_SECONDS", 30.0)
    stored_when_asked = []

    class Backfill:
        network = "mastodon"

        def pages(self, cursors):
            yield Page("timeline", [], cursor="t0")  # no interactions: may wait
            yield Page("notifications", [ev(ANA, "share", external_id="n0")], cursor="n0")
            deadline = time.monotonic() + 5
            while count(store) < 1 and time.monotonic() < deadline:
                time.sleep(0.02)
            stored_when_asked.append(count(store))
            yield Page("notifications", [ev(BEN, "like", external_id="n1")], cursor="n1")

    report = sync_account(store, acc, Backfill())
    assert stored_when_asked == [1]
    assert report.ok and (report.pages, count(store)) == (3, 2)


def test_needs_sign_in_and_bad_responses_become_account_states(store, acc):
    report = sync_account(store, acc, Scripted([NeedsSignIn("sign in again")]))
    assert (report.state, report.error) == ("needs_signin", "sign in again")
    report = sync_account(store, acc, Scripted([BadResponse("field 'id' is missing")]))
    assert report.state == "error"
    with store.read() as s:
        assert s.get(Account, acc).last_error == "field 'id' is missing"


def test_a_short_rate_limit_is_waited_out_and_the_sync_resumes(store, acc):
    slept = []
    connector = Scripted(
        [
            Page("notifications", [ev(ANA, "like")], cursor="1"),
            RateLimited("slow down", NOW + timedelta(seconds=30)),
        ],
        [Page("notifications", [ev(BEN, "like")], cursor="2")],
    )
    report = sync_account(store, acc, connector, sleep=slept.append, clock=lambda: NOW)
    assert report.ok
    assert slept == [30.0]
    assert connector.seen_cursors == [{}, {"notifications": "1"}]
    assert count(store) == 2


def test_a_long_rate_limit_is_reported_with_its_time(store, acc):
    until = NOW + timedelta(minutes=15)
    report = sync_account(
        store,
        acc,
        Scripted([RateLimited("slow down", until)]),
        sleep=pytest.fail,
        clock=lambda: NOW,
    )
    assert (report.state, report.retry_at) == ("rate_limited", until)
    with store.read() as s:
        assert s.get(Account, acc).retry_at == until


def test_rejected_events_are_warnings_not_failures(store, acc):
    from dataclasses import replace

    naive = replace(ev(ANA, "like"), occurred_at=NOW.replace(tzinfo=None))
    report = sync_account(store, acc, Scripted([Page("notifications", [naive, ev(BEN, "like")])]))
    assert report.ok and report.new == 1
    assert any("time zone" in w for w in report.warnings)


def test_a_cancelled_sync_stops_between_pages_and_keeps_what_it_wrote(store, acc):
    pages = [
        Page("notifications", [ev(ANA, "share", external_id="n1")], cursor="1"),
        Page("notifications", [ev(BEN, "share", external_id="n2")], cursor="2"),
    ]
    report = sync_account(store, acc, Scripted(pages), cancelled=lambda: True)
    assert report.ok and report.pages == 1
    assert any("next time" in w for w in report.warnings)
    assert count(store) == 1
    with store.read() as s:
        assert load_cursors(s, acc) == {"notifications": "1"}
