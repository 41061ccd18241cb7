"""The People page's archive search: a box, and the interactions it finds, newest first.

Typing searches every interaction stored (the store does it, on a worker, a moment after
the last key); the list takes the people list's place until the box is cleared (Esc).
Each result says who, when, and what happened, with the words of the post around what was
found; choosing one shows that person's ledger beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPalette, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.format import tr_format
from desktop.ui.models.search import SearchResultsModel
from desktop.ui.pages.base import hint

SEARCH_DELAY_MS = 300
PADDING = 6
BOX_MAX = 380


def two_lines(font: QFont, text: str, width: int) -> tuple[str, str]:
    """``text`` broken into at most two lines of ``width`` in ``font``, the second elided."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    end = 0
    if line.isValid():
        line.setLineWidth(width)
        end = line.textStart() + line.textLength()
    layout.endLayout()
    first, rest = text[:end].rstrip(), text[end:].lstrip()
    return first, QFontMetrics(font).elidedText(rest, Qt.TextElideMode.ElideRight, width)


class ResultDelegate(QStyledItemDelegate):
    """Three lines a result: the name (bold) with when at the right, then what happened
    with the words of the post, on two lines (the list may be narrow)."""

    LINES = 3

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802
        return QSize(option.rect.width(), self.LINES * option.fontMetrics.height() + 2 * PADDING)

    def paint(self, painter, option: QStyleOptionViewItem, index) -> None:
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""  # the background, selection and focus only: the text is drawn below
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        rect = option.rect.adjusted(PADDING + 2, PADDING, -PADDING - 2, -PADDING)
        metrics = option.fontMetrics
        line = metrics.height()
        when = index.data(SearchResultsModel.WhenRole) or ""
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        sentence = index.data(SearchResultsModel.SentenceRole) or ""
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.save()
        painter.setPen(option.palette.color(role))
        bold = QFont(option.font)
        bold.setBold(True)
        bold_metrics = QFontMetrics(bold)
        when_width = metrics.horizontalAdvance(when) + 12
        if bold_metrics.horizontalAdvance(name) + when_width <= rect.width():
            painter.drawText(
                QRect(rect.left(), rect.top(), rect.width(), line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                when,
            )
        else:  # a long name keeps the first line; when goes before what happened
            sentence = f"{when} · {sentence}"
        painter.setFont(bold)
        elided = bold_metrics.elidedText(name, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), line), left, elided)
        painter.setFont(option.font)
        for n, text in enumerate(two_lines(option.font, sentence, rect.width()), start=1):
            top = rect.top() + n * line
            painter.drawText(QRect(rect.left(), top, rect.width(), line), left, text)
        painter.restore()


class ArchiveSearch(QWidget):
    """The results panel; ``box`` is its search field, which the page places in its top row."""

    active_changed = Signal(bool)  # a search is on (the panel should show) or off
    person_chosen = Signal(int, str)  # the person of the result chosen: id, name

    def __init__(self, services, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(services, tasks, parent=self)
        self._build()
        self._wire()

    def _build(self) -> None:
        self.box = QLineEdit()
        self.box.setClearButtonEnabled(True)
        self.box.setPlaceholderText(self.tr("Search everything  (Ctrl+Shift+F)"))
        # Its placeholder whole (the shortcut is at its end), in every language.
        wanted = self.box.fontMetrics().horizontalAdvance(self.box.placeholderText()) + 48
        self.box.setMinimumWidth(min(wanted, BOX_MAX))
        self.box.setMaximumWidth(BOX_MAX)
        self.box.setToolTip(
            self.tr(
                "Finds what you and they did by the words of the post, or by their name or "
                "handle, accents and case aside; newest first. Esc goes back to everyone."
            )
        )
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(ResultDelegate(self.results))
        self.results.setUniformItemSizes(True)
        self.results.setAlternatingRowColors(True)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setAccessibleName(self.tr("Interactions found"))
        self.status = hint("")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)

    def _wire(self) -> None:
        self.timer.timeout.connect(self.search_now)
        self.box.textChanged.connect(self._typed)
        self.box.returnPressed.connect(self._enter)
        self.box.installEventFilter(self)
        self.results.installEventFilter(self)
        self.results.activated.connect(self._chosen)
        self.results.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self._chosen(current)
        )
        self.model.loaded.connect(self._loaded)
        self.model.loading_changed.connect(lambda _loading: self._update_status())

    # -- searching ------------------------------------------------------------------------

    @property
    def active(self) -> bool:
        return bool(self.box.text().strip())

    def search_now(self) -> None:
        self.timer.stop()
        text = self.box.text().strip()
        if text != self.model.text:
            self.model.set_search(text)
        self._update_status()

    def clear(self) -> None:
        self.box.clear()  # _typed turns the search off

    def _typed(self, text: str) -> None:
        if not text.strip():
            self.timer.stop()
            self.model.set_search("")
            self.active_changed.emit(False)
            return
        self.active_changed.emit(True)
        self.timer.start()
        self._update_status()

    def _enter(self) -> None:
        if not self.active:
            return
        self.search_now()
        self.results.setFocus()
        if self.model.rowCount() and not self.results.currentIndex().isValid():
            self.results.setCurrentIndex(self.model.index(0))

    def _loaded(self) -> None:
        self._update_status()
        if (
            self.results.hasFocus()
            and self.model.rowCount()
            and not self.results.currentIndex().isValid()
        ):
            self.results.setCurrentIndex(self.model.index(0))

    def _chosen(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row()) if index.isValid() else None
        if hit is not None and hit.person_id:
            self.person_chosen.emit(hit.person_id, hit.name)

    def _update_status(self) -> None:
        model, text = self.model, self.model.text
        shown = self.locale().toString(model.rowCount())
        if not self.active:
            message = ""
        elif model.error is not None:
            from desktop.app.errors import user_message

            message = tr_format(
                self.tr("Could not search: %1"), user_message(model.error) or model.error
            )
        elif model.loading and model.rowCount() == 0 or self.timer.isActive():
            message = self.tr("Searching…")
        elif model.rowCount() == 0:
            message = tr_format(self.tr("Nothing stored matches “%1”."), text)
        elif model.complete:
            message = tr_format(self.tr("%1 found, newest first."), shown)
        else:
            message = tr_format(self.tr("The newest %1 found; more as you scroll."), shown)
        self.status.setText(message)

    # -- keys ---------------------------------------------------------------------------

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape and (watched is self.box or watched is self.results):
                self.clear()
                return True
            if watched is self.box and key == Qt.Key.Key_Down and self.model.rowCount():
                self.search_now()
                self.results.setFocus()
                if not self.results.currentIndex().isValid():
                    self.results.setCurrentIndex(self.model.index(0))
                return True
            up_from_the_top = key == Qt.Key.Key_Up and self.results.currentIndex().row() <= 0
            if watched is self.results and up_from_the_top:
                self.box.setFocus()
                return True
        return super().eventFilter(watched, event)
