"""Where Reciprocity cannot post (LinkedIn, Instagram, Facebook…), the thank-you is copied
and their post or profile opened; Send says so, and the person is marked thanked."""

from datetime import UTC, datetime, timedelta

from factories import add, ev
from PySide6.QtGui import QDesktopServices, QGuiApplication

from desktop.app.services import Services
from desktop.core.events import Actor
from desktop.ui.main_window import MainWindow

BEGONA = Actor(
    "linkedin", "in/begona", "begona", "Begoña Ruiz", "https://www.linkedin.com/in/begona"
)


def test_a_linkedin_thank_you_is_copied_and_her_profile_opened(qtbot, store, monkeypatch):
    add(
        store,
        ev(BEGONA, "follow", now=datetime.now(UTC) - timedelta(days=1)),
        network="linkedin",
    )
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.show()
    window.start()
    page = window.pages["thank"]
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=10000)
    page.panel.write.click()
    qtbot.waitUntil(lambda: bool(page.panel.editor.toPlainText()), timeout=10000)
    assert page.panel.send.text() == "Copy and open"
    draft = page.panel.editor.toPlainText()
    page.panel.send.click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=10000)
    assert QGuiApplication.clipboard().text() == draft
    assert opened == ["https://www.linkedin.com/in/begona"]
    window.tasks.wait()
