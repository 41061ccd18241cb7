"""What every page shares: the services, the task runner, and a way to report errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app.services import Services
from desktop.ui.format import tr_format
from desktop.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance


class Page(QWidget):
    """A section of the main window."""

    title = ""
    changed = Signal()  # this page altered the store: others may need a refresh
    message = Signal(str)  # a short status for the status bar
    unreachable = Signal()  # a shared store's server did not answer (the window reconnects)

    def __init__(self, services: Services, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.services = services
        self.tasks = tasks

    def refresh(self) -> None:  # pragma: no cover - every page overrides it
        raise NotImplementedError

    def run(self, work, on_done, on_error=None) -> None:
        """Run `work` on a worker; errors go to the status bar unless handled."""
        self.tasks.run(work, on_done, on_error or self.report_error)

    def report_error(self, exc: Exception) -> None:
        from desktop.app.errors import store_unreachable

        if store_unreachable(exc):
            self.unreachable.emit()
            self.message.emit(
                self.tr(
                    "The store is unreachable: nothing was changed, and what you wrote is kept."
                    " Reciprocity reconnects by itself."
                )
            )
            return
        self.message.emit(tr_format(self.tr("Something went wrong: %1"), exc))


class PageFlow:
    """A part of a page's behaviour in a module of its own, mixed into the page: what it may
    use of any Page, declared for the type checker (the Page provides it at run time)."""

    services: Services
    message: SignalInstance  # the page's Signals, as its instance has them
    changed: SignalInstance

    if TYPE_CHECKING:

        def tr(self, text: str, /, disambiguation: str | None = ..., n: int = ...) -> str: ...
        def run(
            self,
            work: Callable[[], Any],
            on_done: Callable[[Any], None],
            on_error: Callable[[Exception], None] | None = None,
        ) -> None: ...


class TitleRow(QWidget):
    """A page's heading with its tabs at the right; the tabs go under the heading when
    both do not fit side by side (a narrow window, or longer words than English)."""

    def __init__(self, title: QLabel, tabs: QWidget) -> None:
        super().__init__()
        self.title, self.tabs = title, tabs
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(title, 1)
        self.row.addWidget(tabs, 0, Qt.AlignmentFlag.AlignBottom)

    def side_by_side(self, width: int) -> bool:
        spacing = max(self.row.spacing(), 0)
        return self.title.sizeHint().width() + spacing + self.tabs.sizeHint().width() <= width

    def resizeEvent(self, event) -> None:  # noqa: N802
        wide = self.side_by_side(event.size().width())
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self.row.direction() != direction:
            self.row.setDirection(direction)
            self.row.setAlignment(
                self.tabs, Qt.AlignmentFlag.AlignBottom if wide else Qt.AlignmentFlag.AlignLeft
            )
        super().resizeEvent(event)


def titled_layout(
    page: QWidget, title: QLabel, tabs: QWidget, subtitle: QLabel, body: QWidget
) -> QVBoxLayout:
    """A list page's frame: its heading with the tabs at the right (or below, when narrow),
    a line saying what the page is, and the body (list and details) taking the rest."""
    layout = QVBoxLayout(page)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(8)
    layout.addWidget(TitleRow(title, tabs))
    layout.addWidget(subtitle)
    layout.addWidget(body, 1)
    return layout


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.35)
    font.setBold(True)
    label.setFont(font)
    return label


def hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def list_table(model, *, compact: bool = False) -> QTableView:
    """The look every list shares: whole rows selected, one line each, no grid, no row
    numbers. `compact`: rows of a fixed, tight height, never measured one by one (the long
    lists of the People section)."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    vertical = table.verticalHeader()
    vertical.hide()
    if compact:
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
    return table


def link_label(*, wrap: bool = True) -> QLabel:
    """Rich text whose links open in the browser (remote text is escaped by the caller)."""
    label = QLabel()
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setOpenExternalLinks(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
    return label
