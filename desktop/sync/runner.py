"""Sync every account (or one): the loop the CLI and the desktop app share.

Accounts sync independently and at once, each on a thread of its own (a feeds account's
feeds on its connector's pool besides), and their writes queue for the engine's one
writer: one failing (no token, rate limited, unreachable) is reported and the others go
on. The keyring is asked only when an account needs it, from the calling thread, before
any account starts. Progress counts sources: each feed, and each other account.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.connectors.base import Connector, ConnectorError, NeedsSignIn, Page
from desktop.core import sync_limits
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import AccountState, Network
from desktop.queries import accounts as acc
from desktop.queries.archive_sources import is_archive_account
from desktop.store.database import Store
from desktop.store.models import Account
from desktop.store.settings import get_setting
from desktop.sync.connect import SYNCABLE, AccountRef, FeedRef, connector_for
from desktop.sync.engine import Progress, SyncReport, set_account_state, sync_account

if TYPE_CHECKING:
    from desktop.platform.secrets import SecretStore

log = logging.getLogger(__name__)


def syncable_accounts(
    store: Store, account_id: int | None = None
) -> list[tuple[AccountRef, list[FeedRef], datetime | None]]:
    """(account, its feeds, rate-limited-until) for the accounts a sync covers."""
    with store.read() as s:
        query = (
            select(Account)
            .where(Account.state != AccountState.REMOVED, Account.network.in_(SYNCABLE))
            .where(~is_archive_account())  # a YouTube Takeout import reads no API
            .order_by(Account.id)
        )
        if account_id is not None:
            acc.get_account(s, account_id)  # NotFound for unknown or removed ids
            query = query.where(Account.id == account_id)
        return [
            (
                AccountRef.of(a),
                [FeedRef.of(f) for f in acc.feeds_of(s, a.id)],
                a.retry_at if a.state == AccountState.RATE_LIMITED else None,
            )
            for a in s.scalars(query)
        ]


ACCOUNTS_AT_ONCE = 8
MAX_WORKERS = sync_limits.MAX_WORKERS
FEED_NETWORKS = (Network.FEED, Network.BLOG)


@dataclass(frozen=True)
class SyncCounts:
    """How many sources a sync has done of how many: feeds, and the other accounts."""

    feeds_done: int = 0
    feeds: int = 0
    accounts_done: int = 0
    accounts: int = 0

    @property
    def done(self) -> int:
        return self.feeds_done + self.accounts_done

    @property
    def total(self) -> int:
        return self.feeds + self.accounts


Counts = Callable[[SyncCounts], None]


class _Tally:
    """The counts, kept by the accounts' threads; every change is told (one at a time)."""

    def __init__(self, told: Counts | None) -> None:
        self.told = told
        self.lock = threading.Lock()
        self.counts = SyncCounts()

    def add(self, **more: int) -> None:
        with self.lock:
            now = self.counts
            self.counts = SyncCounts(
                now.feeds_done + more.get("feeds_done", 0),
                now.feeds + more.get("feeds", 0),
                now.accounts_done + more.get("accounts_done", 0),
                now.accounts + more.get("accounts", 0),
            )
            if self.told is not None:
                self.told(self.counts)


def sync_workers(store: Store) -> int:
    """Feeds fetched at once: the setting, kept between 1 and MAX_WORKERS."""
    with store.read() as s:
        value = get_setting(s, "sync_workers")
    try:
        return max(1, min(int(value), MAX_WORKERS))
    except (TypeError, ValueError):
        return sync_limits.DEFAULT_WORKERS


def _one_at_a_time(
    lock: threading.Lock, call: Callable[..., None] | None
) -> Callable[..., None] | None:
    if call is None:
        return None

    def serialised(*args: object) -> None:
        with lock:
            call(*args)

    return serialised


