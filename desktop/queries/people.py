"""People: looking them up, acknowledging them, merging their identities."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest, NotFound
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import AckAction, AckHow
from desktop.queries.pending_views import IdentityView
from desktop.store.models import Acknowledgement, Identity, Interaction, Person, utcnow

ACTIONS = tuple(AckAction)
HOWS = tuple(AckHow)


def live_person(session: Session, person_id: int) -> Person:
    """The person for an id, following merges: an old id still finds the merged person."""
    person = session.get(Person, person_id)
    seen = set()
    while person is not None and person.merged_into_id is not None and person.id not in seen:
        seen.add(person.id)
        person = session.get(Person, person.merged_into_id)
    if person is None:
        raise NotFound(fill(tx("Errors", "no person with id %1"), person_id))
    return person


def identities_of(session: Session, person_ids: list[int]) -> dict[int, list[IdentityView]]:
    out: dict[int, list[IdentityView]] = {pid: [] for pid in person_ids}
    for start in range(0, len(person_ids), 400):
        rows = session.execute(
            select(
                Identity.person_id,
                Identity.network,
                Identity.handle,
                Identity.profile_url,
                Identity.display_name,
            )
            .where(Identity.person_id.in_(person_ids[start : start + 400]))
            .order_by(Identity.person_id, Identity.id)
        )
        for row in rows:
            out[row.person_id].append(
                IdentityView(row.network, row.handle, row.profile_url, row.display_name)
            )
    return out


def last_thanked(session: Session, person_ids: list[int]) -> dict[int, datetime]:
    """When each of these people was last thanked. One max() per person, which the
    (person_id, action, created_at) index answers with a single seek; a GROUP BY over the
    same index reads every thank-you of busy people."""
    out: dict[int, datetime] = {}
    latest = (
        select(func.max(Acknowledgement.created_at))
        .where(
            Acknowledgement.person_id == Person.id,
            Acknowledgement.action == AckAction.THANKED,
        )
        .scalar_subquery()
    )
    for start in range(0, len(person_ids), 400):
        rows = session.execute(
            select(Person.id, latest).where(Person.id.in_(person_ids[start : start + 400]))
        )
        out.update({pid: ts for pid, ts in rows if ts is not None})
    return out


def acknowledge(
    session: Session,
    person_id: int,
    action: AckAction | str,
    *,
    how: AckHow | str = "",
    text: str = "",
    until: date | None = None,
    now: datetime | None = None,
    today: date | None = None,
    member: str | None = None,
    only_pending: bool = False,
) -> Acknowledgement:
    """Answer everything the person has pending right now; later interactions stay pending.

    Snoozed interactions count as pending here: thanking a snoozed person covers them too.
    `only_pending`: a person with nothing pending is refused (InvalidRequest, saying who
    answered them when): someone answered them meanwhile, e.g. another member of the team
    at the same moment. Each pending row is claimed by one acknowledgement only (a
    conditional UPDATE: on PostgreSQL the second of two waits for the first, then finds
    nothing left), so of two at once one wins and the other is told.
    """
    if action not in ACTIONS:
        raise InvalidRequest(
            fill(tx("Errors", "unknown action %1; use one of %2"), repr(action), ", ".join(ACTIONS))
        )
    action = AckAction(action)
    if action == AckAction.THANKED and how and how not in HOWS:
        raise InvalidRequest(
            fill(tx("Errors", "unknown way to thank %1; use one of %2"), repr(how), ", ".join(HOWS))
        )
    if action == AckAction.SNOOZED and until is None:
        raise InvalidRequest(tx("Errors", "snoozing needs a date to come back on"))
    now = now or utcnow()
    # Snooze dates are the user's local dates, as in the pending list.
    today = today or date.today()
    if action == AckAction.SNOOZED and until is not None and until <= today:
        raise InvalidRequest(
            fill(tx("Errors", "snooze date %1 is not in the future"), until.isoformat())
        )
    person = live_person(session, person_id)
    ack = Acknowledgement(
        person_id=person.id,
        action=action,
        how=AckHow(how) if action == AckAction.THANKED and how else "",
        text=text,
        snoozed_until=until if action == AckAction.SNOOZED else None,
        created_at=now,
        # On a shared store, the member whose app writes it (desktop.store.database.Store).
        member=member if member is not None else session.info.get("member", ""),
    )
    session.add(ack)
    session.flush()
    snoozes = select(Acknowledgement.id).where(
        Acknowledgement.person_id == person.id, Acknowledgement.action == AckAction.SNOOZED
    )
    mine = select(Identity.id).where(Identity.person_id == person.id)
    claimed = session.execute(
        update(Interaction)
        .where(
            Interaction.identity_id.in_(mine),
            Interaction.direction == "inbound",
            or_(
                Interaction.acknowledgement_id.is_(None),
                Interaction.acknowledgement_id.in_(snoozes),
            ),
        )
        .values(acknowledgement_id=ack.id)
    )
    if only_pending and claimed.rowcount == 0:  # type: ignore[attr-defined]  # CursorResult
        raise InvalidRequest(_answered_already(session, person, ack.id))
    return ack


def _answered_already(session: Session, person: Person, mine: int) -> str:
    """Why there was nothing left to answer: the latest acknowledgement before this one."""
    last = session.execute(
        select(Acknowledgement.action, Acknowledgement.created_at)
        .where(Acknowledgement.person_id == person.id, Acknowledgement.id != mine)
        .order_by(Acknowledgement.created_at.desc(), Acknowledgement.id.desc())
        .limit(1)
    ).first()
    name = person.display_name
    if last is None:
        return fill(tx("Errors", "nothing is pending for %1"), name)
    when = last.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    if last.action == AckAction.THANKED:
        said = tx("Errors", "nothing is pending for %1 any more: thanked at %2")
    elif last.action == AckAction.DISMISSED:
        said = tx("Errors", "nothing is pending for %1 any more: dismissed at %2")
    else:
        said = tx("Errors", "nothing is pending for %1 any more: answered at %2")
    return fill(said, name, when)


def merge(session: Session, keep_id: int, other_id: int) -> Person:
    """Make two persons one: identities and acknowledgements move, the other row stays
    (pointing at the kept person) so nothing is deleted and old ids still resolve."""
    keep = live_person(session, keep_id)
    other = live_person(session, other_id)
    if keep.id == other.id:
        raise InvalidRequest(
            fill(tx("Errors", "persons %1 and %2 are already the same person"), keep_id, other_id)
        )
    moved = list(session.scalars(select(Identity.id).where(Identity.person_id == other.id)))
    session.execute(
        update(Identity).where(Identity.person_id == other.id).values(person_id=keep.id)
    )
    session.execute(
        update(Acknowledgement)
        .where(Acknowledgement.person_id == other.id)
        .values(person_id=keep.id)
    )
    if other.notes:
        keep.notes = f"{keep.notes}\n{other.notes}".strip()
    if other.tags:
        tags = [t for t in (keep.tags + "," + other.tags).split(",") if t.strip()]
        keep.tags = ",".join(dict.fromkeys(t.strip() for t in tags))
    other.merged_into_id = keep.id
    session.flush()
    from desktop.store import sharers, stats

    stats.recompute(session, [keep.id, other.id])
    sharers.recount_shared_by(session, moved)  # two sharers may now be one person
    return keep
