"""Settings → Store: which store this data dir uses, and a team's PostgreSQL instead
(desktop.app.team_store, the same as `reciprocity store use`). The URL is tried on a worker
(opened, created, migrated) before anything changes; its password goes to the keyring. The
app then reopens on it after a restart, offered, never forced."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
)

from desktop.ui.format import tr_format
from desktop.ui.pages.settings.fields import offer_restart
from desktop.ui.widgets.draft_editor import error_color

Run = Callable[[Callable[[], Any], Callable[[Any], None], Callable[[Exception], None]], None]


class StoreBox(QGroupBox):
    restart_requested = Signal()  # the store was changed and the user agreed to restart

    def __init__(self, run: Run, parent=None) -> None:
        super().__init__(self.tr("Store"), parent)
        self._run = run
        self.data_dir: Path | None = None  # the window says; None: nothing to change
        self.current = QLabel()
        self.current.setWordWrap(True)
        self.current.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("postgresql://ana@server/team"))
        self.url.setToolTip(
            self.tr("A PostgreSQL database your team shares; its password is kept in your keyring")
        )
        self.use = QPushButton(self.tr("&Use this store"))
        self.use.setEnabled(False)
        self.local = QPushButton(self.tr("Use this &computer's own file"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.url, 1)
        row.addWidget(self.use)
        form = QFormLayout(self)
        form.addRow(self.current)
        form.addRow(row)
        form.addRow(self.local)
        form.addRow(self.status)
        self.url.textChanged.connect(lambda text: self.use.setEnabled(bool(text.strip())))
        self.url.returnPressed.connect(self.use.click)
        self.use.clicked.connect(lambda: self.choose(self.url.text()))
        self.local.clicked.connect(lambda: self.choose("local"))

    def show_current(self) -> None:
        """Read which store the data dir uses (a small file: on the GUI thread is fine)."""
        from desktop.app import team_store

        if self.data_dir is None:
            self.setEnabled(False)
            return
        choice = team_store.current(self.data_dir)
        self._show(choice)

    def _show(self, choice) -> None:
        if choice.shared:
            self.current.setText(tr_format(self.tr("Shared with your team: %1"), choice.url))
        else:
            where = choice.url.removeprefix("sqlite:///")  # the file itself
            self.current.setText(tr_format(self.tr("This computer's own file: %1"), where))
        self.local.setVisible(choice.shared)

    def choose(self, url: str) -> None:
        if self.data_dir is None:
            return
        from desktop.app import team_store
        from desktop.app.stores import open_store
        from desktop.platform.secrets import SecretStore

        directory = self.data_dir

        def secrets() -> SecretStore:
            store = SecretStore()
            store.check()
            return store

        def work():
            return team_store.use(directory, url, secrets, open_store)

        self.use.setEnabled(False)
        self.local.setEnabled(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Opening the store…"))
        self._run(work, self._used, self._failed)

    def _used(self, choice) -> None:
        self.local.setEnabled(True)
        self.use.setEnabled(bool(self.url.text().strip()))
        self.url.clear()
        self._show(choice)
        self.status.setText(self.tr("Saved. Reciprocity opens it after a restart."))
        self.restart_box = offer_restart(
            self,
            self.tr("Store"),
            self.tr("Reciprocity opens the new store after a restart."),
            self.restart_requested.emit,
        )

    def _failed(self, exc: Exception) -> None:
        self.local.setEnabled(True)
        self.use.setEnabled(bool(self.url.text().strip()))
        self.status.setStyleSheet(f"color: {error_color(self)}")
        first = next((line for line in str(exc).splitlines() if line.strip()), str(exc))
        self.status.setText(tr_format(self.tr("Not changed: %1"), first))
