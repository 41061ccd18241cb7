"""Thank: who is waiting for a thank-you, what they did, and the answer to give them.

Two views of the same pending list, switched with the tabs above it: **People** (one row
per person, Alt+P) and **By post** (Alt+B: posts of mine that several pending people
shared or quoted, thanked together in one reply under the post that mentions them all —
or several replies when the mentions do not fit in one).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QEvent, QModelIndex, QSize, QSortFilterProxyModel, Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.groups import PostGroup, mentioned_in, shared_post_groups
from desktop.ui import rich
from desktop.ui.format import describe_counts, network_name, time_ago, tr_format
from desktop.ui.models.pending import PendingModel
from desktop.ui.models.post_group import PostGroupModel, names_text
from desktop.ui.pages.base import Page, heading, hint, link_label, list_table
from desktop.ui.widgets.draft_editor import DraftEditor

PEOPLE, BY_POST = 0, 1  # the views, in the order of the tabs
PEOPLE_SHOWN = 8  # people listed in the group panel; the rest are counted


class PersonPanel(QWidget):
    """The selected person: who, what they did, on which posts, and the ways to answer."""

    group_requested = Signal(str)  # a post's URL: thank everyone who shared it together
    cooldown_days = 14  # the "recently thanked" setting; the page keeps it current

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
        self.send.setToolTip(self.tr("Post it as a reply, then mark them thanked (Ctrl+Return)"))
        self.draft_area.hide()
        self.thank = QPushButton(self.tr("Mark &thanked"))
        self.thank.setToolTip(self.tr("You thanked them already, here or elsewhere (T)"))
        self.dismiss = QPushButton(self.tr("&Let it be"))
        self.dismiss.setToolTip(self.tr("No thank-you needed this time (D)"))
        self.snooze = QPushButton(self.tr("&Snooze a week"))
        self.snooze.setToolTip(self.tr("Remind me in seven days (S)"))
        self.buttons = _ButtonRows([self.write, self.thank, self.dismiss, self.snooze])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(
            _scrolling(self.name, self.handles, 6, self.what, self.posts, self.together), 1
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
        self.handles.setText(" · ".join(f"{i.handle} ({i.network})" for i in entry.identities))
        thanked = (
            self.tr("Last thanked %1.").replace(
                "%1", entry.last_thanked.astimezone().strftime("%d %b %Y")
            )
            if entry.last_thanked
            else self.tr("Never thanked yet.")
        )
        if entry.last_thanked and datetime.now(UTC) - entry.last_thanked < timedelta(
            days=self.cooldown_days
        ):
            thanked = self.tr("Recently thanked (%1): you can let it be this time (D).").replace(
                "%1", entry.last_thanked.astimezone().strftime("%d %b")
            )
        self.what.setText(f"{describe_counts(entry.counts)}. {thanked}")
        items = [rich.link(p.url, _short(p.text or p.url, 140)) for p in entry.posts[:5]]
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
        title = _short(group.post_text or group.post_url, 60)
        said = self.tr("%1 also shared “%2”.").replace("%1", names_text(others))
        self.together.setText(
            rich.escape(said.replace("%2", title))
            + " "
            + rich.app_link(group.post_url, self.tr("Thank them together"))
        )
        self.together.show()


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
        layout.addWidget(_scrolling(self.title, self.meta, 6, self.post, 6, self.people), 1)
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
        self.post.setText(rich.link(group.post_url, _short(group.post_text or group.post_url, 220)))
        meta = []
        if group.network:
            meta.append(tr_format(self.tr("On %1"), network_name(group.network)))
        if group.last_at is not None:
            meta.append(tr_format(self.tr("latest %1"), time_ago(group.last_at)))
        self.meta.setText(" · ".join(meta))
        lines = []
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
                page_layout.addWidget(hint(self.tr("Mentions %1").replace("%1", who)))
            editor = QPlainTextEdit(text)
            editor.setPlaceholderText(self.tr("Your thank-you…"))
            editor.setMaximumHeight(140)
            part_hint = hint("")
            page_layout.addWidget(editor)
            page_layout.addWidget(part_hint)
            label = (
                self.tr("Part %1 of %2").replace("%1", str(number)).replace("%2", str(len(parts)))
            )
            self.parts.addTab(page, label)
            self.parts.setTabToolTip(number - 1, who)
            self.editors.append(editor)
            self.part_hints.append(part_hint)
        self.send.setText(
            self.tr("Send") if not several else self.tr("Send %n posts", "", len(parts))
        )

    def texts(self) -> list[str]:
        return [editor.toPlainText() for editor in self.editors]


def _scrolling(*items: QWidget | int) -> QScrollArea:
    """What a panel says about its subject, scrolling when the window is too short for it,
    so the draft and the buttons below always stay in view. Numbers are spacings."""
    box = QWidget()
    box_layout = QVBoxLayout(box)
    box_layout.setContentsMargins(0, 0, 4, 0)
    for item in items:
        if isinstance(item, int):
            box_layout.addSpacing(item)
        else:
            box_layout.addWidget(item)
    box_layout.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidget(box)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return scroll


class _ButtonRows(QWidget):
    """Buttons that flow onto as many rows as the width needs, so a narrow window never
    clips them (the panel's width is the splitter's to decide)."""

    def __init__(self, buttons: list[QPushButton]) -> None:
        super().__init__()
        self.buttons = buttons
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.places: list[tuple[int, int]] = []
        self._arrange(10_000)

    def _spacing(self) -> int:
        spacing = self.grid.horizontalSpacing()
        return spacing if spacing >= 0 else 6

    def _arrange(self, width: int) -> None:
        places, row, column, used = [], 0, 0, 0
        for button in self.buttons:
            need = button.sizeHint().width() + (self._spacing() if column else 0)
            if column and used + need > width:
                row, column, used = row + 1, 0, 0
                need = button.sizeHint().width()
            places.append((row, column))
            column, used = column + 1, used + need
        if places == self.places:
            return
        self.places = places
        for button in self.buttons:
            self.grid.removeWidget(button)
        for column in range(self.grid.columnCount()):
            self.grid.setColumnStretch(column, 0)
        for button, (row, column) in zip(self.buttons, places, strict=True):
            self.grid.addWidget(button, row, column)
        self.grid.setColumnStretch(max(c for _, c in places) + 1, 1)
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Wide enough for one row; narrower is fine, the buttons wrap."""
        widths = [b.sizeHint().width() for b in self.buttons]
        one_row = sum(widths) + self._spacing() * (len(widths) - 1)
        return QSize(one_row, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        widest = max(b.sizeHint().width() for b in self.buttons)
        return QSize(widest, super().minimumSizeHint().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._arrange(event.size().width())
        super().resizeEvent(event)


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _short(text: str, limit: int) -> str:
    from desktop.core.text import excerpt

    return excerpt(text, limit)


def _table(model) -> QTableView:
    table = list_table(model)
    table.horizontalHeader().setMinimumSectionSize(48)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return table


def _fixed(header: QHeaderView, column: int, *samples: str) -> None:
    metrics = header.fontMetrics()
    width = max(metrics.horizontalAdvance(text) for text in samples) + 24
    header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
    header.resizeSection(column, width)


class ThankPage(Page):
    title = "Thank"

    def __init__(self, services, tasks, parent=None):
        super().__init__(services, tasks, parent)
        self.heading = heading(self.tr("Loading who to thank…"))
        self.subtitles = (
            self.tr(
                "People who shared, quoted, mentioned or replied to you, most important first."
            ),
            self.tr(
                "Posts of yours that several people shared: thank them all in one reply under "
                "the post."
            ),
        )
        self.subtitle = hint(self.subtitles[PEOPLE])
        self.entries: dict[int, object] = {}  # person_id -> PendingPerson, as last loaded
        self.groups: list[PostGroup] = []

        self.views = QTabBar()
        self.views.setDrawBase(False)
        self.views.setExpanding(False)
        self.views.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.views.addTab(self.tr("&People"))
        self.views.setTabToolTip(PEOPLE, self.tr("One row per person (Alt+P)"))
        self.views.addTab(self.tr("&By post"))
        self.views.setTabToolTip(
            BY_POST, self.tr("Posts several people shared: thank them together (Alt+B)")
        )
        self.views.currentChanged.connect(self._view_changed)

        self.model = PendingModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.group_model = PostGroupModel(self)
        self.group_proxy = QSortFilterProxyModel(self)
        self.group_proxy.setSourceModel(self.group_model)
        self.group_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.group_proxy.setFilterKeyColumn(-1)
        self.group_proxy.setFilterRole(Qt.ItemDataRole.ToolTipRole)  # all names, the whole post
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name or what they did  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.textChanged.connect(self.group_proxy.setFilterFixedString)

        self.table = _table(self.proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the longest possible text, not ResizeToContents: measuring
        # hundreds of rows after every reload stalled the GUI thread (benchmark figure).
        _fixed(header, 2, self.tr("59 min ago"), self.tr("Last"))
        _fixed(header, 3, self.tr("Liked or followed"), self.tr("Why now"))
        header.resizeSection(0, 160)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._open_first_post)
        self.table.installEventFilter(self)

        self.group_table = _table(self.group_proxy)
        header = self.group_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        _fixed(header, 1, "9999", self.tr("People"))
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        _fixed(header, 3, "Mastodon", self.tr("On"))
        header.resizeSection(2, 180)
        self.group_table.selectionModel().currentRowChanged.connect(self._group_selected)
        self.group_table.doubleClicked.connect(self._open_group_post)
        self.group_table.installEventFilter(self)

        self.panel = PersonPanel()
        self.panel.thank.clicked.connect(lambda: self._acknowledge("thanked", how="offline"))
        self.panel.write.clicked.connect(self.write_draft)
        self.panel.send.clicked.connect(self.send_draft)
        self.panel.draft_area.send_requested.connect(self.send_draft)
        self.panel.group_requested.connect(self.show_group)
        self.draft = None
        self.panel.dismiss.clicked.connect(lambda: self._acknowledge("dismissed"))
        self.panel.snooze.clicked.connect(
            lambda: self._acknowledge("snoozed", until=date.today() + timedelta(days=7))
        )

        self.group_panel = PostGroupPanel()
        self.group_panel.write.clicked.connect(self.write_group_draft)
        self.group_panel.send.clicked.connect(self.send_group_draft)
        self.group_panel.person_requested.connect(self.show_person)
        self.group_drafts = None  # the drafts in the group panel's editors
        self.group_draft_url: str | None = None  # the post they thank for
        self.group_draft_people: list[int] = []  # everyone they are meant to thank

        self.tables = QStackedWidget()
        self.tables.addWidget(self.table)
        self.tables.addWidget(self.group_table)
        self.panels = QStackedWidget()
        self.panels.addWidget(self.panel)
        self.panels.addWidget(self.group_panel)
        self.panels.setMinimumWidth(260)
        self.panels.setMaximumWidth(460)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.tables, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panels)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading, 1)
        title_row.addWidget(self.views, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(title_row)
        layout.addWidget(self.subtitle)
        layout.addWidget(splitter, 1)

        for key, handler in (
            ("Ctrl+F", self.search.setFocus),
            ("T", self._person_only(self.panel.thank.click)),
            ("W", lambda: self._current_panel().write.click()),
            ("Ctrl+Return", self._send_current),
            ("Ctrl+Enter", self._send_current),
            ("D", self._person_only(self.panel.dismiss.click)),
            ("S", self._person_only(self.panel.snooze.click)),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handler)
            self.addAction(action)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            if watched is self.table:
                self._fit_people_columns(event.size().width())
            elif watched is self.group_table:
                self._fit_group_columns(event.size().width())
        return super().eventFilter(watched, event)

    def _fit_people_columns(self, width: int) -> None:
        """A narrow table drops "Why now" first, then "Last" (the panel says both); the name
        gets about a third, what they did the rest."""
        self.table.setColumnHidden(3, width < 560)
        self.table.setColumnHidden(2, width < 380)
        self.table.horizontalHeader().resizeSection(0, max(110, min(170, width * 32 // 100)))

    def _fit_group_columns(self, width: int) -> None:
        """The post gets the most room, the names about a third; a narrow table drops the
        network (the panel says it)."""
        self.group_table.setColumnHidden(3, width < 560)
        self.group_table.horizontalHeader().resizeSection(2, max(110, min(260, width * 34 // 100)))

    # -- views ------------------------------------------------------------------------------

    @property
    def view(self) -> int:
        return self.views.currentIndex()

    def set_view(self, view: int) -> None:
        self.views.setCurrentIndex(view)

    def _view_changed(self, view: int) -> None:
        self.tables.setCurrentIndex(view)
        self.panels.setCurrentIndex(view)
        self.subtitle.setText(self.subtitles[view])
        self.search.setPlaceholderText(
            self.tr("Filter by name or what they did  (Ctrl+F)")
            if view == PEOPLE
            else self.tr("Filter by post or name  (Ctrl+F)")
        )
        table = self.tables.currentWidget()
        if not table.currentIndex().isValid() and table.model().rowCount():
            table.selectRow(0)
        table.setFocus()

    def _current_panel(self):
        return self.group_panel if self.view == BY_POST else self.panel

    def _person_only(self, handler):
        return lambda: handler() if self.view == PEOPLE else None

    def _send_current(self) -> None:
        if self.view == BY_POST:
            self.send_group_draft()
        else:
            self.panel.send.click()

    def show_person(self, person_id: int) -> None:
        """From a name in a group to that person on their own."""
        self.set_view(PEOPLE)
        self._select(person_id)

    def show_group(self, post_url: str) -> None:
        """From a person to everyone who shared the same post."""
        self.set_view(BY_POST)
        self._select_group(post_url)

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.run(self._load, self._show)

    def _load(self):
        """On a worker: who is waiting, and the posts several of them shared."""
        entries = self.services.pending()
        self.panel.cooldown_days = int(self.services.settings().get("thank_cooldown_days", 14))
        return entries, shared_post_groups(entries)

    def _show(self, loaded) -> None:
        entries, groups = loaded
        current = self.current_person_id()
        current_group = self.current_group()
        self.entries = {e.person_id: e for e in entries}
        self.groups = list(groups)
        self.model.set_entries(entries)
        self.group_model.set_groups(groups)
        self.views.setTabText(
            BY_POST,
            self.tr("&By post (%1)").replace("%1", str(len(groups)))
            if groups
            else self.tr("&By post"),
        )
        count = len(entries)
        if count:
            self.heading.setText(
                self.tr("%n people to thank", "", count)
                if count != 1
                else self.tr("1 person to thank")
            )
        else:
            self.heading.setText(self.tr("Nobody is waiting for a thank-you"))
        self._select(current)
        self._select_group(current_group.post_url if current_group else None)

    def current_person_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, PendingModel.PersonIdRole)

    def current_group(self) -> PostGroup | None:
        index = self.group_table.currentIndex()
        if not index.isValid():
            return None
        return self.group_model.group(self.group_proxy.mapToSource(index).row())

    def _select(self, person_id: int | None) -> None:
        row = 0
        if person_id is not None:
            for r in range(self.proxy.rowCount()):
                if self.proxy.data(self.proxy.index(r, 0), PendingModel.PersonIdRole) == person_id:
                    row = r
                    break
        if self.proxy.rowCount():
            self.table.selectRow(row)
        else:
            self.panel.show_entry(None)

    def _select_group(self, post_url: str | None, row: int = 0) -> None:
        if post_url is not None:
            for r in range(self.group_proxy.rowCount()):
                index = self.group_proxy.index(r, 0)
                if self.group_proxy.data(index, PostGroupModel.PostUrlRole) == post_url:
                    row = r
                    break
        if self.group_proxy.rowCount():
            self.group_table.selectRow(min(row, self.group_proxy.rowCount() - 1))
        else:
            self._group_selected(QModelIndex(), None)

    def _selected(self, current, _previous) -> None:
        if not current.isValid():
            self.panel.show_entry(None)
            return
        source = self.proxy.mapToSource(current)
        entry = self.model.entry(source.row())
        writing = not self.panel.draft_area.isHidden()
        self.panel.show_entry(entry, keep_draft=writing and self.panel.shown_id == entry.person_id)
        self.panel.show_groups(entry.person_id, self.groups)

    def _group_selected(self, current, _previous) -> None:
        group = None
        if current.isValid():
            group = self.group_model.group(self.group_proxy.mapToSource(current).row())
        if group is not None and group.post_url == self.group_draft_url:
            # The same post after a reload (a sync, a part sent): keep what is being written.
            self.group_panel.show_group(group, self.entries)
            return
        self.group_drafts, self.group_draft_url, self.group_draft_people = None, None, []
        self.group_panel.clear_draft()
        self.group_panel.show_group(group, self.entries)

    def _open_first_post(self, index) -> None:
        entry = self.model.entry(self.proxy.mapToSource(index).row())
        if entry.posts:
            QDesktopServices.openUrl(QUrl(entry.posts[0].url))

    def _open_group_post(self, index) -> None:
        group = self.group_model.group(self.group_proxy.mapToSource(index).row())
        QDesktopServices.openUrl(QUrl(group.post_url))

    # -- one person -------------------------------------------------------------------------

    def _acknowledge(self, action: str, **kw) -> None:
        person_id = self.current_person_id()
        if person_id is None:
            return
        row = self.table.currentIndex().row()

        def done(_result) -> None:
            self.message.emit(self.tr("Saved."))
            self.changed.emit()
            # Keep the cursor where it was: the next person moves up into this row.
            self.run(self._load, lambda loaded: self._after_ack(loaded, row))

        self.run(lambda: self.services.acknowledge(person_id, action, **kw), done)

    def write_draft(self) -> None:
        person_id = self.current_person_id()
        if person_id is None:
            return
        self.panel.draft_area.show()
        self.panel.draft_area.begin()
        self.run(lambda: self.services.draft(person_id), self._drafted, self._no_draft)

    def _drafted(self, draft) -> None:
        if draft.person_id != self.current_person_id():
            return  # the selection moved on meanwhile
        self.draft = draft
        self.panel.draft_area.set_draft(
            draft.text, lambda text: self.services.check_length(draft, text)
        )

    def _no_draft(self, exc: Exception) -> None:
        self.draft = None
        self.panel.draft_area.failed(exc)

    def send_draft(self) -> None:
        person_id = self.current_person_id()
        if self.draft is None or person_id != self.draft.person_id:
            return
        if not self.panel.send.isEnabled():
            return
        text = self.panel.draft_area.text()
        draft = self.draft
        row = self.table.currentIndex().row()
        self.panel.draft_area.set_busy(True, self.tr("Sending…"))

        def sent(result) -> None:
            if result.copied:
                QGuiApplication.clipboard().setText(result.text)
                if result.url:
                    QDesktopServices.openUrl(QUrl(result.url))
                self.message.emit(self.tr("Copied; paste it where you talk with them."))
            else:
                self.message.emit(self.tr("Sent."))
            if self.draft is draft:  # not if someone else's draft is being written now
                self.draft = None
                self.panel.draft_area.clear()
                self.panel.draft_area.hide()
            self.changed.emit()
            self.run(self._load, lambda loaded: self._after_ack(loaded, row))

        def failed(exc: Exception) -> None:
            self.panel.draft_area.set_busy(False)  # the draft stays as the user left it
            self.panel.draft_area.show_error(tr_format(self.tr("Not sent: %1"), exc))

        self.run(lambda: self.services.send_thanks(person_id, text=text), sent, failed)

    def _after_ack(self, loaded, row: int) -> None:
        self._show(loaded)
        if self.proxy.rowCount():
            self.table.selectRow(min(row, self.proxy.rowCount() - 1))

    # -- several people, one post -------------------------------------------------------------

    def write_group_draft(self) -> None:
        group = self.current_group()
        if group is None:
            return
        person_ids, post_url = list(group.person_ids), group.post_url
        panel = self.group_panel
        panel.set_parts([])
        panel.draft_area.show()
        panel.send.setEnabled(False)
        panel.status.setText(self.tr("Writing a draft…"))
        self.group_drafts, self.group_draft_url = None, post_url
        self.run(
            lambda: self.services.group_draft(person_ids, post_url),
            lambda drafts: self._group_drafted(post_url, person_ids, drafts),
            lambda exc: self._no_group_draft(post_url, exc),
        )

    def _group_drafted(self, post_url: str, person_ids: list[int], drafts) -> None:
        group = self.current_group()
        if group is None or group.post_url != post_url or self.group_draft_url != post_url:
            return  # the selection moved on meanwhile
        self.group_drafts = list(drafts)
        self.group_draft_people = [pid for d in drafts for pid in d.person_ids] or person_ids
        self._show_group_parts([d.text for d in drafts])
        if self.group_panel.editors:
            self.group_panel.editors[0].setFocus()

    def _show_group_parts(self, texts: list[str]) -> None:
        names = {pid: self._name(pid) for pid in self.group_draft_people}
        parts = [
            (text, names_text([names.get(pid, "") for pid in draft.person_ids], shown=4))
            for draft, text in zip(self.group_drafts, texts, strict=True)
        ]
        self.group_panel.set_parts(parts)
        for editor in self.group_panel.editors:
            editor.textChanged.connect(self._update_group_remaining)
        self._update_group_remaining()

    def _no_group_draft(self, post_url: str, exc: Exception) -> None:
        if self.group_draft_url != post_url:
            return
        self.group_drafts = None
        self.group_panel.status.setText(self.tr("No draft: %1").replace("%1", str(exc)))

    def _name(self, person_id: int) -> str:
        entry = self.entries.get(person_id)
        if entry is not None:
            return entry.name
        for group in self.groups:
            if person_id in group.person_ids:
                return group.names[group.person_ids.index(person_id)]
        return str(person_id)

    def _update_group_remaining(self) -> None:
        """Per part: what is left, or why it cannot go. Below: what stops the send (the
        same checks desktop.app.outbox.group_thank makes), else who would stay waiting."""
        drafts = self.group_drafts
        panel = self.group_panel
        if drafts is None:
            return
        texts = panel.texts()
        several = len(texts) > 1
        mentions = {
            pid: m.text for d in drafts for pid, m in zip(d.person_ids, d.mentions, strict=True)
        }
        problems, taken = [], set()
        parts = zip(drafts, texts, panel.part_hints, strict=True)
        for number, (draft, text, part_hint) in enumerate(parts, start=1):
            check = self.services.check_length(draft, text)
            who = {p for p, m in mentions.items() if p not in taken and mentioned_in(text, m)}
            taken |= who
            wrong = []
            if not text.strip():
                part_hint.setText(self.tr("Empty: write something or it cannot be sent."))
                wrong.append(self.tr("it is empty"))
            elif check.limit is None:
                part_hint.setText("")
            elif check.ok:
                part_hint.setText(self.tr("%n left", "", check.remaining))
            else:
                part_hint.setText(check.reason)
                wrong.append(check.reason)
            if text.strip() and not who:
                wrong.append(self.tr("it mentions none of them: who is it thanking?"))
            if wrong:
                said = "; ".join(wrong)
                problems.append(
                    self.tr("Part %1: %2").replace("%1", str(number)).replace("%2", said)
                    if several
                    else said
                )
        missing = [pid for pid in mentions if pid not in taken]
        if problems:
            panel.status.setText(_sentence("; ".join(problems)))
        elif missing:
            panel.status.setText(
                self.tr("Not mentioned, so still waiting afterwards: %1.").replace(
                    "%1", names_text([self._name(pid) for pid in missing], shown=4)
                )
            )
        elif several:
            panel.status.setText(
                self.tr("Thanks all %1 of them, in %2 replies.")
                .replace("%1", str(len(mentions)))
                .replace("%2", str(len(texts)))
            )
        else:
            panel.status.setText(
                self.tr("Thanks all %n of them.", "", len(mentions))
                if len(mentions) != 1
                else self.tr("Thanks them.")
            )
        panel.send.setEnabled(not problems)

    def send_group_draft(self) -> None:
        panel = self.group_panel
        group = self.current_group()
        if self.group_drafts is None or group is None or group.post_url != self.group_draft_url:
            return
        if not panel.send.isEnabled():
            return
        texts = panel.texts()
        person_ids = list(self.group_draft_people)
        post_url = self.group_draft_url
        row = self.group_table.currentIndex().row()
        panel.send.setEnabled(False)
        panel.status.setText(self.tr("Sending…"))

        def sent(results) -> None:
            thanked = list(dict.fromkeys(r.person_id for r in results))
            who = names_text([self._name(pid) for pid in thanked], shown=4)
            if results and results[0].copied:
                QGuiApplication.clipboard().setText("\n\n".join(texts))
                if results[0].url:
                    QDesktopServices.openUrl(QUrl(results[0].url))
                self.message.emit(
                    self.tr("Copied; paste it under your post. Marked thanked: %1.").replace(
                        "%1", who
                    )
                )
            else:
                self.message.emit(self.tr("Sent. Thanked %1.").replace("%1", who))
            if self.group_draft_url == post_url:  # not if another post is being written now
                self.group_drafts, self.group_draft_url, self.group_draft_people = None, None, []
                panel.clear_draft()
            self.changed.emit()
            self.run(self._load, lambda loaded: self._after_group(loaded, row))

        def failed(exc: Exception) -> None:
            parts_sent = getattr(exc, "parts_sent", 0)
            self.message.emit(self.tr("Not sent: %1").replace("%1", str(exc)))
            if self.group_draft_url != post_url or self.group_drafts is None:
                if parts_sent:
                    self.changed.emit()  # the selection moved on; the list still changed
                return
            if parts_sent:
                # Some parts went out and their people are thanked: keep only the rest.
                thanked = set(getattr(exc, "thanked", []))
                self.group_drafts = self.group_drafts[parts_sent:]
                self.group_draft_people = [p for p in self.group_draft_people if p not in thanked]
                self._show_group_parts(texts[parts_sent:])
                self.changed.emit()
            else:
                panel.send.setEnabled(True)  # the drafts stay as the user left them
            panel.status.setText(self.tr("Not sent: %1").replace("%1", str(exc)))

        self.run(
            lambda: self.services.send_group_thanks(person_ids, post_url, texts=texts),
            sent,
            failed,
        )

    def _after_group(self, loaded, row: int) -> None:
        self._show(loaded)
        self._select_group(None, row)
