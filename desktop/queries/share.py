"""Share posts: a candidate turned into a post that credits its author and whoever in my
network surfaced it, within the network's length rule — ready to copy, edit or post.
Nothing is posted here.

A share reads::

    “Networking is giving” by @ana@social.example
    https://a.example/networking
    via @ben@social.example

- **Credit**: "by @handle" when the author has an identity on the network the post is for
  (Mastodon ``@user@instance``, Bluesky ``@handle``), else "by Name" (the name the feed or
  page gave); no credit line when nobody is known.
- **Via**: the first person in my network who shared the link, "@handle" when they are on
  the same network, else their name; never the author themselves.
- **Length**: Mastodon counts every URL as ``url_length`` (23) and a mention without its
  domain, against ``max_chars`` (500 unless the instance allows more); Bluesky counts 300
  graphemes. When the post is too long the *title* is shortened with an ellipsis (word
  boundary first); the link and the credits are never dropped. If even a post without a
  title does not fit, the full text comes back with ``ok`` False and ``reason`` saying by
  how much, for the user to edit.

Marking a candidate shared (:func:`mark_shared`) counts as outbound support for its author
in the ledger: one outbound ``share`` interaction under the "manual" account, with the
external id ``share:<candidate id>`` so marking twice never counts twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import NotFound
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Post
from desktop.core.i18n import fill, tx
from desktop.core.length import (
    MASTODON_MAX_CHARS,
    MASTODON_URL_LENGTH,
    LengthCheck,
    LengthRule,
    check,
    rule_for,
)
from desktop.core.text import excerpt
from desktop.core.vocabulary import AccountState, CandidateState, Network
from desktop.queries.accounts import MANUAL_HANDLE, upsert_account
from desktop.queries.candidates import set_candidate_state
from desktop.queries.templates import credit_words
from desktop.store.ingest import ingest_interactions
from desktop.store.models import Account, Candidate, Identity, Person, Sighting, utcnow
from desktop.store.settings import draft_language

__all__ = [
    "MIN_TITLE",
    "POSTING_NETWORKS",
    "Marked",
    "ShareContext",
    "ShareDraft",
    "Sharer",
    "candidate_sharers",
    "compose_share",
    "mark_shared",
    "share_context",
    "share_external_id",
]

MIN_TITLE = 12  # a title cut shorter than this says nothing: leave it out instead
POSTING_NETWORKS = (Network.MASTODON, Network.BLUESKY)  # networks a share post is composed for


class Sharer(NamedTuple):
    """A person as credited in a share post: the identity's name, network and handle."""

    name: str
    network: str
    handle: str


class _Shareable(Protocol):
    title: str
    url: str
    author: str


@dataclass(frozen=True)
class ShareDraft:
    text: str
    length: LengthCheck  # as the network counts it; says by how much it is too long
    shortened: bool = False  # the title was shortened (or left out) to fit

    @property
    def used(self) -> int:
        return self.length.used

    @property
    def limit(self) -> int | None:  # None: no known limit on this network
        return self.length.limit

    @property
    def ok(self) -> bool:
        return self.length.ok

    @property
    def reason(self) -> str:  # plain English, "" when it fits (the window words its own)
        return self.length.reason

    def as_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "used": self.used,
            "limit": self.limit,
            "ok": self.ok,
            "reason": self.reason,
            "shortened": self.shortened,
        }