def sync_accounts(
    store: Store,
    secrets: Callable[[], SecretStore],
    *,
    account_id: int | None = None,
    progress: Progress | None = None,
    announce: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    now: datetime | None = None,
    counts: Counts | None = None,
) -> list[SyncReport]:
    """`secrets` is called (once, lazily) for the SecretStore when an account needs it.
    `progress` (each page written), `announce` and `counts` are called from the accounts'
    threads, one call at a time; reports come back in the accounts' order."""
    from desktop.platform.secrets import KeyringUnavailable

    now = now or datetime.now(UTC)
    told = threading.Lock()
    say = _one_at_a_time(told, announce) or (lambda message: None)
    heard = _one_at_a_time(told, progress)
    tally = _Tally(counts)
    stop = threading.Event()  # the caller was interrupted: the others stop between pages

    def stopped() -> bool:
        return stop.is_set() or cancelled()

    workers = sync_workers(store)
    reports: list[SyncReport | Future[SyncReport]] = []
    ready: list[tuple[int, AccountRef, Connector, int]] = []
    store_of_secrets = None
    for ref, feeds, waiting in syncable_accounts(store, account_id):
        if cancelled():
            break
        report = SyncReport(ref.id, ref.label)
        if waiting and waiting > now:
            report.error = fill(
                tx("Sync", "rate limited until %1"), waiting.astimezone().strftime("%H:%M")
            )
            report.state, report.retry_at = AccountState.RATE_LIMITED, waiting
            reports.append(report)
            say(fill(tx("Sync", "%1: %2; skipped"), ref.label, report.error))
            continue
        try:
            if ref.network in acc.SECRET_NAMES and store_of_secrets is None:
                store_of_secrets = secrets()
            connector = connector_for(ref, feeds, store_of_secrets, workers=workers)
        except (ConnectorError, KeyringUnavailable) as exc:
            owner = ref.connected_by
            if isinstance(exc, NeedsSignIn) and owner and owner != store.member:
                # A shared store: its token is in another member's keyring, and their app
                # syncs it. Not a sign-in to ask for here, nor a state to write for them.
                report.elsewhere = fill(
                    tx("Sync", "%1 is connected on %2's computer; it syncs there"),
                    ref.label,
                    owner,
                )
                reports.append(report)
                say(report.elsewhere)
                continue
            report.error = str(exc)
            report.state = (
                AccountState.NEEDS_SIGNIN if isinstance(exc, ConnectorError) else AccountState.ERROR
            )
            set_account_state(store, ref.id, state=report.state, last_error=report.error)
            reports.append(report)
            say(f"{ref.label}: {report.error}")
            continue
        sources = len({f.url for f in feeds}) if ref.network in FEED_NETWORKS else 0
        ready.append((len(reports), ref, connector, sources))
        reports.append(report)  # replaced by its sync's report below

    def one(ref: AccountRef, connector: Connector, sources: int) -> SyncReport:
        def written(report: SyncReport, page: Page) -> None:
            if sources and page.stream.startswith("feed:"):
                tally.add(feeds_done=1)
            if heard is not None:
                heard(report, page)

        say(fill(tx("Sync", "%1: syncing…"), ref.label))
        try:
            report = sync_account(
                store,
                ref.id,
                connector,
                label=ref.label,
                progress=written,
                cancelled=stopped,
            )
            if report.elsewhere:  # another member's app has it (team mode)
                say(report.elsewhere)
                if sources:
                    tally.add(feeds_done=sources)  # done, as far as this sync goes
            return report
        finally:
            if not sources:
                tally.add(accounts_done=1)

    if not ready:
        return [r for r in reports if isinstance(r, SyncReport)]
    tally.add(
        feeds=sum(sources for *_, sources in ready),
        accounts=sum(1 for *_, sources in ready if not sources),
    )
    with ThreadPoolExecutor(min(len(ready), ACCOUNTS_AT_ONCE), "sync") as pool:
        for index, ref, connector, sources in ready:
            reports[index] = pool.submit(one, ref, connector, sources)
        try:
            return [r if isinstance(r, SyncReport) else r.result() for r in reports]
        except BaseException:
            stop.set()  # a crash, or Ctrl+C: the others stop at their next page
            raise
