"""Table and panel helpers for the list-and-details pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHeaderView, QScrollArea, QTableView, QVBoxLayout, QWidget

from desktop.ui.pages.base import list_table


def scrolling(*items: QWidget | int) -> QScrollArea:
    """What a panel says about its subject, scrolling when the window is too short for it,
    so the draft and the buttons below always stay in view. Numbers are spacings."""
    box = QWidget()
    box_layout = QVBoxLayout(box)
    box_layout.setContentsMargins(0, 0, 4, 0)
    for item in items:
        if isinstance(item, int):
            box_layout.addSpacing(item)
        else:
            box_layout.addWidget(item)
    box_layout.addStretch(1)
    return scroll_area(box)


def scroll_area(widget: QWidget) -> QScrollArea:
    """``widget`` scrolling up and down, never sideways, without a frame."""
    scroll = QScrollArea()
    scroll.setWidget(widget)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


def fitted_table(model) -> QTableView:
    """A list table whose columns the page fits to its width (no horizontal scrolling)."""
    table = list_table(model)
    table.horizontalHeader().setMinimumSectionSize(48)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def fixed_column(header: QHeaderView, column: int, *samples: str) -> None:
    """A column as wide as the longest of ``samples``: measured once, not per row."""
    metrics = header.fontMetrics()
    width = max(metrics.horizontalAdvance(text) for text in samples) + 24
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(column, width)


def people_table(model) -> QTableView:
    """The compact table over the lazy PeopleModel."""
    table = list_table(model, compact=True)
    # The order is the query's (most recently active first): sorting by a header would only
    # sort the rows loaded so far, so header sorting stays off.
    table.setSortingEnabled(False)
    table.horizontalHeader().setSectionsClickable(False)
    table.horizontalHeader().setHighlightSections(False)
    return table
