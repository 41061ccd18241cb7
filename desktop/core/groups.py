"""Posts of mine that several pending people shared: thank them together.

When Ana, Ben and Clara all shared the same post, one reply under that post mentioning the
three of them reads better than three separate thank-yous (issue 4, "grouped by post").

A person belongs to a post's group when the post is among their pending posts and they
have a share or a quote pending. A group needs at least two people. This works on the
pending list as it is (:func:`desktop.queries.pending.pending`), with no database access,
so the UI can regroup whatever it has loaded. It reads pending people through the small
protocols below, so this pure module needs nothing from the query layer.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Protocol
from urllib.parse import urlsplit

from desktop.core.events import Network

if TYPE_CHECKING:
    from desktop.core.length import LengthCheck

__all__ = [
    "GROUP_KINDS",
    "GroupCheck",
    "PartCheck",
    "PostGroup",
    "check_group_parts",
    "mentioned_in",
    "shared_post_groups",
]

GROUP_KINDS = ("share", "quote")  # what puts a person in a post's group


# Read-only members, so that frozen dataclasses (queries.pending's views) match.
class _Post(Protocol):
    @property
    def url(self) -> str: ...
    @property
    def text(self) -> str: ...
    @property
    def occurred_at(self) -> datetime: ...
    @property
    def remote_id(self) -> str: ...
    @property
    def language(self) -> str: ...


class _Identity(Protocol):
    @property
    def network(self) -> str: ...


class PendingPerson(Protocol):
    """What grouping reads of a pending person (queries.pending.PendingPerson has it)."""

    person_id: int
    name: str
    counts: dict[str, int]

    @property
    def posts(self) -> Sequence[_Post]: ...

    @property
    def identities(self) -> Sequence[_Identity]: ...


@dataclass
class PostGroup:
    post_url: str
    post_text: str
    network: str
    person_ids: list[int]
    names: list[str]  # in the order of person_ids
    last_at: datetime | None = None  # the most recent pending interaction about the post
    remote_id: str = ""
    language: str = ""
    counts: dict[int, dict[str, int]] = field(default_factory=dict)  # person_id -> counts

    @property
    def size(self) -> int:
        return len(self.person_ids)


def shared_post_groups(pending: Sequence[PendingPerson], *, minimum: int = 2) -> list[PostGroup]:
    """Posts that ``minimum`` or more pending people shared or quoted, most people first,
    then the most recently active; people in the order of the pending list (the most
    important first), which is also the order a group thank-you mentions them in."""
    members: dict[str, list[tuple[PendingPerson, int]]] = {}
    for person in pending:
        if not any(person.counts.get(kind, 0) for kind in GROUP_KINDS):
            continue
        for index, post in enumerate(person.posts):
            if post.url:
                members.setdefault(post.url, []).append((person, index))

    groups = []
    for url, people in members.items():
        if len(people) < minimum:
            continue
        posts = [person.posts[index] for person, index in people]
        groups.append(
            PostGroup(
                post_url=url,
                post_text=next((p.text for p in posts if p.text), ""),
                network=_network(url, [person for person, _ in people]),
                person_ids=[person.person_id for person, _ in people],
                names=[person.name for person, _ in people],
                last_at=max(p.occurred_at for p in posts),
                remote_id=next((p.remote_id for p in posts if p.remote_id), ""),
                language=next((p.language for p in posts if p.language), ""),
                counts={person.person_id: dict(person.counts) for person, _ in people},
            )
        )
    groups.sort(key=lambda g: (-g.size, -_timestamp(g.last_at), g.post_url))
    return groups


def _timestamp(when: datetime | None) -> float:
    return when.timestamp() if when is not None else 0.0


def _network(url: str, people: list[PendingPerson]) -> str:
    """The network the post is on. Pending posts do not say, so: Bluesky URLs say so
    themselves; otherwise the network all (else most) of these people have an identity on."""
    host = (urlsplit(url).hostname or "").lower()
    if host == "bsky.app" or host.endswith(".bsky.app"):
        return Network.BLUESKY
    seen: Counter[str] = Counter()
    for person in people:
        seen.update({identity.network for identity in person.identities})
    if not seen:
        return ""
    best = max(seen.values())
    tied = sorted(net for net, n in seen.items() if n == best and net != Network.BLUESKY)
    if not tied:
        return Network.BLUESKY
    return Network.MASTODON if Network.MASTODON in tied else tied[0]


def mentioned_in(text: str, mention: str) -> bool:
    """Does ``text`` name someone the way ``mention`` does ("@ana@social.example",
    "@ana.bsky.social", or a display name on networks without @-mentions)? A longer handle
    that merely starts the same ("@ana@social.example.org", "@anabel") does not count."""
    mention = mention.strip()
    if not mention:
        return False
    pattern = rf"(?<![\w@.]){re.escape(mention)}(?![\w@]|[.\-]\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


# -- checking a group thank-you before it goes ---------------------------------------------


@dataclass(frozen=True)
class PartCheck:
    """One text of a group thank-you: whom it thanks, and what would stop it going."""

    number: int  # from 1
    text: str
    person_ids: list[int]  # mentioned here and in no earlier part
    length: LengthCheck | None = None  # None: no length rule was given

    @property
    def empty(self) -> bool:
        return not self.text.strip()

    @property
    def thanks_nobody(self) -> bool:
        return not self.empty and not self.person_ids

    @property
    def ok(self) -> bool:
        fits = self.length is None or self.length.ok
        return not self.empty and bool(self.person_ids) and fits


@dataclass(frozen=True)
class GroupCheck:
    parts: list[PartCheck]
    missing: list[int]  # people no part mentions: still waiting afterwards

    @property
    def ok(self) -> bool:
        return bool(self.parts) and all(part.ok for part in self.parts)


def check_group_parts(
    texts: Sequence[str],
    mentions: Mapping[int, str],
    lengths: Sequence[LengthCheck] | None = None,
) -> GroupCheck:
    """The checks a group thank-you passes before anything is posted, shared by the window
    (as the texts are edited) and the send: every part says something, mentions someone
    (``mentions``: person id -> how a text names them) and fits (``lengths``: each text
    checked against its network's rule, when known). A person is thanked by the first part
    that mentions them."""
    parts, taken = [], set()
    for number, text in enumerate(texts, start=1):
        who = [p for p, m in mentions.items() if p not in taken and mentioned_in(text, m)]
        taken.update(who)
        fits = lengths[number - 1] if lengths is not None else None
        parts.append(PartCheck(number, text, who, fits))
    return GroupCheck(parts, [p for p in mentions if p not in taken])
