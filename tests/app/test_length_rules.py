"""One length rule for composers and send paths: what my Mastodon server says it allows,
asked once a session; drafts use it once it is known and never ask the network themselves."""

from datetime import UTC, datetime

from factories import ANA, ev

from desktop.app.services import Services
from desktop.platform.secrets import SecretStore
from desktop.queries.accounts import upsert_account
from desktop.queries.people import live_person
from desktop.store.ingest import ingest_interactions
from desktop.store.models import Identity
from desktop.sync.connect import secret_key


def instance(max_characters: int) -> dict:
    return {
        "domain": "social.example",
        "configuration": {
            "statuses": {"max_characters": max_characters, "characters_reserved_per_url": 23}
        },
    }


def ana_waiting(store, httpserver) -> int:
    """My Mastodon account on a loopback server, and Ana's share waiting for a thank-you."""
    base = httpserver.url_for("/").rstrip("/")
    with store.session() as s:
        account = upsert_account(s, "mastodon", base, "@me@social.example", stable_id="1")
        SecretStore().set(secret_key(account), "access_token", "tok-123")
        ingest_interactions(s, account.id, [ev(ANA, "share", now=datetime.now(UTC))])
        identity = s.query(Identity).filter_by(stable_id=ANA.stable_id).one()
        return live_person(s, identity.person_id).id


def asked(httpserver) -> int:
    return len([r for r, _ in httpserver.log if r.path == "/api/v2/instance"])


def test_a_draft_holds_to_the_servers_limit_once_it_is_known(store, httpserver):
    httpserver.expect_request("/api/v2/instance").respond_with_json(instance(1000))
    person_id = ana_waiting(store, httpserver)
    services = Services(store)

    before = services.draft(person_id, network="mastodon")
    assert before.length.limit == 500  # nothing asked yet: the usual limit
    assert asked(httpserver) == 0  # drafting never asks the network

    assert services.mastodon_limits() == (1000, 23)
    after = services.draft(person_id, network="mastodon")
    assert after.length.limit == 1000
    assert services.check_length(after, "a" * 900).ok
    assert asked(httpserver) == 1


def test_a_server_that_cannot_be_asked_leaves_drafts_at_500(store, httpserver):
    httpserver.expect_request("/api/v2/instance").respond_with_data("down", status=503)
    httpserver.expect_request("/api/v1/instance").respond_with_data("down", status=503)
    person_id = ana_waiting(store, httpserver)
    services = Services(store)
    assert services.mastodon_limits() == (500, 23)
    assert services.draft(person_id, network="mastodon").length.limit == 500


def test_a_server_that_could_not_be_asked_is_left_alone_for_a_while():
    """Offline, each composer would otherwise wait for the HTTP retries before it opens."""
    from desktop.app.length import ASK_AGAIN_AFTER_S, LimitsCache
    from desktop.connectors.base import ConnectorError

    now = [1000.0]
    cache = LimitsCache(clock=lambda: now[0])
    calls = []

    def down():
        calls.append(now[0])
        raise ConnectorError("cannot reach social.example")

    assert cache.mastodon("https://social.example", down) == (500, 23)
    assert cache.mastodon("https://social.example", down) == (500, 23)
    assert len(calls) == 1
    now[0] += ASK_AGAIN_AFTER_S + 1
    assert cache.mastodon("https://social.example", lambda: (640, 23)) == (640, 23)
    assert cache.known("https://social.example") == (640, 23)
