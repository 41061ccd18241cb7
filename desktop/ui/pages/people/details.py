"""The People page's right side: one person's identities, ledger, history and notes."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import rich
from desktop.ui.format import (
    describe_counts,
    local_date,
    local_datetime,
    network_name,
    time_ago,
    tr_format,
)
from desktop.ui.models.history import HistoryModel
from desktop.ui.pages.base import heading, hint, link_label, list_table
from desktop.ui.widgets.tables import scroll_area


def tag_list(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without empties or repeats, in the order given."""
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


class PersonDetails(QWidget):
    """The selected person: identities, ledger windows, history, notes and tags."""

    WINDOWS = ("30", "90", "365", "all")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id: int | None = None
        self.ledger = None
        self._saved: tuple[str, list[str]] = ("", [])  # notes and tags as last read or saved
        self._build_header()
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # In a short window the wrapped counts would be squeezed and cut: scroll instead.
        self.tabs.addTab(scroll_area(self._build_ledger()), self.tr("&Ledger"))
        self.tabs.addTab(self._build_history(), self.tr("&History"))
        self.tabs.addTab(self._build_notes(), self.tr("&Notes and tags"))
        self._build_layout()
        self._connect()
        self.show_nobody()

    # -- building -----------------------------------------------------------------------

    def _build_header(self) -> None:
        self.name = heading("")
        self.name.setWordWrap(True)
        self.identities = link_label()
        self.summary = hint("")
        self.merge = QPushButton(self.tr("&Merge with…"))
        self.merge.setToolTip(
            self.tr("Make this person and another record of the same human one person (Ctrl+M)")
        )

    def _build_ledger(self) -> QWidget:
        """Per window, what they did for you and what you did for them."""
        ledger = QWidget()
        grid = QGridLayout(ledger)
        grid.setContentsMargins(10, 10, 10, 10)
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(8)
        for column, text in ((1, self.tr("They → you")), (2, self.tr("You → them"))):
            label = QLabel(rich.bold(text))
            grid.addWidget(label, 0, column)
        window_names = {
            "30": self.tr("Last 30 days"),
            "90": self.tr("Last 90 days"),
            "365": self.tr("Last 12 months"),
            "all": self.tr("All time"),
        }
        self.cells: dict[tuple[str, str], QLabel] = {}
        for row, window in enumerate(self.WINDOWS, start=1):
            period = QLabel(window_names[window])
            period.setWordWrap(True)  # "Últimos 12 meses" may take two lines when narrow
            grid.addWidget(period, row, 0, Qt.AlignmentFlag.AlignTop)
            for column, direction in ((1, "inbound"), (2, "outbound")):
                cell = QLabel("—")
                cell.setWordWrap(True)
                cell.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.cells[(window, direction)] = cell
                grid.addWidget(cell, row, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.acknowledged = hint("")
        grid.addWidget(self.acknowledged, len(self.WINDOWS) + 1, 0, 1, 3)
        grid.setRowStretch(len(self.WINDOWS) + 2, 1)
        return ledger

    def _build_history(self) -> QWidget:
        """Interactions both ways, newest first."""
        self.history_model = HistoryModel(self)
        self.history = list_table(self.history_model, compact=True)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(HistoryModel.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HistoryModel.NETWORK, QHeaderView.ResizeMode.ResizeToContents)
        self.history_note = hint("")
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 6, 0, 0)
        history_layout.addWidget(self.history, 1)
        history_layout.addWidget(self.history_note)
        return history

    def _build_notes(self) -> QWidget:
        """Notes and tags, kept with the person (they follow a merge)."""
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(
            self.tr("What you know about them, how you met, what they care about…")
        )
        self.notes.setTabChangesFocus(True)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Comma-separated, e.g. mentor, open source"))
        self.tags.setClearButtonEnabled(True)
        self.save = QPushButton(self.tr("&Save notes"))
        self.save.setToolTip(self.tr("Save the notes and tags (Ctrl+S)"))
        self.save_status = hint("")
        notes = QWidget()
        notes_layout = QVBoxLayout(notes)
        notes_layout.setContentsMargins(10, 10, 10, 10)
        notes_layout.addWidget(self.notes, 1)
        tags_row = QHBoxLayout()
        tags_label = QLabel(self.tr("T&ags:"))
        tags_label.setBuddy(self.tags)
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tags, 1)
        notes_layout.addLayout(tags_row)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_status, 1)
        save_row.addWidget(self.save)
        notes_layout.addLayout(save_row)
        return notes

    def _build_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.name)
        layout.addWidget(self.identities)
        layout.addWidget(self.summary)
        layout.addSpacing(4)
        layout.addWidget(self.tabs, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.merge)
        layout.addLayout(buttons)

    def _connect(self) -> None:
        self.history.activated.connect(self._open_post)
        self.notes.textChanged.connect(self._edited)
        self.tags.textChanged.connect(self._edited)

    # -- showing ------------------------------------------------------------------------

    def show_nobody(self, text: str | None = None) -> None:
        self.person_id = None
        self.ledger = None
        self.name.setText(self.tr("Nobody selected"))
        self.identities.setText("")
        self.summary.setText(text or self.tr("Pick someone on the left to see your ledger."))
        self._clear()
        self._set_enabled(False)

    def show_summary(self, person) -> None:
        """What the list row already knows, shown at once while the rest loads."""
        if person.person_id != self.person_id:
            self.person_id = person.person_id
            self.ledger = None
            self._clear()
        self.name.setText(person.name)
        self.identities.setText(self._identity_links(person.identities))
        self._set_enabled(True)

    def show_name(self, person_id: int, name: str) -> None:
        """Someone chosen elsewhere (a result of the archive search), by name at once while
        the rest loads."""
        if person_id != self.person_id:
            self.person_id = person_id
            self.ledger = None
            self._clear()
            self.identities.setText("")
        self.name.setText(name)
        self._set_enabled(True)

    def show_ledger(self, ledger, history) -> None:
        same_person = ledger.person_id == self.person_id and self.ledger is not None
        keep_edits = same_person and self.dirty()
        self.person_id = ledger.person_id
        self.ledger = ledger
        self.name.setText(ledger.name)
        self.identities.setText(self._identity_links(ledger.identities))
        parts = []
        if ledger.first_interaction_at:
            parts.append(
                tr_format(self.tr("Known since %1"), local_date(ledger.first_interaction_at))
            )
        parts.append(
            tr_format(self.tr("last interaction %1"), time_ago(ledger.last_interaction_at))
        )
        parts.append(
            tr_format(self.tr("last thanked %1"), local_date(ledger.last_thanked))
            if ledger.last_thanked
            else self.tr("never thanked")
        )
        if ledger.merged_ids:
            parts.append(tr_format(self.tr("combined from %1 records"), len(ledger.merged_ids) + 1))
        self.summary.setText(" · ".join(parts))
        for (window, direction), cell in self.cells.items():
            counts = ledger.windows.get(window, {}).get(direction, {})
            # Lines break between kinds, never inside "1 share".
            described = describe_counts(counts)
            cell.setText(described.replace(" ", "\u00a0").replace(",\u00a0", ", ") or "—")
        thanked = [a for a in ledger.acknowledgements if a["action"] == "thanked"]
        self.acknowledged.setText(
            (
                self.tr("You thanked them once.")
                if len(thanked) == 1
                else tr_format(self.tr("You thanked them %1 times."), len(thanked))
            )
            if thanked
            else self.tr("You have not thanked them yet.")
        )
        by = [a for a in thanked if a.get("member")]
        if by:  # a shared store: which teammate, and when ("thanked by Ana, 4 Dec 2026 10:42")
            latest = max(by, key=lambda a: a["at"])
            when = local_datetime(datetime.fromisoformat(latest["at"]).replace(tzinfo=UTC))
            self.acknowledged.setText(
                self.acknowledged.text()
                + " "
                + tr_format(self.tr("Last thanked by %1, %2."), latest["member"], when)
            )
        self.history_model.set_items(history)
        # One network only: the identities above say which, the column would only repeat it.
        self.history.setColumnHidden(
            HistoryModel.NETWORK, len({item.network for item in history}) <= 1
        )
        if not history:
            self.history_note.setText(self.tr("No interactions stored yet."))
        elif len(history) >= 200:
            self.history_note.setText(tr_format(self.tr("The latest %1 interactions."), 200))
        else:
            self.history_note.setText("")
        if not keep_edits:
            self._load_notes(ledger.notes, ledger.tags)
        self._set_enabled(True)

    def _identity_links(self, identities) -> str:
        return rich.lines(
            rich.escape(f"{network_name(i.network)} · ") + rich.link(i.url, i.handle)
            for i in identities
        )

    def _clear(self) -> None:
        self.summary.setText("")
        for cell in self.cells.values():
            cell.setText("—")
        self.acknowledged.setText("")
        self.history_model.set_items([])
        self.history_note.setText("")
        self._load_notes("", [])

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.merge, self.notes, self.tags):
            widget.setEnabled(enabled)
        self.save.setEnabled(enabled and self.dirty())

    # -- notes ------------------------------------------------------------------------

    def _load_notes(self, notes: str, tags: list[str]) -> None:
        self._saved = (notes, list(tags))
        self.notes.setPlainText(notes)
        self.tags.setText(", ".join(tags))
        self.save_status.setText("")
        self.save.setEnabled(False)

    def edits(self) -> tuple[str, list[str]]:
        return self.notes.toPlainText(), tag_list(self.tags.text())

    def dirty(self) -> bool:
        return self.person_id is not None and self.edits() != self._saved

    def saved(self, notes: str, tags: list[str]) -> None:
        self._saved = (notes, list(tags))
        if self.tags.text() != ", ".join(tags):
            self.tags.setText(", ".join(tags))
        self.save_status.setText(self.tr("Saved."))
        self.save.setEnabled(self.dirty())

    def _edited(self) -> None:
        dirty = self.dirty()
        self.save.setEnabled(dirty)
        if dirty:
            self.save_status.setText(self.tr("Unsaved changes"))
        elif self.save_status.text() == self.tr("Unsaved changes"):
            self.save_status.setText("")

    def _open_post(self, index) -> None:
        item = self.history_model.item(index.row())
        if item.post_url:
            QDesktopServices.openUrl(QUrl(item.post_url))
