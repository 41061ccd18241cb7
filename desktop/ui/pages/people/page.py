"""People: everyone you interact with, across networks, and how the relationship stands.

The list is a lazy `PeopleModel` (a page of ~200 people at a time, read on a worker), so it
stays responsive with 100,000 people. Searching re-queries the store: filtering the rows
loaded so far would miss everyone not scrolled to yet (see desktop/ui/models/people.py).
The archive search (archive.py) takes the list's place while it has words.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialogs.merge import MergeDialog
from desktop.ui.format import tr_format
from desktop.ui.models.people import (
    PeopleModel,
    debounce_search,
)
from desktop.ui.pages.base import Page, heading, hint
from desktop.ui.pages.people.archive import ArchiveSearch
from desktop.ui.pages.people.details import PersonDetails
from desktop.ui.widgets.actions import add_shortcut
from desktop.ui.widgets.tables import people_table

DETAILS_DELAY_MS = 60  # holding an arrow key down does not read every person on the way


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

        self.table = people_table(self.model)
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
        self._column_hints: dict[int, int] = {}

        self._build_left()
        splitter = QSplitter()
        splitter.addWidget(self.left)
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
        self.suggestions_button = QPushButton()
        self.suggestions_button.setToolTip(
            self.tr("People who look like one person on several networks")
        )
        self.suggestions_button.hide()  # until there is something to suggest
        self.suggestions_button.clicked.connect(self.open_suggestions)
        self.suggestions: list = []
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.suggestions_button)
        top.addWidget(self.archive.box, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(top)
        layout.addWidget(self.subtitle)
        layout.addWidget(splitter, 1)

        self._wire_archive()
        add_shortcut(self, "Ctrl+F", self._focus_search)
        add_shortcut(self, "Ctrl+Shift+F", self._focus_archive)
        add_shortcut(self, "Ctrl+S", self.save_notes)
        add_shortcut(self, "Ctrl+M", self.open_merge)
        add_shortcut(self, "Ctrl+E", self._edit_notes)
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
        # A hidden column's hint is 0: it keeps the width it wanted when last shown.
        for c in range(self.model.columnCount()):
            if header.sectionSizeHint(c) > 0:
                self._column_hints[c] = header.sectionSizeHint(c)
        wanted = {c: self._column_hints.get(c, 0) for c in range(self.model.columnCount())}
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

    def _build_left(self) -> None:
        """Everyone (search, list, status), or the archive search's results in its place."""
        self.everyone = QWidget()
        left_layout = QVBoxLayout(self.everyone)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(6)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.list_status)
        self.archive = ArchiveSearch(self.services, self.tasks, parent=self)
        self.left = QStackedWidget()
        self.left.addWidget(self.everyone)
        self.left.addWidget(self.archive)

    def _wire_archive(self) -> None:
        self.archive.active_changed.connect(self._archive_shown)
        self.archive.person_chosen.connect(self._archive_person)

    def _archive_shown(self, active: bool) -> None:
        self.left.setCurrentWidget(self.archive if active else self.everyone)
        if not active and self.archive.results.hasFocus():
            self.table.setFocus()

    def _archive_person(self, person_id: int, name: str) -> None:
        if person_id == self.details.person_id and self.details.ledger is not None:
            return
        self._autosave()
        self._details_generation += 1  # an answer for the previous person is not shown now
        self.details.show_name(person_id, name)
        self._details_timer.start()  # reads the ledger of details.person_id

    # -- data -------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the first page again (the search stays) and the shown person's ledger."""
        self.model.reload()
        self.run(self.services.counts, self._counted)
        if self.details.person_id is not None:
            self._load_details(self.details.person_id)

    def _suggested(self, suggestions: list) -> None:
        self.suggestions = suggestions
        n = len(suggestions)
        self.suggestions_button.setText(
            self.tr("1 suggested merge…") if n == 1 else self.tr("%n suggested merges…", None, n)
        )
        self.suggestions_button.setVisible(n > 0)

    def open_suggestions(self) -> None:
        from desktop.ui.dialogs.suggestions import SuggestionsDialog

        dialog = SuggestionsDialog(self.services, self.tasks, self.suggestions, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.merged.connect(self.message)
        dialog.merged.connect(lambda _text: self.changed.emit())
        dialog.finished.connect(lambda _result: self.refresh())
        self.suggestions_dialog = dialog
        dialog.open()

    def _counted(self, counts: dict[str, int]) -> None:
        self._total = counts.get("people", 0)
        if self._total > 1:  # two people at least to be one
            self.run(self.services.merge_suggestions, self._suggested)
        else:
            self._suggested([])
        if self._total == 0:
            self.heading.setText(self.tr("No people yet"))
        elif self._total == 1:
            self.heading.setText(self.tr("1 person"))
        else:
            self.heading.setText(
                tr_format(self.tr("%1 people"), self.locale().toString(self._total))
            )
        self._update_status()

    def _loaded(self) -> None:
        self._update_status()
        # The numbers' widths are known once rows are in: fold the columns again for them.
        self._fit_columns(self.table.width())
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
            text = tr_format(self.tr("Could not read the list: %1"), model.error)
        elif model.loading and model.rowCount() == 0:
            text = self.tr("Loading…")
        elif model.rowCount() == 0 and model.complete:
            text = (
                tr_format(self.tr("Nobody matches “%1”."), model.search)
                if model.search
                else self.tr("People appear here after your first sync, or with demo data.")
            )
        elif model.search:
            text = tr_format(self.tr("%1 found."), shown)
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
            person_id = self.details.person_id
            assert person_id is not None  # dirty() says someone is shown
            self._save(person_id, *self.details.edits(), quiet=True)

    def save_notes(self) -> None:
        if self.details.dirty():
            person_id = self.details.person_id
            assert person_id is not None  # dirty() says someone is shown
            self._save(person_id, *self.details.edits())

    def _save(self, person_id: int, notes: str, tags: list[str], quiet: bool = False) -> None:
        name = self.details.name.text()

        def done(_result) -> None:
            if self.details.person_id == person_id:
                self.details.saved(notes, tags)
            self.message.emit(tr_format(self.tr("Notes for %1 saved."), name))

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
                tr_format(self.tr("%1 and %2 are now one person."), keep.name, other.name)
            )
            self.changed.emit()
            self.refresh()

        self.run(lambda: self.services.merge(keep.person_id, other.person_id), done)

    # -- keyboard -----------------------------------------------------------------------

    def _focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _focus_archive(self) -> None:
        self.archive.box.setFocus()
        self.archive.box.selectAll()

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
