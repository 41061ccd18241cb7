"""Posts of mine that several pending people shared: who is in each group, in what order."""

from datetime import timedelta

import pytest
from factories import ANA, BEN, CLARA, DAN, NOW, POST1, POST2, add, ev

from desktop.core.events import Actor, Post
from desktop.core.groups import check_group_parts, mentioned_in, shared_post_groups
from desktop.core.length import check, rule_for
from desktop.queries.pending import PendingPerson, PendingPost, pending
from desktop.queries.people import acknowledge

EVE = Actor("mastodon", "105", "@eve@other.example", "Eve Okafor", "https://other.example/@eve")
MY_BSKY_POST = Post(
    "https://bsky.app/profile/me.bsky.social/post/3kabc",
    "Small teams ship faster",
    "en",
    "at://did:plc:me/app.bsky.feed.post/3kabc",
)


def groups(store, **kw):
    with store.read() as s:
        return shared_post_groups(pending(s, today=NOW.date(), **kw))


def test_two_people_who_shared_the_same_post_make_a_group(store):
    add(
        store,
        ev(ANA, "share", hours_ago=3),
        ev(BEN, "share", hours_ago=1),
        ev(EVE, "share", hours_ago=2, post=POST2),
    )
    (group,) = groups(store)
    assert group.post_url == POST1.url
    assert group.post_text == "Networking is giving before asking"
    assert group.network == "mastodon"
    assert group.remote_id == "1"
    assert group.language == "en"
    assert group.names == ["Ben Carter", "Ana García"]  # the pending list's order
    assert len(group.person_ids) == group.size == 2
    assert group.last_at == NOW - timedelta(hours=1)
    assert group.counts[group.person_ids[0]] == {"share": 1}


def test_a_quote_counts_like_a_share(store):
    add(store, ev(ANA, "quote", hours_ago=2), ev(BEN, "share", hours_ago=1))
    (group,) = groups(store)
    assert group.names == ["Ben Carter", "Ana García"]


def test_people_who_only_liked_or_replied_are_not_in_the_group(store):
    add(
        store,
        ev(ANA, "share", hours_ago=1),
        ev(BEN, "like", hours_ago=2),
        ev(EVE, "reply", hours_ago=3),
    )
    assert groups(store, thank_likes=True) == []


def test_one_person_sharing_a_post_twice_is_not_a_group(store):
    add(store, ev(ANA, "share", hours_ago=1), ev(ANA, "quote", hours_ago=2), ev(BEN, "mention"))
    assert groups(store) == []
    assert shared_post_groups([]) == []


def test_most_people_first_then_most_recent(store):
    add(
        store,
        # POST2: three people, long ago
        ev(ANA, "share", hours_ago=50, post=POST2),
        ev(BEN, "share", hours_ago=49, post=POST2),
        ev(EVE, "share", hours_ago=48, post=POST2),
        # POST1: two of them, just now
        ev(ANA, "share", hours_ago=2),
        ev(BEN, "share", hours_ago=1),
    )
    first, second = groups(store)
    assert (first.post_url, first.size) == (POST2.url, 3)
    assert (second.post_url, second.size) == (POST1.url, 2)


def test_between_groups_of_the_same_size_the_most_recent_comes_first(store):
    add(
        store,
        ev(ANA, "share", hours_ago=30, post=POST2),
        ev(BEN, "share", hours_ago=29, post=POST2),
        ev(ANA, "share", hours_ago=2),
        ev(EVE, "share", hours_ago=1),
    )
    assert [g.post_url for g in groups(store)] == [POST1.url, POST2.url]


def test_someone_already_thanked_leaves_the_group(store):
    add(store, ev(ANA, "share", hours_ago=2), ev(BEN, "share", hours_ago=1))
    (group,) = groups(store)
    with store.session() as s:
        acknowledge(s, group.person_ids[0], "thanked", how="reply", today=NOW.date())
    assert groups(store) == []


def test_a_bluesky_post_is_on_bluesky(store):
    add(
        store,
        ev(CLARA, "share", hours_ago=2, post=MY_BSKY_POST),
        ev(DAN, "share", hours_ago=1, post=MY_BSKY_POST),
        network="bluesky",
    )
    (group,) = groups(store)
    assert group.network == "bluesky"
    assert group.remote_id == MY_BSKY_POST.remote_id
    assert set(group.names) == {"Clara Núñez", "Dan Ito"}


def test_hand_made_pending_people_without_a_store():
    when = NOW - timedelta(hours=1)

    def person(pid, name, counts, *urls):
        posts = [PendingPost(url, f"text of {url}", when, "en", url[-1]) for url in urls]
        return PendingPerson(pid, name, [], counts, posts, when, None, 1, len(posts))

    people = [
        person(1, "Ana", {"share": 2}, "https://x.example/1", "https://x.example/2"),
        person(2, "Ben", {"share": 1, "like": 1}, "https://x.example/2"),
        person(3, "Cai", {"mention": 1}, "https://x.example/1"),  # no share: not in a group
        person(4, "Dee", {"quote": 1}, "https://x.example/2"),
    ]
    (group,) = shared_post_groups(people)
    assert group.post_url == "https://x.example/2"
    assert group.person_ids == [1, 2, 4]
    assert group.names == ["Ana", "Ben", "Dee"]
    assert group.network == ""  # nobody has an identity to tell


@pytest.mark.parametrize(
    ("text", "mention", "found"),
    [
        ("Thanks @ana@social.example and @ben@social.example!", "@ana@social.example", True),
        ("Thanks @ana@social.example.", "@ana@social.example", True),
        ("Thanks @ANA@Social.Example", "@ana@social.example", True),
        ("Thanks @ana@social.example.org", "@ana@social.example", False),
        ("Thanks @anabel@social.example", "@ana@social.example", False),
        ("Thanks x@ana@social.example", "@ana@social.example", False),
        ("Thanks @clara.bsky.social, @dan.bsky.social!", "@clara.bsky.social", True),
        ("Thanks @clara.bsky.social.eu", "@clara.bsky.social", False),
        ("Thank you Ana García and Ben Carter", "Ana García", True),
        ("Thank you Ana Garcías", "Ana García", False),
        ("anything", "", False),
    ],
)
def test_mentioned_in(text, mention, found):
    assert mentioned_in(text, mention) is found


MENTIONS = {1: "@ana@social.example", 2: "@ben@social.example", 3: "@clara@social.example"}


def test_a_group_check_says_whom_each_part_thanks_and_who_stays_waiting():
    checked = check_group_parts(
        ["Thanks @ana@social.example and @ben@social.example!", "And @ben@social.example"],
        MENTIONS,
    )
    assert [p.person_ids for p in checked.parts] == [[1, 2], []]  # Ben: by the first part
    assert checked.parts[1].thanks_nobody and not checked.ok
    assert checked.missing == [3]
    assert checked.parts[0].length is None and checked.parts[0].ok


def test_a_group_check_stops_empty_parts_and_parts_over_the_limit():
    rule = rule_for("mastodon")
    texts = ["  ", "@clara@social.example " + "x" * 600, "Thanks @ana@social.example"]
    checked = check_group_parts(texts, MENTIONS, [check(text, rule) for text in texts])
    empty, long, fine = checked.parts
    assert empty.empty and not empty.thanks_nobody and not empty.ok
    assert long.person_ids == [3] and not long.length.ok and not long.ok
    assert fine.ok and fine.length.ok
    assert not checked.ok and checked.missing == [2]
    assert not check_group_parts([], MENTIONS).ok
