"""People who are probably one human seen on several networks (an export and a synced
account, two exports): suggested with the evidence, never merged silently. A suggestion the
user turned down ("not the same") is not made again.

Evidence: the same name (two words or more, not a common one), the same handle, and the
strongest, a profile that links to the other's ("her Mastodon profile links to this
LinkedIn URL": Identity.links, from Mastodon fields and Bluesky bios)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.profiles import profile_of
from desktop.core.text import fold
from desktop.store.models import Identity, Person
from desktop.store.settings import get_setting, set_setting

MAX_SUGGESTIONS = 50
MAX_GROUP = 6  # a name shared by more people than this is a common name, not evidence
_HANDLE = re.compile(r"^@?([^@]+)")


@dataclass(frozen=True)
class Evidence:
    kind: str  # "same name" | "same handle" | "profile link"
    value: str  # the name, the handle, or the linked URL
    network: str = ""  # "profile link": the network of the profile that links


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


def _url_key(url: str) -> str:
    """'https://www.LinkedIn.com/in/ana/' and 'http://linkedin.com/in/ana' -> one key."""
    rest = url.strip().split("#")[0].split("://", 1)[-1].lower().removeprefix("www.")
    return rest.rstrip("/")


def _links(
    rows: list[tuple[int, str, str, str, str]],
) -> dict[tuple[int, int], list[Evidence]]:
    """Pairs whose one profile links to the other's: (person, network, stable id, profile
    URL, links) rows of every identity."""
    by_id: dict[tuple[str, str], int] = {}
    by_url: dict[str, int] = {}
    for person_id, network, stable_id, profile_url, _ in rows:
        by_id[(network, stable_id)] = person_id
        if profile_url:
            by_url[_url_key(profile_url)] = person_id
    found: dict[tuple[int, int], list[Evidence]] = {}
    for person_id, network, _, _, links in rows:
        for url in links.split("\n") if links else ():
            profile = profile_of(url)
            target = by_url.get(_url_key(url))
            if target is None and profile is not None:
                target = by_id.get((profile.network, profile.stable_id))
            if target is None or target == person_id:
                continue
            pair = (min(person_id, target), max(person_id, target))
            why = Evidence("profile link", url, network)
            if why not in found.setdefault(pair, []):
                found[pair].append(why)
    return found


def merge_suggestions(session: Session) -> list[MergeSuggestion]:
    rows = session.execute(
        select(
            Person.id,
            Person.display_name,
            Identity.network,
            Identity.handle,
            Identity.stable_id,
            Identity.profile_url,
            Identity.links,
        )
        .join(Identity, Identity.person_id == Person.id)
        .where(Person.merged_into_id.is_(None))
    ).all()
    names: dict[int, str] = {}
    networks: dict[int, set[str]] = {}
    by_name: dict[str, set[int]] = {}
    by_handle: dict[str, set[int]] = {}
    for person_id, name, network, handle, *_ in rows:
        names[person_id] = name
        networks.setdefault(person_id, set()).add(network)
        folded = " ".join(fold(name).split())
        if len(folded.split()) >= 2:  # "Ana" alone says too little
            by_name.setdefault(folded, set()).add(person_id)
        key = _handle_key(handle or "")
        if len(key) >= 5:
            by_handle.setdefault(key, set()).add(person_id)
    # A profile's own link is evidence even across one network (two accounts of one
    # person): it comes first.
    evidence = _links([(r[0], r[2], r[4], r[5], r[6]) for r in rows])
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
    found.sort(
        key=lambda s: (
            s.evidence[0].kind != "profile link",
            -len(s.evidence),
            fold(s.name),
            s.person_id,
            s.other_id,
        )
    )
    return found[:MAX_SUGGESTIONS]


def decline(session: Session, person_id: int, other_id: int) -> None:
    """ "Not the same person": never suggest this pair again."""
    pair = sorted((person_id, other_id))
    declined = [list(p) for p in get_setting(session, "merge_declined")]
    if pair not in declined:
        set_setting(session, "merge_declined", [*declined, pair])
