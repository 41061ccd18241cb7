"""Signing in and adding sources, step by step, without Qt: shared by the CLI and the app.

Every function here blocks (HTTP, the keyring, the store): the desktop app calls them on a
worker through Services, the CLI calls them directly. They raise what the user should read:

- ``ValueError`` (and ``InvalidRequest``, a ValueError) for what was typed wrong,
- ``ConnectorError`` subclasses for what a server said or did not say
  (``CodeNotAccepted`` for a wrong or expired Mastodon code),
- ``KeyringUnavailable`` when no keyring can keep the token,
- ``NotFound`` for an unknown account id.

Tokens go to the keyring *inside* the store transaction that adds the account: if the
keyring refuses them, the transaction rolls back and no account is added. A Mastodon
server's app registration (client id and secret) is kept in the keyring, one per server,
so signing in again does not register the app again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from urllib.parse import urlsplit

from desktop.connectors import bluesky, mastodon, youtube
from desktop.connectors.base import NeedsSignIn
from desktop.core.errors import InvalidRequest
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import AccountState, Network, is_archive
from desktop.platform.secrets import SecretStore, account_key
from desktop.queries import accounts
from desktop.queries.accounts import AccountView
from desktop.store.database import Store
from desktop.store.models import Account
from desktop.sync.connect import secret_key

__all__ = [
    "APP_PASSWORDS_HELP",
    "FeedsAdded",
    "MastodonSignIn",
    "OpmlImported",
    "add_blog_comments",
    "add_feeds",
    "bluesky_sign_in",
    "export_opml",
    "import_opml",
    "mastodon_begin",
    "mastodon_finish",
    "mastodon_with_token",
    "remove",
    "youtube_with_key",
]

# Where Bluesky explains app passwords (Settings → Privacy and security → App passwords).
APP_PASSWORDS_HELP = "https://bsky.app/settings/app-passwords"

SecretsSource = SecretStore | Callable[[], SecretStore] | None


# --- Mastodon ------------------------------------------------------------------------------


@dataclass(frozen=True)
class MastodonSignIn:
    """A browser sign-in under way: show `authorize_url`, then finish with the pasted code."""

    instance: str
    creds: mastodon.AppCredentials
    verifier: str = field(repr=False)
    authorize_url: str


def _app_key(instance: str) -> str:
    return account_key("mastodon-app", instance, "app")


def _app_credentials(secrets: SecretStore, instance: str) -> mastodon.AppCredentials:
    """The app registration for this server: from the keyring, else registered now."""
    key = _app_key(instance)
    client_id = secrets.get(key, "client_id")
    client_secret = secrets.get(key, "client_secret")
    if client_id and client_secret:
        return mastodon.AppCredentials(client_id, client_secret)
    creds = mastodon.register_app(instance)
    secrets.set(key, "client_id", creds.client_id)
    secrets.set(key, "client_secret", creds.client_secret)
    return creds


def mastodon_begin(secrets: SecretStore, instance: str) -> MastodonSignIn:
    """Step 1 of the browser sign-in: the app registration and the page to approve it on.

    `instance` is what the user typed ("example.social", "@me@example.social", a URL);
    a ValueError says what is wrong with it."""
    base = mastodon.normalise_instance(instance)
    creds = _app_credentials(secrets, base)
    verifier, challenge = mastodon.make_pkce()
    return MastodonSignIn(
        base, creds, verifier, mastodon.authorize_url(base, creds.client_id, challenge)
    )


def mastodon_finish(
    store: Store, secrets: SecretStore, signin: MastodonSignIn, code: str
) -> AccountView:
    """Step 2: trade the pasted code for a token, check it, add the account.

    A wrong or expired code raises CodeNotAccepted (the same sign-in can be finished with
    another code). A server that forgot the app raises NeedsSignIn, and the cached
    registration is dropped so that beginning again registers anew."""
    code = (code or "").strip()
    if not code:
        raise InvalidRequest(tx("Sign-in", "paste the code your server showed you"))
    try:
        token = mastodon.exchange_code(signin.instance, signin.creds, code, signin.verifier)
    except NeedsSignIn:
        secrets.delete_account(_app_key(signin.instance), ("client_id", "client_secret"))
        raise
    return _add_mastodon(store, secrets, signin.instance, token)


def mastodon_with_token(
    store: Store, secrets: SecretStore, instance: str, token: str
) -> AccountView:
    """Sign in with an access token made in the server's settings (Development)."""
    base = mastodon.normalise_instance(instance)
    token = (token or "").strip()
    if not token:
        raise InvalidRequest(tx("Sign-in", "paste the access token from your server's settings"))
    return _add_mastodon(store, secrets, base, token)


