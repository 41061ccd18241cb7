"""People → Suggested merges: the same human, probably, seen on several networks (an
export and a synced account), each pair with its evidence; one click merges, another says
"not the same" for good. Nothing is merged without that click."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialogs.sign_in import user_message
from desktop.ui.format import network_name, tr_format
from desktop.ui.pages.base import hint


class SuggestionsDialog(QDialog):
    merged = Signal(str)  # what was merged, for the status bar

    def __init__(self, services, tasks, suggestions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.setWindowTitle(self.tr("Suggested merges"))
        self.setMinimumSize(560, 360)
        self.rows: list[QWidget] = []
        intro = hint(
            self.tr(
                "These look like one person seen on several networks. Merge them to see "
                "everything they did in one place; nothing is merged until you say so."
            )
        )
        self.status = hint("")
        body = QWidget()
        self.list = QVBoxLayout(body)
        for suggestion in suggestions:
            self.list.addWidget(self._row(suggestion))
        self.list.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def why(self, suggestion) -> str:
        reasons = []
        for evidence in suggestion.evidence:
            if evidence.kind == "same name":
                reasons.append(self.tr("the same name"))
            elif evidence.kind == "same handle":
                reasons.append(tr_format(self.tr("the same handle (%1)"), evidence.value))
            elif evidence.kind == "profile link":
                reasons.append(
                    tr_format(
                        self.tr("their %1 profile links to %2"),
                        network_name(evidence.network),
                        evidence.value,
                    )
                )
        return "; ".join(reasons)

    def _row(self, suggestion) -> QWidget:
        row = QWidget()
        text = QLabel(
            tr_format(
                self.tr("%1 (%2) and %3 (%4): %5"),
                suggestion.name,
                ", ".join(network_name(n) for n in suggestion.networks),
                suggestion.other_name,
                ", ".join(network_name(n) for n in suggestion.other_networks),
                self.why(suggestion),
            )
        )
        text.setWordWrap(True)
        merge = QPushButton(self.tr("Merge"))
        decline = QPushButton(self.tr("Not the same"))
        merge.clicked.connect(lambda: self._merge(row, suggestion))
        decline.clicked.connect(lambda: self._decline(row, suggestion))
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 4, 0, 4)
        line.addWidget(text, 1)
        line.addWidget(merge)
        line.addWidget(decline)
        row.setProperty("suggestion", (suggestion.person_id, suggestion.other_id))
        self.rows.append(row)
        return row

    def _done_with(self, row: QWidget) -> None:
        row.setEnabled(False)
        row.hide()
        self.rows.remove(row)
        if not self.rows:
            self.status.setText(self.tr("No more suggestions."))

    def _merge(self, row: QWidget, suggestion) -> None:
        row.setEnabled(False)

        def done(result) -> None:
            self._done_with(row)
            said = tr_format(
                self.tr("%1 and %2 are now one person."), result.name, result.other_name
            )
            self.status.setText(said)
            self.merged.emit(said)

        def failed(exc: Exception) -> None:
            row.setEnabled(True)
            self.status.setText(user_message(exc))

        self.tasks.run(
            lambda: self.services.merge(suggestion.person_id, suggestion.other_id), done, failed
        )

    def _decline(self, row: QWidget, suggestion) -> None:
        row.setEnabled(False)

        def failed(exc: Exception) -> None:
            row.setEnabled(True)
            self.status.setText(user_message(exc))

        self.tasks.run(
            lambda: self.services.decline_merge(suggestion.person_id, suggestion.other_id),
            lambda _none: self._done_with(row),
            failed,
        )
