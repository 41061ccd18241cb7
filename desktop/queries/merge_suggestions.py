"""People who are probably one human seen on several networks (an export and a synced
account, two exports): suggested with the evidence, never merged silently. A suggestion the
user turned down ("not the same") is not made again."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.text import fold
from desktop.store.models import Identity, Person
from desktop.store.settings import get_setting, set_setting

MAX_SUGGESTIONS = 50
MAX_GROUP = 6  # a name shared by more people than this is a common name, not evidence
_HANDLE = re.compile(r"^@?([^@]+)")


@dataclass(frozen=True)
class Evidence:
    kind: str  # "same name" | "same handle" | "same profile"
    value: str


@dataclass(frozen=True)
class MergeSuggestion:
    person_id: int
    name: str
    networks: tuple[str, ...]
    other_id: int
    other_name: str
    other_networks: tuple[str, ...]
    evidence: tuple[Evidence, ...]


def _handle_key(handle: str) -> str:
    """'@Ana_Garcia@social.example' and 'in/ana-garcia' -> 'anagarcia'."""
    base = handle.rsplit("/", 1)[-1]
    match = _HANDLE.match(base)
    return re.sub(r"[^a-z0-9]", "", fold(match.group(1) if match else base))


def merge_suggestions(session: Session) -> list[MergeSuggestion]:
    rows = session.execute(
        select(Person.id, Person.display_name, Identity.network, Identity.handle)
        .join(Identity, Identity.person_id == Person.id)
        .where(Person.merged_into_id.is_(None))
    ).all()
    names: dict[int, str] = {}
    networks: dict[int, set[str]] = {}
    by_name: dict[str, set[int]] = {}
    by_handle: dict[str, set[int]] = {}
    for person_id, name, network, handle in rows:
        names[person_id] = name
        networks.setdefault(person_id, set()).add(network)
        folded = " ".join(fold(name).split())
        if len(folded.split()) >= 2:  # "Ana" alone says too little
            by_name.setdefault(folded, set()).add(person_id)
        key = _handle_key(handle or "")
        if len(key) >= 5:
            by_handle.setdefault(key, set()).add(person_id)
    evidence: dict[tuple[int, int], list[Evidence]] = {}
    for kind, groups in (("same name", by_name), ("same handle", by_handle)):
        for value, people in groups.items():
            if not 2 <= len(people) <= MAX_GROUP:
                continue
            for a, b in combinations(sorted(people), 2):
                if networks[a] & networks[b]:
                    continue  # two people on one network are two accounts: not evidence
                evidence.setdefault((a, b), []).append(Evidence(kind, value))
    declined = {tuple(pair) for pair in get_setting(session, "merge_declined")}
    found = [
        MergeSuggestion(
            a,
            names[a],
            tuple(sorted(networks[a])),
            b,
            names[b],
            tuple(sorted(networks[b])),
            tuple(why),
        )
        for (a, b), why in evidence.items()
        if (a, b) not in declined
    ]
    found.sort(key=lambda s: (-len(s.evidence), fold(s.name), s.person_id, s.other_id))
    return found[:MAX_SUGGESTIONS]


def decline(session: Session, person_id: int, other_id: int) -> None:
    """ "Not the same person": never suggest this pair again."""
    pair = sorted((person_id, other_id))
    declined = [list(p) for p in get_setting(session, "merge_declined")]
    if pair not in declined:
        set_setting(session, "merge_declined", [*declined, pair])
