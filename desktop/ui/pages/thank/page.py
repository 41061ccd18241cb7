"""Thank: who is waiting for a thank-you, what they did, and the answer to give them.

Two views of the same pending list, switched with the tabs above it: **People** (one row
per person, Alt+P) and **By post** (Alt+B: posts of mine that several pending people
shared or quoted, thanked together in one reply under the post that mentions them all —
or several replies when the mentions do not fit in one).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QSplitter,
    QStackedWidget,
    QTabBar,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.groups import PostGroup, shared_post_groups
from desktop.ui.format import local_date, time_ago, tr_format
from desktop.ui.models.pending import PendingModel
from desktop.ui.models.post_group import PostGroupModel
from desktop.ui.pages.base import Page, heading, hint, titled_layout
from desktop.ui.pages.thank.group_flow import GroupThanks
from desktop.ui.pages.thank.group_panel import PostGroupPanel
from desktop.ui.pages.thank.person_flow import PersonThanks
from desktop.ui.pages.thank.person_panel import PersonPanel
from desktop.ui.platform import gc_policy
from desktop.ui.widgets.tables import fitted_table, fixed_column

if TYPE_CHECKING:  # types only: the rows come from Services, read on workers
    from desktop.app.first_screen import FirstScreen
    from desktop.queries.drafts import Draft
    from desktop.queries.pending_views import PendingPerson

PEOPLE, BY_POST = 0, 1  # the views, in the order of the tabs
LONG_AGES = ({"minutes": 59}, {"hours": 23}, {"days": 31})  # the longest "… ago" of each unit


@dataclass
class Loaded:
    """What a worker read for the page; applied to the widgets on the GUI thread."""

    entries: list  # PendingPerson, most important first
    groups: list[PostGroup]
    cooldown_days: int


def _proxy(model, parent) -> QSortFilterProxyModel:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterKeyColumn(-1)
    return proxy


class ThankPage(PersonThanks, GroupThanks, Page):
    title = "Thank"

    def __init__(self, services, tasks, parent=None):
        super().__init__(services, tasks, parent)
        self.entries: dict[int, PendingPerson] = {}  # person_id, as last loaded
        self.groups: list[PostGroup] = []
        self.draft: Draft | None = None  # the one-person draft in the panel's editor
        self.group_drafts: list[Draft] | None = None  # the drafts in the group panel's editors
        self.group_draft_url: str | None = None  # the post they thank for
        self.group_draft_people: list[int] = []  # everyone they are meant to thank
        self._build_header()
        self._build_models()
        self._build_tables()
        self.panel = PersonPanel()
        self.group_panel = PostGroupPanel()
        self._build_layout()
        self._connect()
        self._shortcuts()

    # -- building ---------------------------------------------------------------------------

    def _build_header(self) -> None:
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
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name or what they did  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)

    def _build_models(self) -> None:
        self.model = PendingModel(self)
        self.proxy = _proxy(self.model, self)
        self.group_model = PostGroupModel(self)
        self.group_proxy = _proxy(self.group_model, self)
        self.group_proxy.setFilterRole(Qt.ItemDataRole.ToolTipRole)  # all names, the whole post

    def _build_tables(self) -> None:
        self.table = fitted_table(self.proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        # Fixed widths from the longest possible text, not ResizeToContents: measuring
        # hundreds of rows after every reload stalled the GUI thread (benchmark figure).
        # In the models' own words, so the widths fit whatever language they speak.
        now = datetime(2026, 12, 30, tzinfo=UTC)
        ages = [time_ago(now - timedelta(**ago), now) for ago in LONG_AGES]
        old = local_date(now)  # older than a month: a date
        titles = self.model.headers()
        fixed_column(header, 2, *ages, old, titles[2])
        why = [self.model.priority_label(priority) for priority in (1, 2, 3)]
        fixed_column(header, 3, *why, titles[3])
        header.resizeSection(0, 160)
        self.group_table = fitted_table(self.group_proxy)
        header = self.group_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        titles = self.group_model.headers()
        fixed_column(header, 1, "9999", titles[1])
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        fixed_column(header, 3, "Mastodon", titles[3])
        header.resizeSection(2, 180)

    def _build_layout(self) -> None:
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
        titled_layout(self, self.heading, self.views, self.subtitle, splitter)

    def _connect(self) -> None:
        self.views.currentChanged.connect(self._view_changed)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.textChanged.connect(self.group_proxy.setFilterFixedString)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._open_first_post)
        self.table.installEventFilter(self)
        self.group_table.selectionModel().currentRowChanged.connect(self._group_selected)
        self.group_table.doubleClicked.connect(self._open_group_post)
        self.group_table.installEventFilter(self)
        panel = self.panel
        panel.thank.clicked.connect(self._thank_offline)
        panel.write.clicked.connect(self.write_draft)
        panel.send.clicked.connect(self.send_draft)
        panel.draft_area.send_requested.connect(self.send_draft)
        panel.group_requested.connect(self.show_group)
        panel.dismiss.clicked.connect(lambda: self._acknowledge("dismissed"))
        panel.snooze.clicked.connect(self._snooze)
        self.group_panel.write.clicked.connect(self.write_group_draft)
        self.group_panel.send.clicked.connect(self.send_group_draft)
        self.group_panel.person_requested.connect(self.show_person)

    def _shortcuts(self) -> None:
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
        assert isinstance(table, QTableView)  # the stack holds the two tables only
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

    def _load(self) -> Loaded:
        """On a worker: who is waiting, the posts several of them shared, the cooldown."""
        entries = self.services.pending()
        cooldown = int(self.services.settings().get("thank_cooldown_days", 14))
        return Loaded(entries, shared_post_groups(entries), cooldown)

    def _show(self, loaded: Loaded) -> None:
        entries, groups = loaded.entries, loaded.groups
        self.panel.cooldown_days = loaded.cooldown_days  # before a person is shown again
        current = self.current_person_id()
        current_group = self.current_group()
        self.entries = {e.person_id: e for e in entries}
        self.groups = list(groups)
        self.model.set_entries(entries)
        gc_policy.keep_if_big(len(entries))  # a long list lives until the next refresh
        self.group_model.set_groups(groups)
        self.views.setTabText(
            BY_POST,
            tr_format(self.tr("&By post (%1)"), len(groups)) if groups else self.tr("&By post"),
        )
        self._show_count(len(entries))
        self._select(current)
        self._select_group(current_group.post_url if current_group else None)

    def _show_count(self, count: int) -> None:
        if count:
            self.heading.setText(
                self.tr("%n people to thank", "", count)
                if count != 1
                else self.tr("1 person to thank")
            )
        else:
            self.heading.setText(self.tr("Nobody is waiting for a thank-you"))

    def show_first_screen(self, screen: FirstScreen) -> None:
        """The first rows as the first screen kept them (desktop.app.first_screen), shown
        before the store is read; refresh() replaces them. Nobody is selected meanwhile, so
        nothing is drafted or sent from them."""
        self.panel.cooldown_days = screen.cooldown_days
        self.entries = {e.person_id: e for e in screen.thank_rows}
        self.model.set_entries(screen.thank_rows)
        self._show_count(screen.thank_total)

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
