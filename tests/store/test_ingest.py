from dataclasses import replace
from datetime import datetime

import pytest
from factories import ANA, BEN, NOW, POST1, account, ev, link
from sqlalchemy import func, select

from desktop.core.events import Actor
from desktop.store.ingest import ingest_interactions
from desktop.store.ingest_candidates import ingest_candidates
from desktop.store.models import Candidate, Identity, Interaction, Person, Sighting


def counts(session):
    return {
        model.__tablename__: session.scalar(select(func.count()).select_from(model))
        for model in (Person, Identity, Interaction, Candidate, Sighting)
    }


def test_the_same_batch_twice_changes_nothing(store):
    batch = [ev(ANA, "share"), ev(ANA, "like"), ev(BEN, "mention"), ev(BEN, "follow")]
    with store.session() as s:
        acc = account(s)
        first = ingest_interactions(s, acc, batch)
    with store.session() as s:
        before = counts(s)
        second = ingest_interactions(s, acc, batch)
        after = counts(s)
    assert (first.new, first.known) == (4, 0)
    assert (second.new, second.known) == (0, 4)
    assert (
        before
        == after
        == {
            "persons": 2,
            "identities": 2,
            "interactions": 4,
            "candidates": 0,
            "sightings": 0,
        }
    )


def test_same_external_id_on_another_account_is_another_interaction(store):
    event = ev(ANA, "share", external_id="n1")
    with store.session() as s:
        one, two = account(s, handle="@one"), account(s, handle="@two")
        assert ingest_interactions(s, one, [event]).new == 1
        assert ingest_interactions(s, two, [event]).new == 1
        assert ingest_interactions(s, one, [event, event]).new == 0


def test_identity_keeps_its_person_when_the_name_changes(store):
    with store.session() as s:
        acc = account(s)
        ingest_interactions(s, acc, [ev(ANA, "like")])
        renamed = replace(ANA, display_name="Ana G. (she/her)", handle="@ana@new.example")
        ingest_interactions(s, acc, [ev(renamed, "share")])
        identity = s.scalars(select(Identity)).one()
        assert identity.display_name == "Ana G. (she/her)"
        assert identity.handle == "@ana@new.example"
        assert identity.search_key == "ana g. (she/her) @ana@new.example"
        assert s.scalar(select(func.count()).select_from(Person)) == 1


def test_bad_events_are_rejected_with_a_reason_and_the_rest_is_stored(store):
    naive = replace(ev(BEN, "like"), occurred_at=datetime(2026, 1, 1))
    nameless = ev(Actor("mastodon", "", "@ghost"), "like")
    with store.session() as s:
        result = ingest_interactions(s, account(s), [ev(ANA, "share"), naive, nameless])
        assert result.new == 1
        assert len(result.rejected) == 2
        assert any("time zone" in r for r in result.rejected)
        assert any("no stable id" in r for r in result.rejected)


def test_a_crash_mid_batch_loses_nothing_already_committed(store):
    with store.session() as s:
        acc = account(s)
        ingest_interactions(s, acc, [ev(ANA, "share")])
    with pytest.raises(RuntimeError), store.session() as s:
        ingest_interactions(s, acc, [ev(BEN, "share"), ev(BEN, "like")])
        raise RuntimeError("network went away")
    with store.session() as s:
        assert counts(s)["interactions"] == 1
        assert counts(s)["persons"] == 1


def test_huge_and_odd_unicode_text_is_stored_intact_but_for_nul(store):
    # NUL is the one character left out, on every backend: PostgreSQL's text cannot hold it.
    text = "👩🏽‍💻 Ñandú ‮reversed‬ \u0000null " + "ű" * 200_000
    post = replace(POST1, text=text)
    odd = replace(ANA, display_name="Ana\u0000 Ñ", handle="ana\u0000@x.example")
    with store.session() as s:
        ingest_interactions(s, account(s), [ev(odd, "quote", post=post)])
    with store.session() as s:
        assert s.scalar(select(Interaction.post_text)) == text.replace("\u0000", "")
        identity = s.scalars(select(Identity).where(Identity.stable_id == ANA.stable_id)).one()
        assert (identity.display_name, identity.handle) == ("Ana Ñ", "ana@x.example")


def test_half_an_emoji_is_dropped_not_a_failed_sync(store):
    # A lone surrogate (half of an emoji's UTF-16 pair, as a JSON escape or a CLI argument
    # that was not UTF-8 gives it) can be held by no UTF-8 text: writing one failed the
    # whole page. It is dropped; the full emoji beside it stays.
    post = replace(POST1, text="cut \ud83d here, whole \U0001f600 there")
    new = replace(ANA, stable_id="https://x.example/@zoe", display_name="Zo\u00eb \ud83d")
    renamed = replace(BEN, display_name="Ben \udc00C")
    with store.session() as s:
        acc = account(s)
        ingest_interactions(s, acc, [ev(BEN, "share")])
        result = ingest_interactions(s, acc, [ev(new, "quote", post=post), ev(renamed, "like")])
        assert result.new == 2
        ingest_candidates(s, [link("https://x.example/a", title="Title \ud83d")])
    with store.read() as s:
        assert s.scalar(select(Interaction.post_text).where(Interaction.kind == "quote")) == (
            "cut  here, whole \U0001f600 there"
        )
        assert sorted(s.scalars(select(Identity.display_name))) == ["Ben C", "Zoë "]
        zoe = select(Person.display_name).where(Person.display_name.like("Zo%"))
        assert s.scalar(zoe) == "Zoë "
        assert s.scalar(select(Candidate.title)) == "Title "


def test_links_with_tracking_noise_become_one_candidate_seen_several_times(store):
    events = [
        link("https://Blog.example/post?utm_source=masto&id=4", sharer=ANA, title="Giving first"),
        link("https://blog.example:443/post?id=4&fbclid=xyz", sharer=BEN, hours_ago=5),
        link("https://blog.example/post?id=4#comments", sharer=ANA, source_ref="dup"),
    ]
    with store.session() as s:
        first = ingest_candidates(s, events)
        again = ingest_candidates(s, events)
        candidate = s.scalars(select(Candidate)).one()
        assert candidate.canonical_url == "https://blog.example/post?id=4"
        assert candidate.title == "Giving first"
        assert candidate.search_text == "giving first\n"
        assert candidate.first_seen_at == NOW.replace(hour=7)
        assert candidate.last_seen_at == NOW.replace(hour=11)
    assert (first.new, again.new, again.known) == (3, 0, 3)


def test_a_later_sighting_fills_in_a_missing_title_but_never_overwrites(store):
    with store.session() as s:
        ingest_candidates(s, [link("https://x.example/a", hours_ago=3)])
        ingest_candidates(s, [link("https://x.example/a", title="Real title", hours_ago=2)])
        ingest_candidates(s, [link("https://x.example/a", title="Other title", hours_ago=1)])
        candidate = s.scalars(select(Candidate)).one()
        assert candidate.title == "Real title"
        assert candidate.last_seen_at == NOW.replace(hour=11)


def test_invalid_links_are_rejected_not_fatal(store):
    with store.session() as s:
        result = ingest_candidates(
            s, [link("javascript:alert(1)"), link("mailto:a@b.c"), link("https://ok.example/")]
        )
        assert result.new == 1
        assert len(result.rejected) == 2
