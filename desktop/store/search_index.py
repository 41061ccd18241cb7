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
    store: Store, *, batch: int = BATCH, cancelled: Callable[[], bool] = lambda: False
) -> int:
    """Index every interaction not indexed yet; how many rows were looked at. Each batch
    is its own write transaction, so a crash or ``cancelled`` keeps what was done."""
    if store.engine.dialect.name != "sqlite":
        return 0
    writer = store.engine.execution_options(sqlite_begin="IMMEDIATE")
    done = 0
    while not cancelled():
        with writer.begin() as conn:
            after = int(conn.scalar(_THROUGH) or 0)
            newest = int(conn.scalar(_NEWEST) or 0)
            if newest <= after:
                break
            through = min(newest, after + batch)
            conn.execute(_INDEX, {"after": after, "through": through})
            conn.execute(_DONE, {"through": through})
            done += through - after
    return done
