"""What should I share? Candidates ranked by interest, network signal, support and freshness.

score = (1 + interest + network + supporter) * freshness, where
- interest  = 2 per interest keyword found in title or summary (accents and case folded),
              at most 3 keywords counted;
- network   = 1.5 * ln(1 + distinct people in my network who shared the same URL);
- supporter = 1.5 when the author is one of my supporters (inbound support in 90 days);
- freshness = 0.5 ** (age in days / 3), age from the last time the link was seen.
Each factor that counted is named in the candidate's "why this".
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, and_, func, or_, select, update
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest, NotFound
from desktop.core.events import Direction
from desktop.core.i18n import fill, tx
from desktop.core.reasons import Reason, ReasonKind
from desktop.core.text import keyword_matcher, keyword_matches
from desktop.core.vocabulary import OPEN_STATES, CandidateState
from desktop.store.models import Candidate, Identity, Interaction, utcnow
from desktop.store.settings import get_setting

STATES = tuple(CandidateState)
INTEREST_WEIGHT = 2.0
MAX_KEYWORDS = 3
NETWORK_WEIGHT = 1.5
SUPPORTER_BONUS = 1.5
HALF_LIFE_DAYS = 3.0
SUPPORTER_DAYS = 90
RANK_WINDOW_DAYS = 30  # older unsaved candidates have decayed to nothing worth ranking
CHUNK = 250  # rows read (and their authors looked up) at a time: past the first few
# hundred, most rows are passed over, so a smaller chunk reads fewer of them for nothing


@dataclass
class RankedCandidate:
    candidate_id: int
    url: str
    title: str
    summary: str
    author: str
    shared_by_count: int
    score: float
    reasons: tuple[Reason, ...]  # the factors that counted, the strongest first
    state: CandidateState
    last_seen_at: datetime

    def as_json(self) -> dict[str, Any]:
        """``why`` holds the reasons as data; the CLI words them (desktop/cli/format.py)."""
        return {
            "candidate_id": self.candidate_id,
            "url": self.url,
            "title": self.title,
            "summary": self.summary,
            "author": self.author,
            "shared_by_count": self.shared_by_count,
            "score": round(self.score, 4),
            "why": [r.as_json() for r in self.reasons],
            "state": self.state,
        }


def _days(delta: timedelta) -> float:
    return max(delta.total_seconds(), 0.0) / 86400


def score_candidate(
    *,
    title: str,
    summary: str,
    interests: list[str],
    sharers: int,
    author_is_supporter: bool,
    author: str,
    age_days: float,
    matched: list[str] | None = None,
) -> tuple[float, list[Reason]]:
    """The ranking formula on plain values, so it can be tested and explained alone.
    `matched` (interest keywords already found) skips matching the text again."""
    why: list[Reason] = []
    if matched is None:
        matched = keyword_matches(interests, f"{title}\n{summary}")
    matched = matched[:MAX_KEYWORDS]
    if matched:
        why.append(Reason(ReasonKind.INTERESTS, tuple(matched)))
    if sharers:
        why.append(Reason(ReasonKind.NETWORK, count=sharers))
    if author_is_supporter:
        why.append(Reason(ReasonKind.SUPPORTER, (author,) if author else ()))
    why.append(Reason(ReasonKind.SEEN, count=0 if age_days < 1 else round(age_days)))
    return _score(len(matched), sharers, author_is_supporter, age_days), why


def _score(matched: int, sharers: int, supporter: bool, age_days: float) -> float:
    """The formula itself, on counts: what score_candidate explains, what ranking computes
    for every row it reads, and (every factor at its best) the bound that stops it."""
    interest = INTEREST_WEIGHT * min(matched, MAX_KEYWORDS)
    network = NETWORK_WEIGHT * math.log1p(sharers)
    bonus = SUPPORTER_BONUS if supporter else 0.0
    return float((1.0 + interest + network + bonus) * 0.5 ** (age_days / HALF_LIFE_DAYS))


def _listed(states: tuple[str, ...], recent: datetime) -> ColumnElement[bool]:
    """Which candidates a list covers: each state on its own, so (state, last_seen_at) is
    one index range. Only the open list ages out; saved, shared, skipped stay findable."""
    parts = [
        and_(Candidate.state == state, Candidate.last_seen_at >= recent)
        if state == CandidateState.NEW
        else Candidate.state == state
        for state in states
    ]
    return or_(*parts) if len(parts) > 1 else parts[0]


def _upper_bound(interests: int, sharers: int, age_days: float) -> float:
    """The highest score a candidate this old, shared this often, could reach: every
    interest matched and its author a supporter."""
    return _score(interests, sharers, True, age_days)


def ranked_candidates(
    session: Session,
    *,
    limit: int | None = 50,
    states: tuple[str, ...] = OPEN_STATES,
    now: datetime | None = None,
) -> list[RankedCandidate]:
    """The best `limit` candidates. Freshness halves every three days and the other factors
    are bounded, so each state is read newest first and only until nothing older could
    still make the list: on a heavy store that is a few hundred rows, not every open link."""
    now = now or utcnow()
    interests = list(get_setting(session, "interests"))
    matcher = keyword_matcher(interests)
    recent = now - timedelta(days=RANK_WINDOW_DAYS)
    kept: list[tuple[Any, ...]] = []  # a heap: the weakest of the best at kept[0]
    for state in states:
        _rank_state(session, _listed((state,), recent), kept, limit, matcher, len(interests), now)
    kept.sort(key=lambda e: e[:3], reverse=True)  # best first; ties: newer, then lower id
    # Only the candidates shown need their long fields.
    shown = [-e[2] for e in kept]
    details = {}
    for start in range(0, len(shown), 400):
        for row in session.execute(
            select(Candidate.id, Candidate.canonical_url, Candidate.title, Candidate.summary).where(
                Candidate.id.in_(shown[start : start + 400])
            )
        ):
            details[row.id] = row
    out = []
    for score, _seen, _id, (matched, supporter, age), r in kept:
        _, why = score_candidate(
            title="",
            summary="",
            interests=[],
            sharers=r.sharer_count,
            author_is_supporter=supporter,
            author=r.author_name,
            age_days=age,
            matched=matched,
        )
        row = details[r.id]
        out.append(
            RankedCandidate(
                r.id,
                row.canonical_url,
                row.title,
                row.summary,
                r.author_name,
                r.sharer_count,
                score,
                tuple(why),
                r.state,
                r.last_seen_at,
            )
        )
    return out


def _rank_state(
    session: Session,
    listed: ColumnElement[bool],
    kept: list[tuple[Any, ...]],
    limit: int | None,
    matcher: Any,
    interests: int,
    now: datetime,
) -> None:
    """Score one state's candidates into `kept`, newest first, until no older one can
    enter the list. A row that could not enter even with every interest matching and its
    author a supporter is passed over before its text is matched or its author looked up,
    and the reasons are worded only for rows that enter."""
    most_sharers = session.scalar(select(func.max(Candidate.sharer_count)).where(listed)) or 0
    rows = session.execute(
        select(
            Candidate.id,
            Candidate.author_name,
            Candidate.author_identity_id,
            Candidate.state,
            Candidate.last_seen_at,
            Candidate.sharer_count,
            Candidate.search_text,
        )
        .where(listed)
        .order_by(Candidate.last_seen_at.desc()),
        execution_options={"yield_per": CHUNK},
    )
    try:
        for chunk in rows.partitions():
            full = limit is not None and len(kept) >= limit
            worst = kept[0][0] if full else 0.0  # only rises while the chunk is scored
            hopeful, done = [], False
            for r in chunk:
                age = _days(now - r.last_seen_at)
                if full and _upper_bound(interests, most_sharers, age) < worst:
                    done = True  # older rows only get weaker
                    break
                if not full or _upper_bound(interests, r.sharer_count, age) >= worst:
                    hopeful.append((r, age))
            _score_into(kept, limit, hopeful, matcher, _supporter_identities(session, hopeful, now))
            if done:
                break
    finally:
        rows.close()


def _score_into(
    kept: list[tuple[Any, ...]],
    limit: int | None,
    hopeful: list[tuple[Any, float]],
    matcher: Any,
    supporters: set[int],
) -> None:
    """Each row's score into the heap, with what its reasons are worded from once shown."""
    for r, age in hopeful:
        matched = matcher(r.search_text)[:MAX_KEYWORDS]
        supporter = r.author_identity_id in supporters
        score = _score(len(matched), r.sharer_count, supporter, age)
        entry = (score, r.last_seen_at.timestamp(), -r.id, (matched, supporter, age), r)
        if limit is None or len(kept) < limit:
            heapq.heappush(kept, entry)
        elif entry[:3] > kept[0][:3]:
            heapq.heapreplace(kept, entry)


