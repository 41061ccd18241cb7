"""Item model over the ranked candidates (rows are plain domain objects, loaded off-thread),
and the filter that searches them ignoring case and accents."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.core.text import fold
from desktop.ui.format import local_datetime, time_ago
from desktop.ui.reasons import reason_text, short_reason

if TYPE_CHECKING:  # types only: the rows come from Services, read on workers
    from desktop.queries.candidates import RankedCandidate

Index = QModelIndex | QPersistentModelIndex


def site_of(url: str) -> str:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.")


class CandidatesModel(QAbstractTableModel):
    HEADERS = ("Title", "Author", "Shared by", "Why", "Seen")
    TITLE, AUTHOR, SHARED_BY, WHY, SEEN = range(5)
    CandidateIdRole = Qt.ItemDataRole.UserRole + 1
    SearchRole = Qt.ItemDataRole.UserRole + 2  # folded text the filter matches

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[RankedCandidate] = []
        self._search: list[str] = []

    def set_candidates(self, rows: list[RankedCandidate]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._search = [
            fold(
                " ".join(
                    (c.title, c.author, c.summary, site_of(c.url), *map(reason_text, c.reasons))
                )
            )
            for c in self._rows
        ]
        self.endResetModel()

    def candidate(self, row: int) -> RankedCandidate:
        return self._rows[row]

    def row_of(self, candidate_id: int) -> int | None:
        for row, candidate in enumerate(self._rows):
            if candidate.candidate_id == candidate_id:
                return row
        return None

    def first_reason(self, candidate: RankedCandidate) -> str:
        """The reason that ranked it highest (the first of "why this"), said briefly."""
        return short_reason(candidate.reasons[0]) if candidate.reasons else ""

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Title"),
                self.tr("Author"),
                self.tr("Shared by"),
                self.tr("Why"),
                self.tr("Seen"),
            )[section]
        if role == Qt.ItemDataRole.ToolTipRole and section == self.SHARED_BY:
            return self.tr("How many people in your network shared it")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        candidate = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                return candidate.title or site_of(candidate.url) or candidate.url
            if column == self.AUTHOR:
                return candidate.author or site_of(candidate.url)
            if column == self.SHARED_BY:
                return str(candidate.shared_by_count) if candidate.shared_by_count else "–"
            if column == self.WHY:
                return self.first_reason(candidate)
            if column == self.SEEN:
                return time_ago(candidate.last_seen_at)
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == self.TITLE:
                return f"{candidate.title}\n{candidate.url}" if candidate.title else candidate.url
            if column == self.WHY:
                return "\n".join(map(reason_text, candidate.reasons))
            if column == self.SEEN:
                return local_datetime(candidate.last_seen_at)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == self.SHARED_BY:
            return int(Qt.AlignmentFlag.AlignCenter)
        elif role == self.CandidateIdRole:
            return candidate.candidate_id
        elif role == self.SearchRole and column == self.TITLE:
            return self._search[index.row()]
        return None


class CandidateFilter(QSortFilterProxyModel):
    """Keeps the rows whose title, author, summary, site or reasons contain every word
    typed, ignoring case and accents ("difusion" finds "Difusión")."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._words: list[str] = []

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._words = fold(text).split()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        if not self._words:
            return True
        model = self.sourceModel()
        haystack = model.data(
            model.index(source_row, CandidatesModel.TITLE, source_parent),
            CandidatesModel.SearchRole,
        )
        return all(word in (haystack or "") for word in self._words)
