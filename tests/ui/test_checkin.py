"""The daily check-in, end to end against a Mastodon-shaped server on loopback: the draft is
written, Send posts a reply with in_reply_to_id, the person leaves the pending list; a
failing send keeps the draft and says why; progress survives closing and reopening."""

from datetime import date, timedelta

import pytest
from connectors.mastodon_server import body
from factories import POST1, add_links, link
from PySide6.QtCore import Qt

from desktop.app.services import Services
from desktop.core.events import Actor
from desktop.ui.checkin import CheckinWindow

TODAY = date.today()
ANA_HERE = Actor(
    "mastodon", "http://x/@ana", "@ana@social.example", "Ana García", "https://social.example/@ana"
)


@pytest.fixture
def checkin(qtbot, store):
    window = CheckinWindow(Services(store), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.tasks.wait()


def wait_for_draft(qtbot, window, name):
    qtbot.waitUntil(lambda: window.person_name.text() == name, timeout=15000)
    qtbot.waitUntil(
        lambda: window.editor.isEnabled() and bool(window.editor.toPlainText()), timeout=15000
    )


def test_send_posts_a_reply_and_the_person_is_thanked(qtbot, mastodon, store, checkin):
    posted = mastodon.expect_request("/api/v1/statuses", method="POST")
    posted.respond_with_json(body("status_post_reply.json"))
    checkin.start()
    wait_for_draft(qtbot, checkin, "Ana García")
    assert "@ana@social.example" in checkin.editor.toPlainText()
    assert "left" in checkin.remaining.text()
    checkin.editor.setPlainText("Thank you so much for sharing, @ana@social.example!")
    qtbot.keyClick(checkin.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    wait_for_draft(qtbot, checkin, "Ben Carter")
    request = next(r for r, _ in mastodon.log if r.path == "/api/v1/statuses")
    assert request.form["status"] == "Thank you so much for sharing, @ana@social.example!"
    assert request.form["in_reply_to_id"] == POST1.remote_id  # under my post she shared
    assert request.form["visibility"] == "unlisted"
    assert request.headers["Idempotency-Key"]
    pending = Services(store).pending(TODAY)
    assert [p.name for p in pending] == ["Ben Carter"]
    assert "Sent to Ana García" in checkin.status.text()


def test_a_failed_send_keeps_the_draft_and_says_why(qtbot, mastodon, store, checkin):
    mastodon.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("error_422_status_too_long_de.json"), status=422
    )
    checkin.start()
    wait_for_draft(qtbot, checkin, "Ana García")
    checkin.editor.setPlainText("My own words, Ana.")
    checkin.send_button.click()
    qtbot.waitUntil(lambda: "Not sent" in checkin.status.text(), timeout=15000)
    assert checkin.editor.toPlainText() == "My own words, Ana."
    assert checkin.person_name.text() == "Ana García"
    assert [p.name for p in Services(store).pending(TODAY)] == ["Ana García", "Ben Carter"]


def test_an_over_long_draft_cannot_be_sent_and_says_why(qtbot, mastodon, checkin):
    checkin.start()
    wait_for_draft(qtbot, checkin, "Ana García")
    checkin.editor.setPlainText("x" * 600)
    assert not checkin.send_button.isEnabled()
    assert "over Mastodon's limit" in checkin.remaining.text()


def test_keyboard_flow_skip_share_and_summary_with_progress_kept(qtbot, mastodon, store, checkin):
    add_links(store, link("https://blog.example/post", title="A good read", hours_ago=1))
    checkin.start()
    wait_for_draft(qtbot, checkin, "Ana García")
    qtbot.keyClick(checkin, Qt.Key.Key_K)  # skip Ana for today
    wait_for_draft(qtbot, checkin, "Ben Carter")
    qtbot.keyClick(checkin, Qt.Key.Key_Z)  # snooze Ben a week
    qtbot.waitUntil(lambda: checkin.step == "share", timeout=15000)
    assert checkin.candidate_title.text() == "A good read"
    qtbot.keyClick(checkin, Qt.Key.Key_S)  # save for later
    qtbot.waitUntil(lambda: checkin.step == "summary", timeout=15000)
    qtbot.waitUntil(
        lambda: "0 people thanked, 0 things shared" in checkin.summary.text(), timeout=15000
    )
    checkin.close()

    again = CheckinWindow(Services(store), today=TODAY)
    qtbot.addWidget(again)
    again.start()
    # Ben was snoozed and the link saved: only skipped Ana is left to look at today.
    wait_for_draft(qtbot, again, "Ana García")
    again.tasks.wait()
    assert [p.name for p in Services(store).pending(TODAY + timedelta(days=8))] == [
        "Ana García",
        "Ben Carter",
    ]


def test_help_overlay_lists_every_key(qtbot, checkin):
    qtbot.keyClick(checkin, Qt.Key.Key_F1)
    assert checkin.help.isVisible()
    assert "Like back only" in checkin.help.findChildren(type(checkin.summary))[-1].text()
    qtbot.keyClick(checkin, Qt.Key.Key_Escape)
    assert not checkin.help.isVisible()
    assert "Ctrl+Return" in checkin.send_button.toolTip()


def test_nothing_pending_goes_straight_to_the_summary(qtbot, checkin):
    checkin.start()
    qtbot.waitUntil(lambda: checkin.step == "summary", timeout=15000)


def test_the_share_step_posts_through_my_account(qtbot, mastodon, store, checkin):
    from connectors.mastodon_server import body

    mastodon.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("status_post_reply.json")
    )
    add_links(
        store,
        link(
            "https://blog.example/generosity?utm_source=x",
            title="The quiet power of boosting",
            hours_ago=1,
        ),
    )
    checkin.start()
    wait_for_draft(qtbot, checkin, "Ana García")
    qtbot.keyClick(checkin, Qt.Key.Key_K)
    wait_for_draft(qtbot, checkin, "Ben Carter")
    qtbot.keyClick(checkin, Qt.Key.Key_K)
    qtbot.waitUntil(lambda: checkin.share_button.text() == "Post to Mastodon", timeout=15000)
    assert "https://blog.example/generosity" in checkin.share_editor.toPlainText()
    qtbot.keyClick(
        checkin,
        Qt.Key.Key_Return,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: checkin.step == "summary", timeout=15000)
    posted = [r for r, _ in mastodon.log if r.path == "/api/v1/statuses"]
    assert len(posted) == 1
    assert posted[0].form["visibility"] == "public"
    assert "in_reply_to_id" not in posted[0].form
    assert "https://blog.example/generosity" in posted[0].form["status"]
    assert Services(store).candidates(states=("shared",))[0].title == (
        "The quiet power of boosting"
    )


def test_the_demo_posts_nothing_and_says_so(qtbot, mastodon, store):
    window = CheckinWindow(Services(store, demo=True), today=TODAY)
    qtbot.addWidget(window)
    window.show()
    window.start()
    wait_for_draft(qtbot, window, "Ana García")
    window.send_button.click()
    qtbot.waitUntil(lambda: "demo data" in window.status.text(), timeout=15000)
    assert not [r for r, _ in mastodon.log if r.path == "/api/v1/statuses"]
    assert window.editor.toPlainText()
    window.tasks.wait()
