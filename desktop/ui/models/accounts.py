"""Item model over my accounts: network, who, state, last sync, last error.

Rows are plain AccountView objects read on a worker; this model only formats them. Times
are relative to an injectable clock (`now`), so tests need no real waiting.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QApplication, QStyle

from desktop.core.i18n import PLURAL, tx
from desktop.core.vocabulary import is_archive
from desktop.ui.format import local_datetime, local_day, source_name, time_ago, tr_format

if TYPE_CHECKING:  # types only: the rows come from Services, read on workers
    from desktop.queries.accounts import AccountView


Index = QModelIndex | QPersistentModelIndex

SIGN_IN_NETWORKS = ("mastodon", "bluesky", "youtube")  # the ones with a secret to renew


def account_label(view: AccountView) -> str:
    if view.network == "feed":
        feeds = view.feeds  # lupdate reads a plural's count only as a plain name
        if feeds == 1:
            return tx("AccountsModel", "1 feed")
        return tx("AccountsModel", "%n feeds", None, PLURAL, feeds)
    if view.network == "blog":
        return view.display_name or view.handle
    return view.handle


def state_label(view: AccountView, now: datetime | None = None) -> str:
    if view.state == "ok":
        return tx("AccountsModel", "OK")
    if view.state == "needs_signin":
        return tx("AccountsModel", "Needs sign-in")
    if view.state == "rate_limited":
        if view.retry_at is None:
            return tx("AccountsModel", "Rate limited")
        local = view.retry_at.astimezone()
        today = (now or datetime.now(UTC)).astimezone(local.tzinfo).date()
        same_day = local.date() == today
        when = f"{local:%H:%M}" if same_day else f"{local_day(local)} {local:%H:%M}"
        return tr_format(tx("AccountsModel", "Rate limited until %1"), when)
    if view.state == "error":
        return tx("AccountsModel", "Error")
    return view.state


class AccountsModel(QAbstractTableModel):
    NETWORK, ACCOUNT, STATE, LAST_SYNC, LAST_ERROR = range(5)
    AccountIdRole = Qt.ItemDataRole.UserRole + 1
    StateRole = Qt.ItemDataRole.UserRole + 2

    def __init__(self, parent=None, *, now: Callable[[], datetime] | None = None) -> None:
        super().__init__(parent)
        self.now = now or (lambda: datetime.now(UTC))
        self._rows: list[AccountView] = []
        self._headers = (
            self.tr("Network"),
            self.tr("Account"),
            self.tr("State"),
            self.tr("Last sync"),
            self.tr("Last error"),
        )

    # -- data in --------------------------------------------------------------------------

    def set_accounts(self, rows: list[AccountView]) -> None:
        self.beginResetModel()
        # Manual entries are a bucket for what was logged by hand, not an account to manage.
        self._rows = [r for r in rows if r.network != "manual" and r.state != "removed"]
        self.endResetModel()

    def account(self, row: int) -> AccountView:
        return self._rows[row]

    def row_of(self, account_id: int | None) -> int:
        for row, view in enumerate(self._rows):
            if view.id == account_id:
                return row
        return -1

    # -- the model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        view = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(view, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(view, column)
        if role == Qt.ItemDataRole.DecorationRole and column == self.STATE:
            return self._state_icon(view.state)
        if role == self.AccountIdRole:
            return view.id
        if role == self.StateRole:
            return view.state
        return None

    def _display(self, view: AccountView, column: int) -> str | None:
        if column == self.NETWORK:
            return source_name(view.network)
        if column == self.ACCOUNT:
            return account_label(view)
        if column == self.STATE:
            return state_label(view, self.now())
        if column == self.LAST_SYNC:
            if is_archive(view.network, view.server_url):  # an export: it never syncs
                return self.tr("Imported")
            return time_ago(view.last_sync_at, self.now())
        if column == self.LAST_ERROR:
            # One line in the table; the whole text is in the tooltip and the details.
            return " ".join((view.last_error or "").split())
        return None

    def _tooltip(self, view: AccountView, column: int) -> str | None:
        if column == self.LAST_ERROR:
            return view.last_error or None
        if column == self.ACCOUNT:
            lines = [view.display_name] if view.display_name else []
            if view.server_url:
                lines.append(view.server_url)
            if view.network == "blog":
                lines.append(view.handle)
            return "\n".join(lines) or None
        if column == self.LAST_SYNC and view.last_sync_at is not None:
            return local_datetime(view.last_sync_at)
        if column == self.STATE and view.state == "needs_signin":
            return self.tr("Select it and choose Sign in again")
        return None

    @staticmethod
    def _state_icon(state: str):
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return None
        pixmap = {
            "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
            "needs_signin": QStyle.StandardPixmap.SP_MessageBoxWarning,
            "rate_limited": QStyle.StandardPixmap.SP_MessageBoxInformation,
            "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
        }.get(state)
        return app.style().standardIcon(pixmap) if pixmap is not None else None
