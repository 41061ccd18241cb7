"""The People view's panel: one person, what they did, and the ways to answer them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.groups import PostGroup
from desktop.core.text import excerpt
from desktop.ui import rich
from desktop.ui.format import describe_counts, local_date, local_day, network_name, tr_format
from desktop.ui.models.post_group import names_text
from desktop.ui.pages.base import heading, hint, link_label
from desktop.ui.widgets.button_rows import ButtonRows
from desktop.ui.widgets.draft_editor import DraftEditor
from desktop.ui.widgets.tables import scrolling


class PersonPanel(QWidget):
    """The selected person: who, what they did, on which posts, and the ways to answer."""

    group_requested = Signal(str)  # a post's URL: thank everyone who shared it together
    cooldown_days = 14  # the "recently thanked" setting; the page sets it from its data

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = heading("")
        self.handles = hint("")
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.posts = link_label()
        self.together = hint("")
        self.together.setTextFormat(Qt.TextFormat.RichText)
        self.together.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.together.linkActivated.connect(self.group_requested)
        self.together.hide()
        self.write = QPushButton(self.tr("&Write thank-you"))
        self.write.setToolTip(self.tr("Prepare a personal thank-you for them (W)"))
        self.draft_area = DraftEditor(placeholder=self.tr("Your thank-you…"))
        self.editor, self.remaining, self.send = (
            self.draft_area.editor,
            self.draft_area.remaining,
            self.draft_area.send,
        )
        self.editor.setMaximumHeight(140)
        self.posts_here(True)
        self.draft_area.hide()
        self.thank = QPushButton(self.tr("Mark &thanked"))
        self.thank.setToolTip(self.tr("You thanked them already, here or elsewhere (T)"))
        self.dismiss = QPushButton(self.tr("&Let it be"))
        self.dismiss.setToolTip(self.tr("No thank-you needed this time (D)"))
        self.snooze = QPushButton(self.tr("&Snooze a week"))
        self.snooze.setToolTip(self.tr("Remind me in seven days (S)"))
        self.buttons = ButtonRows([self.write, self.thank, self.dismiss, self.snooze])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(
            scrolling(self.name, self.handles, 6, self.what, self.posts, self.together), 1
        )
        layout.addWidget(self.draft_area)
        layout.addWidget(self.buttons)
        self.shown_id: int | None = None
        self.show_entry(None)

    def show_entry(self, entry, *, keep_draft: bool = False) -> None:
        """Show a person; ``keep_draft`` leaves the thank-you being written as it is (the
        same person after a reload: a sync, another page's change)."""
        enabled = entry is not None
        for button in (self.write, self.thank, self.dismiss, self.snooze):
            button.setEnabled(enabled)
        if not keep_draft:
            self.draft_area.hide()
            self.draft_area.clear()
        self.shown_id = entry.person_id if entry is not None else None
        self.show_groups(None, [])
        if entry is None:
            self.name.setText(self.tr("Nobody selected"))
            self.handles.setText("")
            self.what.setText(self.tr("Pick someone on the left to see what they did."))
            self.posts.setText("")
            return
        self.name.setText(entry.name)
        self.handles.setText(
            " · ".join(f"{i.handle} ({network_name(i.network)})" for i in entry.identities)
        )
        thanked = (
            tr_format(self.tr("Last thanked %1."), local_date(entry.last_thanked))
            if entry.last_thanked
            else self.tr("Never thanked yet.")
        )
        if entry.last_thanked and datetime.now(UTC) - entry.last_thanked < timedelta(
            days=self.cooldown_days
        ):
            thanked = tr_format(
                self.tr("Recently thanked (%1): you can let it be this time (D)."),
                local_day(entry.last_thanked),
            )
        self.what.setText(f"{describe_counts(entry.counts)}. {thanked}")
        items = [rich.link(p.url, excerpt(p.text or p.url, 140)) for p in entry.posts[:5]]
        more = entry.post_count - len(items)
        tail = rich.paragraph(self.tr("and %n more posts", "", more)) if more > 0 else ""
        self.posts.setText(rich.bullets(items) + tail if items else "")

    def show_groups(self, person_id: int | None, groups: list[PostGroup]) -> None:
        """Say so when others shared the same post, with a link to thank them together."""
        mine = [g for g in groups if person_id in g.person_ids]
        if not mine:
            self.together.hide()
            self.together.setText("")
            return
        group = mine[0]
        others = [
            n for pid, n in zip(group.person_ids, group.names, strict=True) if pid != person_id
        ]
        title = excerpt(group.post_text or group.post_url, 60)
        said = tr_format(self.tr("%1 also shared “%2”."), names_text(others), title)
        self.together.setText(
            rich.escape(said) + " " + rich.app_link(group.post_url, self.tr("Thank them together"))
        )
        self.together.show()

    def posts_here(self, posts: bool) -> None:
        """Send posts the reply; where Reciprocity cannot post (LinkedIn, Instagram…), it
        copies the text and opens their post or profile for the user to paste it."""
        if posts:
            self.send.setText(self.tr("Send"))
            self.send.setToolTip(
                self.tr("Post it as a reply, then mark them thanked (Ctrl+Return)")
            )
        else:
            self.send.setText(self.tr("Copy and open"))
            self.send.setToolTip(
                self.tr(
                    "Copy the thank-you and open their post or profile to paste it there; "
                    "they are marked thanked (Ctrl+Return)"
                )
            )
