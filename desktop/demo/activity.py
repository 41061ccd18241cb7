"""The simulation: who did what to my posts and when, what I did to theirs, whom I thanked,
dismissed or snoozed, and the links worth sharing as feeds and timelines show them."""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TypeVar

from desktop.core.events import CandidateEvent, Direction, Kind, Network, Post
from desktop.core.vocabulary import AckAction
from desktop.demo.content import (
    AUTHOR_TITLES,
    CANDIDATE_DAYS,
    DAYS,
    FEED_ARTICLES,
    FEEDS,
    INBOUND_MIX,
    OUTBOUND_MIX,
    THANKS,
    TIMELINE_ARTICLES,
    TRACKING,
    Article,
)
from desktop.demo.people import MyPost, Person, their_post

T = TypeVar("T")


_TOKEN = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-"


@dataclass
class Event:
    at: datetime
    person: Person
    kind: Kind
    direction: Direction
    post: Post | None = None
    post_key: int | None = None  # index of my post, for inbound events
    via: Person | None = None
    external_id: str = ""


@dataclass
class Ack:
    at: datetime
    action: AckAction
    text: str = ""
    until_days: int = 0


def _secs(seconds: float) -> timedelta:
    return timedelta(seconds=int(seconds))


def _weighted_distinct(
    rng: random.Random, items: Sequence[T], weights: Sequence[float], k: int
) -> list[T]:
    """k distinct items, drawn with probability proportional to weight."""
    pool = list(zip(items, weights, strict=True))
    out: list[T] = []
    while pool and len(out) < k:
        total = sum(w for _, w in pool)
        pick = rng.uniform(0, total)
        for i, (item, w) in enumerate(pool):
            pick -= w
            if pick <= 0 or i == len(pool) - 1:
                out.append(item)
                del pool[i]
                break
    return out


def _after(rng: random.Random, start: datetime, latest: datetime, mean_hours: float) -> datetime:
    """A reaction time after `start`: mostly soon, sometimes days later, never after latest."""
    span = (latest - start).total_seconds()
    if span <= 60:
        return latest
    delay = rng.expovariate(1 / (mean_hours * 3600)) if rng.random() < 0.85 else span
    if delay >= span:
        delay = rng.uniform(60, span)
    return start + _secs(delay)


def inbound_events(
    rng: random.Random, people: list[Person], posts: list[MyPost], now: datetime
) -> tuple[list[Event], Person, Person | None]:
    latest = now - timedelta(minutes=5)
    total = round(len(people) * rng.uniform(9, 11))
    events: list[Event] = []
    used: set[tuple[int, Kind, int]] = set()

    def add(person: Person, kind: Kind, recent: bool = False) -> bool:
        candidates = [
            i
            for i, p in enumerate(posts)
            if (person.index, kind, i) not in used or kind in (Kind.REPLY, Kind.MENTION)
        ]
        if recent:
            candidates = candidates[-3:]
        if not candidates:
            return False
        weights = [3.0 if posts[i].language == person.language else 1.0 for i in candidates]
        i = rng.choices(candidates, weights)[0]
        used.add((person.index, kind, i))
        at = _after(rng, posts[i].at, latest, 10 if kind == Kind.LIKE else 18)
        events.append(
            Event(at, person, kind, Direction.INBOUND, posts[i].on[person.network], post_key=i)
        )
        return True

    for kind, share in INBOUND_MIX.items():
        if kind in (Kind.SHARE, Kind.QUOTE):
            weights = [p.share_weight for p in people]
        elif kind == Kind.LIKE:
            weights = [p.activity for p in people]
        else:
            weights = [p.activity * (1 + 3 * p.share_weight) for p in people]
        for person in rng.choices(people, weights, k=max(1, round(total * share))):
            add(person, kind)
    for person in people:
        if rng.random() < 0.75:
            at = now - timedelta(days=DAYS) + _secs(rng.uniform(0, DAYS * 86400 - 600))
            events.append(Event(at, person, Kind.FOLLOW, Direction.INBOUND))

    mine = defaultdict(list)
    for e in events:
        mine[e.person.index].append(e)
    for person in people:
        if not mine[person.index]:  # everyone in the demo did something for me
            add(person, Kind.LIKE)
    # Guarantees the demo relies on: the top sharer shared something, and one person who
    # never shares replied (so the pending list shows both priority 1 and priority 2).
    top = max(people, key=lambda p: (p.share_weight, -p.index))
    if not any(e.kind == Kind.SHARE for e in mine[top.index]):
        add(top, Kind.SHARE, recent=True)
    quiet = next((p for p in people if p.share_weight == 0), None)
    if quiet and not any(e.kind in (Kind.REPLY, Kind.MENTION) for e in mine[quiet.index]):
        add(quiet, Kind.REPLY, recent=True)

    # Bluesky tells who reposted what a like came through.
    shares = defaultdict(list)
    for e in events:
        if e.kind == Kind.SHARE and e.person.network == Network.BLUESKY:
            shares[e.post_key].append(e)
    for e in events:
        if e.kind == Kind.LIKE and e.person.network == Network.BLUESKY and rng.random() < 0.3:
            earlier = [s.person for s in shares[e.post_key] if s.at < e.at and s.person != e.person]
            if earlier:
                e.via = rng.choice(earlier)
    return events, top, quiet


