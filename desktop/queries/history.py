"""A person's history: their interactions with me and mine with them, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.queries.people import live_person
from desktop.store.models import Identity, Interaction


@dataclass(frozen=True)
class HistoryItem:
    occurred_at: datetime
    kind: str
    direction: str
    network: str
    post_url: str
    post_text: str
    acknowledged: bool

    def as_json(self) -> dict[str, Any]:
        return {
            "occurred_at": self.occurred_at.isoformat(),
            "kind": self.kind,
            "direction": self.direction,
            "network": self.network,
            "post_url": self.post_url,
            "post_text": self.post_text,
            "acknowledged": self.acknowledged,
        }


def person_history(session: Session, person_id: int, *, limit: int = 200) -> list[HistoryItem]:
    person = live_person(session, person_id)
    rows = session.execute(
        select(
            Interaction.occurred_at,
            Interaction.kind,
            Interaction.direction,
            Interaction.network,
            Interaction.post_url,
            Interaction.post_text,
            Interaction.acknowledgement_id,
        )
        .join(Identity, Identity.id == Interaction.identity_id)
        .where(Identity.person_id == person.id)
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        .limit(limit)
    )
    return [
        HistoryItem(at, kind, direction, network, url, text, ack is not None)
        for at, kind, direction, network, url, text, ack in rows
    ]
