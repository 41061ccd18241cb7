"""The status bar's sync label: "Syncing 137 of 312 feeds…" while a sync runs, then what
it brought.

The sync's threads hand their counts to `heard` (a plain assignment, no signal per feed);
a timer on the GUI thread shows the latest, five times a second. The sentences that came
with it from the main window keep their context there ("MainWindow"), and so their
translations.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from desktop.app.sync_progress import syncing
from desktop.core.i18n import PLURAL, tx
from desktop.ui.format import tr_format

SHOW_EVERY_MS = 200


class SyncStatus(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._latest: list[object] = [None]  # the counts the sync last told, from its threads
        self._timer = QTimer(self)
        self._timer.setInterval(SHOW_EVERY_MS)
        self._timer.timeout.connect(self._show_counts)

    def started(self) -> None:
        self._latest[0] = None
        self.setText(tx("MainWindow", "Syncing…"))
        self.setToolTip("")
        self._timer.start()

    def heard(self, counts: object) -> None:
        """On the sync's threads: the latest SyncCounts."""
        self._latest[0] = counts

    def _show_counts(self) -> None:
        counts = self._latest[0]
        if counts is not None:
            self.setText(syncing(counts))  # type: ignore[arg-type]

    def finished(self, reports) -> None:
        self._timer.stop()
        new = sum(r.new for r in reports)
        waiting = sum(r.waiting for r in reports)
        failed = [r for r in reports if not r.ok]
        # Accounts another member's app was syncing (team mode): skipped here.
        elsewhere = [r.elsewhere for r in reports if r.elsewhere]
        if failed:
            names = ", ".join(r.label for r in failed)
            self.setText(tr_format(tx("MainWindow", "Sync: problems with %1"), names))
            self.setToolTip("\n".join(f"{r.label}: {r.error}" for r in failed))
        elif not reports:
            self.setText(tx("MainWindow", "No accounts to sync yet"))
            self.setToolTip("")
        elif elsewhere:
            skipped = (
                self.tr("1 account is being synced on another computer")
                if len(elsewhere) == 1
                else self.tr("%n accounts are being synced on other computers", "", len(elsewhere))
            )
            self.setText(tr_format(self.tr("Synced: %1; %2"), self.tr("%n new", "", new), skipped))
            self.setToolTip("\n".join(elsewhere))
        elif waiting:
            wait = (
                self.tr("1 feed waits for its server")
                if waiting == 1
                else self.tr("%n feeds wait for their server", "", waiting)
            )
            self.setText(tr_format(self.tr("Synced: %1; %2"), self.tr("%n new", "", new), wait))
            self.setToolTip(
                self.tr(
                    "Their servers asked to slow down: they are asked again once the time "
                    "they gave has passed. The other feeds synced."
                )
            )
        else:
            self.setText(tx("MainWindow", "Synced: %n new", None, PLURAL, new))
            self.setToolTip("")

    def failed(self, exc: Exception) -> None:
        self._timer.stop()
        self.setText(tx("MainWindow", "Sync failed"))
        self.setToolTip(str(exc))
