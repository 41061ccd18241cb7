"""Per-person totals (models.PersonStats): kept by ingest and merge, rebuilt when needed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, case, delete, func, insert, select, text
from sqlalchemy.orm import Session

from desktop.store.models import Identity, Interaction, PersonStats
from desktop.store.sqlite_bulk import dialect_insert, plain_errors, plain_sqlite, sqlite_stamp

# Plain SQL too: the migration and the benchmark's bulk loader fill the table with it.
REBUILD_SQL = """
INSERT INTO person_stats (person_id, inbound, outbound, first_at, last_at)
SELECT identities.person_id,
       SUM(CASE WHEN interactions.direction = 'inbound' THEN 1 ELSE 0 END),
       SUM(CASE WHEN interactions.direction = 'outbound' THEN 1 ELSE 0 END),
       MIN(interactions.occurred_at), MAX(interactions.occurred_at)
FROM interactions JOIN identities ON identities.id = interactions.identity_id
GROUP BY identities.person_id
"""


def _totals(
    person_ids: Iterable[int] | None = None,
) -> Select[int, int, int, datetime, datetime]:
    query = (
        select(
            Identity.person_id,
            func.sum(case((Interaction.direction == "inbound", 1), else_=0)),
            func.sum(case((Interaction.direction == "outbound", 1), else_=0)),
            func.min(Interaction.occurred_at),
            func.max(Interaction.occurred_at),
        )
        .join(Identity, Identity.id == Interaction.identity_id)
        .group_by(Identity.person_id)
    )
    if person_ids is not None:
        query = query.where(Identity.person_id.in_(list(person_ids)))
    return query


def recompute(session: Session, person_ids: Iterable[int]) -> None:
    """Exact totals for these people (after a merge moved identities between them)."""
    ids = sorted(set(person_ids))
    for start in range(0, len(ids), 400):
        chunk = ids[start : start + 400]
        session.execute(delete(PersonStats).where(PersonStats.person_id.in_(chunk)))
        rows = [
            {"person_id": pid, "inbound": i or 0, "outbound": o or 0, "first_at": f, "last_at": t}
            for pid, i, o, f, t in session.execute(_totals(chunk))
        ]
        if rows:
            session.execute(insert(PersonStats), rows)


def rebuild(session: Session) -> None:
    session.execute(delete(PersonStats))
    recompute_all = session.execute(_totals()).all()
    if recompute_all:
        session.execute(
            insert(PersonStats),
            [
                {"person_id": p, "inbound": i or 0, "outbound": o or 0, "first_at": f, "last_at": t}
                for p, i, o, f, t in recompute_all
            ],
        )


# Add a batch's counts to the totals; the first and last times only ever widen.
_ADD_SQL = """
INSERT INTO person_stats (person_id, inbound, outbound, first_at, last_at)
VALUES (?, ?, ?, ?, ?)
ON CONFLICT (person_id) DO UPDATE SET
    inbound = person_stats.inbound + excluded.inbound,
    outbound = person_stats.outbound + excluded.outbound,
    first_at = CASE WHEN person_stats.first_at IS NULL OR excluded.first_at < person_stats.first_at
                    THEN excluded.first_at ELSE person_stats.first_at END,
    last_at = CASE WHEN person_stats.last_at IS NULL OR excluded.last_at > person_stats.last_at
                   THEN excluded.last_at ELSE person_stats.last_at END
"""


# PostgreSQL: a batch in one statement of one array per column (the same short SQL every
# time: parsed once, prepared by the server) instead of one statement a person.
_ADD_UNNEST = (
    "INSERT INTO person_stats (person_id, inbound, outbound, first_at, last_at)"
    " SELECT * FROM unnest(CAST(:person_id AS integer[]), CAST(:inbound AS integer[]),"
    " CAST(:outbound AS integer[]), CAST(:first_at AS timestamp[]),"
    " CAST(:last_at AS timestamp[])) ON CONFLICT" + _ADD_SQL.partition("ON CONFLICT")[2]
)


def _add_postgresql(session: Session, per_person: dict[int, list[Any]]) -> None:
    # In person order: concurrent syncs lock the rows in one order.
    ordered = sorted(per_person.items())

    def naive(at: datetime) -> datetime:  # as UTCDateTime stores it
        return at.astimezone(UTC).replace(tzinfo=None)

    session.execute(
        text(_ADD_UNNEST),
        {
            "person_id": [pid for pid, _ in ordered],
            "inbound": [entry[0] for _, entry in ordered],
            "outbound": [entry[1] for _, entry in ordered],
            "first_at": [naive(entry[2]) for _, entry in ordered],
            "last_at": [naive(entry[3]) for _, entry in ordered],
        },
    )


def add(session: Session, rows: Iterable[tuple[int, str, datetime]]) -> None:
    """Count newly stored interactions: (person id, direction, occurred_at) each, aware
    datetimes. One upsert per person for the whole batch."""

    per_person: dict[int, list[Any]] = {}  # [inbound, outbound, first, last]
    for person_id, direction, at in rows:
        entry = per_person.get(person_id)
        if entry is None:
            entry = per_person[person_id] = [0, 0, at, at]
        elif at < entry[2]:
            entry[2] = at
        elif at > entry[3]:
            entry[3] = at
        entry[0 if direction == "inbound" else 1] += 1
    if not per_person:
        return
    db = plain_sqlite(session)
    if db is not None:  # SQLite: the same upsert in plain SQL, datetimes as the ORM keeps them
        with plain_errors("adding to person_stats"):
            db.executemany(
                _ADD_SQL,
                [
                    (pid, n_in, n_out, sqlite_stamp(first), sqlite_stamp(last))
                    for pid, (n_in, n_out, first, last) in per_person.items()
                ],
            )
        return
    if session.get_bind().dialect.name == "postgresql":
        _add_postgresql(session, per_person)
        return
    stmt = dialect_insert(session, PersonStats)
    table = PersonStats.__table__.c
    stmt = stmt.on_conflict_do_update(
        index_elements=["person_id"],
        set_={
            "inbound": table.inbound + stmt.excluded.inbound,
            "outbound": table.outbound + stmt.excluded.outbound,
            "first_at": case(
                (table.first_at.is_(None), stmt.excluded.first_at),
                (stmt.excluded.first_at < table.first_at, stmt.excluded.first_at),
                else_=table.first_at,
            ),
            "last_at": case(
                (table.last_at.is_(None), stmt.excluded.last_at),
                (stmt.excluded.last_at > table.last_at, stmt.excluded.last_at),
                else_=table.last_at,
            ),
        },
    )
    session.execute(
        stmt,
        [
            {
                "person_id": pid,
                "inbound": n_in,
                "outbound": n_out,
                "first_at": first,
                "last_at": last,
            }
            # In person order: concurrent syncs (PostgreSQL) lock the rows in one order.
            for pid, (n_in, n_out, first, last) in sorted(per_person.items())
        ],
    )
