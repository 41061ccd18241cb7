"""The desktop app: start-up order, the window, the demo store, background sync.

Start-up order (STYLE.md): logging and the crash handler first (the CLI set up logging),
then the single-instance check, then the store's schema revision, read with plain sqlite3
(a store that must be created or migrated is opened and migrated here, before any window,
so its errors stay one line). Then the window — and the check-in, when asked for — is
shown. Only after its first paint are the tray, the notifications and the scheduler set up
and the data loaded; the store itself is opened (and SQLAlchemy imported) by the first
worker that needs it, and a sync starts last.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QProcess, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

import desktop
from desktop.app.services import Services
from desktop.platform import language
from desktop.ui import translations
from desktop.ui.app_background import BackgroundWiring
from desktop.ui.clock import local_now
from desktop.ui.main_window import MainWindow
from desktop.ui.platform.notifications import DBusNotifications
from desktop.ui.platform.single_instance import SingleInstance, server_name
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:  # set up after the first paint (or opened by a worker): imported then
    from desktop.app.first_screen import FirstScreen
    from desktop.store.database import Store
    from desktop.ui.checkin import CheckinWindow
    from desktop.ui.platform.notifications import Notifier, SyncNotices
    from desktop.ui.platform.scheduler import Scheduler
    from desktop.ui.platform.tray import Tray

log = logging.getLogger(__name__)

DEMO_DIR = "demo"
PAINT_FALLBACK_MS = 1000  # a window that is never painted (not exposed) still gets its data
FIRST_SCREEN_DELAY_MS = 1500  # quiet this long after a change before the first screen is made


def _log_uncaught(kind, value, traceback) -> None:
    # An exception in a slot must not kill the app silently: log it, keep running.
    log.critical("uncaught exception", exc_info=(kind, value, traceback))


class FirstPaint(QObject):
    """Calls ``callback`` once, as soon as ``widget`` has been painted for the first time
    (or after ``fallback_ms``, should that never happen)."""

    def __init__(
        self,
        widget: QWidget,
        callback: Callable[[], None],
        parent: QObject,
        fallback_ms: int = PAINT_FALLBACK_MS,
    ) -> None:
        super().__init__(parent)
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)  # no reference kept: the widget may go first
        QTimer.singleShot(fallback_ms, self, self.fire)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.fire)  # once this paint is on the screen
        return False

    def fire(self) -> None:
        callback, self._callback = self._callback, None
        if callback is not None:
            self.deleteLater()
            callback()


class DesktopApp(BackgroundWiring, QObject):
    """Owns the stores and the window; swaps between the real store and the demo store.

    With ``light_start`` (as ``run`` starts it), nothing heavy happens before the first
    paint: the store is opened by the first worker that needs it, and the tray, the
    notifications and the scheduler are set up once the window has painted. Without it, both
    happen here, at once.
    """

    def __init__(
        self,
        context,
        *,
        sync_on_start: bool = True,
        tray_available: bool | None = None,
        dbus: DBusNotifications | None = None,
        scheduler: Scheduler | None = None,
        now: Callable[[], datetime] = local_now,
        light_start: bool = False,
    ) -> None:
        super().__init__()
        self.context = context
        self._real_store: Store | None = None
        self.demo_store: Store | None = None
        self._stores_lock = threading.Lock()  # workers open the stores on first use
        self.sync_on_start = sync_on_start
        self.tasks = TaskRunner(self)
        self.window: MainWindow | None = None
        self.checkin_window: CheckinWindow | None = None
        self.instance: SingleInstance | None = None
        self.quitting = False
        self.tray_hint_shown = False
        self.running = False  # the first window has painted and its data was asked for
        self.tray: Tray | None = None
        self.notifier: Notifier | None = None
        self.sync_notices: SyncNotices | None = None
        self.scheduler: Scheduler | None = None
        self._background: dict[str, Any] = {
            "tray_available": tray_available,
            "dbus": dbus,
            "scheduler": scheduler,
            "now": now,
        }
        self._first_screen_timer = QTimer(self)
        self._first_screen_timer.setSingleShot(True)
        self._first_screen_timer.setInterval(FIRST_SCREEN_DELAY_MS)
        self._first_screen_timer.timeout.connect(self._make_first_screen)
        app = QApplication.instance()
        assert app is not None  # made before the controller (run, and the tests' qapp)
        app.aboutToQuit.connect(self.shutdown)
        if not light_start:
            self._open_real_store()
            self._set_up_background()

    @property
    def demo_path(self) -> Path:
        return self.context.data_dir / DEMO_DIR

    @property
    def real_store(self):
        return self._open_real_store()

    def _open_real_store(self):
        """The user's store, opened on first use (with light_start: by a worker)."""
        with self._stores_lock:
            if self._real_store is None:
                self._real_store = self.context.store()
            return self._real_store

    def start(self, *, checkin: bool = False) -> MainWindow:
        """Show the window (and the check-in), with the first screen kept from last time if
        it is still true; once painted, load their data."""
        demo = (self.demo_path / "reciprocity.db").exists()
        screen = self._kept_first_screen(demo)
        self._show(self._open_demo_store if demo else self._open_real_store, demo=demo)
        if screen is not None and not checkin:  # with the check-in, it is what is looked at
            assert self.window is not None  # _show made it
            self.window.show_first_screen(screen)
        if checkin:
            self.open_checkin(first_screen=screen)
        first = self.checkin_window if checkin else self.window
        assert first is not None and self.window is not None  # _show and open_checkin made them
        FirstPaint(first, self._painted, self)
        return self.window

    def _store_file(self, demo: bool) -> Path | None:
        from desktop.app.stores import store_file

        if demo:
            return self.demo_path / "reciprocity.db"
        url = getattr(self.context, "database_url", None)  # the tests' contexts may not say
        if url is None:
            return self._real_store.path if self._real_store is not None else None
        return store_file(url)

    def _kept_first_screen(self, demo: bool) -> FirstScreen | None:
        from desktop.app import first_screen

        today = self._background["now"]().date()
        return first_screen.read(self._store_file(demo), today, translations.speaking())

    def first_screen_soon(self, *_args) -> None:
        """After a sync or a change: make the first screen again, once things are quiet
        (every write of the store forgot it; see desktop.app.first_screen)."""
        self._first_screen_timer.start()

    def _make_first_screen(self) -> None:
        from desktop.app.stores import first_screen_kept

        window = self.window
        if window is None or self.quitting or window.syncing:
            return  # a sync's end asks again
        if first_screen_kept(self._store_file(window.demo)):
            return  # nothing was written since it was made
        services = window.services
        today = self._background["now"]().date()
        self.tasks.run(lambda: services.remember_first_screen(today), lambda _: None, self._quiet)

    def _painted(self) -> None:
        """After the first paint: the tray and the rest, then the data, a sync, the settings
        (then the scheduler starts)."""
        if self.running or self.quitting:
            return
        self.running = True
        if self.checkin_window is not None:
            self.checkin_window.start()  # first: it is what the user is looking at
        self._set_up_background()
        self._load()
        self._load_settings()

    def _load(self) -> None:
        window = self.window
        if window is None:
            return
        window.start()  # data loads on workers
        self.refresh_pending()
        if self.sync_on_start and not window.demo:
            self.sync_now()

    def _show(self, store, *, demo: bool) -> None:
        old = self.window
        geometry = old.saveGeometry() if old else None
        from desktop.platform.paths import member_name

        services = Services(store, demo=demo, member=member_name(self.context.data_dir))
        window = MainWindow(services, demo=demo, data_dir=self.context.data_dir)
        window.restart_requested.connect(self.restart)
        window.demo_requested.connect(self.enter_demo)
        window.checkin_requested.connect(self.open_checkin)
        window.leave_demo_requested.connect(self.leave_demo)
        window.quit_action.triggered.connect(self.quit)
        window.sync_action.triggered.connect(self._synced_by_hand)
        window.sync_finished.connect(self._sync_finished)
        window.sync_finished.connect(self.refresh_pending)
        window.sync_finished.connect(self.first_screen_soon)
        window.partly_synced.connect(self.refresh_pending)
        window.team_changed.connect(self.refresh_pending)
        window.page_changed.connect(self._page_changed)
        window.page_changed.connect(self.first_screen_soon)
        window.installEventFilter(self)  # closing it keeps the app in the tray
        if geometry is not None:
            window.restoreGeometry(geometry)
        self.window = window
        window.show()
        if old is not None:
            old.stop_watching_team()
            old.close()
            old.deleteLater()
        if self.running:  # else the first paint starts it
            QTimer.singleShot(0, self._load)  # data loads once the event loop runs

    def _page_changed(self, key: str) -> None:
        self.refresh_pending()
        if key == "settings":
            self._load_settings()

    def _sync_finished(self, reports) -> None:
        if self.sync_notices is not None:
            self.sync_notices.sync_finished(reports)

    def open_checkin(self, *, first_screen: FirstScreen | None = None) -> None:
        """The check-in window, raised if it is open, else made for the current store."""
        from desktop.ui.checkin import CheckinWindow

        if self.checkin_window is not None and self.checkin_window.isVisible():
            self.checkin_window.raise_()
            self.checkin_window.activateWindow()
            return
        assert self.window is not None  # the check-in works on the window's store
        window = CheckinWindow(self.window.services, first_screen=first_screen)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.changed.connect(self.window.refresh_all)
        window.changed.connect(self.refresh_pending)
        window.changed.connect(self.first_screen_soon)
        window.planned.connect(self.first_screen_soon)  # the day's plan may have been saved
        window.destroyed.connect(lambda: setattr(self, "checkin_window", None))
        self.checkin_window = window
        window.show()
        if self.running:
            window.start()  # else once painted: a worker now would slow the first paint

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if (
            watched is self.window
            and event.type() == QEvent.Type.Close
            and self.tray is not None
            and self.tray.available
            and not self.quitting
        ):
            event.ignore()
            self.window.hide()
            if not self.tray_hint_shown:
                self.tray_hint_shown = True
                self.tray.show_message(
                    self.tr("Reciprocity is still running"),
                    self.tr("It keeps syncing in the tray. Quit from the tray menu."),
                )
                self._save_setting("tray_hint_shown", True)
            return True
        return super().eventFilter(watched, event)

    def quit(self) -> None:
        self.quitting = True
        app = QApplication.instance()
        assert app is not None  # the controller lives in a running app
        app.quit()

    def restart(self) -> None:
        """Quit, then start again the same way (to speak a new language): the new process
        starts once this one has let go of the single-instance socket (shutdown, on
        aboutToQuit, runs first)."""
        program, arguments = relaunch_command()
        app = QApplication.instance()
        assert app is not None  # the controller lives in a running app
        app.aboutToQuit.connect(lambda: QProcess.startDetached(program, arguments))
        self.quit()

    def shutdown(self) -> None:
        """On quit (and at the end of tests): timers, the D-Bus socket, the tray, the
        single-instance socket, then the workers."""
        self.quitting = True
        if self.tray is not None:
            # set up together, in _set_up_background
            assert self.scheduler is not None and self.notifier is not None
            self.scheduler.stop()
            self.notifier.close()
            self.tray.hide()
        if self.instance is not None:
            self.instance.close()
        if self.window is not None:
            self.window.cancel_work()
            self.window.tasks.wait(5000)
        self.tasks.wait(5000)

    def _save_setting(self, key: str, value) -> None:
        if self.window is None:
            return
        services = self.window.services
        self.tasks.run(lambda: services.set_setting(key, value), lambda _: None, self._quiet)

    def _quiet(self, exc: Exception) -> None:
        log.warning("background work failed: %s", exc)

    def _open_demo_store(self):
        """The demo store, opened (by a worker) and created when need be."""
        with self._stores_lock:
            if self.demo_store is None:
                from desktop.app.stores import open_demo_store

                self.demo_store = open_demo_store(self.demo_path)
            return self.demo_store

    def enter_demo(self) -> None:
        assert self.window is not None  # the window asks for it
        self.window.show_message(self.tr("Making the demo store…"))
        self.tasks.run(
            self._open_demo_store, lambda store: self._show(store, demo=True), self._failed
        )

    def leave_demo(self) -> None:
        import shutil

        window = self.window
        assert window is not None  # the window asks for it
        window.tasks.wait(5000)
        self._show(self._open_real_store, demo=False)
        with self._stores_lock:
            if self.demo_store is not None:
                self.demo_store.close()
                self.demo_store = None
        shutil.rmtree(self.demo_path, ignore_errors=True)

    def _failed(self, exc: Exception) -> None:
        if self.window is not None:
            self.window.show_message(str(exc))


