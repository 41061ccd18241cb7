"""The one sentence a notification says after a sync: exact strings."""

from datetime import timedelta

import pytest
from factories import ANA, ANA_BSKY, BEN, CLARA, DAN, NOW, add, ev
from sqlalchemy import func, select

from desktop.core import i18n
from desktop.core.events import Actor, Post
from desktop.queries.notices import Notice, reminder, summarize_new
from desktop.queries.people import acknowledge, merge
from desktop.store.models import Identity, Interaction
from desktop.store.settings import set_setting

EVA = Actor("mastodon", "105", "@eva@social.example", "Eva Lind", "https://social.example/@eva")
GIVING = Post(
    "https://social.example/@me/10",
    "Networking is giving https://example.org/giving #networking #community",
    "en",
    "10",
)
OTHER = Post("https://social.example/@me/11", "Credit the people you learn from", "en", "11")
LONG = Post(
    "https://social.example/@me/12",
    "A long thread about why amplifying the good work of others is the best networking there is",
    "en",
    "12",
)


def new_ids(store) -> list[int]:
    with store.read() as s:
        return list(s.scalars(select(Interaction.id)))


def summary(store, ids=None, **kw) -> Notice | None:
    with store.read() as s:
        return summarize_new(s, new_ids(store) if ids is None else ids, now=NOW, **kw)


def person_of(store, actor) -> int:
    with store.read() as s:
        return s.scalar(select(Identity.person_id).where(Identity.stable_id == actor.stable_id))


def test_one_share_names_the_person_and_the_post(store):
    add(store, ev(ANA, "share", post=GIVING))
    notice = summary(store)
    assert notice == Notice(
        "New support",
        "Ana shared your post 'Networking is giving'",
        (person_of(store, ANA),),
    )


def test_three_people_sharing_one_post(store):
    add(
        store,
        ev(BEN, "share", post=GIVING, hours_ago=3),
        ev(ANA, "share", post=GIVING, hours_ago=1),  # the most recent is named
        ev(CLARA, "share", post=GIVING, hours_ago=2),
    )
    notice = summary(store)
    assert notice.body == "Ana and 2 others shared your post 'Networking is giving'"
    assert notice.title == "New support from 3 people"
    assert notice.person_ids == tuple(person_of(store, a) for a in (ANA, CLARA, BEN))


def test_mixed_kinds_and_posts_name_two_and_count_the_rest(store):
    add(
        store,
        ev(DAN, "mention", hours_ago=1),
        ev(CLARA, "reply", hours_ago=2),
        ev(BEN, "share", post=OTHER, hours_ago=4),
        ev(ANA, "quote", post=GIVING, hours_ago=3),
        ev(EVA, "follow", hours_ago=0.5),
    )
    notice = summary(store)
    # Shares and quotes first (most recent first), then mentions and replies, then follows.
    assert notice.body == "Ana, Ben and 3 others amplified you"
    assert notice.title == "New support from 5 people"
    assert notice.person_ids == tuple(person_of(store, a) for a in (ANA, BEN, DAN, CLARA, EVA))


def test_two_people_are_both_named(store):
    add(store, ev(BEN, "reply", hours_ago=2), ev(ANA, "reply", hours_ago=1))
    assert summary(store).body == "Ana and Ben replied to you"


def test_four_people_name_two(store):
    add(store, *(ev(a, "mention", hours_ago=h) for h, a in enumerate((ANA, BEN, CLARA, DAN))))
    assert summary(store).body == "Ana, Ben and 2 others mentioned you"


@pytest.mark.parametrize(
    ("kind", "body"),
    [
        ("mention", "Ana mentioned you"),
        ("reply", "Ana replied to you"),
        ("quote", "Ana quoted you"),
        ("follow", "Ana followed you"),
    ],
)
def test_kinds_without_my_post(store, kind, body):
    add(store, ev(ANA, kind, post=GIVING))
    assert summary(store).body == body


def test_several_posts_of_mine_are_counted(store):
    add(
        store,
        ev(ANA, "share", post=GIVING, hours_ago=1),
        ev(ANA, "share", post=OTHER, hours_ago=2),
        ev(ANA, "share", post=LONG, hours_ago=3),
    )
    notice = summary(store)
    assert notice.body == "Ana shared 3 of your posts"
    assert notice.title == "New support"


def test_a_long_post_is_shortened_at_a_word(store):
    add(store, ev(ANA, "share", post=LONG))
    assert summary(store).body == "Ana shared your post 'A long thread about why amplifying the…'"


