"""Imported exports as sources: what each brought (interactions, people, its date range),
and taking all of it out again — everything that came only from that import — when the
user asks (a wrong file, someone else's export)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, func, or_, select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import AccountState
from desktop.queries.accounts import get_account
from desktop.store import stats
from desktop.store.models import (
    Account,
    Acknowledgement,
    Candidate,
    Identity,
    Interaction,
    Person,
    PersonStats,
    Sighting,
    SyncCursor,
)

ARCHIVE_NETWORKS = ("x", "linkedin", "instagram", "facebook")


@dataclass(frozen=True)
class ArchiveSource:
    account_id: int
    network: str
    handle: str
    interactions: int
    people: int
    first_at: datetime | None
    last_at: datetime | None


@dataclass(frozen=True)
class ArchiveRemoved:
    interactions: int
    people: int  # people who existed only through this import, now gone


def archive_sources(session: Session) -> list[ArchiveSource]:
    rows = session.execute(
        select(
            Account.id,
            Account.network,
            Account.handle,
            func.count(Interaction.id),
            func.count(func.distinct(Identity.person_id)),
            func.min(Interaction.occurred_at),
            func.max(Interaction.occurred_at),
        )
        .select_from(Account)
        .outerjoin(Interaction, Interaction.account_id == Account.id)
        .outerjoin(Identity, Identity.id == Interaction.identity_id)
        .where(Account.network.in_(ARCHIVE_NETWORKS), Account.state != AccountState.REMOVED)
        .group_by(Account.id)
        .order_by(Account.id)
    ).all()
    return [ArchiveSource(*row) for row in rows]


def archive_source(session: Session, account_id: int) -> ArchiveSource:
    found = [s for s in archive_sources(session) if s.account_id == account_id]
    if not found:
        raise InvalidRequest(
            fill(tx("Errors", "account %1 is not an imported archive"), account_id)
        )
    return found[0]


def remove_archive(session: Session, account_id: int) -> ArchiveRemoved:
    """Take out what the import of ``account_id`` brought, and the account itself.

    Gone: its interactions; identities left with no interaction and not credited on a
    candidate; people left with no identity, no acknowledgement, no notes or tags (nobody
    the user has written about or thanked is ever deleted). Everyone else's totals are
    recomputed."""
    archive_source(session, account_id)  # refuses a normal account
    account = get_account(session, account_id)
    touched = set(
        session.scalars(select(Interaction.identity_id).where(Interaction.account_id == account_id))
    )
    people = set(session.scalars(select(Identity.person_id).where(Identity.id.in_(touched))))
    removed = session.scalar(
        select(func.count()).select_from(Interaction).where(Interaction.account_id == account_id)
    )
    session.execute(delete(Interaction).where(Interaction.account_id == account_id))
    session.execute(delete(SyncCursor).where(SyncCursor.account_id == account_id))
    _drop_unused_identities(session, touched)
    gone = _drop_empty_people(session, people)
    stats.recompute(session, people - gone)
    account.state = AccountState.REMOVED
    session.flush()
    return ArchiveRemoved(interactions=int(removed or 0), people=len(gone))


def _drop_unused_identities(session: Session, identity_ids: Iterable[int]) -> None:
    ids = list(identity_ids)
    if not ids:
        return
    used = set(
        session.scalars(select(Interaction.identity_id).where(Interaction.identity_id.in_(ids)))
    )
    used |= set(
        session.scalars(
            select(Interaction.via_identity_id).where(Interaction.via_identity_id.in_(ids))
        )
    )
    used |= set(
        session.scalars(
            select(Candidate.author_identity_id).where(Candidate.author_identity_id.in_(ids))
        )
    )
    used |= set(
        session.scalars(
            select(Sighting.sharer_identity_id).where(Sighting.sharer_identity_id.in_(ids))
        )
    )
    unused = [i for i in ids if i not in used]
    if unused:
        session.execute(delete(Identity).where(Identity.id.in_(unused)))


def _drop_empty_people(session: Session, person_ids: set[int]) -> set[int]:
    if not person_ids:
        return set()
    kept = set(
        session.scalars(select(Identity.person_id).where(Identity.person_id.in_(person_ids)))
    )
    kept |= set(
        session.scalars(
            select(Acknowledgement.person_id).where(Acknowledgement.person_id.in_(person_ids))
        )
    )
    kept |= set(
        session.scalars(select(Person.merged_into_id).where(Person.merged_into_id.in_(person_ids)))
    )
    written = session.scalars(
        select(Person.id).where(
            Person.id.in_(person_ids), or_(Person.notes != "", Person.tags != "")
        )
    )
    kept |= set(written)
    gone = person_ids - kept
    if gone:
        session.execute(delete(PersonStats).where(PersonStats.person_id.in_(gone)))
        session.execute(delete(Person).where(Person.id.in_(gone)))
    return gone
