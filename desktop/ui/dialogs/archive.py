"""Accounts → Import an archive… (or a zip dropped on the window): the export is read on a
worker and previewed — whose it is, how many people, what it brings each way, what it was
left without — and only Import writes it, in one transaction. The preview keeps what it
read on disk (not in memory), so Import writes it without reading the export again; the
progress bar counts the bytes read while previewing, the interactions written while
importing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import tx
from desktop.ui.dialogs.sign_in import user_message
from desktop.ui.format import describe_counts, local_date, network_name, tr_format
from desktop.ui.pages.base import heading, hint


def choose_archive(parent: QWidget) -> str:
    """An export zip picked in the usual file dialog; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        tx("ArchiveDialog", "Import an archive"),
        QDir.homePath(),
        tx("ArchiveDialog", "Data exports (*.zip);;All files (*)"),
    )
    return path


class ArchiveDialog(QDialog):
    finished_with = Signal(str)  # what was imported, for the status bar

    def __init__(self, services, tasks, path: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks, self.path = services, tasks, Path(path)
        self.busy = self.writing = False
        self.closed = False
        self.preview = None
        self.setWindowTitle(self.tr("Import an archive"))
        self.setMinimumWidth(520)
        self.title = heading(self.path.name)
        self.title.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.missing = hint("")
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # until the worker has read a first block
        # The worker writes (read, total) here; a timer shows it (no signal per block).
        self.read_so_far: list[int] = [0, 0]
        self.progress_timer = QTimer(self)
        self.progress_timer.setInterval(100)
        self.progress_timer.timeout.connect(self._show_progress)
        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.setEnabled(False)
        self.buttons.accepted.connect(self._import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.summary)
        layout.addWidget(self.missing)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._read()

    def _heard(self, done: int, total: int) -> None:
        """On the worker: how far it has read, or written (two ints, read by the timer)."""
        self.read_so_far[:] = [done, total]

    def _show_progress(self) -> None:
        done, total = self.read_so_far
        if total:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))

    def _start(self) -> None:
        self.read_so_far[:] = [0, 0]
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_timer.start()

    def _stop(self) -> None:
        self.progress_timer.stop()
        self.progress.hide()

    def _read(self) -> None:
        self.busy = True
        self.summary.setText(tr_format(self.tr("Reading %1…"), self.path.name))
        self._start()
        heard = self._heard
        self.tasks.run(
            lambda: self.services.import_archive(
                None, self.path, preview=True, progress=heard, keep=True
            ),
            self._previewed,
            self._failed,
        )

    def _previewed(self, result) -> None:
        self.busy = False
        if self.closed:  # cancelled while it was read: nobody will import it
            result.discard()
            return
        self.preview = result
        self._stop()
        self.title.setText(
            tr_format(self.tr("%1 export: %2"), network_name(result.network), self.path.name)
        )
        self.summary.setText("\n".join(self.describe(result)))
        if result.missing:
            self.missing.setText(
                tr_format(self.tr("Not in this export: %1."), "; ".join(result.missing))
            )
        total = sum(sum(kinds.values()) for kinds in result.counts.values())
        self.import_button.setEnabled(total > 0)
        self.import_button.setDefault(True)
        self.import_button.setFocus()
        self._fit()

    def _fit(self) -> None:
        """Tall enough for the wrapped lines at the dialog's width."""
        layout = self.layout()
        assert layout is not None  # made in __init__
        width = max(self.width(), self.minimumWidth())
        self.setMinimumHeight(layout.totalHeightForWidth(width))

    def describe(self, result) -> list[str]:
        """The preview, a line a fact."""
        people = result.people
        lines = [self.tr("1 person") if people == 1 else self.tr("%n people", None, people)]
        inbound = describe_counts(result.counts.get("inbound", {}))
        outbound = describe_counts(result.counts.get("outbound", {}))
        lines.append(tr_format(self.tr("From them to you: %1"), inbound or self.tr("nothing")))
        lines.append(tr_format(self.tr("From you to them: %1"), outbound or self.tr("nothing")))
        if result.first and result.last:
            first, last = local_date(result.first), local_date(result.last)
            lines.append(tr_format(self.tr("From %1 to %2"), first, last))
        skipped = sum(result.skipped.values())
        if skipped == 1:
            lines.append(self.tr("1 entry left out (nothing to credit it to)"))
        elif skipped:
            lines.append(self.tr("%n entries left out (nothing to credit them to)", None, skipped))
        return lines

    def _import(self) -> None:
        if self.busy or self.preview is None:
            return
        self.busy = self.writing = True
        self.import_button.setEnabled(False)
        self.cancel_button.setEnabled(False)  # one transaction: it does not stop halfway
        self._start()
        preview, heard = self.preview, self._heard  # what was read: written, not read again
        self.tasks.run(
            lambda: self.services.write_archive(preview, progress=heard),
            self._imported,
            self._failed,
        )

    def reject(self) -> None:
        if not self.writing:  # Esc and the window's close button wait for the import
            super().reject()

    def done(self, code: int) -> None:
        """Closed (Import done, Cancel, Esc): what the preview kept is dropped, unless an
        import is writing it right now (it drops it when done)."""
        self.closed = True
        if self.preview is not None and not self.busy:
            self.preview.discard()
        super().done(code)

    def _imported(self, result) -> None:
        self.busy = self.writing = False
        self._stop()
        said = self.tr("Imported %1 interactions from the %2 export (%3 already known).")
        self.finished_with.emit(
            tr_format(said, result.new, network_name(result.network), result.known)
        )
        self.accept()

    def _failed(self, exc: Exception) -> None:
        self.busy = self.writing = False
        if self.closed:  # cancelled while it was read
            return
        self.cancel_button.setEnabled(True)
        self._stop()
        self.summary.setText(user_message(exc))
        self._fit()
        self.import_button.setEnabled(False)
