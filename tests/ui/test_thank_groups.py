"""Thank → By post: several people who shared the same post of mine, thanked together in one
reply under it (against a Mastodon-shaped server on loopback), and the send path behind it."""

import json
import random
from datetime import UTC, datetime

import pytest
from connectors.mastodon_server import body
from factories import POST1, POST2, add, ev
from PySide6.QtCore import Qt
from sqlalchemy import select
from werkzeug import Response

from desktop.app.outbox.group_thank import GroupSendError, send_group_thanks
from desktop.app.services import Services
from desktop.core.errors import InvalidRequest
from desktop.core.events import Actor, Post
from desktop.core.groups import shared_post_groups
from desktop.platform.secrets import SecretStore
from desktop.queries.accounts import upsert_account
from desktop.queries.drafts import group_draft
from desktop.queries.pending import pending
from desktop.store.ingest import ingest_interactions
from desktop.store.models import Acknowledgement, Person
from desktop.sync.connect import secret_key
from desktop.ui.main_window import MainWindow
from desktop.ui.models.post_group import PostGroupModel, names_text
from desktop.ui.pages.thank import BY_POST, PEOPLE

# The By post view uses Services.group_draft and Services.send_group_thanks as they are.
GroupServices = Services


def _actor(name: str, user: str) -> Actor:
    return Actor(
        "mastodon",
        f"http://x/@{user}",
        f"@{user}@social.example",
        name,
        f"https://social.example/@{user}",
    )


ANA = _actor("Ana García", "ana")
BEN = _actor("Ben Carter", "ben")
EVE = _actor("Eve Okafor", "eve")
FINN = _actor("Finn Larsen", "finn")
MENTION = {a.display_name: a.handle for a in (ANA, BEN, EVE, FINN)}


def _now():
    return datetime.now(UTC)


def _sign_in(httpserver, store, *events):
    httpserver.expect_request("/api/v2/instance").respond_with_json(body("instance_v2.json"))
    base = httpserver.url_for("/").rstrip("/")
    with store.session() as s:
        account = upsert_account(s, "mastodon", base, "@me@social.example", stable_id="1")
        SecretStore().set(secret_key(account), "access_token", "tok-123")
        ingest_interactions(s, account.id, list(events))
    return httpserver


@pytest.fixture
def shared(httpserver, store):
    """Ana and Ben both boosted my POST1 (remote id "1"); Eve boosted POST2 on her own."""
    return _sign_in(
        httpserver,
        store,
        ev(ANA, "share", hours_ago=2, now=_now()),
        ev(BEN, "share", hours_ago=1, now=_now()),
        ev(EVE, "share", hours_ago=3, post=POST2, now=_now()),
    )


@pytest.fixture
def window(qtbot, store):
    w = MainWindow(GroupServices(store))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.tasks.wait()


def person_id(store, actor: Actor) -> int:
    with store.read() as s:
        return s.scalar(select(Person.id).where(Person.display_name == actor.display_name))


def waiting(store) -> set[str]:
    with store.read() as s:
        return {p.name for p in pending(s)}


def statuses(server) -> list:
    return [r for r, _ in server.log if r.path == "/api/v1/statuses"]


