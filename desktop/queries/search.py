"""Archive search: every interaction ever stored, found by the words of the post it concerns
and by the person's names and handles, accents and case folded, newest first, paged.

Each word searched for must start a word of the post, or of one of the person's names or
handles: "ana difus" finds Ana's interactions about "difusión", and anyone's post with
both words. Words of three characters or more match word starts ("difus" finds
"difusión"); shorter ones match whole words, so "a" is not every word with an a. A person
is found by their names and handles on every identity, and by the names of the people
merged into them. How each backend answers quickly: search_plans.py.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from typing import Any

from sqlalchemy import Integer, bindparam, select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest
from desktop.core.events import Kind, Network
from desktop.core.i18n import fill, tx
from desktop.core.text import fold, snippet
from desktop.queries.search_plans import MAX_TERMS, Filters, Mode, backend_for
from desktop.store.models import Identity, Person

MAX_TEXT = 200  # characters searched for at most
MAX_WORDS = MAX_TERMS
MAX_LIMIT = 500
SNIPPET = 160  # characters of the post shown with a result

_WORD = re.compile(r"[^\W_]+")
_STAMP = "%Y%m%dT%H%M%S.%fZ"


@dataclass(frozen=True)
class SearchCursor:
    """Where a page ended: the next page has what is older (by time, then id)."""

    occurred_at: datetime
    interaction_id: int

    def token(self) -> str:
        return f"{self.occurred_at.astimezone(UTC).strftime(_STAMP)}-{self.interaction_id}"

    @classmethod
    def parse(cls, token: str) -> SearchCursor:
        """The cursor a page's ``next`` token names; InvalidRequest for anything else."""
        stamp, _, number = token.strip().partition("-")
        try:
            at = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
            interaction_id = int(number)
        except ValueError:
            raise InvalidRequest(
                fill(
                    tx("Errors", "%1 is not a search page (give the “next” of a search)"),
                    repr(token),
                )
            ) from None
        return cls(at, interaction_id)


@dataclass(frozen=True)
class SearchHit:
    interaction_id: int
    occurred_at: datetime
    kind: str
    direction: str
    network: str
    person_id: int
    name: str
    handle: str
    post_url: str
    snippet: str

    def as_json(self) -> dict[str, Any]:
        return {
            "interaction_id": self.interaction_id,
            "occurred_at": self.occurred_at.isoformat(),
            "kind": self.kind,
            "direction": self.direction,
            "network": self.network,
            "person_id": self.person_id,
            "name": self.name,
            "handle": self.handle,
            "post_url": self.post_url,
            "snippet": self.snippet,
        }


@dataclass(frozen=True)
class SearchPage:
    text: str
    words: list[str]
    hits: list[SearchHit]
    next: SearchCursor | None  # None: this was the last page
    mode: str = field(default="", compare=False)  # how it was answered (tests, benchmark)

    def as_json(self) -> dict[str, Any]:
        return {
            "query": self.text,
            "words": self.words,
            "results": [hit.as_json() for hit in self.hits],
            "next": self.next.token() if self.next else None,
        }


def search_words(text: str) -> list[str]:
    """The words of a search: runs of letters and digits, in order, each once (folded).
    Everything else (quotes, ``*``, parentheses, punctuation) only separates words, so no
    input is ever full-text syntax: "NEAR" and "OR" are words like any other."""
    words: list[str] = []
    seen: set[str] = set()
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        key = fold(word)
        if key and key not in seen:
            seen.add(key)
            words.append(word)
    return words


def search_interactions(
    session: Session,
    text: str,
    *,
    kind: str | None = None,
    network: str | None = None,
    since: date | datetime | None = None,
    limit: int = 50,
    before: SearchCursor | None = None,
    mode: Mode = "auto",
) -> SearchPage:
    """A page of the interactions matching ``text``, newest first; ``before``: the ``next``
    of the previous page. ``since`` as a date: from the start of that day, local time.
    InvalidRequest for a search without words or too long, an unknown kind or network.
    ``mode`` is for tests: one of the two ways of answering, forced (search_plans.py)."""
    words = _checked_words(text)
    filters = Filters(
        kind=_checked(kind, [str(k) for k in Kind], tx("Errors", "unknown kind %1; use one of %2")),
        network=_checked(
            network, [str(n) for n in Network], tx("Errors", "unknown network %1; use one of %2")
        ),
        since=_since(since),
        before=(before.occurred_at, before.interaction_id) if before else None,
    )
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidRequest(fill(tx("Errors", "the limit must be from 1 to %1"), MAX_LIMIT))
    backend = backend_for(session)
    terms = backend.terms(words)
    if not terms:
        return SearchPage(text, words, [], None, "none")
    rows, used = backend.search(terms, filters, limit + 1, mode)
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if more else None
    cursor = SearchCursor(last.occurred_at, last.id) if last is not None else None
    return SearchPage(text, words, _hits(session, rows, words), cursor, used)


def _checked_words(text: str) -> list[str]:
    if not text.strip():
        raise InvalidRequest(tx("Errors", "nothing to search for: type a word or a name"))
    if len(text) > MAX_TEXT:
        raise InvalidRequest(
            fill(tx("Errors", "the search is too long: at most %1 characters"), MAX_TEXT)
        )
    words = search_words(text)
    if not words:
        raise InvalidRequest(
            fill(tx("Errors", "nothing to search for in %1: type letters or digits"), repr(text))
        )
    if len(words) > MAX_WORDS:
        raise InvalidRequest(
            fill(tx("Errors", "too many words: search with at most %1"), MAX_WORDS)
        )
    return words


def _checked(value: str | None, known: list[str], message: str) -> str | None:
    if not value:
        return None
    if value not in known:
        raise InvalidRequest(fill(message, repr(value), ", ".join(known)))
    return value


def _since(since: date | datetime | None) -> datetime | None:
    if since is None:
        return None
    if isinstance(since, datetime):
        if since.tzinfo is None:
            raise InvalidRequest(tx("Errors", "a search's start time needs a time zone"))
        return since.astimezone(UTC)
    return datetime.combine(since, time.min).astimezone().astimezone(UTC)  # local midnight


def _hits(session: Session, rows: Sequence[Any], words: list[str]) -> list[SearchHit]:
    identity_ids = sorted({row.identity_id for row in rows})
    people: dict[int, tuple[int, str, str]] = {}
    if identity_ids:
        found = session.execute(
            select(Identity.id, Identity.person_id, Identity.handle, Person.display_name)
            .join(Person, Person.id == Identity.person_id)
            .where(Identity.id.in_(bindparam("ids", identity_ids, expanding=True, type_=Integer)))
        )
        people = {iid: (pid, name, handle) for iid, pid, handle, name in found}
    hits = []
    for row in rows:
        person_id, name, handle = people.get(row.identity_id, (0, "", ""))
        hits.append(
            SearchHit(
                interaction_id=row.id,
                occurred_at=row.occurred_at,
                kind=str(row.kind),
                direction=str(row.direction),
                network=str(row.network),
                person_id=person_id,
                name=name,
                handle=handle,
                post_url=row.post_url,
                snippet=snippet(row.post_text or "", words, SNIPPET),
            )
        )
    return hits
