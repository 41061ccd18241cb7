"""Fixtures for the windows: a signed-in Mastodon account on a loopback server."""

from datetime import UTC, datetime

import pytest
from connectors.mastodon_server import body
from factories import BEN, ev

from desktop.app.services import Services
from desktop.core.events import Actor, Post
from desktop.platform.secrets import SecretStore
from desktop.queries.accounts import upsert_account
from desktop.store.ingest import ingest_interactions
from desktop.sync.connect import secret_key
from desktop.ui.main_window import MainWindow

ANA_HERE = Actor(
    "mastodon", "http://x/@ana", "@ana@social.example", "Ana García", "https://social.example/@ana"
)


def _now():
    return datetime.now(UTC)


@pytest.fixture
def mastodon(httpserver, store):
    """A signed-in Mastodon account whose notifications brought Ana (share), Ben (reply)."""
    base = httpserver.url_for("/").rstrip("/")
    httpserver.expect_request("/api/v2/instance").respond_with_json(body("instance_v2.json"))
    with store.session() as s:
        account = upsert_account(s, "mastodon", base, "@me@social.example", stable_id="1")
        SecretStore().set(secret_key(account), "access_token", "tok-123")
        their_reply = Post("https://social.example/@ben/77", "Loved it!", "en", "77")
        ingest_interactions(
            s,
            account.id,
            [
                ev(ANA_HERE, "share", hours_ago=1, now=_now()),
                ev(BEN, "reply", hours_ago=2, post=their_reply, now=_now()),
            ],
        )
    return httpserver


@pytest.fixture
def window(qtbot, store):
    """The main window on the test store, shown."""
    w = MainWindow(Services(store))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.tasks.wait()
