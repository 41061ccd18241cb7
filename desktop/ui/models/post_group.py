"""Item model over the posts several pending people shared (rows are plain domain objects,
computed off-thread from the pending list)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from desktop.core.groups import PostGroup
from desktop.core.i18n import PLURAL, fill, tx
from desktop.core.text import excerpt
from desktop.ui.format import network_name
from desktop.ui.models.rows import RowsModel

Index = QModelIndex | QPersistentModelIndex
POST_EXCERPT = 90  # characters of the post shown in the table; the tooltip has it all


def names_text(names: list[str], shown: int = 3) -> str:
    """ "Ana, Ben and Clara"; "Ana, Ben, Clara and 4 others"."""
    if len(names) <= 1:
        return "".join(names)
    if len(names) <= shown:
        return fill(tx("Names", "%1 and %2"), ", ".join(names[:-1]), names[-1])
    rest = len(names) - shown
    listed = ", ".join(names[:shown])
    if rest == 1:
        return fill(tx("Names", "%1 and 1 other"), listed)
    return fill(tx("Names", "%1 and %n others", None, PLURAL, rest), listed)


class PostGroupModel(RowsModel):
    PostUrlRole = Qt.ItemDataRole.UserRole + 1
    PersonIdsRole = Qt.ItemDataRole.UserRole + 2

    def headers(self) -> tuple[str, ...]:
        # On: the same text may be on two networks
        return (self.tr("Post"), self.tr("People"), self.tr("Names"), self.tr("On"))

    def set_groups(self, rows) -> None:
        self.set_rows(rows)

    def group(self, row: int) -> PostGroup:
        return self._rows[row]

    def row_of(self, post_url: str) -> int:
        return next((i for i, g in enumerate(self._rows) if g.post_url == post_url), -1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        group = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return excerpt(group.post_text or group.post_url, POST_EXCERPT)
            if column == 1:
                return len(group.person_ids)
            if column == 2:
                return names_text(group.names)
            if column == 3:
                return network_name(group.network) if group.network else ""
        elif role == Qt.ItemDataRole.ToolTipRole:
            if column == 0:
                return f"{group.post_text}\n{group.post_url}" if group.post_text else group.post_url
            if column == 2:
                return "\n".join(group.names)
        elif role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        elif role == self.PostUrlRole:
            return group.post_url
        elif role == self.PersonIdsRole:
            return list(group.person_ids)
        return None
