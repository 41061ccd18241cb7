"""The Share section's Post button: a share posted through my Mastodon account on a loopback
server, off the GUI thread; a failure keeps the text and says why, in the compose area."""

import json
import threading
from datetime import UTC, datetime

import pytest
from connectors.mastodon_server import body
from factories import ANA, BEN, add_links, link
from PySide6.QtCore import Qt
from sqlalchemy import select
from werkzeug import Response

from desktop.app.services import Services
from desktop.platform.secrets import SecretStore
from desktop.queries.accounts import upsert_account
from desktop.queries.ledger import person_ledger
from desktop.store.models import Candidate, Identity
from desktop.sync.connect import secret_key
from desktop.ui.pages.share import SharePage
from desktop.ui.tasks import TaskRunner

URL = "https://blog.example/networking-is-giving"
TEXT = "“Networking is giving” by @ana@social.example\n" + URL + "\nvia @ben@social.example"


class _Services(Services):
    """Services with post_share exactly as it is to be added to desktop/services.py."""

    def post_share(self, candidate_id: int, *, text: str, network: str):
        """Post the share through my account on that network, then mark it shared (only
        after the network accepted it; a failure raises and changes nothing)."""
        from desktop.app.outbox.share import post_share

        return post_share(self.store, self.secrets, candidate_id, text=text, network=network)


def now():
    return datetime.now(UTC)


@pytest.fixture
def links(store):
    at = now()
    add_links(
        store,
        link(URL + "?utm_source=masto", author=ANA, sharer=BEN, title="Networking is giving",
             summary="Why amplifying others pays off.", hours_ago=1, now=at),
        link("https://b.example/tools", title="Tools we love", hours_ago=2, now=at),
    )  # fmt: skip


@pytest.fixture
def server(httpserver, store):
    """My Mastodon account, signed in, on a loopback server with a 500-character limit."""
    base = httpserver.url_for("/").rstrip("/")
    httpserver.expect_request("/api/v2/instance").respond_with_json(body("instance_v2.json"))
    with store.session() as s:
        account = upsert_account(s, "mastodon", base, "@me@social.example", stable_id="1")
        SecretStore().set(secret_key(account), "access_token", "tok-123")
    return httpserver


class Gate:
    """A /api/v1/statuses answer held back until released, to see the page while posting."""

    def __init__(self, status: int, payload) -> None:
        self.status, self.payload = status, payload
        self.open = threading.Event()

    def __call__(self, _request) -> Response:
        self.open.wait(20)
        return Response(json.dumps(self.payload), self.status, content_type="application/json")


@pytest.fixture
def page(qtbot, store):
    p = SharePage(_Services(store), TaskRunner())
    p.messages = []
    p.message.connect(p.messages.append)
    qtbot.addWidget(p)
    p.resize(1280, 800)
    p.show()
    qtbot.waitExposed(p)
    yield p
    p.tasks.wait()
    qtbot.waitUntil(lambda: p.tasks.pending() == 0, timeout=15000)


def titles(page) -> list[str]:
    return [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]


def loaded(qtbot, page, n: int) -> None:
    qtbot.waitUntil(lambda: page.proxy.rowCount() == n and page.tasks.pending() == 0, timeout=15000)


def compose(qtbot, page, title: str = "Networking is giving"):
    page.table.selectRow(titles(page).index(title))
    qtbot.waitUntil(lambda: page.panel.title.text() == title, timeout=15000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_C)
    composer = page.panel.composer
    qtbot.waitUntil(composer.isVisible, timeout=15000)
    return composer


def state(store, url: str = URL) -> str:
    with store.read() as s:
        return s.scalar(select(Candidate.state).where(Candidate.canonical_url == url))


def ana_outbound(store) -> dict[str, int]:
    with store.read() as s:
        person_id = s.scalar(select(Identity.person_id).where(Identity.stable_id == ANA.stable_id))
        return person_ledger(s, person_id).windows["all"]["outbound"]


def test_post_shares_the_text_publicly_and_the_link_leaves_open(
    qtbot, page, store, server, links, tmp_path
):
    gate = Gate(200, body("status_post_reply.json", server.url_for("/").rstrip("/")))
    server.expect_request("/api/v1/statuses", method="POST").respond_with_handler(gate)
    page.refresh()
    loaded(qtbot, page, 2)
    composer = compose(qtbot, page)
    assert composer.editor.toPlainText() == TEXT
    qtbot.waitUntil(composer.post.isEnabled, timeout=15000)  # my accounts are known
    assert "Ctrl+Return" in composer.post.toolTip()
    assert not composer.feedback.isVisible()
    for width, height in ((1280, 800), (900, 600)):
        page.resize(width, height)
        qtbot.waitUntil(lambda w=width: page.width() == w)
        page.grab().save(str(tmp_path / f"share-post-{width}.png"))
        assert composer.post.isVisible() and composer.copy.isVisible()
        assert composer.post.width() >= composer.post.sizeHint().width()
        assert composer.copy.width() >= composer.copy.sizeHint().width()
    page.resize(1280, 800)

    try:
        qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: composer.feedback.text() == "Posting…", timeout=15000)
        assert composer.feedback.isVisible()
        assert composer.editor.isReadOnly() and not composer.post.isEnabled()
        assert not composer.network.isEnabled()
        qtbot.keyClick(composer.editor, Qt.Key.Key_Escape)
        assert composer.isVisible()  # not put away while its post is on its way
        page.grab().save(str(tmp_path / "share-posting.png"))
        assert state(store) == "new"  # nothing is marked before the network accepted it
    finally:
        gate.open.set()
    loaded(qtbot, page, 1)

    assert titles(page) == ["Tools we love"]
    (request,) = [r for r, _ in server.log if r.path == "/api/v1/statuses"]
    assert request.form["status"] == TEXT
    assert request.form["visibility"] == "public"
    assert "in_reply_to_id" not in request.form
    assert request.headers["Idempotency-Key"]
    posted = server.url_for("/@admin/117020583258292382")
    assert f"Posted to Mastodon: {posted}" in page.messages
    assert state(store) == "shared"
    assert ana_outbound(store) == {"share": 1}
    assert not composer.isVisible()
    assert not composer.editor.isReadOnly()


