"""candidates.sharer_count: distinct people in my network who shared each candidate.

Derived from sightings (a merged person counts once), kept by ingest, merge and import, so
ranking reads one integer per candidate instead of counting every sighting each time.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import ScalarSelect, distinct, func, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from desktop.store.models import Candidate, Identity, Sighting

# Plain SQL too: the benchmark's bulk loader fills the column with it (the migration has
# its own copy).
RECOUNT_ALL_SQL = """
UPDATE candidates SET sharer_count = (
    SELECT count(DISTINCT identities.person_id)
    FROM sightings JOIN identities ON identities.id = sightings.sharer_identity_id
    WHERE sightings.candidate_id = candidates.id)
WHERE id IN (SELECT candidate_id FROM sightings WHERE sharer_identity_id IS NOT NULL)
"""


def _count_for(candidate_id_column: InstrumentedAttribute[int]) -> ScalarSelect[int]:
    return (
        select(func.count(distinct(Identity.person_id)))
        .select_from(Sighting)
        .join(Identity, Identity.id == Sighting.sharer_identity_id)
        .where(Sighting.candidate_id == candidate_id_column)
        .scalar_subquery()
    )


def recount(session: Session, candidate_ids: Iterable[int]) -> None:
    """Exact counts for these candidates (new sightings, or sharers merged into one)."""
    ids = sorted(set(candidate_ids))
    for start in range(0, len(ids), 400):
        session.execute(
            update(Candidate)
            .where(Candidate.id.in_(ids[start : start + 400]))
            .values(sharer_count=_count_for(Candidate.id))
            .execution_options(synchronize_session=False)
        )


def recount_shared_by(session: Session, identity_ids: Iterable[int]) -> None:
    """After these identities changed person (a merge): the candidates they shared."""
    ids = sorted(set(identity_ids))
    touched: set[int] = set()
    for start in range(0, len(ids), 400):
        touched.update(
            session.scalars(
                select(Sighting.candidate_id)
                .where(Sighting.sharer_identity_id.in_(ids[start : start + 400]))
                .distinct()
            )
        )
    recount(session, touched)


def recount_all(session: Session) -> None:
    session.execute(update(Candidate).values(sharer_count=0))
    shared = select(Sighting.candidate_id).where(Sighting.sharer_identity_id.is_not(None))
    session.execute(
        update(Candidate)
        .where(Candidate.id.in_(shared))
        .values(sharer_count=_count_for(Candidate.id))
        .execution_options(synchronize_session=False)
    )
