"""YouTube: the user's channel and an API key they make in the Google Cloud console; the
comments on the channel's videos then come in as replies. The key goes to the keyring."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QLabel, QLineEdit

from desktop.ui.dialogs.sign_in.base import SignInDialog, action_link, form_layout
from desktop.ui.format import tr_format
from desktop.ui.pages.base import hint

API_KEY_HELP = "https://developers.google.com/youtube/v3/getting-started"


class YouTubeDialog(SignInDialog):
    """A channel (id, @handle or address) and an API key, checked once against YouTube."""

    def __init__(self, services, tasks, parent=None) -> None:
        super().__init__(services, tasks, parent)
        self.setWindowTitle(self.tr("Add YouTube"))
        intro = hint(
            self.tr(
                "The comments on your channel's videos count as replies. Make an API key in "
                "the Google Cloud console (enable the YouTube Data API v3, then Credentials "
                "→ Create credentials → API key); it is kept in your keyring."
            )
        )
        self.channel = QLineEdit()
        self.channel.setPlaceholderText(self.tr("@yourchannel or UC…"))
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText("AIza…")
        self.help = action_link(self.tr("How to make an API key"), self._open_help)
        self.help.setToolTip(API_KEY_HELP)
        form = form_layout()
        for text, field in ((self.tr("&Channel:"), self.channel), (self.tr("API &key:"), self.key)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        form.addRow("", self.help)
        self.primary.setText(self.tr("&Add"))
        self.layout_with(intro, form)
        self.inputs = [self.channel, self.key]
        self.channel.textChanged.connect(self.update_buttons)
        self.key.textChanged.connect(self.update_buttons)
        self.update_buttons()
        self.resize(520, self.heightForWidth(520))

    def _open_help(self) -> None:
        self.open_url(QUrl(API_KEY_HELP))

    def update_buttons(self) -> None:
        if not self.busy:
            self.primary.setEnabled(bool(self.channel.text().strip() and self.key.text().strip()))

    def submit(self) -> None:
        if self.busy or not self.primary.isEnabled():
            return
        channel, key = self.channel.text().strip(), self.key.text().strip()
        try:
            self.services.check_youtube_channel(channel)
        except ValueError as exc:  # what to type, said at once
            self.show_error(str(exc))
            return
        self.run_step(
            tr_format(self.tr("Checking %1 with YouTube…"), channel),
            lambda: self.services.youtube_with_key(channel, key),
            self._added,
        )

    def _added(self, view) -> None:
        self.key.clear()
        self.succeed(tr_format(self.tr("Added YouTube: %1."), view.handle))