def test_a_refused_post_keeps_the_text_and_says_why_in_the_compose_area(
    qtbot, page, store, server, links, tmp_path
):
    server.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("error_422_status_too_long_de.json"), status=422
    )
    page.refresh()
    loaded(qtbot, page, 2)
    composer = compose(qtbot, page)
    composer.editor.setPlainText("My own words about Ana's post " + URL)
    qtbot.waitUntil(composer.post.isEnabled, timeout=15000)
    qtbot.mouseClick(composer.post, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Not posted" in composer.feedback.text(), timeout=15000)

    assert "Begrenzung von 500 Zeichen" in composer.feedback.text()  # the server's words
    assert composer.feedback.isVisible() and composer.isVisible()
    assert composer.editor.toPlainText() == "My own words about Ana's post " + URL
    assert not composer.editor.isReadOnly()
    assert composer.post.isEnabled()  # try again when ready
    assert state(store) == "new"
    assert titles(page) == ["Networking is giving", "Tools we love"]
    page.resize(900, 600)
    qtbot.waitUntil(lambda: page.width() == 900)
    page.grab().save(str(tmp_path / "share-post-failed-900.png"))


def test_a_failure_after_moving_on_keeps_the_text_for_later(qtbot, page, store, server, links):
    gate = Gate(422, {"error": "Validation failed: try again"})
    server.expect_request("/api/v1/statuses", method="POST").respond_with_handler(gate)
    page.refresh()
    loaded(qtbot, page, 2)
    composer = compose(qtbot, page)
    composer.editor.setPlainText("Mine, not the draft")
    qtbot.waitUntil(composer.post.isEnabled, timeout=15000)
    try:
        composer.post.click()
        qtbot.waitUntil(lambda: composer.feedback.text() == "Posting…", timeout=15000)
        page.table.selectRow(titles(page).index("Tools we love"))
        qtbot.waitUntil(lambda: page.panel.title.text() == "Tools we love", timeout=15000)
        assert not composer.isVisible()
    finally:
        gate.open.set()
    qtbot.waitUntil(lambda: any("Not posted" in m for m in page.messages), timeout=15000)
    assert "Your text is kept" in page.messages[-1]

    composer = compose(qtbot, page)  # back to the first link
    assert composer.editor.toPlainText() == "Mine, not the draft"
    assert "Validation failed: try again" in composer.feedback.text()
    assert state(store) == "new"


def test_post_needs_an_account_on_that_network_and_a_text_that_fits(
    qtbot, page, store, links, httpserver
):
    page.refresh()
    loaded(qtbot, page, 2)
    composer = compose(qtbot, page)
    qtbot.waitUntil(lambda: composer.feedback.isVisible(), timeout=15000)
    assert not composer.post.isEnabled()
    assert composer.copy.isEnabled()  # copying is always there
    assert "Connect a Mastodon account in Accounts" in composer.feedback.text()
    assert "Connect a Mastodon account" in composer.post.toolTip()
    assert "Ctrl+Return" in composer.post.toolTip()
    qtbot.keyClick(composer.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    page.tasks.wait()
    assert httpserver.log == [] and state(store) == "new"

    # Signed in on Mastodon now; Bluesky still has no account.
    base = httpserver.url_for("/").rstrip("/")
    with store.session() as s:
        upsert_account(s, "mastodon", base, "@me@social.example", stable_id="1")
    page.refresh()
    qtbot.waitUntil(composer.post.isEnabled, timeout=15000)
    assert not composer.feedback.isVisible()

    composer.editor.setPlainText("x" * 501)
    assert not composer.post.isEnabled()
    assert "Too long to post on Mastodon" in composer.post.toolTip()
    composer.editor.setPlainText("   ")
    assert not composer.post.isEnabled()
    composer.editor.setPlainText("x" * 500)
    assert composer.post.isEnabled()

    composer.network.setCurrentIndex(composer.network.findData("bluesky"))
    assert not composer.post.isEnabled()
    assert "Connect a Bluesky account" in composer.feedback.text()
