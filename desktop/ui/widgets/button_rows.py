"""A row of buttons that wraps instead of clipping when its panel is narrow."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QWidget


class ButtonRows(QWidget):
    """Buttons that flow onto as many rows as the width needs, so a narrow window never
    clips them (the panel's width is the splitter's to decide)."""

    def __init__(self, buttons: list[QPushButton]) -> None:
        super().__init__()
        self.buttons = buttons
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.places: list[tuple[int, int]] = []
        self._arrange(10_000)

    def _spacing(self) -> int:
        spacing = self.grid.horizontalSpacing()
        return spacing if spacing >= 0 else 6

    def _arrange(self, width: int) -> None:
        places, row, column, used = [], 0, 0, 0
        for button in self.buttons:
            need = button.sizeHint().width() + (self._spacing() if column else 0)
            if column and used + need > width:
                row, column, used = row + 1, 0, 0
                need = button.sizeHint().width()
            places.append((row, column))
            column, used = column + 1, used + need
        if places == self.places:
            return
        self.places = places
        for button in self.buttons:
            self.grid.removeWidget(button)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for button, (row, column) in zip(self.buttons, places, strict=True):
            self.grid.addWidget(button, row, column)
        self.grid.setColumnStretch(max(c for _, c in places) + 1, 1)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for one row; narrower is fine, the buttons wrap."""
        widths = [b.sizeHint().width() for b in self.buttons]
        one_row = sum(widths) + self._spacing() * (len(widths) - 1)
        return QSize(one_row, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        widest = max(b.sizeHint().width() for b in self.buttons)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._arrange(event.size().width())
        super().resizeEvent(event)


def split_rows(left: list[QPushButton], right: list[QPushButton]) -> QHBoxLayout:
    """Buttons on the left and the main ones on the right; each side wraps onto more rows
    rather than clip its labels (Spanish ones run a third longer than English)."""
    row = QHBoxLayout()
    row.addWidget(ButtonRows(left), 1, Qt.AlignmentFlag.AlignTop)
    row.addWidget(ButtonRows(right), 0, Qt.AlignmentFlag.AlignTop)
    return row
