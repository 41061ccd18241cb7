"""The People view's flow: answer one person (mark, dismiss, snooze, or write and send a
thank-you in the panel's DraftEditor)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from desktop.ui.format import tr_format
from desktop.ui.pages.base import PageFlow

if TYPE_CHECKING:
    from PySide6.QtCore import QSortFilterProxyModel
    from PySide6.QtWidgets import QTableView

    from desktop.queries.drafts import Draft
    from desktop.ui.pages.thank.page import Loaded
    from desktop.ui.pages.thank.person_panel import PersonPanel

    class _ThankPageMethods:
        """ThankPage's own methods (declarations only). Not under ``if TYPE_CHECKING:`` in the
        flow's class: a ``def`` there makes lupdate lose the class of every later ``self.tr``
        in the file (their context would be "")."""

        def _load(self) -> Loaded: ...
        def _show(self, loaded: Loaded) -> None: ...
        def current_person_id(self) -> int | None: ...

else:
    _ThankPageMethods = object


class PersonThanks(PageFlow, _ThankPageMethods):
    """Mixed into ThankPage: its person panel, people table and draft."""

    # What it uses of ThankPage beyond any Page's (declarations only).
    panel: PersonPanel
    table: QTableView
    proxy: QSortFilterProxyModel
    draft: Draft | None  # the one-person draft in the panel's editor

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

    def _thank_offline(self) -> None:
        self._acknowledge("thanked", how="offline")

    def _snooze(self) -> None:
        self._acknowledge("snoozed", until=date.today() + timedelta(days=7))

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
        self.panel.posts_here(self.services.posts_on(draft.network))
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
