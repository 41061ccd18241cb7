from datetime import timedelta

from factories import ANA, ANA_BSKY, BEN, CLARA, DAN, NOW, POST1, add, ev
from sqlalchemy import select

from desktop.core.events import Post
from desktop.queries.ledger import list_people, person_ledger, quiet_supporters
from desktop.queries.people import acknowledge, merge
from desktop.store.models import Identity

THEIR_POST = Post("https://social.example/@ana/9", "Ana's essay", "es", "9")
DAY = 24


def pid(store, actor):
    with store.read() as s:
        return s.scalar(select(Identity.person_id).where(Identity.stable_id == actor.stable_id))


def test_ledger_counts_both_ways_per_window(store):
    add(
        store,
        ev(ANA, "share", hours_ago=2),
        ev(ANA, "like", hours_ago=10 * DAY),
        ev(ANA, "like", hours_ago=40 * DAY),
        ev(ANA, "quote", hours_ago=200 * DAY),
        ev(ANA, "follow", hours_ago=400 * DAY),
        ev(ANA, "like", hours_ago=5 * DAY, post=THEIR_POST, direction="outbound"),
        ev(ANA, "reply", hours_ago=100 * DAY, post=THEIR_POST, direction="outbound"),
    )
    with store.session() as s:
        acknowledge(
            s,
            pid(store, ANA),
            "thanked",
            how="reply",
            text="¡Gracias!",
            now=NOW - timedelta(days=3),
        )
        ledger = person_ledger(s, pid(store, ANA), now=NOW).as_json()
    assert ledger["ledger"] == {
        "30": {"inbound": {"share": 1, "like": 1}, "outbound": {"like": 1}},
        "90": {"inbound": {"share": 1, "like": 2}, "outbound": {"like": 1}},
        "365": {
            "inbound": {"share": 1, "quote": 1, "like": 2},
            "outbound": {"reply": 1, "like": 1},
        },
        "all": {
            "inbound": {"share": 1, "quote": 1, "like": 2, "follow": 1},
            "outbound": {"reply": 1, "like": 1},
        },
    }
    assert ledger["first_interaction_at"] == (NOW - timedelta(hours=400 * DAY)).isoformat()
    assert ledger["last_interaction_at"] == (NOW - timedelta(hours=2)).isoformat()
    assert ledger["last_thanked"] == (NOW - timedelta(days=3)).isoformat()
    assert ledger["acknowledgements"] == [
        {
            "action": "thanked",
            "how": "reply",
            "text": "¡Gracias!",
            "at": (NOW - timedelta(days=3)).isoformat(),
            "snoozed_until": None,
            "member": "",
        }
    ]


def test_merging_combines_the_ledger_and_the_old_id_still_resolves(store):
    add(store, ev(ANA, "share", hours_ago=5), ev(ANA, "like", hours_ago=6))
    add(
        store,
        ev(ANA_BSKY, "like", hours_ago=1),
        ev(ANA_BSKY, "follow", hours_ago=2),
        network="bluesky",
    )
    keep, other = pid(store, ANA), pid(store, ANA_BSKY)
    with store.session() as s:
        acknowledge(s, other, "thanked", how="like", now=NOW - timedelta(days=1))
        merge(s, keep, other)
        via_old_id = person_ledger(s, other, now=NOW).as_json()
        ledger = person_ledger(s, keep, now=NOW).as_json()
    assert via_old_id == ledger
    assert ledger["person_id"] == keep
    assert ledger["merged_ids"] == [other]
    assert [i["network"] for i in ledger["identities"]] == ["mastodon", "bluesky"]
    assert ledger["ledger"]["all"]["inbound"] == {"share": 1, "like": 2, "follow": 1}
    assert ledger["last_thanked"] == (NOW - timedelta(days=1)).isoformat()
    with store.read() as s:
        assert [p.person_id for p in list_people(s)] == [keep]


def test_people_search_folds_accents_and_case_and_matches_word_starts(store):
    add(store, ev(ANA, "like"), ev(BEN, "like"), ev(CLARA, "like"), ev(DAN, "like"))
    with store.read() as s:

        def names(text):
            return [p.name for p in list_people(s, search=text)]

        assert names("nunez") == ["Clara Núñez"]
        assert names("CLARA") == ["Clara Núñez"]
        assert names("carter") == ["Ben Carter"]
        assert names("dan.bsky") == ["Dan Ito"]
        assert names("ben@") == ["Ben Carter"]
        assert names("arter") == []
        assert names("100%") == []
        assert len(names("")) == 4


