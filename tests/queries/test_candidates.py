import math
from datetime import timedelta

import pytest
from factories import ANA, ANA_BSKY, BEN, CLARA, NOW, add, add_links, ev, link
from sqlalchemy import select

from desktop.cli.format import reason
from desktop.core.errors import InvalidRequest, NotFound
from desktop.core.reasons import Reason, ReasonKind
from desktop.queries.candidates import ranked_candidates, score_candidate, set_candidate_state
from desktop.queries.people import merge
from desktop.store.models import Candidate, Identity
from desktop.store.settings import set_setting


def test_score_formula_and_its_explanation():
    score, why = score_candidate(
        title="Networking for introverts",
        summary="Difusión del trabajo ajeno",
        interests=["networking", "difusion", "gardening"],
        sharers=3,
        author_is_supporter=True,
        author="Ana García",
        age_days=3.0,
    )
    assert score == pytest.approx((1 + 2 * 2 + 1.5 * math.log(4) + 1.5) * 0.5)
    assert why == [
        Reason(ReasonKind.INTERESTS, ("networking", "difusion")),
        Reason(ReasonKind.NETWORK, count=3),
        Reason(ReasonKind.SUPPORTER, ("Ana García",)),
        Reason(ReasonKind.SEEN, count=3),
    ]
    assert [reason(r) for r in why] == [
        "matches your interests: networking, difusion",
        "shared by 3 people in your network",
        "by Ana García, one of your supporters",
        "seen 3 days ago",
    ]


def test_a_plain_fresh_link_scores_one_and_says_only_when_it_was_seen():
    assert score_candidate(
        title="x",
        summary="",
        interests=[],
        sharers=0,
        author_is_supporter=False,
        author="",
        age_days=0.2,
    ) == (pytest.approx(0.5 ** (0.2 / 3)), [Reason(ReasonKind.SEEN)])
    assert reason(Reason(ReasonKind.SEEN)) == "seen today"


def test_ranking_uses_interests_network_support_and_freshness(store):
    add(store, ev(ANA, "share", hours_ago=24))  # Ana supports me
    with store.session() as s:
        set_setting(s, "interests", ["networking", "difusión"])
    add_links(
        store,
        link("https://a.example/plain", title="Gardening tips", hours_ago=1),
        link("https://b.example/match", title="Difusion y comunidad", hours_ago=1),
        link("https://c.example/popular?utm_source=x", sharer=ANA, title="Tools", hours_ago=2),
        link("https://c.example/popular", sharer=BEN, hours_ago=3),
        link("https://c.example/popular?fbclid=1", sharer=CLARA, hours_ago=4),
        link("https://d.example/by-ana", author=ANA, title="Ana writes", hours_ago=1),
        link("https://e.example/old", title="Networking classic", hours_ago=24 * 12),
        link("https://f.example/ancient", title="Networking history", hours_ago=24 * 40),
    )
    with store.read() as s:
        ranked = ranked_candidates(s, now=NOW)
    assert [c.url for c in ranked] == [
        "https://c.example/popular",  # (1 + 1.5 ln 4) * decay(2h)
        "https://b.example/match",  # (1 + 2) * decay(1h)
        "https://d.example/by-ana",  # (1 + 1.5) * decay(1h)
        "https://a.example/plain",
        "https://e.example/old",  # (1 + 2) * 0.5**4
    ]  # 40 days old: out of the ranking window
    popular = ranked[0]
    assert popular.shared_by_count == 3
    assert popular.title == "Tools"
    assert reason(popular.reasons[0]) == "shared by 3 people in your network"
    assert reason(ranked[2].reasons[0]) == "by Ana García, one of your supporters"


def test_one_person_sharing_a_link_from_two_identities_counts_once(store):
    add_links(
        store,
        link("https://x.example/a", sharer=ANA, hours_ago=1),
        link("https://x.example/a", sharer=ANA_BSKY, hours_ago=1),
    )
    with store.session() as s:
        assert ranked_candidates(s, now=NOW)[0].shared_by_count == 2
        ana = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA.stable_id))
        other = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA_BSKY.stable_id))
        merge(s, ana, other)
        assert ranked_candidates(s, now=NOW)[0].shared_by_count == 1


