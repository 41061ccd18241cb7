"""The Share page's right side: the selected link, and the post being composed for it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.core.text import excerpt
from desktop.ui import rich
from desktop.ui.format import tr_format
from desktop.ui.models.candidates import site_of
from desktop.ui.pages.base import heading, hint
from desktop.ui.reasons import reason_sentence
from desktop.ui.widgets.draft_editor import DraftEditor, error_color


class ComposeArea(QFrame):
    """The share post being written: for which network, the text, how long it is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compose")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.network = QComboBox()
        self.network.setToolTip(self.tr("The network whose length rule and handles apply"))
        self.draft = DraftEditor(
            placeholder=self.tr("The text of your share post"),
            send_text=self.tr("Post"),
            send_beside=False,
            used=True,
        )
        self.count, self.editor, self.reason = (
            self.draft.remaining,
            self.draft.editor,
            self.draft.error,
        )
        self.count.setObjectName("count")
        self.count.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.editor.setTabChangesFocus(True)
        self.editor.setMinimumHeight(96)
        self.editor.setMaximumHeight(150)  # a share post is a few lines; keep the buttons near
        # "Posting…", then why a post failed (the text stays in the editor).
        self.feedback = QLabel()
        self.feedback.setWordWrap(True)
        self.feedback.setObjectName("feedback")
        self.feedback.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.feedback.hide()
        self.post = self.draft.send
        self.post.setToolTip(self.tr("Post it from your account (Ctrl+Return)"))
        self.copy = QPushButton(self.tr("Copy text"))
        self.copy.setToolTip(
            self.tr("Copy the post to paste it on the network, then Mark shared (Ctrl+Shift+C)")
        )
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Put the draft away (Esc)"))

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Share on")))
        top.addWidget(self.network)
        top.addStretch(1)
        top.addWidget(self.count)
        buttons = QHBoxLayout()
        buttons.addWidget(self.post)
        buttons.addWidget(self.copy)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.draft)
        layout.addWidget(self.feedback)
        layout.addLayout(buttons)

    def show_feedback(self, text: str, *, error: bool = False) -> None:
        """A line under the text: "Posting…" or, in red, why the post failed; "" hides it."""
        self.feedback.setText(text)
        self.feedback.setStyleSheet(f"color: {error_color(self)};" if error else "")
        self.feedback.setVisible(bool(text))


class CandidatePanel(QWidget):
    """The selected link: what it is, why it is here, and what to do with it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("")
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = hint("")
        self.link = QLabel()
        self.link.setTextFormat(Qt.TextFormat.RichText)
        self.link.setOpenExternalLinks(True)
        self.link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        # A long URL has no place to wrap: let it be cut rather than widen the panel.
        self.link.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.why_title = QLabel(self.tr("Why this"))
        font = self.why_title.font()
        font.setBold(True)
        self.why_title.setFont(font)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.RichText)

        self.compose = QPushButton(self.tr("Compose share"))
        self.compose.setToolTip(self.tr("Write a post that credits the author (C)"))
        self.mark = QPushButton(self.tr("Mark shared"))
        self.mark.setToolTip(
            self.tr("You posted it: counts as support for the author in your ledger (M)")
        )
        self.open = QPushButton(self.tr("Open in browser"))
        self.open.setToolTip(self.tr("Read it first (O)"))
        self.copy_link = QPushButton(self.tr("Copy link"))
        self.copy_link.setToolTip(self.tr("Copy the link without tracking parameters (L)"))
        self.save = QPushButton(self.tr("Save for later"))
        self.save.setToolTip(self.tr("Keep it in Saved to share another day (S)"))
        self.skip = QPushButton(self.tr("Skip"))
        self.skip.setToolTip(self.tr("Not for my audience: hide it (K)"))
        self.compose.setDefault(True)
        grid = QGridLayout()
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(6)
        for i, button in enumerate(self.buttons()):
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            grid.addWidget(button, i // 2, i % 2)

        self.composer = ComposeArea()
        self.composer.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 4, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.meta)
        layout.addWidget(self.link)
        layout.addSpacing(4)
        layout.addWidget(self.summary)
        layout.addSpacing(4)
        layout.addWidget(self.why_title)
        layout.addWidget(self.why)
        layout.addSpacing(8)
        layout.addLayout(grid)
        layout.addSpacing(4)
        layout.addWidget(self.composer)
        layout.addStretch(1)
        self.show_candidate(None)

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.compose, self.mark, self.open, self.copy_link, self.save, self.skip)

    def show_candidate(self, candidate) -> None:
        for button in self.buttons():
            button.setEnabled(candidate is not None)
        self.composer.hide()
        self.why_title.setVisible(candidate is not None)
        if candidate is None:
            self.title.setText(self.tr("Nothing selected"))
            self.meta.setText("")
            self.link.setText("")
            self.summary.setText(self.tr("Pick a link on the left to see why it is here."))
            self.why.setText("")
            return
        site = site_of(candidate.url)
        self.title.setText(candidate.title or site or candidate.url)
        parts = []
        if candidate.author:
            parts.append(tr_format(self.tr("by %1"), candidate.author))
        if site:
            parts.append(site)
        if candidate.shared_by_count:
            parts.append(self.tr("shared by %n in your network", "", candidate.shared_by_count))
        self.meta.setText(" · ".join(parts))
        shown = excerpt(candidate.url.split("://", 1)[-1], 60)
        self.link.setText(rich.link(candidate.url, shown))
        self.link.setToolTip(candidate.url)
        self.summary.setText(excerpt(candidate.summary, 420))
        self.summary.setVisible(bool(candidate.summary))
        self.why.setText(rich.bullets(map(reason_sentence, candidate.reasons), indent=-20))
        state = candidate.state
        self.save.setEnabled(state in ("new", "skipped"))
        self.skip.setEnabled(state in ("new", "saved"))
        self.mark.setEnabled(state != "shared")
        if state == "skipped":
            self.save.setText(self.tr("Restore"))
            self.save.setToolTip(self.tr("Not skipped after all: back to Open (S)"))
        else:
            self.save.setText(self.tr("Save for later"))
            self.save.setToolTip(self.tr("Keep it in Saved to share another day (S)"))

    def set_composing(self, composing: bool) -> None:
        """While composing, the summary and reasons step aside for the draft."""
        self.composer.setVisible(composing)
        # The primary action is the one at hand: composing, then posting what was composed.
        self.compose.setDefault(not composing)
        self.composer.post.setDefault(composing)
        self.why_title.setVisible(not composing)
        self.why.setVisible(not composing)
        self.summary.setVisible(not composing and bool(self.summary.text()))
