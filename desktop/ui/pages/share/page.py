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
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from desktop.core.length import LengthCheck, check, rule_for
from desktop.core.text import excerpt
from desktop.ui import rich
from desktop.ui.format import network_name
from desktop.ui.models.candidates import CandidateFilter, CandidatesModel, site_of
from desktop.ui.pages.base import Page, heading, hint, list_table
from desktop.ui.widgets.draft_editor import DraftEditor, error_color
from desktop.ui.widgets.tables import scroll_area

if TYPE_CHECKING:  # types only: the rows come from Services, read on workers
    from desktop.queries.share import ShareContext, ShareDraft

# (states asked of the store, key) in the order of the switch
VIEWS = (
    (("new",), "open"),
    (("saved",), "saved"),
    (("shared",), "shared"),
    (("skipped",), "skipped"),
)
LIMIT = 300  # rows per view: the ranking decays fast, nobody reads further down


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
            parts.append(self.tr("by %1").replace("%1", candidate.author))
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
        self.why.setText(rich.bullets((r[:1].upper() + r[1:] for r in candidate.why), indent=-20))
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


class SharePage(Page):
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

        self.heading = heading(self.tr("Loading what to share…"))
        self.subtitle = hint(
            self.tr(
                "Links that reached you through your feeds and timeline, ranked by your "
                "interests, how many people in your network shared them, and freshness."
            )
        )
        self.model = CandidatesModel(self)
        self.proxy = CandidateFilter(self)
        self.proxy.setSourceModel(self.model)

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
        self.states.currentChanged.connect(self._view_changed)

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by title, author, site or reason  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)

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
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(lambda _index: self.open_in_browser())

        self.panel = CandidatePanel()
        self.panel.compose.clicked.connect(self.compose)
        self.panel.mark.clicked.connect(self.mark_shared)
        self.panel.open.clicked.connect(self.open_in_browser)
        self.panel.copy_link.clicked.connect(self.copy_link)
        self.panel.save.clicked.connect(self.save_or_restore)
        self.panel.skip.clicked.connect(lambda: self._set_state("skipped"))
        composer = self.panel.composer
        composer.post.clicked.connect(self.post_share)
        composer.copy.clicked.connect(self.copy_text)
        composer.close_button.clicked.connect(self.close_compose)
        composer.network.currentIndexChanged.connect(self._network_changed)
        composer.draft.check = lambda text: self._check(text, self._network())
        composer.draft.recounted.connect(lambda fit: self._update_post(fit.ok))
        composer.draft.send_requested.connect(self.post_share)
        scroll = scroll_area(self.panel)
        # Never narrower than the panel with the compose area open (hidden until composing,
        # so not in the panel's own minimum) and a vertical scroll bar: nothing is cut off.
        margins = self.panel.layout().contentsMargins()
        composing = composer.minimumSizeHint().width() + margins.left() + margins.right()
        widest = max(composing, self.panel.minimumSizeHint().width())
        scroll.setMinimumWidth(max(280, widest + scroll.verticalScrollBar().sizeHint().width()))

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        self.table.installEventFilter(self)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(scroll)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading, 1)
        title_row.addWidget(self.states, 0, Qt.AlignmentFlag.AlignBottom)
        layout.addLayout(title_row)
        layout.addWidget(self.subtitle)
        layout.addWidget(splitter, 1)

        shortcuts = [
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
                    self.tr("Marked shared: counted as support for %1.").replace(
                        "%1", candidate.author or self.tr("the author")
                    )
                )
            else:
                self.message.emit(self.tr("Marked shared."))
            self.changed.emit()
            self.refresh()

        self.run(lambda: self.services.mark_shared(candidate_id, network), done)

    # -- composing --------------------------------------------------------------------------

    def compose(self) -> None:
        candidate = self.current_candidate()
        if candidate is None:
            return
        candidate_id = candidate.candidate_id
        if self._composing_id == candidate_id and self._context is not None:
            self.panel.set_composing(True)
            self.panel.composer.editor.setFocus()
            return

        def done(context: ShareContext) -> None:
            current = self.current_candidate()
            if current is None or current.candidate_id != candidate_id:
                return  # the selection moved on meanwhile
            self._start_compose(current, context)

        self.run(lambda: self.services.share_context(candidate_id), done)

    def _start_compose(self, candidate, context: ShareContext) -> None:
        self._context = context
        self._composing_id = candidate.candidate_id
        self._draft = None
        self._post_error = ""
        # A post that failed after the user moved on: their text and the error come back.
        network, text, error = self._unsent.pop(candidate.candidate_id, ("", "", ""))
        combo = self.panel.composer.network
        combo.blockSignals(True)
        combo.clear()
        for name in context.networks:
            combo.addItem(network_name(name), name)
        combo.setCurrentIndex(max(0, combo.findData(network)) if network else 0)
        combo.blockSignals(False)
        self._write_draft()
        if text:
            self._post_error = error
            self.panel.composer.editor.setPlainText(text)
        self.panel.set_composing(True)
        self._update_post()
        self.panel.composer.editor.setFocus()

    def _network(self) -> str:
        return self.panel.composer.network.currentData() or "mastodon"

    def _write_draft(self) -> None:
        candidate = self.current_candidate()
        if candidate is None or self._context is None:
            return
        network = self._network()
        self._draft = self._context.compose(candidate, network)
        self.panel.composer.editor.setPlainText(self._draft.text)
        cursor = self.panel.composer.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.panel.composer.editor.setTextCursor(cursor)

    def _network_changed(self, _index: int) -> None:
        self._post_error = ""  # it was about the other network
        editor = self.panel.composer.editor
        if self._draft is None or editor.toPlainText() == self._draft.text:
            self._write_draft()  # untouched: credits and length follow the network
        else:
            self._recount()  # the user's own words stay; only the count changes

    def _recount(self) -> None:
        self.panel.composer.draft.recount()  # then _update_post, from `recounted`

    def _check(self, text: str, network: str) -> LengthCheck:
        """Against the limit the server enforces (the context knows it once it is read)."""
        if self._context is not None:
            return self._context.check(text, network)
        return check(text, rule_for(network))

    # -- posting ----------------------------------------------------------------------------

    def _has_account(self, network: str) -> bool:
        return self._account_networks is not None and network in self._account_networks

    def _update_post(self, fits: bool | None = None) -> None:
        """The Post button, its tooltip and the line under the text, from the draft's length,
        my accounts and whether a post is on its way."""
        composer = self.panel.composer
        text = composer.editor.toPlainText()
        network = self._network()
        label = network_name(network)
        if fits is None:
            fits = self._check(text, network).ok
        busy = self._posting is not None and self._posting == self._composing_id
        composer.editor.setReadOnly(busy)
        composer.network.setEnabled(not busy)
        composer.close_button.setEnabled(not busy)
        composer.post.setEnabled(
            self._composing_id is not None
            and self._posting is None
            and fits
            and bool(text.strip())
            and self._has_account(network)
        )
        if self._account_networks is not None and not self._has_account(network):
            tip = self.tr("Connect a %1 account in Accounts to post from here (Ctrl+Return)")
        elif not fits:
            tip = self.tr("Too long to post on %1: shorten it first (Ctrl+Return)")
        else:
            tip = self.tr("Post it on %1 from your account, for everyone to see (Ctrl+Return)")
        composer.post.setToolTip(tip.replace("%1", label))
        if busy:
            composer.show_feedback(self.tr("Posting…"))
        elif self._post_error:
            composer.show_feedback(self._post_error, error=True)
        elif self._account_networks is not None and not self._has_account(network):
            composer.show_feedback(
                self.tr(
                    "Connect a %1 account in Accounts to post from here, or copy the text."
                ).replace("%1", label)
            )
        else:
            composer.show_feedback("")

    def post_share(self) -> None:
        """Post the text as it stands, through my account on the chosen network."""
        composer = self.panel.composer
        candidate_id = self._composing_id
        if candidate_id is None or not composer.isVisible() or not composer.post.isEnabled():
            return
        text = composer.editor.toPlainText()
        network = self._network()
        self._posting = candidate_id
        self._post_error = ""
        self._update_post()

        def done(result) -> None:
            self._posting = None
            self._unsent.pop(candidate_id, None)
            self.message.emit(
                self.tr("Posted to %1: %2")
                .replace("%1", network_name(result.network))
                .replace("%2", result.url)
            )
            if self._composing_id == candidate_id:
                self.close_compose()
            else:
                self._update_post()
            self.changed.emit()
            self.refresh()

        def failed(exc: Exception) -> None:
            self._posting = None
            error = self.tr("Not posted: %1").replace("%1", str(exc))
            if self._composing_id == candidate_id:
                self._post_error = error  # the text stays, as the user left it
            else:
                # They moved on meanwhile: keep the text for when they compose it again.
                self._unsent[candidate_id] = (network, text, error)
                self.message.emit(
                    error + " " + self.tr("Your text is kept: compose that link again.")
                )
            self._update_post()

        self.run(
            lambda: self.services.post_share(candidate_id, text=text, network=network),
            done,
            failed,
        )

    def copy_text(self) -> None:
        if self._composing_id is None or not self.panel.composer.isVisible():
            return
        QGuiApplication.clipboard().setText(self.panel.composer.editor.toPlainText())
        self.message.emit(self.tr("Copied. Post it, then press Mark shared (M)."))

    def close_compose(self) -> None:
        if self._composing_id is None or self._posting == self._composing_id:
            return  # nothing open, or its post is on its way
        self._composing_id = None
        self._context = None
        self._draft = None
        self._post_error = ""
        self.panel.set_composing(False)
        self._update_post()
        self.table.setFocus()
