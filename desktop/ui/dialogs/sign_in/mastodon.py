"""Mastodon: the server, then the browser (approve, paste the code) or an access token."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialogs.sign_in.base import (
    InlineMessage,
    SignInDialog,
    action_link,
    form_layout,
)
from desktop.ui.format import sentence, tr_format
from desktop.ui.pages.base import hint

if TYPE_CHECKING:
    from desktop.app.sign_in import MastodonSignIn


class MastodonDialog(SignInDialog):
    """Server, then either the browser (approve, paste the code) or a pasted access token."""

    BROWSER, TOKEN = 0, 1

    def __init__(self, services, tasks, parent=None, *, instance: str = "") -> None:
        super().__init__(services, tasks, parent)
        self._normalise = services.check_instance
        self.pending: MastodonSignIn | None = None  # once the browser step began
        self.setWindowTitle(self.tr("Sign in to Mastodon"))
        intro, server, choices = (
            self._build_intro(),
            self._build_server(instance),
            self._build_choices(),
        )
        self.paths = QStackedWidget()
        self.paths.addWidget(self._build_browser_path())
        self.paths.addWidget(self._build_token_path())
        self.layout_with(intro, server, choices, self.paths)
        # Three forms, one column: the fields line up under each other.
        labels = (self.server_label, self.code_label, self.token_label)
        width = max(label.sizeHint().width() for label in labels)
        for label in labels:
            label.setMinimumWidth(width)
        self.inputs = [self.server, self.browser_choice, self.token_choice, self.code, self.token]
        self._connect()
        self._show_step()
        if instance:
            self.check_server()
        self.resize(540, self.heightForWidth(540))

    # -- building ---------------------------------------------------------------------------

    def _build_intro(self) -> QLabel:
        return hint(
            self.tr(
                "Reciprocity reads who boosted, quoted, mentioned, replied to or favourited "
                "you. It posts only when you click Send on a draft. The sign-in is kept in "
                "your keyring."
            )
        )

    def _build_server(self, instance: str) -> QFormLayout:
        self.server = QLineEdit(instance)
        self.server.setPlaceholderText(self.tr("example.social or @you@example.social"))
        self.server_note = InlineMessage()
        self.server_ok = hint("")
        self.server_ok.hide()
        form = form_layout()
        server_label = QLabel(self.tr("&Server:"))
        server_label.setBuddy(self.server)
        server_cell = QVBoxLayout()
        server_cell.setContentsMargins(0, 0, 0, 0)
        server_cell.setSpacing(4)
        server_cell.addWidget(self.server)
        server_cell.addWidget(self.server_ok)
        server_cell.addWidget(self.server_note)
        form.addRow(server_label, server_cell)
        self.server_label = server_label
        return form

    def _build_choices(self) -> QHBoxLayout:

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
        return choices

    def _build_browser_path(self) -> QWidget:
        """Approve in the browser, paste the code the server shows."""
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
        self.again = action_link(self.tr("Open the page again"), self._open_page)
        self.copy = action_link(self.tr("Copy the link"), self._copy_link)
        links = QHBoxLayout()
        links.setContentsMargins(0, 0, 0, 0)
        links.setSpacing(16)
        links.addWidget(self.again)
        links.addWidget(self.copy)
        links.addStretch(1)
        self.links = QWidget()
        self.links.setLayout(links)
        browser_form = form_layout()
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
        return browser

    def _build_token_path(self) -> QWidget:
        """An access token made on the server by hand."""
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
        token_form = form_layout()
        token_form.setContentsMargins(0, 0, 0, 0)
        token_form.addRow(token_label, self.token)
        token_page = QWidget()
        token_layout = QVBoxLayout(token_page)
        token_layout.setContentsMargins(0, 0, 0, 0)
        token_layout.addWidget(token_hint)
        token_layout.addLayout(token_form)
        token_layout.addStretch(1)
        self.token_label = token_label
        return token_page

    def _connect(self) -> None:
        self.check_timer = QTimer(self)
        self.check_timer.setSingleShot(True)
        self.check_timer.setInterval(400)
        self.check_timer.timeout.connect(self.check_server)
        self.server.textChanged.connect(self._server_edited)
        self.code.textChanged.connect(self.update_buttons)
        self.token.textChanged.connect(self.update_buttons)
        self.mode.idToggled.connect(self._mode_changed)

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
        if self.pending is not None:  # begun
            host = self.pending.instance.split("://", 1)[-1]
            self.browser_hint.setText(
                tr_format(
                    self.tr(
                        "Approve Reciprocity on %1 in your browser, then paste the code it shows "
                        "you here."
                    ),
                    host,
                )
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
        self.server_ok.setText(tr_format(self.tr("Signs in at %1"), base))
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
                tr_format(self.tr("Checking the token with %1…"), host),
                lambda: self.services.mastodon_with_token(instance, token),
                self._signed_in,
            )
        elif self.pending is None:
            self.run_step(
                tr_format(self.tr("Asking %1 for its sign-in page…"), host),
                lambda: self.services.mastodon_begin(instance),
                self._begun,
            )
        else:
            pending, code = self.pending, self.code.text().strip()
            self.run_step(
                tr_format(self.tr("Finishing the sign-in with %1…"), host),
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
        self.succeed(tr_format(self.tr("Signed in to Mastodon as %1."), view.handle))

    def show_error(self, text: str) -> None:
        super().show_error(text)
        if self.mode.checkedId() == self.BROWSER and self.pending is not None:
            self.code.setFocus()
            self.code.selectAll()