def _at(handle: str | None) -> str:
    handle = (handle or "").strip()
    if not handle:
        return ""
    return handle if handle.startswith("@") else "@" + handle


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def compose_share(
    candidate: _Shareable,
    *,
    network: str,
    author_handle: str | None = None,
    sharer_handle: str | None = None,
    sharer_name: str | None = None,
    max_chars: int = MASTODON_MAX_CHARS,
    url_length: int = MASTODON_URL_LENGTH,
    language: str = "en",
) -> ShareDraft:
    """A share post for ``candidate`` (anything with ``title``, ``url`` and ``author``).

    ``author_handle`` / ``sharer_handle`` are handles *on this network* (with or without
    the leading "@"); without one, the author's name and ``sharer_name`` are used.
    ``max_chars`` and ``url_length`` are the Mastodon instance's limits.
    """
    title = _one_line(candidate.title)
    url = (candidate.url or "").strip()
    by_word, via_word = credit_words(language)
    author = _at(author_handle) or _one_line(candidate.author)
    via = _at(sharer_handle) or _one_line(sharer_name)
    if via and via == author:
        via = ""  # "by @ana via @ana" says nothing

    def render(shown_title: str) -> str:
        if shown_title:
            head = f"“{shown_title}”" + (f" {by_word} {author}" if author else "")
        else:
            head = f"{by_word[:1].upper()}{by_word[1:]} {author}" if author else ""
        lines = [head, url, f"{via_word} {via}" if via else ""]
        return "\n".join(line for line in lines if line)

    rule = rule_for(network, mastodon_max=max_chars, url_length=url_length)

    def draft(text: str, shortened: bool = False) -> ShareDraft:
        return ShareDraft(text, check(text, rule), shortened)

    full = draft(render(title))
    if full.ok or not title:
        return full
    # The longest title excerpt that fits (excerpt lengths grow with the budget).
    best: ShareDraft | None = None
    low, high = MIN_TITLE, len(title) - 1
    while low <= high:
        middle = (low + high) // 2
        attempt = draft(render(excerpt(title, middle)), shortened=True)
        if attempt.ok:
            best, low = attempt, middle + 1
        else:
            high = middle - 1
    if best is not None:
        return best
    untitled = draft(render(""), shortened=True)
    return untitled if untitled.ok else full


# --- who to credit -------------------------------------------------------------------------


def _author_person_id(session: Session, candidate: Candidate) -> int | None:
    if candidate.author_identity_id is None:
        return None
    return session.scalar(
        select(Identity.person_id).where(Identity.id == candidate.author_identity_id)
    )


def _candidate(session: Session, candidate_id: int) -> Candidate:
    candidate = session.get(Candidate, candidate_id)
    if candidate is None:
        raise NotFound(fill(tx("Errors", "no candidate with id %1"), candidate_id))
    return candidate


def candidate_sharers(session: Session, candidate_id: int) -> list[Sharer]:
    """Who in my network shared this candidate, the first to surface it first; one entry
    per identity (a person on two networks may appear twice), the author left out."""
    candidate = _candidate(session, candidate_id)
    author_person = _author_person_id(session, candidate)
    first_seen = func.min(Sighting.seen_at).label("first_seen")
    rows = session.execute(
        select(
            Identity.person_id,
            Identity.display_name,
            Identity.network,
            Identity.handle,
            Person.display_name.label("person_name"),
            first_seen,
        )
        .join(Sighting, Sighting.sharer_identity_id == Identity.id)
        .join(Person, Person.id == Identity.person_id)
        .where(Sighting.candidate_id == candidate_id)
        .group_by(
            Identity.id,
            Identity.person_id,
            Identity.display_name,
            Identity.network,
            Identity.handle,
            Person.display_name,
        )
        .order_by(first_seen, Identity.id)
    ).all()
    return [
        Sharer(r.display_name or r.person_name or r.handle, r.network, r.handle)
        for r in rows
        if author_person is None or r.person_id != author_person
    ]