def _add_mastodon(store: Store, secrets: SecretStore, instance: str, token: str) -> AccountView:
    me = mastodon.MastodonConnector(instance, token).verify()
    with store.session() as s:
        account = accounts.upsert_account(
            s,
            Network.MASTODON,
            instance,
            me.handle,
            display_name=me.display_name,
            stable_id=me.stable_id,
        )
        # Inside the transaction: if the keyring refuses the token, no account is added.
        secrets.set(secret_key(account), "access_token", token)
        return _view(account)


# --- Bluesky -------------------------------------------------------------------------------


def bluesky_sign_in(
    store: Store,
    secrets: SecretStore,
    handle: str,
    app_password: str,
    service: str | None = None,
) -> AccountView:
    """Sign in with a handle and an app password; only the session's tokens are kept."""
    handle = (handle or "").strip()
    if not handle.lstrip("@"):
        raise InvalidRequest(tx("Sign-in", "enter your Bluesky handle, like you.bsky.social"))
    if not (app_password or "").strip():
        raise InvalidRequest(
            tx(
                "Sign-in",
                "enter an app password (make one in Bluesky: Settings → Privacy and security → "
                "App passwords)",
            )
        )
    session = bluesky.create_session(
        service or bluesky.DEFAULT_SERVICE, handle, app_password.strip()
    )
    with store.session() as s:
        account = accounts.upsert_account(
            s, Network.BLUESKY, session.service, session.handle, stable_id=session.did
        )
        key = secret_key(account)
        secrets.set(key, "access_jwt", session.access_jwt)
        secrets.set(key, "refresh_jwt", session.refresh_jwt)  # never the app password
        return _view(account)


# --- YouTube -------------------------------------------------------------------------------


def youtube_with_key(
    store: Store, secrets: SecretStore, channel: str, api_key: str, api: str | None = None
) -> AccountView:
    """My channel (id UC…, handle @name or its address) with an API key I made: checked
    once against the API (1 quota unit), then the key goes to the keyring."""
    youtube.channel_query(channel)  # a typing mistake says so before the key is asked for
    api_key = (api_key or "").strip()
    if not api_key or any(c.isspace() for c in api_key):
        raise InvalidRequest(
            tx(
                "Sign-in",
                "paste the API key from the Google Cloud console (YouTube Data API v3 → "
                "Credentials → API key)",
            )
        )
    base = (api or youtube.DEFAULT_API).rstrip("/")
    me = youtube.find_channel(youtube.YouTubeHttp(base, api_key), channel)
    with store.session() as s:
        account = accounts.upsert_account(
            s,
            Network.YOUTUBE,
            base,
            me.handle,
            display_name=me.display_name,
            stable_id=me.stable_id,
        )
        # Inside the transaction: if the keyring refuses the key, no account is added.
        secrets.set(secret_key(account), "api_key", api_key)
        return _view(account)


# --- feeds ---------------------------------------------------------------------------------


@dataclass
class FeedsAdded:
    """What became of each address given to add_feeds (in the order given)."""

    added: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)  # already followed
    invalid: list[tuple[str, str]] = field(default_factory=list)  # (as typed, why not)

    @property
    def ok(self) -> bool:
        return not self.invalid


_BARE_HOST = re.compile(r"^[^\s/:@]+\.[^\s/:@]+(/\S*)?$")


def feed_address(text: str) -> str:
    """A feed address from what was typed: "example.com/feed" means https://example.com/feed.

    Raises InvalidRequest (a ValueError) saying why it is not a web address."""
    text = text.strip()
    if _BARE_HOST.match(text) and "://" not in text:
        text = f"https://{text}"
    return accounts.validate_feed_url(text)