def by_post(qtbot, window):
    page = window.pages["thank"]
    window.start()
    qtbot.waitUntil(lambda: page.model.rowCount() >= 3, timeout=15000)
    qtbot.keyClick(page.table, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert page.view == BY_POST
    qtbot.waitUntil(lambda: page.group_panel.write.isEnabled(), timeout=15000)
    return page


# --- the page ------------------------------------------------------------------------------


def test_a_group_thank_you_mentions_both_and_posts_one_reply_under_my_post(
    qtbot, shared, store, window, tmp_path
):
    shared.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("status_post_reply.json")
    )
    page = by_post(qtbot, window)
    assert page.views.tabText(BY_POST) == "&By post (1)"
    assert page.group_model.rowCount() == 1
    assert page.group_proxy.index(0, 0).data() == POST1.text
    assert page.group_proxy.index(0, 1).data() == 2
    assert page.group_proxy.index(0, 2).data() == "Ben Carter and Ana García"
    panel = page.group_panel
    assert panel.title.text() == "2 people shared this post"
    assert "Ana García" in panel.people.text() and "1 share" in panel.people.text()
    window.grab().save(str(tmp_path / "by-post.png"))

    qtbot.keyClick(page.group_table, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: len(panel.editors) == 1, timeout=15000)
    text = panel.editors[0].toPlainText()
    assert "@ana@social.example" in text and "@ben@social.example" in text
    assert "left" in panel.part_hints[0].text()
    assert panel.status.text() == "Thanks all 2 of them."
    assert panel.send.isEnabled() and panel.send.text() == "Send"
    window.grab().save(str(tmp_path / "by-post-draft.png"))

    qtbot.keyClick(panel.editors[0], Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.group_model.rowCount() == 0, timeout=15000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15000)
    assert page.model.entry(0).name == "Eve Okafor"
    assert page.views.tabText(BY_POST) == "&By post"
    (posted,) = statuses(shared)
    assert posted.form["in_reply_to_id"] == "1"  # under my post, where they saw it
    assert posted.form["status"] == text
    assert posted.form["visibility"] == "unlisted"
    with store.read() as s:
        acks = s.scalars(select(Acknowledgement).where(Acknowledgement.action == "thanked"))
        assert {(a.person_id, a.how, a.text) for a in acks} == {
            (person_id(store, ANA), "reply", text),
            (person_id(store, BEN), "reply", text),
        }
    assert waiting(store) == {"Eve Okafor"}
    assert "Thanked Ben Carter and Ana García" in window.statusBar().currentMessage()


def test_views_switch_with_alt_p_and_alt_b_and_link_person_and_group(qtbot, shared, window):
    page = by_post(qtbot, window)
    assert page.tables.currentWidget() is page.group_table
    assert page.panels.currentWidget() is page.group_panel
    page.group_panel.people.linkActivated.emit(f"person:{page.current_group().person_ids[1]}")
    assert page.view == PEOPLE
    assert page.panel.name.text() == "Ana García"
    assert page.panel.together.isVisibleTo(page.panel)
    assert "Ben Carter also shared" in page.panel.together.text()
    page.panel.together.linkActivated.emit(POST1.url)
    assert page.view == BY_POST and page.current_group().post_url == POST1.url
    qtbot.keyClick(page.group_table, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    assert page.view == PEOPLE and page.tables.currentWidget() is page.table
    page.table.selectRow(2)
    qtbot.waitUntil(lambda: page.panel.name.text() == "Eve Okafor")
    assert not page.panel.together.isVisibleTo(page.panel)  # she shared POST2 alone


def test_the_search_finds_groups_by_any_name(qtbot, shared, window):
    page = by_post(qtbot, window)
    page.search.setText("ana garc")
    assert page.group_proxy.rowCount() == 1
    page.search.setText("nobody like that")
    assert page.group_proxy.rowCount() == 0
    assert page.group_panel.title.text() == "No post selected"


def test_who_is_left_out_of_the_text_stays_waiting(qtbot, shared, store, window):
    shared.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("status_post_reply.json")
    )
    page = by_post(qtbot, window)
    panel = page.group_panel
    panel.write.click()
    qtbot.waitUntil(lambda: len(panel.editors) == 1, timeout=15000)
    panel.editors[0].setPlainText("Thank you for sharing it!")
    assert panel.status.text() == "It mentions none of them: who is it thanking?"
    assert not panel.send.isEnabled()
    panel.editors[0].setPlainText("Thanks @ana@social.example, much appreciated!")
    assert panel.status.text() == "Not mentioned, so still waiting afterwards: Ben Carter."
    assert panel.send.isEnabled()
    panel.send.click()
    qtbot.waitUntil(lambda: page.group_model.rowCount() == 0, timeout=15000)
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)
    assert waiting(store) == {"Ben Carter", "Eve Okafor"}


