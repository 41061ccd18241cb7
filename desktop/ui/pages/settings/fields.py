"""The small form pieces the Settings page is made of, and how it reads stored values."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from desktop.core.i18n import tx

TIME_FORMAT = "HH:mm"


def time_or(value, fallback: str) -> QTime:
    time = QTime.fromString(str(value), TIME_FORMAT)
    return time if time.isValid() else QTime.fromString(fallback, TIME_FORMAT)


def int_or(value, fallback: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else fallback


def interest_words(text: str) -> list[str]:
    words = [w.strip() for w in text.replace(";", ",").split(",")]
    return list(dict.fromkeys(w for w in words if w))


def spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setMinimumWidth(110)
    return box


def time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat(TIME_FORMAT)
    edit.setMinimumWidth(90)
    return edit


def group_form(group: QGroupBox) -> QFormLayout:
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(8)
    return form


def in_row(*widgets: QWidget, stretch: bool = True) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return row


def offer_restart(
    parent: QWidget, title: str, text: str, restart: Callable[[], None]
) -> QMessageBox:
    """What takes a restart (a language, a store) is offered one, never forced: a
    window-modal question, not a nested event loop."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(title)
    box.setText(text)
    box.setInformativeText(tx("SettingsPage", "Restart now? Nothing you saved is lost."))
    now = box.addButton(tx("SettingsPage", "&Restart now"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tx("SettingsPage", "&Later"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(now)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.buttonClicked.connect(lambda button: restart() if button is now else None)
    box.open()
    return box