def test_states_filter_the_list_and_saved_ones_never_age_out(store):
    add_links(
        store,
        link("https://x.example/new", hours_ago=1),
        link("https://x.example/skip", hours_ago=1),
        link("https://x.example/saved", hours_ago=24 * 60),
    )
    with store.session() as s:
        ids = {c.canonical_url.rsplit("/", 1)[1]: c.id for c in s.scalars(select(Candidate))}
        set_candidate_state(s, ids["skip"], "skipped", now=NOW)
        set_candidate_state(s, ids["saved"], "saved", now=NOW)
        assert [c.url for c in ranked_candidates(s, now=NOW)] == [
            "https://x.example/new",
            "https://x.example/saved",
        ]
        assert [c.state for c in ranked_candidates(s, now=NOW, states=("skipped",))] == ["skipped"]
        with pytest.raises(InvalidRequest, match="unknown candidate state"):
            set_candidate_state(s, ids["new"], "loved")
        with pytest.raises(NotFound):
            set_candidate_state(s, 12345, "saved")


def test_limit_and_as_json_shape(store):
    add_links(store, *[link(f"https://x.example/{n}", hours_ago=n) for n in range(1, 8)])
    with store.read() as s:
        ranked = ranked_candidates(s, limit=3, now=NOW - timedelta(hours=0))
    assert len(ranked) == 3
    assert set(ranked[0].as_json()) == {
        "candidate_id",
        "url",
        "title",
        "summary",
        "author",
        "shared_by_count",
        "score",
        "why",
        "state",
    }


def test_the_top_of_the_list_is_the_top_of_everything_scored(store):
    """Ranking stops reading once no older link could make the list: the list it gives
    must still be exactly the best of all of them, ties and states included."""
    import random

    rng = random.Random(7)
    people = [ANA, ANA_BSKY, BEN, CLARA]
    add(store, ev(BEN, "share", hours_ago=30))  # Ben supports me: his links get the bonus
    with store.session() as s:
        set_setting(s, "interests", ["networking", "difusión", "comunidad", "python"])
    words = ["networking", "difusion", "comunidad", "python", "gardening", "cooking"]
    events = []
    for n in range(400):
        url = f"https://x.example/{n}"
        hours = rng.choice([rng.uniform(0, 24 * 30), 24 * 5, 24 * 5])  # some exact ties
        title = " ".join(rng.sample(words, rng.randint(0, 3)))
        author = BEN if rng.random() < 0.1 else None
        events.append(link(url, title=title, author=author, hours_ago=hours))
        for sharer in rng.sample(people, rng.choice([0, 0, 1, 2, 4])):
            events.append(link(url, sharer=sharer, hours_ago=hours))
    add_links(store, *events)
    with store.session() as s:
        ids = sorted(s.scalars(select(Candidate.id)))
        for cid in rng.sample(ids, 40):
            set_candidate_state(s, cid, "saved", now=NOW)
    with store.read() as s:
        everything = ranked_candidates(s, limit=None, now=NOW)
        assert len(everything) == 400
        for limit in (1, 7, 50, 399):
            top = ranked_candidates(s, limit=limit, now=NOW)
            assert [(c.candidate_id, c.score, c.reasons) for c in top] == [
                (c.candidate_id, c.score, c.reasons) for c in everything[:limit]
            ]


def test_an_old_link_with_everything_going_for_it_still_beats_fresh_plain_ones(store):
    add(store, ev(BEN, "share", hours_ago=30))
    with store.session() as s:
        set_setting(s, "interests", ["networking", "difusión", "comunidad"])
    plain = [link(f"https://fresh.example/{n}", hours_ago=0.5) for n in range(60)]
    title = "Networking, difusión y comunidad"
    star = [
        link("https://old.example/star", title=title, author=BEN, hours_ago=24 * 10),
        *[link("https://old.example/star", sharer=p, hours_ago=24 * 10) for p in (ANA, ANA_BSKY)],
        *[link("https://old.example/star", sharer=p, hours_ago=24 * 10) for p in (BEN, CLARA)],
    ]
    add_links(store, *plain, *star)
    with store.read() as s:
        top = ranked_candidates(s, limit=50, now=NOW)
    # (1 + 3 * 2 + 1.5 ln 5 + 1.5) * 0.5 ** (10 / 3) = 1.08, above a fresh plain link's 0.99
    assert top[0].url == "https://old.example/star"
    assert top[0].score == pytest.approx((8.5 + 1.5 * math.log(5)) * 0.5 ** (10 / 3))
