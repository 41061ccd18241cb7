"""How much there is: the counts the window's status line and `reciprocity status` show.

One definition for both, so they agree: an account counts unless it was removed or is the
bucket of hand-logged interactions (not an account the user connected).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.events import Network
from desktop.core.vocabulary import OPEN_STATES, AccountState
from desktop.queries.pending import pending
from desktop.store.models import Account, Candidate, Person


@dataclass(frozen=True)
class Status:
    pending_people: int
    candidates: int
    people: int
    accounts: int
    last_sync: datetime | None


def count_people(session: Session) -> int:
    query = select(func.count()).select_from(Person).where(Person.merged_into_id.is_(None))
    return session.scalar(query) or 0


def count_accounts(session: Session) -> int:
    query = (
        select(func.count())
        .select_from(Account)
        .where(Account.state != AccountState.REMOVED, Account.network != Network.MANUAL)
    )
    return session.scalar(query) or 0


def status(session: Session) -> Status:
    return Status(
        pending_people=len(pending(session)),
        candidates=session.scalar(
            select(func.count()).select_from(Candidate).where(Candidate.state.in_(OPEN_STATES))
        )
        or 0,
        people=count_people(session),
        accounts=count_accounts(session),
        last_sync=session.scalar(
            select(func.max(Account.last_sync_at)).where(Account.state != AccountState.REMOVED)
        ),
    )
