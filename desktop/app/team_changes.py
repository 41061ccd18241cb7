"""A shared store's changes, as the other members' apps make them: PostgreSQL LISTEN on
the channel every write session notifies (desktop.store.database.Store.session, with the
writing Store's `sender`), so a Thank page drops a person a teammate just thanked within a
second, without polling. SQLite stores have one writer machine and need none of this.

Notifications are not replayed to a listener that was not connected; the UI answers each
(re)connection with a full refresh, which is the catch-up.
"""

from __future__ import annotations

import contextlib
from typing import Any

from desktop.store.database import CHANGES_CHANNEL, Store
from desktop.store.server import CONNECT_TIMEOUT_S, KEEPALIVES


def is_shared(store: Store) -> bool:
    return store.engine.dialect.name == "postgresql"


class ChangeListener:
    """One autocommit connection, listening. Blocking calls: connect on a worker; `drain`
    never waits (call it when the socket is readable)."""

    def __init__(self, store: Store) -> None:
        import psycopg

        url = store.engine.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._own = store.sender
        # Keepalives: a server gone silent (suspend, Wi-Fi off) is noticed in a minute.
        self.connection: Any = psycopg.connect(
            url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S, **KEEPALIVES
        )
        self.connection.execute(f"LISTEN {CHANGES_CHANNEL}")

    def fileno(self) -> int:
        return int(self.connection.fileno())

    def drain(self) -> int:
        """The notices waiting now that came from other writers (ours are not news).
        Raises psycopg.OperationalError when the connection was lost."""
        others = 0
        for notice in self.connection.notifies(timeout=0):
            if notice.payload != self._own:
                others += 1
        return others

    def close(self) -> None:
        with contextlib.suppress(Exception):  # closing a dead connection: nothing to do
            self.connection.close()


__all__ = ["ChangeListener", "is_shared"]
