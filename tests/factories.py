"""Small builders for hand-made test data, written through the real ingest path."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select, text

from desktop.core.events import Actor, CandidateEvent, Direction, InteractionEvent, Kind, Post
from desktop.store.ingest import ingest_candidates, ingest_interactions
from desktop.store.models import Account, PersonStats

NOW = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)

ANA = Actor("mastodon", "101", "@ana@social.example", "Ana García", "https://social.example/@ana")
BEN = Actor("mastodon", "102", "@ben@social.example", "Ben Carter", "https://social.example/@ben")
CLARA = Actor(
    "bluesky",
    "did:plc:clara",
    "clara.bsky.social",
    "Clara Núñez",
    "https://bsky.app/profile/clara.bsky.social",
)
DAN = Actor(
    "bluesky",
    "did:plc:dan",
    "dan.bsky.social",
    "Dan Ito",
    "https://bsky.app/profile/dan.bsky.social",
)
ANA_BSKY = Actor(
    "bluesky",
    "did:plc:ana",
    "ana.bsky.social",
    "Ana García",
    "https://bsky.app/profile/ana.bsky.social",
)

POST1 = Post("https://social.example/@me/1", "Networking is giving before asking", "en", "1")
POST2 = Post("https://social.example/@me/2", "Cómo difundir el trabajo de otros", "es", "2")


def account(session, network: str = "mastodon", handle: str = "@me@social.example") -> int:
    acc = Account(network=network, server_url="https://social.example", handle=handle)
    session.add(acc)
    session.flush()
    return acc.id


_counter = iter(range(1, 10_000_000))


def ev(
    actor: Actor,
    kind: str,
    *,
    hours_ago: float = 1,
    post: Post | None = POST1,
    direction: str = "inbound",
    external_id: str | None = None,
    now: datetime = NOW,
) -> InteractionEvent:
    return InteractionEvent(
        external_id=external_id or f"e{next(_counter)}",
        kind=Kind(kind),
        direction=Direction(direction),
        actor=actor,
        occurred_at=now - timedelta(hours=hours_ago),
        post=None if kind == "follow" else post,
    )


def add(store, *events: InteractionEvent, network: str = "mastodon") -> None:
    """Ingest events for one account (created on first use), in one transaction."""
    with store.session() as s:
        from sqlalchemy import select

        acc = s.scalar(select(Account.id).where(Account.network == network))
        acc = acc or account(s, network, handle=f"me-{network}")
        ingest_interactions(s, acc, list(events))


def link(
    url: str,
    *,
    sharer: Actor | None = None,
    hours_ago: float = 1,
    title: str = "",
    summary: str = "",
    author: Actor | None = None,
    source: str = "timeline",
    source_ref: str | None = None,
    now: datetime = NOW,
) -> CandidateEvent:
    return CandidateEvent(
        url=url,
        source=source,
        source_ref=source_ref or f"https://social.example/post/{next(_counter)}",
        seen_at=now - timedelta(hours=hours_ago),
        title=title,
        summary=summary,
        author=author,
        sharer=sharer,
    )


def add_links(store, *events: CandidateEvent) -> None:
    with store.session() as s:
        ingest_candidates(s, list(events))


def undone(session, change, read):
    """What `read(session)` sees after `change()`, the change then rolled back."""
    session.execute(text("SAVEPOINT undone"))
    try:
        change()
        return read(session)
    finally:
        session.execute(text("ROLLBACK TO SAVEPOINT undone"))


def kept_totals(session) -> dict[int, tuple]:
    """person_stats as ingest and merge kept it: person id -> (in, out, first, last)."""
    return {
        r.person_id: (r.inbound, r.outbound, r.first_at, r.last_at)
        for r in session.scalars(select(PersonStats))
    }


def recomputed_totals(session) -> dict[int, tuple]:
    """person_stats as adding up every interaction again makes it."""
    from desktop.store import stats

    return undone(session, lambda: stats.rebuild(session), kept_totals)
