"""The write side: plain events in, idempotent upserts out.

Every function takes the caller's session, so the sync engine decides what one transaction
holds (a few pages with their cursors): a crash between transactions loses nothing already
committed, and running the same batch twice changes
nothing (interactions are unique per account and external id, identities per network and
stable id, candidates per canonical URL, sightings per candidate and source).

On SQLite, interactions and identities are written with plain SQL on the session's own
connection (so in the same transaction): a sync writes tens of thousands of rows, and the
ORM's per-row work cost more than the database did. Datetimes go in as SQLAlchemy writes
them (`sqlite_stamp`), so the ORM reads those rows back exactly as if it had written them.
Other databases take the portable SQLAlchemy Core path.

This module stores interactions; identities.py resolves the people behind them and
ingest_candidates.py stores candidates and their sightings.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

from sqlalchemy.orm import Session

from desktop.core.events import Direction, InteractionEvent, Kind
from desktop.core.i18n import fill, tx
from desktop.store import stats
from desktop.store.identities import Key, latest_actors, resolve_core, resolve_sqlite

# Re-exported: callers outside the store (queries, demo, tests) import them from here.
from desktop.store.identities import search_key as search_key
from desktop.store.ingest_candidates import ingest_candidates as ingest_candidates
from desktop.store.ingest_result import IngestResult
from desktop.store.models import Interaction, storable, utcnow
from desktop.store.sqlite_bulk import (
    chunks,
    dialect_insert,
    insert_sql,
    plain_errors,
    plain_sqlite,
    sqlite_stamp,
)

log = logging.getLogger(__name__)


def _validate_interaction(event: InteractionEvent) -> str | None:
    if not event.external_id:
        return tx("Sync", "interaction without an external id")
    if not event.actor.stable_id:
        return fill(tx("Sync", "interaction %1: the person has no stable id"), event.external_id)
    if event.occurred_at.tzinfo is None:
        return fill(tx("Sync", "interaction %1: time without a time zone"), event.external_id)
    return None


def ingest_interactions(
    session: Session, account_id: int, events: Sequence[InteractionEvent]
) -> IngestResult:
    """Store the events not stored yet for this account; count the rest as known.

    Bad events are rejected with a reason (result.rejected) and the others still stored.
    The people behind new interactions get them added to their totals (person_stats)."""
    result = IngestResult()
    valid: dict[str, InteractionEvent] = {}
    for event in events:
        problem = _validate_interaction(event)
        if problem:
            result.rejected.append(problem)
        elif event.external_id not in valid:  # a page may repeat an event
            valid[event.external_id] = event
    if not valid:
        return result
    latest = latest_actors(e.actor for e in valid.values())
    latest.update(latest_actors(e.via for e in valid.values() if e.via is not None))
    db = plain_sqlite(session)
    if db is None:
        ids = resolve_core(session, latest)
        if session.get_bind().dialect.name == "postgresql":
            new = _insert_interactions_postgresql(session, account_id, valid, ids)
        else:
            new = _insert_interactions_core(session, account_id, valid, ids)
    else:
        with plain_errors("storing interactions"):
            ids = resolve_sqlite(session, db, latest)
            new = _insert_interactions_sqlite(db, account_id, valid, ids)
    if new:
        stats.add(session, (info for _, info in new))
    result.new = len(new)
    result.known = len(valid) - len(new)
    result.new_interaction_ids = [interaction_id for interaction_id, _ in new]
    return result


# What a new interaction adds to its person's totals: (person id, direction, occurred_at).
Added = tuple[int, str, datetime]

_KNOWN_INTERACTIONS = (
    "SELECT external_id FROM interactions WHERE account_id = ? AND external_id IN ({marks})"
)
# Built from the model's own columns (in the order of the tuple below), so the plain SQL
# cannot drift from models.Interaction.
_INTERACTION_COLUMNS = (
    "account_id",
    "external_id",
    "identity_id",
    "via_identity_id",
    "network",
    "kind",
    "direction",
    "occurred_at",
    "post_url",
    "post_text",
    "post_language",
    "post_remote_id",
    "ingested_at",
)
_INSERT_INTERACTION = insert_sql(
    Interaction.__table__,
    _INTERACTION_COLUMNS,
    "ON CONFLICT (account_id, external_id) DO NOTHING",
)
_TEXT = {value: str(value) for value in (*Kind, *Direction)}


def _insert_interactions_sqlite(
    db: sqlite3.Connection,
    account_id: int,
    valid: dict[str, InteractionEvent],
    ids: dict[Key, tuple[int, int]],
) -> list[tuple[int, Added]]:
    """The events not stored yet: one indexed look-up per 400 external ids says which are
    known, then one prepared INSERT per new row (its id is lastrowid). Measured faster on
    SQLite than a multi-row INSERT ... RETURNING, and the look-up makes a page of known
    events cost no writes at all."""
    cursor = db.cursor()
    external_ids = list(valid)
    known: set[str] = set()
    for chunk in chunks(external_ids):
        sql = _KNOWN_INTERACTIONS.format(marks=",".join("?" * len(chunk)))
        known.update(external_id for (external_id,) in cursor.execute(sql, (account_id, *chunk)))
    new: list[tuple[int, Added]] = []
    if len(known) == len(external_ids):
        return new
    ingested_at = sqlite_stamp(utcnow())
    text = _TEXT
    execute = cursor.execute
    for external_id, e in valid.items():
        if external_id in known:
            continue
        actor, post, via = e.actor, e.post, e.via
        identity_id, person_id = ids[(actor.network, actor.stable_id)]
        direction = text.get(e.direction) or str(e.direction)
        execute(
            _INSERT_INTERACTION,
            (
                account_id,
                external_id,
                identity_id,
                ids[(via.network, via.stable_id)][0] if via is not None else None,
                actor.network,
                text.get(e.kind) or str(e.kind),
                direction,
                sqlite_stamp(e.occurred_at),
                storable(post.url) if post is not None else "",
                storable(post.text) if post is not None else "",
                post.language if post is not None else "",
                post.remote_id if post is not None else "",
                ingested_at,
            ),
        )
        row_id = cursor.lastrowid
        if cursor.rowcount == 1 and row_id is not None:  # 0: stored meanwhile (DO NOTHING)
            new.append((row_id, (person_id, direction, e.occurred_at)))
    cursor.close()
    return new


# PostgreSQL: a page's new rows in one statement of one array per column. The same short
# SQL every time, so psycopg parses it once and the server prepares it; SQLAlchemy's
# many-VALUES INSERT made a long new statement per batch, which psycopg parsed in Python
# each time (40 % of PostgreSQL ingest).
_INSERT_UNNEST = (
    "INSERT INTO interactions (account_id, external_id, identity_id, via_identity_id,"
    " network, kind, direction, occurred_at, post_url, post_text, post_language,"
    " post_remote_id, ingested_at)"
    " SELECT :account_id, r.*, :ingested_at FROM unnest(CAST(:external_id AS text[]),"
    " CAST(:identity_id AS integer[]), CAST(:via_identity_id AS integer[]),"
    " CAST(:network AS text[]), CAST(:kind AS text[]), CAST(:direction AS text[]),"
    " CAST(:occurred_at AS timestamp[]), CAST(:post_url AS text[]),"
    " CAST(:post_text AS text[]), CAST(:post_language AS text[]),"
    " CAST(:post_remote_id AS text[])) AS r"
    " ON CONFLICT (account_id, external_id) DO NOTHING RETURNING id, external_id"
)


def _insert_interactions_postgresql(
    session: Session,
    account_id: int,
    valid: dict[str, InteractionEvent],
    ids: dict[Key, tuple[int, int]],
) -> list[tuple[int, Added]]:
    from sqlalchemy import text

    events = list(valid.values())

    def texts(values: Iterable[str]) -> list[str]:  # what the models' Str/LongText store: no NUL
        return [storable(value) or "" for value in values]

    posts = [e.post for e in events]
    params = {
        "account_id": account_id,
        "ingested_at": utcnow().astimezone(UTC).replace(tzinfo=None),
        "external_id": texts(e.external_id for e in events),
        "identity_id": [ids[(e.actor.network, e.actor.stable_id)][0] for e in events],
        "via_identity_id": [
            ids[(e.via.network, e.via.stable_id)][0] if e.via else None for e in events
        ],
        "network": texts(e.actor.network for e in events),
        "kind": [str(e.kind) for e in events],
        "direction": [str(e.direction) for e in events],
        "occurred_at": [e.occurred_at.astimezone(UTC).replace(tzinfo=None) for e in events],
        "post_url": texts(p.url if p else "" for p in posts),
        "post_text": texts(p.text if p else "" for p in posts),
        "post_language": texts(p.language if p else "" for p in posts),
        "post_remote_id": texts(p.remote_id if p else "" for p in posts),
    }
    new = []
    for row_id, external_id in session.execute(text(_INSERT_UNNEST), params):
        e = valid[external_id]
        person_id = ids[(e.actor.network, e.actor.stable_id)][1]
        new.append((row_id, (person_id, str(e.direction), e.occurred_at)))
    new.sort()
    return new


def _insert_interactions_core(
    session: Session,
    account_id: int,
    valid: dict[str, InteractionEvent],
    ids: dict[Key, tuple[int, int]],
) -> list[tuple[int, Added]]:
    now = utcnow()
    rows = [
        {
            "account_id": account_id,
            "external_id": e.external_id,
            "identity_id": ids[(e.actor.network, e.actor.stable_id)][0],
            "via_identity_id": ids[(e.via.network, e.via.stable_id)][0] if e.via else None,
            "network": e.actor.network,
            "kind": str(e.kind),
            "direction": str(e.direction),
            "occurred_at": e.occurred_at,
            "post_url": e.post.url if e.post else "",
            "post_text": e.post.text if e.post else "",
            "post_language": e.post.language if e.post else "",
            "post_remote_id": e.post.remote_id if e.post else "",
            "ingested_at": now,
        }
        for e in valid.values()
    ]
    stmt = (
        dialect_insert(session, Interaction)
        .on_conflict_do_nothing(index_elements=["account_id", "external_id"])
        .returning(Interaction.id, Interaction.external_id)
    )
    new = []
    for chunk in chunks(rows):
        for row in session.execute(stmt, list(chunk)):
            e = valid[row.external_id]
            person_id = ids[(e.actor.network, e.actor.stable_id)][1]
            new.append((row.id, (person_id, str(e.direction), e.occurred_at)))
    new.sort()
    return new
