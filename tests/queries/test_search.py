"""Archive search on both backends (run with and without --database postgresql): every case
is answered in each of the two ways (gathering the matches, scanning newest first) and in
the way the search picks, and all must give the same page."""

from datetime import UTC, date, datetime, timedelta

import pytest
from factories import ANA, ANA_BSKY, BEN, CLARA, DAN, NOW, POST1, POST2, add, ev
from sqlalchemy import select, text

from desktop.core.errors import InvalidRequest
from desktop.core.events import Actor, Post
from desktop.queries import search_plans
from desktop.queries.people import merge
from desktop.queries.search import MAX_TEXT, SearchCursor, search_interactions
from desktop.store.models import Identity, Interaction
from desktop.store.search_index import catch_up

DIFUSION = Post("https://social.example/@me/3", "Gracias por la DIFUSIÓN del taller", "es", "3")
STRASSE = Post("https://social.example/@me/4", "Ein Café in der Straße", "de", "4")
MODES = ("gather", "scan", "auto")


def find(store, text_, **kw):
    """The page, the same whichever way it is answered (the app's search catches the index
    up first, as here: desktop/store/search_index.py)."""
    catch_up(store)
    pages = []
    with store.read() as s:
        for mode in MODES:
            pages.append(search_interactions(s, text_, mode=mode, **kw))
    assert pages[0] == pages[1] == pages[2], [p.mode for p in pages]
    return pages[0]


def who(page) -> list[tuple[str, str]]:
    return [(hit.name, hit.kind) for hit in page.hits]


def person_of(store, actor) -> int:
    with store.read() as s:
        return s.scalar(select(Identity.person_id).where(Identity.stable_id == actor.stable_id))


@pytest.fixture
def archive(store):
    add(
        store,
        ev(ANA, "share", post=POST2, hours_ago=5),
        ev(BEN, "like", post=POST1, hours_ago=4),
        ev(CLARA, "reply", post=DIFUSION, hours_ago=3),
        ev(DAN, "quote", post=STRASSE, hours_ago=2),
        ev(DAN, "follow", hours_ago=1),
    )
    add(store, ev(ANA_BSKY, "like", post=DIFUSION, hours_ago=6), network="bluesky")
    return store


def test_post_words_are_found_with_accents_and_case_folded(archive):
    assert who(find(archive, "difusion")) == [("Clara Núñez", "reply"), ("Ana García", "like")]
    assert who(find(archive, "DIFUSIÓN")) == who(find(archive, "difusion"))
    assert who(find(archive, "cafe")) == [("Dan Ito", "quote")]
    assert who(find(archive, "straße")) == [("Dan Ito", "quote")]
    assert who(find(archive, "networking GIVING")) == [("Ben Carter", "like")]


def test_names_and_handles_find_every_interaction_of_the_person(archive):
    # Ana is two persons here (not merged): each with her own interactions.
    assert who(find(archive, "ana")) == [("Ana García", "share"), ("Ana García", "like")]
    assert who(find(archive, "GARCIA")) == who(find(archive, "ana"))
    assert who(find(archive, "nunez")) == [("Clara Núñez", "reply")]
    assert who(find(archive, "clara.bsky")) == [("Clara Núñez", "reply")]  # the handle's words
    # A follow has no post: found by the person, not by any word of a post.
    assert who(find(archive, "dan")) == [("Dan Ito", "follow"), ("Dan Ito", "quote")]


def test_every_word_must_match_the_post_or_the_person(archive):
    assert who(find(archive, "clara gracias")) == [("Clara Núñez", "reply")]
    assert who(find(archive, "ana gracias")) == [("Ana García", "like")]  # name + post
    assert who(find(archive, "ben gracias")) == []


def test_words_of_three_letters_or_more_match_word_starts(archive):
    assert who(find(archive, "difus")) == who(find(archive, "difusion"))
    assert who(find(archive, "tall")) == [("Clara Núñez", "reply"), ("Ana García", "like")]
    assert who(find(archive, "usion")) == []  # the middle of a word
    # Shorter words are whole words: "la" is a word of the post, "di" is no word at all.
    assert who(find(archive, "la")) == [("Clara Núñez", "reply"), ("Ana García", "like")]
    assert who(find(archive, "di")) == []