def test_people_list_is_most_recently_active_first_with_totals(store):
    add(
        store,
        ev(ANA, "like", hours_ago=3),
        ev(BEN, "share", hours_ago=1),
        ev(BEN, "like", hours_ago=4, direction="outbound", post=THEIR_POST),
    )
    with store.read() as s:
        rows = [(p.name, p.inbound, p.outbound) for p in list_people(s)]
        assert rows == [("Ben Carter", 1, 1), ("Ana García", 1, 0)]
        assert [p.name for p in list_people(s, limit=1, offset=1)] == ["Ana García"]


def test_quiet_supporters_are_those_without_recent_word_from_me(store):
    add(
        store,
        ev(ANA, "share", hours_ago=2 * DAY),
        ev(ANA, "like", hours_ago=3 * DAY),
        ev(BEN, "share", hours_ago=1 * DAY),
        ev(BEN, "like", hours_ago=2 * DAY, direction="outbound", post=THEIR_POST),
        ev(CLARA, "quote", hours_ago=5 * DAY),
        ev(DAN, "share", hours_ago=45 * DAY),  # too long ago to count
        ev(DAN, "follow", hours_ago=1 * DAY),  # a follow is not support
    )
    with store.session() as s:
        acknowledge(s, pid(store, CLARA), "thanked", now=NOW - timedelta(days=1))
        assert quiet_supporters(s, now=NOW) == [(pid(store, ANA), "Ana García", 2)]
        assert quiet_supporters(s, days=60, now=NOW) == [
            (pid(store, ANA), "Ana García", 2),
            (pid(store, DAN), "Dan Ito", 1),
        ]


def test_ledger_of_someone_i_only_supported(store):
    add(store, ev(BEN, "share", hours_ago=1, post=POST1, direction="outbound"))
    with store.read() as s:
        ledger = person_ledger(s, pid(store, BEN), now=NOW).as_json()
    assert ledger["ledger"]["30"] == {"inbound": {}, "outbound": {"share": 1}}
    assert ledger["last_thanked"] is None


def test_history_lists_both_directions_newest_first(store):
    from desktop.queries.history import person_history

    add(
        store,
        ev(ANA, "share", hours_ago=5),
        ev(ANA, "like", hours_ago=1, post=THEIR_POST, direction="outbound"),
    )
    with store.session() as s:
        acknowledge(s, pid(store, ANA), "thanked", now=NOW)
        items = [(i.kind, i.direction, i.acknowledged) for i in person_history(s, pid(store, ANA))]
    assert items == [("like", "outbound", False), ("share", "inbound", True)]


def test_pages_read_from_the_far_end_are_the_same_pages(store):
    """With the total known, pages in the second half are read in reverse order: they must
    be exactly the pages the forward read gives, ties, people with no interactions yet
    (a link's author), searches and an excluded person included."""
    from factories import link

    from desktop.core.events import Actor
    from desktop.queries.ledger import count_people
    from desktop.store.ingest import ingest_candidates

    people = [Actor("mastodon", f"m{i}", f"@m{i}@x.example", f"Marta {i}", "") for i in range(23)]
    # Every third person at the same time as the one before: ties broken by id.
    add(store, *[ev(p, "like", hours_ago=1 + i - (i % 3 == 2)) for i, p in enumerate(people)])
    authors = [Actor("mastodon", f"a{i}", f"@a{i}@x.example", f"Marta A{i}", "") for i in range(5)]
    with store.session() as s:
        ingest_candidates(
            s, [link(f"https://x.example/{i}", author=a) for i, a in enumerate(authors)]
        )
    with store.read() as s:
        excluded = list_people(s, limit=1, offset=4)[0].person_id
        for search, exclude in (
            (None, None),
            ("marta", None),
            (None, excluded),
            ("mart", excluded),
        ):
            forward = list_people(s, search=search, exclude_id=exclude)
            total = count_people(s, search=search, exclude_id=exclude)
            assert total == len(forward) == 28 - (exclude is not None)
            assert forward[-1].last_interaction_at is None  # authors only: at the end
            for size in (1, 4, 7, 200):
                paged = []
                for offset in range(0, total, size):
                    paged += list_people(
                        s, search=search, exclude_id=exclude, offset=offset, limit=size, total=total
                    )
                assert [p.person_id for p in paged] == [p.person_id for p in forward]
