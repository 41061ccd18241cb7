"""Item models for the People section: the ledger of everyone, and one person's history.

The ledger may hold 100,000 people, so `PeopleModel` never loads the whole table. A reload
reads the number of people matching the query and the first page in one worker task; the
model then has that many rows, so the scroll bar is true from the start, and a row's page
(~200 people) is read on a worker only when a view asks for a row in it. Holding End, or
dragging the scroll bar to the bottom, reads the last page and nothing in between. Rows not
read yet show "…" for the moment it takes. Pages read are kept, up to a bound, so scrolling
back is instant and memory stays flat. A generation counter, bumped on every new search or
reload, makes late answers to an older query harmless: they are dropped.

Searching re-queries the store instead of filtering in a QSortFilterProxyModel, because a
proxy only sees the rows read so far. Likewise the order (most recently active first) is
the query's, so views must not sort by header.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QLineEdit

from desktop.ui.format import local_datetime, network_name, time_ago, tr_format

if TYPE_CHECKING:  # types only: the rows come from Services, read on workers
    from desktop.queries.ledger import PersonSummary


Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 200
KEEP_PAGES = 50  # 10,000 people in memory at most; further pages are read again if needed
MAX_RECOUNTS = 3  # a page shorter than the count said: count again, this often at most
WANTED_PAGES = 4  # a screenful spans one or two pages; older requests were scrolled past
SEARCH_DELAY_MS = 250


def _header_flags(section: int, count: int, orientation) -> bool:
    return orientation == Qt.Orientation.Horizontal and 0 <= section < count


# -- the lazy ledger ---------------------------------------------------------------------


class PeopleModel(QAbstractTableModel):
    """Everyone in the ledger, most recently active first; pages read as they come in sight."""

    NAME, NETWORKS, INBOUND, OUTBOUND, LAST, THANKED = range(6)
    PersonIdRole = Qt.ItemDataRole.UserRole + 1
    PersonRole = Qt.ItemDataRole.UserRole + 2

    loaded = Signal()  # the count and first page arrived, or another page did
    loading_changed = Signal(bool)
    failed = Signal(object)  # the exception of the last read

    def __init__(
        self,
        services,
        tasks,
        *,
        page_size: int = PAGE_SIZE,
        keep_pages: int = KEEP_PAGES,
        exclude_id: int | None = None,
        now: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.page_size = page_size
        self.keep_pages = max(keep_pages, 2)
        self.exclude_id = exclude_id  # e.g. the person being merged: not a choice for itself
        self._now = now or (lambda: datetime.now(UTC))
        self._total = 0
        self._pages: OrderedDict[int, list[PersonSummary]] = OrderedDict()  # least recent first
        self._wanted: dict[int, None] = {}  # pages views asked for, most recent last
        self._reading: int | None = None  # the page being read
        self._recounts = 0  # reloads in a row because a page came back short
        self._search = ""
        self._generation = 0
        self._loading = False
        self._complete = False
        self._next_timer = QTimer(self)
        self._next_timer.setSingleShot(True)
        self._next_timer.setInterval(0)  # views ask from paint events: read after them
        self._next_timer.timeout.connect(self._read_next)
        self.pages_read = 0  # pages read since the last reload (tests and the benchmark)
        self.error: Exception | None = None
        self._headers = (
            self.tr("Name"),
            self.tr("Networks"),
            self.tr("They → you"),
            self.tr("You → them"),
            self.tr("Last interaction"),
            self.tr("Last thanked"),
        )
        self._header_tips = (
            self.tr("Their name as their newest identity shows it"),
            self.tr("Their handles on each network"),
            self.tr(
                "Everything they did for you, all time: shares, quotes, mentions, replies, "
                "likes, follows"
            ),
            self.tr("Everything you did for them, all time"),
            self.tr("The latest interaction either way"),
            self.tr("When you last marked them thanked"),
        )

    # -- state --------------------------------------------------------------------------

    @property
    def search(self) -> str:
        return self._search

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def complete(self) -> bool:
        """True once the store said how many people this query has: rowCount() is final."""
        return self._complete

    def set_search(self, text: str) -> None:
        """Start over with a new query (the store does the matching, accents folded)."""
        self._search = text.strip()
        self.reload()

    def reload(self, *, recount: bool = False) -> None:
        """Count again and read the first page; answers to earlier reads are ignored."""
        if not recount:
            self._recounts = 0
        self._generation += 1
        self.beginResetModel()
        self._total = 0
        self._pages.clear()
        self._wanted.clear()
        self._reading = None
        self._complete = False
        self.pages_read = 0
        self.error = None
        self.endResetModel()
        self._set_loading(True)
        generation, search, exclude = self._generation, self._search or None, self.exclude_id
        services, limit = self._services, self.page_size

        def work():
            total = services.people_count(search=search, exclude_id=exclude)
            rows = services.people(search=search, offset=0, limit=limit, exclude_id=exclude)
            return total, rows

        self._tasks.run(
            work,
            lambda result: self._counted(generation, *result),
            lambda exc: self._failed(generation, exc),
        )

    def person(self, row: int) -> PersonSummary | None:
        """The person on this row, or None while their page is still being read."""
        rows = self._pages.get(row // self.page_size)
        index = row % self.page_size
        return rows[index] if rows is not None and index < len(rows) else None

    def is_loaded(self, row: int) -> bool:
        return self.person(row) is not None

    def row_of(self, person_id: int | None) -> int:
        """The row of a person on a page read so far, or -1."""
        if person_id is None:
            return -1
        for page, rows in self._pages.items():
            for n, person in enumerate(rows):
                if person.person_id == person_id:
                    return page * self.page_size + n
        return -1

    # -- reading pages ------------------------------------------------------------------

    def _counted(self, generation: int, total: int, rows: list[PersonSummary]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # an answer to an older search or an earlier reload: not ours any more
        self.beginResetModel()
        self._total = total
        self._pages[0] = rows
        self._complete = True
        self.endResetModel()
        self.pages_read = 1
        self._set_loading(bool(self._wanted))
        self.loaded.emit()

    def _want(self, page: int) -> None:
        if page in self._wanted or page == self._reading or self.error is not None:
            return  # after a failed read, only a reload (or a new search) reads again
        self._wanted[page] = None
        while len(self._wanted) > WANTED_PAGES:  # scrolled past: those rows are out of sight
            del self._wanted[next(iter(self._wanted))]
        self._set_loading(True)
        if self._reading is None and not self._next_timer.isActive():
            self._next_timer.start()

    def _read_next(self) -> None:
        if not shiboken6.isValid(self) or self._reading is not None or not self._wanted:
            return
        page = next(reversed(self._wanted))  # the latest asked for is what is in sight
        del self._wanted[page]
        self._reading = page
        self._set_loading(True)
        generation, search, exclude = self._generation, self._search or None, self.exclude_id
        services, limit, total = self._services, self.page_size, self._total
        self._tasks.run(
            lambda: services.people(
                search=search, offset=page * limit, limit=limit, exclude_id=exclude, total=total
            ),
            lambda rows: self._page_read(generation, page, rows),
            lambda exc: self._failed(generation, exc),
        )

    def _page_read(self, generation: int, page: int, rows: list[PersonSummary]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._reading = None
        self.pages_read += 1
        first = page * self.page_size
        expected = min(self.page_size, self._total - first)
        if len(rows) < expected and self._recounts < MAX_RECOUNTS:
            # People went away since the count (a merge in another window): count again,
            # a few times at most, so a store that keeps changing cannot keep us reading.
            self._recounts += 1
            self.reload(recount=True)
            return
        self._recounts = 0
        self._pages[page] = rows[:expected]
        self._pages.move_to_end(page)
        while len(self._pages) > self.keep_pages:
            self._pages.popitem(last=False)
        self.dataChanged.emit(
            self.index(first, 0), self.index(first + expected - 1, len(self._headers) - 1)
        )
        self._set_loading(bool(self._wanted))
        self.loaded.emit()
        if self._wanted:
            self._next_timer.start()

    def _failed(self, generation: int, exc: Exception) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self._reading = None
        self._wanted.clear()  # no retry loop; a reload or a new search tries again
        self._complete = True
        self._set_loading(False)
        self.error = exc
        self.failed.emit(exc)
        self.loaded.emit()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- the model ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if not _header_flags(section, len(self._headers), orientation):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tips[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (self.INBOUND, self.OUTBOUND):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        page = index.row() // self.page_size
        rows = self._pages.get(page)
        if rows is None:
            self._want(page)
            if role == Qt.ItemDataRole.DisplayRole and index.column() == self.NAME:
                return "…"
            return None
        if page != next(reversed(self._pages)):
            self._pages.move_to_end(page)  # recently shown pages are the last to go
        if index.row() % self.page_size >= len(rows):
            return None  # the store kept having fewer people than it counted
        person = rows[index.row() % self.page_size]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.NAME:
                return person.name
            if column == self.NETWORKS:
                return " · ".join(i.handle for i in person.identities)
            if column == self.INBOUND:
                return QLocale().toString(person.inbound)
            if column == self.OUTBOUND:
                return QLocale().toString(person.outbound)
            if column == self.LAST:
                return time_ago(person.last_interaction_at, self._now())
            if column == self.THANKED:
                return time_ago(person.last_thanked, self._now())
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column in (self.NAME, self.NETWORKS):
                on = self.tr("%1 on %2")
                return "\n".join(
                    tr_format(on, i.handle, network_name(i.network)) for i in person.identities
                )
            if column == self.LAST and person.last_interaction_at:
                return local_datetime(person.last_interaction_at)
            if column == self.THANKED and person.last_thanked:
                return local_datetime(person.last_thanked)
        elif role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (self.INBOUND, self.OUTBOUND):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == self.PersonIdRole:
            return person.person_id
        elif role == self.PersonRole:
            return person
        return None


def debounce_search(line_edit: QLineEdit, model: PeopleModel, delay_ms: int = SEARCH_DELAY_MS):
    """Re-query `model` a moment after typing stops (Enter searches at once).

    Each keystroke would otherwise start a store query; 250 ms after the last one is fast
    enough to feel live and slow enough to skip the intermediate words.
    """
    timer = QTimer(line_edit)
    timer.setSingleShot(True)
    timer.setInterval(delay_ms)
    timer.timeout.connect(lambda: model.set_search(line_edit.text()))

    def now() -> None:
        timer.stop()
        if line_edit.text().strip() != model.search:
            model.set_search(line_edit.text())

    line_edit.textChanged.connect(lambda _text: timer.start())
    line_edit.returnPressed.connect(now)
    return timer
