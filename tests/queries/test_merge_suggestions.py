"""People seen on several networks are suggested for merging with the evidence; never
merged silently; a "not the same" is remembered."""

from factories import ANA, BEN, add, ev

from desktop.core.events import Actor
from desktop.queries.merge_suggestions import Evidence, decline, merge_suggestions
from desktop.queries.people import merge

ANA_LI = Actor(
    "linkedin",
    "in/ana-garcia",
    "ana-garcia",
    "Ana García",
    "https://www.linkedin.com/in/ana-garcia",
)
OTHER_ANA = Actor(
    "mastodon", "909", "@ana@other.example", "Ana García", "https://other.example/@ana"
)
BEN_IG = Actor(
    "instagram", "bencarter", "bencarter", "B. Carter", "https://www.instagram.com/bencarter"
)
BEN_X = Actor("x", "@bencarter", "@bencarter", "Ben", "https://x.com/bencarter")


def suggestions(store):
    with store.read() as s:
        return merge_suggestions(s)


def test_the_same_name_on_another_network_is_suggested_with_why(store):
    add(store, ev(ANA, "share"))
    add(store, ev(ANA_LI, "follow"), network="linkedin")
    (found,) = suggestions(store)
    assert {found.networks, found.other_networks} == {("mastodon",), ("linkedin",)}
    assert found.name == found.other_name == "Ana García"
    assert found.evidence == (Evidence("same name", "ana garcia"),)


def test_the_same_handle_is_evidence_and_one_network_is_not(store):
    add(store, ev(ANA, "share"), ev(OTHER_ANA, "like"))  # two Mastodon accounts: two people
    add(store, ev(BEN_IG, "follow"), network="instagram")
    add(store, ev(BEN_X, "like"), network="x")
    (found,) = suggestions(store)
    assert {found.name, found.other_name} == {"B. Carter", "Ben"}
    assert found.evidence == (Evidence("same handle", "bencarter"),)


def test_declined_and_merged_pairs_are_not_suggested_again(store):
    add(store, ev(ANA, "share"), ev(BEN, "like"))
    add(store, ev(ANA_LI, "follow"), network="linkedin")
    (found,) = suggestions(store)
    with store.session() as s:
        decline(s, found.other_id, found.person_id)
    assert suggestions(store) == []
    add(store, ev(BEN_IG, "follow"), network="instagram")
    add(store, ev(BEN_X, "like"), network="x")
    (ben,) = suggestions(store)
    with store.session() as s:
        merge(s, ben.person_id, ben.other_id)
    assert suggestions(store) == []
