from types import SimpleNamespace

from factories import ANA, BEN, DAN, add, ev
from PySide6.QtCore import Qt

from desktop.app.services import Services
from desktop.core.events import Actor
from desktop.ui.main_window import MainWindow
from desktop.ui.models.pending import PendingModel


def thank_page(window):
    return window.pages["thank"]


def test_window_opens_before_loading_and_then_lists_who_to_thank(qtbot, store, window, tmp_path):
    add(store, ev(ANA, "share", hours_ago=2), ev(BEN, "reply", hours_ago=1), ev(DAN, "like"))
    page = thank_page(window)
    assert page.model.rowCount() == 0  # nothing is read on the GUI thread at construction
    window.start()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)
    assert page.heading.text() == "2 people to thank"
    first = page.proxy.index(0, 0)
    assert first.data() == "Ana García"
    assert page.proxy.index(0, 1).data() == "1 share"
    assert page.proxy.index(1, 3).data() == "Talked with you"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "@ana@social.example on Mastodon"
    qtbot.waitUntil(lambda: page.panel.name.text() == "Ana García")
    assert "1 share" in page.panel.what.text()
    window.grab().save(str(tmp_path / "main.png"))


def test_what_lives_on_is_kept_out_of_the_collectors_full_passes(qtbot, store, window):
    """Full collections stalled the GUI for 50-150 ms during syncs: what is alive after the
    first load, and a long pending list once shown, are frozen out of them."""
    import gc

    from desktop.ui.platform import gc_policy

    people = [
        Actor("mastodon", f"m{i}", f"@m{i}@x.example", f"Many {i}", "")
        for i in range(gc_policy.BIG)
    ]
    add(store, *[ev(p, "share", hours_ago=1) for p in people])
    gc.unfreeze()
    window.start()
    page = thank_page(window)
    qtbot.waitUntil(lambda: page.model.rowCount() >= gc_policy.BIG, timeout=15000)
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold()[2] == gc_policy.FULL_AFTER  # full passes spaced out
    row = page.model.row_object(0)
    assert not any(o is row for o in gc.get_objects())  # frozen: never scanned again
    gc.unfreeze()


def test_an_empty_store_welcomes_with_the_ways_in(qtbot, window):
    window.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome, timeout=15000)
    assert set(window.welcome.buttons) == {"mastodon", "bluesky", "feeds", "demo"}
    window.welcome.buttons["mastodon"].click()
    assert window.stack.currentWidget() is window.pages["accounts"]


def test_marking_thanked_from_the_panel_moves_to_the_next_person(qtbot, store, window):
    add(store, ev(ANA, "share", hours_ago=2), ev(BEN, "reply", hours_ago=1))
    page = thank_page(window)
    window.start()
    qtbot.waitUntil(lambda: page.panel.name.text() == "Ana García", timeout=15000)
    qtbot.mouseClick(page.panel.thank, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15000)
    qtbot.waitUntil(lambda: page.panel.name.text() == "Ben Carter")
    with store.read() as s:
        from desktop.queries.ledger import list_people

        ana = next(p for p in list_people(s) if p.name == "Ana García")
        assert ana.last_thanked is not None


def test_snooze_and_dismiss_by_keyboard(qtbot, store, window):
    add(store, ev(ANA, "share", hours_ago=2), ev(BEN, "reply", hours_ago=1))
    page = thank_page(window)
    window.start()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=15000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15000)
    # As a user would: D once the next person is on the panel (under load, the snooze's
    # work and the reloads it causes may still be finishing when the row count changes).
    qtbot.waitUntil(lambda: page.panel.shown_id is not None and page.panel.dismiss.isEnabled())
    qtbot.waitUntil(lambda: page.tasks.pending() == 0)
    qtbot.keyClick(page.table, Qt.Key.Key_D)
    qtbot.waitUntil(lambda: page.model.rowCount() == 0, timeout=15000)
    assert page.heading.text() == "Nobody is waiting for a thank-you"


