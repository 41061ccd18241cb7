"""The dialogs that add an account or feeds: Mastodon, Bluesky, feeds and OPML.

Every step that touches the network, the keyring or the store runs on a worker through the
Services facade (desktop/signin.py does the work). While it runs the dialog shows a busy
bar; an error is shown inline and the dialog stays open with everything that was typed.
Enter submits, Esc cancels; every field has a label with a mnemonic.

Seams for tests (and nothing else): `open_url` opens a web page (QDesktopServices by
default) and `choose_file` asks for an OPML file (QFileDialog by default).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDir, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QProgressBar,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.app.services import Services
from desktop.core.i18n import tx
from desktop.ui import rich
from desktop.ui.format import sentence, tr_format
from desktop.ui.tasks import TaskRunner


def user_message(exc: BaseException) -> str:
    """What to tell the user about a failed step (never a traceback)."""
    from desktop.app.errors import user_message as known_message

    message = known_message(exc)
    if message is None and isinstance(exc, ValueError):  # an address the user typed
        message = str(exc)
    if message is not None:
        return sentence(message)
    return sentence(
        tr_format(
            tx("SignInDialog", "Something went wrong (%1); the log has the details"),
            type(exc).__name__,
        )
    )


class InlineMessage(QFrame):
    """An error or a note shown inside a dialog, next to what it is about."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("inlineMessage")
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(8)
        layout.addWidget(self.icon)
        layout.addWidget(self.text, 1)
        self.kind = ""
        self.hide()

    def show_error(self, text: str) -> None:
        self._show(text, QStyle.StandardPixmap.SP_MessageBoxWarning, "error")

    def show_info(self, text: str) -> None:
        self._show(text, QStyle.StandardPixmap.SP_MessageBoxInformation, "info")

    def _show(self, text: str, pixmap: QStyle.StandardPixmap, kind: str) -> None:
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(size, size))
        self.text.setText(text)
        self.kind = kind
        self.show()

    def clear(self) -> None:
        self.text.clear()
        self.kind = ""
        self.hide()


class SignInDialog(QDialog):
    """What the dialogs share: the worker, the busy bar, the inline message, the buttons."""

    finished_with = Signal(str)  # the store changed; the text says how (for the status bar)

    def __init__(
        self,
        services: Services,
        tasks: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.open_url: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.busy = False
        self._focus: QWidget | None = None
        self.setModal(True)
        self.message = InlineMessage()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(8)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("hint")
        busy_row = QHBoxLayout()
        busy_row.setSpacing(8)
        busy_row.addWidget(self.progress_label)
        busy_row.addWidget(self.progress, 1)
        self.busy_row = QWidget()
        self.busy_row.setLayout(busy_row)
        busy_row.setContentsMargins(0, 0, 0, 0)
        self.busy_row.setVisible(False)
        self.buttons = QDialogButtonBox()
        self.primary = QPushButton()
        self.primary.setDefault(True)
        self.primary.setAutoDefault(True)
        self.buttons.addButton(self.primary, QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.cancel.setAutoDefault(False)  # Enter always means the primary button
        self.primary.clicked.connect(lambda: self.submit())
        self.cancel.clicked.connect(lambda: self.reject())
        self.footer = QHBoxLayout()  # other buttons go on the left of the button box
        self.footer.addStretch(1)
        self.footer.addWidget(self.buttons)
        self.inputs: list[QWidget] = []  # disabled while a step runs

    def layout_with(self, *parts) -> QVBoxLayout:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 14)
        layout.setSpacing(10)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        for part in parts:
            if isinstance(part, QWidget):
                layout.addWidget(part)
            else:
                layout.addLayout(part)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.busy_row)
        layout.addLayout(self.footer)
        return layout

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self.fit()
        return handled

    def fit(self) -> None:
        """Grow when a step shows more (the code field, an error, wrapped text): a window's
        layout does not do it by itself for text that wraps, so what shows is never clipped."""
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    # -- running a step ---------------------------------------------------------------------

    def submit(self) -> None:  # pragma: no cover - every dialog overrides it
        raise NotImplementedError

    def run_step(self, what: str, work: Callable, on_done: Callable) -> None:
        """Run `work` on a worker with the dialog busy; errors are shown inline."""
        self.message.clear()
        self.set_busy(True, what)

        def done(result) -> None:
            self.set_busy(False)
            on_done(result)

        def failed(exc: Exception) -> None:
            self.set_busy(False)
            if self.isVisible():
                self.show_error(user_message(exc))

        self.tasks.run(work, done, failed)

    def set_busy(self, busy: bool, what: str = "") -> None:
        if busy:
            self._focus = self.focusWidget()  # disabling it would send focus elsewhere
        self.busy = busy
        self.progress_label.setText(what)
        self.busy_row.setVisible(busy)
        for widget in [*self.inputs, self.primary]:
            widget.setEnabled(not busy)
        if not busy:
            self.update_buttons()
            self.primary.setDefault(True)
            focus = self._focus
            if focus is not None and focus.isVisible() and focus.isEnabled():
                focus.setFocus()

    def show_error(self, text: str) -> None:
        self.message.show_error(text)

    def update_buttons(self) -> None:
        """Enable the primary button when what it needs is typed (dialogs override)."""

    def succeed(self, text: str) -> None:
        """The step changed the store: say so, and close if the user is still here."""
        self.finished_with.emit(text)
        if self.isVisible():
            self.accept()


def form_layout() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(8)
    return form


def action_link(text: str, handler: Callable[[], None]) -> QLabel:
    """A link-styled label that runs ``handler`` (it opens nothing itself)."""
    label = QLabel(rich.app_link("#", text))
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
    label.linkActivated.connect(lambda _href: handler())
    return label


def choose_opml(parent: QWidget) -> str:
    """An OPML file picked in the usual file dialog; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        tx("SignInDialog", "Import feeds from OPML"),
        QDir.homePath(),
        tx("SignInDialog", "OPML files (*.opml *.xml);;All files (*)"),
    )
    return path


def opml_summary(result, name: str) -> str:
    return tr_format(
        tx("SignInDialog", "Imported %1 feeds from %2 (%3 new)."), result.total, name, result.added
    )
