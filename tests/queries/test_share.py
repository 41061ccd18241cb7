from types import SimpleNamespace

import pytest
from factories import ANA, ANA_BSKY, BEN, CLARA, DAN, NOW, add_links, link
from sqlalchemy import func, select

from desktop.core.errors import NotFound
from desktop.core.length import count_graphemes, mastodon_length
from desktop.queries.ledger import person_ledger
from desktop.queries.people import merge
from desktop.queries.share import (
    Sharer,
    candidate_sharers,
    compose_share,
    mark_shared,
    share_context,
)
from desktop.store.models import Account, Candidate, Identity, Interaction


def item(title="Networking is giving", url="https://a.example/networking", author="Ana García"):
    return SimpleNamespace(title=title, url=url, author=author)


# -- composing ------------------------------------------------------------------------------


def test_a_mastodon_share_credits_the_author_and_the_sharer_by_handle():
    draft = compose_share(
        item(),
        network="mastodon",
        author_handle="@ana@social.example",
        sharer_handle="@ben@social.example",
    )
    assert draft.text == (
        "“Networking is giving” by @ana@social.example\n"
        "https://a.example/networking\n"
        "via @ben@social.example"
    )
    # Mastodon counts the link as 23 and a mention without its domain.
    assert draft.used == len("“Networking is giving” by @ana") + 1 + 23 + 1 + len("via @ben")
    assert (draft.limit, draft.ok, draft.reason, draft.shortened) == (500, True, "", False)


def test_a_bluesky_share_mentions_handles_with_an_at_and_counts_graphemes():
    draft = compose_share(
        item(title="Cómo difundir el trabajo de otros 👩‍💻", author="Clara Núñez"),
        network="bluesky",
        author_handle="clara.bsky.social",
        sharer_handle="dan.bsky.social",
    )
    assert draft.text == (
        "“Cómo difundir el trabajo de otros 👩‍💻” by @clara.bsky.social\n"
        "https://a.example/networking\n"
        "via @dan.bsky.social"
    )
    assert draft.used == count_graphemes(draft.text) == len(draft.text) - 2  # ZWJ emoji is 1
    assert (draft.limit, draft.ok) == (300, True)


def test_without_handles_the_credits_use_names_and_never_repeat_the_author():
    draft = compose_share(item(), network="bluesky", sharer_name="Ben Carter")
    assert draft.text == (
        "“Networking is giving” by Ana García\nhttps://a.example/networking\nvia Ben Carter"
    )
    alone = compose_share(item(), network="mastodon", sharer_name="Ana García")
    assert alone.text == "“Networking is giving” by Ana García\nhttps://a.example/networking"
    bare = compose_share(item(title="", author=""), network="mastodon")
    assert bare.text == "https://a.example/networking"
    untitled = compose_share(item(title=""), network="mastodon", author_handle="ana@social.example")
    assert untitled.text == "By @ana@social.example\nhttps://a.example/networking"


def test_the_credit_words_follow_the_language():
    draft = compose_share(
        item(),
        network="mastodon",
        author_handle="@ana@social.example",
        sharer_name="Ben",
        language="es",
    )
    assert draft.text.splitlines() == [
        "“Networking is giving” de @ana@social.example",
        "https://a.example/networking",
        "vía Ben",
    ]


def test_an_over_long_title_is_shortened_and_the_link_and_credits_stay():
    title = " ".join(["Generosity"] * 40)  # 439 characters
    draft = compose_share(
        item(title=title),
        network="bluesky",
        author_handle="clara.bsky.social",
        sharer_handle="dan.bsky.social",
    )
    assert draft.ok and draft.shortened
    first, url, via = draft.text.split("\n")
    assert first.startswith("“Generosity Generosity") and first.endswith("…” by @clara.bsky.social")
    assert (url, via) == ("https://a.example/networking", "via @dan.bsky.social")
    assert 300 - len("Generosity ") < draft.used <= 300  # the longest title that fits


def test_mastodon_shortening_counts_links_as_23_whatever_their_length():
    long_url = "https://a.example/" + "x" * 300
    title = "A title that is a little too long for this small instance limit"
    draft = compose_share(
        item(title=title, url=long_url),
        network="mastodon",
        max_chars=80,
        author_handle="@ana@social.example",
    )
    assert draft.ok and draft.shortened
    assert long_url in draft.text and "…” by @ana@social.example" in draft.text
    assert draft.used == mastodon_length(draft.text) <= 80


def test_when_even_the_link_does_not_fit_the_draft_says_why():
    url = "https://a.example/" + "x" * 400
    draft = compose_share(item(url=url), network="bluesky", sharer_name="Ben")
    assert not draft.ok
    assert url in draft.text and "Networking is giving" in draft.text  # left for the user
    assert "over Bluesky's limit of 300" in draft.reason


