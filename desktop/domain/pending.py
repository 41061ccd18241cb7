"""Who should I thank? One entry per person with unanswered inbound interactions.

Priority (documented in README.md): 1 = shared or quoted my posts, 2 = mentioned or replied,
3 = only liked or followed. Within a priority, the most recent interaction first. People
who only liked are left out unless the `thank_likes` setting is on; they still show in
the ledger.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from desktop.domain.people import IdentityView, identities_of, last_thanked
from desktop.store.models import Acknowledgement, Identity, Interaction, Person
from desktop.store.settings import get_setting

KIND_ORDER = ("share", "quote", "mention", "reply", "like", "follow")
PRIORITY_OF_KIND = {"share": 1, "quote": 1, "mention": 2, "reply": 2, "like": 3, "follow": 3}
MAX_POSTS = 10  # posts listed per person; the counts still cover all of them


@dataclass
class PendingPost:
    url: str
    text: str
    occurred_at: datetime
    language: str = ""
    remote_id: str = ""


@dataclass
class PendingPerson:
    person_id: int
    name: str
    identities: list[IdentityView]
    counts: dict[str, int]
    posts: list[PendingPost]
    last_interaction_at: datetime
    last_thanked: datetime | None
    priority: int
    post_count: int = 0
    interaction_ids: list[int] = field(default_factory=list)

    def as_json(self) -> dict:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "identities": [i.as_json() for i in self.identities],
            "counts": {k: self.counts[k] for k in KIND_ORDER if k in self.counts},
            "posts": [
                {"url": p.url, "text": p.text, "occurred_at": p.occurred_at.isoformat()}
                for p in self.posts
            ],
            "last_thanked": self.last_thanked.isoformat() if self.last_thanked else None,
            "priority": self.priority,
            "last_interaction_at": self.last_interaction_at.isoformat(),
        }


def _pending_condition(today: date):
    """Unanswered inbound rows, plus those whose snooze has run out."""
    expired_snoozes = select(Acknowledgement.id).where(
        Acknowledgement.action == "snoozed", Acknowledgement.snoozed_until <= today
    )
    return and_(
        Interaction.direction == "inbound",
        or_(
            Interaction.acknowledgement_id.is_(None),
            Interaction.acknowledgement_id.in_(expired_snoozes),
        ),
    )


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
    cond = _pending_condition(today)
    query = (
        select(
            Identity.person_id,
            Interaction.kind,
            func.count(),
            func.max(Interaction.occurred_at),
        )
        .join(Identity, Identity.id == Interaction.identity_id)
        .where(cond)
        .group_by(Identity.person_id, Interaction.kind)
    )
    if person_id is not None:
        query = query.where(Identity.person_id == person_id)
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    latest: dict[int, datetime] = {}
    for pid, kind, n, last in session.execute(query):
        counts[pid][kind] = n
        latest[pid] = max(latest.get(pid, last), last)

    chosen = [pid for pid, kinds in counts.items() if thank_likes or set(kinds) - {"like"}]
    if not chosen:
        return []
    names = _names(session, chosen)
    idents = identities_of(session, chosen)
    thanked = last_thanked(session, chosen)
    posts = _posts(session, chosen, cond)
    out = [
        PendingPerson(
            person_id=pid,
            name=names[pid],
            identities=idents[pid],
            counts=counts[pid],
            posts=posts[pid][:MAX_POSTS],
            post_count=len(posts[pid]),
            last_interaction_at=latest[pid],
            last_thanked=thanked.get(pid),
            priority=min(PRIORITY_OF_KIND[k] for k in counts[pid]),
        )
        for pid in chosen
    ]
    out.sort(key=lambda p: (p.priority, -p.last_interaction_at.timestamp(), p.person_id))
    return out


def _names(session: Session, person_ids: list[int]) -> dict[int, str]:
    names: dict[int, str] = {}
    for start in range(0, len(person_ids), 400):
        chunk = person_ids[start : start + 400]
        rows = session.execute(select(Person.id, Person.display_name).where(Person.id.in_(chunk)))
        names.update({pid: name for pid, name in rows})
    return names


def _posts(session: Session, person_ids: list[int], cond) -> dict[int, list[PendingPost]]:
    """Distinct posts the pending interactions concern, newest first (follows have none)."""
    out: dict[int, list[PendingPost]] = {pid: [] for pid in person_ids}
    seen: set[tuple[int, str]] = set()
    for start in range(0, len(person_ids), 400):
        rows = session.execute(
            select(
                Identity.person_id,
                Interaction.post_url,
                Interaction.post_text,
                Interaction.occurred_at,
                Interaction.post_language,
                Interaction.post_remote_id,
            )
            .join(Identity, Identity.id == Interaction.identity_id)
            .where(cond, Identity.person_id.in_(person_ids[start : start + 400]))
            .where(Interaction.post_url != "")
            .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        )
        for pid, url, text, at, language, remote_id in rows:
            if (pid, url) not in seen:
                seen.add((pid, url))
                out[pid].append(PendingPost(url, text, at, language, remote_id))
    return out
