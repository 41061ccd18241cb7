"""The Accounts section (placeholder until its page lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from desktop.ui.pages.base import Page, heading, hint


class AccountsPage(Page):
    title = "Accounts"

    def __init__(self, services, tasks, parent=None):
        super().__init__(services, tasks, parent)
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Accounts")))
        layout.addWidget(hint(self.tr("This section is on its way.")))
        layout.addStretch(1)

    def refresh(self) -> None:
        pass
