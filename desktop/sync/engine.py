"""Sync: run a connector, write its pages in transactions, cursors included.

Pages' events and the cursors that follow them commit together, so a crash, a network
error or a bad response at any moment loses nothing already stored and duplicates nothing
next time (ingest is idempotent): what was not committed is fetched again from the last
committed cursor. Pages that arrive quickly are written together, up to BATCH_EVENTS or
BATCH_SECONDS, because each commit costs more than the rows (a heavy store's indexes);
a page that was slow to come is written at once, and so is a sync's first page of
interactions (it may be what the user is waiting for), and so are the pages waiting for others
once the next is SLOW_PAGE_SECONDS late (pages are read ahead on a thread of their own:
ahead), so nothing waits on the network unsaved.
Connector errors become the account's state, after what came before them is written.

Accounts sync at once (runner), and a connector may yield its streams' pages in any order
(feeds: as each is done), but there is one writer: every write of a sync holds WRITER, so
transactions queue here, not in SQLite's busy timeout, and "database is locked" never
reaches the user. Pages carry their own stream and cursor, so whatever their order, each
cursor is saved with exactly the events it covers.

Team mode (a shared PostgreSQL) adds other members' apps, which WRITER cannot see: one app
syncs an account at a time (the account's sync lock, store.locks; the others skip it and
say so), a page the server cancelled for another member's transaction (a deadlock) is
written again, and losing the store's connection ends the sync with an error in its report.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from desktop.connectors.base import (
    Connector,
    ConnectorError,
    NeedsSignIn,
    Page,
    RateLimited,
)
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import AccountState
from desktop.store import locks
from desktop.store.database import Store
from desktop.store.ingest import ingest_interactions
from desktop.store.ingest_candidates import ingest_candidates
from desktop.store.ingest_result import IngestResult
from desktop.store.models import Account, Feed, SyncCursor, utcnow
from desktop.store.sqlite_bulk import dialect_insert
from desktop.sync.ahead import Quiet, ReadAhead

log = logging.getLogger(__name__)

MAX_RATE_LIMIT_WAIT = timedelta(seconds=60)  # wait this long in-line; beyond it, report
MAX_RATE_LIMIT_RETRIES = 3
BATCH_EVENTS = 3000  # events (and links) written per transaction at most
BATCH_SECONDS = 1.0  # a page waits at most this long for others to be written with
SLOW_PAGE_SECONDS = 0.25  # a page this slow to arrive is written at once: the network
# is the bottleneck then, and batching would only delay what the user sees
WRITER = threading.Lock()  # held by every write a sync makes: one writer at a time
CANCEL_POLL_SECONDS = 0.25  # Cancel is heard this soon while the next page is awaited
WRITE_ATTEMPTS = 3  # a page's transaction, cancelled by PostgreSQL's deadlock detector


def _stopped_early() -> str:
    return tx("Sync", "stopped before the end; the rest comes next time")


@dataclass
class SyncReport:
    account_id: int
    label: str
    pages: int = 0
    new: int = 0
    known: int = 0
    candidates_new: int = 0
    waiting: int = 0  # sources whose server asked to slow down (429): fetched another time
    skipped: Counter[str] = field(default_factory=Counter)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    state: AccountState = AccountState.OK
    retry_at: datetime | None = None
    new_interaction_ids: list[int] = field(default_factory=list)
    # Why this account was not synced here: another member's app was syncing it (team mode).
    elsewhere: str = ""

    @property
    def ok(self) -> bool:
        return self.error is None

    def as_json(self) -> dict[str, object]:
        return {
            "account_id": self.account_id,
            "account": self.label,
            "ok": self.ok,
            "state": self.state,
            "pages": self.pages,
            "new": self.new,
            "known": self.known,
            "candidates_new": self.candidates_new,
            "waiting": self.waiting,
            "skipped": dict(self.skipped),
            "warnings": self.warnings,
            "error": self.error,
            "retry_at": self.retry_at.isoformat() if self.retry_at else None,
            "synced_elsewhere": bool(self.elsewhere),
        }


Progress = Callable[[SyncReport, Page], None]


def load_cursors(session: Session, account_id: int) -> dict[str, str]:
    rows = session.execute(
        select(SyncCursor.stream, SyncCursor.cursor).where(SyncCursor.account_id == account_id)
    )
    return {stream: cursor for stream, cursor in rows}


def save_cursor(session: Session, account_id: int, stream: str, cursor: str) -> None:
    stmt = dialect_insert(session, SyncCursor).values(
        account_id=account_id, stream=stream, cursor=cursor, updated_at=utcnow()
    )
    session.execute(
        stmt.on_conflict_do_update(
            index_elements=["account_id", "stream"],
            set_={"cursor": stmt.excluded.cursor, "updated_at": stmt.excluded.updated_at},
        )
    )


def _feed_meta(session: Session, page: Page, now: datetime) -> None:
    """Feed pages (stream "feed:<url>") update what the feed list shows."""
    if not page.stream.startswith("feed:"):
        return
    url = page.stream.removeprefix("feed:")
    values: dict[str, object] = {"last_error": page.meta.get("error", "")}
    if page.meta.get("status") != "rate-limited":  # its server asked us not to, this time
        values["last_fetched_at"] = now
    if page.meta.get("title"):
        values["title"] = page.meta["title"][:512]
    if page.meta.get("site_url"):
        values["site_url"] = page.meta["site_url"][:1024]
    session.execute(update(Feed).where(Feed.url == url).values(**values))


def write_page(store: Store, account_id: int, page: Page, report: SyncReport) -> None:
    write_pages(store, account_id, [page], report)


Written = tuple[Page, IngestResult, IngestResult]  # a page, its interactions, its links


def ingest_pages(session: Session, account_id: int, pages: list[Page]) -> list[Written]:
    """These pages in the caller's transaction, each stream's newest cursor with them."""
    done = []
    now = utcnow()
    cursors: dict[str, str] = {}
    for page in pages:
        got = ingest_interactions(session, account_id, page.interactions)
        found = ingest_candidates(session, page.candidates, account_id=account_id)
        if page.cursor is not None:
            cursors[page.stream] = page.cursor
        _feed_meta(session, page, now)
        done.append((page, got, found))
    for stream, cursor in cursors.items():
        save_cursor(session, account_id, stream, cursor)
    return done


def write_pages(store: Store, account_id: int, pages: list[Page], report: SyncReport) -> None:
    """These pages in one transaction, each stream's newest cursor with them. On PostgreSQL
    another member's sync may lock the same rows (a person, a link) in another order: the
    server then cancels one transaction, and it is written again (ingest is idempotent)."""
    for attempt in range(1, WRITE_ATTEMPTS + 1):
        try:
            with WRITER, store.session(bulk=True) as session:
                done = ingest_pages(session, account_id, pages)
            break
        except OperationalError as exc:
            if attempt == WRITE_ATTEMPTS or not locks.must_retry(exc):
                raise
            log.info("%s: writing again (%s)", report.label, exc.orig)
    for page, got, found in done:
        report.pages += 1
        report.new += got.new
        report.known += got.known
        report.candidates_new += found.new
        report.waiting += int(page.meta.get("status") == "rate-limited")
        report.new_interaction_ids.extend(got.new_interaction_ids)
        report.skipped.update(page.skipped)
        report.warnings.extend(page.warnings)
        report.warnings.extend(got.rejected + found.rejected)


class _Batch:
    """Pages waiting to be written together (see the module's docstring)."""

    def __init__(
        self, store: Store, account_id: int, report: SyncReport, progress: Progress | None
    ) -> None:
        self.store = store
        self.account_id = account_id
        self.report = report
        self.progress = progress
        self.pages: list[Page] = []
        self.size = 0
        self.since = 0.0

    def patience(self) -> float | None:
        """How long the next page may take before the pages waiting here are written
        without it: None (no limit) when none wait."""
        if not self.pages:
            return None
        left = BATCH_SECONDS - (time.monotonic() - self.since)
        return max(0.0, min(SLOW_PAGE_SECONDS, left))

    def add(self, page: Page, waited: float) -> None:
        if not self.pages:
            self.since = time.monotonic()
        self.pages.append(page)
        self.size += len(page.interactions) + len(page.candidates)
        if (
            self.size >= BATCH_EVENTS
            # A sync's first page of interactions may be news the user waits for (a new
            # account's first notifications): it is on the Thank page before the back-fill.
            or (page.interactions and not self.report.pages)
            or waited >= SLOW_PAGE_SECONDS
            or time.monotonic() - self.since >= BATCH_SECONDS
        ):
            self.write()

    def write(self) -> None:
        pages, self.pages, self.size = self.pages, [], 0
        if pages:
            write_pages(self.store, self.account_id, pages, self.report)
            if self.progress:
                for page in pages:
                    self.progress(self.report, page)


def set_account_state(store: Store, account_id: int, **values: object) -> None:
    with WRITER, store.session() as session:
        session.execute(update(Account).where(Account.id == account_id).values(**values))


def sync_account(
    store: Store,
    account_id: int,
    connector: Connector,
    *,
    label: str = "",
    progress: Progress | None = None,
    sleep: Callable[[float], None] = time.sleep,
    clock: Callable[[], datetime] = utcnow,
    max_wait: timedelta = MAX_RATE_LIMIT_WAIT,
    cancelled: Callable[[], bool] = lambda: False,
) -> SyncReport:
    """Fetch everything new for one account. Never raises for network trouble: the
    report and the account's state say what happened.

    On PostgreSQL (team mode) one member's app syncs an account at a time: while another
    holds the account's sync lock, this one skips it and its report says so (`elsewhere`).
    Losing the store's connection ends the sync with an error in its report too: what was
    committed stays, the rest comes next time."""
    report = SyncReport(account_id, label or f"account {account_id}")
    try:
        with locks.sync_lock(store.engine, account_id) as mine:
            if not mine:
                report.elsewhere = fill(
                    tx("Sync", "%1 is being synced on another computer; skipped"), report.label
                )
                log.info("%s: synced by another app meanwhile; skipped", report.label)
                return report
            _sync_held(
                store,
                account_id,
                connector,
                report,
                progress=progress,
                sleep=sleep,
                clock=clock,
                max_wait=max_wait,
                cancelled=cancelled,
            )
    except (OperationalError, InterfaceError) as exc:
        if not locks.is_postgresql(store.engine):
            raise  # SQLite's own errors (a full disk...) are the caller's, as they were
        report.error = fill(
            tx(
                "Sync",
                "the store could not be used (%1); what was saved stays, the rest comes next time",
            ),
            _first_line(exc.orig or exc),
        )
        report.state = AccountState.ERROR
        log.warning("%s: %s", report.label, report.error)
        try:
            set_account_state(store, account_id, state=report.state, last_error=report.error)
        except (OperationalError, InterfaceError) as again:
            log.info("%s: state not saved either: %s", report.label, _first_line(again))
    return report


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _sync_held(
    store: Store,
    account_id: int,
    connector: Connector,
    report: SyncReport,
    *,
    progress: Progress | None,
    sleep: Callable[[float], None],
    clock: Callable[[], datetime],
    max_wait: timedelta,
    cancelled: Callable[[], bool],
) -> None:
    waits = 0
    while True:
        with store.read() as session:
            cursors = load_cursors(session, account_id)
        batch = _Batch(store, account_id, report, progress)
        error: ConnectorError | None = None
        pages = ReadAhead(connector.pages(cursors), on_stop=getattr(connector, "stop", None))
        try:
            asked = time.monotonic()
            while True:
                patience = batch.patience()
                try:
                    page = pages.next(CANCEL_POLL_SECONDS if patience is None else patience)
                except Quiet:  # the network went quiet: what came is not kept waiting
                    batch.write()
                    if cancelled():
                        report.warnings.append(_stopped_early())
                        break
                    continue
                except StopIteration:
                    break
                batch.add(page, waited=time.monotonic() - asked)
                if cancelled():
                    batch.write()
                    report.warnings.append(_stopped_early())
                    break
                asked = time.monotonic()
            batch.write()
        except ConnectorError as exc:
            batch.write()  # what came before the error is good: keep it
            error = exc
        finally:
            pages.stop()  # a connector fetching ahead (feeds) starts nothing more
        if isinstance(error, RateLimited):
            wait = error.retry_at - clock()
            if wait <= max_wait and waits < MAX_RATE_LIMIT_RETRIES and not cancelled():
                waits += 1
                log.info("%s: rate limited, waiting %.0f s", report.label, wait.total_seconds())
                sleep(max(wait.total_seconds(), 0.0))
                continue  # resume from the cursors committed so far
            report.error, report.state = str(error), AccountState.RATE_LIMITED
            report.retry_at = error.retry_at
        elif isinstance(error, NeedsSignIn):
            report.error, report.state = str(error), AccountState.NEEDS_SIGNIN
        elif error is not None:
            report.error, report.state = str(error), AccountState.ERROR
        break
    if report.ok:
        set_account_state(
            store,
            account_id,
            state=AccountState.OK,
            last_error="",
            retry_at=None,
            last_sync_at=clock(),
        )
    else:
        log.warning("%s: %s", report.label, report.error)
        set_account_state(
            store,
            account_id,
            state=report.state,
            last_error=report.error or "",
            retry_at=report.retry_at,
        )