def relaunch_command() -> tuple[str, list[str]]:
    """How this process was started: a bundle, `python -m desktop` or the script."""
    if getattr(sys, "frozen", False):  # PyInstaller: the executable is the app
        return sys.executable, sys.argv[1:]
    if Path(sys.argv[0]).name == "__main__.py":
        return sys.executable, ["-m", "desktop", *sys.argv[1:]]
    return sys.executable, sys.argv[:]


def run(context, *, checkin: bool = False) -> int:
    sys.excepthook = _log_uncaught
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)  # widgets need a QApplication, not a QCoreApplication
    app.setApplicationName(desktop.APP_NAME)
    app.setApplicationVersion(desktop.__version__)
    app.setDesktopFileName(desktop.APP_ID)
    translations.install(language.current(context.data_dir))
    # Single instance before the store: a second launch hands over and leaves.
    instance = SingleInstance(server_name(context.data_dir))
    if not instance.claim("checkin" if checkin else "show"):
        log.info("Reciprocity is already running; handed over to it")
        return 0
    # The schema, read with plain sqlite3: at the newest, the store is opened by the first
    # worker that needs it, after the window painted. Else it is created or migrated now,
    # before any window, and what goes wrong (a newer schema, a damaged file) stays one line.
    from desktop.app.stores import at_head

    if not at_head(context.database_url):
        context.store()
    controller = DesktopApp(context, light_start=True)
    controller.instance = instance
    instance.message_received.connect(controller.handle_message)
    controller.start(checkin=checkin)
    return app.exec()


__all__ = ["DesktopApp", "MainWindow", "run"]
