"""Thank: who is waiting for a thank-you, what they did, and the answer to give them."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QSortFilterProxyModel, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.pages.base import Page, heading, hint
from desktop.ui.pending_model import PendingModel, describe_counts


class PersonPanel(QWidget):
    """The selected person: who, what they did, on which posts, and the ways to answer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = heading("")
        self.handles = hint("")
        self.what = QLabel()
        self.what.setWordWrap(True)
        self.posts = QLabel()
        self.posts.setWordWrap(True)
        self.posts.setTextFormat(Qt.TextFormat.RichText)
        self.posts.setOpenExternalLinks(True)
        self.posts.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.write = QPushButton(self.tr("&Write thank-you"))
        self.write.setToolTip(self.tr("Prepare a personal thank-you for them (W)"))
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText(self.tr("Your thank-you…"))
        self.editor.setMaximumHeight(140)
        self.remaining = hint("")
        self.send = QPushButton(self.tr("Send"))
        self.send.setToolTip(self.tr("Post it as a reply, then mark them thanked (Ctrl+Return)"))
        self.draft_area = QWidget()
        draft_layout = QVBoxLayout(self.draft_area)
        draft_layout.setContentsMargins(0, 0, 0, 0)
        draft_layout.addWidget(self.editor)
        send_row = QHBoxLayout()
        send_row.addWidget(self.remaining, 1)
        send_row.addWidget(self.send)
        draft_layout.addLayout(send_row)
        self.draft_area.hide()
        self.thank = QPushButton(self.tr("Mark &thanked"))
        self.thank.setToolTip(self.tr("You thanked them already, here or elsewhere (T)"))
        self.dismiss = QPushButton(self.tr("&Let it be"))
        self.dismiss.setToolTip(self.tr("No thank-you needed this time (D)"))
        self.snooze = QPushButton(self.tr("&Snooze a week"))
        self.snooze.setToolTip(self.tr("Remind me in seven days (S)"))
        buttons = QHBoxLayout()
        for button in (self.write, self.thank, self.dismiss, self.snooze):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.name)
        layout.addWidget(self.handles)
        layout.addSpacing(6)
        layout.addWidget(self.what)
        layout.addWidget(self.posts)
        layout.addStretch(1)
        layout.addWidget(self.draft_area)
        layout.addLayout(buttons)
        self.show_entry(None)

    def show_entry(self, entry) -> None:
        enabled = entry is not None
        for button in (self.write, self.thank, self.dismiss, self.snooze):
            button.setEnabled(enabled)
        self.draft_area.hide()
        self.editor.clear()
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
        self.what.setText(f"{describe_counts(entry.counts)}. {thanked}")
        items = []
        for post in entry.posts[:5]:
            text = _escape(_short(post.text or post.url, 140))
            items.append(f'<li><a href="{_escape(post.url)}">{text}</a></li>')
        more = entry.post_count - len(items)
        tail = f"<p>{self.tr('and %n more posts', '', more)}</p>" if more > 0 else ""
        self.posts.setText(f"<ul>{''.join(items)}</ul>{tail}" if items else "")


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    )


def _short(text: str, limit: int) -> str:
    from desktop.domain.text import excerpt

    return excerpt(text, limit)


