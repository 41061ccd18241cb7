"""First run, nothing connected yet: say what the app does and offer the ways in."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.ui.pages.base import heading, hint


class WelcomePage(QWidget):
    section_requested = Signal(str)  # "accounts"
    connect_requested = Signal(str)  # "mastodon", "bluesky", "feeds"
    demo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = heading(self.tr("Welcome to Reciprocity"))
        intro = hint(
            self.tr(
                "Once a day, Reciprocity tells you who to thank and what to share. It reads who "
                "boosted, quoted, mentioned or replied to you, keeps a ledger per person on this "
                "computer, and writes a personal thank-you you can send in one click. Nothing is "
                "ever posted without your click."
            )
        )
        intro.setMaximumWidth(620)
        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(12)
        choices = (
            ("mastodon", self.tr("Connect &Mastodon"), self.tr("Any server: sign in once.")),
            ("bluesky", self.tr("Connect &Bluesky"), self.tr("With an app password.")),
            ("feeds", self.tr("Add &feeds"), self.tr("Blogs, newspapers, YouTube: what to share.")),
            (
                "demo",
                self.tr("Explore with &demo data"),
                self.tr("A separate store of made-up people; delete it in one click."),
            ),
        )
        for n, (key, label, detail) in enumerate(choices):
            button = QPushButton(label)
            button.setMinimumHeight(40)
            button.setMinimumWidth(220)
            note = QLabel(detail)
            note.setWordWrap(True)
            grid.addWidget(button, n, 0)
            grid.addWidget(note, n, 1)
            self.buttons[key] = button
            if key == "demo":
                button.clicked.connect(self.demo_requested)
            else:
                button.clicked.connect(lambda _=False, k=key: self._connect(k))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(14)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(10)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)

    def _connect(self, key: str) -> None:
        self.connect_requested.emit(key)
        self.section_requested.emit("accounts")
