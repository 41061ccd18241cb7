"""The desktop app (minimal until the desktop issue lands): a window listing who to thank.

Start-up order: the store is opened and migrated, the window is shown, and only then, from
a zero-delay timer, is the pending list loaded on a worker thread.
"""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)

import desktop
from desktop.ui.pending_model import PendingModel
from desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, store, *, title_suffix: str = "") -> None:
        super().__init__()
        self.store = store
        self.tasks = TaskRunner(self)
        self.setWindowTitle(desktop.APP_NAME + title_suffix)
        self.resize(860, 540)
        self.setMinimumSize(480, 320)

        self.heading = QLabel(self.tr("Loading who to thank…"))
        self.heading.setObjectName("heading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.hint = QLabel(self.tr("People who shared, quoted, mentioned or replied to you."))
        self.hint.setWordWrap(True)
        self.hint.setObjectName("hint")

        self.model = PendingModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)  # one line per person; long text elides
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(body)

        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        quit_action.triggered.connect(self.close)
        menu = self.menuBar().addMenu(self.tr("&Reciprocity"))
        menu.addAction(refresh)
        menu.addSeparator()
        menu.addAction(quit_action)
        self.statusBar().showMessage(self.tr("Works offline on what is already stored."))

    def refresh(self) -> None:
        store = self.store

        def load():
            from desktop.domain.pending import pending

            with store.read() as session:
                return pending(session)

        self.tasks.run(load, self._show_pending, self._show_error)

    def _show_pending(self, entries) -> None:
        self.model.set_entries(entries)
        if entries:
            self.heading.setText(
                self.tr("%n people to thank", "", len(entries))
                if len(entries) != 1
                else self.tr("1 person to thank")
            )
        else:
            self.heading.setText(self.tr("Nobody is waiting for a thank-you"))
        self.statusBar().showMessage(self.tr("Up to date."), 4000)

    def _show_error(self, exc: Exception) -> None:
        self.heading.setText(self.tr("Could not read the store"))
        self.hint.setText(str(exc))

    def closeEvent(self, event) -> None:  # noqa: N802
        self.tasks.wait(5000)  # let a running query finish before the store closes
        super().closeEvent(event)


def _log_uncaught(kind, value, traceback) -> None:
    # An exception in a slot must not kill the app silently: log it, keep running.
    log.critical("uncaught exception", exc_info=(kind, value, traceback))


def run(context) -> int:
    sys.excepthook = _log_uncaught
    store = context.store()  # opened and migrated before any window: errors stay one line
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(desktop.APP_NAME)
    app.setApplicationVersion(desktop.__version__)
    app.setDesktopFileName(desktop.APP_ID)
    window = MainWindow(store)
    window.show()
    QTimer.singleShot(0, window.refresh)  # after the event loop starts: the window never waits
    return app.exec()
