"""From an account row and the keyring to a ready connector. Keyring calls block (D-Bus,
unlock prompts): call this from a worker, never the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.connectors.base import Connector, NeedsSignIn
from desktop.core import sync_limits
from desktop.core.i18n import tx
from desktop.core.vocabulary import Network
from desktop.platform.secrets import SecretStore, account_key
from desktop.store.models import Account, Feed

SYNCABLE = (Network.MASTODON, Network.BLUESKY, Network.FEED, Network.BLOG, Network.YOUTUBE)


def secret_key(account: Account) -> str:
    """Where an account's secrets live in the keyring."""
    return account_key(account.network, account.server_url or "-", account.handle)


@dataclass(frozen=True)
class AccountRef:
    """What a connector needs of an account row (plain values: safe across threads)."""

    id: int
    network: str
    server_url: str
    handle: str
    stable_id: str
    secret_key: str
    connected_by: str = ""  # the team member whose keyring has its token (shared store)

    @classmethod
    def of(cls, account: Account) -> AccountRef:
        return cls(
            account.id,
            account.network,
            account.server_url,
            account.handle,
            account.stable_id,
            secret_key(account),
            account.connected_by or "",
        )

    @property
    def label(self) -> str:
        return f"{self.handle} ({self.network})"


@dataclass(frozen=True)
class FeedRef:
    url: str
    kind: str
    title: str

    @classmethod
    def of(cls, feed: Feed) -> FeedRef:
        return cls(feed.url, feed.kind, feed.title)


def connector_for(
    account: AccountRef,
    feeds: list[FeedRef],
    secrets: SecretStore | None,
    *,
    workers: int = sync_limits.DEFAULT_WORKERS,
) -> Connector:
    """`workers`: how many of a feeds account's feeds are fetched at once."""
    if account.network == Network.MASTODON:
        from desktop.connectors.mastodon import MastodonConnector

        token = secrets.get(account.secret_key, "access_token") if secrets else None
        if not token:
            raise NeedsSignIn(tx("Sign-in", "no access token in the keyring: sign in again"))
        return MastodonConnector(account.server_url, token, account_id=account.stable_id or None)
    if account.network == Network.BLUESKY:
        from desktop.connectors.bluesky import BlueskyConnector, BlueskySession

        refresh = secrets.get(account.secret_key, "refresh_jwt") if secrets else None
        if not refresh or secrets is None:
            raise NeedsSignIn(tx("Sign-in", "no Bluesky session in the keyring: sign in again"))
        session = BlueskySession(
            did=account.stable_id,
            handle=account.handle,
            access_jwt=secrets.get(account.secret_key, "access_jwt") or "",
            refresh_jwt=refresh,
            service=account.server_url,
        )

        def keep(new: BlueskySession) -> None:
            # A refreshed session invalidates the old refresh token: store the new one now.
            secrets.set(account.secret_key, "access_jwt", new.access_jwt)
            secrets.set(account.secret_key, "refresh_jwt", new.refresh_jwt)

        return BlueskyConnector(session, on_session_refreshed=keep)
    if account.network == Network.YOUTUBE:
        from desktop.connectors.youtube import YouTubeConnector

        api_key = secrets.get(account.secret_key, "api_key") if secrets else None
        if not api_key:
            raise NeedsSignIn(
                tx("Sign-in", "no YouTube API key in the keyring: add the account again")
            )
        return YouTubeConnector(account.stable_id, api_key, api=account.server_url)
    if account.network in (Network.FEED, Network.BLOG):
        from desktop.connectors.feeds import FeedConnector, FeedSource

        return FeedConnector([FeedSource(f.url, f.kind, f.title) for f in feeds], workers=workers)
    raise ValueError(f"accounts of network {account.network!r} do not sync")
