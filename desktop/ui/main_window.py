"""The main window: a section list on the left, the section on the right.

Nothing here touches the store or the network directly: pages ask the Services facade
through the TaskRunner, so the GUI thread only ever paints.

Each page is built (and its module imported) when it is first shown or asked for: the window
paints before the pages' models and the domain behind them are imported.
"""

from __future__ import annotations

import importlib
import logging
import threading
import weakref
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

import desktop
from desktop.ui.format import tr_format
from desktop.ui.pages.base import Page, hint
from desktop.ui.platform import gc_policy
from desktop.ui.tasks import TaskRunner
from desktop.ui.welcome import WelcomePage
from desktop.ui.widgets.help_overlay import key_label
from desktop.ui.widgets.sync_status import SyncStatus

if TYPE_CHECKING:
    from desktop.app.first_screen import FirstScreen
    from desktop.app.services import Services
    from desktop.ui.dialogs.quick_entry import QuickEntryDialog
    from desktop.ui.pages.accounts.page import AccountsPage
    from desktop.ui.pages.settings.page import SettingsPage
    from desktop.ui.pages.thank.page import ThankPage
    from desktop.ui.platform.team_watch import TeamWatch

log = logging.getLogger(__name__)

PARTIAL_REFRESH_MS = 1500  # while a sync writes, the Thank page reloads at most this often

RECONNECT_MS = 5000  # a shared store that did not answer is tried again this often
SECTIONS = (
    # (key, "module:Class" of its page, shortcut); MainWindow.section_label names them
    ("thank", "desktop.ui.pages.thank:ThankPage", "Ctrl+1"),
    ("share", "desktop.ui.pages.share:SharePage", "Ctrl+2"),
    ("people", "desktop.ui.pages.people:PeoplePage", "Ctrl+3"),
    ("accounts", "desktop.ui.pages.accounts:AccountsPage", "Ctrl+4"),
    ("settings", "desktop.ui.pages.settings:SettingsPage", "Ctrl+5"),
)


def page_class(where: str) -> type[Page]:
    module, _, name = where.partition(":")
    return getattr(importlib.import_module(module), name)


class Pages(Mapping):
    """The window's pages by key; a page is built the first time it is asked for."""

    def __init__(self, window: MainWindow) -> None:
        self._window = weakref.ref(window)  # no cycle: the window goes when Qt deletes it
        self._built: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        page = self._built.get(key)
        if page is None:
            if key not in self:
                raise KeyError(key)
            window = self._window()
            assert window is not None  # pages are asked of a window that is still there
            page = self._built[key] = window._build_page(key)
        return page

    def __contains__(self, key: object) -> bool:
        return any(key == k for k, *_ in SECTIONS)

    def __iter__(self) -> Iterator[str]:
        return iter(key for key, *_ in SECTIONS)

    def __len__(self) -> int:
        return len(SECTIONS)

    def built(self) -> dict[str, Page]:
        """The pages made so far (asking for the others would build them)."""
        return dict(self._built)


