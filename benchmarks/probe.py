"""Child processes for the GUI figures; run as `python -P benchmarks/probe.py MODE ...`.

- `bare`: the floor: a bare PySide6 process showing an empty QMainWindow; prints
  `PAINT <monotonic time>` after its first paint, then quits.
- `app DATA_DIR`: Reciprocity as `reciprocity --data-dir DATA_DIR checkin` starts it, with
  probes: `MAIN <t>` at the main window's first paint, `PAINT <t>` at the check-in
  window's first paint, `LOADED <t> <people>` once the check-in has its plan, `CONTENT <t>`
  once the first person's draft is on the screen (at the first paint when a first screen
  was kept, else when the draft is written), then quits once the real draft is shown.
- `remember DATA_DIR`: makes the first screen of that store (desktop.app.first_screen), as
  the app does after a sync, in the language the app would speak; prints `KEPT <path>`.
  Syncing is stubbed out (Services.sync_all returns nothing): the store's accounts are
  synthetic and the network is not what is measured.
- `lists STORE RUNS BUDGET_S` and `sync STORE EVENTS BATCH ACCOUNT_ID`: print one line of
  JSON (see `benchmarks/gui.py`).

Times are `time.monotonic()`, one clock for every process on the machine, so the parent
measures from its own spawn time. The runner itself never imports this file.
"""

import sys
import time


def note(tag: str, extra: str = "") -> None:
    print(f"{tag} {time.monotonic():.6f} {extra}".rstrip(), flush=True)


def peak_rss() -> None:
    """This process's own peak RSS (VmHWM, kB): unlike the parent's getrusage of the child,
    it does not start from the parent's size at fork."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    print(f"RSS {line.split()[1]}", flush=True)
    except OSError:
        pass


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])

    class Window(QMainWindow):
        painted = False

        def paintEvent(self, event):  # noqa: N802
            super().paintEvent(event)
            if not self.painted:
                self.painted = True
                note("PAINT")
                QTimer.singleShot(0, app.quit)

    window = Window()
    window.resize(860, 540)
    window.show()
    code = app.exec()
    peak_rss()
    return code


def _first_paint(cls, tag: str):
    class Probe(cls):
        _painted = False

        def paintEvent(self, event):  # noqa: N802
            super().paintEvent(event)
            if not self._painted:
                self._painted = True
                note(tag)

    Probe.__name__ = cls.__name__
    return Probe


def app(data_dir: str) -> int:
    from desktop.cli import commands  # main() imports it first thing anyway
    from desktop.cli.main import main

    original = commands.checkin

    def checkin(context, args):
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication

        from desktop.ui import app as ui
        from desktop.ui import checkin as checkin_module

        def quit_soon() -> None:
            QTimer.singleShot(0, QApplication.instance().quit)

        class Checkin(_first_paint(checkin_module.CheckinWindow, "PAINT")):
            _content = False

            def paintEvent(self, event):  # noqa: N802
                super().paintEvent(event)
                if not self._content and self.draft_editor.text():
                    self._content = True
                    note("CONTENT")

            def _planned(self, plan):
                super()._planned(plan)
                note("LOADED", str(len(plan.people)))
                if not plan.people:
                    quit_soon()

            def _drafted(self, draft):
                super()._drafted(draft)
                if not self._content:
                    self.repaint()  # the draft on the screen: paintEvent notes it
                quit_soon()

            def _error(self, exc):
                super()._error(exc)
                note("ERROR", str(exc).replace("\n", " "))
                quit_soon()

        from desktop.app.services import Services

        # No network: the store's accounts and feeds are synthetic (the scheduler and the
        # start-up sync would otherwise try 500 made-up feed hosts).
        Services.sync_all = lambda self, **kw: []
        checkin_module.CheckinWindow = Checkin
        ui.MainWindow = _first_paint(ui.MainWindow, "MAIN")
        return original(context, args)

    commands.checkin = checkin
    code = main(["--data-dir", data_dir, "checkin"])
    peak_rss()
    return code


def remember(data_dir: str) -> int:
    from datetime import date
    from pathlib import Path

    from desktop.app.services import Services
    from desktop.app.stores import open_store
    from desktop.cli.language import speak
    from desktop.store.database import first_screen_path

    speak(["--data-dir", data_dir])
    store = open_store(f"sqlite:///{Path(data_dir) / 'reciprocity.db'}")
    screen = Services(store).remember_first_screen(date.today())
    store.close()
    if screen is None or screen.checkin_person is None:
        print("KEPT -", flush=True)  # nobody to thank today: no draft to show
        return 0
    print(f"KEPT {first_screen_path(Path(data_dir) / 'reciprocity.db')}", flush=True)
    return 0


def signin(data_dir: str, url: str) -> int:
    """As a new user does: the window starts (and syncs: nothing yet), the user signs in
    with a pasted token, the account's first sync starts; timed to the first person."""
    import json
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.app.services import Services
    from desktop.app.stores import open_store
    from desktop.ui.main_window import MainWindow

    app = QApplication(sys.argv[:1])
    store = open_store(f"sqlite:///{Path(data_dir) / 'reciprocity.db'}")
    services = Services(store)
    window = MainWindow(services)
    window.show()
    window.start()
    result: dict = {}
    began = [0.0]
    thank = window.pages["thank"]

    def look() -> None:
        if began[0] and "first_pending_ms" not in result and thank.model.rowCount():
            result["first_pending_ms"] = (time.monotonic() - began[0]) * 1000

    def synced(_reports) -> None:
        if not began[0]:  # the start-up sync, with no account yet: now sign in
            services.mastodon_with_token(url, "benchmark-token")
            window.show_section("thank")  # as the user goes to see who is there
            began[0] = time.monotonic()
            window.sync_now()
            return
        result["sync_ms"] = (time.monotonic() - began[0]) * 1000
        QTimer.singleShot(200, app.quit)

    thank.model.modelReset.connect(look)
    thank.model.rowsInserted.connect(look)
    window.sync_finished.connect(synced)

    def when_welcomed() -> None:  # the empty store's first read is done: the welcome shows
        if window.stack.currentWidget() is window.welcome:
            window.sync_now()  # as the app does after its first paint
        else:
            QTimer.singleShot(20, when_welcomed)

    QTimer.singleShot(20, when_welcomed)
    QTimer.singleShot(300_000, app.quit)
    app.exec()
    window.tasks.wait(10_000)
    if "first_pending_ms" not in result:
        result = {"error": f"no one appeared on the Thank page: {result}"}
    print(json.dumps(result), flush=True)
    return 0


