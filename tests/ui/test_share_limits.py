"""The Share composer holds a post to the limit my Mastodon server enforces (it may allow
more than 500 characters), the same rule the send path checks before posting."""

from datetime import UTC, datetime

import pytest
from factories import ANA, BEN, add_links, link
from PySide6.QtCore import Qt

from desktop.app.services import Services
from desktop.platform.secrets import SecretStore
from desktop.queries.accounts import upsert_account
from desktop.sync.connect import secret_key
from desktop.ui.pages.share import SharePage
from desktop.ui.tasks import TaskRunner

URL = "https://blog.example/networking-is-giving"


def instance(max_characters: int) -> dict:
    return {
        "domain": "social.example",
        "configuration": {
            "statuses": {"max_characters": max_characters, "characters_reserved_per_url": 23}
        },
    }


@pytest.fixture
def links(store):
    at = datetime.now(UTC)
    add_links(
        store,
        link(URL, author=ANA, sharer=BEN, title="Networking is giving", hours_ago=1, now=at),
    )


def signed_in(store, httpserver) -> None:
    base = httpserver.url_for("/").rstrip("/")
    with store.session() as s:
        account = upsert_account(s, "mastodon", base, "@me@social.example", stable_id="1")
        SecretStore().set(secret_key(account), "access_token", "tok-123")


@pytest.fixture
def page(qtbot, store):
    p = SharePage(Services(store), TaskRunner())
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.tasks.wait()


def compose(qtbot, page):
    page.refresh()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 1 and page.tasks.pending() == 0)
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.panel.title.text() == "Networking is giving")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_C)
    composer = page.panel.composer
    qtbot.waitUntil(composer.isVisible)
    qtbot.waitUntil(lambda: page.tasks.pending() == 0)
    return composer


def test_a_server_that_allows_1000_characters_lets_a_700_character_post_through(
    qtbot, page, store, httpserver, links
):
    httpserver.expect_request("/api/v2/instance").respond_with_json(instance(1000))
    signed_in(store, httpserver)
    composer = compose(qtbot, page)
    composer.editor.setPlainText("a" * 700)
    qtbot.waitUntil(composer.post.isEnabled)
    assert composer.count.text() == "700 / 1000"
    assert not composer.reason.isVisible()
    composer.editor.setPlainText("a" * 1001)
    qtbot.waitUntil(lambda: not composer.post.isEnabled())
    assert composer.count.text() == "1001 / 1000"
    assert composer.reason.isVisible()


def test_a_server_that_cannot_be_asked_leaves_the_usual_500(qtbot, page, store, httpserver, links):
    httpserver.expect_request("/api/v2/instance").respond_with_data("down", status=503)
    httpserver.expect_request("/api/v1/instance").respond_with_data("down", status=503)
    signed_in(store, httpserver)
    composer = compose(qtbot, page)
    composer.editor.setPlainText("a" * 700)
    qtbot.waitUntil(lambda: composer.count.text() == "700 / 500")
    assert not composer.post.isEnabled()


def test_the_limit_is_asked_once_a_session(store, httpserver, links):
    httpserver.expect_request("/api/v2/instance").respond_with_json(instance(640))
    signed_in(store, httpserver)
    services = Services(store)
    with store.read() as s:
        from desktop.store.models import Candidate

        candidate_id = s.query(Candidate.id).scalar()
    assert services.share_context(candidate_id).mastodon_limits == (640, 23)
    assert services.share_context(candidate_id).check("a" * 600, "mastodon").ok
    asked = [r for r, _ in httpserver.log if r.path == "/api/v2/instance"]
    assert len(asked) == 1
