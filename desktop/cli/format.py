"""How the CLI writes times, counts and identities (plain English, like its help)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Protocol


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