def test_a_part_that_fails_keeps_its_text_and_says_who_is_still_waiting(
    qtbot, httpserver, store, window, monkeypatch
):
    _sign_in(
        httpserver,
        store,
        *(ev(a, "share", hours_ago=h, now=_now()) for h, a in enumerate((ANA, BEN, EVE, FINN))),
    )
    calls = []

    def statuses_endpoint(request):
        calls.append(request.form["status"])
        if len(calls) == 2:
            return Response('{"error": "Validation failed: try later"}', 422)
        return Response(
            json.dumps(body("status_post_reply.json")),
            200,
            content_type="application/json",
        )

    httpserver.expect_request("/api/v1/statuses", method="POST").respond_with_handler(
        statuses_endpoint
    )
    services = window.services

    def small_parts(person_ids, post_url, *, language=None):
        # A tiny length limit: two people per reply, so two replies for four people.
        with store.read() as s:
            return group_draft(s, person_ids, post_url, mastodon_max=52, rng=random.Random(0))

    monkeypatch.setattr(services, "group_draft", small_parts)
    page = window.pages["thank"]
    window.start()
    qtbot.waitUntil(lambda: page.model.rowCount() == 4, timeout=15000)
    page.set_view(BY_POST)
    qtbot.waitUntil(lambda: page.group_panel.write.isEnabled(), timeout=15000)
    panel = page.group_panel
    panel.write.click()
    qtbot.waitUntil(lambda: len(panel.editors) == 2, timeout=15000)
    assert panel.send.text() == "Send 2 posts"
    first, second = panel.texts()
    panel.send.click()
    qtbot.waitUntil(lambda: "Not sent" in panel.status.text(), timeout=15000)
    assert "still waiting" in panel.status.text()
    assert panel.texts() == [second]  # the part that went out is gone, the other is kept
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)
    assert page.current_group().size == 2
    assert panel.texts() == [second]  # a reload of the same post keeps what is written
    left = waiting(store)
    assert all(MENTION[name] in second for name in left)
    assert not any(MENTION[name] in second for name in set(MENTION) - left)

    panel.send.click()  # the server takes it this time
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=15000)
    assert calls == [first, second, second]
    assert waiting(store) == set()


def test_nothing_is_clipped_in_a_small_window(qtbot, shared, window):
    window.resize(900, 600)
    page = by_post(qtbot, window)
    page.group_panel.write.click()
    qtbot.waitUntil(lambda: len(page.group_panel.editors) == 1, timeout=15000)

    def inside(widget, panel):
        corner = widget.mapTo(panel, widget.rect().bottomRight())
        return widget.isVisible() and corner.x() <= panel.width() and corner.y() <= panel.height()

    group_panel = page.group_panel
    for widget in (group_panel.write, group_panel.send, group_panel.editors[0]):
        assert inside(widget, group_panel)
    page.set_view(PEOPLE)
    qtbot.waitUntil(lambda: page.panel.isVisible())
    for button in (page.panel.write, page.panel.thank, page.panel.dismiss, page.panel.snooze):
        assert inside(button, page.panel), button.text()
        assert button.width() >= button.sizeHint().width(), button.text()


def test_post_group_model_is_a_valid_qt_model(qtmodeltester, shared, store):
    with store.read() as s:
        groups = shared_post_groups(pending(s))
    model = PostGroupModel()
    model.set_groups(groups)
    qtmodeltester.check(model)
    assert model.rowCount() == 1
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "Ben Carter\nAna García"
    assert model.index(0, 0).data(PostGroupModel.PostUrlRole) == POST1.url
    assert len(model.index(0, 0).data(PostGroupModel.PersonIdsRole)) == 2
    model.set_groups([])
    qtmodeltester.check(model)


def test_names_text():
    assert names_text([]) == ""
    assert names_text(["Ana"]) == "Ana"
    assert names_text(["Ana", "Ben", "Cai"]) == "Ana, Ben and Cai"
    assert names_text(["Ana", "Ben", "Cai", "Dee"]) == "Ana, Ben, Cai and 1 other"
    assert names_text(list("abcdef"), shown=2) == "a, b and 4 others"


