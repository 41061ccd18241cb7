"""Merge two records of the same human into one person (the People page's Ctrl+M)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.format import (
    network_list,
    tr_format,
)
from desktop.ui.models.people import PeopleModel, debounce_search
from desktop.ui.pages.base import hint
from desktop.ui.widgets.actions import add_shortcut
from desktop.ui.widgets.tables import people_table

if TYPE_CHECKING:
    from desktop.queries.ledger import PersonSummary


class MergeDialog(QDialog):
    """Pick the other record of the same human, read what will happen, confirm."""

    def __init__(self, services, tasks, person, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.person = person  # the PersonSummary (or Ledger) that is kept
        self.other: PersonSummary | None = None
        self.setWindowTitle(tr_format(self.tr("Merge %1 with…"), person.name))
        self.setMinimumSize(520, 420)
        self.model = PeopleModel(services, tasks, exclude_id=person.person_id, parent=self)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search by name or handle  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setText(person.name)
        self.search.selectAll()
        debounce_search(self.search, self.model)
        self.search.returnPressed.connect(self._focus_list)
        self.table = people_table(self.model)
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
                tr_format(
                    self.tr(
                        "Pick the other record of the same human. Their identities, history, "
                        "thank-yous, notes and tags join %1."
                    ),
                    person.name,
                )
            )
        )
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.confirm_text)
        layout.addLayout(buttons)
        add_shortcut(self, "Ctrl+F", self.search.setFocus)
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            add_shortcut(self, key, self.confirm.click)
        self.model.set_search(self.search.text())

    def _focus_list(self) -> None:
        self.table.setFocus()

    def _loaded(self) -> None:
        if self.table.currentIndex().isValid():
            self._picked(self.table.currentIndex(), None)  # its page may just have arrived
        if self.model.rowCount() == 0 and self.model.complete:
            self.empty.setText(
                tr_format(
                    self.tr("Nobody else matches “%1”. Try part of the name or a handle."),
                    self.model.search,
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
            tr_format(
                self.tr("%1 (%2) and %3 (%4) become one person; nothing is deleted."),
                self.person.name,
                network_list(self.person.identities),
                self.other.name,
                network_list(self.other.identities),
            )
        )