def test_sections_switch_with_the_keyboard(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["people"]
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["thank"]


def test_a_failing_store_shows_the_error_instead_of_crashing(qtbot, store, window):
    store.engine.dispose()
    store.path.unlink()
    store.path.mkdir()  # the file is gone and a directory stands in its place
    window.start()
    qtbot.waitUntil(
        lambda: "Could not read the store" in window.statusBar().currentMessage(), timeout=15000
    )


def test_the_demo_store_is_separate_labelled_and_removable(qtbot, tmp_path, monkeypatch):
    from desktop.store.database import open_store
    from desktop.ui.app import DesktopApp

    real = open_store(f"sqlite:///{tmp_path / 'reciprocity.db'}")
    context = SimpleNamespace(store=lambda: real, data_dir=tmp_path)
    app = DesktopApp(context, sync_on_start=False)
    window = app.start()
    qtbot.addWidget(window)
    assert "Demo" not in window.windowTitle()
    window.welcome.buttons["demo"].click()
    qtbot.waitUntil(lambda: app.window is not window, timeout=15000)
    demo_window = app.window
    qtbot.addWidget(demo_window)
    assert demo_window.windowTitle() == "Reciprocity — Demo data"
    assert demo_window.banner.isVisible()
    page = demo_window.pages["thank"]
    qtbot.waitUntil(lambda: page.model.rowCount() > 5, timeout=10000)
    with real.read() as s:  # the real store stays empty
        from desktop.queries.ledger import list_people

        assert list_people(s) == []
    demo_window.leave_demo_requested.emit()
    qtbot.addWidget(app.window)
    assert "Demo" not in app.window.windowTitle()
    assert not (tmp_path / "demo").exists()
    app.shutdown()  # timers, tray, workers: nothing of this app outlives the test
    real.close()


def test_pending_model_is_a_valid_qt_model(qtmodeltester, store):
    from desktop.queries.pending import pending

    add(store, ev(ANA, "share"), ev(BEN, "mention"))
    model = PendingModel()
    with store.read() as s:
        model.set_entries(pending(s))
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_write_and_send_a_thank_you_from_the_thank_page(qtbot, mastodon, store, window):
    from connectors.mastodon_server import body

    mastodon.expect_request("/api/v1/statuses", method="POST").respond_with_json(
        body("status_post_reply.json")
    )
    page = thank_page(window)
    window.start()
    qtbot.waitUntil(lambda: page.panel.name.text() == "Ana García", timeout=15000)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_W)
    qtbot.waitUntil(lambda: "@ana@social.example" in page.panel.editor.toPlainText(), timeout=15000)
    assert "left" in page.panel.remaining.text()
    qtbot.keyClick(page.panel.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.model.rowCount() == 1, timeout=15000)
    posted = [r for r, _ in mastodon.log if r.path == "/api/v1/statuses"]
    assert len(posted) == 1 and "@ana@social.example" in posted[0].form["status"]


def test_closing_the_window_asks_a_running_sync_to_stop(qtbot, store):
    window = MainWindow(Services(store))
    qtbot.addWidget(window)
    window.show()
    assert not window._cancel.is_set()
    window.close()
    assert window._cancel.is_set()


def test_someone_thanked_lately_is_shown_as_recently_thanked(qtbot, store, window):
    from datetime import UTC, datetime

    from desktop.queries.people import acknowledge

    add(store, ev(ANA, "share", hours_ago=30))
    with store.session() as s:
        from sqlalchemy import select

        from desktop.store.models import Person

        ana = s.scalar(select(Person.id).where(Person.display_name == "Ana García"))
        acknowledge(s, ana, "thanked", now=datetime.now(UTC))
    add(store, ev(ANA, "mention", hours_ago=-1))  # something new since
    page = thank_page(window)
    window.start()
    qtbot.waitUntil(lambda: page.panel.name.text() == "Ana García", timeout=15000)
    assert "Recently thanked" in page.panel.what.text()
    assert "let it be" in page.panel.what.text()


def test_from_the_welcome_a_click_on_the_first_section_opens_it(qtbot, window):
    """On a fresh install the welcome covers the pages; clicking "Thank" (the first row,
    the list's current one before) must open it, as must the welcome's own links."""
    from PySide6.QtCore import Qt

    window.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome, timeout=10000)
    window.nav.setFocus()  # focus alone does not leave the welcome
    qtbot.wait(50)
    assert window.stack.currentWidget() is window.welcome
    rect = window.nav.visualItemRect(window.nav.item(0))
    qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages["thank"], timeout=5000)
    window.show_welcome(True)
    window.show_section("thank")  # what the welcome's links ask
    assert window.stack.currentWidget() is window.pages["thank"]
