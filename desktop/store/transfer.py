"""Export the whole store to JSON (no secrets: the store holds none) and import it back.

The export is table by table with ids kept, so an import into an empty store gives the
same people, ledger and pending list, ids included.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Date, DateTime, func, select, text
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

import desktop
from desktop.core.i18n import fill, tx
from desktop.store.database import head_revision
from desktop.store.models import Base

FORMAT = "reciprocity-export"
DERIVED = {"person_stats"}  # computed from the rest: not exported, rebuilt on import
FORMAT_VERSION = 1


class TransferError(Exception):
    """The file cannot be exported to or imported from; the message says why."""


def _is_type(column: Column[Any], kind: type[TypeEngine[Any]]) -> bool:
    impl = getattr(column.type, "impl", column.type)
    return isinstance(impl, kind) or isinstance(column.type, kind)


def _dump_value(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def export_store(session: Session, path: Path) -> dict[str, int]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in Base.metadata.sorted_tables:
        if table.name in DERIVED:
            continue
        rows = session.execute(select(table).order_by(*table.primary_key.columns)).mappings()
        tables[table.name] = [{k: _dump_value(v) for k, v in row.items()} for row in rows]
    document = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "app_version": desktop.__version__,
        "schema": head_revision(),
        "tables": tables,
    }
    tmp = path.with_name(path.name + ".tmp")
    try:
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(document, fh, ensure_ascii=False, indent=1)
        os.replace(tmp, path)  # never leave a half-written export under the real name
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise TransferError(fill(tx("Export", "cannot write %1: %2"), path, exc.strerror)) from None
    return {name: len(rows) for name, rows in tables.items()}


def _load(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            document = json.load(fh)
    except FileNotFoundError:
        raise TransferError(fill(tx("Export", "%1 does not exist"), path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TransferError(fill(tx("Export", "cannot read %1: %2"), path, exc)) from None
    except json.JSONDecodeError as exc:
        raise TransferError(
            fill(
                tx("Export", "%1 is not valid JSON (line %2, column %3: %4)"),
                path,
                exc.lineno,
                exc.colno,
                exc.msg,
            )
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise TransferError(fill(tx("Export", "%1 is not a Reciprocity export"), path))
    version = document.get("format_version")
    if type(version) is not int or version != FORMAT_VERSION:
        raise TransferError(
            fill(
                tx("Export", "%1 has export format %2; this version reads format %3"),
                path,
                repr(document.get("format_version")),
                FORMAT_VERSION,
            )
        )
    if not isinstance(document.get("tables"), dict):
        raise TransferError(fill(tx("Export", "%1 has no tables"), path))
    return document


def _row(where: tuple[str, str, int]) -> str:
    """A row of an export in words ("export.json: persons row 3"), for an error."""
    return fill(tx("Export", "%1: %2 row %3"), *where)


def _load_value(column: Column[Any], value: Any, where: tuple[str, str, int]) -> Any:
    if value is None:
        return None
    try:
        if _is_type(column, DateTime):
            return datetime.fromisoformat(value)
        if _is_type(column, Date):
            return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise TransferError(
            fill(tx("Export", "%1: %2 has a bad date %3"), _row(where), column.name, repr(value))
        ) from None
    return value


def import_store(session: Session, path: Path) -> dict[str, int]:
    """Load an export into this (empty) store in one transaction: all or nothing."""
    document = _load(path)
    # Any row counts (settings, candidates, accounts...), not only people: ids are kept.
    if any(
        session.scalar(select(func.count()).select_from(table))
        for table in Base.metadata.sorted_tables
    ):
        raise TransferError(tx("Export", "import needs an empty store; use a new --data-dir"))
    if session.get_bind().dialect.name == "sqlite":
        # Rows reference each other (merged persons); check the keys at commit instead.
        session.execute(text("PRAGMA defer_foreign_keys=ON"))
    counts = {}
    known = {t.name: t for t in Base.metadata.sorted_tables if t.name not in DERIVED}
    unknown = set(document["tables"]) - set(known)
    if unknown:
        raise TransferError(
            fill(
                tx("Export", "%1 has tables this version does not know: %2"),
                path,
                sorted(unknown),
            )
        )
    for name, table in known.items():
        rows = document["tables"].get(name, [])
        if not isinstance(rows, list):
            raise TransferError(fill(tx("Export", "%1: table %2 is not a list"), path, name))
        columns = {c.name: c for c in table.columns}
        prepared = []
        for n, row in enumerate(rows):
            where = (path.name, name, n + 1)
            if not isinstance(row, dict) or set(row) - set(columns):
                raise TransferError(
                    fill(tx("Export", "%1 does not match this version's columns"), _row(where))
                )
            prepared.append({k: _load_value(columns[k], v, where) for k, v in row.items()})
        if prepared:
            try:
                session.execute(table.insert(), prepared)
            except StatementError as exc:  # wrong types or missing columns in the file
                reason = str(exc.orig or exc).splitlines()[0]
                raise TransferError(
                    fill(tx("Export", "%1: table %2 does not fit: %3"), path.name, name, reason)
                ) from None
        counts[name] = len(prepared)
    if session.get_bind().dialect.name == "postgresql":
        # Ids were inserted explicitly: move each sequence past them for later inserts.
        for name, table in known.items():
            if "id" in table.columns and counts.get(name):
                session.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                        f"(SELECT max(id) FROM {name}))"
                    )
                )
    from desktop.store import sharers, stats

    stats.rebuild(session)
    sharers.recount_all(session)  # exports made before the column existed have no counts
    return counts
