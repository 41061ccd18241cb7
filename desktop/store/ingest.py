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
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from desktop.core.events import Actor, CandidateEvent, Direction, InteractionEvent, Kind
from desktop.core.text import fold
from desktop.core.urls import InvalidURL, canonical_url
from desktop.store import sharers, stats
from desktop.store.models import Candidate, Identity, Interaction, Person, Sighting, utcnow
from desktop.store.sqlite_bulk import (
    chunks,
    dialect_insert,
    insert_sql,
    plain_errors,
    plain_sqlite,
    sqlite_stamp,
)

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    new: int = 0
    known: int = 0
    rejected: list[str] = field(default_factory=list)  # why each rejected event was dropped
    new_interaction_ids: list[int] = field(default_factory=list)


def search_key(display_name: str, handle: str) -> str:
    return fold(f"{display_name} {handle}".strip())


Key = tuple[str, str]  # (network, stable id)


def _latest(actors: Iterable[Actor]) -> dict[Key, Actor]:
    latest: dict[Key, Actor] = {}
    for actor in actors:
        latest[(actor.network, actor.stable_id)] = actor
    return latest


def _by_network(keys: Iterable[Key]) -> dict[str, list[str]]:
    by_network: dict[str, list[str]] = {}
    for network, stable_id in keys:
        by_network.setdefault(network, []).append(stable_id)
    return by_network


def _renamed(actor: Actor, handle: str, display_name: str, profile_url: str):
    """(handle, display_name, profile_url) after this sighting, or None if unchanged: the
    latest non-empty values win."""
    new = (
        actor.handle or handle,
        actor.display_name or display_name,
        actor.profile_url or profile_url,
    )
    return None if new == (handle, display_name, profile_url) else new


def resolve_identities(session: Session, actors: Iterable[Actor]) -> dict[tuple[str, str], int]:
    """Identity ids for actors, creating a person for each identity never seen before.

    Names and handles change on networks; the latest non-empty values win.
    """
    return {key: ids[0] for key, ids in _resolve(session, _latest(actors)).items()}


def _resolve(session: Session, latest: dict[Key, Actor]) -> dict[Key, tuple[int, int]]:
    """(identity id, person id) for each (network, stable id), created or updated."""
    if not latest:
        return {}
    db = plain_sqlite(session)
    if db is None:
        return _resolve_core(session, latest)
    with plain_errors("resolving identities"):
        return _resolve_sqlite(session, db, latest)