def _supporter_identities(
    session: Session, hopeful: list[tuple[Any, ...]], now: datetime
) -> set[int]:
    """Of these rows' author identities, those whose person supported me recently."""
    identity_ids = {r.author_identity_id for r, *_ in hopeful if r.author_identity_id}
    if not identity_ids:
        return set()
    since = now - timedelta(days=SUPPORTER_DAYS)
    author_person = {
        iid: pid
        for iid, pid in session.execute(
            select(Identity.id, Identity.person_id).where(Identity.id.in_(identity_ids))
        )
    }
    supporting = set(
        session.scalars(
            select(Identity.person_id)
            .join(Interaction, Interaction.identity_id == Identity.id)
            .where(
                Identity.person_id.in_(set(author_person.values())),
                Interaction.direction == Direction.INBOUND,
                Interaction.occurred_at >= since,
            )
            .distinct()
        )
    )
    return {iid for iid, pid in author_person.items() if pid in supporting}


def set_candidate_state(
    session: Session, candidate_id: int, state: CandidateState | str, *, now: datetime | None = None
) -> None:
    if state not in STATES:
        raise InvalidRequest(
            fill(
                tx("Errors", "unknown candidate state %1; use one of %2"),
                repr(state),
                ", ".join(STATES),
            )
        )
    done = session.execute(
        update(Candidate)
        .where(Candidate.id == candidate_id)
        .values(state=state, state_changed_at=now or utcnow())
    )
    if done.rowcount == 0:  # type: ignore[attr-defined]  # an UPDATE gives a CursorResult
        raise NotFound(fill(tx("Errors", "no candidate with id %1"), candidate_id))