# --- the send path (desktop.app.outbox.group_thank) -----------------------------------------------


def _ids(store, *actors):
    return [person_id(store, a) for a in actors]


def test_send_group_thanks_posts_the_drafts_and_marks_everyone(shared, store):
    shared.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("status_post_reply.json")
    )
    results = send_group_thanks(store, SecretStore, _ids(store, ANA, BEN), POST1.url)
    assert [r.person_id for r in results] == _ids(store, ANA, BEN)
    assert {r.how for r in results} == {"reply"} and not any(r.copied for r in results)
    (posted,) = statuses(shared)
    assert posted.form["in_reply_to_id"] == "1"
    assert results[0].text == posted.form["status"]
    assert waiting(store) == {"Eve Okafor"}


def test_nothing_is_posted_when_a_text_cannot_go(shared, store):
    ids = _ids(store, ANA, BEN)
    for texts, message in (
        (["Thanks @ana@social.example", "   "], "part 2 is empty"),
        (["Thanks everyone!"], "mentions none of"),
        ([f"Thanks @ana@social.example @ben@social.example {'!' * 500}"], "not sent"),
        ([], "empty"),
    ):
        with pytest.raises(InvalidRequest, match=message):
            send_group_thanks(store, SecretStore, ids, POST1.url, texts=texts)
    assert statuses(shared) == []
    assert waiting(store) == {"Ana García", "Ben Carter", "Eve Okafor"}


def test_a_failing_first_part_changes_nothing(shared, store):
    shared.expect_request("/api/v1/statuses", method="POST").respond_with_data(
        '{"error": "nope"}', 422
    )
    with pytest.raises(Exception, match="nope") as caught:
        send_group_thanks(store, SecretStore, _ids(store, ANA, BEN), POST1.url)
    assert not isinstance(caught.value, GroupSendError)
    assert waiting(store) == {"Ana García", "Ben Carter", "Eve Okafor"}


def test_a_failing_later_part_reports_who_was_thanked_and_who_not(shared, store):
    answers = iter([(body("status_post_reply.json"), 200), ({"error": "too fast"}, 422)])

    def handler(_request):
        payload, status = next(answers)
        return Response(json.dumps(payload), status, content_type="application/json")

    shared.expect_request("/api/v1/statuses", method="POST").respond_with_handler(handler)
    ana, ben = _ids(store, ANA, BEN)
    texts = ["Thanks @ben@social.example!", "And thank you @ana@social.example!"]
    with pytest.raises(GroupSendError) as caught:
        send_group_thanks(store, SecretStore, [ana, ben], POST1.url, texts=texts)
    error = caught.value
    assert error.thanked == [ben] and error.not_thanked == [ana] and error.parts_sent == 1
    assert "part 2 of 2" in str(error) and "too fast" in str(error)
    assert "Thanked: Ben Carter; still waiting: Ana García" in str(error)
    assert waiting(store) == {"Ana García", "Eve Okafor"}
    with store.read() as s:
        ack = s.scalar(select(Acknowledgement).where(Acknowledgement.person_id == ben))
        assert ack.text == texts[0]  # with the text that mentioned them


def test_without_write_access_the_texts_are_copied_and_everyone_mentioned_is_marked(store):
    post = Post("https://x.com/me/status/9", "Small teams ship faster", "en", "9")
    zoe = Actor("x", "201", "zoe", "Zoe Evans", "https://x.com/zoe")
    yan = Actor("x", "202", "yan", "Yan Li", "https://x.com/yan")
    add(store, ev(zoe, "share", post=post), ev(yan, "share", post=post), network="x")
    ids = _ids(store, zoe, yan)
    results = send_group_thanks(store, lambda: None, ids, post.url)  # no keyring needed
    assert {r.person_id for r in results} == set(ids)
    assert all(r.copied and r.how == "message" and r.url == post.url for r in results)
    assert "Zoe Evans" in results[0].text and "Yan Li" in results[0].text
    assert waiting(store) == set()
