"""The selected account in words, under the Accounts list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from desktop.ui.format import local_date, local_datetime, sentence, source_name, time_ago, tr_format
from desktop.ui.models.accounts import SIGN_IN_NETWORKS, account_label, state_label


class AccountDetails(QWidget):
    """The selected account in words: what it is, how its last sync went, its last error."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addWidget(self.error)

    def show_account(self, view, now, me: str = "") -> None:
        if view is None:
            self.title.setText(self.tr("No account selected"))
            self.status.setText(self.tr("Pick an account to see how its last sync went."))
            self.error.hide()
            return
        who = account_label(view)
        self.title.setText(tr_format(self.tr("%1 on %2"), who, source_name(view.network)))
        synced = (
            tr_format(
                self.tr("Last synced %1 (%2)."),
                local_datetime(view.last_sync_at),
                time_ago(view.last_sync_at, now),
            )
            if view.last_sync_at
            else self.tr("Not synced yet.")
        )
        what = {
            "ok": self.tr("Working."),
            "needs_signin": self.tr(
                "The server no longer accepts the saved sign-in: choose Sign in again."
            ),
            "rate_limited": tr_format(
                self.tr("The server asked Reciprocity to wait: %1."), state_label(view).lower()
            ),
            "error": self.tr("The last sync failed; the next one tries again."),
        }.get(view.state, "")
        where = view.server_url if view.network in SIGN_IN_NETWORKS else ""
        elsewhere = ""
        if view.connected_by and view.connected_by != me:  # a shared store's account
            elsewhere = tr_format(
                self.tr("Connected on %1's computer: its token is kept there."),
                view.connected_by,
            )
        parts = (where and f"{where} ·", elsewhere, what, synced)
        self.status.setText(" ".join(p for p in parts if p))
        if view.last_error:
            self.error.setText(tr_format(self.tr("Last error: %1"), sentence(view.last_error)))
            self.error.show()
        else:
            self.error.hide()

    def show_archive(self, source) -> None:
        """An imported export: what it brought, and from when to when."""
        if source.first_at and source.last_at:
            said = self.tr("Imported: %1 interactions with %2 people, from %3 to %4.")
            text = tr_format(
                said,
                source.interactions,
                source.people,
                local_date(source.first_at),
                local_date(source.last_at),
            )
        else:
            text = self.tr("Imported: nothing left from this export.")
        self.status.setText(text)