_SELECT_IDENTITIES = (
    "SELECT id, person_id, stable_id, handle, display_name, profile_url FROM identities"
    " WHERE network = ? AND stable_id IN ({marks})"
)
_UPDATE_IDENTITY = (
    "UPDATE identities SET handle = ?, display_name = ?, profile_url = ?, search_key = ?"
    " WHERE id = ?"
)
_INSERT_PERSON = (
    "INSERT INTO persons (display_name, notes, tags, merged_into_id, created_at)"
    " VALUES (?, '', '', NULL, ?)"
)
_INSERT_IDENTITY = (
    "INSERT INTO identities (person_id, network, stable_id, handle, display_name,"
    " profile_url, search_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


def _resolve_sqlite(
    session: Session, db: sqlite3.Connection, latest: dict[Key, Actor]
) -> dict[Key, tuple[int, int]]:
    found: dict[Key, tuple[int, int]] = {}
    updates: list[tuple] = []
    cursor = db.cursor()
    for network, stable_ids in _by_network(latest).items():
        # "network = ? AND stable_id IN (...)" seeks the unique index; a row-value IN
        # over (network, stable_id) pairs made SQLite scan all of it on every page.
        for chunk in chunks(stable_ids):
            sql = _SELECT_IDENTITIES.format(marks=",".join("?" * len(chunk)))
            for iid, pid, stable_id, handle, name, profile in cursor.execute(
                sql, (network, *chunk)
            ):
                key = (network, stable_id)
                found[key] = (iid, pid)
                new = _renamed(latest[key], handle, name, profile)
                if new is not None:
                    updates.append((*new, search_key(new[1], new[0]), iid))
    if updates:
        cursor.executemany(_UPDATE_IDENTITY, updates)
        _expire(session, Identity, [row[-1] for row in updates])
    missing = [key for key in latest if key not in found]
    if missing:
        now = sqlite_stamp(utcnow())
        for key in missing:
            actor = latest[key]
            cursor.execute(_INSERT_PERSON, (actor.display_name or actor.handle, now))
            person_id = cursor.lastrowid
            cursor.execute(
                _INSERT_IDENTITY,
                (
                    person_id,
                    key[0],
                    key[1],
                    actor.handle,
                    actor.display_name,
                    actor.profile_url,
                    search_key(actor.display_name, actor.handle),
                    now,
                ),
            )
            found[key] = (cursor.lastrowid, person_id)
    cursor.close()
    return found


def _expire(session: Session, model, ids: Iterable[int]) -> None:
    """Objects of these rows the session holds are stale after plain SQL changed them."""
    if not session.identity_map:
        return
    for row_id in ids:
        obj = session.identity_map.get(identity_key(model, row_id))
        if obj is not None:
            session.expire(obj)


def _resolve_core(session: Session, latest: dict[Key, Actor]) -> dict[Key, tuple[int, int]]:
    found: dict[Key, tuple[int, int]] = {}
    for network, stable_ids in _by_network(latest).items():
        for chunk in chunks(stable_ids):
            rows = session.execute(
                select(
                    Identity.id,
                    Identity.person_id,
                    Identity.stable_id,
                    Identity.handle,
                    Identity.display_name,
                    Identity.profile_url,
                ).where(Identity.network == network, Identity.stable_id.in_(chunk))
            )
            for row in rows:
                key = (network, row.stable_id)
                found[key] = (row.id, row.person_id)
                new = _renamed(latest[key], row.handle, row.display_name, row.profile_url)
                if new is not None:
                    session.execute(
                        update(Identity)
                        .where(Identity.id == row.id)
                        .values(
                            handle=new[0],
                            display_name=new[1],
                            profile_url=new[2],
                            search_key=search_key(new[1], new[0]),
                        )
                    )
    missing = [key for key in latest if key not in found]
    if missing:
        now = utcnow()
        person_ids = session.scalars(
            insert(Person).returning(Person.id, sort_by_parameter_order=True),
            [
                {"display_name": latest[k].display_name or latest[k].handle, "created_at": now}
                for k in missing
            ],
        ).all()
        identity_ids = session.scalars(
            insert(Identity).returning(Identity.id, sort_by_parameter_order=True),
            [
                {
                    "person_id": pid,
                    "network": k[0],
                    "stable_id": k[1],
                    "handle": latest[k].handle,
                    "display_name": latest[k].display_name,
                    "profile_url": latest[k].profile_url,
                    "search_key": search_key(latest[k].display_name, latest[k].handle),
                    "created_at": now,
                }
                for k, pid in zip(missing, person_ids, strict=True)
            ],
        ).all()
        for key, iid, pid in zip(missing, identity_ids, person_ids, strict=True):
            found[key] = (iid, pid)
    return found


def _validate_interaction(event: InteractionEvent) -> str | None:
    if not event.external_id:
        return "interaction without an external id"
    if not event.actor.stable_id:
        return f"interaction {event.external_id}: the person has no stable id"
    if event.occurred_at.tzinfo is None:
        return f"interaction {event.external_id}: time without a time zone"
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
    latest = _latest(e.actor for e in valid.values())
    latest.update(_latest(e.via for e in valid.values() if e.via is not None))
    db = plain_sqlite(session)
    if db is None:
        ids = _resolve_core(session, latest)
        new = _insert_interactions_core(session, account_id, valid, ids)
    else:
        with plain_errors("storing interactions"):
            ids = _resolve_sqlite(session, db, latest)
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
                post.url if post is not None else "",
                post.text if post is not None else "",
                post.language if post is not None else "",
                post.remote_id if post is not None else "",
                ingested_at,
            ),
        )
        if cursor.rowcount == 1:  # 0: stored meanwhile (DO NOTHING)
            new.append((cursor.lastrowid, (person_id, direction, e.occurred_at)))
    cursor.close()
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