# --- lists ---------------------------------------------------------------------------------


def _plain_model(columns: int):
    from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

    class Rows(QAbstractTableModel):
        def __init__(self) -> None:
            super().__init__()
            self.rows: list = []

        def set_rows(self, rows) -> None:
            self.beginResetModel()
            self.rows = rows
            self.endResetModel()

        def rowCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return 0 if parent.isValid() else len(self.rows)

        def columnCount(self, parent=QModelIndex()):  # noqa: B008, N802
            return 0 if parent.isValid() else columns

        def data(self, index, role=Qt.ItemDataRole.DisplayRole):
            if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
                return None
            return self.rows[index.row()][index.column()]

    return Rows()


def _painted(qapp, view) -> None:
    qapp.processEvents()
    view.viewport().repaint()


def _wait(qapp, condition, timeout: float) -> bool:
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            return False
        qapp.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 5)
    return True


def lists(store_path: str, runs: int, budget: float) -> int:
    """The People view (desktop/ui/people_model.py PeopleModel in the page's table): the
    count and first page shown, then End pressed: the view jumps to the last row and the
    model reads the page in sight (within a time budget)."""
    import json
    import sqlite3

    from PySide6.QtWidgets import QApplication

    from desktop.app.services import Services
    from desktop.store.database import open_store
    from desktop.ui.models.people import PeopleModel
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.widgets.tables import people_table as _people_table

    conn = sqlite3.connect(store_path)
    total = conn.execute("SELECT count(*) FROM persons WHERE merged_into_id IS NULL").fetchone()[0]
    conn.close()
    qapp = QApplication(sys.argv[:1])
    store = open_store(f"sqlite:///{store_path}")
    services = Services(store)
    # In the app the People page is shown after the window's first load has imported the
    # store's models; the UI now imports them only through Services, on first use, so the
    # probe does that first load too rather than timing the import.
    services.counts()
    runner = TaskRunner()
    out: dict = {"show": [], "scroll": [], "floor_show": [], "floor_scroll": [], "total": total}
    for _ in range(runs):
        model = PeopleModel(services, runner)
        view = _people_table(model)
        view.resize(950, 640)
        view.show()
        _painted(qapp, view)
        started = time.perf_counter()
        model.reload()
        shown = lambda m=model: m.complete and (m.rowCount() == 0 or m.is_loaded(0))  # noqa: E731
        if not _wait(qapp, shown, 600):
            print(json.dumps({"error": "the first page never came"}), flush=True)
            return 1
        _painted(qapp, view)
        out["show"].append((time.perf_counter() - started) * 1000)
        out["page"] = model.page_size

        # End: the view jumps to the last row; the model reads the page(s) now in sight.
        started = time.perf_counter()
        view.scrollToBottom()
        qapp.processEvents()  # the view paints and asks for the rows it shows
        last = model.rowCount() - 1
        if not _wait(qapp, lambda m=model, r=last: m.is_loaded(r), budget):
            print(json.dumps({"error": "the last page never came"}), flush=True)
            return 1
        _painted(qapp, view)
        out["scroll"].append((time.perf_counter() - started) * 1000)
        out["pages"], out["loaded"] = model.pages_read, model.rowCount()
        view.close()

        # The floor: the same table over the same rows, already in memory.
        plain = [
            (f"Person {i}", "Mastodon", str(i % 97), str(i % 13), "3 days ago", "never")
            for i in range(total)
        ]
        model = _plain_model(6)
        view = _people_table(model)
        view.resize(950, 640)
        view.show()
        _painted(qapp, view)
        started = time.perf_counter()
        model.set_rows(plain[: out["page"]])
        _painted(qapp, view)
        out["floor_show"].append((time.perf_counter() - started) * 1000)
        model.set_rows(plain)
        _painted(qapp, view)
        started = time.perf_counter()
        view.scrollToBottom()
        _painted(qapp, view)
        out["floor_scroll"].append((time.perf_counter() - started) * 1000)
        view.close()
    runner.wait()
    store.close()
    print(json.dumps(out), flush=True)
    return 0


