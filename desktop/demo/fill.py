"""Fills an empty store: the people, the activity and the links come from the other modules;
here they are written through the same functions a real sync and a real user use."""

from __future__ import annotations

import random
from bisect import bisect_right
from collections import defaultdict
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.events import CandidateEvent, InteractionEvent, Network
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import AckAction, AckHow
from desktop.demo.activity import (
    Event,
    candidate_events,
    inbound_events,
    outbound_events,
    plan_acks,
)
from desktop.demo.content import (
    BLUESKY_HANDLE,
    BLUESKY_SERVER,
    DAYS,
    FEEDS,
    MASTODON_HANDLE,
    MASTODON_SERVER,
)
from desktop.demo.ids import did
from desktop.demo.people import make_my_posts, make_people
from desktop.queries.accounts import FEEDS_HANDLE, add_feed, upsert_account
from desktop.queries.people import acknowledge
from desktop.store.database import Store
from desktop.store.ingest import ingest_candidates, ingest_interactions
from desktop.store.models import Account, Acknowledgement, Candidate, Identity, Person
from desktop.store.settings import set_setting

__all__ = ["INTERESTS", "MAX_PEOPLE", "DemoError", "DemoSummary", "fill_demo"]

INTERESTS = ["networking", "open source", "comunidad", "difusión"]
MAX_PEOPLE = 2000


class DemoError(Exception):
    """The demo cannot be written here; the message says what to do instead."""


@dataclass(frozen=True)
class DemoSummary:
    people: int
    interactions: int
    candidates: int
    accounts: int
    thanked: int
    feeds: int = 0

    def as_json(self) -> dict[str, int]:
        return asdict(self)


def _has_data(session: Session) -> bool:
    return bool(
        session.scalar(select(func.count()).select_from(Person))
        or session.scalar(select(func.count()).select_from(Account))
    )


def _number(events: list[Event]) -> None:
    """External ids like a sync would have: unique per account, oldest first."""
    counters: dict[str, int] = defaultdict(int)
    for e in sorted(events, key=lambda e: (e.at, e.person.index, e.direction, e.kind)):
        network = e.person.network
        counters[network] += 1
        prefix = "m" if network == Network.MASTODON else "b"
        e.external_id = f"demo-{prefix}-{counters[network]}"


def _by_account(events: list[Event], accounts: dict[str, int]) -> dict[int, list[InteractionEvent]]:
    out: dict[int, list[InteractionEvent]] = defaultdict(list)
    for e in sorted(events, key=lambda e: (e.at, e.person.index, e.direction, e.kind)):
        out[accounts[e.person.network]].append(
            InteractionEvent(
                external_id=e.external_id,
                kind=e.kind,
                direction=e.direction,
                actor=e.person.actor,
                occurred_at=e.at,
                post=e.post,
                via=e.via.actor if e.via else None,
            )
        )
    return out


def fill_demo(
    store: Store, *, people: int = 60, seed: int = 7, now: datetime | None = None
) -> DemoSummary:
    """Fill an empty store with demo data in one transaction (all or nothing); the same
    seed and `now` give the same store."""
    if not 1 <= people <= MAX_PEOPLE:
        raise DemoError(
            fill(tx("Demo", "the demo makes between 1 and %1 people, not %2"), MAX_PEOPLE, people)
        )
    now = datetime.now(UTC) if now is None else now
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    now = now.astimezone(UTC).replace(microsecond=0)
    rng = random.Random(seed)

    my_did = did(rng)
    crowd = make_people(rng, people)
    posts = make_my_posts(rng, now, my_did)
    inbound, top, quiet = inbound_events(rng, crowd, posts, now)
    outbound = outbound_events(rng, crowd, inbound, now)
    _number(inbound + outbound)
    acks = plan_acks(rng, crowd, inbound, [top, quiet], now)
    feed_events, timeline = candidate_events(rng, crowd, now)

    with store.session() as s:
        if _has_data(s):
            raise DemoError(
                tx("Demo", "this store already has data; use an empty --data-dir for the demo")
            )
        created = now - timedelta(days=DAYS + 20)
        rows = {
            Network.MASTODON: upsert_account(
                s,
                Network.MASTODON,
                MASTODON_SERVER,
                MASTODON_HANDLE,
                display_name="You",
                stable_id=str(rng.randrange(10**17, 10**18)),
            ),
            Network.BLUESKY: upsert_account(
                s,
                Network.BLUESKY,
                BLUESKY_SERVER,
                BLUESKY_HANDLE,
                display_name="You",
                stable_id=my_did,
            ),
            Network.FEED: upsert_account(s, Network.FEED, "", FEEDS_HANDLE, display_name="Feeds"),
        }
        for account in rows.values():  # as if it had been connected a while ago, synced now
            account.last_sync_at, account.created_at = now, created
        accounts = {str(k): v.id for k, v in rows.items()}
        for spec in FEEDS:
            feed, _ = add_feed(s, spec.url, title=spec.title, account=rows[Network.FEED])
            feed.site_url, feed.last_fetched_at, feed.created_at = spec.site_url, now, created
        set_setting(s, "interests", INTERESTS)

        # Each person's interactions up to an acknowledgement, then the acknowledgement, then
        # what came after: the same order a real user would have produced them in.
        segments: dict[int, list[Event]] = defaultdict(list)
        for e in inbound:
            times = [a.at for a in acks.get(e.person.index, [])]
            segments[bisect_right(times, e.at)].append(e)
        segments[0].extend(outbound)
        rounds = max((len(v) for v in acks.values()), default=0)
        written = 0
        for step in range(rounds + 1):
            for account_id, batch in _by_account(segments[step], accounts).items():
                written += ingest_interactions(s, account_id, batch).new
            if step == rounds:
                break
            wanted = [crowd[i].actor.stable_id for i, a in acks.items() if len(a) > step]
            person_of = {
                stable_id: person_id
                for stable_id, person_id in s.execute(
                    select(Identity.stable_id, Identity.person_id).where(
                        Identity.stable_id.in_(wanted)
                    )
                )
            }
            for index, plan in acks.items():
                if len(plan) <= step:
                    continue
                ack = plan[step]
                acknowledge(
                    s,
                    person_of[crowd[index].actor.stable_id],
                    ack.action,
                    how=AckHow.REPLY if ack.action == AckAction.THANKED else "",
                    text=ack.text,
                    until=(now + timedelta(days=ack.until_days)).date()
                    if ack.action == AckAction.SNOOZED
                    else None,
                    now=ack.at,
                    today=now.date(),
                )

        ingest_candidates(s, feed_events, account_id=accounts[Network.FEED])
        per_network: dict[str, list[CandidateEvent]] = defaultdict(list)
        for event in timeline:
            per_network[event.sharer.network if event.sharer else Network.FEED].append(event)
        for network, shared in per_network.items():
            ingest_candidates(s, shared, account_id=accounts[network])

        return DemoSummary(
            people=s.scalar(select(func.count()).select_from(Person)) or 0,
            interactions=written,
            candidates=s.scalar(select(func.count()).select_from(Candidate)) or 0,
            accounts=len(rows),
            thanked=s.scalar(
                select(func.count(func.distinct(Acknowledgement.person_id))).where(
                    Acknowledgement.action == AckAction.THANKED
                )
            )
            or 0,
            feeds=len(FEEDS),
        )