def test_a_hit_says_who_did_what_when_with_a_snippet(archive):
    (hit,) = find(archive, "straße").hits
    assert hit.person_id == person_of(archive, DAN)
    assert (hit.name, hit.handle, hit.network) == ("Dan Ito", "dan.bsky.social", "bluesky")
    assert (hit.kind, hit.direction) == ("quote", "inbound")
    assert hit.occurred_at == NOW - timedelta(hours=2)
    assert hit.post_url == STRASSE.url
    assert hit.snippet == "Ein Café in der Straße"
    data = find(archive, "straße").as_json()
    assert data["results"][0]["occurred_at"] == (NOW - timedelta(hours=2)).isoformat()
    assert data["next"] is None and data["words"] == ["straße"]


def test_a_long_post_is_shown_around_the_word_found(store):
    long = Post("u", "Una historia " * 30 + "y al final la difusión del trabajo ajeno.", "es", "l")
    add(store, ev(ANA, "mention", post=long))
    (hit,) = find(store, "difusion").hits
    assert hit.snippet.startswith("…") and "difusión del trabajo ajeno." in hit.snippet
    assert len(hit.snippet) <= 160


def test_kind_network_and_since_filter(archive):
    assert who(find(archive, "difusion", kind="like")) == [("Ana García", "like")]
    assert who(find(archive, "ana", network="mastodon")) == [("Ana García", "share")]
    assert who(find(archive, "ana", network="bluesky")) == [("Ana García", "like")]
    since = NOW - timedelta(hours=3, minutes=30)
    assert who(find(archive, "difusion", since=since)) == [("Clara Núñez", "reply")]
    assert who(find(archive, "difusion", since=NOW.date() + timedelta(days=1))) == []
    assert len(find(archive, "difusion", since=date(2020, 1, 1)).hits) == 2


def test_pages_hold_every_match_once_newest_first(store):
    # 130 matches, a few at the very same moment (the id then orders them), among others.
    same = NOW - timedelta(hours=50)
    events = [ev(BEN, "like", post=DIFUSION, hours_ago=h + 0.5) for h in range(120)]
    events += [ev(BEN, "share", post=DIFUSION, now=same, hours_ago=0) for _ in range(10)]
    events += [ev(CLARA, "like", post=POST1, hours_ago=h + 0.25) for h in range(60)]
    add(store, *events)
    with store.read() as s:
        expected = s.execute(
            select(Interaction.id)
            .where(Interaction.post_text == DIFUSION.text)
            .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        ).scalars()
        expected = list(expected)
    assert len(expected) == 130
    catch_up(store)
    for mode in MODES:
        seen, before, pages = [], None, 0
        while True:
            with store.read() as s:
                page = search_interactions(s, "difusión", limit=25, before=before, mode=mode)
            seen += [hit.interaction_id for hit in page.hits]
            pages += 1
            if page.next is None:
                break
            before = SearchCursor.parse(page.next.token())  # as the CLI hands it back
        assert seen == expected, mode
        assert pages == 6


def test_a_scan_that_finds_too_little_in_the_newest_rows_reads_the_older_ones(store, monkeypatch):
    # PostgreSQL scans a window of the newest rows, then gathers the rest; SQLite ignores it.
    monkeypatch.setattr(search_plans, "SCAN_WINDOW", 5)
    add(store, *[ev(CLARA, "like", post=POST1, hours_ago=h + 1) for h in range(20)])
    add(store, *[ev(BEN, "like", post=DIFUSION, hours_ago=100 + h) for h in range(8)])
    page = find(store, "difusion", limit=5)
    assert len(page.hits) == 5 and page.next is not None
    catch_up(store)
    with store.read() as s:
        rest = search_interactions(s, "difusion", limit=5, before=page.next, mode="scan")
    assert len(rest.hits) == 3 and rest.next is None


