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
    """Open (creating or migrating it first if need be) the store at this URL."""
    from desktop.store.database import open_store as open_database

    return open_database(url)


def at_head(url: str) -> bool:
    """Is the store there, at the newest schema (so opening it later changes nothing)?"""
    from desktop.store.database import at_head as database_at_head

    return database_at_head(url)


def open_demo_store(directory: Path) -> Store:
    """The demo store in this directory (private), created and filled on first use."""
    from desktop.app.services import Services

    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    store = open_store(f"sqlite:///{directory / 'reciprocity.db'}")
    services = Services(store)
    if services.is_empty():
        services.fill_demo()
    return store
