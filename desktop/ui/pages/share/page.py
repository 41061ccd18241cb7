"""Share: the links worth passing on, why each is here, and a post that credits its author.

The composed text is posted only on an explicit "Post" click (Ctrl+Return), through my own
account on the chosen network (desktop.app.outbox.share, on a worker); posting marks the
link shared, which counts as support for the author in the ledger. Without an account on
that network the text is copied instead, posted by hand, and recorded with "Mark shared".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.format import tr_format
from desktop.ui.models.candidates import CandidateFilter, CandidatesModel
from desktop.ui.pages.base import Page, heading, hint, list_table, titled_layout
from desktop.ui.pages.share.compose_flow import ComposeFlow
from desktop.ui.pages.share.panel import CandidatePanel
from desktop.ui.widgets.tables import scroll_area

if TYPE_CHECKING:  # types only: the rows come from Services, read on workers
    from collections.abc import Callable

    from desktop.queries.share import ShareContext, ShareDraft

# (states asked of the store, key) in the order of the switch
VIEWS = (
    (("new",), "open"),
    (("saved",), "saved"),
    (("shared",), "shared"),
    (("skipped",), "skipped"),
)
LIMIT = 300  # rows per view: the ranking decays fast, nobody reads further down


class SharePage(ComposeFlow, Page):
    title = "Share"

    def __init__(self, services, tasks, parent=None):
        super().__init__(services, tasks, parent)
        self.view_index = 0
        self._loaded_view: int | None = None
        self._context: ShareContext | None = None
        self._draft: ShareDraft | None = None
        self._composing_id: int | None = None
        self._last_row = 0
        # Networks I have an account on (asked once per refresh); None: not known yet.
        self._account_networks: set[str] | None = None
        self._posting: int | None = None  # the candidate whose post is on its way
        self._unsent: dict[int, tuple[str, str, str]] = {}  # id -> (network, text, error)
        self._post_error = ""  # why the last post of the draft being composed failed
        self._build_header()
        self._build_table()
        self.panel = CandidatePanel()
        self._build_layout()
        self._connect()
        self._shortcuts()

    # -- building ---------------------------------------------------------------------------

    def _build_header(self) -> None:
        self.heading = heading(self.tr("Loading what to share…"))
        self.subtitle = hint(
            self.tr(
                "Links that reached you through your feeds and timeline, ranked by your "
                "interests, how many people in your network shared them, and freshness."
            )
        )
        self.states = QTabBar()
        self.states.setDrawBase(False)
        self.states.setExpanding(False)
        self.states.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        for text, tip in (
            (self.tr("Open"), self.tr("New links, not yet saved, shared or skipped (Alt+1)")),
            (self.tr("Saved"), self.tr("Saved for later (Alt+2)")),
            (self.tr("Shared"), self.tr("What you shared (Alt+3)")),
            (self.tr("Skipped"), self.tr("What you skipped; restore from here (Alt+4)")),
        ):
            index = self.states.addTab(text)
            self.states.setTabToolTip(index, tip)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by title, author, site or reason  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)

    def _build_table(self) -> None:
        self.model = CandidatesModel(self)
        self.proxy = CandidateFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = list_table(self.proxy)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(CandidatesModel.TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(CandidatesModel.AUTHOR, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(
            CandidatesModel.SHARED_BY, QHeaderView.ResizeMode.ResizeToContents
        )
        header.setSectionResizeMode(CandidatesModel.WHY, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(CandidatesModel.SEEN, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(CandidatesModel.AUTHOR, 125)
        header.resizeSection(CandidatesModel.WHY, 175)

    def _build_layout(self) -> None:
        composer = self.panel.composer
        scroll = scroll_area(self.panel)
        # Never narrower than the panel with the compose area open (hidden until composing,
        # so not in the panel's own minimum) and a vertical scroll bar: nothing is cut off.
        panel_layout = self.panel.layout()
        assert panel_layout is not None  # CandidatePanel lays itself out when built
        margins = panel_layout.contentsMargins()
        composing = composer.minimumSizeHint().width() + margins.left() + margins.right()
        widest = max(composing, self.panel.minimumSizeHint().width())
        scroll.setMinimumWidth(max(280, widest + scroll.verticalScrollBar().sizeHint().width()))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        titled_layout(self, self.heading, self.states, self.subtitle, splitter)

    def _connect(self) -> None:
        self.states.currentChanged.connect(self._view_changed)
        self.search.textChanged.connect(self._filter)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.open_in_browser())
        self.table.installEventFilter(self)
        panel = self.panel
        panel.compose.clicked.connect(self.compose)
        panel.mark.clicked.connect(self.mark_shared)
        panel.open.clicked.connect(self.open_in_browser)
        panel.copy_link.clicked.connect(self.copy_link)
        panel.save.clicked.connect(self.save_or_restore)
        panel.skip.clicked.connect(lambda: self._set_state("skipped"))
        composer = panel.composer
        composer.post.clicked.connect(self.post_share)
        composer.copy.clicked.connect(self.copy_text)
        composer.close_button.clicked.connect(self.close_compose)
        composer.network.currentIndexChanged.connect(self._network_changed)
        composer.draft.check = lambda text: self._check(text, self._network())
        composer.draft.recounted.connect(lambda fit: self._update_post(fit.ok))
        composer.draft.send_requested.connect(self.post_share)

    def _shortcuts(self) -> None:
        shortcuts: list[tuple[str, Callable[..., object]]] = [
            ("Ctrl+F", self.search.setFocus),
            ("C", self.compose),
            ("M", self.mark_shared),
            ("O", self.open_in_browser),
            ("L", self.copy_link),
            ("S", self.save_or_restore),
            ("K", lambda: self._set_state("skipped")),
            ("Ctrl+Shift+C", self.copy_text),
            ("Ctrl+Return", self.post_share),
            ("Ctrl+Enter", self.post_share),
            ("Esc", self.close_compose),
        ]
        for number in range(len(VIEWS)):
            shortcuts.append(
                (f"Alt+{number + 1}", lambda _=False, n=number: self.states.setCurrentIndex(n))
            )
        for key, handler in shortcuts:
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handler)
            self.addAction(action)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if watched is self.table and event.type() == QEvent.Type.Resize:
            self._fit_columns(event.size().width())
        return super().eventFilter(watched, event)

    def _fit_columns(self, width: int) -> None:
        """A narrow table drops the reason first, then the age, then the author: the title
        and how many shared it always stay (the panel shows everything)."""
        self.table.setColumnHidden(CandidatesModel.WHY, width < 640)
        self.table.setColumnHidden(CandidatesModel.SEEN, width < 540)
        self.table.setColumnHidden(CandidatesModel.AUTHOR, width < 360)

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        view = self.view_index
        states = VIEWS[view][0]
        self.run(
            lambda: self.services.candidates(limit=LIMIT, states=states),
            lambda rows: self._show(rows, view),
        )
        self.run(self.services.accounts, self._accounts_known)

    def _accounts_known(self, accounts) -> None:
        self._account_networks = {a.network for a in accounts if a.state != "removed"}
        self._recount()

    def _show(self, rows, view: int) -> None:
        if view != self.view_index:
            return  # the user switched views meanwhile: that view's answer is on its way
        current = self.current_candidate_id()
        if self._loaded_view != view:
            current, self._last_row = None, 0
        self._loaded_view = view
        self.model.set_candidates(rows)
        self.heading.setText(self._heading(view, len(rows)))
        self._select(current)

    def _heading(self, view: int, count: int) -> str:
        key = VIEWS[view][1]
        if key == "open":
            if count == 1:
                return self.tr("1 link worth sharing")
            return (
                self.tr("%n links worth sharing", "", count)
                if count
                else self.tr("Nothing new to share: add feeds or sync an account")
            )
        if key == "saved":
            return self.tr("%n saved for later", "", count) if count else self.tr("Nothing saved")
        if key == "shared":
            return self.tr("%n shared", "", count) if count else self.tr("Nothing shared yet")
        return self.tr("%n skipped", "", count) if count else self.tr("Nothing skipped")

    def _view_changed(self, index: int) -> None:
        self.view_index = index
        self.refresh()

    def _filter(self, text: str) -> None:
        current = self.current_candidate_id()
        self.proxy.set_text(text)
        self._select(current)

    # -- selection --------------------------------------------------------------------------

    def current_candidate_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, CandidatesModel.CandidateIdRole)

    def current_candidate(self):
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.model.candidate(self.proxy.mapToSource(index).row())

    def _select(self, candidate_id: int | None) -> None:
        """The same candidate as before if it is still listed, else the one now in its row."""
        count = self.proxy.rowCount()
        if not count:
            self.table.setCurrentIndex(QModelIndex())
            self.panel.show_candidate(None)
            return
        row = min(self._last_row, count - 1)
        if candidate_id is not None:
            for r in range(count):
                if self.proxy.data(self.proxy.index(r, 0), CandidatesModel.CandidateIdRole) == (
                    candidate_id
                ):
                    row = r
                    break
        self.table.selectRow(row)

    def _selected(self, current, _previous) -> None:
        if not current.isValid():
            self.panel.show_candidate(None)
            return
        self._last_row = current.row()
        candidate = self.model.candidate(self.proxy.mapToSource(current).row())
        if candidate.candidate_id != self._composing_id:
            self._composing_id = None
            self._context = None
            self._draft = None
            self._post_error = ""
        self.panel.show_candidate(candidate)
        if self._composing_id is not None:
            self.panel.set_composing(True)
        self._update_post()

    # -- actions ----------------------------------------------------------------------------

    def open_in_browser(self) -> None:
        candidate = self.current_candidate()
        if candidate is not None:
            QDesktopServices.openUrl(QUrl(candidate.url))

    def copy_link(self) -> None:
        candidate = self.current_candidate()
        if candidate is not None:
            QGuiApplication.clipboard().setText(candidate.url)
            self.message.emit(self.tr("Link copied."))

    def save_or_restore(self) -> None:
        """Save a new link for later; bring a skipped one back to Open."""
        candidate = self.current_candidate()
        if candidate is not None:
            self._set_state("new" if candidate.state == "skipped" else "saved")

    def _set_state(self, state: str) -> None:
        candidate = self.current_candidate()
        allowed = {"saved": ("new",), "skipped": ("new", "saved"), "new": ("skipped",)}
        if candidate is None or candidate.state not in allowed[state]:
            return
        candidate_id = candidate.candidate_id
        done_text = {
            "saved": self.tr("Saved for later."),
            "skipped": self.tr("Skipped."),
            "new": self.tr("Back in Open."),
        }[state]

        def done(_result) -> None:
            self.message.emit(done_text)
            self.changed.emit()
            self.refresh()

        self.run(lambda: self.services.set_candidate_state(candidate_id, state), done)

    def mark_shared(self) -> None:
        candidate = self.current_candidate()
        if candidate is None or candidate.state == "shared":
            return
        candidate_id = candidate.candidate_id
        network = (
            self.panel.composer.network.currentData()
            if self._composing_id == candidate_id
            else None
        )

        def done(marked) -> None:
            if marked.person_id is not None:
                self.message.emit(
                    tr_format(
                        self.tr("Marked shared: counted as support for %1."),
                        candidate.author or self.tr("the author"),
                    )
                )
            else:
                self.message.emit(self.tr("Marked shared."))
            self.changed.emit()
            self.refresh()

        self.run(lambda: self.services.mark_shared(candidate_id, network), done)