def outbound_events(
    rng: random.Random, people: list[Person], inbound: list[Event], now: datetime
) -> list[Event]:
    latest = now - timedelta(minutes=5)
    received: defaultdict[int, int] = defaultdict(int)
    for e in inbound:
        received[e.person.index] += 1
    weights = [(received[p.index] + 1) * p.activity for p in people]
    total = round(len(people) * rng.uniform(3.5, 4.5))
    events: list[Event] = []
    followed: set[int] = set()
    for kind, share in OUTBOUND_MIX.items():
        for person in rng.choices(people, weights, k=max(1, round(total * share))):
            posted = now - timedelta(days=DAYS) + _secs(rng.uniform(0, DAYS * 86400 - 3600))
            at = _after(rng, posted, latest, 8)
            if kind == Kind.FOLLOW:
                if person.index not in followed:
                    followed.add(person.index)
                    events.append(Event(at, person, kind, Direction.OUTBOUND))
                continue
            events.append(
                Event(at, person, kind, Direction.OUTBOUND, their_post(rng, person, posted))
            )
    return events


def _thank_text(rng: random.Random, person: Person) -> str:
    return rng.choice(THANKS[person.language]).format(first=person.first)


def plan_acks(
    rng: random.Random,
    people: list[Person],
    events: list[Event],
    exclude: list[Person | None],
    now: datetime,
) -> dict[int, list[Ack]]:
    latest = now - timedelta(minutes=1)
    inbound: dict[int, list[Event]] = defaultdict(list)
    for e in sorted(events, key=lambda e: e.at):
        if e.direction == Direction.INBOUND:
            inbound[e.person.index].append(e)
    skip = {p.index for p in exclude if p}
    # People one would thank first: those who shared the most.
    eligible = [p for p in people if p.index not in skip and len(inbound[p.index]) >= 2]
    eligible.sort(key=lambda p: (-p.share_weight - rng.random() * 0.2, p.index))
    n = len(people)
    n_thanked = min(len(eligible), max(1, round(n * 0.3))) if n >= 3 else 0
    n_dismissed = min(2 if n >= 40 else 1 if n >= 10 else 0, len(eligible) - n_thanked)
    n_snoozed = min(1 if n >= 6 else 0, len(eligible) - n_thanked - n_dismissed)
    thanked = eligible[:n_thanked]
    rest = eligible[n_thanked:]
    rng.shuffle(rest)
    others = rest[: n_dismissed + n_snoozed]
    acks: dict[int, list[Ack]] = {}

    def caught_up(person: Person) -> datetime:
        last = inbound[person.index][-1].at
        at = last + _secs(rng.uniform(1800, 36 * 3600))
        if at > latest:  # caught up on something that happened only just now
            at = last + _secs((latest - last).total_seconds() * rng.uniform(0.3, 0.9))
        return at

    for number, person in enumerate(thanked):
        mine = inbound[person.index]
        # Some were thanked a while ago and have done more since; others are caught up.
        newer = [
            (prev, e)
            for prev, e in zip(mine, mine[1:], strict=False)
            if e.kind not in (Kind.LIKE, Kind.FOLLOW) and e.at - prev.at >= timedelta(minutes=2)
        ]
        if newer and (number == 0 or rng.random() < 0.5):
            prev, e = rng.choice(newer[-3:])
            at = prev.at + _secs((e.at - prev.at).total_seconds() * rng.uniform(0.2, 0.8))
        else:
            at = caught_up(person)
        plan = [Ack(at, AckAction.THANKED, _thank_text(rng, person))]
        before = [e for e in mine if e.at < at]
        if len(before) >= 4 and rng.random() < 0.35:  # and once before that, too
            half = len(before) // 2
            a, b = before[half - 1].at, before[half].at
            if b - a >= timedelta(minutes=2):
                earlier = a + _secs((b - a).total_seconds() / 2)
                plan.insert(0, Ack(earlier, AckAction.THANKED, _thank_text(rng, person)))
        acks[person.index] = plan
    for number, person in enumerate(others):
        if number < n_dismissed:
            acks[person.index] = [Ack(caught_up(person), AckAction.DISMISSED)]
        else:
            at = max(caught_up(person), now - _secs(rng.uniform(86400, 3 * 86400)))
            acks[person.index] = [Ack(at, AckAction.SNOOZED, until_days=rng.randrange(3, 8))]
    return acks


