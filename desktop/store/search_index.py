"""The archive search's index of post words on SQLite, brought up to date after the writes.

An insert trigger would index each new interaction as it is written, and made ingest (the
hot path of every sync) twice as slow. So the index is caught up afterwards, a batch of
rows a transaction: after each sync and archive import, and before each search, so a
search always sees every row. What is indexed is recorded in interaction_search_done
(migration 0010, which also says how deletes and edits are kept right). PostgreSQL keeps
its search words in a generated column, so there is nothing to catch up there.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import text

from desktop.store.database import Store

BATCH = 20_000  # ids a transaction: short enough that another writer barely waits
BUSY_TIMEOUT_MS = 15_000  # the store's own (database._sqlite_engine's timeout)

_THROUGH = text("SELECT through_id FROM interaction_search_done")
_NEWEST = text("SELECT coalesce(max(id), 0) FROM interactions")
_INDEX = text(
    "INSERT INTO interaction_search(rowid, post_text) SELECT id, post_text FROM interactions"
    " WHERE id > :after AND id <= :through AND post_text != ''"
)
_DONE = text("UPDATE interaction_search_done SET through_id = :through")


def behind(store: Store) -> int:
    """How many ids the index has still to look at (0: it is complete)."""
    if store.engine.dialect.name != "sqlite":
        return 0
    with store.engine.connect() as conn:
        return int(conn.scalar(_NEWEST) or 0) - int(conn.scalar(_THROUGH) or 0)


def catch_up(
    store: Store,
    *,
    batch: int = BATCH,
    cancelled: Callable[[], bool] = lambda: False,
    wait_s: float | None = None,
) -> int:
    """Index every interaction not indexed yet; how many rows were looked at. Each batch
    is its own write transaction, so a crash or ``cancelled`` keeps what was done.
    ``wait_s``: wait at most this long for another writer (a sync), then leave the rest
    to that sync's own catch-up; None waits as any writer does."""
    if store.engine.dialect.name != "sqlite" or behind(store) <= 0:
        return 0  # nothing to do: no write lock taken (a search must not queue for one)
    from sqlalchemy.exc import OperationalError

    writer = store.engine.execution_options(sqlite_begin="IMMEDIATE")
    done = 0
    with writer.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None  # a checked-out connection has its DBAPI one
        if wait_s is not None:
            raw.execute(f"PRAGMA busy_timeout = {int(wait_s * 1000)}")
        try:
            while not cancelled():
                with conn.begin():
                    after = int(conn.scalar(_THROUGH) or 0)
                    newest = int(conn.scalar(_NEWEST) or 0)
                    if newest <= after:
                        break
                    through = min(newest, after + batch)
                    conn.execute(_INDEX, {"after": after, "through": through})
                    conn.execute(_DONE, {"through": through})
                    done += through - after
        except OperationalError as exc:
            if wait_s is None or "locked" not in str(exc):
                raise
        finally:
            if wait_s is not None:
                raw.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return done
