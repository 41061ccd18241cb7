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
from pathlib import Path

from PySide6.QtCore import QDir, QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.services import Services
from desktop.ui.pages.base import hint
from desktop.ui.tasks import TaskRunner

BLUESKY_DEFAULT_SERVICE = "https://bsky.social"
APP_PASSWORDS_HELP = "https://bsky.app/settings/app-passwords"


def sentence(text: str) -> str:
    """A message fit for a label: starts with a capital, ends with a full stop."""
    text = " ".join(str(text).split())
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…")) else text + "."


def user_message(exc: BaseException) -> str:
    """What to tell the user about a failed step (never a traceback)."""
    from desktop.app.errors import user_message as known_message

    message = known_message(exc)
    if message is None and isinstance(exc, ValueError):  # an address the user typed
        message = str(exc)
    if message is not None:
        return sentence(message)
    return sentence(
        QApplication.translate(
            "SignInDialog", "Something went wrong (%1); the log has the details"
        ).replace("%1", type(exc).__name__)
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


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setHorizontalSpacing(10)
    form.setVerticalSpacing(8)
    return form


def _link(text: str, handler: Callable[[], None]) -> QLabel:
    label = QLabel(f'<a href="#">{text}</a>')
    label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
    label.linkActivated.connect(lambda _href: handler())
    return label


# --- Mastodon ------------------------------------------------------------------------------


class MastodonDialog(SignInDialog):
    """Server, then either the browser (approve, paste the code) or a pasted access token."""

    BROWSER, TOKEN = 0, 1

    def __init__(self, services, tasks, parent=None, *, instance: str = "") -> None:
        super().__init__(services, tasks, parent)
        self._normalise = services.check_instance
        self.pending = None  # a signin.MastodonSignIn once the browser step began
        self.setWindowTitle(self.tr("Sign in to Mastodon"))
        intro = hint(
            self.tr(
                "Reciprocity reads who boosted, quoted, mentioned, replied to or favourited "
                "you. It posts only when you click Send on a draft. The sign-in is kept in "
                "your keyring."
            )
        )
        self.server = QLineEdit(instance)
        self.server.setPlaceholderText(self.tr("example.social or @you@example.social"))
        self.server_note = InlineMessage()
        self.server_ok = hint("")
        self.server_ok.hide()
        form = _form()
        server_label = QLabel(self.tr("&Server:"))
        server_label.setBuddy(self.server)
        server_cell = QVBoxLayout()
        server_cell.setContentsMargins(0, 0, 0, 0)
        server_cell.setSpacing(4)
        server_cell.addWidget(self.server)
        server_cell.addWidget(self.server_ok)
        server_cell.addWidget(self.server_note)
        form.addRow(server_label, server_cell)

        self.browser_choice = QRadioButton(self.tr("Sign in with the &browser"))
        self.token_choice = QRadioButton(self.tr("I have an &access token"))
        self.browser_choice.setChecked(True)
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.browser_choice, self.BROWSER)
        self.mode.addButton(self.token_choice, self.TOKEN)
        choices = QHBoxLayout()
        choices.setSpacing(18)
        choices.addWidget(self.browser_choice)
        choices.addWidget(self.token_choice)
        choices.addStretch(1)

        # The browser path.
        self.browser_hint = hint(
            self.tr(
                "Your server's sign-in page opens in the browser. Approve Reciprocity there, "
                "then paste the code it shows you here."
            )
        )
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("The code your server showed you"))
        self.code_label = QLabel(self.tr("Co&de:"))
        self.code_label.setBuddy(self.code)
        self.again = _link(self.tr("Open the page again"), self._open_page)
        self.copy = _link(self.tr("Copy the link"), self._copy_link)
        links = QHBoxLayout()
        links.setContentsMargins(0, 0, 0, 0)
        links.setSpacing(16)
        links.addWidget(self.again)
        links.addWidget(self.copy)
        links.addStretch(1)
        self.links = QWidget()
        self.links.setLayout(links)
        browser_form = _form()
        browser_form.setContentsMargins(0, 0, 0, 0)
        browser_form.addRow(self.code_label, self.code)
        browser_form.addRow("", self.links)
        self.browser_form = browser_form
        browser = QWidget()
        browser_layout = QVBoxLayout(browser)
        browser_layout.setContentsMargins(0, 0, 0, 0)
        browser_layout.addWidget(self.browser_hint)
        browser_layout.addLayout(browser_form)
        browser_layout.addStretch(1)

        # The token path.
        self.token = QLineEdit()
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setPlaceholderText(self.tr("Your access token"))
        token_label = QLabel(self.tr("&Token:"))
        token_label.setBuddy(self.token)
        token_hint = hint(
            self.tr(
                "Make one on your server: Preferences → Development → New application, with "
                "the scopes read, write:statuses and write:favourites. Then copy “Your access "
                "token” here."
            )
        )
        token_form = _form()
        token_form.setContentsMargins(0, 0, 0, 0)
        token_form.addRow(token_label, self.token)
        token_page = QWidget()
        token_layout = QVBoxLayout(token_page)
        token_layout.setContentsMargins(0, 0, 0, 0)
        token_layout.addWidget(token_hint)
        token_layout.addLayout(token_form)
        token_layout.addStretch(1)

        self.paths = QStackedWidget()
        self.paths.addWidget(browser)
        self.paths.addWidget(token_page)

        self.layout_with(intro, form, choices, self.paths)
        # Three forms, one column: the fields line up under each other.
        labels = (server_label, self.code_label, token_label)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        self.inputs = [self.server, self.browser_choice, self.token_choice, self.code, self.token]

        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(400)
        self.check_timer.timeout.connect(self.check_server)
        self.server.textChanged.connect(self._server_edited)
        self.code.textChanged.connect(self.update_buttons)
        self.token.textChanged.connect(self.update_buttons)
        self.mode.idToggled.connect(self._mode_changed)
        self._show_step()
        if instance:
            self.check_server()
        self.resize(540, self.heightForWidth(540))

    # -- state ------------------------------------------------------------------------------

    def _mode_changed(self, _id: int, checked: bool) -> None:
        if checked:
            self.paths.setCurrentIndex(self.mode.checkedId())
            self.message.clear()
            self._show_step()

    def _server_edited(self) -> None:
        if self.pending is not None:  # another server: the started sign-in no longer fits
            self.pending = None
            self._show_step()
        self.server_note.clear()
        self.check_timer.start()
        self.update_buttons()

    def _show_step(self) -> None:
        begun = self.pending is not None
        self.browser_form.setRowVisible(0, begun)
        self.browser_form.setRowVisible(1, begun)
        if begun:
            host = self.pending.instance.split("://", 1)[-1]
            self.browser_hint.setText(
                self.tr(
                    "Approve Reciprocity on %1 in your browser, then paste the code it shows "
                    "you here."
                ).replace("%1", host)
            )
        else:
            self.browser_hint.setText(
                self.tr(
                    "Your server's sign-in page opens in the browser. Approve Reciprocity "
                    "there, then paste the code it shows you here."
                )
            )
        if self.mode.checkedId() == self.TOKEN:
            self.primary.setText(self.tr("Sign &in"))
        elif begun:
            self.primary.setText(self.tr("&Finish"))
        else:
            self.primary.setText(self.tr("&Open sign-in page"))
        self.update_buttons()

    def update_buttons(self) -> None:
        if self.busy:
            return
        ready = bool(self.server.text().strip())
        if self.mode.checkedId() == self.TOKEN:
            ready = ready and bool(self.token.text().strip())
        elif self.pending is not None:
            ready = ready and bool(self.code.text().strip())
        self.primary.setEnabled(ready)

    def check_server(self) -> str | None:
        """The server's address if what was typed is one; else say why, next to the field."""
        self.check_timer.stop()
        text = self.server.text().strip()
        if not text:
            self.server_note.clear()
            self.server_ok.hide()
            return None
        try:
            base = self._normalise(text)
        except ValueError as exc:
            self.server_ok.hide()
            self.server_note.show_error(sentence(str(exc)))
            return None
        self.server_note.clear()
        self.server_ok.setText(self.tr("Signs in at %1").replace("%1", base))
        self.server_ok.show()
        return base

    # -- steps ------------------------------------------------------------------------------

    def submit(self) -> None:
        if self.busy or not self.primary.isEnabled():
            return
        instance = self.check_server()
        if instance is None:
            self.server.setFocus()
            return
        host = instance.split("://", 1)[-1]
        if self.mode.checkedId() == self.TOKEN:
            token = self.token.text().strip()
            self.run_step(
                self.tr("Checking the token with %1…").replace("%1", host),
                lambda: self.services.mastodon_with_token(instance, token),
                self._signed_in,
            )
        elif self.pending is None:
            self.run_step(
                self.tr("Asking %1 for its sign-in page…").replace("%1", host),
                lambda: self.services.mastodon_begin(instance),
                self._begun,
            )
        else:
            pending, code = self.pending, self.code.text().strip()
            self.run_step(
                self.tr("Finishing the sign-in with %1…").replace("%1", host),
                lambda: self.services.mastodon_finish(pending, code),
                self._signed_in,
            )

    def _begun(self, pending) -> None:
        if not self.isVisible():
            return
        self.pending = pending
        self._show_step()
        self._open_page()
        self.code.setFocus()

    def _open_page(self) -> None:
        if self.pending is not None:
            self.open_url(QUrl(self.pending.authorize_url))

    def _copy_link(self) -> None:
        if self.pending is not None:
            QGuiApplication.clipboard().setText(self.pending.authorize_url)
            self.message.show_info(self.tr("The link is on the clipboard."))

    def _signed_in(self, view) -> None:
        self.succeed(self.tr("Signed in to Mastodon as %1.").replace("%1", view.handle))

    def show_error(self, text: str) -> None:
        super().show_error(text)
        if self.mode.checkedId() == self.BROWSER and self.pending is not None:
            self.code.setFocus()
            self.code.selectAll()


