"""The Bluesky connector against a real local AT Protocol network (reference PDS + AppView).

Start it with /work/shared/peers/bluesky/start (about a minute the first time), stop it with
./stop. It writes $BSKY_HOME/run/network.json (BSKY_HOME defaults to /var/tmp/bsky-peer) with
the PDS URL and the seeded accounts alice, bob and carol. Without a running network on
loopback every test here is skipped, saying why. Nothing here leaves the machine.

Each run adds posts and likes to the network (a fresh one starts empty again), so assertions
look for what this run created, never for exact totals.
"""

from __future__ import annotations

import json
import os
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import requests

from desktop.connectors.base import NeedsSignIn
from desktop.connectors.bluesky import (
    BlueskyConnector,
    BlueskySession,
    create_session,
    parse_at_uri,
    refresh_session,
)
from desktop.connectors.http import HttpClient
from desktop.core.events import Direction, Kind

LOOPBACK = {"localhost", "127.0.0.1", "::1"}
NOTIFS = "app.bsky.notification.listNotifications"


def state_file() -> Path:
    return Path(os.environ.get("BSKY_HOME") or "/var/tmp/bsky-peer") / "run" / "network.json"


def find_network() -> tuple[dict | None, str]:
    path = state_file()
    if not path.exists():
        return None, (
            f"no local Bluesky network: {path} does not exist "
            "(start one with /work/shared/peers/bluesky/start)"
        )
    try:
        state = json.loads(path.read_text(encoding="utf-8"))
        pds = state["pds_url"].rstrip("/")
        state["accounts"]["alice"]["did"]
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        return None, f"local Bluesky network state {path} is unreadable: {exc!r}"
    if urlsplit(pds).hostname not in LOOPBACK:
        return None, f"{path} points at {pds}, which is not on loopback: not testing against it"
    try:
        requests.get(f"{pds}/xrpc/_health", timeout=2).raise_for_status()
    except requests.RequestException as exc:
        return None, f"local Bluesky network {pds} does not answer /xrpc/_health: {exc}"
    return state, ""


@pytest.fixture(scope="module")
def network() -> dict:
    state, why = find_network()
    if state is None:
        pytest.skip(why)
    return state


class Counting:
    """An http_factory that counts the XRPC calls made through it."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __call__(self, url: str) -> HttpClient:
        client = HttpClient(url)
        client.session.hooks["response"].append(self._count)
        return client

    def _count(self, response, *args, **kwargs) -> None:
        self.paths.append(urlsplit(response.url).path.removeprefix("/xrpc/"))

    def count(self, nsid: str) -> int:
        return self.paths.count(nsid)


def sign_in(network: dict, name: str) -> BlueskySession:
    account = network["accounts"][name]
    return create_session(network["pds_url"], account["handle"], account["password"])


def xrpc_get(network: dict, nsid: str, params: dict, token: str | None = None) -> dict:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    response = requests.get(
        f"{network['pds_url'].rstrip('/')}/xrpc/{nsid}", params=params, headers=headers, timeout=10
    )
    response.raise_for_status()
    return response.json()


def eventually(check, timeout: float = 15.0):
    """check() until it returns something truthy: the AppView indexes new records from the
    PDS in the background, usually within a few hundred milliseconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result or time.monotonic() > deadline:
            return result
        time.sleep(0.3)


def test_sign_in_and_verify(network):
    session = sign_in(network, "alice")
    alice = network["accounts"]["alice"]
    assert (session.did, session.handle) == (alice["did"], "alice.test")
    assert session.service == network["pds_url"].rstrip("/")
    me = BlueskyConnector(session).verify()
    assert (me.stable_id, me.handle, me.display_name) == (alice["did"], "alice.test", "Alice")
    assert me.profile_url == "https://bsky.app/profile/alice.test"


def test_wrong_password_needs_sign_in(network):
    with pytest.raises(NeedsSignIn, match="handle or app password not accepted"):
        create_session(network["pds_url"], "alice.test", "not-alice-pass")