class MainWindow(QMainWindow):
    sync_finished = Signal(object)  # list of SyncReport
    # A sync wrote new interactions and is still going: pending counts may have changed.
    partly_synced = Signal()
    _wrote_some = Signal()  # from the sync's threads (queued to the GUI thread)
    page_changed = Signal(str)  # a page altered the store (its key): others may refresh
    checkin_requested = Signal()
    demo_requested = Signal()
    leave_demo_requested = Signal()
    restart_requested = Signal()  # to speak another language
    team_changed = Signal()  # a teammate changed the shared store (the pages are refreshed)

    def __init__(
        self, services: Services, *, demo: bool = False, data_dir: Path | None = None
    ) -> None:
        super().__init__()
        self.services = services
        self.data_dir = data_dir  # where the interface language is kept (None: nowhere)
        self.team_watch: TeamWatch | None = None  # a shared store's changes, once open
        self.demo = demo
        self.tasks = TaskRunner(self)
        self.syncing = False
        self._partial_timer = QTimer(self)
        self._partial_timer.setSingleShot(True)
        self._partial_timer.setInterval(PARTIAL_REFRESH_MS)
        self._partial_timer.timeout.connect(self._partial_timer_done)
        self._partial_due = False
        self._wrote_some.connect(self._show_partial_sync)
        self.quick_entry: QuickEntryDialog | None = None  # the Ctrl+L dialog, while open
        self._cancel = threading.Event()  # set on quit: a running sync stops between pages
        self.setWindowTitle(
            tr_format(self.tr("%1 — Demo data"), desktop.APP_NAME) if demo else desktop.APP_NAME
        )
        self.resize(1100, 700)
        self.setMinimumSize(720, 460)
        self.setAcceptDrops(True)  # an export zip dropped anywhere is offered for import

        self.nav = QListWidget()
        self.nav.setObjectName("sections")
        self.nav.setFrameShape(QFrame.Shape.NoFrame)
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setFixedWidth(150)
        self.stack = QStackedWidget()
        # Until the first page is built (after the first paint): a quiet word in its place.
        self.placeholder = hint(self.tr("Loading…"))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.pages = Pages(self)
        for key, _where, shortcut in SECTIONS:
            label = self.section_label(key)
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(f"{label} ({key_label(shortcut)})")
            item.setSizeHint(QSize(150, 34))
            self.nav.addItem(item)
            action = QAction(self)
            action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(lambda _=False, k=key: self.show_section(k))
            self.addAction(action)
        self.welcome = WelcomePage()
        self.welcome.demo_requested.connect(self.demo_requested)
        self.welcome.section_requested.connect(self.show_section)
        self.welcome.connect_requested.connect(self._connect_network)
        self.stack.addWidget(self.welcome)

        self.banner = QFrame()
        self.banner.setObjectName("demoBanner")
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(12, 6, 12, 6)
        banner_text = QLabel(
            self.tr("You are exploring demo data: nothing here is real, and nothing is posted.")
        )
        banner_text.setWordWrap(True)
        leave = QPushButton(self.tr("&Leave the demo and delete it"))
        leave.clicked.connect(self.leave_demo_requested)
        banner_layout.addWidget(banner_text, 1)
        banner_layout.addWidget(leave)
        self.banner.setStyleSheet(
            "#demoBanner { background: palette(highlight); border-radius: 4px; }"
            "#demoBanner QLabel { color: palette(highlighted-text); font-weight: 600; }"
        )
        self.banner.setVisible(demo)

        body = QWidget()
        body_layout = QHBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(0)
        body_layout.addWidget(self.nav)
        divider = QFrame()
        divider.setFrameShape(QFrame.Shape.VLine)
        divider.setFrameShadow(QFrame.Shadow.Plain)
        divider.setStyleSheet("color: palette(mid);")  # a hairline in light and dark alike
        body_layout.addWidget(divider)
        body_layout.addWidget(self.stack, 1)
        central = QWidget()
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.banner)
        central_layout.addWidget(body, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.sync_status = SyncStatus()
        self.statusBar().addPermanentWidget(self.sync_status)
        self.offline = QLabel(self.tr("Store unreachable — working offline on nothing new"))
        self.offline.hide()
        self.statusBar().addPermanentWidget(self.offline)
        self._reconnect = QTimer(self)
        self._reconnect.setInterval(RECONNECT_MS)
        self._reconnect.timeout.connect(self._try_store)
        self.statusBar().showMessage(self.tr("Works offline on what is already stored."))
        self.nav.setCurrentRow(0)  # its page is built by start(), or when asked for
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.nav.itemClicked.connect(self._nav_clicked)

    def section_label(self, key: str) -> str:
        """The name of a section in the list on the left."""
        return {
            "thank": self.tr("Thank"),
            "share": self.tr("Share"),
            "people": self.tr("People"),
            "accounts": self.tr("Accounts"),
            "settings": self.tr("Settings"),
        }[key]

    # -- menus ------------------------------------------------------------------------------

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Reciprocity"))
        self.checkin_action = QAction(self.tr("&Check in now"), self)
        self.checkin_action.setShortcut(QKeySequence("Ctrl+K"))
        self.checkin_action.triggered.connect(self.checkin_requested)
        self.sync_action = QAction(self.tr("&Sync now"), self)
        self.sync_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        self.sync_action.triggered.connect(self.sync_now)
        self.log_action = QAction(self.tr("&Log an interaction…"), self)
        self.log_action.setShortcut(QKeySequence("Ctrl+L"))
        self.log_action.setToolTip(self.tr("What no export holds, by hand (Ctrl+L)"))
        self.log_action.triggered.connect(self.open_quick_entry)
        self.addAction(self.log_action)  # the key works with the menu bar hidden too
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Quit))
        menu.addAction(self.checkin_action)
        menu.addAction(self.log_action)
        menu.addAction(self.sync_action)
        menu.addSeparator()
        self.about_action = QAction(self.tr("&About Reciprocity"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.open_about)
        menu.addAction(self.about_action)
        menu.addAction(self.quit_action)

    def open_about(self) -> QMessageBox:
        from desktop.ui.dialogs.about import show_about

        return show_about(self, self.data_dir)

    def open_quick_entry(self) -> QuickEntryDialog:
        """The Ctrl+L dialog, raised if it is open."""
        from desktop.ui.dialogs.quick_entry import QuickEntryDialog

        if self.quick_entry is not None and self.quick_entry.isVisible():
            self.quick_entry.raise_()
            self.quick_entry.activateWindow()
            return self.quick_entry
        dialog = QuickEntryDialog(self.services, self.tasks, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.logged.connect(self.show_message)
        dialog.logged.connect(lambda _text: self.refresh_all())
        dialog.destroyed.connect(lambda: setattr(self, "quick_entry", None))
        self.quick_entry = dialog
        dialog.show()
        return dialog

    # -- sections ---------------------------------------------------------------------------

    def show_section(self, key: str) -> None:
        for row in range(self.nav.count()):
            if self.nav.item(row).data(Qt.ItemDataRole.UserRole) == key:
                if self.nav.currentRow() == row:
                    self._nav_changed(row)  # the list had it, under the welcome: show it
                else:
                    self.nav.setCurrentRow(row)
                return

    def _nav_clicked(self, item) -> None:
        """A click on the section the list already had (under the welcome) shows it."""
        if self.stack.currentWidget() is self.welcome:
            self.show_section(item.data(Qt.ItemDataRole.UserRole))

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        key = self.nav.item(row).data(Qt.ItemDataRole.UserRole)
        self.stack.setCurrentWidget(self.pages[key])
        self.pages[key].refresh()

    def _section_key(self) -> str | None:
        item = self.nav.currentItem()
        return None if item is None else item.data(Qt.ItemDataRole.UserRole)

    def _build_page(self, key: str) -> Page:
        where = next(where for k, where, *_ in SECTIONS if k == key)
        page = page_class(where)(self.services, self.tasks)
        if key == "settings":  # the one page that keeps something outside the store
            settings = cast("SettingsPage", page)
            settings.language_home = self.data_dir
            settings.interface_language.setEnabled(self.data_dir is not None)
            settings.restart_requested.connect(self.restart_requested)
        page.changed.connect(self.refresh_all)
        page.changed.connect(lambda k=key: self.page_changed.emit(k))
        page.message.connect(self.show_message)
        page.unreachable.connect(self.store_unreachable)
        self.stack.addWidget(page)
        if self.stack.currentWidget() is self.placeholder and self._section_key() == key:
            self.stack.setCurrentWidget(page)  # the section the list shows has its page now
        return page

    def _connect_network(self, key: str) -> None:
        cast("AccountsPage", self.pages["accounts"]).connect_network(key)

    def show_welcome(self, visible: bool) -> None:
        if visible:
            # The row stays current (a list without one makes its first current as soon
            # as it has focus, which would hide the welcome): a click on it is heard by
            # _nav_clicked instead.
            self.nav.clearSelection()
            self.stack.setCurrentWidget(self.welcome)
        elif self.stack.currentWidget() is self.welcome:
            self.nav.setCurrentRow(0)

    def current_page(self) -> QWidget:
        page = self.stack.currentWidget()
        assert page is not None  # the stack always holds the placeholder at least
        return page

    # -- data -------------------------------------------------------------------------------

    def show_first_screen(self, screen: FirstScreen) -> None:
        """Before the first paint: the Thank page's first rows as they were kept, instead of
        "Loading…" (someone is waiting, so it is not the welcome either)."""
        if self._section_key() != "thank" or self.stack.currentWidget() is not self.placeholder:
            return
        page = cast("ThankPage", self.pages["thank"])
        page.show_first_screen(screen)
        self.stack.setCurrentWidget(page)

    def start(self) -> None:
        """After the window is shown: decide between welcome and Thank, load the data."""
        self.tasks.run(self.services.counts, self._first_counts, self._error)

    def _first_counts(self, counts: dict[str, int]) -> None:
        gc_policy.keep()  # the worker has imported and opened what the data needs by now
        self._watch_team()
        if counts["accounts"] == 0 and counts["people"] == 0 and not self.demo:
            self.show_welcome(True)
        else:
            self.refresh_all()

    def refresh_all(self) -> None:
        current = self.stack.currentWidget()
        if current is self.placeholder:
            key = self._section_key()
            if key is None:
                return
            current = self.pages[key]  # built now, and shown: the list has it selected
        if current is not self.welcome:
            assert isinstance(current, Page)  # the stack's other widgets are pages
            current.refresh()  # the visible page first; others refresh when shown

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    def _error(self, exc: Exception) -> None:
        from desktop.app.errors import store_unreachable

        if store_unreachable(exc):
            self.store_unreachable()
        else:
            self.show_message(tr_format(self.tr("Could not read the store: %1"), exc))
        key = self._section_key()
        if key is not None and self.stack.currentWidget() is self.placeholder:
            self.stack.setCurrentWidget(self.pages[key])  # empty, rather than "Loading…"

    # -- sync -------------------------------------------------------------------------------

    def sync_now(self) -> None:
        if self.syncing or self.demo:
            if self.demo:
                self.show_message(self.tr("The demo does not sync: connect an account first."))
            return
        self.syncing = True
        self.sync_action.setEnabled(False)
        self.sync_status.started()
        self._cancel.clear()
        cancelled, heard, wrote = self._cancel.is_set, self.sync_status.heard, self._page_written
        self.tasks.run(
            lambda: self.services.sync_all(cancelled=cancelled, counts=heard, progress=wrote),
            self._synced,
            self._sync_failed,
        )

    def _page_written(self, report, page) -> None:
        """On the sync's threads, after pages are committed: new inbound interactions are
        worth showing now (a new account's first page), not after its whole back-fill."""
        if report.new_interaction_ids and page.interactions:
            self._wrote_some.emit()

    def _show_partial_sync(self) -> None:
        """The Thank page (if it is what is shown) and the tray hear of what came, at once
        the first time, then at most every PARTIAL_REFRESH_MS while the sync goes on."""
        if not self.syncing:
            return  # the sync's end refreshes everything anyway
        if self._partial_timer.isActive():
            self._partial_due = True
            return
        self._partial_due = False
        self._partial_timer.start()
        page = self.pages.built().get("thank")
        if page is not None and self.stack.currentWidget() is page:
            page.refresh()
        self.partly_synced.emit()

    def _partial_timer_done(self) -> None:
        if self._partial_due:
            self._show_partial_sync()

    def _synced(self, reports) -> None:
        self.syncing = False
        self._partial_due = False
        self.sync_action.setEnabled(True)
        self.sync_status.finished(reports)
        self.refresh_all()
        self.sync_finished.emit(reports)

    def _sync_failed(self, exc: Exception) -> None:
        self.syncing = False
        self.sync_action.setEnabled(True)
        self.sync_status.failed(exc)
        self.show_message(tr_format(self.tr("Sync failed: %1"), exc))

    def cancel_work(self) -> None:
        """Ask running work to stop at its next safe point (a sync: between pages)."""
        self._cancel.set()
        self.stop_watching_team()

    def store_unreachable(self) -> None:
        """The shared store's server did not answer: say so until it does, and try again
        every few seconds (what is on the screen stays; nothing new comes)."""
        from desktop.ui.widgets.draft_editor import error_color  # not before the first paint

        self.offline.setStyleSheet(f"color: {error_color(self)}")
        self.offline.show()
        # Not beside the start-up's "works offline on what is already stored": the two
        # side by side read as a contradiction.
        self.statusBar().clearMessage()
        if not self._reconnect.isActive():
            self._reconnect.start()

    def _try_store(self) -> None:
        self.tasks.run(self.services.counts, self._store_back, lambda _exc: None)

    def _store_back(self, _counts) -> None:
        if self.offline.isHidden():
            return
        self._reconnect.stop()
        self.offline.hide()
        self.show_message(self.tr("The store is back."))
        self.refresh_all()

    def _watch_team(self) -> None:
        """A shared store (PostgreSQL): listen for the other members' changes. The store is
        open by now (the first counts were read from it on a worker)."""
        from desktop.app.team_changes import is_shared

        if self.team_watch is not None or not is_shared(self.services.store):
            return
        from desktop.ui.platform.team_watch import TeamWatch

        self.team_watch = TeamWatch(self.services.store, self.tasks, self)
        self.team_watch.changed.connect(self._team_changed)
        self.team_watch.lost.connect(self.store_unreachable)
        self.team_watch.listening.connect(self._try_store)
        self.team_watch.start()

    def _team_changed(self) -> None:
        self.refresh_all()
        self.team_changed.emit()

    def stop_watching_team(self) -> None:
        if self.team_watch is not None:
            self.team_watch.close()
            self.team_watch = None

    @staticmethod
    def dropped_zip(event) -> str:
        """The local .zip a drag carries ("" when it carries anything else)."""
        urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
        paths = [url.toLocalFile() for url in urls if url.isLocalFile()]
        return paths[0] if len(paths) == 1 and paths[0].lower().endswith(".zip") else ""

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if self.dropped_zip(event):
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dropEvent(self, event) -> None:  # noqa: N802
        path = self.dropped_zip(event)
        if not path:
            super().dropEvent(event)
            return
        event.acceptProposedAction()
        self.show_section("accounts")
        cast("AccountsPage", self.pages["accounts"]).import_archive(path)

    def closeEvent(self, event) -> None:  # noqa: N802
        if event.isAccepted():
            self.cancel_work()
            self.tasks.wait(5000)  # let running work finish before the store closes
        super().closeEvent(event)
