"""Posting a share through my own account (desktop.app.outbox.share), against loopback servers
shaped like Mastodon and a Bluesky PDS. No Qt."""

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import pytest
from connectors.bluesky_fixtures import ME, ME_DID, FakePds, did, post_uri
from connectors.mastodon_server import body
from factories import ANA, BEN, add_links, link
from sqlalchemy import func, select

from desktop.app.outbox.share import ShareResult, post_share, share_account
from desktop.connectors.base import Refused
from desktop.core.errors import InvalidRequest, NotFound
from desktop.platform.secrets import SecretStore
from desktop.queries.accounts import upsert_account
from desktop.queries.ledger import person_ledger
from desktop.queries.share import compose_share, share_context
from desktop.store.models import Account, Candidate, Identity, Interaction
from desktop.sync.connect import secret_key

URL = "https://blog.example/networking-is-giving"
TODAY = date(2026, 11, 20)
CREATE_RECORD = "com.atproto.repo.createRecord"
RESOLVE = "com.atproto.identity.resolveHandle"


def now():
    return datetime.now(UTC)


@pytest.fixture
def candidate_id(store) -> int:
    """A link by Ana that Ben surfaced, both on Mastodon."""
    add_links(
        store,
        link(URL + "?utm_source=masto", author=ANA, sharer=BEN, title="Networking is giving"),
    )
    with store.read() as s:
        return s.scalar(select(Candidate.id).where(Candidate.canonical_url == URL))


def sign_in(store, network: str, server: str, handle: str, stable_id: str, **secrets) -> int:
    with store.session() as s:
        account = upsert_account(s, network, server, handle, stable_id=stable_id)
        for name, value in secrets.items():
            SecretStore().set(secret_key(account), name, value)
        return account.id


@pytest.fixture
def mastodon(httpserver, store):
    """A signed-in Mastodon account on a loopback server that knows its instance limits."""
    base = httpserver.url_for("/").rstrip("/")
    httpserver.expect_request("/api/v2/instance").respond_with_json(body("instance_v2.json"))
    sign_in(store, "mastodon", base, "@me@social.example", "1", access_token="tok-123")
    return httpserver


def composed(store, candidate_id: int, network: str) -> str:
    with store.read() as s:
        context = share_context(s, candidate_id)
        candidate = s.get(Candidate, candidate_id)
        shareable = SimpleNamespace(title=candidate.title, url=URL, author="")
    return compose_share(shareable, network=network, **context.credits(network)).text


def state(store, candidate_id: int) -> str:
    with store.read() as s:
        return s.scalar(select(Candidate.state).where(Candidate.id == candidate_id))


def ana_outbound(store) -> dict[str, int]:
    with store.read() as s:
        person_id = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA.stable_id))
        return person_ledger(s, person_id).windows["all"]["outbound"]


def posts(httpserver) -> list:
    return [r for r, _ in httpserver.log if r.path == "/api/v1/statuses"]


def test_a_share_is_posted_publicly_as_composed_and_counts_for_the_author(
    mastodon, store, candidate_id
):
    mastodon.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("status_post_reply.json", mastodon.url_for("/").rstrip("/"))
    )
    text = composed(store, candidate_id, "mastodon")
    assert text == (
        "“Networking is giving” by @ana@social.example\n" + URL + "\nvia @ben@social.example"
    )

    result = post_share(
        store, SecretStore, candidate_id, text=text, network="mastodon", today=TODAY
    )

    (request,) = posts(mastodon)
    assert request.form["status"] == text  # exactly the composed text
    assert request.form["visibility"] == "public"  # a share is meant to be seen
    assert "in_reply_to_id" not in request.form  # a new post, not a reply
    assert request.headers["Idempotency-Key"]
    assert request.headers["Authorization"] == "Bearer tok-123"
    assert result == ShareResult(
        candidate_id, "mastodon", mastodon.url_for("/@admin/117020583258292382"), text
    )
    assert state(store, candidate_id) == "shared"
    assert ana_outbound(store) == {"share": 1}
    with store.read() as s:
        row = s.scalars(select(Interaction).where(Interaction.direction == "outbound")).one()
        assert (row.network, row.kind, row.post_url) == ("mastodon", "share", URL)


def test_the_same_click_retried_carries_the_same_idempotency_key(mastodon, store, candidate_id):
    mastodon.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("status_post_reply.json")
    )
    for _ in range(2):
        post_share(
            store, SecretStore, candidate_id, text="Read this", network="mastodon", today=TODAY
        )
    first, again = posts(mastodon)
    assert first.headers["Idempotency-Key"] == again.headers["Idempotency-Key"]
    post_share(store, SecretStore, candidate_id, text="Read this!", network="mastodon", today=TODAY)
    assert posts(mastodon)[-1].headers["Idempotency-Key"] != first.headers["Idempotency-Key"]
    assert ana_outbound(store) == {"share": 1}  # shared three times, counted once


def test_a_refused_post_changes_nothing(mastodon, store, candidate_id):
    mastodon.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("error_422_status_too_long_de.json"), status=422
    )
    with pytest.raises(Refused) as refused:
        post_share(store, SecretStore, candidate_id, text="Read this", network="mastodon")
    assert refused.value.status == 422
    assert "Begrenzung von 500 Zeichen" in str(refused.value)  # the server's own words
    assert len(posts(mastodon)) == 1
    assert state(store, candidate_id) == "new"
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 0