def test_seeded_notifications(network):
    counting = Counting()
    connector = BlueskyConnector(sign_in(network, "alice"), http_factory=counting)
    pages = list(connector.pages({}, streams=["notifications"]))
    events = [e for p in pages for e in p.interactions]
    bob, carol = network["accounts"]["bob"]["did"], network["accounts"]["carol"]["did"]
    alice_post = network["records"]["alice_post"]["uri"]

    got = {(e.kind, e.actor.handle) for e in events}
    assert {
        (Kind.LIKE, "bob.test"),
        (Kind.SHARE, "bob.test"),
        (Kind.MENTION, "bob.test"),
        (Kind.REPLY, "bob.test"),
        (Kind.FOLLOW, "bob.test"),
        (Kind.QUOTE, "carol.test"),
        (Kind.LIKE, "carol.test"),
        (Kind.FOLLOW, "carol.test"),
    } <= got
    assert {e.actor.stable_id for e in events} <= {bob, carol}
    assert all(e.direction == Direction.INBOUND for e in events)
    assert all(e.external_id.startswith("notification:at://") for e in events)
    assert all(not p.warnings and not p.skipped for p in pages)

    by_kind = {(e.kind, e.actor.handle): e for e in events}
    like = by_kind[(Kind.LIKE, "bob.test")]
    assert like.post.remote_id == alice_post
    assert like.post.text == "Hello from alice, first post"
    rkey = parse_at_uri(alice_post).rkey
    assert like.post.url == f"https://bsky.app/profile/alice.test/post/{rkey}"
    mention = by_kind[(Kind.MENTION, "bob.test")]
    assert mention.post.text == "Hey @alice.test look at this"
    assert mention.post.remote_id == network["records"]["bobMention"]["uri"]
    assert by_kind[(Kind.REPLY, "bob.test")].post.text == "bob replying to alice"
    assert by_kind[(Kind.QUOTE, "carol.test")].post.text == "carol quoting alice"
    assert by_kind[(Kind.FOLLOW, "carol.test")].post is None
    assert by_kind[(Kind.FOLLOW, "carol.test")].actor.display_name == "Carol"

    # the next sync, with nothing new, is one request
    cursor = pages[-1].cursor
    assert cursor
    counting.paths.clear()
    again = list(connector.pages({"notifications": cursor}, streams=["notifications"]))
    assert [p.interactions for p in again] == [[]]
    assert again[-1].cursor is None
    assert counting.count(NOTIFS) == 1 and len(counting.paths) == 1


def test_reply_and_like_bobs_reply(network):
    session = sign_in(network, "alice")
    connector = BlueskyConnector(session)
    alice_did = session.did
    bob_did = network["accounts"]["bob"]["did"]
    bob_reply = network["records"]["bobReply"]
    root = network["records"]["alice_post"]
    mark = uuid.uuid4().hex[:8]
    link = f"https://example.org/thanks/{mark}"
    text = f"¡Gracias @bob.test! 🙏 {mark} {link}"

    url = connector.reply(bob_reply["uri"], text)
    rkey = url.rsplit("/", 1)[1]
    assert url == f"https://bsky.app/profile/alice.test/post/{rkey}"

    # the PDS has the record, with the right thread refs and byte-exact facets
    stored = xrpc_get(
        network,
        "com.atproto.repo.getRecord",
        {"repo": alice_did, "collection": "app.bsky.feed.post", "rkey": rkey},
    )["value"]
    assert stored["text"] == text
    assert stored["reply"]["parent"] == {"uri": bob_reply["uri"], "cid": bob_reply["cid"]}
    assert stored["reply"]["root"] == {"uri": root["uri"], "cid": root["cid"]}
    raw = text.encode("utf-8")
    spans = {}
    for facet in stored["facets"]:
        (feature,) = facet["features"]
        spans[feature["$type"]] = (facet["index"]["byteStart"], facet["index"]["byteEnd"], feature)
    start, end, mention = spans["app.bsky.richtext.facet#mention"]
    assert raw[start:end] == b"@bob.test" and (start, end) == (10, 19)
    assert mention["did"] == bob_did
    start, end, feature = spans["app.bsky.richtext.facet#link"]
    assert raw[start:end].decode() == link == feature["uri"]

    connector.like(bob_reply["uri"])
    likes = xrpc_get(
        network,
        "com.atproto.repo.listRecords",
        {"repo": alice_did, "collection": "app.bsky.feed.like", "limit": 100},
    )["records"]
    mine = [r for r in likes if r["value"]["subject"]["uri"] == bob_reply["uri"]]
    assert mine and mine[0]["value"]["subject"]["cid"] == bob_reply["cid"]

    # the AppView shows the reply under bob's reply
    new_uri = f"at://{alice_did}/app.bsky.feed.post/{rkey}"

    def in_thread():
        thread = xrpc_get(
            network,
            "app.bsky.feed.getPostThread",
            {"uri": bob_reply["uri"], "depth": 2},
            token=session.access_jwt,
        )["thread"]
        return any(r.get("post", {}).get("uri") == new_uri for r in thread.get("replies", []))

    assert eventually(in_thread), "the reply never showed up under bob's reply"

    # ...and alice's outbound streams now hold the reply, the mention and the like
    def outbound():
        events = [
            e for p in connector.pages({}, streams=["author_feed", "likes"]) for e in p.interactions
        ]
        found = {(e.kind, e.external_id) for e in events if e.actor.stable_id == bob_did}
        wanted = {
            (Kind.REPLY, f"reply:{new_uri}"),
            (Kind.MENTION, f"mention:{new_uri}:{bob_did}"),
            (Kind.LIKE, f"like:{mine[0]['uri']}"),
        }
        return wanted <= found and events

    events = eventually(outbound)
    assert events, "alice's author feed / likes never showed the reply, mention and like"
    assert all(e.direction == Direction.OUTBOUND for e in events)
    reply_event = next(e for e in events if e.external_id == f"reply:{new_uri}")
    assert reply_event.actor.handle == "bob.test"
    assert reply_event.post.text == text and reply_event.post.url == url

    # bob, signed in through the connector too, is told: the AppView sends one notification
    # per post and person, so the reply that mentions him arrives as a mention or a reply
    bob = BlueskyConnector(sign_in(network, "bob"))

    def bob_notified():
        events = [e for p in bob.pages({}, streams=["notifications"]) for e in p.interactions]
        from_alice = [e for e in events if e.actor.stable_id == alice_did]
        about_reply = [
            e
            for e in from_alice
            if e.kind in (Kind.REPLY, Kind.MENTION) and e.post.remote_id == new_uri
        ]
        liked = [
            e for e in from_alice if e.kind == Kind.LIKE and e.post.remote_id == bob_reply["uri"]
        ]
        return about_reply and liked and (about_reply[0], liked[0])

    found = eventually(bob_notified)
    assert found, "bob was never notified of alice's reply and like"
    about_reply, liked = found
    assert about_reply.post.text == text
    assert about_reply.post.url == url
    assert liked.post.text == "bob replying to alice"


