"""My accounts: the rows in the store, their secrets in the keyring, their connectors.

Removing an account keeps its row (state "removed") and its history: the ledger does not
lose what those people did. Adding it again revives the same row. Its secrets are deleted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest, NotFound
from desktop.core.i18n import fill, tx
from desktop.core.urls import InvalidURL, canonical_url
from desktop.core.vocabulary import AccountState, Network
from desktop.store.models import Account, Feed

SECRET_NAMES: dict[str, tuple[str, ...]] = {
    Network.MASTODON: ("access_token",),
    Network.BLUESKY: ("access_jwt", "refresh_jwt"),
    Network.YOUTUBE: ("api_key",),
}
FEEDS_HANDLE = "Feeds"
MANUAL_HANDLE = "Manual entries"


@dataclass
class AccountView:
    id: int
    network: str
    server_url: str
    handle: str
    display_name: str
    state: AccountState
    retry_at: datetime | None
    last_sync_at: datetime | None
    last_error: str
    feeds: int
    connected_by: str = ""  # the member whose keyring has its token (a shared store)

    def as_json(self) -> dict[str, Any]:
        return {
            "connected_by": self.connected_by,
            "id": self.id,
            "network": self.network,
            "server": self.server_url,
            "handle": self.handle,
            "state": self.state,
            "rate_limited_until": self.retry_at.isoformat() if self.retry_at else None,
            "last_sync": self.last_sync_at.isoformat() if self.last_sync_at else None,
            "last_error": self.last_error or None,
            "feeds": self.feeds,
        }


def list_accounts(session: Session, *, include_removed: bool = False) -> list[AccountView]:
    rows = session.execute(select(Feed.account_id, func.count()).group_by(Feed.account_id))
    feeds = {account_id: n for account_id, n in rows}
    query = select(Account).order_by(Account.id)
    if not include_removed:
        query = query.where(Account.state != AccountState.REMOVED)
    return [
        AccountView(
            a.id,
            a.network,
            a.server_url,
            a.handle,
            a.display_name,
            a.state,
            a.retry_at,
            a.last_sync_at,
            a.last_error,
            feeds.get(a.id, 0),
            a.connected_by,
        )
        for a in session.scalars(query)
    ]


def get_account(session: Session, account_id: int) -> Account:
    account = session.get(Account, account_id)
    if account is None or account.state == AccountState.REMOVED:
        raise NotFound(fill(tx("Errors", "no account with id %1"), account_id))
    return account


def upsert_account(
    session: Session,
    network: str,
    server_url: str,
    handle: str,
    *,
    display_name: str = "",
    stable_id: str = "",
) -> Account:
    """The account for (network, server, handle), created or revived, state ok."""
    same = select(Account).where(
        Account.network == network,
        Account.server_url == server_url,
        Account.handle == handle,
    )
    account = session.scalar(same)
    if account is None:
        account = Account(network=network, server_url=server_url, handle=handle)
        try:
            # A savepoint: on a shared store another member may add the same account at
            # this very moment; their row wins and this becomes the revival of it.
            with session.begin_nested():
                session.add(account)
        except IntegrityError:
            account = session.scalars(same).one()
    account.display_name = display_name or account.display_name or ""
    account.stable_id = stable_id or account.stable_id or ""
    account.state, account.last_error, account.retry_at = AccountState.OK, "", None
    # On a shared store: this member's computer holds its token now (desktop.store.database).
    account.connected_by = session.info.get("member", "") or account.connected_by or ""
    session.flush()
    return account


def remove_account(session: Session, account_id: int) -> Account:
    """Mark it removed: its history stays. Its secrets are the caller's (the app layer)."""
    account = get_account(session, account_id)
    account.state = AccountState.REMOVED
    return account


def validate_feed_url(url: str) -> str:
    try:
        canonical_url(url)
    except InvalidURL as exc:
        raise InvalidRequest(str(exc)) from None
    return url.strip()


def add_feed(
    session: Session, url: str, *, kind: str = "feed", title: str = "", account: Account | None
) -> tuple[Feed, bool]:
    """(feed, created). Feeds hang off the "Feeds" account unless another is given."""
    url = validate_feed_url(url)
    if account is None:
        account = upsert_account(session, Network.FEED, "", FEEDS_HANDLE, display_name="Feeds")
    existing = session.scalar(select(Feed).where(Feed.url == url))
    if existing is not None:
        return existing, False
    feed = Feed(account_id=account.id, url=url, kind=kind, title=title)
    session.add(feed)
    session.flush()
    return feed, True


def followed_feeds(session: Session) -> list[Feed]:
    """The feeds I follow (not blog-comment feeds), oldest first."""
    return list(session.scalars(select(Feed).where(Feed.kind == "feed").order_by(Feed.id)))


def feeds_of(session: Session, account_id: int) -> list[Feed]:
    return list(session.scalars(select(Feed).where(Feed.account_id == account_id)))
