"""Feeds: addresses to follow, a blog's comments, or an OPML file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
)

from desktop.ui.dialogs.sign_in.base import (
    SignInDialog,
    choose_opml,
    opml_summary,
)
from desktop.ui.format import sentence, tr_format
from desktop.ui.pages.base import hint


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
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.activated.connect(lambda: self.submit())
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
            lines.append(tr_format(self.tr("Already following %1."), ", ".join(result.existing)))
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
            tr_format(self.tr("Importing %1…"), name),
            lambda: self.services.import_opml(path),
            lambda result: self.succeed(opml_summary(result, name)),
        )
