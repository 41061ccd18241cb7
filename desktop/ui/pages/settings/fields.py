"""The small form pieces the Settings page is made of, and how it reads stored values."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QFormLayout, QGroupBox, QHBoxLayout, QSpinBox, QTimeEdit, QWidget

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
