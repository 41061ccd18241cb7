"""The desktop app: start-up order, the window, the demo store, background sync.

Start-up order (STYLE.md): logging and the crash handler first (the CLI set up logging),
then the store is opened and migrated, the window is shown, and only then — from a
zero-delay timer once the event loop runs — is data loaded and a sync started, on workers.
"""

from __future__ import annotations

import logging
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

import desktop
from desktop.services import Services
from desktop.ui.main_window import MainWindow
from desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

DEMO_DIR = "demo"


def _log_uncaught(kind, value, traceback) -> None:
    # An exception in a slot must not kill the app silently: log it, keep running.
    log.critical("uncaught exception", exc_info=(kind, value, traceback))


class DesktopApp(QObject):
    """Owns the stores and the window; swaps between the real store and the demo store."""

    def __init__(self, context, *, sync_on_start: bool = True) -> None:
        super().__init__()
        self.context = context
        self.real_store = context.store()
        self.demo_store = None
        self.sync_on_start = sync_on_start
        self.tasks = TaskRunner(self)
        self.window: MainWindow | None = None
        self.checkin_window = None

    @property
    def demo_path(self) -> Path:
        return self.context.data_dir / DEMO_DIR

    def start(self) -> MainWindow:
        if (self.demo_path / "reciprocity.db").exists():
            self._open_demo_store()
            self._show(self.demo_store, demo=True)
        else:
            self._show(self.real_store, demo=False)
        return self.window

    def _show(self, store, *, demo: bool) -> None:
        old = self.window
        geometry = old.saveGeometry() if old else None
        window = MainWindow(Services(store), demo=demo)
        window.demo_requested.connect(self.enter_demo)
        window.checkin_requested.connect(self.open_checkin)
        window.leave_demo_requested.connect(self.leave_demo)
        window.quit_action.triggered.connect(QApplication.instance().quit)
        if geometry is not None:
            window.restoreGeometry(geometry)
        self.window = window
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        QTimer.singleShot(0, window.start)  # data loads once the event loop runs
        if self.sync_on_start and not demo:
            QTimer.singleShot(0, window.sync_now)

    def open_checkin(self) -> None:
        """The check-in window, raised if it is open, else made for the current store."""
        from desktop.ui.checkin import CheckinWindow

        if self.checkin_window is not None and self.checkin_window.isVisible():
            self.checkin_window.raise_()
            self.checkin_window.activateWindow()
            return
        window = CheckinWindow(self.window.services)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.changed.connect(self.window.refresh_all)
        window.destroyed.connect(lambda: setattr(self, "checkin_window", None))
        self.checkin_window = window
        window.show()
        window.start()

    def _open_demo_store(self):
        from desktop.store.database import open_store

        self.demo_path.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.demo_store = open_store(f"sqlite:///{self.demo_path / 'reciprocity.db'}")
        return self.demo_store

    def enter_demo(self) -> None:
        def build():
            from desktop.demo import fill_demo

            store = self._open_demo_store()
            with store.read() as s:
                from sqlalchemy import func, select

                from desktop.store.models import Person

                empty = not s.scalar(select(func.count()).select_from(Person))
            if empty:
                fill_demo(store)
            return store

        self.window.show_message(self.window.tr("Making the demo store…"))
        self.tasks.run(build, lambda store: self._show(store, demo=True), self._failed)

    def leave_demo(self) -> None:
        window = self.window
        window.tasks.wait(5000)
        self._show(self.real_store, demo=False)
        if self.demo_store is not None:
            self.demo_store.close()
            self.demo_store = None
        shutil.rmtree(self.demo_path, ignore_errors=True)

    def _failed(self, exc: Exception) -> None:
        if self.window is not None:
            self.window.show_message(str(exc))


def run(context, *, checkin: bool = False) -> int:
    sys.excepthook = _log_uncaught
    context.store()  # opened and migrated before any window: errors stay one line
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(desktop.APP_NAME)
    app.setApplicationVersion(desktop.__version__)
    app.setDesktopFileName(desktop.APP_ID)
    controller = DesktopApp(context)
    controller.start()
    if checkin:
        QTimer.singleShot(0, controller.open_checkin)
    return app.exec()


__all__ = ["DesktopApp", "MainWindow", "run"]
