"""People: everyone you interact with, across networks, and how the relationship stands.

The list is a lazy `PeopleModel` (a page of ~200 people at a time, read on a worker), so it
stays responsive with 100,000 people. Searching re-queries the store: filtering the rows
loaded so far would miss everyone not scrolled to yet (see desktop/ui/people_model.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui import rich
from desktop.ui.format import describe_counts, local_date, network_name, time_ago, tr_format
from desktop.ui.models.people import (
    HistoryModel,
    PeopleModel,
    debounce_search,
)
from desktop.ui.pages.base import Page, heading, hint, link_label, list_table

DETAILS_DELAY_MS = 60  # holding an arrow key down does not read every person on the way


def _tags(text: str) -> list[str]:
    """Comma-separated tags, trimmed, without empties or repeats, in the order given."""
    return list(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))


def _networks(identities) -> str:
    return ", ".join(dict.fromkeys(network_name(i.network) for i in identities)) or "?"


def _people_table(model: PeopleModel) -> QTableView:
    table = list_table(model, compact=True)
    # The order is the query's (most recently active first): sorting by a header would only
    # sort the rows loaded so far, so header sorting stays off.
    table.setSortingEnabled(False)
    table.horizontalHeader().setSectionsClickable(False)
    table.horizontalHeader().setHighlightSections(False)
    return table


def _shortcut(widget: QWidget, key: str, handler) -> QAction:
    action = QAction(widget)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(handler)
    widget.addAction(action)
    return action


class PersonDetails(QWidget):
    """The selected person: identities, ledger windows, history, notes and tags."""

    WINDOWS = ("30", "90", "365", "all")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person_id: int | None = None
        self.ledger = None
        self._saved = ("", [])  # notes and tags as last read or saved

        self.name = heading("")
        self.name.setWordWrap(True)
        self.identities = link_label()
        self.summary = hint("")
        self.merge = QPushButton(self.tr("&Merge with…"))
        self.merge.setToolTip(
            self.tr("Make this person and another record of the same human one person (Ctrl+M)")
        )

        # Ledger: per window, what they did for you and what you did for them.
        ledger = QWidget()
        grid = QGridLayout(ledger)
        grid.setContentsMargins(10, 10, 10, 10)
        grid.setHorizontalSpacing(18)
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
            grid.addWidget(QLabel(window_names[window]), row, 0, Qt.AlignmentFlag.AlignTop)
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

        # History: interactions both ways, newest first.
        self.history_model = HistoryModel(self)
        self.history = list_table(self.history_model, compact=True)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(HistoryModel.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(HistoryModel.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HistoryModel.NETWORK, QHeaderView.ResizeMode.ResizeToContents)
        self.history.activated.connect(self._open_post)
        self.history_note = hint("")
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 6, 0, 0)
        history_layout.addWidget(self.history, 1)
        history_layout.addWidget(self.history_note)

        # Notes and tags, kept with the person (they follow a merge).
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
        self.notes.textChanged.connect(self._edited)
        self.tags.textChanged.connect(self._edited)

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # In a short window the wrapped counts would be squeezed and cut: scroll instead.
        ledger_scroll = QScrollArea()
        ledger_scroll.setWidget(ledger)
        ledger_scroll.setWidgetResizable(True)
        ledger_scroll.setFrameShape(QFrame.Shape.NoFrame)
        ledger_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.tabs.addTab(ledger_scroll, self.tr("&Ledger"))
        self.tabs.addTab(history, self.tr("&History"))
        self.tabs.addTab(notes, self.tr("&Notes and tags"))

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
        self.show_nobody()

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
            parts.append(
                self.tr("combined from %1 records").replace("%1", str(len(ledger.merged_ids) + 1))
            )
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
                else self.tr("You thanked them %1 times.").replace("%1", str(len(thanked)))
            )
            if thanked
            else self.tr("You have not thanked them yet.")
        )
        self.history_model.set_items(history)
        # One network only: the identities above say which, the column would only repeat it.
        self.history.setColumnHidden(
            HistoryModel.NETWORK, len({item.network for item in history}) <= 1
        )
        if not history:
            self.history_note.setText(self.tr("No interactions stored yet."))
        elif len(history) >= 200:
            self.history_note.setText(self.tr("The latest %1 interactions.").replace("%1", "200"))
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
        return self.notes.toPlainText(), _tags(self.tags.text())

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


class MergeDialog(QDialog):
    """Pick the other record of the same human, read what will happen, confirm."""

    def __init__(self, services, tasks, person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person  # the PersonSummary (or Ledger) that is kept
        self.other = None
        self.setWindowTitle(self.tr("Merge %1 with…").replace("%1", person.name))
        self.setMinimumSize(520, 420)
        self.model = PeopleModel(services, tasks, exclude_id=person.person_id, parent=self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or handle  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setText(person.name)
        self.search.selectAll()
        debounce_search(self.search, self.model)
        self.search.returnPressed.connect(self._focus_list)
        self.table = _people_table(self.model)
        for column in range(PeopleModel.INBOUND, self.model.columnCount()):
            self.table.setColumnHidden(column, True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(PeopleModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PeopleModel.NETWORKS, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(PeopleModel.NAME, 200)
        self.table.selectionModel().currentRowChanged.connect(self._picked)
        self.empty = hint("")
        self.model.loaded.connect(self._loaded)
        self.confirm_text = QLabel()
        self.confirm_text.setWordWrap(True)
        self.confirm_text.setMinimumHeight(self.fontMetrics().lineSpacing() * 2 + 4)
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setAutoDefault(False)
        self.cancel.clicked.connect(self.reject)
        self.confirm = QPushButton(self.tr("&Merge"))
        self.confirm.setAutoDefault(False)
        self.confirm.setEnabled(False)
        self.confirm.setToolTip(self.tr("Make them one person (Ctrl+Enter)"))
        self.confirm.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel)
        buttons.addWidget(self.confirm)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(
            hint(
                self.tr(
                    "Pick the other record of the same human. Their identities, history, "
                    "thank-yous, notes and tags join %1."
                ).replace("%1", person.name)
            )
        )
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.confirm_text)
        layout.addLayout(buttons)
        _shortcut(self, "Ctrl+F", self.search.setFocus)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            _shortcut(self, key, self.confirm.click)
        self.model.set_search(self.search.text())

    def _focus_list(self) -> None:
        self.table.setFocus()

    def _loaded(self) -> None:
        if self.table.currentIndex().isValid():
            self._picked(self.table.currentIndex(), None)  # its page may just have arrived
        if self.model.rowCount() == 0 and self.model.complete:
            self.empty.setText(
                self.tr("Nobody else matches “%1”. Try part of the name or a handle.").replace(
                    "%1", self.model.search
                )
                if self.model.search
                else self.tr("There is nobody else to merge with.")
            )
        else:
            self.empty.setText("")

    def _picked(self, current, _previous) -> None:
        self.other = self.model.person(current.row()) if current.isValid() else None
        self.confirm.setEnabled(self.other is not None)
        if self.other is None:
            self.confirm_text.setText("")
            return
        self.confirm_text.setText(
            self.tr("%1 (%2) and %3 (%4) become one person; nothing is deleted.")
            .replace("%1", self.person.name)
            .replace("%2", _networks(self.person.identities))
            .replace("%3", self.other.name)
            .replace("%4", _networks(self.other.identities))
        )


class PeoplePage(Page):
    title = "People"

    def __init__(self, services, tasks, parent=None):
        super().__init__(services, tasks, parent)
        self.heading = heading(self.tr("People"))
        self.subtitle = hint(
            self.tr(
                "Everyone you interact with, on every network, most recently active first: "
                "what they did for you and what you did for them."
            )
        )
        self.model = PeopleModel(services, tasks, parent=self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search names and handles  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        # The store does the searching (accents and case folded); see people_model.py.
        self.search_timer = debounce_search(self.search, self.model)
        self.search.returnPressed.connect(self._focus_table)

        self.table = _people_table(self.model)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(PeopleModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PeopleModel.NETWORKS, QHeaderView.ResizeMode.Stretch)
        for column in (
            PeopleModel.INBOUND,
            PeopleModel.OUTBOUND,
            PeopleModel.LAST,
            PeopleModel.THANKED,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setResizeContentsPrecision(100)  # measure a screenful, not every loaded row
        header.resizeSection(PeopleModel.NAME, self.NAME_WIDTH)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.list_status = hint("")
        self.model.loaded.connect(self._loaded)
        self.model.loading_changed.connect(lambda _loading: self._update_status())
        self.model.failed.connect(self.report_error)

        self.details = PersonDetails()
        self.details.merge.clicked.connect(self.open_merge)
        self.details.save.clicked.connect(self.save_notes)
        self.merge_dialog: MergeDialog | None = None
        self._details_timer = QTimer(self)
        self._details_timer.setSingleShot(True)
        self._details_timer.setInterval(DETAILS_DELAY_MS)
        self._details_timer.timeout.connect(self._load_details)
        self._details_generation = 0
        self._total: int | None = None

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.list_status)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.details)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.details.setMinimumWidth(330)
        self.splitter = splitter
        self.table.installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(splitter, 1)

        _shortcut(self, "Ctrl+F", self._focus_search)
        _shortcut(self, "Ctrl+S", self.save_notes)
        _shortcut(self, "Ctrl+M", self.open_merge)
        _shortcut(self, "Ctrl+E", self._edit_notes)
        self.details.tabs.setTabToolTip(0, self.tr("What each of you did, per period (Alt+L)"))
        self.details.tabs.setTabToolTip(1, self.tr("Interactions both ways, newest first (Alt+H)"))
        self.details.tabs.setTabToolTip(2, self.tr("Your notes and tags (Alt+N, Ctrl+E)"))

    # -- layout -------------------------------------------------------------------------

    # When the list is narrow, columns give way in this order rather than scroll sideways;
    # what they showed is still in the tooltips and the details panel.
    FOLD_ORDER = (
        PeopleModel.NETWORKS,
        PeopleModel.THANKED,
        PeopleModel.LAST,
        PeopleModel.OUTBOUND,
        PeopleModel.INBOUND,
    )
    NAME_MIN, NETWORKS_MIN, NAME_WIDTH = 140, 110, 170

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns(event.size().width())
        return super().eventFilter(watched, event)

    def _fit_columns(self, width: int) -> None:
        header = self.table.horizontalHeader()
        width -= self.table.verticalScrollBar().sizeHint().width() + 2 * self.table.frameWidth()
        wanted = {c: header.sectionSizeHint(c) for c in range(self.model.columnCount())}
        wanted[PeopleModel.NAME] = self.NAME_MIN
        wanted[PeopleModel.NETWORKS] = self.NETWORKS_MIN
        for column in (PeopleModel.LAST, PeopleModel.THANKED):
            sample = self.table.fontMetrics().horizontalAdvance("88 Mmm 8888") + 12
            wanted[column] = max(wanted[column], sample)
        hidden = set()
        for column in self.FOLD_ORDER:
            if sum(w for c, w in wanted.items() if c not in hidden) <= width:
                break
            hidden.add(column)
        for column in range(self.model.columnCount()):
            self.table.setColumnHidden(column, column in hidden)
        # The Networks column takes the spare width; without it, the name does.
        mode = header.sectionResizeMode(PeopleModel.NAME)
        if PeopleModel.NETWORKS in hidden:
            header.setSectionResizeMode(PeopleModel.NAME, QHeaderView.ResizeMode.Stretch)
        elif mode == QHeaderView.ResizeMode.Stretch:
            header.setSectionResizeMode(PeopleModel.NAME, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(PeopleModel.NAME, self.NAME_WIDTH)

    # -- data -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the first page again (the search stays) and the shown person's ledger."""
        self.model.reload()
        self.run(self.services.counts, self._counted)
        if self.details.person_id is not None:
            self._load_details(self.details.person_id)

    def _counted(self, counts: dict[str, int]) -> None:
        self._total = counts.get("people", 0)
        if self._total == 0:
            self.heading.setText(self.tr("No people yet"))
        elif self._total == 1:
            self.heading.setText(self.tr("1 person"))
        else:
            self.heading.setText(
                self.tr("%1 people").replace("%1", self.locale().toString(self._total))
            )
        self._update_status()

    def _loaded(self) -> None:
        self._update_status()
        current = self.table.currentIndex()
        if current.isValid():
            self._selected(current, None)  # its page may just have arrived
            return
        if self.model.rowCount() == 0:
            if self.model.complete:
                self._autosave()
                self.details.show_nobody()
            return
        # Keep the person on show; after a new search with them not in it, the first match.
        row = self.model.row_of(self.details.person_id)
        if row < 0 and (self.details.person_id is None or self.model.search):
            row = 0
        if row >= 0:
            self.table.selectRow(row)

    def _update_status(self) -> None:
        model = self.model
        shown = self.locale().toString(model.rowCount())
        if model.error is not None:
            text = self.tr("Could not read the list: %1").replace("%1", str(model.error))
        elif model.loading and model.rowCount() == 0:
            text = self.tr("Loading…")
        elif model.rowCount() == 0 and model.complete:
            text = (
                self.tr("Nobody matches “%1”.").replace("%1", model.search)
                if model.search
                else self.tr("People appear here after your first sync, or with demo data.")
            )
        elif model.search:
            text = self.tr("%1 found.").replace("%1", shown)
        else:
            text = ""  # the heading has the count; the scroll bar is true to it
        self.list_status.setText(text)

    # -- selection and details -----------------------------------------------------------

    def current_person_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.data(index, PeopleModel.PersonIdRole) if index.isValid() else None

    def _selected(self, current, _previous) -> None:
        if not current.isValid():
            return  # a new search or reload: the details stay until rows arrive
        person = self.model.person(current.row())
        if person is None:
            return  # its page is being read: _loaded comes back here when it arrives
        if person.person_id == self.details.person_id and self.details.ledger is not None:
            return
        self._autosave()
        self._details_generation += 1  # an answer for the previous person is not shown now
        self.details.show_summary(person)
        self._details_timer.start()

    def _load_details(self, person_id: int | None = None) -> None:
        person_id = person_id if isinstance(person_id, int) else self.details.person_id
        if person_id is None:
            return
        self._details_generation += 1
        generation = self._details_generation
        services = self.services

        def work():
            return services.person(person_id), services.history(person_id)

        def done(result) -> None:
            if generation == self._details_generation:
                self.details.show_ledger(*result)

        self.run(work, done)

    def _autosave(self) -> None:
        """Moving to someone else keeps what was typed for the previous person."""
        if self.details.dirty():
            self._save(self.details.person_id, *self.details.edits(), quiet=True)

    def save_notes(self) -> None:
        if self.details.dirty():
            self._save(self.details.person_id, *self.details.edits())

    def _save(self, person_id: int, notes: str, tags: list[str], quiet: bool = False) -> None:
        name = self.details.name.text()

        def done(_result) -> None:
            if self.details.person_id == person_id:
                self.details.saved(notes, tags)
            self.message.emit(self.tr("Notes for %1 saved.").replace("%1", name))

        self.run(lambda: self.services.save_person_notes(person_id, notes, tags), done)

    # -- merge ----------------------------------------------------------------------------

    def open_merge(self) -> None:
        person = self.details.ledger
        if person is None:
            return
        self._autosave()
        dialog = MergeDialog(self.services, self.tasks, person, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._merge_confirmed(dialog.person, dialog.other))
        self.merge_dialog = dialog
        dialog.open()  # window-modal, without a nested event loop

    def _merge_confirmed(self, keep, other) -> None:
        if other is None:
            return

        def done(_result) -> None:
            self.message.emit(
                self.tr("%1 and %2 are now one person.")
                .replace("%1", keep.name)
                .replace("%2", other.name)
            )
            self.changed.emit()
            self.refresh()

        self.run(lambda: self.services.merge(keep.person_id, other.person_id), done)

    # -- keyboard -----------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_table(self) -> None:
        self.table.setFocus()  # the first match gets selected when it arrives

    def hideEvent(self, event) -> None:  # noqa: N802
        # Switching to another section keeps what was typed (not on quit: the window is
        # going away and the store with it).
        if self.window().isVisible():
            self._autosave()
        super().hideEvent(event)

    def _edit_notes(self) -> None:
        self.details.tabs.setCurrentIndex(2)
        if self.details.notes.isEnabled():
            self.details.notes.setFocus()
