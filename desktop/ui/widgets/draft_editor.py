"""The text being written to someone (a thank-you, a share post): the editor, what is left
of the network's length limit, one error line, and whether Send may be pressed.

The Thank page, the check-in and the Share composer all use it, so the three agree on when
Send is enabled and what Ctrl+Return does: inside the text it asks to send, and only when
the send button is enabled.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from desktop.ui.format import tr_format
from desktop.ui.pages.base import hint

if TYPE_CHECKING:
    from desktop.core.length import LengthCheck

SEND_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def error_color(widget: QWidget) -> str:
    """A red that reads well on the current palette, light or dark."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return "#ef9a9a" if dark else "#c62828"


def _is_send_key(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and event.key() in SEND_KEYS
        and bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
    )


class DraftEditor(QWidget):
    """``check`` says how the text fits (None: nothing to check against yet). With
    ``used=True`` the count reads "120 / 500" and an over-long text is explained on the
    error line; otherwise it reads "380 left" and the reason takes its place."""

    send_requested = Signal()
    recounted = Signal(object)  # the LengthCheck of the text as it is now

    def __init__(
        self,
        *,
        placeholder: str,
        send_text: str | None = None,
        send_beside: bool = True,
        used: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.check: Callable[[str], LengthCheck] | None = None
        self.used = used
        self.busy = False
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(placeholder)
        self.editor.installEventFilter(self)
        self.remaining = hint("")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setObjectName("error")
        self.error.setStyleSheet(f"#error {{ color: {error_color(self)}; }}")
        self.error.hide()
        self.send = QPushButton(send_text or self.tr("Send"))
        self.send.setEnabled(False)
        self.editor.textChanged.connect(self.recount)
        self._build(send_beside)

    def _build(self, send_beside: bool) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.editor, 1)
        if send_beside:
            row = QHBoxLayout()
            row.addWidget(self.remaining, 1)
            row.addWidget(self.send, 0, Qt.AlignmentFlag.AlignTop)
            layout.addLayout(row)
        layout.addWidget(self.error)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # Claim Ctrl+Return before any window shortcut does: in the text it means "send".
        if watched is self.editor and _is_send_key(event):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            if event.type() == QEvent.Type.KeyPress:
                if self.send.isEnabled():
                    self.send_requested.emit()
                return True
        return super().eventFilter(watched, event)

    # -- what the owner tells it ----------------------------------------------------------

    def text(self) -> str:
        return self.editor.toPlainText()

    def begin(self) -> None:
        """A draft is being written on a worker: nothing to edit or send yet."""
        self.check = None
        self.busy = False  # whatever was being sent before is not this draft
        self.editor.setReadOnly(False)
        self.editor.setPlainText("")
        self.editor.setEnabled(False)
        self.send.setEnabled(False)
        self.show_error("")
        self.remaining.setText(self.tr("Writing a draft…"))

    def preview(self, text: str) -> None:
        """A draft kept from the last time, shown while the real one is written: readable,
        not yet editable or sendable (set_draft makes it so)."""
        self.check = None
        self.busy = False
        self.editor.setEnabled(True)
        self.editor.setReadOnly(True)
        self.editor.setPlainText(text)
        self.send.setEnabled(False)
        self.show_error("")
        self.remaining.setText("")

    def set_draft(self, text: str, check: Callable[[str], LengthCheck], *, focus=True) -> None:
        self.check = check
        self.show_error("")
        self.editor.setEnabled(True)
        self.editor.setReadOnly(False)
        if text != self.editor.toPlainText():  # the preview's text stays put: no flicker
            self.editor.setPlainText(text)
        self.recount()
        if focus:
            self.editor.setFocus()

    def failed(self, exc: Exception) -> None:
        """No draft could be written: say why; the text can still be typed by hand."""
        self.check = None
        self.editor.setEnabled(True)
        self.editor.setReadOnly(False)
        self.send.setEnabled(False)
        self.remaining.setText("")
        self.show_error(tr_format(self.tr("No draft: %1"), exc))

    def set_busy(self, busy: bool, text: str = "") -> None:
        """While it is being sent: read-only, Send off; ``text`` ("Sending…") in the count."""
        self.busy = busy
        self.editor.setReadOnly(busy)
        if text:
            self.remaining.setText(text)
        if busy:
            self.send.setEnabled(False)
        else:
            self.recount()

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def clear(self) -> None:
        self.check = None
        self.busy = False
        self.editor.setReadOnly(False)
        self.editor.clear()
        self.remaining.setText("")
        self.show_error("")
        self.send.setEnabled(False)

    # -- what it works out ----------------------------------------------------------------

    def recount(self) -> LengthCheck | None:
        """The count, and Send enabled when the text fits and nothing is on its way."""
        if self.check is None:
            return None
        fit = self.check(self.text())
        if self.used:
            self._show_used(fit)
        elif fit.limit is None:
            self.remaining.setText("")
        elif fit.ok:
            assert fit.remaining is not None  # known with the limit
            self.remaining.setText(self.tr("%n left", "", fit.remaining))
        else:
            from desktop.ui.reasons import too_long  # desktop.core: after the first paint

            self.remaining.setText(too_long(fit))
        self.send.setEnabled(fit.ok and not self.busy)
        self.recounted.emit(fit)
        return fit

    def _show_used(self, fit: LengthCheck) -> None:
        if fit.limit is None:
            self.remaining.setText(self.tr("%n characters", "", fit.used))
        else:
            self.remaining.setText(f"{fit.used} / {fit.limit}")
        self.remaining.setToolTip(
            self.tr("%n left", "", fit.remaining) if fit.remaining is not None else ""
        )
        self.remaining.setStyleSheet(
            "" if fit.ok else f"color: {error_color(self)}; font-weight: 600;"
        )
        if fit.ok:
            self.show_error("")
            return
        from desktop.ui.reasons import too_long

        self.show_error(
            tr_format(self.tr("Too long to post: %1. Shorten it before you post."), too_long(fit))
        )
