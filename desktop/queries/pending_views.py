"""What the pending list hands the views: plain data, no SQLAlchemy, so the window's first
screen can be shown from a cache before the store is opened (desktop.app.first_screen).

``to_cache`` / ``from_cache`` keep every field (the CLI's ``as_json`` is a public shape and
leaves some out); times travel as ISO strings with their offsets.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

KIND_ORDER = ("share", "quote", "mention", "reply", "like", "follow")


@dataclass(frozen=True)
class IdentityView:
    network: str
    handle: str
    url: str
    display_name: str = ""

    def as_json(self) -> dict[str, str]:
        return {"network": self.network, "handle": self.handle, "url": self.url}


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

    def as_json(self) -> dict[str, Any]:
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

    def to_cache(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "identities": [[i.network, i.handle, i.url, i.display_name] for i in self.identities],
            "counts": self.counts,
            "posts": [
                [p.url, p.text, p.occurred_at.isoformat(), p.language, p.remote_id]
                for p in self.posts
            ],
            "last_interaction_at": self.last_interaction_at.isoformat(),
            "last_thanked": self.last_thanked.isoformat() if self.last_thanked else None,
            "priority": self.priority,
            "post_count": self.post_count,
            "interaction_ids": self.interaction_ids,
        }

    @classmethod
    def from_cache(cls, data: dict[str, Any]) -> PendingPerson:
        """Raises KeyError, TypeError or ValueError for anything not written by to_cache."""
        thanked = data["last_thanked"]
        return cls(
            person_id=int(data["person_id"]),
            name=str(data["name"]),
            identities=[IdentityView(*map(str, i)) for i in data["identities"]],
            counts={str(k): int(v) for k, v in data["counts"].items()},
            posts=[
                PendingPost(str(u), str(t), datetime.fromisoformat(w), str(lang), str(rid))
                for u, t, w, lang, rid in data["posts"]
            ],
            last_interaction_at=datetime.fromisoformat(data["last_interaction_at"]),
            last_thanked=datetime.fromisoformat(thanked) if thanked else None,
            priority=int(data["priority"]),
            post_count=int(data["post_count"]),
            interaction_ids=[int(i) for i in data["interaction_ids"]],
        )
