"""Speed-only plain SQL for SQLite, on the session's own connection and transaction.

A sync writes tens of thousands of rows and the ORM's per-row work cost more than the
database did, so ingest and the person totals write with prepared statements here; other
databases take the portable SQLAlchemy Core path. Both paths are tested against each other
(tests/store/test_ingest_fast.py). Datetimes go in as SQLAlchemy writes them
(`sqlite_stamp`), so the ORM reads those rows back exactly as if it had written them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from sqlalchemy import FromClause, Table
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from sqlalchemy.dialects import postgresql, sqlite

T = TypeVar("T")

CHUNK = 400  # keeps "IN (...)" lists under SQLite's variable limit
# Plain SQL on SQLite (upserts need 3.24); tests turn it off to check the portable path.
PLAIN_SQLITE = sqlite3.sqlite_version_info >= (3, 24)


def dialect_insert(session: Session, model: type[Any]) -> sqlite.Insert | postgresql.Insert:
    """INSERT with ON CONFLICT support for the session's dialect (SQLite or PostgreSQL)."""
    name = session.get_bind().dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as sqlite_insert

        return sqlite_insert(model)
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as postgresql_insert

        return postgresql_insert(model)
    raise RuntimeError(f"unsupported database dialect {name}")  # pragma: no cover


def chunks(items: Sequence[T], size: int = CHUNK) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def sqlite_stamp(when: datetime) -> str:
    """An aware datetime as the store keeps it on SQLite: naive UTC text in SQLAlchemy's
    format ("YYYY-MM-DD HH:MM:SS.ffffff", microseconds always), which is what the ORM's
    UTCDateTime writes and reads back, and what orders correctly as text."""
    if when.tzinfo is not UTC:
        if when.tzinfo is None:
            raise ValueError("naive datetime given to the store; use timezone-aware UTC")
        when = when.astimezone(UTC)
    return when.replace(tzinfo=None).isoformat(" ", "microseconds")


def plain_sqlite(session: Session) -> sqlite3.Connection | None:
    """The session's own sqlite3 connection, inside its transaction, for plain SQL; None on
    other databases. Pending ORM changes are flushed first, so plain SQL sees them."""
    if not PLAIN_SQLITE:
        return None
    session.flush()
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    raw = connection.connection.driver_connection
    return raw if isinstance(raw, sqlite3.Connection) else None


@contextmanager
def plain_errors(what: str) -> Iterator[None]:
    """sqlite3's errors from plain SQL as the SQLAlchemy errors the ORM would have raised
    (OperationalError for a full disk, IntegrityError for a broken reference...), so
    callers handle both paths alike."""
    try:
        yield
    except sqlite3.Error as exc:
        raise DBAPIError.instance(what, None, exc, sqlite3.Error) from exc


def insert_sql(table: FromClause, columns: Sequence[str], tail: str = "") -> str:
    """A prepared INSERT for these columns of the table (each checked to exist)."""
    if not isinstance(table, Table):  # a mapped class's __table__ is typed FromClause
        raise TypeError(f"not a table: {table!r}")
    names = [table.c[name].name for name in columns]
    sql = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    return f"{sql} {tail}" if tail else sql
