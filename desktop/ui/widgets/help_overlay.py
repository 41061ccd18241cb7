"""Every shortcut of a window, listed on top of it (F1)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from desktop.ui import rich
from desktop.ui.pages.base import heading


def key_label(key: str) -> str:
    """A key as this desktop writes it ("Ctrl+Return", "⌘↩")."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


class HelpOverlay(QFrame):
    """Every shortcut, on top of the window, until F1 or Esc: ``shortcuts`` are (key, what
    it does) pairs, the text already translated by the window that has the keys."""

    def __init__(self, parent: QWidget, shortcuts: Iterable[tuple[str, str]]) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setStyleSheet(
            "#helpOverlay { background: palette(window); border: 1px solid palette(mid);"
            " border-radius: 6px; }"
        )
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Keys")))
        rows = "".join(
            f"<tr><td style='padding-right:16px'>{rich.bold(key_label(key))}</td>"
            f"<td>{rich.escape(text)}</td></tr>"
            for key, text in shortcuts
        )
        table = QLabel(f"<table>{rows}</table>")
        table.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(table)
        layout.addStretch(1)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
            return
        parent = self.parentWidget()
        assert parent is not None  # made over its window, which it covers
        self.setGeometry(parent.rect().adjusted(24, 24, -24, -24))
        self.raise_()
        self.show()