# --- GUI responsiveness during a sync -------------------------------------------------------


def sync(store_path: str, events: int, batch: int, account_id: int) -> int:
    """The main window, loaded; then its own "Sync now" with Services.sync_all replaced by
    a sync of `events` notifications from the stand-in server (same connector, same sync
    engine, same worker), and the refresh that follows it."""
    import json
    from pathlib import Path

    from PySide6.QtCore import QElapsedTimer, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from benchmarks.generate import sample_mastodon_actors
    from benchmarks.ingest import sync_once
    from benchmarks.notifications import build_pages
    from desktop.app.services import Services
    from desktop.store.database import open_store
    from desktop.ui.main_window import MainWindow

    pages = build_pages(sample_mastodon_actors(Path(store_path), 3000), events, batch=batch)
    qapp = QApplication(sys.argv[:1])
    store = open_store(f"sqlite:///{store_path}")
    services = Services(store)
    window = MainWindow(services)
    window.show()

    interval = 10
    clock = QElapsedTimer()
    clock.start()
    state = {"last": None, "worst": 0.0, "ticks": 0}

    def tick() -> None:
        now = clock.nsecsElapsed() / 1e6
        if state["last"] is not None:
            state["worst"] = max(state["worst"], now - state["last"] - interval)
        state["last"] = now
        state["ticks"] += 1

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(interval)
    timer.timeout.connect(tick)

    def settle() -> None:
        """Until the window's workers are done and stay done for 200 ms."""
        quiet_since = [None]

        def quiet() -> bool:
            if window.tasks.pending():
                quiet_since[0] = None
                return False
            quiet_since[0] = quiet_since[0] or time.perf_counter()
            return time.perf_counter() - quiet_since[0] > 0.2

        _wait(qapp, quiet, 600)

    window.start()
    settle()

    # Floor: the same timer on the same window with nothing running.
    timer.start()
    state.update(last=None, worst=0.0, ticks=0)
    end = time.perf_counter() + 1.0
    _wait(qapp, lambda: time.perf_counter() > end, 5)
    floor, floor_ticks = state["worst"], state["ticks"]

    result: dict = {}

    def sync_all(**_):
        elapsed, new, known, reports = sync_once(store, account_id, pages)
        result.update(sync_s=elapsed, new=new, known=known)
        return reports

    services.sync_all = sync_all
    finished: list = []
    window.sync_finished.connect(finished.append)
    state.update(last=None, worst=0.0, ticks=0)
    started = time.perf_counter()
    window.sync_now()
    _wait(qapp, lambda: bool(finished) or not window.syncing, 900)
    settle()  # the refresh after the sync
    total = time.perf_counter() - started
    timer.stop()
    window.tasks.wait()
    if "sync_s" not in result:
        print(json.dumps({"error": window.sync_status.toolTip() or "the sync failed"}))
        return 1
    print(
        json.dumps(
            {
                "block_ms": state["worst"],
                "ticks": state["ticks"],
                "floor_block_ms": floor,
                "floor_ticks": floor_ticks,
                "total_s": total,
                "events": events,
                **result,
            }
        ),
        flush=True,
    )
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    if mode == "bare":
        sys.exit(bare())
    if mode == "app":
        sys.exit(app(args[0]))
    if mode == "signin":
        sys.exit(signin(args[0], args[1]))
    if mode == "remember":
        sys.exit(remember(args[0]))
    if mode == "lists":
        sys.exit(lists(args[0], int(args[1]), float(args[2])))
    if mode == "sync":
        sys.exit(sync(args[0], int(args[1]), int(args[2]), int(args[3])))
    sys.exit(f"unknown mode {mode}")
