"""The first screen in the windows: the check-in shows the kept person and draft at once,
read-only, and the real draft takes over without the text ever going blank; the Thank page
shows its kept rows before the store is read; the app makes the screen again after a
change, once things are quiet."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

from factories import ANA, BEN, add, ev

from desktop.app import first_screen
from desktop.app.services import Services
from desktop.store.database import first_screen_path
from desktop.ui.app import DesktopApp
from desktop.ui.checkin import CheckinWindow
from desktop.ui.main_window import MainWindow

TODAY = date.today()


def _kept(store):
    now = datetime.now(UTC)
    add(store, ev(ANA, "share", now=now), ev(BEN, "reply", now=now, hours_ago=2))
    services = Services(store)
    services.checkin_plan(TODAY)
    screen = services.remember_first_screen(TODAY)
    assert screen is not None and screen.checkin_person is not None
    return services, screen


def test_the_check_in_shows_the_kept_draft_then_the_real_one_without_a_blank(qtbot, store):
    services, screen = _kept(store)
    window = CheckinWindow(services, today=TODAY, first_screen=screen)
    qtbot.addWidget(window)
    texts: list[str] = []
    window.editor.textChanged.connect(lambda: texts.append(window.editor.toPlainText()))
    window.show()
    qtbot.waitExposed(window)
    assert window.person_name.text() == screen.checkin_person.name
    assert window.editor.toPlainText() == screen.draft_text
    assert window.editor.isReadOnly() and not window.send_button.isEnabled()
    window.send_thanks()  # Ctrl+Return on the kept copy: nothing is sent from it
    assert window.step == "loading" and window.draft is None
    window.start()
    qtbot.waitUntil(lambda: window.draft is not None, timeout=15000)
    assert not window.editor.isReadOnly() and window.send_button.isEnabled()
    assert window.editor.toPlainText() == screen.draft_text
    assert "" not in texts  # never blanked to "Writing a draft…" in between
    window.tasks.wait()


def test_the_thank_page_shows_the_kept_rows_before_the_store_is_read(qtbot, store):
    services, screen = _kept(store)
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show_first_screen(screen)
    window.show()
    page = window.pages["thank"]
    assert window.stack.currentWidget() is page
    assert page.model.rowCount() == 2 and page.heading.text() == "2 people to thank"
    assert page.current_person_id() is None  # nobody selected: nothing drafted from it yet
    window.start()
    qtbot.waitUntil(lambda: page.current_person_id() is not None, timeout=15000)
    window.tasks.wait()


def test_the_app_makes_the_first_screen_again_after_a_change(qtbot, qapp, tmp_path):
    from desktop.store.database import open_store

    real = open_store(f"sqlite:///{tmp_path / 'reciprocity.db'}")
    add(real, ev(ANA, "share", now=datetime.now(UTC)))
    context = SimpleNamespace(store=lambda: real, data_dir=tmp_path)
    app = DesktopApp(context, sync_on_start=False, tray_available=False)
    window = app.start()
    qtbot.addWidget(window)
    path = first_screen_path(real.path)
    app._first_screen_timer.setInterval(50)
    window.page_changed.emit("thank")  # as after a thank-you sent from a page
    qtbot.waitUntil(path.exists, timeout=15000)
    kept = first_screen.read(real.path, TODAY, "en")
    assert kept is not None and [p.name for p in kept.thank_rows] == ["Ana García"]
    Services(real).set_setting("thank_likes", True)  # any write forgets it ...
    assert not path.exists()
    window.page_changed.emit("settings")  # ... and the next quiet moment makes it again
    qtbot.waitUntil(path.exists, timeout=15000)
    app.shutdown()
    real.close()