def test_networks_without_a_known_limit_always_fit():
    draft = compose_share(item(title="x" * 1000), network="linkedin")
    assert (draft.ok, draft.limit, draft.shortened) == (True, None, False)


# -- who to credit --------------------------------------------------------------------------

URL = "https://blog.example/networking-is-giving"


@pytest.fixture
def shared_around(store):
    add_links(
        store,
        link(URL, author=ANA, sharer=ANA, title="Networking is giving", hours_ago=9),
        link(URL, sharer=CLARA, hours_ago=5),
        link(URL, sharer=BEN, hours_ago=3),
        link(URL + "?utm_source=x", sharer=BEN, hours_ago=2),
        link(URL, sharer=DAN, hours_ago=1),
        link("https://other.example/no-author", sharer=BEN, title="Anonymous", hours_ago=1),
    )
    with store.read() as s:
        return {c.canonical_url: c.id for c in s.scalars(select(Candidate).order_by(Candidate.id))}


def test_sharers_are_listed_first_come_first_without_the_author(store, shared_around):
    with store.read() as s:
        assert candidate_sharers(s, shared_around[URL]) == [
            Sharer("Clara Núñez", "bluesky", "clara.bsky.social"),
            Sharer("Ben Carter", "mastodon", "@ben@social.example"),
            Sharer("Dan Ito", "bluesky", "dan.bsky.social"),
        ]
        with pytest.raises(NotFound):
            candidate_sharers(s, 9999)


def test_the_context_gives_credits_per_network(store, shared_around):
    with store.read() as s:
        context = share_context(s, shared_around[URL])
    assert context.author == [Sharer("Ana García", "mastodon", "@ana@social.example")]
    assert context.networks == ["mastodon", "bluesky"]
    assert context.language == "en"
    assert context.credits("mastodon") == {
        "author_handle": "@ana@social.example",
        "sharer_handle": "@ben@social.example",
    }
    # Ana is not on Bluesky: her name is used; Clara surfaced it there first.
    assert context.credits("bluesky") == {
        "author_handle": None,
        "sharer_handle": "clara.bsky.social",
    }
    with store.read() as s:
        anonymous = share_context(s, shared_around["https://other.example/no-author"])
    assert anonymous.author == []
    assert anonymous.credits("bluesky") == {
        "author_handle": None,
        "sharer_handle": None,
        "sharer_name": "Ben Carter",
    }


# -- marking shared -------------------------------------------------------------------------


def outbound(store, name: str) -> dict[str, int]:
    with store.read() as s:
        person_id = s.scalar(
            select(Identity.person_id).where(Identity.display_name == name).limit(1)
        )
        return person_ledger(s, person_id, now=NOW).windows["all"]["outbound"]


def test_marking_shared_counts_one_outbound_share_for_the_author_once(store, shared_around):
    candidate_id = shared_around[URL]
    with store.session() as s:
        first = mark_shared(s, candidate_id, now=NOW)
    with store.session() as s:
        again = mark_shared(s, candidate_id, now=NOW)
    assert first.counted and not again.counted
    assert first.person_id == again.person_id is not None
    assert outbound(store, "Ana García") == {"share": 1}
    with store.read() as s:
        assert s.scalar(select(Candidate.state).where(Candidate.id == candidate_id)) == "shared"
        row = s.scalars(select(Interaction).where(Interaction.direction == "outbound")).one()
        assert (row.external_id, row.kind, row.post_url) == (f"share:{candidate_id}", "share", URL)
        account = s.get(Account, row.account_id)
        assert (account.network, account.handle) == ("manual", "Manual entries")


def test_marking_shared_without_a_known_author_only_changes_the_state(store, shared_around):
    candidate_id = shared_around["https://other.example/no-author"]
    with store.session() as s:
        marked = mark_shared(s, candidate_id)
    assert (marked.person_id, marked.counted) == (None, False)
    with store.read() as s:
        assert s.scalar(select(Candidate.state).where(Candidate.id == candidate_id)) == "shared"
        assert s.scalar(select(func.count()).select_from(Interaction)) == 0
    with store.session() as s, pytest.raises(NotFound):
        mark_shared(s, 9999)


def test_marking_shared_credits_the_authors_identity_on_that_network(store, shared_around):
    add_links(store, link("https://bsky.example/x", sharer=ANA_BSKY, hours_ago=1))
    with store.session() as s:
        ids = {
            i.network: i.person_id
            for i in s.scalars(select(Identity).where(Identity.display_name == "Ana García"))
        }
        merge(s, ids["mastodon"], ids["bluesky"])
        mark_shared(s, shared_around[URL], network="bluesky")
    with store.read() as s:
        row = s.scalars(select(Interaction)).one()
        assert row.network == "bluesky"
        context = share_context(s, shared_around[URL])
    assert [a.network for a in context.author] == ["mastodon", "bluesky"]
    assert context.credits("bluesky")["author_handle"] == "ana.bsky.social"
