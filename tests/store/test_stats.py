"""person_stats stays equal to adding up the interactions, through ingest, merge, import."""

from factories import ANA, ANA_BSKY, BEN, NOW, add, ev
from factories import kept_totals as kept
from factories import recomputed_totals as recomputed
from sqlalchemy import select

from desktop.queries.people import merge
from desktop.store.models import Identity


def test_ingest_keeps_the_totals_exact_and_a_repeat_changes_nothing(store):
    events = [
        ev(ANA, "share", hours_ago=5),
        ev(ANA, "like", hours_ago=50),
        ev(BEN, "reply", hours_ago=1, direction="outbound"),
    ]
    add(store, *events)
    add(store, *events)  # the same batch again: all known
    add(store, ev(ANA, "quote", hours_ago=100))
    with store.session() as s:
        totals = kept(s)
        assert totals == recomputed(s)
        ana = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA.stable_id))
        assert totals[ana][:2] == (3, 0)
        assert totals[ana][3] == NOW.replace(hour=7)  # 5 hours before noon


def test_merge_moves_the_totals(store):
    add(store, ev(ANA, "share", hours_ago=5))
    add(
        store,
        ev(ANA_BSKY, "like", hours_ago=1),
        ev(ANA_BSKY, "follow", hours_ago=9),
        network="bluesky",
    )
    with store.session() as s:
        keep = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA.stable_id))
        other = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA_BSKY.stable_id))
        merge(s, keep, other)
        totals = kept(s)
        assert totals == recomputed(s)
        assert totals[keep][:2] == (3, 0) and other not in totals