def test_a_post_behind_a_content_warning_is_not_quoted(store):
    cw = Post("https://social.example/@me/13", "CW: politics\n\nSomething heated", "en", "13")
    add(store, ev(ANA, "share", post=cw))
    assert summary(store).body == "Ana shared your post"


def test_likes_alone_say_nothing_unless_likes_need_thanks(store):
    add(store, ev(ANA, "like", post=GIVING), ev(BEN, "like", post=GIVING))
    assert summary(store) is None
    with store.session() as s:
        set_setting(s, "thank_likes", True)
    assert summary(store).body == "Ana and Ben liked your post 'Networking is giving'"


def test_likes_next_to_shares_are_left_out(store):
    add(store, ev(BEN, "like", post=GIVING, hours_ago=0.5), ev(ANA, "share", post=GIVING))
    notice = summary(store)
    assert notice.body == "Ana shared your post 'Networking is giving'"
    assert notice.person_ids == (person_of(store, ANA),)


def test_one_person_on_two_networks_is_one_person(store):
    add(store, ev(ANA, "share", post=GIVING))
    add(store, ev(ANA_BSKY, "share", post=GIVING, hours_ago=2), network="bluesky")
    with store.session() as s:
        merge(s, person_of(store, ANA), person_of(store, ANA_BSKY))
    notice = summary(store)
    assert notice.body == "Ana shared your post 'Networking is giving'"
    assert notice.title == "New support"


def test_only_the_ids_given_count(store):
    add(store, ev(ANA, "share", post=GIVING))
    first = new_ids(store)
    add(store, ev(BEN, "reply"))
    later = sorted(set(new_ids(store)) - set(first))
    assert summary(store, later).body == "Ben replied to you"


def test_nothing_to_say(store):
    assert summary(store, []) is None
    add(store, ev(ANA, "share", direction="outbound"))  # what I did
    add(store, ev(BEN, "share", hours_ago=24 * 30))  # history from a first sync
    add(store, ev(CLARA, "share"))
    with store.session() as s:
        acknowledge(s, person_of(store, CLARA), "thanked", how="reply", now=NOW)  # answered
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 3
    assert summary(store) is None


def test_recent_means_the_last_week(store):
    add(store, ev(ANA, "share", post=GIVING, hours_ago=24 * 6))
    assert summary(store) is not None
    with store.read() as s:
        later = NOW + timedelta(days=2)
        assert summarize_new(s, new_ids(store), now=later) is None


def test_every_text_goes_through_the_translator(store):
    add(store, ev(ANA, "share", post=GIVING), ev(BEN, "share", post=GIVING))
    spanish = {
        ("%1 and %2", -1): "%1 y %2",
        ("%1 shared your post '%2'", 1): "%1 compartió tu publicación «%2»",
        ("%1 shared your post '%2'", 2): "%1 compartieron tu publicación «%2»",
        ("New support from %n people", 2): "Nuevo apoyo de %n personas",
    }
    seen = []

    def translate(context, text, disambiguation, n):
        seen.append((context, text, n))
        found = spanish.get((text, min(n, 2)), text)
        return found.replace("%n", str(n)) if n >= 0 else found

    i18n.install(translate)
    try:
        notice = summary(store)
    finally:
        i18n.install(None)
    assert notice.body == "Ana y Ben compartieron tu publicación «Networking is giving»"
    assert notice.title == "Nuevo apoyo de 2 personas"
    assert ("Notices", "New support from %n people", 2) in seen
    assert {context for context, _, _ in seen} == {"Notices"}
    assert summary(store).title == "New support from 2 people"  # back to English


def test_the_daily_reminder():
    assert reminder(0) is None
    one = reminder(1)
    assert one.title == "Time for your check-in"
    assert one.body == "1 person is waiting for a thank-you."
    assert reminder(4).body == "4 people are waiting for a thank-you."


def test_notices_speak_the_interface_language(store, qapp):
    from desktop.ui import translations

    add(
        store,
        ev(BEN, "share", post=GIVING, hours_ago=3),
        ev(ANA, "share", post=GIVING, hours_ago=1),
        ev(CLARA, "share", post=GIVING, hours_ago=2),
    )
    translations.install("es")
    try:
        notice = summary(store)
        assert notice.title == "Nuevo apoyo de 3 personas"
        assert (
            notice.body
            == "Ana y otras 2 personas compartieron tu publicación 'Networking is giving'"
        )
        assert reminder(1).body == "1 persona espera un agradecimiento."
        assert reminder(21).body == "21 personas esperan un agradecimiento."
        assert reminder(21).title == "Es la hora de tu repaso diario"
    finally:
        translations.install("en")
    assert summary(store).title == "New support from 3 people"
