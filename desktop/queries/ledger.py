"""How are my relationships? Per-person balances both ways, over several windows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, case, exists, false, func, select, text
from sqlalchemy.orm import Session

from desktop.core.text import fold
from desktop.core.vocabulary import AckAction
from desktop.queries.pending_views import KIND_ORDER, IdentityView
from desktop.queries.people import identities_of, last_thanked, live_person
from desktop.store.models import (
    Acknowledgement,
    Identity,
    Interaction,
    Person,
    PersonStats,
    utcnow,
)
from desktop.store.settings import get_setting

WINDOWS = {"30": 30, "90": 90, "365": 365, "all": None}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _sorted_counts(counts: dict[str, int]) -> dict[str, int]:
    return {k: counts[k] for k in KIND_ORDER if counts.get(k)}


@dataclass
class Ledger:
    person_id: int
    name: str
    identities: list[IdentityView]
    notes: str
    tags: list[str]
    windows: dict[str, dict[str, dict[str, int]]]  # window -> direction -> kind -> n
    first_interaction_at: datetime | None
    last_interaction_at: datetime | None
    last_thanked: datetime | None
    acknowledgements: list[dict[str, Any]]
    merged_ids: list[int]

    def as_json(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "identities": [i.as_json() for i in self.identities],
            "notes": self.notes,
            "tags": self.tags,
            "ledger": self.windows,
            "first_interaction_at": _iso(self.first_interaction_at),
            "last_interaction_at": _iso(self.last_interaction_at),
            "last_thanked": _iso(self.last_thanked),
            "acknowledgements": self.acknowledgements,
            "merged_ids": self.merged_ids,
        }


def person_ledger(session: Session, person_id: int, *, now: datetime | None = None) -> Ledger:
    now = now or utcnow()
    person = live_person(session, person_id)
    mine = select(Identity.id).where(Identity.person_id == person.id)
    columns = [
        func.sum(case((Interaction.occurred_at >= now - timedelta(days=days), 1), else_=0))
        if days
        else func.count()
        for days in WINDOWS.values()
    ]
    windows: dict[str, dict[str, dict[str, int]]] = {
        w: {"inbound": {}, "outbound": {}} for w in WINDOWS
    }
    rows = session.execute(
        select(Interaction.direction, Interaction.kind, *columns)
        .where(Interaction.identity_id.in_(mine))
        .group_by(Interaction.direction, Interaction.kind)
    )
    for direction, kind, *ns in rows:
        for window, n in zip(WINDOWS, ns, strict=True):
            if n:
                windows[window][direction][kind] = int(n)
    for per_direction in windows.values():
        for way in per_direction:
            per_direction[way] = _sorted_counts(per_direction[way])
    first, last = session.execute(
        select(func.min(Interaction.occurred_at), func.max(Interaction.occurred_at)).where(
            Interaction.identity_id.in_(mine)
        )
    ).one()
    acks = session.scalars(
        select(Acknowledgement)
        .where(Acknowledgement.person_id == person.id)
        .order_by(Acknowledgement.created_at, Acknowledgement.id)
    ).all()
    merged = session.scalars(
        select(Person.id).where(Person.merged_into_id == person.id).order_by(Person.id)
    ).all()
    return Ledger(
        person_id=person.id,
        name=person.display_name,
        identities=identities_of(session, [person.id])[person.id],
        notes=person.notes,
        tags=[t for t in person.tags.split(",") if t],
        windows=windows,
        first_interaction_at=first,
        last_interaction_at=last,
        last_thanked=last_thanked(session, [person.id]).get(person.id),
        acknowledgements=[
            {
                "action": a.action,
                "how": a.how,
                "text": a.text,
                "at": a.created_at.isoformat(),
                "snoozed_until": a.snoozed_until.isoformat() if a.snoozed_until else None,
                "member": a.member,  # who, on a shared store; "" on a store of one
            }
            for a in acks
        ],
        merged_ids=list(merged),
    )


@dataclass
class PersonSummary:
    person_id: int
    name: str
    identities: list[IdentityView]
    inbound: int
    outbound: int
    first_interaction_at: datetime | None
    last_interaction_at: datetime | None
    last_thanked: datetime | None

    def as_json(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "identities": [i.as_json() for i in self.identities],
            "inbound": self.inbound,
            "outbound": self.outbound,
            "first_interaction_at": _iso(self.first_interaction_at),
            "last_interaction_at": _iso(self.last_interaction_at),
            "last_thanked": _iso(self.last_thanked),
        }


def _matching_people(session: Session, search: str) -> Select[int]:
    """People with a name or handle that has a word starting with each word searched for,
    accents and case folded ("mar" finds "María" and "@mario@…")."""
    folded = fold(search.strip())
    words = re.findall(r"\w+", folded)
    if session.get_bind().dialect.name == "sqlite":
        if not words:
            return select(Identity.person_id).where(false())
        # FTS5 (migration 0005): an index lookup, not a scan of every identity.
        query = " ".join(f'"{word}"*' for word in words)
        found = text("SELECT rowid FROM identity_search WHERE identity_search MATCH :q")
        return select(Identity.person_id).where(
            Identity.id.in_(found.bindparams(q=query).columns(Identity.id))
        )
    needle = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return select(Identity.person_id).where(
        Identity.search_key.like(f"{needle}%", escape="\\")
        | Identity.search_key.like(f"% {needle}%", escape="\\")
        | Identity.search_key.like(f"%@{needle}%", escape="\\")
    )


def _live_people(
    session: Session, search: str | None, exclude_id: int | None
) -> list[ColumnElement[bool]]:
    """The WHERE of the People list: live (not merged-away) people matching the search."""
    where: list[ColumnElement[bool]] = [Person.merged_into_id.is_(None)]
    if search and search.strip():
        where.append(Person.id.in_(_matching_people(session, search)))
    if exclude_id is not None:
        where.append(Person.id != exclude_id)
    return where


def count_people(
    session: Session, *, search: str | None = None, exclude_id: int | None = None
) -> int:
    """How many rows list_people has for this search: the People view sizes its scroll bar
    with it and reads only the pages in sight."""
    where = _live_people(session, search, exclude_id)
    return session.scalar(select(func.count()).select_from(Person).where(*where)) or 0


def list_people(
    session: Session,
    *,
    search: str | None = None,
    limit: int | None = None,
    offset: int = 0,
    exclude_id: int | None = None,
    total: int | None = None,
) -> list[PersonSummary]:
    """Live (not merged-away) people, most recently active first; search matches the start
    of any word of a name or handle, accents and case folded. `total`, when the caller has
    it from count_people, lets pages near the end be read quickly."""
    # Totals come from person_stats (kept by ingest and merge): adding up a million
    # interactions for every page of the People list took seconds on a heavy store.
    stats = PersonStats.__table__
    query = (
        select(
            Person.id,
            Person.display_name,
            stats.c.inbound,
            stats.c.outbound,
            stats.c.first_at,
            stats.c.last_at,
        )
        .where(*_live_people(session, search, exclude_id))
        .outerjoin(stats, stats.c.person_id == Person.id)
    )
    newest_first = (stats.c.last_at.desc().nulls_last(), Person.id)
    if total is not None and limit is not None and offset > total // 2:
        # A page in the second half is read from the far end: SQLite then sorts only the
        # rows it returns, so the last page of 100,000 people is as quick as the first.
        limit = min(limit, total - offset)
        if limit <= 0:
            return []
        oldest_first = (stats.c.last_at.asc().nulls_first(), Person.id.desc())
        query = query.order_by(*oldest_first).offset(total - offset - limit).limit(limit)
        rows = session.execute(query).all()[::-1]
    else:
        query = query.order_by(*newest_first).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        rows = session.execute(query).all()
    ids = [r[0] for r in rows]
    idents = identities_of(session, ids)
    thanked = last_thanked(session, ids)
    return [
        PersonSummary(
            person_id=pid,
            name=name,
            identities=idents[pid],
            inbound=int(inbound or 0),
            outbound=int(outbound or 0),
            first_interaction_at=first,
            last_interaction_at=last,
            last_thanked=thanked.get(pid),
        )
        for pid, name, inbound, outbound, first, last in rows
    ]


def quiet_supporters(
    session: Session, *, days: int | None = None, now: datetime | None = None
) -> list[tuple[int, str, int]]:
    """People who supported me in the last N days and have not heard from me in that time:
    no outbound interaction and no thank-you. (person_id, name, inbound count), most first."""
    now = now or utcnow()
    days = days or int(get_setting(session, "supporter_quiet_days"))
    since = now - timedelta(days=days)
    heard = exists().where(
        Interaction.identity_id == Identity.id,
        Interaction.direction == "outbound",
        Interaction.occurred_at >= since,
    )
    outbound_people = select(Identity.person_id).where(heard)
    thanked_people = select(Acknowledgement.person_id).where(
        Acknowledgement.action == AckAction.THANKED, Acknowledgement.created_at >= since
    )
    rows = session.execute(
        select(Person.id, Person.display_name, func.count(Interaction.id).label("n"))
        .join(Identity, Identity.person_id == Person.id)
        .join(Interaction, Interaction.identity_id == Identity.id)
        .where(
            Interaction.direction == "inbound",
            Interaction.kind != "follow",
            Interaction.occurred_at >= since,
            Person.id.not_in(outbound_people),
            Person.id.not_in(thanked_people),
        )
        .group_by(Person.id, Person.display_name)
        .order_by(func.count(Interaction.id).desc(), Person.id)
    ).all()
    return [(pid, name, n) for pid, name, n in rows]
