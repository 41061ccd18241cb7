"""The write side: plain events in, idempotent upserts out.

Every function takes the caller's session, so one sync page is one transaction: a crash
between pages loses nothing already committed, and running the same batch twice changes
nothing (interactions are unique per account and external id, identities per network and
stable id, candidates per canonical URL, sightings per candidate and source).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import case, func, insert, select, update
from sqlalchemy.orm import Session

from desktop.domain.events import Actor, CandidateEvent, InteractionEvent
from desktop.domain.text import fold
from desktop.domain.urls import InvalidURL, canonical_url
from desktop.store.models import Candidate, Identity, Interaction, Person, Sighting, utcnow

log = logging.getLogger(__name__)

CHUNK = 400  # keeps "IN (...)" lists under SQLite's variable limit


@dataclass
class IngestResult:
    new: int = 0
    known: int = 0
    rejected: list[str] = field(default_factory=list)  # why each rejected event was dropped
    new_interaction_ids: list[int] = field(default_factory=list)


def dialect_insert(session: Session, model):
    """INSERT with ON CONFLICT support for the session's dialect (SQLite or PostgreSQL)."""
    name = session.get_bind().dialect.name
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite import insert as native_insert
    elif name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as native_insert
    else:  # pragma: no cover - only SQLite and PostgreSQL are supported
        raise RuntimeError(f"unsupported database dialect {name}")
    return native_insert(model)


def _chunks(items: Sequence, size: int = CHUNK) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def search_key(display_name: str, handle: str) -> str:
    return fold(f"{display_name} {handle}".strip())


def resolve_identities(session: Session, actors: Iterable[Actor]) -> dict[tuple[str, str], int]:
    """Identity ids for actors, creating a person for each identity never seen before.

    Names and handles change on networks; the latest non-empty values win.
    """
    latest: dict[tuple[str, str], Actor] = {}
    for actor in actors:
        latest[(actor.network, actor.stable_id)] = actor
    ids: dict[tuple[str, str], int] = {}
    keys = list(latest)
    by_network: dict[str, list[str]] = {}
    for network, stable_id in keys:
        by_network.setdefault(network, []).append(stable_id)
    for network, stable_ids in by_network.items():
        # "network = ? AND stable_id IN (...)" seeks the unique index; a row-value IN
        # over (network, stable_id) pairs made SQLite scan all of it on every page.
        for chunk in _chunks(stable_ids):
            rows = session.execute(
                select(
                    Identity.id,
                    Identity.network,
                    Identity.stable_id,
                    Identity.handle,
                    Identity.display_name,
                    Identity.profile_url,
                ).where(Identity.network == network, Identity.stable_id.in_(chunk))
            )
            for row in rows:
                key = (row.network, row.stable_id)
                ids[key] = row.id
                actor = latest[key]
                changes = {
                    name: new
                    for name, new, old in (
                        ("handle", actor.handle, row.handle),
                        ("display_name", actor.display_name, row.display_name),
                        ("profile_url", actor.profile_url, row.profile_url),
                    )
                    if new and new != old
                }
                if changes:
                    changes["search_key"] = search_key(
                        changes.get("display_name", row.display_name),
                        changes.get("handle", row.handle),
                    )
                    session.execute(update(Identity).where(Identity.id == row.id).values(**changes))

    missing = [key for key in keys if key not in ids]
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
        ids.update(zip(missing, identity_ids, strict=True))
    return ids


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
    result = IngestResult()
    valid: dict[str, InteractionEvent] = {}
    for event in events:
        problem = _validate_interaction(event)
        if problem:
            result.rejected.append(problem)
        else:
            valid.setdefault(event.external_id, event)  # a page may repeat an event
    if not valid:
        return result
    actors = [e.actor for e in valid.values()] + [e.via for e in valid.values() if e.via]
    ids = resolve_identities(session, actors)
    now = utcnow()
    rows = [
        {
            "account_id": account_id,
            "external_id": e.external_id,
            "identity_id": ids[(e.actor.network, e.actor.stable_id)],
            "via_identity_id": ids[(e.via.network, e.via.stable_id)] if e.via else None,
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
        .returning(
            Interaction.id,
            Interaction.identity_id,
            Interaction.direction,
            Interaction.occurred_at,
        )
    )
    inserted = session.execute(stmt, rows).all()
    new_ids = [row.id for row in inserted]
    if inserted:
        from desktop.store import stats

        owner = {
            iid: pid
            for iid, pid in session.execute(
                select(Identity.id, Identity.person_id).where(
                    Identity.id.in_({row.identity_id for row in inserted})
                )
            )
        }
        stats.add(session, ((owner[r.identity_id], r.direction, r.occurred_at) for r in inserted))
    result.new = len(new_ids)
    result.known = len(rows) - len(new_ids)
    result.new_interaction_ids = new_ids
    return result


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
    for chunk in _chunks(rows):
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
        from desktop.store import sharers

        # A new sharer may change a candidate's count; a known sighting changes nothing.
        shared = {row["candidate_id"] for row in sightings.values() if row["sharer_identity_id"]}
        sharers.recount(session, shared)
    return result
