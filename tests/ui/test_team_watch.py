"""On a shared store, a teammate's thank-you drops that person from this window's Thank
page within seconds, without a manual refresh; a lost connection is listened to again."""

from factories import ANA, BEN, add, ev

from desktop.app.services import Services
from desktop.app.stores import open_store
from desktop.ui.main_window import MainWindow


def test_a_teammates_thank_you_drops_the_person_here(qtbot, postgres_url):
    ana_store, ben_store = open_store(postgres_url), open_store(postgres_url)
    add(ana_store, ev(ANA, "share"), ev(BEN, "reply"))
    window = MainWindow(Services(ana_store))
    qtbot.addWidget(window)
    window.show()
    window.start()
    qtbot.waitUntil(lambda: window.pages.get("thank") is not None, timeout=10000)
    thank = window.pages["thank"]
    qtbot.waitUntil(lambda: thank.model.rowCount() == 2, timeout=10000)
    qtbot.waitUntil(lambda: window.team_watch is not None and window.team_watch.connected_once)
    ben = Services(ben_store)
    first = next(p for p in ben.pending() if p.name == ANA.display_name)
    with qtbot.waitSignal(window.team_changed, timeout=5000):
        ben.acknowledge(first.person_id, "thanked")
    qtbot.waitUntil(lambda: thank.model.rowCount() == 1, timeout=5000)
    window.cancel_work()
    assert window.team_watch is None  # stopped with the window's work
    window.tasks.wait()
    ana_store.close()
    ben_store.close()


def test_a_sqlite_window_listens_to_nothing(qtbot, window, store):
    if store.engine.dialect.name != "sqlite":
        return
    window.start()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.welcome, timeout=10000)
    assert window.team_watch is None


def test_after_the_server_restarts_it_listens_again_and_catches_up(qtbot, monkeypatch):
    from postgres_server import private_server

    from desktop.ui.platform import team_watch

    monkeypatch.setattr(team_watch, "RETRY_MS", 200)
    with private_server() as server:
        url = server.create_database()
        ana_store, ben_store = open_store(url), open_store(url)
        add(ana_store, ev(ANA, "share"), ev(BEN, "reply"))
        window = MainWindow(Services(ana_store))
        qtbot.addWidget(window)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.team_watch is not None and window.team_watch.connected_once)
        watch = window.team_watch
        server.restart()  # the listening connection dies with it
        ben = Services(ben_store)
        first = next(p for p in ben.pending() if p.name == ANA.display_name)
        ben.acknowledge(first.person_id, "thanked")  # while this window was not listening
        thank = window.pages["thank"]
        qtbot.waitUntil(lambda: thank.model.rowCount() == 1, timeout=15000)  # caught up
        # The catch-up may come first through the offline retry ("the store is back"); the
        # listener's own retry follows within its interval.
        qtbot.waitUntil(lambda: watch._listener is not None, timeout=15000)  # listening again
        window.cancel_work()
        window.tasks.wait()
        ana_store.close()
        ben_store.close()


def test_an_unreachable_store_is_said_and_nothing_is_lost(qtbot, monkeypatch):
    from postgres_server import private_server
    from PySide6.QtCore import Qt

    from desktop.ui import main_window
    from desktop.ui.platform import team_watch

    monkeypatch.setattr(team_watch, "RETRY_MS", 300)
    monkeypatch.setattr(main_window, "RECONNECT_MS", 300)
    with private_server() as server:
        url = server.create_database()
        store = open_store(url)
        add(store, ev(ANA, "share"), ev(BEN, "reply"))
        window = MainWindow(Services(store))
        qtbot.addWidget(window)
        window.show()
        window.start()
        qtbot.waitUntil(lambda: window.team_watch is not None and window.team_watch.connected_once)
        thank = window.pages["thank"]
        qtbot.waitUntil(lambda: thank.model.rowCount() == 2, timeout=10000)
        server.halt()
        qtbot.waitUntil(lambda: window.offline.isVisible(), timeout=10000)
        assert window.offline.text() == "Store unreachable — working offline on nothing new"
        assert window.statusBar().currentMessage() == ""  # nothing saying otherwise beside it
        assert thank.model.rowCount() == 2  # what was on the screen stays
        # Marking someone thanked meanwhile fails visibly; they stay to be thanked.
        thank.table.setFocus()
        thank.table.selectRow(0)
        messages = []
        window.statusBar().messageChanged.connect(messages.append)
        qtbot.keyClick(thank.table, Qt.Key.Key_T)
        qtbot.waitUntil(lambda: any("unreachable" in m for m in messages), timeout=15000)
        assert thank.model.rowCount() == 2
        server.resume()
        qtbot.waitUntil(lambda: not window.offline.isVisible(), timeout=15000)
        assert Services(store).pending()  # nobody was marked thanked while offline
        window.cancel_work()
        window.tasks.wait()
        store.close()