def split_addresses(text: str) -> list[str]:
    """The addresses in a block of text, one per line; blank lines and repeats are dropped.
    A line of several web addresses separated by spaces or commas counts as several."""
    seen: dict[str, None] = {}
    for line in (text or "").splitlines():
        line = line.strip()
        parts = [p for p in re.split(r"[\s,]+", line) if p]
        if len(parts) > 1 and all("://" in p for p in parts):
            for part in parts:
                seen.setdefault(part, None)
        elif line:
            seen.setdefault(line, None)
    return list(seen)


def add_feeds(store: Store, urls: Iterable[str]) -> FeedsAdded:
    """Follow every feed that is a web address; say what happened to each (one transaction)."""
    result = FeedsAdded()
    wanted: list[tuple[str, str]] = []
    for raw in dict.fromkeys(u.strip() for u in urls if u and u.strip()):
        try:
            wanted.append((raw, feed_address(raw)))
        except ValueError as exc:
            result.invalid.append((raw, str(exc)))
    if not wanted:
        return result
    with store.session() as s:
        for _raw, url in wanted:
            feed, created = accounts.add_feed(s, url, account=None)
            (result.added if created else result.existing).append(feed.url)
    return result


def add_blog_comments(store: Store, url: str) -> tuple[AccountView, bool]:
    """(account, created): the comments feed of my own blog, whose comments are replies."""
    url = feed_address(url)
    host = urlsplit(url).netloc.lower()
    with store.session() as s:
        account = accounts.upsert_account(
            s, Network.BLOG, f"https://{host}", url, display_name=host
        )
        _, created = accounts.add_feed(s, url, kind="blog_comments", account=account)
        return _view(account, feeds=len(accounts.feeds_of(s, account.id))), created


@dataclass(frozen=True)
class OpmlImported:
    total: int  # feeds in the file
    added: int  # of which new


def import_opml(store: Store, path: str | PathLike[str]) -> OpmlImported:
    """Follow every feed of an OPML file (what feed readers export); one transaction.

    A missing or unreadable file, or one that is not OPML, raises InvalidRequest."""
    from desktop.connectors.opml import read_opml

    path = Path(path)
    try:
        sources = read_opml(path)
    except FileNotFoundError:
        raise InvalidRequest(fill(tx("Feeds", "%1 does not exist"), path)) from None
    except (OSError, ValueError) as exc:
        raise InvalidRequest(fill(tx("Feeds", "cannot import %1: %2"), path, exc)) from None
    added = 0
    with store.session() as s:
        for source in sources:
            _, created = accounts.add_feed(s, source.url, title=source.title, account=None)
            added += created
    return OpmlImported(len(sources), added)


# --- removing ------------------------------------------------------------------------------


def export_opml(store: Store, path: Path) -> int:
    """The feeds I follow, written to an OPML file; how many."""
    from desktop.connectors.feeds import FeedSource
    from desktop.connectors.opml import write_opml

    with store.read() as s:
        sources = [FeedSource(f.url, "feed", f.title) for f in accounts.followed_feeds(s)]
    write_opml(sources, path)
    return len(sources)


def remove(store: Store, secrets: SecretsSource, account_id: int) -> AccountView:
    """Remove an account: its history stays in the ledger, its secrets leave the keyring.

    `secrets` may be a SecretStore or a callable returning one: it is called only when the
    account has secrets, so removing a feed list never needs a keyring."""
    with store.session() as s:
        account = accounts.get_account(s, account_id)
        view = _view(account, feeds=len(accounts.feeds_of(s, account.id)))
        # Secrets are deleted before the row is marked removed: a refusing keyring leaves
        # the account as it was (the transaction rolls back), so it can be removed again.
        names = accounts.SECRET_NAMES.get(account.network, ())
        if names and not is_archive(account.network, account.server_url):
            store_of_secrets = secrets() if callable(secrets) else secrets
            if store_of_secrets is None:  # a caller's mistake: only feed lists have none
                raise TypeError(f"account {account_id} has secrets: pass a keyring")
            store_of_secrets.delete_account(secret_key(account), names)
        accounts.remove_account(s, account_id)
    view.state = AccountState.REMOVED
    return view


def _view(account: Account, feeds: int = 0) -> AccountView:
    return AccountView(
        account.id,
        account.network,
        account.server_url,
        account.handle,
        account.display_name,
        account.state,
        account.retry_at,
        account.last_sync_at,
        account.last_error,
        feeds,
    )
