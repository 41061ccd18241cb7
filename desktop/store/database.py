"""Opening the store: a private SQLite file in WAL mode, migrated by Alembic on open.

On PostgreSQL (team mode) several members' apps may open the same database at once: one
migrates at a time, under a lock the others wait for (store.locks), and each reads the
revision again once it holds the lock. Backups and the plain-sqlite3 check are SQLite's.

Start-up speed matters, so the common case (store already at the newest schema) reads the
revision with one query and never imports Alembic. The desktop app goes further: it reads
the revision with plain sqlite3 (:func:`at_head`), shows its window, and only then opens the
store — and imports SQLAlchemy — on a worker. SQLAlchemy is imported here only when a store
is opened.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import desktop
from desktop.core.i18n import fill, tx
from desktop.store import locks

if TYPE_CHECKING:
    from sqlalchemy import Connection, Engine
    from sqlalchemy.exc import SQLAlchemyError
    from sqlalchemy.orm import Session, sessionmaker

log = logging.getLogger(__name__)

MIGRATIONS = desktop.resource("store", "migrations")


# Page cache (negative: KiB). A sync's batch touches thousands of index pages of a big
# store; with SQLite's 2 MB they were evicted and read again (+15 % ingest with 16 MB). Only
# writes in bulk get it: on every connection it cost 30 MB more at start-up.
DEFAULT_CACHE = -2000
BULK_CACHE = -16384


class StoreError(Exception):
    """A problem with the store that the user can act on; the message says how."""


class NewerStoreError(StoreError):
    pass


CHANGES_CHANNEL = "reciprocity_changes"  # PostgreSQL LISTEN/NOTIFY: "the store changed"


def first_screen_path(store_path: Path) -> Path:
    """Where the first screen made from this store is kept (desktop.app.first_screen):
    beside it, so every writer of the store can forget it."""
    return store_path.with_name(f"{store_path.stem}.first-screen.json")


def known_revisions() -> list[str]:
    """Revision ids, oldest first: version files are named NNNN_description.py."""
    return sorted(p.name.split("_", 1)[0] for p in (MIGRATIONS / "versions").glob("[0-9]*_*.py"))


def head_revision() -> str:
    return known_revisions()[-1]


@dataclass
class Store:
    engine: Engine
    path: Path | None  # None for a non-SQLite URL
    _factory: sessionmaker[Session] = field(init=False, repr=False)
    # Write sessions committed by this process: a first screen read before one of them is
    # stale, and is not kept (desktop.app.first_screen).
    writes: int = field(init=False, default=0)
    # Who wrote, in the change notices a shared (PostgreSQL) store sends: its own are not news.
    sender: str = field(init=False, default_factory=lambda: uuid.uuid4().hex)
    # This computer's team member: acknowledgements on a shared store record it (Services
    # sets it; "" on a store of one, where there is nobody else to tell apart).
    member: str = field(init=False, default="")

    def __post_init__(self) -> None:
        from sqlalchemy.orm import sessionmaker

        # Writers take SQLite's write lock when they begin, so two writers queue up (busy
        # timeout) instead of one failing with "database is locked" when it upgrades a read.
        writer = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._factory = sessionmaker(writer, expire_on_commit=False)
        self._read_factory = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def session(self, *, bulk: bool = False) -> Iterator[Session]:
        """One unit of work that may write: committed at the end, rolled back on any error.
        `bulk` (a sync's batch of pages) gives it a roomier page cache for its duration.
        Any write makes the first screen made from this store stale: it is forgotten (before
        the commit too, so that a crash in between cannot leave it behind)."""
        self._forget_first_screen()
        with self._factory() as session, session.begin():
            if self.member and self.engine.dialect.name == "postgresql":
                session.info["member"] = self.member
            if bulk and self.path is not None:
                raw = session.connection().connection.dbapi_connection
                assert raw is not None  # a checked-out connection has its DBAPI one
                raw.execute(f"PRAGMA cache_size={BULK_CACHE}")
                try:
                    yield session
                finally:
                    raw.execute(f"PRAGMA cache_size={DEFAULT_CACHE}")  # frees the pages
            else:
                yield session
            if self.engine.dialect.name == "postgresql":
                from sqlalchemy import text

                # The other members' apps refresh (desktop.app.team_changes); delivered on
                # commit only, so a rolled-back write tells no one.
                session.execute(
                    text("SELECT pg_notify(:channel, :sender)"),
                    {"channel": CHANGES_CHANNEL, "sender": self.sender},
                )
        self.writes += 1
        self._forget_first_screen()

    def _forget_first_screen(self) -> None:
        if self.path is not None:
            try:
                first_screen_path(self.path).unlink(missing_ok=True)
            except OSError as exc:  # a read-only data dir: the screen is then never made
                log.debug("first screen not forgotten: %s", exc)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only unit of work; in WAL mode it never waits for a writer."""
        with self._read_factory() as session, session.begin():
            yield session
            session.rollback()

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_engine(url: str) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(url, connect_args={"timeout": 15})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin, so that
        # migrations (DDL) are transactional too.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")
        # Checkpoint every ~40 MB of WAL, not 4 MB: a sync's index pages are rewritten
        # many times over, and each checkpoint copied them all back (+25 % ingest speed).
        cur.execute("PRAGMA wal_autocheckpoint=10000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def _create_private_file(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if not path.exists():
        fd = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
        os.close(fd)


def _current_revision(engine: Engine) -> tuple[str | None, bool]:
    """(revision, has_tables). Raises StoreError when the file is not a usable database."""
    with engine.connect() as conn:
        return _revision_on(conn)


def _revision_on(conn: Connection) -> tuple[str | None, bool]:
    from sqlalchemy import inspect, text

    tables = set(inspect(conn).get_table_names())
    if "alembic_version" not in tables:
        return None, bool(tables)
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return (row[0] if row else None), True


def _plain_sqlite_path(url: str) -> Path | None:
    """The file of a plain ``sqlite:///PATH`` URL; None for any other URL (another driver,
    query options, escapes, in memory), which only :func:`open_store` reads."""
    prefix = "sqlite:///"
    if not url.startswith(prefix) or any(ch in url for ch in "?#%"):
        return None
    database = url[len(prefix) :]
    if database in ("", ":memory:"):
        return None
    return Path(database)


def at_head(url: str) -> bool:
    """Is the store at ``url`` an existing SQLite file already at the newest schema?

    Read with plain sqlite3 (no SQLAlchemy, no Alembic: a few milliseconds), so the app can
    show its window first and open the store on a worker. False means "call open_store now"
    — to create, migrate, or say what is wrong — never that the store is unusable.
    """
    path = _plain_sqlite_path(url)
    if path is None or not path.is_file():
        return False
    try:
        conn = sqlite3.connect(path, timeout=15)
    except sqlite3.Error:
        return False
    try:
        found = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).fetchone()
        if found is None:
            return False
        rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return len(rows) == 1 and rows[0][0] == head_revision()


def backup_sqlite(path: Path, revision: str) -> Path:
    """A consistent copy (WAL included) next to the store, made before any migration."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = path.parent / "backups" / f"{path.stem}-{revision}-{stamp}.db"
    target.parent.mkdir(exist_ok=True, mode=0o700)
    _create_private_file(target)
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def _upgrade(engine: Engine, where: str) -> bool:
    """Migrate to head in one transaction; False if there was nothing left to do.

    On PostgreSQL other members' apps may be migrating the same database: the migration
    lock (store.locks) makes this one wait for theirs, and then the revision is read again
    under the lock, so a store another app just migrated is left as it is."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if locks.is_postgresql(conn):
            locks.lock_migrations(conn)
            revision, has_tables = _revision_on(conn)
            _check_revision(revision, has_tables, where)
            if revision == head_revision():
                return False
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return True


def _check_revision(revision: str | None, has_tables: bool, where: str) -> None:
    """Refuse a database that is not a Reciprocity store, or one of a newer schema (an older
    app must never write to it)."""
    known = known_revisions()
    if revision is None and has_tables:
        raise StoreError(
            fill(tx("Errors", "%1 is not a Reciprocity store (it has other tables)"), where)
        )
    if revision is not None and revision not in known:
        raise NewerStoreError(
            fill(
                tx(
                    "Errors",
                    "the store %1 was written by a newer version of Reciprocity "
                    "(schema %2, this version knows up to %3); "
                    "install the newer version, or use another --data-dir",
                ),
                where,
                revision,
                known[-1],
            )
        )


def _migration_error(exc: SQLAlchemyError, where: str) -> StoreError:
    if locks.lock_timed_out(exc):
        # Waiting for another member's migration, or, migrating, for a table another
        # member's app kept busy: both are said the same way, and both are worth a retry.
        return StoreError(
            fill(
                tx(
                    "Errors",
                    "could not migrate the store %1: another member's Reciprocity kept it "
                    "locked too long (it may be migrating it); try again in a minute",
                ),
                where,
            )
        )
    return StoreError(fill(tx("Errors", "could not migrate the store %1: %2"), where, exc))


def _one_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the store at a SQLAlchemy URL."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import (
        ArgumentError,
        DBAPIError,
        NoSuchModuleError,
        OperationalError,
        SQLAlchemyError,
    )

    try:
        parsed = make_url(url)
        parsed.get_dialect()  # an unknown database or a missing driver fails here
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        raise StoreError(
            fill(tx("Errors", "the database URL is not usable: %1"), _one_line(exc))
        ) from None
    path: Path | None = None
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
        path = Path(parsed.database)
        if path.is_dir():
            raise StoreError(
                fill(tx("Errors", "cannot open the store %1: it is a directory"), path)
            )
        try:
            _create_private_file(path)
        except OSError as exc:
            raise StoreError(
                fill(tx("Errors", "cannot create the store %1: %2"), path, exc.strerror)
            ) from None
        engine = _sqlite_engine(url)
    elif parsed.get_backend_name() == "sqlite":
        engine = _sqlite_engine(url)
    else:
        from desktop.store import server

        engine = create_engine(
            url,
            pool_pre_ping=True,
            connect_args=server.connect_args(dict(parsed.query)),
            **server.POOL,
        )

    where = str(path) if path else parsed.render_as_string(hide_password=True)
    try:
        revision, has_tables = _current_revision(engine)
    except DBAPIError as exc:
        engine.dispose()
        reason = str(exc.orig) if exc.orig else str(exc)
        if path is None and isinstance(exc, OperationalError):  # a server that did not answer
            first = next((line for line in reason.splitlines() if line.strip()), reason)
            raise StoreError(
                fill(tx("Errors", "cannot reach the store %1: %2"), where, first.strip())
            ) from None
        raise StoreError(
            fill(
                tx(
                    "Errors",
                    "cannot read the store %1: it is damaged or not a Reciprocity store (%2)",
                ),
                where,
                reason,
            )
        ) from None

    try:
        _check_revision(revision, has_tables, where)
    except StoreError:
        engine.dispose()
        raise
    if revision != head_revision():
        if revision is not None and path is not None:
            saved = backup_sqlite(path, revision)
            log.info("backed up the store to %s before migrating from %s", saved, revision)
        try:
            migrated = _upgrade(engine, where)
        except StoreError:
            engine.dispose()
            raise
        except SQLAlchemyError as exc:
            engine.dispose()
            raise _migration_error(exc, where) from exc
        if migrated:
            log.info("store %s migrated from %s to %s", where, revision, head_revision())
        else:
            log.info("store %s was migrated meanwhile by another app", where)
    return Store(engine=engine, path=path)
