"""The People page's archive search: the interactions found, newest first, a page at a time.

Every page is read on a worker (Services.search_interactions); the view asks for the next
one (fetchMore) when it is scrolled to the end. A generation counter, bumped by every new
search, drops the answers to an older one. The rows are the store's order: never sorted.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.core.sentences import kind_sentence
from desktop.ui.format import local_datetime, network_name, time_ago

if TYPE_CHECKING:  # types only: the pages come from Services, read on workers
    from desktop.queries.search import SearchCursor, SearchHit, SearchPage

Index = QModelIndex | QPersistentModelIndex

PAGE_SIZE = 50


def hit_sentence(hit: SearchHit) -> str:
    """'They replied to you: “…the difusión of…”', as the person's history says it."""
    return kind_sentence(hit.kind, hit.direction, hit.snippet)


class SearchResultsModel(QAbstractListModel):
    """The interactions matching the archive search, newest first."""

    HitRole = Qt.ItemDataRole.UserRole + 1
    WhenRole = Qt.ItemDataRole.UserRole + 2  # "3 days ago"
    SentenceRole = Qt.ItemDataRole.UserRole + 3  # what happened, with the snippet

    loaded = Signal()  # a page arrived (or the search was cleared, or failed)
    loading_changed = Signal(bool)
    failed = Signal(object)  # the exception of the last read

    def __init__(
        self,
        services,
        tasks,
        *,
        page_size: int = PAGE_SIZE,
        now: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._tasks = tasks
        self.page_size = page_size
        self._now = now or (lambda: datetime.now(UTC))
        self._hits: list[SearchHit] = []
        self._next: SearchCursor | None = None
        self._text = ""
        self._generation = 0
        self._loading = False
        self.pages_read = 0
        self.error: Exception | None = None

    # -- state --------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def complete(self) -> bool:
        """True once every match has been read (or the search failed)."""
        return not self._loading and (self._next is None or self.error is not None)

    def hit(self, row: int) -> SearchHit | None:
        return self._hits[row] if 0 <= row < len(self._hits) else None

    def set_search(self, text: str) -> None:
        """Start over with these words; empty: no search, no rows."""
        self._text = text.strip()
        self._generation += 1
        self.beginResetModel()
        self._hits = []
        self._next = None
        self.error = None
        self.pages_read = 0
        self.endResetModel()
        if not self._text:
            self._set_loading(False)
            self.loaded.emit()
            return
        self._read(None)

    # -- reading ------------------------------------------------------------------------

    def _read(self, before: SearchCursor | None) -> None:
        self._set_loading(True)
        generation, text, services, limit = (
            self._generation,
            self._text,
            self._services,
            self.page_size,
        )
        self._tasks.run(
            lambda: services.search_interactions(text, limit=limit, before=before),
            lambda page: self._page_read(generation, page),
            lambda exc: self._failed(generation, exc),
        )

    def _page_read(self, generation: int, page: SearchPage) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return  # an answer to an older search
        known = {hit.interaction_id for hit in self._hits}
        new = [hit for hit in page.hits if hit.interaction_id not in known]
        if new:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(new) - 1)
            self._hits.extend(new)
            self.endInsertRows()
        self._next = page.next
        self.pages_read += 1
        self._set_loading(False)
        self.loaded.emit()

    def _failed(self, generation: int, exc: Exception) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        self.error = exc
        self._set_loading(False)
        self.failed.emit(exc)
        self.loaded.emit()

    def _set_loading(self, loading: bool) -> None:
        if loading != self._loading:
            self._loading = loading
            self.loading_changed.emit(loading)

    # -- the model ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._hits)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008, N802
        return (
            not parent.isValid()
            and self._next is not None
            and not self._loading
            and self.error is None
        )

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008, N802
        if self.canFetchMore(parent):
            self._read(self._next)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.name
        if role == self.WhenRole:
            return time_ago(hit.occurred_at, self._now())
        if role == self.SentenceRole:
            return hit_sentence(hit)
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [
                f"{hit.name} · {hit.handle} · {network_name(hit.network)}",
                local_datetime(hit.occurred_at),
                hit_sentence(hit),
            ]
            if hit.post_url:
                lines.append(hit.post_url)
            lines.append(self.tr("Enter shows their ledger."))
            return "\n".join(lines)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.name}, {time_ago(hit.occurred_at, self._now())}: {hit_sentence(hit)}"
        if role == self.HitRole:
            return hit
        return None
