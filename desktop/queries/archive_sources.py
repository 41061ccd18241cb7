"""Imported exports as sources: what each brought (interactions, people, its date range),
and taking all of it out again — everything that came only from that import — when the
user asks (a wrong file, someone else's export)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import ColumnElement, and_, delete, func, insert, literal, or_, select, update
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest
from desktop.core.events import Actor, Direction
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import ARCHIVE_SERVERS, AccountState, AckAction
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
    UTCDateTime,
)


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


def is_archive_account() -> ColumnElement[bool]:
    """The accounts that hold imported exports: of an archive network and on its archive
    server (YouTube's API-synced accounts are network "youtube" too)."""
    return or_(
        *(
            and_(Account.network == network, Account.server_url == server)
            for network, server in ARCHIVE_SERVERS.items()
        )
    )


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
        .where(is_archive_account(), Account.state != AccountState.REMOVED)
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


def authors_of(session: Session, network: str, external_ids: Iterable[str]) -> dict[str, Actor]:
    """Who did each of these inbound interactions (by external id) on ``network``'s synced
    accounts: whom an import credits a reply to one of them to (a Takeout reply to a
    comment the YouTube connector read)."""
    wanted = sorted(set(external_ids))
    synced = select(Account.id).where(Account.network == network, ~is_archive_account())
    found: dict[str, Actor] = {}
    for start in range(0, len(wanted), 500):
        rows = session.execute(
            select(
                Interaction.external_id,
                Identity.network,
                Identity.stable_id,
                Identity.handle,
                Identity.display_name,
                Identity.profile_url,
            )
            .join(Identity, Identity.id == Interaction.identity_id)
            .where(
                Interaction.account_id.in_(synced),
                Interaction.external_id.in_(wanted[start : start + 500]),
                Interaction.direction == Direction.INBOUND,
            )
        )
        for external_id, network, stable_id, handle, name, url in rows:
            found[external_id] = Actor(network, stable_id, handle, name, url)
    return found


HISTORY_DAYS = 30  # older than this when imported: history to know, not a thank-you owed


def settle_history(
    session: Session,
    account_id: int,
    now: datetime | None = None,
    undated: tuple[str, ...] = (),
) -> int:
    """An export reaches years back: 500 LinkedIn connections from 2019 are not 500
    thank-yous owed today. People whose unanswered inbound interactions from this import
    are all older than HISTORY_DAYS or of an ``undated`` kind (X's follows bear the
    archive's date), and who have nothing recent elsewhere, have them dismissed, as
    history; their ledger keeps every one. Returns how many people.

    Set-based (an export may hold 300,000 followers): one acknowledgement per person, then
    one UPDATE for all their interactions."""
    now = now or datetime.now(UTC)
    cutoff = now - timedelta(days=HISTORY_DAYS)
    unanswered = and_(
        Interaction.direction == Direction.INBOUND, Interaction.acknowledgement_id.is_(None)
    )
    this_import_only = and_(Interaction.account_id == account_id, Interaction.kind.in_(undated))
    old = (
        select(Identity.person_id)
        .join(Interaction, Interaction.identity_id == Identity.id)
        .where(unanswered, Interaction.account_id == account_id)
        .where(or_(Interaction.occurred_at < cutoff, Interaction.kind.in_(undated)))
    )
    recent = (
        select(Identity.person_id)
        .join(Interaction, Interaction.identity_id == Identity.id)
        .where(unanswered, Interaction.occurred_at >= cutoff, ~this_import_only)
    )
    settled = select(old.except_(recent).subquery().c[0])
    session.execute(
        insert(Acknowledgement).from_select(
            ["person_id", "action", "how", "text", "created_at"],
            select(
                settled.selected_columns[0],
                literal(str(AckAction.DISMISSED)),
                literal(""),
                literal(HISTORY_NOTE),
                literal(now, UTCDateTime()),
            ),
        )
    )
    mine = and_(Acknowledgement.text == HISTORY_NOTE, Acknowledgement.created_at == now)
    people = session.scalar(select(func.count()).select_from(Acknowledgement).where(mine))
    ack = (
        select(Acknowledgement.id)
        .join(Identity, Identity.person_id == Acknowledgement.person_id)
        .where(Identity.id == Interaction.identity_id)
        .where(Acknowledgement.text == HISTORY_NOTE, Acknowledgement.created_at == now)
        .scalar_subquery()
    )
    session.execute(
        update(Interaction)
        .where(
            unanswered,
            Interaction.identity_id.in_(
                select(Identity.id)
                .join(Acknowledgement, Acknowledgement.person_id == Identity.person_id)
                .where(Acknowledgement.text == HISTORY_NOTE, Acknowledgement.created_at == now)
            ),
        )
        .values(acknowledgement_id=ack)
        # Not "fetch": that reads back the id of every row updated (300,000 for a big
        # export) to refresh objects this session does not hold.
        .execution_options(synchronize_session=False)
    )
    return int(people or 0)


HISTORY_NOTE = "imported history"  # data: the acknowledgement's text, not prose
