"""Candidates to share and their sightings: one candidate per canonical URL, one sighting
per candidate and source; what an earlier sighting lacked is filled in, never overwritten."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import case, func
from sqlalchemy.orm import Session

from desktop.core.events import Actor, CandidateEvent
from desktop.core.text import fold
from desktop.core.urls import InvalidURL, canonical_url
from desktop.store import sharers
from desktop.store.identities import resolve_identities
from desktop.store.ingest_result import IngestResult
from desktop.store.models import Candidate, Sighting
from desktop.store.sqlite_bulk import chunks, dialect_insert


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
    upsert = dialect_insert(session, Candidate)
    existing = Candidate.__table__.c
    stmt = upsert.on_conflict_do_update(
        index_elements=["canonical_url"],
        set_={
            "last_seen_at": case(
                (
                    upsert.excluded.last_seen_at > existing.last_seen_at,
                    upsert.excluded.last_seen_at,
                ),
                else_=existing.last_seen_at,
            ),
            # Fill in what an earlier sighting lacked; never overwrite what is known.
            "title": case((existing.title == "", upsert.excluded.title), else_=existing.title),
            "summary": case(
                (existing.summary == "", upsert.excluded.summary), else_=existing.summary
            ),
            "search_text": case(
                (existing.title == "", upsert.excluded.search_text), else_=existing.search_text
            ),
            "author_name": case(
                (existing.author_name == "", upsert.excluded.author_name),
                else_=existing.author_name,
            ),
            "author_identity_id": func.coalesce(
                existing.author_identity_id, upsert.excluded.author_identity_id
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
        shared = {key[0] for key, row in sightings.items() if row["sharer_identity_id"]}
        sharers.recount(session, shared)
    return result
