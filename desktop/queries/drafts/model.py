"""The words of a draft: its situations, its limits, and what it is made of."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from desktop.core.length import LengthCheck
from desktop.core.vocabulary import Network

TITLE_LIMIT = 60  # characters of my post quoted in a draft, ellipsis included
MIN_TITLE = 12  # shorter than this, a quoted excerpt says nothing: use another variant
DEFAULT_COOLDOWN_DAYS = 14
AT_MENTION_NETWORKS = frozenset({Network.MASTODON, Network.BLUESKY})

# Situation -> the interaction kind it is about.
SITUATION_KIND = {
    "share": "share",
    "shares": "share",
    "quote": "quote",
    "mention": "mention",
    "reply": "reply",
    "follow": "follow",
    "like": "like",
    "group": "share",
}
MY_POST_SITUATIONS = frozenset({"share", "shares", "like", "group"})  # the post is mine
THEIR_POST_SITUATIONS = frozenset({"quote", "mention", "reply"})  # the post is theirs


@dataclass(frozen=True)
class Mention:
    """Someone named in a draft. ``text`` is how it is written in the draft; the connector
    finds it there (Bluesky facets need its byte offsets) and links it to ``did_or_url``."""

    handle: str
    did_or_url: str
    text: str = ""

    def as_json(self) -> dict[str, str]:
        return {"handle": self.handle, "did_or_url": self.did_or_url, "text": self.text}


@dataclass(frozen=True)
class PostRef:
    url: str
    remote_id: str

    def as_json(self) -> dict[str, str]:
        return {"url": self.url, "remote_id": self.remote_id}


@dataclass
class Draft:
    person_id: int
    network: str
    language: str
    situation: str
    variant: int  # index of the template variant in templates/<language>.json
    text: str
    mentions: list[Mention]
    reply_to: PostRef | None
    length: LengthCheck
    person_ids: list[int] = field(default_factory=list)  # everyone a group draft thanks
    recently_thanked: datetime | None = None  # when, if I thanked them lately (Services)

    def as_json(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "network": self.network,
            "language": self.language,
            "situation": self.situation,
            "text": self.text,
            "reply_to": self.reply_to.as_json() if self.reply_to else None,
            "mentions": [m.as_json() for m in self.mentions],
            "length": self.length.as_json(),
        }