# --- Bluesky -------------------------------------------------------------------------------


class BlueskyDialog(SignInDialog):
    """Handle and app password (never the account password); the service URL is advanced."""

    def __init__(self, services, tasks, parent=None, *, handle: str = "", service: str = ""):
        super().__init__(services, tasks, parent)
        self.setWindowTitle(self.tr("Sign in to Bluesky"))
        intro = hint(
            self.tr(
                "Use an app password, not your account password. Reciprocity keeps only the "
                "session Bluesky gives it, in your keyring; you can revoke the app password "
                "in Bluesky at any time."
            )
        )
        self.handle = QLineEdit(handle)
        self.handle.setPlaceholderText(self.tr("you.bsky.social"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("xxxx-xxxx-xxxx-xxxx")
        self.help = _link(self.tr("How to make an app password"), self._open_help)
        self.help.setToolTip(APP_PASSWORDS_HELP)
        self.service = QLineEdit(
            service if service and service.rstrip("/") != BLUESKY_DEFAULT_SERVICE else ""
        )
        self.service.setPlaceholderText(BLUESKY_DEFAULT_SERVICE)
        self.advanced = QToolButton()
        self.advanced.setText(self.tr("Ad&vanced"))
        self.advanced.setCheckable(True)
        self.advanced.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.advanced.setArrowType(Qt.ArrowType.RightArrow)
        self.advanced.setAutoRaise(True)
        self.advanced.toggled.connect(self._show_advanced)

        form = _form()
        for text, field in (
            (self.tr("&Handle:"), self.handle),
            (self.tr("App &password:"), self.password),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.help)
        service_label = QLabel(self.tr("&Service:"))
        service_label.setBuddy(self.service)
        service_cell = QVBoxLayout()
        service_cell.setContentsMargins(0, 0, 0, 0)
        service_cell.setSpacing(4)
        service_cell.addWidget(self.service)
        service_cell.addWidget(hint(self.tr("Only if your account lives on another server (PDS).")))
        form.addRow(self.advanced)
        form.addRow(service_label, service_cell)
        self.form = form
        self._advanced_rows = (form.rowCount() - 1,)

        self.primary.setText(self.tr("Sign &in"))
        self.layout_with(intro, form)
        self.inputs = [self.handle, self.password, self.service, self.advanced]
        self.handle.textChanged.connect(self.update_buttons)
        self.password.textChanged.connect(self.update_buttons)
        self.advanced.setChecked(bool(self.service.text()))
        self._show_advanced(self.advanced.isChecked())
        self.update_buttons()
        self.resize(500, self.heightForWidth(500))
        if handle:
            self.password.setFocus()

    def _show_advanced(self, shown: bool) -> None:
        self.advanced.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        for row in self._advanced_rows:
            self.form.setRowVisible(row, shown)

    def _open_help(self) -> None:
        self.open_url(QUrl(APP_PASSWORDS_HELP))

    def update_buttons(self) -> None:
        if not self.busy:
            self.primary.setEnabled(
                bool(self.handle.text().strip()) and bool(self.password.text().strip())
            )

    def submit(self) -> None:
        if self.busy or not self.primary.isEnabled():
            return
        handle = self.handle.text().strip()
        password = self.password.text()
        service = self.service.text().strip() or None
        self.run_step(
            self.tr("Signing in as %1…").replace("%1", handle.lstrip("@")),
            lambda: self.services.bluesky_sign_in(handle, password, service),
            self._signed_in,
        )

    def _signed_in(self, view) -> None:
        self.password.clear()
        self.succeed(self.tr("Signed in to Bluesky as %1.").replace("%1", view.handle))

    def show_error(self, text: str) -> None:
        super().show_error(text)
        self.password.setFocus()
        self.password.selectAll()


# --- feeds ---------------------------------------------------------------------------------


class FeedsDialog(SignInDialog):
    """One or more feed addresses, one per line, or an OPML file from a feed reader."""

    def __init__(self, services, tasks, parent=None) -> None:
        super().__init__(services, tasks, parent)
        self.choose_file: Callable[[], str] = lambda: choose_opml(self)
        self.setWindowTitle(self.tr("Add feeds"))
        intro = hint(
            self.tr(
                "Blogs, newspapers and YouTube channels publish feeds (RSS, Atom or JSON "
                "Feed). Their new articles become things you might share."
            )
        )
        self.addresses = QPlainTextEdit()
        self.addresses.setPlaceholderText(
            "https://example.com/feed\nhttps://www.youtube.com/feeds/videos.xml?channel_id=…"
        )
        self.addresses.setTabChangesFocus(True)
        self.addresses.setMinimumHeight(110)
        label = QLabel(self.tr("Feed &addresses, one per line:"))
        label.setBuddy(self.addresses)
        self.comments = QCheckBox(
            self.tr("These are the &comments feeds of my own blog: each comment is a reply to me")
        )
        self.import_button = QPushButton(self.tr("Import &OPML…"))
        self.import_button.setToolTip(self.tr("Every feed of a list exported by a feed reader"))
        self.import_button.setAutoDefault(False)
        self.footer.insertWidget(0, self.import_button)
        self.import_button.clicked.connect(lambda: self.import_opml())
        self.primary.setText(self.tr("Add &feeds"))
        self.primary.setToolTip(self.tr("Ctrl+Enter"))
        self.layout_with(intro, label, self.addresses, self.comments)
        self.inputs = [self.addresses, self.comments, self.import_button]
        self.addresses.textChanged.connect(self.update_buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=lambda: self.submit())
        self.update_buttons()
        self.resize(560, self.heightForWidth(560))

    def update_buttons(self) -> None:
        if not self.busy:
            self.primary.setEnabled(bool(self.addresses.toPlainText().strip()))

    def submit(self) -> None:
        from desktop.app.sign_in import split_addresses

        if self.busy or not self.primary.isEnabled():
            return
        urls = split_addresses(self.addresses.toPlainText())
        if self.comments.isChecked():
            work = lambda: self.services.add_blog_comments(urls)  # noqa: E731
        else:
            work = lambda: self.services.add_feeds(urls)  # noqa: E731
        self.run_step(self.tr("Adding the feeds…"), work, self._added)

    def _added(self, result) -> None:
        added = len(result.added)
        summary = self.tr("Added 1 feed.") if added == 1 else self.tr("Added %n feeds.", "", added)
        if added:
            self.finished_with.emit(summary)
        if not result.invalid and not result.existing:
            if self.isVisible():
                self.accept()
            return
        # Something to report: keep the dialog, with only what still needs fixing typed in.
        lines = [summary] if added else []
        if result.existing:
            lines.append(self.tr("Already following %1.").replace("%1", ", ".join(result.existing)))
        if result.invalid:
            lines.append(self.tr("Not added:"))
            lines += [f"• {sentence(why)}" for _url, why in result.invalid]
        self.addresses.setPlainText("\n".join(url for url, _ in result.invalid))
        self.cancel.setText(self.tr("&Close"))
        text = "\n".join(lines)
        if result.invalid:
            self.message.show_error(text)
            self.addresses.setFocus()
        else:
            self.message.show_info(text)

    # -- OPML -------------------------------------------------------------------------------

    def import_opml(self) -> None:
        if self.busy:
            return
        path = self.choose_file()
        if not path:
            return
        name = Path(path).name
        self.run_step(
            self.tr("Importing %1…").replace("%1", name),
            lambda: self.services.import_opml(path),
            lambda result: self.succeed(opml_summary(self, result, name)),
        )


def choose_opml(parent: QWidget) -> str:
    """An OPML file picked in the usual file dialog; "" when cancelled."""
    path, _ = QFileDialog.getOpenFileName(
        parent,
        parent.tr("Import feeds from OPML"),
        QDir.homePath(),
        parent.tr("OPML files (*.opml *.xml);;All files (*)"),
    )
    return path


def opml_summary(widget: QWidget, result, name: str) -> str:
    return (
        widget.tr("Imported %1 feeds from %2 (%3 new).")
        .replace("%1", str(result.total))
        .replace("%2", name)
        .replace("%3", str(result.added))
    )
