"""How the CLI writes times, counts and identities (plain English, like its help)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from desktop.core.reasons import Reason
    from desktop.queries.candidates import RankedCandidate


class _Identity(Protocol):  # read-only, so frozen dataclasses match
    @property
    def handle(self) -> str: ...
    @property
    def network(self) -> str: ...


def ago(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return "never"
    seconds = ((now or datetime.now(UTC)) - when).total_seconds()
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size:
            return f"{int(seconds // size)}{unit} ago"
    return "just now"


def plural(n: int, word: str) -> str:
    forms = {"reply": "replies"}
    return f"{n} {word if n == 1 else forms.get(word, word + 's')}"


def handles(identities: Iterable[_Identity]) -> str:
    return ", ".join(f"{i.handle} ({i.network})" for i in identities)


def short(text: str, limit: int) -> str:
    from desktop.core.text import excerpt

    return excerpt(text, limit)


def reason(r: Reason) -> str:
    """A ranking reason as the CLI (and its JSON ``why``) has always worded it."""
    from desktop.core.reasons import ReasonKind  # not at start-up: desktop.core is heavy

    if r.kind == ReasonKind.INTERESTS:
        return "matches your interests: " + ", ".join(r.words)
    if r.kind == ReasonKind.NETWORK:
        return f"shared by {r.count} {'person' if r.count == 1 else 'people'} in your network"
    if r.kind == ReasonKind.SUPPORTER:
        return f"by {r.words[0] if r.words else 'the author'}, one of your supporters"
    return "seen today" if r.count == 0 else f"seen {plural(r.count, 'day')} ago"


def candidate_json(c: RankedCandidate) -> dict[str, Any]:
    """A candidate's JSON with ``why`` in words, as before reasons became data."""
    return {**c.as_json(), "why": [reason(r) for r in c.reasons]}
