"""Accounts: where Reciprocity reads from, how each account did on its last sync, and the
ways to add, sign in again, remove and sync.

Everything that touches the store, the keyring or a network runs on a worker (Services via
the TaskRunner); the dialogs live in desktop/ui/dialogs/sign_in/. "Sync now" uses the main
window's sync when the page sits in one, so two syncs never run at once.

Seams for tests: `confirm(title, text) -> bool` asks before removing, `warn(title, text)`
shows a failure, `choose_file() -> str` picks an OPML file, and `dialog_opened(dialog)` is
called with every dialog the page opens.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.vocabulary import is_archive
from desktop.ui.dialogs.archive import ArchiveDialog, choose_archive
from desktop.ui.dialogs.sign_in import (
    BlueskyDialog,
    FeedsDialog,
    MastodonDialog,
    SignInDialog,
    YouTubeDialog,
    choose_opml,
    opml_summary,
    user_message,
)
from desktop.ui.format import tr_format
from desktop.ui.models.accounts import (
    SIGN_IN_NETWORKS,
    AccountsModel,
    account_label,
)
from desktop.ui.pages.accounts.details import AccountDetails
from desktop.ui.pages.base import Page, heading, hint, list_table
from desktop.ui.widgets.button_rows import split_rows


class AccountsPage(Page):
    title = "Accounts"

    def __init__(self, services, tasks, parent=None):
        super().__init__(services, tasks, parent)
        self.confirm: Callable[[str, str], bool] = self._confirm
        self.warn: Callable[[str, str], None] = self._warn
        self.choose_file: Callable[[], str] = lambda: choose_opml(self)
        self.dialog_opened: Callable[[SignInDialog], None] = lambda dialog: None
        self.dialog: SignInDialog | None = None
        self.archive_dialog: ArchiveDialog | None = None
        self.loaded = False
        self._syncing_here = False
        self._build_table()
        adds = self._build_add_buttons()
        self._build_empty()
        self._build_selection()
        self._build_layout(adds)
        self._connect()
        self._shortcuts()
        self.selection.hide()  # until the accounts are read
        self._update_actions()

    # -- building ---------------------------------------------------------------------------

    def _build_table(self) -> None:
        self.model = AccountsModel(self)
        self.table = list_table(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        for column, mode in (
            (AccountsModel.NETWORK, QHeaderView.ResizeMode.ResizeToContents),
            (AccountsModel.ACCOUNT, QHeaderView.ResizeMode.Interactive),
            (AccountsModel.STATE, QHeaderView.ResizeMode.ResizeToContents),
            (AccountsModel.LAST_SYNC, QHeaderView.ResizeMode.ResizeToContents),
            (AccountsModel.LAST_ERROR, QHeaderView.ResizeMode.Stretch),
        ):
            header.setSectionResizeMode(column, mode)
        header.resizeSection(AccountsModel.ACCOUNT, 220)

    def _build_add_buttons(self) -> QHBoxLayout:
        self.add_mastodon_button = QPushButton(self.tr("Add &Mastodon…"))
        self.add_bluesky_button = QPushButton(self.tr("Add &Bluesky…"))
        self.add_youtube_button = QPushButton(self.tr("Add &YouTube…"))
        self.add_youtube_button.setToolTip(
            self.tr("Your channel: the comments on its videos count as replies")
        )
        self.add_feeds_button = QPushButton(self.tr("Add &feeds…"))
        self.archive_button = QPushButton(self.tr("Import an ar&chive…"))
        self.archive_button.setToolTip(
            self.tr("A data export from X, LinkedIn, Instagram or Facebook (a .zip)")
        )
        self.import_button = QPushButton(self.tr("Import &OPML…"))
        self.import_button.setToolTip(self.tr("Every feed of a list exported by a feed reader"))
        self.sync_button = QPushButton(self.tr("&Sync now"))
        self.sync_button.setToolTip(self.tr("Fetch what is new from every account (F5)"))
        return split_rows(
            [
                self.add_mastodon_button,
                self.add_bluesky_button,
                self.add_youtube_button,
                self.add_feeds_button,
                self.import_button,
                self.archive_button,
            ],
            [self.sync_button],
        )

    def _build_selection(self) -> None:
        """The selected account, and what can be done with it."""
        self.details = AccountDetails()
        self.sign_in_button = QPushButton(self.tr("Sign in &again…"))
        self.sign_in_button.setToolTip(self.tr("Renew the sign-in of the selected account"))
        self.remove_button = QPushButton(self.tr("Remo&ve…"))
        self.remove_button.setToolTip(
            self.tr("Stop syncing the selected account; its history stays (Delete)")
        )
        actions = QHBoxLayout()
        actions.setSpacing(6)
        self.purge_button = QPushButton(self.tr("Remove &with what it brought…"))
        self.purge_button.setToolTip(
            self.tr("Take out this import and everything that came only from it")
        )
        self.purge_button.hide()  # imported archives only
        actions.addWidget(self.sign_in_button)
        actions.addWidget(self.remove_button)
        actions.addWidget(self.purge_button)
        actions.addStretch(1)
        self.selection = QWidget()
        selection_layout = QVBoxLayout(self.selection)
        selection_layout.setContentsMargins(0, 0, 0, 0)
        selection_layout.addWidget(self.details)
        selection_layout.addLayout(actions)

    def _build_layout(self, adds: QHBoxLayout) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(heading(self.tr("Accounts")))
        layout.addWidget(
            hint(
                self.tr(
                    "Where Reciprocity looks for who amplified you and what to share. Tokens "
                    "stay in your keyring; removing an account keeps its history."
                )
            )
        )
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        layout.addLayout(adds)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.selection)

    def _build_empty(self) -> None:
        """What the page says before any account is added."""
        self.empty = QWidget()
        empty_layout = QVBoxLayout(self.empty)
        empty_layout.setContentsMargins(40, 48, 40, 0)
        empty_layout.setSpacing(8)
        empty_title = heading(self.tr("No accounts yet"))
        empty_text = hint(
            self.tr(
                "Add Mastodon or Bluesky to see who boosts, quotes, mentions and replies to "
                "you; add the feeds of blogs, newspapers and YouTube channels to find what to "
                "share. Nothing is ever posted without your click."
            )
        )
        for widget in (empty_title, empty_text):
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            empty_layout.addWidget(widget)
        empty_layout.addStretch(1)

    def _connect(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        # Enter or a double click: sign in again (for accounts that sign in).
        self.table.activated.connect(lambda _index: self.sign_in_again())
        self.add_mastodon_button.clicked.connect(lambda: self.add_mastodon())
        self.add_bluesky_button.clicked.connect(lambda: self.add_bluesky())
        self.add_youtube_button.clicked.connect(lambda: self.add_youtube())
        self.add_feeds_button.clicked.connect(lambda: self.add_feeds())
        self.import_button.clicked.connect(lambda: self.import_opml())
        self.archive_button.clicked.connect(lambda: self.import_archive())
        self.sync_button.clicked.connect(lambda: self.sync_now())
        self.sign_in_button.clicked.connect(lambda: self.sign_in_again())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.purge_button.clicked.connect(lambda: self.purge_selected())

    def _shortcuts(self) -> None:
        remove = QAction(self)
        remove.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        remove.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        remove.triggered.connect(lambda: self.remove_selected())
        self.table.addAction(remove)

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self._update_sync_button()
        self.run(self.services.accounts, self._show)

    def _show(self, views) -> None:
        current = self.current_account()
        self.model.set_accounts(views)
        self.loaded = True
        self.table.resizeColumnToContents(AccountsModel.ACCOUNT)
        header = self.table.horizontalHeader()
        header.resizeSection(
            AccountsModel.ACCOUNT, min(max(header.sectionSize(AccountsModel.ACCOUNT), 140), 260)
        )
        row = self.model.row_of(current.id if current else None)
        empty = self.model.rowCount() == 0
        self.body.setCurrentWidget(self.empty if empty else self.table)
        self.selection.setVisible(not empty)
        self.sync_button.setEnabled(not empty and not self._syncing_here)
        if not empty:
            self.table.selectRow(max(row, 0))
        self._update_actions()

    def current_account(self):
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= self.model.rowCount():
            return None
        return self.model.account(index.row())

    def _selected(self, _current, _previous) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        view = self.current_account()
        self.details.show_account(view, self.model.now(), me=self.services.member)
        archive = view is not None and is_archive(view.network, view.server_url)
        signs_in = view is not None and view.network in SIGN_IN_NETWORKS and not archive
        self.sign_in_button.setEnabled(signs_in)
        self.sign_in_button.setDefault(view is not None and view.state == "needs_signin")
        self.remove_button.setEnabled(view is not None)
        self.purge_button.setVisible(archive)
        self.purge_button.setEnabled(archive)
        if archive:
            assert view is not None  # archive is only true for a view
            account_id = view.id

            def shown(source) -> None:
                current = self.current_account()
                if current is not None and current.id == account_id:
                    self.details.show_archive(source)

            self.run(lambda: self.services.archive_source(account_id), shown, lambda _e: None)

    # -- dialogs ----------------------------------------------------------------------------

    def connect_network(self, key: str) -> None:
        """Open the dialog for "mastodon", "bluesky" or "feeds" (the welcome view's choices)."""
        dialogs: dict[str, Callable[[], object]] = {
            "mastodon": self.add_mastodon,
            "bluesky": self.add_bluesky,
            "youtube": self.add_youtube,
            "feeds": self.add_feeds,
        }
        dialogs[key]()

    def add_mastodon(self, instance: str = "") -> MastodonDialog:
        return self._open(MastodonDialog(self.services, self.tasks, self, instance=instance))

    def add_youtube(self) -> YouTubeDialog:
        return self._open(YouTubeDialog(self.services, self.tasks, self))

    def add_bluesky(self, handle: str = "", service: str = "") -> BlueskyDialog:
        return self._open(
            BlueskyDialog(self.services, self.tasks, self, handle=handle, service=service)
        )

    def add_feeds(self) -> FeedsDialog:
        return self._open(FeedsDialog(self.services, self.tasks, self))

    def sign_in_again(self):
        """Reopen the sign-in of the selected account, with what is known filled in."""
        view = self.current_account()
        if view is None or view.network not in SIGN_IN_NETWORKS:
            return None
        if is_archive(view.network, view.server_url):
            return None
        if view.network == "mastodon":
            return self.add_mastodon(view.server_url)
        if view.network == "youtube":
            dialog = self.add_youtube()
            dialog.channel.setText(view.handle)
            dialog.key.setFocus()
            return dialog
        return self.add_bluesky(view.handle, view.server_url)

    def _open(self, dialog: SignInDialog):
        old = self.dialog
        if old is not None and old.isVisible():
            old.reject()
        if old is not None and not old.busy:
            old.deleteLater()  # a busy one is kept until its worker reports back
        self.dialog = dialog
        dialog.finished_with.connect(self._store_changed)
        self.dialog_opened(dialog)
        dialog.open()
        return dialog

    def _store_changed(self, text: str) -> None:
        self.message.emit(text)
        self.changed.emit()
        self.refresh()

    # -- OPML -------------------------------------------------------------------------------

    def import_opml(self) -> None:
        path = self.choose_file()
        if not path:
            return
        name = Path(path).name
        self.import_button.setEnabled(False)

        def done(result) -> None:
            self.import_button.setEnabled(True)
            self._store_changed(opml_summary(result, name))

        def failed(exc: Exception) -> None:
            self.import_button.setEnabled(True)
            self.message.emit(user_message(exc))
            self.warn(self.tr("Import OPML"), user_message(exc))

        self.message.emit(tr_format(self.tr("Importing %1…"), name))
        self.run(lambda: self.services.import_opml(path), done, failed)

    # -- archives ---------------------------------------------------------------------------

    def import_archive(self, path: str = "") -> ArchiveDialog | None:
        """Preview an export zip (chosen now, or dropped on the window), then import it."""
        path = path or choose_archive(self)
        if not path:
            return None
        dialog = ArchiveDialog(self.services, self.tasks, path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished_with.connect(self._store_changed)
        self.archive_dialog = dialog
        dialog.open()
        return dialog

    # -- removing ---------------------------------------------------------------------------

    def _confirm(self, title: str, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=self)
        remove = box.addButton(self.tr("&Remove"), QMessageBox.ButtonRole.DestructiveRole)
        keep = box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        return box.clickedButton() is remove

    def _warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self, title, text)

    def remove_selected(self) -> None:
        view = self.current_account()
        if view is None:
            return
        who = account_label(view)
        if view.network in SIGN_IN_NETWORKS:
            text = tr_format(
                self.tr(
                    "Stop syncing %1? Its history stays in the ledger; the token is deleted from "
                    "your keyring."
                ),
                who,
            )
        elif view.network == "feed":
            text = tr_format(
                self.tr(
                    "Stop reading your feeds (%1)? What they brought stays; adding a feed again "
                    "brings the list back."
                ),
                who,
            )
        else:
            text = tr_format(self.tr("Remove %1? Its history stays in the ledger."), who)
        if not self.confirm(tr_format(self.tr("Remove %1"), who), text):
            return
        self.remove_button.setEnabled(False)

        def done(_removed) -> None:
            self._store_changed(
                tr_format(self.tr("Removed %1; its history stays in the ledger."), who)
            )

        def failed(exc: Exception) -> None:
            self._update_actions()
            self.message.emit(user_message(exc))
            self.warn(tr_format(self.tr("Remove %1"), who), user_message(exc))

        self.run(lambda: self.services.remove_account(view.id), done, failed)

    def purge_selected(self) -> None:
        """Remove an imported archive with all it brought, after saying how much that is."""
        view = self.current_account()
        if view is None or not is_archive(view.network, view.server_url):
            return
        account_id, who = view.id, account_label(view)
        title = tr_format(self.tr("Remove %1"), who)

        def ask(source) -> None:
            text = tr_format(
                self.tr(
                    "Take out %1 and the %2 interactions it brought? People who came only "
                    "from it go too; anyone you thanked or wrote notes about stays."
                ),
                who,
                source.interactions,
            )
            if not self.confirm(title, text):
                return
            self.purge_button.setEnabled(False)
            self.run(lambda: self.services.remove_archive(account_id), done, failed)

        def done(removed) -> None:
            said = self.tr("Took out %1: %2 interactions, %3 people who came only from it.")
            self._store_changed(tr_format(said, who, removed.interactions, removed.people))

        def failed(exc: Exception) -> None:
            self._update_actions()
            self.message.emit(user_message(exc))
            self.warn(title, user_message(exc))

        self.run(lambda: self.services.archive_source(account_id), ask, failed)

    # -- sync -------------------------------------------------------------------------------

    def _main_window(self):
        window = self.window()
        return window if window is not self and hasattr(window, "sync_now") else None

    def sync_now(self) -> None:
        """The window's sync (one at a time, status in its status bar); alone, our own."""
        window = self._main_window()
        if window is not None:
            window.sync_now()  # it ignores the click while a sync runs
            return
        if self._syncing_here:
            return
        self._syncing_here = True
        self._update_sync_button()
        self.message.emit(self.tr("Syncing…"))
        self.run(self.services.sync_all, self._synced_here, self._sync_failed_here)

    def _synced_here(self, reports) -> None:
        self._syncing_here = False
        failed = [r for r in reports if not r.ok]
        self.message.emit(
            tr_format(self.tr("Sync: problems with %1"), ", ".join(r.label for r in failed))
            if failed
            else self.tr("Synced.")
        )
        self.refresh()

    def _sync_failed_here(self, exc: Exception) -> None:
        self._syncing_here = False
        self.message.emit(tr_format(self.tr("Sync failed: %1"), user_message(exc)))
        self.refresh()

    def _update_sync_button(self) -> None:
        busy = self._syncing_here
        self.sync_button.setEnabled(not busy)
        self.sync_button.setText(self.tr("Syncing…") if busy else self.tr("&Sync now"))
