"""Sync every account (or one): the loop the CLI and the desktop app share.

Accounts sync independently: one failing (no token, rate limited, unreachable) is reported
and the others go on. The keyring is asked only when an account needs it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from desktop.connectors.base import ConnectorError
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import AccountState
from desktop.queries import accounts as acc
from desktop.queries.archive_sources import is_archive_account
from desktop.store.database import Store
from desktop.store.models import Account
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


def sync_accounts(
    store: Store,
    secrets: Callable[[], SecretStore],
    *,
    account_id: int | None = None,
    progress: Progress | None = None,
    announce: Callable[[str], None] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    now: datetime | None = None,
) -> list[SyncReport]:
    """`secrets` is called (once, lazily) for the SecretStore when an account needs it."""
    from desktop.platform.secrets import KeyringUnavailable

    now = now or datetime.now(UTC)
    say = announce or (lambda message: None)
    reports: list[SyncReport] = []
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
            connector = connector_for(ref, feeds, store_of_secrets)
        except (ConnectorError, KeyringUnavailable) as exc:
            report.error = str(exc)
            report.state = (
                AccountState.NEEDS_SIGNIN if isinstance(exc, ConnectorError) else AccountState.ERROR
            )
            set_account_state(store, ref.id, state=report.state, last_error=report.error)
            reports.append(report)
            say(f"{ref.label}: {report.error}")
            continue
        say(fill(tx("Sync", "%1: syncing…"), ref.label))
        reports.append(
            sync_account(
                store,
                ref.id,
                connector,
                label=ref.label,
                progress=progress,
                cancelled=cancelled,
            )
        )
    return reports