@dataclass(frozen=True)
class ShareContext:
    """What the share composer needs to know about a candidate beyond its ranked row."""

    candidate_id: int
    author: list[Sharer] = field(default_factory=list)  # the author's identities, any network
    sharers: list[Sharer] = field(default_factory=list)  # see candidate_sharers
    networks: list[str] = field(default_factory=list)  # where I can post: my accounts first
    language: str = "en"  # of the credit words: the default_language setting
    # What my Mastodon server allows (max characters, characters per URL), as it said.
    mastodon_limits: tuple[int, int] = (MASTODON_MAX_CHARS, MASTODON_URL_LENGTH)

    def rule(self, network: str) -> LengthRule | None:
        """The length rule a post on ``network`` is held to: the one the server enforces."""
        max_chars, url_length = self.mastodon_limits
        return rule_for(network, mastodon_max=max_chars, url_length=url_length)

    def check(self, text: str, network: str) -> LengthCheck:
        return check(text, self.rule(network))

    def compose(self, candidate: _Shareable, network: str) -> ShareDraft:
        """The credited share post of ``candidate`` for ``network``, within its limit."""
        max_chars, url_length = self.mastodon_limits
        return compose_share(
            candidate,
            network=network,
            language=self.language,
            max_chars=max_chars,
            url_length=url_length,
            **self.credits(network),
        )

    def credits(self, network: str) -> dict[str, str | None]:
        """The keyword arguments of :func:`compose_share` for a post on ``network``."""
        author = next((a.handle for a in self.author if a.network == network and a.handle), None)
        on_network = next((s for s in self.sharers if s.network == network and s.handle), None)
        if on_network is not None:
            return {"author_handle": author, "sharer_handle": on_network.handle}
        first = self.sharers[0].name if self.sharers else None
        return {"author_handle": author, "sharer_handle": None, "sharer_name": first}


def share_context(session: Session, candidate_id: int) -> ShareContext:
    candidate = _candidate(session, candidate_id)
    author: list[Sharer] = []
    author_person = _author_person_id(session, candidate)
    if author_person is not None:
        identities = session.scalars(
            select(Identity).where(Identity.person_id == author_person).order_by(Identity.id)
        ).all()
        # The identity the candidate names first, then the person's others.
        identities = sorted(identities, key=lambda i: i.id != candidate.author_identity_id)
        author = [
            Sharer(i.display_name or candidate.author_name or i.handle, i.network, i.handle)
            for i in identities
        ]
    mine = session.scalars(
        select(Account.network)
        .where(Account.state != AccountState.REMOVED, Account.network.in_(POSTING_NETWORKS))
        .order_by(Account.id)
    ).all()
    networks = list(dict.fromkeys([*mine, *POSTING_NETWORKS]))
    language = draft_language(session)
    return ShareContext(
        candidate_id, author, candidate_sharers(session, candidate_id), networks, language
    )


# --- marking shared ------------------------------------------------------------------------


@dataclass(frozen=True)
class Marked:
    candidate_id: int
    person_id: int | None  # the author credited in the ledger; None when unknown
    counted: bool  # a new outbound share was recorded (False: no author, or counted before)


def share_external_id(candidate_id: int) -> str:
    return f"share:{candidate_id}"


def mark_shared(
    session: Session,
    candidate_id: int,
    *,
    network: str | None = None,
    now: datetime | None = None,
) -> Marked:
    """Set the candidate's state to shared and, when its author is a known identity, count
    one outbound share for them (once, however often this is called). ``network`` is where
    I shared it: the author's identity on that network is credited when they have one."""
    now = now or utcnow()
    candidate = _candidate(session, candidate_id)
    set_candidate_state(session, candidate_id, CandidateState.SHARED, now=now)
    if candidate.author_identity_id is None:
        return Marked(candidate_id, None, False)
    identity = session.get(Identity, candidate.author_identity_id)
    if identity is None:  # pragma: no cover - a foreign key keeps it
        return Marked(candidate_id, None, False)
    if network and identity.network != network:
        same_network = session.scalar(
            select(Identity)
            .where(Identity.person_id == identity.person_id, Identity.network == network)
            .order_by(Identity.id)
            .limit(1)
        )
        identity = same_network or identity
    actor = Actor(
        identity.network,
        identity.stable_id,
        identity.handle,
        identity.display_name,
        identity.profile_url,
    )
    account = upsert_account(
        session, Network.MANUAL, "", MANUAL_HANDLE, display_name="Manual entries"
    )
    event = InteractionEvent(
        external_id=share_external_id(candidate_id),
        kind=Kind.SHARE,
        direction=Direction.OUTBOUND,
        actor=actor,
        occurred_at=now,
        post=Post(url=candidate.canonical_url, text=candidate.title, language=candidate.language),
    )
    result = ingest_interactions(session, account.id, [event])
    return Marked(candidate_id, identity.person_id, result.new == 1)
