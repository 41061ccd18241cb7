"""Item model over the pending list (rows are plain domain objects, loaded off-thread)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.ui.format import describe_counts, network_name, time_ago, tr_format
from desktop.ui.models.rows import RowsModel

if TYPE_CHECKING:  # types only: the rows come from Services, read on workers
    from desktop.queries.pending_views import PendingPerson

Index = QModelIndex | QPersistentModelIndex


class PendingModel(RowsModel):
    PersonIdRole = Qt.ItemDataRole.UserRole + 1

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Person"), self.tr("What they did"), self.tr("Last"), self.tr("Why now"))

    def priority_label(self, priority: int) -> str:
        """Why now, from the entry's priority (1 first)."""
        labels = {
            1: self.tr("Shared your work"),
            2: self.tr("Talked with you"),
            3: self.tr("Liked or followed"),
        }
        return labels.get(priority, "")

    def set_entries(self, rows) -> None:
        self.set_rows(rows)

    def entry(self, row: int) -> PendingPerson:
        return self._rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        entry = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return entry.name
            if column == 1:
                return describe_counts(entry.counts)
            if column == 2:
                return time_ago(entry.last_interaction_at)
            if column == 3:
                return self.priority_label(entry.priority)
        elif role == Qt.ItemDataRole.ToolTipRole and column == 0:
            on = self.tr("%1 on %2")
            return "\n".join(
                tr_format(on, i.handle, network_name(i.network)) for i in entry.identities
            )
        elif role == self.PersonIdRole:
            return entry.person_id
        return None
