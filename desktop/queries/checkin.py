"""The daily check-in: who to thank and what to share today, and how far along it is.

Progress lives in the store (setting "checkin_state"), so closing the window and coming back
later the same day resumes where it stopped; a new day starts afresh. Finished days are kept
(setting "checkin_history") for the streak: "5 days in a row".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from desktop.core.vocabulary import AckAction, CandidateState
from desktop.queries.candidates import RankedCandidate, ranked_candidates
from desktop.queries.pending import pending
from desktop.queries.pending_views import PendingPerson
from desktop.store.settings import get_setting, set_setting

# Besides the answers to a person, the check-in has its own "liked" (back) and "skipped".
PERSON_OUTCOMES = (AckAction.THANKED, "liked", "skipped", AckAction.SNOOZED, AckAction.DISMISSED)
CANDIDATE_OUTCOMES = (CandidateState.SHARED, CandidateState.SAVED, CandidateState.SKIPPED)
HISTORY_DAYS = 400


@dataclass
class Progress:
    day: date
    people: dict[int, str] = field(default_factory=dict)  # person id -> outcome
    candidates: dict[int, str] = field(default_factory=dict)  # candidate id -> outcome
    plan_people: list[int] = field(default_factory=list)  # today's people, in order
    plan_candidates: list[int] = field(default_factory=list)
    finished: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "people": {str(k): v for k, v in self.people.items()},
            "candidates": {str(k): v for k, v in self.candidates.items()},
            "plan_people": self.plan_people,
            "plan_candidates": self.plan_candidates,
            "finished": self.finished,
        }

    @property
    def thanked(self) -> int:
        return sum(1 for v in self.people.values() if v in (AckAction.THANKED, "liked"))

    @property
    def shared(self) -> int:
        return sum(1 for v in self.candidates.values() if v == CandidateState.SHARED)


@dataclass
class Plan:
    progress: Progress
    people: list[PendingPerson]  # still waiting today, in the order planned
    candidates: list[RankedCandidate]
    streak: int


def load_progress(session: Session, today: date) -> Progress:
    raw = get_setting(session, "checkin_state") or {}
    if raw.get("date") != today.isoformat():
        return Progress(today)
    try:
        return Progress(
            day=today,
            people={int(k): str(v) for k, v in raw.get("people", {}).items()},
            candidates={int(k): str(v) for k, v in raw.get("candidates", {}).items()},
            plan_people=[int(x) for x in raw.get("plan_people", [])],
            plan_candidates=[int(x) for x in raw.get("plan_candidates", [])],
            finished=bool(raw.get("finished", False)),
        )
    except (TypeError, ValueError, AttributeError):
        return Progress(today)  # an unreadable state is today's fresh start, not an error


def save_progress(session: Session, progress: Progress) -> None:
    set_setting(session, "checkin_state", progress.as_json())


def plan(
    session: Session,
    today: date,
    *,
    save: bool = True,
    waiting_list: list[PendingPerson] | None = None,
) -> Plan:
    """Today's people and candidates. The plan is fixed the first time it is made each day,
    so the check-in does not shift under the user; people answered elsewhere drop out.
    ``save=False`` makes it as it would be, fixing nothing (a first screen made ahead).
    ``waiting_list``: today's pending list, when the caller has read it already."""
    progress = load_progress(session, today)
    if waiting_list is None:
        waiting_list = pending(session, today=today)
    waiting = {p.person_id: p for p in waiting_list}
    open_candidates = {c.candidate_id: c for c in ranked_candidates(session, limit=200)}
    if not progress.plan_people and not progress.plan_candidates and not progress.people:
        n_people = int(get_setting(session, "checkin_people"))
        n_shares = int(get_setting(session, "checkin_shares"))
        progress.plan_people = list(waiting)[:n_people]
        progress.plan_candidates = list(open_candidates)[:n_shares]
        if save:
            save_progress(session, progress)
    # Thanked today (here or elsewhere) means no longer pending: they drop out of the list.
    people = [waiting[pid] for pid in progress.plan_people if pid in waiting]
    candidates = [
        open_candidates[cid] for cid in progress.plan_candidates if cid in open_candidates
    ]
    return Plan(progress, people, candidates, streak(session, today))


def record(
    session: Session,
    today: date,
    *,
    person_id: int | None = None,
    candidate_id: int | None = None,
    outcome: str,
) -> Progress:
    progress = load_progress(session, today)
    if person_id is not None:
        if outcome not in PERSON_OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        progress.people[person_id] = outcome
    if candidate_id is not None:
        if outcome not in CANDIDATE_OUTCOMES:
            raise ValueError(f"unknown outcome {outcome!r}")
        progress.candidates[candidate_id] = outcome
    save_progress(session, progress)
    return progress


def finish(session: Session, today: date) -> Progress:
    progress = load_progress(session, today)
    progress.finished = True
    save_progress(session, progress)
    history = [d for d in get_setting(session, "checkin_history") if isinstance(d, str)]
    if today.isoformat() not in history:
        history.append(today.isoformat())
    set_setting(session, "checkin_history", sorted(history)[-HISTORY_DAYS:])
    return progress


def streak(session: Session, today: date) -> int:
    """Days in a row, ending today or yesterday, with a finished check-in."""
    days = set()
    for value in get_setting(session, "checkin_history"):
        try:
            days.add(date.fromisoformat(value))
        except (TypeError, ValueError):
            continue
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count
