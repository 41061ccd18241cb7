"""Why a candidate ranked where it did, as data: the window and the CLI each word it their
own way (translated, or plain English), and nobody parses a sentence back."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["Reason", "ReasonKind"]


class ReasonKind(StrEnum):
    INTERESTS = "interests"  # words: the interest keywords it matched
    NETWORK = "network"  # count: distinct people in my network who shared it
    SUPPORTER = "supporter"  # words: (the author's name,) or () when it has none
    SEEN = "seen"  # count: whole days since it was last seen (0: today)


@dataclass(frozen=True, slots=True)
class Reason:
    kind: ReasonKind
    words: tuple[str, ...] = ()
    count: int = 0

    def as_json(self) -> dict[str, object]:
        return {"kind": str(self.kind), "words": list(self.words), "count": self.count}