def _tracked(rng: random.Random, url: str, tracking: str) -> str:
    if "youtube.com" in url:
        tracking = "si=" + "".join(rng.choice(_TOKEN[:-2]) for _ in range(16))
    if not tracking:
        return url
    tracking = tracking.replace("{token}", "IwAR" + "".join(rng.choice(_TOKEN) for _ in range(52)))
    return f"{url}{'&' if '?' in url else '?'}{tracking}"


def candidate_events(
    rng: random.Random, people: list[Person], now: datetime
) -> tuple[list[CandidateEvent], list[CandidateEvent]]:
    """(feed events, timeline events)."""
    latest = now - timedelta(minutes=5)
    weights = [0.3 + p.activity + 4 * p.share_weight for p in people]
    feed_events: list[CandidateEvent] = []
    timeline: list[CandidateEvent] = []

    def when() -> datetime:
        return now - timedelta(days=CANDIDATE_DAYS) + _secs(rng.uniform(0, CANDIDATE_DAYS * 86400))

    def shared(
        article: Article, url: str, seen: datetime, count: int, author: Person | None = None
    ) -> None:
        sharers = _weighted_distinct(rng, people, weights, count)
        if author is not None:
            sharers = [author] + [p for p in sharers if p is not author][: count - 1]
        for number, person in enumerate(sharers):
            at = min(seen + _secs(rng.uniform(0, 2 * 86400)) if number else seen, latest)
            tracking = TRACKING[number % len(TRACKING)] if number else rng.choice(TRACKING[:3])
            link = _tracked(rng, url, tracking)
            post = their_post(rng, person, at, f"{article.title} {link}")
            timeline.append(
                CandidateEvent(
                    url=link,
                    source="timeline",
                    source_ref=post.url,
                    seen_at=at,
                    title=article.title,
                    summary=article.summary,
                    author_name=article.author,
                    author=author.actor if author else None,
                    sharer=person.actor,
                    language=article.language,
                    published_at=seen - _secs(rng.uniform(3600, 3 * 86400)),
                )
            )

    for article in FEED_ARTICLES:
        spec = FEEDS[article.feed or 0]
        published = when() - _secs(rng.uniform(600, 6 * 3600))
        url = article.url.replace("{date}", published.strftime("%Y/%m"))
        seen = min(published + _secs(rng.uniform(300, 4 * 3600)), latest)
        feed_events.append(
            CandidateEvent(
                url=f"{url}?{article.feed_tracking}" if article.feed_tracking else url,
                source="feed",
                source_ref=spec.url,
                seen_at=seen,
                title=article.title,
                summary=article.summary,
                author_name=spec.author,
                language=article.language,
                published_at=published,
            )
        )
        if article.sharers:
            shared(article, url, seen, min(article.sharers, len(people)))
    for article in TIMELINE_ARTICLES:
        shared(article, article.url, when(), min(article.sharers, len(people)))

    # People in my network write too: their posts get the supporter bonus.
    authors = rng.sample(people, min(5, len(people) // 4 + 1))
    titles = {lang: rng.sample(options, len(options)) for lang, options in AUTHOR_TITLES.items()}
    for person in authors:
        if not titles[person.language]:
            continue
        slug, title, summary = titles[person.language].pop()
        article = Article(
            f"https://{person.blog}/{slug}/", title, summary, person.language, person.name
        )
        count = min(rng.randrange(1, 4), len(people))
        shared(article, article.url, when(), count, author=person)
    return feed_events, timeline