def test_too_long_for_the_instance_is_refused_before_any_post(mastodon, store, candidate_id):
    with pytest.raises(InvalidRequest, match="not posted: 1 character over Mastodon's limit"):
        post_share(store, SecretStore, candidate_id, text="x" * 501, network="mastodon")
    assert posts(mastodon) == []
    assert state(store, candidate_id) == "new"


def test_an_instance_that_allows_more_gets_more(httpserver, store, candidate_id):
    base = httpserver.url_for("/").rstrip("/")
    instance = body("instance_v2.json")
    instance["configuration"]["statuses"]["max_characters"] = 1000
    httpserver.expect_request("/api/v2/instance").respond_with_json(instance)
    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("status_post_reply.json")
    )
    sign_in(store, "mastodon", base, "@me@big.example", "1", access_token="tok-123")
    post_share(store, SecretStore, candidate_id, text="y" * 800, network="mastodon")
    assert posts(httpserver)[0].form["status"] == "y" * 800
    assert state(store, candidate_id) == "shared"


def test_without_an_account_on_that_network_it_says_how_to_post(httpserver, store, candidate_id):
    with pytest.raises(InvalidRequest) as mastodon:
        post_share(store, SecretStore, candidate_id, text="Read this", network="mastodon")
    assert str(mastodon.value) == "connect a Mastodon account to post there, or copy the text"
    with pytest.raises(InvalidRequest, match="connect a Bluesky account to post there"):
        post_share(store, SecretStore, candidate_id, text="Read this", network="bluesky")
    with pytest.raises(InvalidRequest, match="cannot post to LinkedIn"):
        post_share(store, SecretStore, candidate_id, text="Read this", network="linkedin")
    assert httpserver.log == []
    assert state(store, candidate_id) == "new"


def test_empty_text_and_unknown_candidates_are_refused(mastodon, store, candidate_id):
    with pytest.raises(InvalidRequest, match="empty"):
        post_share(store, SecretStore, candidate_id, text=" \n ", network="mastodon")
    with pytest.raises(NotFound):
        post_share(store, SecretStore, 9999, text="Read this", network="mastodon")
    assert mastodon.log == []


def test_the_account_is_the_most_recently_synced_one_not_removed(store):
    ids = {
        name: sign_in(store, "mastodon", f"https://{name}.example", f"@me@{name}.example", "1")
        for name in ("old", "fresh", "never", "gone")
    }
    sign_in(store, "bluesky", "https://bsky.social", "me.bsky.social", ME_DID)
    with store.session() as s:
        at = now()
        s.get(Account, ids["old"]).last_sync_at = at - timedelta(days=3)
        s.get(Account, ids["fresh"]).last_sync_at = at - timedelta(hours=1)
        gone = s.get(Account, ids["gone"])
        gone.last_sync_at, gone.state = at, "removed"
    with store.read() as s:
        assert share_account(s, "mastodon").id == ids["fresh"]
        assert share_account(s, "bluesky").handle == "me.bsky.social"
        assert share_account(s, "linkedin") is None
    with store.session() as s:
        for name in ("old", "fresh"):
            s.get(Account, ids[name]).last_sync_at = None
    with store.read() as s:
        assert share_account(s, "mastodon").id == ids["old"]  # none synced: the oldest


def test_a_bluesky_share_is_a_new_post_with_facets(httpserver, store, candidate_id):
    pds = FakePds().install(httpserver)
    pds.on(CREATE_RECORD, {"uri": post_uri(ME, "3share"), "cid": "bafyreishare"})
    pds.on(RESOLVE, {"did": did("ana")})
    base = httpserver.url_for("/").rstrip("/")
    sign_in(store, "bluesky", base, "me.test", ME_DID, access_jwt="a-1", refresh_jwt="r-1")
    text = "Worth reading, by @ana.test " + URL

    result = post_share(store, SecretStore, candidate_id, text=text, network="bluesky")

    (call,) = pds.of(CREATE_RECORD)
    record = call.body["record"]
    assert call.body["repo"] == ME_DID
    assert record["text"] == text
    assert "reply" not in record  # a new post
    assert record["langs"] == ["en"]
    features = [f["features"][0]["$type"] for f in record["facets"]]
    assert features == ["app.bsky.richtext.facet#mention", "app.bsky.richtext.facet#link"]
    assert result.url == "https://bsky.app/profile/me.test/post/3share"
    assert result.network == "bluesky"
    assert state(store, candidate_id) == "shared"
    assert ana_outbound(store) == {"share": 1}


def test_a_bluesky_share_over_300_graphemes_is_refused_before_any_post(
    httpserver, store, candidate_id
):
    pds = FakePds().install(httpserver)
    base = httpserver.url_for("/").rstrip("/")
    sign_in(store, "bluesky", base, "me.test", ME_DID, access_jwt="a-1", refresh_jwt="r-1")
    with pytest.raises(InvalidRequest, match="1 grapheme over Bluesky's limit of 300"):
        post_share(store, SecretStore, candidate_id, text="é" * 301, network="bluesky")
    assert pds.calls == []
    assert state(store, candidate_id) == "new"
