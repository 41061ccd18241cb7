"""Who should I thank? One entry per person with unanswered inbound interactions.

Priority (documented in README.md): 1 = shared or quoted my posts, 2 = mentioned or replied,
3 = only liked or followed. Within a priority, the most recent interaction first. People
who only liked are left out unless the `thank_likes` setting is on; they still show in
the ledger.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import ColumnElement, Select, TextClause, and_, bindparam, or_, select, text, union
from sqlalchemy.orm import Session

from desktop.core.vocabulary import AckAction
from desktop.queries.pending_views import IdentityView, PendingPerson, PendingPost
from desktop.queries.people import last_thanked
from desktop.store.models import Acknowledgement, Identity, Interaction, Person
from desktop.store.settings import get_setting

PRIORITY_OF_KIND = {"share": 1, "quote": 1, "mention": 2, "reply": 2, "like": 3, "follow": 3}
MAX_POSTS = 10  # posts listed per person; the counts still cover all of them
_NEWEST_FIRST = itemgetter(2, 7)  # (occurred_at, id) of a pending row, sorted in reverse


# Literal SQL, not bound parameters: SQLite uses a partial index only when the query's WHERE
# repeats the index's own terms, constants included (see models.Interaction indexes).
UNANSWERED = text("interactions.direction = 'inbound' AND interactions.acknowledgement_id IS NULL")
NOT_A_LIKE = text("interactions.kind != 'like'")


SNOOZED = text(f"acknowledgements.action = '{AckAction.SNOOZED}'")


def _expired_snoozes(session: Session, today: date) -> list[int]:
    return list(
        session.scalars(
            select(Acknowledgement.id).where(SNOOZED, Acknowledgement.snoozed_until <= today)
        )
    )


def _rows(
    session: Session, columns: Sequence[Any], identity_ids: list[int], snoozes: list[int]
) -> list[Any]:
    """Pending rows of these identities: the unanswered ones through their partial index
    (left to itself, SQLite picks the wider index and reads every row of busy people), then
    those whose snooze ran out."""
    sqlite = session.get_bind().dialect.name == "sqlite"
    names = ", ".join(c.name for c in columns)
    fast = (
        text(
            f"SELECT {names} FROM interactions INDEXED BY ix_interactions_unanswered "
            "WHERE direction = 'inbound' AND acknowledgement_id IS NULL "
            "AND identity_id IN :ids"
        )
        .bindparams(bindparam("ids", expanding=True))
        .columns(*columns)
    )
    out: list[Any] = []  # rows
    for start in range(0, len(identity_ids), 400):
        chunk = identity_ids[start : start + 400]
        if sqlite:
            out.extend(session.execute(fast, {"ids": chunk}).all())
        else:
            query = select(*columns).where(UNANSWERED, Interaction.identity_id.in_(chunk))
            out.extend(session.execute(query))
        if snoozes:
            back = select(*columns).where(
                Interaction.direction == "inbound",
                Interaction.acknowledgement_id.in_(snoozes),
                Interaction.identity_id.in_(chunk),
            )
            out.extend(session.execute(back))
    return out


def _pending_where(snoozes: list[int]) -> ColumnElement[bool] | TextClause:
    """Unanswered inbound rows, plus those whose snooze has run out."""
    if not snoozes:
        return UNANSWERED
    back = and_(Interaction.direction == "inbound", Interaction.acknowledgement_id.in_(snoozes))
    return or_(UNANSWERED, back)


def pending_condition(session: Session, today: date) -> ColumnElement[bool] | TextClause:
    """The WHERE clause for interactions still waiting for an answer today."""
    return _pending_where(_expired_snoozes(session, today))


def _waiting_identities(snoozes: list[int], thank_likes: bool) -> Select[int]:
    """Identities with something pending worth a thank-you, as a subquery: it reads the
    small partial indexes only."""
    first = select(Interaction.identity_id).where(UNANSWERED)
    if not thank_likes:
        first = first.where(NOT_A_LIKE)
    if not snoozes:
        return first
    back = select(Interaction.identity_id).where(
        Interaction.direction == "inbound", Interaction.acknowledgement_id.in_(snoozes)
    )
    if not thank_likes:
        back = back.where(Interaction.kind != "like")
    return select(union(first, back).subquery().c.identity_id)


@dataclass
class _People:
    """Who is behind a set of identities: each identity's person, and each person's name
    and identities as shown; read together, in one query per 400 people."""

    owner: dict[int, int] = field(default_factory=dict)  # identity id -> person id
    names: dict[int, str] = field(default_factory=dict)
    identities: dict[int, list[IdentityView]] = field(default_factory=dict)


def _people(session: Session, persons: list[int] | Select[int]) -> _People:
    """`persons`: their ids, or a subquery giving them (read by the database itself, so no
    long list of ids goes back and forth)."""
    found = _People()
    chunks = (
        [persons]
        if isinstance(persons, Select)
        else [persons[start : start + 400] for start in range(0, len(persons), 400)]
    )
    for chunk in chunks:
        rows = session.execute(
            select(
                Identity.id,
                Identity.person_id,
                Person.display_name.label("name"),
                Identity.network,
                Identity.handle,
                Identity.profile_url,
                Identity.display_name,
            )
            .join(Person, Person.id == Identity.person_id)
            .where(Identity.person_id.in_(chunk))
            .order_by(Identity.person_id, Identity.id)
        )
        for iid, pid, name, network, handle, url, display_name in rows:
            found.owner[iid] = pid
            found.names[pid] = name
            found.identities.setdefault(pid, []).append(
                IdentityView(network, handle, url, display_name)
            )
    return found


def pending(
    session: Session,
    *,
    today: date | None = None,
    thank_likes: bool | None = None,
    person_id: int | None = None,
) -> list[PendingPerson]:
    today = today or date.today()
    if thank_likes is None:
        thank_likes = bool(get_setting(session, "thank_likes"))
    snoozes = _expired_snoozes(session, today)
    if person_id is not None:
        people = _people(session, [person_id])
    else:
        waiting = _waiting_identities(snoozes, thank_likes)
        # Every identity of those people: a like on another of their identities counts too.
        people = _people(session, select(Identity.person_id).where(Identity.id.in_(waiting)))
    owner = people.owner
    if not owner:
        return []
    # One read of the pending rows gives the counts, the latest time and the posts.
    columns = (
        Interaction.identity_id,
        Interaction.kind,
        Interaction.occurred_at,
        Interaction.post_url,
        Interaction.post_text,
        Interaction.post_language,
        Interaction.post_remote_id,
        Interaction.id,
    )
    rows = _rows(session, columns, sorted(owner), snoozes)
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    latest: dict[int, datetime] = {}
    for iid, kind, at, *_ in rows:
        pid = owner[iid]
        counts[pid][kind] = counts[pid].get(kind, 0) + 1
        if pid not in latest or at > latest[pid]:
            latest[pid] = at

    chosen = [pid for pid, kinds in counts.items() if thank_likes or set(kinds) - {"like"}]
    if not chosen:
        return []
    thanked = last_thanked(session, chosen)
    posts, post_counts = _posts(rows, owner, set(chosen))
    out = [
        PendingPerson(
            person_id=pid,
            name=people.names[pid],
            identities=people.identities[pid],
            counts=counts[pid],
            posts=posts[pid],
            post_count=post_counts[pid],
            last_interaction_at=latest[pid],
            last_thanked=thanked.get(pid),
            priority=min(PRIORITY_OF_KIND[k] for k in counts[pid]),
        )
        for pid in chosen
    ]
    out.sort(key=lambda p: (p.priority, -p.last_interaction_at.timestamp(), p.person_id))
    return out


def _posts(
    rows: Sequence[Any], owner: dict[int, int], chosen: set[int]
) -> tuple[dict[int, list[PendingPost]], dict[int, int]]:
    """The newest MAX_POSTS distinct posts the pending interactions concern, per person,
    newest first (follows have none), and how many distinct posts there are in all."""
    out: dict[int, list[PendingPost]] = {pid: [] for pid in chosen}
    total = dict.fromkeys(chosen, 0)
    seen: set[tuple[int, str]] = set()
    with_post = [r for r in rows if r[3]]
    with_post.sort(key=_NEWEST_FIRST, reverse=True)
    for iid, _kind, at, url, text_, language, remote_id, _id in with_post:
        pid = owner[iid]
        if pid in chosen and (pid, url) not in seen:
            seen.add((pid, url))
            total[pid] += 1
            if total[pid] <= MAX_POSTS:
                out[pid].append(PendingPost(url, text_, at, language, remote_id))
    return out, total