def _merge_duplicates(events: list[tuple[str, CandidateEvent]]) -> dict[str, CandidateEvent]:
    """One event per canonical URL (a statement may not upsert the same row twice)."""
    merged: dict[str, CandidateEvent] = {}
    for canonical, event in events:
        prior = merged.get(canonical)
        if prior is None or (not prior.title and event.title):
            merged[canonical] = event
    return merged


def ingest_candidates(
    session: Session, events: Sequence[CandidateEvent], account_id: int | None = None
) -> IngestResult:
    result = IngestResult()
    canonical: list[tuple[str, CandidateEvent]] = []
    for event in events:
        try:
            canonical.append((canonical_url(event.url), event))
        except InvalidURL as exc:
            result.rejected.append(str(exc))
    if not canonical:
        return result
    actors = [a for _, e in canonical for a in (e.author, e.sharer) if a]
    ids = resolve_identities(session, actors) if actors else {}

    def identity(actor: Actor | None) -> int | None:
        return ids[(actor.network, actor.stable_id)] if actor else None

    per_url = _merge_duplicates(canonical)
    first_seen = {url: min(e.seen_at for u, e in canonical if u == url) for url in per_url}
    last_seen = {url: max(e.seen_at for u, e in canonical if u == url) for url in per_url}
    stmt = dialect_insert(session, Candidate)
    existing = Candidate.__table__.c
    stmt = stmt.on_conflict_do_update(
        index_elements=["canonical_url"],
        set_={
            "last_seen_at": case(
                (stmt.excluded.last_seen_at > existing.last_seen_at, stmt.excluded.last_seen_at),
                else_=existing.last_seen_at,
            ),
            # Fill in what an earlier sighting lacked; never overwrite what is known.
            "title": case((existing.title == "", stmt.excluded.title), else_=existing.title),
            "summary": case(
                (existing.summary == "", stmt.excluded.summary), else_=existing.summary
            ),
            "search_text": case(
                (existing.title == "", stmt.excluded.search_text), else_=existing.search_text
            ),
            "author_name": case(
                (existing.author_name == "", stmt.excluded.author_name),
                else_=existing.author_name,
            ),
            "author_identity_id": func.coalesce(
                existing.author_identity_id, stmt.excluded.author_identity_id
            ),
        },
    ).returning(Candidate.id, Candidate.canonical_url)
    rows = [
        {
            "canonical_url": url,
            "url": e.url.strip(),
            "title": e.title,
            "summary": e.summary,
            "search_text": fold(f"{e.title}\n{e.summary}"),
            "author_name": e.author_name or (e.author.display_name if e.author else ""),
            "author_identity_id": identity(e.author),
            "language": e.language,
            "published_at": e.published_at,
            "first_seen_at": first_seen[url],
            "last_seen_at": last_seen[url],
            "state": "new",
        }
        for url, e in per_url.items()
    ]
    candidate_ids: dict[str, int] = {}
    for chunk in chunks(rows):
        for row in session.execute(stmt, list(chunk)):
            candidate_ids[row.canonical_url] = row.id

    sightings = {
        (candidate_ids[url], e.source, e.source_ref or e.url): {
            "candidate_id": candidate_ids[url],
            "sharer_identity_id": identity(e.sharer),
            "account_id": account_id,
            "source": e.source,
            "source_ref": e.source_ref or e.url,
            "seen_at": e.seen_at,
        }
        for url, e in canonical
    }
    new_ids = session.scalars(
        dialect_insert(session, Sighting)
        .on_conflict_do_nothing(index_elements=["candidate_id", "source", "source_ref"])
        .returning(Sighting.id),
        list(sightings.values()),
    ).all()
    result.new = len(new_ids)
    result.known = len(sightings) - len(new_ids)
    if new_ids:
        # A new sharer may change a candidate's count; a known sighting changes nothing.
        shared = {row["candidate_id"] for row in sightings.values() if row["sharer_identity_id"]}
        sharers.recount(session, shared)
    return result
