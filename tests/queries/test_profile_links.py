"""A profile that links to the same person's profile elsewhere (Mastodon's profile fields,
a Bluesky bio) is kept with the identity and becomes the strongest merge evidence: "their
Mastodon profile links to https://www.linkedin.com/in/…"."""

from __future__ import annotations

import copy
import json
from contextlib import ExitStack
from unittest import mock

from connectors.mastodon_server import FIXTURES, ME_ID
from factories import add, ev

from desktop.connectors.bluesky.records import _actor as bluesky_actor
from desktop.connectors.mastodon import MastodonConnector
from desktop.connectors.mastodon.paging import _Stream
from desktop.core.events import Actor
from desktop.core.profiles import profile_links
from desktop.queries.merge_suggestions import Evidence, merge_suggestions
from desktop.store.models import Identity

LINKEDIN = "https://www.linkedin.com/in/lucia-mendez"
# How Mastodon renders a verified link in a profile field (its "invisible" spans included).
FIELD_HTML = (
    '<a href="https://www.linkedin.com/in/lucia-mendez" target="_blank" rel="nofollow noopener'
    ' noreferrer me" translate="no"><span class="invisible">https://www.</span><span class="">'
    'linkedin.com/in/lucia-mendez</span><span class="invisible"></span></a>'
)
LUCIA_LI = Actor("linkedin", "in/lucia-mendez", "lucia-mendez", "Lucía M.", LINKEDIN)


class _NoHttp:
    token = "token"
    host = "example.social"


def mastodon_follow(account: dict, *, quick: bool):
    """A follow notification from ``account``, parsed by the quick or the checked path."""
    conn = MastodonConnector("https://example.social", "t", http=_NoHttp(), account_id=ME_ID)
    item = {"id": "77", "type": "follow", "created_at": "2026-11-02T10:00:00.000Z"}
    with ExitStack() as stack:
        if not quick:
            for name in ("_plain_notification", "_plain_actor"):
                stack.enter_context(mock.patch.object(MastodonConnector, name, lambda *_: None))
        spec = _Stream("notifications", "/unused", conn._parse_notification)
        (event,) = conn._page(spec, [{**item, "account": account}]).interactions
    return event


def _account() -> dict:
    body = json.loads((FIXTURES / "notifications_v1_mention.json").read_text(encoding="utf-8"))
    account = copy.deepcopy(body["body"][0]["account"])
    account["display_name"] = "Lucía Méndez"
    account["note"] = (
        '<p>Data journalist. Blog: <a href="https://lucia.example/">lucia.example</a></p>'
    )
    account["fields"] = [
        {"name": "LinkedIn", "value": FIELD_HTML, "verified_at": None},
        {"name": "Pronouns", "value": "she/her", "verified_at": None},
        {"name": "Also", "value": '<a href="https://other.example/@lucia">@lucia</a>'},
    ]
    return account


def test_a_mastodon_profile_field_linking_to_linkedin_is_kept_either_parsing_path():
    for quick in (True, False):
        actor = mastodon_follow(_account(), quick=quick).actor
        # The blog is not a profile, and a Mastodon link is this network's own.
        assert actor.links == (LINKEDIN,)


def test_odd_profile_fields_are_passed_over_not_an_error():
    account = _account()
    account["fields"] = [None, {"value": 7}, "x", {"name": "LinkedIn"}, {"value": FIELD_HTML}]
    account["note"] = None
    for quick in (True, False):
        assert mastodon_follow(account, quick=quick).actor.links == (LINKEDIN,)
    account["fields"] = "not a list"
    assert mastodon_follow(account, quick=False).actor.links == ()


def test_a_bluesky_bio_linking_to_linkedin_is_kept():
    actor = bluesky_actor(
        {
            "did": "did:plc:lucia",
            "handle": "lucia.bsky.social",
            "description": f"Periodista de datos.\n{LINKEDIN} · https://bsky.app/profile/x.y",
        },
        "author",
    )
    assert actor.links == (LINKEDIN,)


def test_profile_links_keep_known_profiles_once_and_at_most_eight():
    urls = [LINKEDIN, LINKEDIN + "/", "https://lucia.example/", "not a url"]
    urls += [f"https://www.instagram.com/user{i}" for i in range(20)]
    kept = profile_links(urls, own="mastodon")
    assert kept[0] == LINKEDIN and len(kept) == 8
    assert all("lucia.example" not in url for url in kept)


def _lucia(links: tuple[str, ...]) -> Actor:
    return Actor(
        "mastodon",
        "301",
        "@lucia@social.example",
        "Lucía Méndez",
        "https://social.example/@lucia",
        links,
    )


def test_the_link_is_stored_and_the_latest_non_empty_one_wins(store):
    add(store, ev(_lucia((LINKEDIN,)), "share"))
    add(store, ev(_lucia(()), "like"))  # a sighting that does not say keeps what was said
    with store.read() as s:
        assert s.query(Identity).filter_by(stable_id="301").one().links == LINKEDIN
    moved = "https://www.linkedin.com/in/lucia-mendez-2"
    add(store, ev(_lucia((moved, "https://x.com/lucia")), "like"))
    with store.read() as s:
        assert s.query(Identity).filter_by(stable_id="301").one().links.split("\n") == [
            moved,
            "https://x.com/lucia",
        ]


def test_a_profile_link_is_evidence_even_when_the_names_differ(store):
    add(store, ev(_lucia((LINKEDIN,)), "share"))
    add(store, ev(LUCIA_LI, "follow"), network="linkedin")
    with store.read() as s:
        (found,) = merge_suggestions(s)
    assert {found.name, found.other_name} == {"Lucía Méndez", "Lucía M."}
    assert found.evidence == (Evidence("profile link", LINKEDIN, "mastodon"),)


def test_a_link_to_nobody_known_suggests_nothing(store):
    add(store, ev(_lucia(("https://www.linkedin.com/in/someone-else",)), "share"))
    add(store, ev(LUCIA_LI, "follow"), network="linkedin")
    with store.read() as s:
        assert merge_suggestions(s) == []


def test_the_link_also_finds_a_profile_logged_by_hand_by_its_url(store):
    """A LinkedIn person logged by hand from a pasted URL written another way."""
    add(store, ev(_lucia(("http://linkedin.com/in/Lucia-Mendez/",)), "share"))
    add(store, ev(LUCIA_LI, "follow"), network="linkedin")
    with store.read() as s:
        (found,) = merge_suggestions(s)
    assert found.evidence[0].kind == "profile link"
