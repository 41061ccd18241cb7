from factories import ANA, BEN, DAN, add, ev
from PySide6.QtCore import Qt

from desktop.ui.app import MainWindow
from desktop.ui.pending_model import PendingModel


def test_window_opens_before_loading_and_then_lists_who_to_thank(qtbot, store, tmp_path):
    add(store, ev(ANA, "share", hours_ago=2), ev(BEN, "reply", hours_ago=1), ev(DAN, "like"))
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.model.rowCount() == 0  # nothing loaded on the GUI thread at construction
    window.refresh()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=5000)
    assert window.heading.text() == "2 people to thank"
    first = window.model.index(0, 0)
    assert first.data() == "Ana García"
    assert window.model.index(0, 1).data() == "1 share"
    assert window.model.index(1, 3).data() == "Talked with you"
    assert first.data(Qt.ItemDataRole.ToolTipRole) == "@ana@social.example on mastodon"
    assert window.grab().save(str(tmp_path / "main.png"))


def test_empty_store_says_nobody_is_waiting(qtbot, store):
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.refresh()
    qtbot.waitUntil(lambda: "Nobody" in window.heading.text(), timeout=5000)


def test_a_failing_store_shows_the_error_instead_of_crashing(qtbot, store):
    store.engine.dispose()
    store.path.unlink()
    store.path.mkdir()  # the file is gone and a directory stands in its place
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.refresh()
    qtbot.waitUntil(lambda: window.heading.text() == "Could not read the store", timeout=5000)
    assert window.hint.text()


def test_pending_model_is_a_valid_qt_model(qtmodeltester, store):
    from desktop.domain.pending import pending

    add(store, ev(ANA, "share"), ev(BEN, "mention"))
    model = PendingModel()
    with store.read() as s:
        model.set_entries(pending(s))
    qtmodeltester.check(model)
    assert model.rowCount() == 2