def test_timeline_candidates(network):
    alice = BlueskyConnector(sign_in(network, "alice"))
    # the seed has no links: the timeline syncs, and may well be empty of candidates
    seeded = list(alice.pages({}, streams=["timeline"]))
    assert all(not p.warnings for p in seeded)

    # bob shares a link (facet + external embed); alice follows bob
    bob = sign_in(network, "bob")
    mark = uuid.uuid4().hex[:8]
    link = f"https://example.org/read/{mark}"
    text = f"worth reading: {link}"
    start = len(b"worth reading: ")
    record = {
        "$type": "app.bsky.feed.post",
        "text": text,
        "createdAt": time.strftime("%Y-%m-%dT%H:%M:%S.000Z", time.gmtime()),
        "facets": [
            {
                "index": {"byteStart": start, "byteEnd": start + len(link)},
                "features": [{"$type": "app.bsky.richtext.facet#link", "uri": link}],
            }
        ],
        "embed": {
            "$type": "app.bsky.embed.external",
            "external": {"uri": link, "title": f"Article {mark}", "description": "A good read"},
        },
    }
    response = requests.post(
        f"{network['pds_url'].rstrip('/')}/xrpc/com.atproto.repo.createRecord",
        json={"repo": bob.did, "collection": "app.bsky.feed.post", "record": record},
        headers={"Authorization": f"Bearer {bob.access_jwt}"},
        timeout=10,
    )
    response.raise_for_status()
    rkey = parse_at_uri(response.json()["uri"]).rkey

    def candidates():
        found = [c for p in alice.pages({}, streams=["timeline"]) for c in p.candidates]
        return [c for c in found if c.url == link]

    found = eventually(candidates)
    assert len(found) == 1, "bob's link never reached alice's timeline"
    (candidate,) = found
    assert candidate.title == f"Article {mark}"
    assert candidate.summary == "A good read"
    assert candidate.source == "timeline"
    assert candidate.source_ref == f"https://bsky.app/profile/bob.test/post/{rkey}"
    assert candidate.sharer.handle == "bob.test"
    assert candidate.seen_at.tzinfo is not None


def test_refresh_and_revoked_session(network):
    session = sign_in(network, "carol")
    fresh = refresh_session(session)
    assert fresh.did == session.did and fresh.refresh_jwt != session.refresh_jwt
    assert BlueskyConnector(fresh).verify().handle == "carol.test"

    # signing out (deleteSession with the refresh token) revokes it for good
    response = requests.post(
        f"{network['pds_url'].rstrip('/')}/xrpc/com.atproto.server.deleteSession",
        headers={"Authorization": f"Bearer {fresh.refresh_jwt}"},
        timeout=10,
    )
    response.raise_for_status()
    with pytest.raises(NeedsSignIn, match="sign in again"):
        refresh_session(fresh)


def test_a_bad_access_token_needs_sign_in(network):
    session = sign_in(network, "carol")
    broken = BlueskySession(
        session.did, session.handle, "not-a-token", session.refresh_jwt, session.service
    )
    refreshed = []
    connector = BlueskyConnector(broken, on_session_refreshed=refreshed.append)
    with pytest.raises(NeedsSignIn, match="sign in again"):
        connector.verify()
    assert refreshed == []  # InvalidToken is not an expiry: no refresh is attempted
