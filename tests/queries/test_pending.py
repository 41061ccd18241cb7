from datetime import date, timedelta

import pytest
from factories import ANA, ANA_BSKY, BEN, CLARA, DAN, NOW, POST1, POST2, add, ev
from sqlalchemy import func, select

from desktop.core.errors import InvalidRequest, NotFound
from desktop.core.events import Post
from desktop.queries.pending import pending
from desktop.queries.people import acknowledge, merge
from desktop.store.models import Interaction, Person
from desktop.store.settings import set_setting

TODAY = NOW.date()


def summary(store, **kw):
    with store.session() as s:
        return [(p.name, p.priority, p.counts) for p in pending(s, today=TODAY, **kw)]


def person_id(store, name):
    with store.session() as s:
        return s.scalar(select(Person.id).where(Person.display_name == name))


@pytest.fixture
def network(store):
    add(
        store,
        ev(ANA, "like", hours_ago=1),
        ev(ANA, "share", hours_ago=30),
        ev(BEN, "reply", hours_ago=2),
        ev(BEN, "like", hours_ago=3, post=POST2),
        ev(CLARA, "quote", hours_ago=50, post=POST2),
        ev(DAN, "like", hours_ago=0.5),
        ev(DAN, "like", hours_ago=0.7, post=POST2),
    )
    add(store, ev(ANA_BSKY, "follow", hours_ago=4), network="bluesky")
    return store


def test_pending_is_ordered_by_priority_then_recency(network):
    assert summary(network) == [
        ("Ana García", 1, {"like": 1, "share": 1}),
        ("Clara Núñez", 1, {"quote": 1}),
        ("Ben Carter", 2, {"reply": 1, "like": 1}),
        ("Ana García", 3, {"follow": 1}),  # her Bluesky identity, not merged yet
    ]


def test_people_who_only_liked_need_thanks_only_when_the_setting_says_so(network):
    assert "Dan Ito" not in [name for name, _, _ in summary(network)]
    with network.session() as s:
        set_setting(s, "thank_likes", True)
    assert summary(network)[-2:] == [
        ("Dan Ito", 3, {"like": 2}),  # more recent than Ana's follow
        ("Ana García", 3, {"follow": 1}),
    ]


def test_entry_lists_the_posts_concerned_newest_first_without_duplicates(network):
    add(network, ev(BEN, "like", hours_ago=5, post=POST2))
    with network.session() as s:
        ben = next(p for p in pending(s, today=TODAY) if p.name == "Ben Carter")
    assert [(p.url, p.text) for p in ben.posts] == [
        (POST1.url, POST1.text),
        (POST2.url, POST2.text),
    ]
    assert ben.last_thanked is None
    assert ben.as_json()["identities"] == [
        {
            "network": "mastodon",
            "handle": "@ben@social.example",
            "url": "https://social.example/@ben",
        }
    ]


def test_a_busy_entry_lists_its_ten_newest_posts_and_counts_every_post(network):
    posts = [
        Post(f"https://social.example/@me/{n}", f"Post {n}", "en", str(n)) for n in range(100, 114)
    ]
    # 14 posts shared, the newest (100) twice; older ones first so ids do not give the order.
    add(network, *(ev(CLARA, "share", hours_ago=3 + n, post=p) for n, p in enumerate(posts)))
    add(network, ev(CLARA, "like", hours_ago=1, post=posts[0]))
    with network.session() as s:
        clara = next(p for p in pending(s, today=TODAY) if p.name == "Clara Núñez")
    assert [p.text for p in clara.posts] == [f"Post {n}" for n in range(100, 110)]
    assert clara.post_count == 15  # 14 shared, plus POST2 of her quote
    assert clara.counts == {"quote": 1, "share": 14, "like": 1}


def test_one_thank_you_covers_everything_pending_and_new_ones_are_pending_again(network):
    ana = person_id(network, "Ana García")
    with network.session() as s:
        acknowledge(s, ana, "thanked", how="reply", text="Thank you!", now=NOW)
    assert [n for n, _, _ in summary(network)][:2] == ["Clara Núñez", "Ben Carter"]

    add(network, ev(ANA, "mention", hours_ago=-1))
    with network.session() as s:
        entry = next(p for p in pending(s, today=TODAY) if p.person_id == ana)
    assert entry.counts == {"mention": 1}
    assert entry.last_thanked == NOW


def test_dismiss_clears_without_counting_as_a_thank_you(network):
    ben = person_id(network, "Ben Carter")
    with network.session() as s:
        acknowledge(s, ben, "dismissed", now=NOW)
        assert all(p.person_id != ben for p in pending(s, today=TODAY))
    add(network, ev(BEN, "share", hours_ago=-2))
    with network.session() as s:
        back = next(p for p in pending(s, today=TODAY) if p.person_id == ben)
    assert back.counts == {"share": 1}
    assert back.last_thanked is None


def test_snoozed_people_return_on_their_date_with_everything_they_had(network):
    clara = person_id(network, "Clara Núñez")
    until = TODAY + timedelta(days=7)
    with network.session() as s:
        acknowledge(s, clara, "snoozed", until=until, now=NOW, today=TODAY)
    add(network, ev(CLARA, "share", hours_ago=-1))  # arrives while snoozed: pending now
    with network.session() as s:
        during = next(p for p in pending(s, today=TODAY) if p.person_id == clara)
        after = next(p for p in pending(s, today=until) if p.person_id == clara)
    assert during.counts == {"share": 1}
    assert after.counts == {"quote": 1, "share": 1}


def test_thanking_a_snoozed_person_covers_the_snoozed_interactions_too(network):
    clara = person_id(network, "Clara Núñez")
    with network.session() as s:
        acknowledge(s, clara, "snoozed", until=TODAY + timedelta(days=2), now=NOW, today=TODAY)
        acknowledge(s, clara, "thanked", how="like", now=NOW)
        assert all(p.person_id != clara for p in pending(s, today=TODAY + timedelta(days=30)))


def test_merged_identities_are_one_pending_entry(network):
    ana, ana_bsky = person_id(network, "Ana García"), None
    with network.session() as s:
        ana_bsky = s.scalar(
            select(Person.id).where(Person.display_name == "Ana García", Person.id != ana)
        )
        merge(s, ana, ana_bsky)
    rows = summary(network)
    assert rows[0] == ("Ana García", 1, {"like": 1, "share": 1, "follow": 1})
    assert [name for name, _, _ in rows].count("Ana García") == 1
    with network.session() as s:  # nothing deleted
        assert s.scalar(select(func.count()).select_from(Person)) == 5
        assert s.scalar(select(func.count()).select_from(Interaction)) == 8


@pytest.mark.parametrize(
    ("args", "error", "message"),
    [
        (dict(action="thanked", how="carrier pigeon"), InvalidRequest, "unknown way"),
        (dict(action="applauded"), InvalidRequest, "unknown action"),
        (dict(action="snoozed"), InvalidRequest, "needs a date"),
        (dict(action="snoozed", until=date(2026, 11, 20)), InvalidRequest, "not in the future"),
    ],
)
def test_bad_acknowledgements_are_refused(network, args, error, message):
    ana = person_id(network, "Ana García")
    with network.session() as s, pytest.raises(error, match=message):
        acknowledge(s, ana, now=NOW, today=TODAY, **args)


def test_unknown_people_are_not_found(network):
    with network.session() as s, pytest.raises(NotFound, match="no person with id 999"):
        acknowledge(s, 999, "thanked")
    with network.session() as s, pytest.raises(InvalidRequest, match="already the same"):
        merge(s, 1, 1)
