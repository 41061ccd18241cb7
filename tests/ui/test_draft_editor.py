"""The editor the Thank page, the check-in and the Share composer share: the count, Send
enabled only when the text fits, one error line, Ctrl+Return in the text."""

from PySide6.QtCore import Qt

from desktop.core.length import check, rule_for
from desktop.ui.widgets.draft_editor import DraftEditor

RULE = rule_for("mastodon")


def fits(text):
    return check(text, RULE)


def test_send_follows_the_length_and_ctrl_return_sends_only_when_it_may(qtbot):
    editor = DraftEditor(placeholder="Your thank-you…")
    qtbot.addWidget(editor)
    editor.show()
    asked = []
    editor.send_requested.connect(lambda: asked.append(True))
    editor.begin()
    assert editor.remaining.text() == "Writing a draft…" and not editor.send.isEnabled()
    editor.set_draft("Thanks!", fits)
    assert editor.remaining.text() == "493 left" and editor.send.isEnabled()
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]
    assert editor.text() == "Thanks!"  # the key sent; it typed no new line
    editor.editor.setPlainText("x" * 600)
    assert not editor.send.isEnabled() and "over Mastodon's limit" in editor.remaining.text()
    qtbot.keyClick(editor.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert asked == [True]
    editor.editor.setPlainText("Thanks again")
    editor.set_busy(True, "Sending…")
    assert editor.editor.isReadOnly() and not editor.send.isEnabled()
    assert editor.remaining.text() == "Sending…"
    editor.set_busy(False)
    assert editor.send.isEnabled() and not editor.editor.isReadOnly()


def test_a_failed_draft_says_why_on_the_error_line(qtbot):
    editor = DraftEditor(placeholder="…", used=True, send_beside=False)
    qtbot.addWidget(editor)
    editor.show()
    editor.failed(RuntimeError("no identity"))
    assert editor.error.isVisible() and editor.error.text() == "No draft: no identity"
    assert editor.editor.isEnabled() and not editor.send.isEnabled()
    editor.set_draft("x" * 501, fits)
    assert editor.remaining.text() == "501 / 500"
    assert "Too long to post" in editor.error.text() and editor.error.isVisible()
