"""Opening the user's store and the demo store, for the window and the CLI.

`at_head` reads the schema revision with plain sqlite3 and never imports SQLAlchemy, so the
window can decide before its first paint whether the store must be migrated first.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.store.database import Store


def open_store(url: str) -> Store:
    """Open (creating or migrating it first if need be) the store at this URL; a shared
    store's password comes from the keyring (desktop.app.team_store)."""
    from desktop.store.database import open_store as open_database

    if url.startswith("postgresql"):
        url = _with_kept_password(url)
    return open_database(url)


def _with_kept_password(url: str) -> str:
    from desktop.app.team_store import with_password
    from desktop.platform.secrets import KeyringUnavailable, SecretStore

    try:
        return with_password(url, SecretStore())
    except KeyringUnavailable:
        return url  # the server may not need one (trust, peer, ~/.pgpass)


def at_head(url: str) -> bool:
    """Is the store there, at the newest schema (so opening it later changes nothing)?"""
    from desktop.store.database import at_head as database_at_head

    return database_at_head(url)


def store_file(url: str) -> Path | None:
    """The file of a plain SQLite store URL; None for others (PostgreSQL, in memory)."""
    from desktop.store.database import _plain_sqlite_path

    return _plain_sqlite_path(url)


def first_screen_kept(store_path: Path | None) -> bool:
    """Is a first screen kept for this store (none: it must be made again)?"""
    from desktop.store.database import first_screen_path

    return store_path is not None and first_screen_path(store_path).exists()


def open_demo_store(directory: Path) -> Store:
    """The demo store in this directory (private), created and filled on first use."""
    from desktop.app.services import Services

    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    store = open_store(f"sqlite:///{directory / 'reciprocity.db'}")
    services = Services(store)
    if services.is_empty():
        services.fill_demo()
    return store
