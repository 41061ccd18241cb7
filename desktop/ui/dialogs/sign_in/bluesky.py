"""Bluesky: a handle and an app password (never the account password)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
)

from desktop.ui.dialogs.sign_in.base import (
    SignInDialog,
    action_link,
    form_layout,
)
from desktop.ui.format import tr_format
from desktop.ui.pages.base import hint

BLUESKY_DEFAULT_SERVICE = "https://bsky.social"
APP_PASSWORDS_HELP = "https://bsky.app/settings/app-passwords"


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
        self.help = action_link(self.tr("How to make an app password"), self._open_help)
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

        form = form_layout()
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
            tr_format(self.tr("Signing in as %1…"), handle.lstrip("@")),
            lambda: self.services.bluesky_sign_in(handle, password, service),
            self._signed_in,
        )

    def _signed_in(self, view) -> None:
        self.password.clear()
        self.succeed(tr_format(self.tr("Signed in to Bluesky as %1."), view.handle))

    def show_error(self, text: str) -> None:
        super().show_error(text)
        self.password.setFocus()
        self.password.selectAll()
