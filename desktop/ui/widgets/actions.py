"""Keyboard shortcuts the pages and dialogs add the same way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


def add_shortcut(widget: QWidget, key: str, handler) -> QAction:
    """``key`` runs ``handler`` while the focus is in ``widget`` or its children."""
    action = QAction(widget)
    action.setShortcut(QKeySequence(key))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(handler)
    widget.addAction(action)
    return action
