"""The By post view's panel: a post several people shared, and one thank-you for all."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.groups import PostGroup
from desktop.core.text import excerpt
from desktop.ui import rich
from desktop.ui.format import describe_counts, network_name, time_ago, tr_format
from desktop.ui.pages.base import heading, hint, link_label
from desktop.ui.widgets.tables import scrolling

PEOPLE_SHOWN = 8  # people listed in the group panel; the rest are counted


class PostGroupPanel(QWidget):
    """A post several people shared: the post, who shared it, and one thank-you for all."""

    person_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("")
        self.title.setWordWrap(True)
        self.post = link_label()
        self.meta = hint("")
        self.people = QLabel()
        self.people.setWordWrap(True)
        self.people.setTextFormat(Qt.TextFormat.RichText)
        self.people.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.people.linkActivated.connect(self._person_link)
        self.people.setToolTip(self.tr("Click a name to see that person on their own"))

        self.write = QPushButton(self.tr("&Write group thank-you"))
        self.write.setToolTip(
            self.tr("Prepare one thank-you under your post that mentions them all (W)")
        )
        self.parts = QTabWidget()  # one tab per part; hidden tabs when there is only one
        self.parts.setDocumentMode(True)
        self.parts.setTabBarAutoHide(True)
        self.parts.setUsesScrollButtons(True)
        self.editors: list[QPlainTextEdit] = []
        self.part_hints: list[QLabel] = []
        self.status = hint("")
        self.send = QPushButton(self.tr("Send"))
        self.send.setToolTip(
            self.tr("Post it as a reply under your post, then mark them all thanked (Ctrl+Return)")
        )
        self.draft_area = QWidget()
        draft_layout = QVBoxLayout(self.draft_area)
        draft_layout.setContentsMargins(0, 0, 0, 0)
        draft_layout.addWidget(self.parts)
        send_row = QHBoxLayout()
        send_row.addWidget(self.status, 1)
        send_row.addWidget(self.send, 0, Qt.AlignmentFlag.AlignTop)
        draft_layout.addLayout(send_row)
        self.draft_area.hide()

        buttons = QHBoxLayout()
        buttons.addWidget(self.write)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(scrolling(self.title, self.meta, 6, self.post, 6, self.people), 1)
        layout.addWidget(self.draft_area)
        layout.addLayout(buttons)
        self.show_group(None)

    def _person_link(self, link: str) -> None:
        if link.startswith("person:"):
            self.person_requested.emit(int(link.removeprefix("person:")))

    def show_group(self, group: PostGroup | None, people: dict | None = None) -> None:
        """The post and who shared it; the draft area is left as it is (see clear_draft)."""
        self.write.setEnabled(group is not None)
        if group is None:
            self.title.setText(self.tr("No post selected"))
            self.meta.setText("")
            self.post.setText(
                self.tr(
                    "When several people who are waiting for a thank-you shared the same post "
                    "of yours, it is listed on the left: thank them all in one reply."
                )
            )
            self.people.setText("")
            self.clear_draft()
            return
        people = people or {}
        self.title.setText(self.tr("%n people shared this post", "", len(group.person_ids)))
        self.post.setText(
            rich.link(group.post_url, excerpt(group.post_text or group.post_url, 220))
        )
        meta = []
        if group.network:
            meta.append(tr_format(self.tr("On %1"), network_name(group.network)))
        if group.last_at is not None:
            meta.append(tr_format(self.tr("latest %1"), time_ago(group.last_at)))
        self.meta.setText(" · ".join(meta))
        lines: list[str] = []  # Rich links, and a plain "and n more" that lines() escapes
        for pid, name in list(zip(group.person_ids, group.names, strict=True))[:PEOPLE_SHOWN]:
            entry = people.get(pid)
            counts = describe_counts(entry.counts if entry else group.counts.get(pid, {}))
            what = rich.escape(f" — {counts}") if counts else ""
            lines.append(rich.app_link(f"person:{pid}", name) + what)
        more = len(group.person_ids) - len(lines)
        if more > 0:
            lines.append(self.tr("and %n more", "", more))
        self.people.setText(rich.lines(lines))

    def clear_draft(self) -> None:
        self.set_parts([])
        self.draft_area.hide()
        self.status.setText("")

    def set_parts(self, parts: list[tuple[str, str]]) -> None:
        """One editor per part, (text, who it mentions), each on its own tab; with a single
        part the tabs hide and it looks like the one-person editor."""
        while self.parts.count():
            page = self.parts.widget(0)
            assert page is not None  # count() says there is one
            self.parts.removeTab(0)
            page.deleteLater()
        self.editors, self.part_hints = [], []
        several = len(parts) > 1
        for number, (text, who) in enumerate(parts, start=1):
            page = QWidget()
            page_layout = QVBoxLayout(page)
            page_layout.setContentsMargins(0, 4 if several else 0, 0, 0)
            page_layout.setSpacing(4)
            if several:
                page_layout.addWidget(hint(tr_format(self.tr("Mentions %1"), who)))
            editor = QPlainTextEdit(text)
            editor.setPlaceholderText(self.tr("Your thank-you…"))
            editor.setMaximumHeight(140)
            part_hint = hint("")
            page_layout.addWidget(editor)
            page_layout.addWidget(part_hint)
            label = tr_format(self.tr("Part %1 of %2"), number, len(parts))
            self.parts.addTab(page, label)
            self.parts.setTabToolTip(number - 1, who)
            self.editors.append(editor)
            self.part_hints.append(part_hint)
        self.send.setText(
            self.tr("Send") if not several else self.tr("Send %n posts", "", len(parts))
        )

    def texts(self) -> list[str]:
        return [editor.toPlainText() for editor in self.editors]