class ThankPage(Page):
    title = "Thank"

    def __init__(self, services, tasks, parent=None):
        super().__init__(services, tasks, parent)
        self.heading = heading(self.tr("Loading who to thank…"))
        self.subtitle = hint(
            self.tr("People who shared, quoted, mentioned or replied to you, most important first.")
        )
        self.model = PendingModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name or what they did  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)

        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(0, 160)
        header.setMinimumSectionSize(48)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.selectionModel().currentRowChanged.connect(self._selected)
        self.table.doubleClicked.connect(self._open_first_post)

        self.panel = PersonPanel()
        self.panel.setMinimumWidth(240)
        self.panel.setMaximumWidth(440)
        self.panel.thank.clicked.connect(lambda: self._acknowledge("thanked", how="offline"))
        self.panel.write.clicked.connect(self.write_draft)
        self.panel.send.clicked.connect(self.send_draft)
        self.panel.editor.textChanged.connect(self._update_remaining)
        self.draft = None
        self.panel.dismiss.clicked.connect(lambda: self._acknowledge("dismissed"))
        self.panel.snooze.clicked.connect(
            lambda: self._acknowledge("snoozed", until=date.today() + timedelta(days=7))
        )

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.table, 1)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(self.heading)
        layout.addWidget(self.subtitle)
        layout.addWidget(splitter, 1)

        for key, handler in (
            ("Ctrl+F", self.search.setFocus),
            ("T", self.panel.thank.click),
            ("W", self.panel.write.click),
            ("Ctrl+Return", self.panel.send.click),
            ("D", self.panel.dismiss.click),
            ("S", self.panel.snooze.click),
        ):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(handler)
            self.addAction(action)

    # -- data -------------------------------------------------------------------------------

    def refresh(self) -> None:
        self.run(self.services.pending, self._show)

    def _show(self, entries) -> None:
        current = self.current_person_id()
        self.model.set_entries(entries)
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

    def current_person_id(self) -> int | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return self.proxy.data(index, PendingModel.PersonIdRole)

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

    def _selected(self, current, _previous) -> None:
        if not current.isValid():
            self.panel.show_entry(None)
            return
        source = self.proxy.mapToSource(current)
        self.panel.show_entry(self.model.entry(source.row()))

    def _open_first_post(self, index) -> None:
        entry = self.model.entry(self.proxy.mapToSource(index).row())
        if entry.posts:
            QDesktopServices.openUrl(QUrl(entry.posts[0].url))

    def _acknowledge(self, action: str, **kw) -> None:
        person_id = self.current_person_id()
        if person_id is None:
            return
        row = self.table.currentIndex().row()

        def done(_result) -> None:
            self.message.emit(self.tr("Saved."))
            self.changed.emit()
            # Keep the cursor where it was: the next person moves up into this row.
            self.run(self.services.pending, lambda entries: self._after_ack(entries, row))

        self.run(lambda: self.services.acknowledge(person_id, action, **kw), done)

    def write_draft(self) -> None:
        person_id = self.current_person_id()
        if person_id is None:
            return
        self.panel.draft_area.show()
        self.panel.editor.setEnabled(False)
        self.panel.send.setEnabled(False)
        self.panel.remaining.setText(self.tr("Writing a draft…"))
        self.run(lambda: self.services.draft(person_id), self._drafted, self._no_draft)

    def _drafted(self, draft) -> None:
        if draft.person_id != self.current_person_id():
            return  # the selection moved on meanwhile
        self.draft = draft
        self.panel.editor.setEnabled(True)
        self.panel.editor.setPlainText(draft.text)
        self.panel.editor.setFocus()

    def _no_draft(self, exc: Exception) -> None:
        self.draft = None
        self.panel.editor.setEnabled(True)
        self.panel.remaining.setText(self.tr("No draft: %1").replace("%1", str(exc)))

    def _update_remaining(self) -> None:
        if self.draft is None:
            return
        check = self.services.check_length(self.draft, self.panel.editor.toPlainText())
        self.panel.send.setEnabled(check.ok)
        if check.limit is None:
            self.panel.remaining.setText("")
        elif check.ok:
            self.panel.remaining.setText(self.tr("%n left", "", check.remaining))
        else:
            self.panel.remaining.setText(check.reason)

    def send_draft(self) -> None:
        person_id = self.current_person_id()
        if self.draft is None or person_id != self.draft.person_id:
            return
        if not self.panel.send.isEnabled():
            return
        text = self.panel.editor.toPlainText()
        row = self.table.currentIndex().row()
        self.panel.send.setEnabled(False)
        self.panel.remaining.setText(self.tr("Sending…"))

        def sent(result) -> None:
            if result.copied:
                QGuiApplication.clipboard().setText(result.text)
                if result.url:
                    QDesktopServices.openUrl(QUrl(result.url))
                self.message.emit(self.tr("Copied; paste it where you talk with them."))
            else:
                self.message.emit(self.tr("Sent."))
            self.draft = None
            self.changed.emit()
            self.run(self.services.pending, lambda entries: self._after_ack(entries, row))

        def failed(exc: Exception) -> None:
            self.panel.send.setEnabled(True)  # the draft stays as the user left it
            self.panel.remaining.setText(self.tr("Not sent: %1").replace("%1", str(exc)))

        self.run(lambda: self.services.send_thanks(person_id, text=text), sent, failed)

    def _after_ack(self, entries, row: int) -> None:
        self._show(entries)
        if self.proxy.rowCount():
            self.table.selectRow(min(row, self.proxy.rowCount() - 1))
