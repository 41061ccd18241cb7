"""One person's history, both ways, newest first, as plain sentences (People details)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from desktop.core.sentences import kind_sentence
from desktop.ui.format import local_date, local_datetime, network_name

if TYPE_CHECKING:  # types only: the rows come from Services, read on workers
    from desktop.queries.history import HistoryItem

Index = QModelIndex | QPersistentModelIndex


def history_sentence(item: HistoryItem, limit: int = 90) -> str:
    """'They shared your post “…”', 'You liked their post “…”', 'They followed you'."""
    from desktop.core.text import excerpt

    return kind_sentence(item.kind, item.direction, excerpt(item.post_text or "", limit))


class HistoryModel(QAbstractTableModel):
    """Interactions both ways with one person, newest first, as plain sentences."""

    WHEN, WHAT, NETWORK = range(3)
    ItemRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[HistoryItem] = []
        self._headers = (self.tr("When"), self.tr("What"), self.tr("Network"))

    def set_items(self, items: list[HistoryItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> HistoryItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        horizontal = orientation == Qt.Orientation.Horizontal
        if role == Qt.ItemDataRole.DisplayRole and horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHEN:
                return local_date(item.occurred_at)
            if column == self.WHAT:
                return history_sentence(item)
            if column == self.NETWORK:
                return network_name(item.network)
        elif role == Qt.ItemDataRole.ToolTipRole:
            lines = [local_datetime(item.occurred_at), history_sentence(item, 400)]
            if item.post_url:
                lines.append(item.post_url)
                lines.append(self.tr("Double-click or press Enter to open the post."))
            if item.direction == "inbound" and item.kind != "follow":
                lines.append(
                    self.tr("Answered (thanked, let be or snoozed)")
                    if item.acknowledged
                    else self.tr("Waiting for a thank-you")
                )
            return "\n".join(lines)
        elif role == self.ItemRole:
            return item
        return None
