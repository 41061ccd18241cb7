"""Team mode's locks on PostgreSQL: one migrator at a time, one sync per account.

Several members' apps share one database, so what one process would do alone needs a lock
the server keeps: PostgreSQL's advisory locks, on keys every member's app derives from the
app id (so they agree without a table of their own).

- Migrations: a transaction-level lock on the connection Alembic migrates with. A second
  app waits for it (at most MIGRATION_WAIT_SECONDS), then finds the schema at head and does
  nothing. The migrator itself runs with server-side timeouts, so a migrator that hangs
  (a laptop suspended mid-migration, a statement stuck behind another member's lock) is cut
  off by the server and its transaction rolled back: nobody waits forever, and nobody ever
  sees a half-migrated schema (PostgreSQL's DDL is transactional).
- Syncs: a session-level lock per account, on a connection of its own for the sync's
  duration. Another member's app holding it means that account is being synced there: this
  one skips it. The server frees the lock when its holder's connection ends, a killed
  process included.

SQLite needs neither: one machine, whose writers queue for the file's write lock (and a
sync's for the engine's one WRITER).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

import desktop

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine

log = logging.getLogger(__name__)

# How long an app waits for another member's migration before saying so.
MIGRATION_WAIT_SECONDS = 120
# The migrator's own limits, server-side: a table lock it cannot get (another member's
# transaction), one statement, and time spent idle inside its transaction (a frozen process).
MIGRATOR_LOCK_SECONDS = 30
MIGRATOR_STATEMENT_SECONDS = 600
MIGRATOR_IDLE_SECONDS = 60

LOCK_TIMEOUT = "55P03"  # SQLSTATE lock_not_available
RETRY = ("40P01", "40001")  # SQLSTATEs deadlock_detected, serialization_failure


def _key(name: str, bits: int) -> int:
    """A fixed signed integer of `bits` bits for a name: the same in every member's app."""
    digest = hashlib.sha256(f"{desktop.APP_ID}:{name}".encode()).digest()
    return int.from_bytes(digest[: bits // 8], "big", signed=True)


MIGRATION_KEY = _key("migrations", 64)  # pg_advisory_xact_lock(bigint)
SYNC_NAMESPACE = _key("sync", 32)  # pg_try_advisory_lock(int, account id)


def is_postgresql(engine_or_connection: Engine | Connection) -> bool:
    return engine_or_connection.dialect.name == "postgresql"


def lock_timed_out(exc: BaseException) -> bool:
    """Did the server give up waiting for a lock (lock_timeout)?"""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) == LOCK_TIMEOUT


def must_retry(exc: BaseException) -> bool:
    """Did the server cancel this transaction for another's sake (a deadlock between two
    members' writes)? Then it can simply run again."""
    return getattr(getattr(exc, "orig", None), "sqlstate", None) in RETRY


def lock_migrations(conn: Connection) -> None:
    """Hold the migration lock until conn's transaction ends, waiting for another member's
    migration first (at most MIGRATION_WAIT_SECONDS: then the server's lock timeout raises,
    see lock_timed_out); then set the migrator's own timeouts for that transaction."""
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{MIGRATION_WAIT_SECONDS}s'")
    conn.exec_driver_sql("SET LOCAL statement_timeout = 0")  # the wait has its own limit
    conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_KEY})")
    conn.exec_driver_sql(f"SET LOCAL lock_timeout = '{MIGRATOR_LOCK_SECONDS}s'")
    conn.exec_driver_sql(f"SET LOCAL statement_timeout = '{MIGRATOR_STATEMENT_SECONDS}s'")
    conn.exec_driver_sql(
        f"SET LOCAL idle_in_transaction_session_timeout = '{MIGRATOR_IDLE_SECONDS}s'"
    )


# One engine without a pool per store engine: a sync's lock lives on a connection of its
# own, closed (and so freed on the server) when the sync ends, never handed back to the
# store's pool still holding it.
_lock_engines: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()
_lock_engines_lock = threading.Lock()


def _lock_engine(engine: Engine) -> Engine:
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    with _lock_engines_lock:
        made = _lock_engines.get(engine)
        if made is None:
            from desktop.store import server

            made = _lock_engines[engine] = create_engine(
                engine.url,
                poolclass=NullPool,
                connect_args=server.connect_args(dict(engine.url.query)),
            )
        return made


@contextmanager
def sync_lock(engine: Engine, account_id: int) -> Iterator[bool]:
    """True while this process holds the account's sync lock; False when another member's
    app holds it (then nothing is held). Always True on SQLite."""
    if not is_postgresql(engine):
        yield True
        return
    conn = _lock_engine(engine).connect().execution_options(isolation_level="AUTOCOMMIT")
    key = f"{SYNC_NAMESPACE}, {int(account_id)}"
    held = False
    try:
        held = bool(conn.exec_driver_sql(f"SELECT pg_try_advisory_lock({key})").scalar())
        yield held
    finally:
        try:
            if held:  # at once: closing frees it too, but a moment later, server-side
                conn.exec_driver_sql(f"SELECT pg_advisory_unlock({key})")
        except Exception as exc:  # the connection was lost, and the lock with it
            log.debug("sync lock of account %s: %s", account_id, exc)
        with suppress(Exception):
            conn.close()