def test_an_interaction_stored_after_the_index_was_made_is_found_and_a_deleted_one_not(archive):
    assert who(find(archive, "zebra")) == []
    add(archive, ev(BEN, "reply", post=Post("u", "A zebra crossing", "en", "z"), hours_ago=0.5))
    assert who(find(archive, "zebra")) == [("Ben Carter", "reply")]
    with archive.session() as s:  # as removing an archive's account does
        s.execute(text("DELETE FROM interactions WHERE post_text = 'A zebra crossing'"))
    assert who(find(archive, "zebra")) == []
    assert who(find(archive, "difusion")) == [("Clara Núñez", "reply"), ("Ana García", "like")]
    # The next row takes the deleted one's id on SQLite: it is indexed all the same.
    add(archive, ev(DAN, "reply", post=Post("u", "Zebras again", "en", "z2"), hours_ago=0.2))
    assert who(find(archive, "zebra")) == [("Dan Ito", "reply")]


def test_a_merged_persons_interactions_are_found_under_the_one_kept(archive):
    ana, ana_bsky = person_of(archive, ANA), person_of(archive, ANA_BSKY)
    with archive.session() as s:
        merge(s, ana, ana_bsky)
    page = find(archive, "ana")
    assert who(page) == [("Ana García", "share"), ("Ana García", "like")]
    assert {hit.person_id for hit in page.hits} == {ana}
    assert [hit.person_id for hit in find(archive, "gracias").hits] == [
        person_of(archive, CLARA),
        ana,
    ]


def test_the_name_of_a_person_merged_away_still_finds_them(store):
    old = Actor("mastodon", "201", "@zed@old.example", "Zacarías Viejo", "")
    add(store, ev(old, "share", post=POST1, hours_ago=3), ev(ANA, "like", hours_ago=2))
    with store.session() as s:
        merge(s, person_of(store, ANA), person_of(store, old))
    # The identity goes by another name now: only the merged-away person row has the old one.
    renamed = Actor("mastodon", "201", "@zed@new.example", "Zed", "")
    add(store, ev(renamed, "like", post=POST2, hours_ago=1))
    assert who(find(store, "zacarias")) == [
        ("Ana García", "like"),
        ("Ana García", "like"),
        ("Ana García", "share"),
    ]


@pytest.mark.parametrize(
    "query",
    ["NEAR", "NEAR(", "difusion OR", 'AND "x"', "^col:", "NOT", "a-b", "'; DROP", "ana*", '"ana'],
)
def test_search_syntax_is_only_words(archive, query):
    page = find(archive, query)  # never an SQL or full-text syntax error
    assert all(hit.name for hit in page.hits)


def test_near_and_or_are_words_like_any_other(store):
    add(store, ev(BEN, "mention", post=Post("u", "Near or far, NOT alone", "en", "n")))
    assert who(find(store, "near OR")) == [("Ben Carter", "mention")]
    assert who(find(store, '"not" (alone*)')) == [("Ben Carter", "mention")]


@pytest.mark.parametrize(
    ("query", "said"),
    [
        ("", "nothing to search for"),
        ("   ", "nothing to search for"),
        ("!!! ¿? …", "type letters or digits"),
        ('"', "type letters or digits"),
        ("*", "type letters or digits"),
        ("x" * (MAX_TEXT + 1), "at most 200 characters"),
        ("a b c d e f g h i j k", "at most 10"),
    ],
)
def test_a_search_without_words_or_too_big_is_refused_clearly(archive, query, said):
    with archive.read() as s, pytest.raises(InvalidRequest, match=said):
        search_interactions(s, query)


def test_unknown_filters_and_limits_are_refused_clearly(archive):
    with archive.read() as s:
        with pytest.raises(InvalidRequest, match="unknown kind 'boost'; use one of share"):
            search_interactions(s, "ana", kind="boost")
        with pytest.raises(InvalidRequest, match="unknown network 'myspace'"):
            search_interactions(s, "ana", network="myspace")
        with pytest.raises(InvalidRequest, match="from 1 to 500"):
            search_interactions(s, "ana", limit=0)
        with pytest.raises(InvalidRequest, match="time zone"):
            search_interactions(s, "ana", since=datetime(2026, 1, 1))
    with pytest.raises(InvalidRequest, match="not a search page"):
        SearchCursor.parse("yesterday")


def test_the_cursor_token_names_the_same_place():
    cursor = SearchCursor(datetime(2026, 11, 20, 11, 0, 0, 123456, tzinfo=UTC), 42)
    assert SearchCursor.parse(cursor.token()) == cursor


def test_nothing_stored_finds_nothing(store):
    page = find(store, "anything")
    assert page.hits == [] and page.next is None
