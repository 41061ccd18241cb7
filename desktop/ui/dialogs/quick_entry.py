"""Ctrl+L: log by hand what no export holds ("Ana commented on my LinkedIn post").

Built for the keyboard: type a name (known people complete) or paste a profile URL (its
network is chosen for you), Tab through kind, network, direction, post URL and time, Enter
saves; the dialog stays open, cleared, for the next one. Esc closes.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.dialogs.sign_in import user_message
from desktop.ui.format import network_name, tr_format
from desktop.ui.pages.base import hint

NETWORKS = ("linkedin", "instagram", "facebook", "x", "youtube", "mastodon", "bluesky")
KINDS = ("reply", "share", "quote", "mention", "like", "follow")


class QuickEntryDialog(QDialog):
    logged = Signal(str)  # what was saved, for the status bar

    def __init__(self, services, tasks, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services, self.tasks = services, tasks
        self.busy = False
        self.saved = 0
        self.setWindowTitle(self.tr("Log an interaction"))
        self.setMinimumWidth(460)
        self.person = QLineEdit()
        self.person.setPlaceholderText(self.tr("A name, or their profile URL"))
        self.names = QStringListModel(self)
        completer = QCompleter(self.names, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.person.setCompleter(completer)
        self.kind = QComboBox()
        kind_names = {
            "reply": self.tr("Commented or replied"),
            "share": self.tr("Shared or reposted"),
            "quote": self.tr("Quoted"),
            "mention": self.tr("Mentioned"),
            "like": self.tr("Liked or reacted"),
            "follow": self.tr("Followed or connected"),
        }
        for kind in KINDS:
            self.kind.addItem(kind_names[kind], kind)
        self.network = QComboBox()
        for network in NETWORKS:
            self.network.addItem(network_name(network), network)
        self.direction = QComboBox()
        self.direction.addItem(self.tr("They did it for me"), "inbound")
        self.direction.addItem(self.tr("I did it for them"), "outbound")
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("The post concerned (optional)"))
        self.when = QDateTimeEdit(QDateTime.currentDateTime())
        self.when.setCalendarPopup(True)
        self.status = hint("")
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setDefault(True)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self._label(self.tr("&Who"), self.person), self.person)
        form.addRow(self._label(self.tr("&What"), self.kind), self.kind)
        form.addRow(self._label(self.tr("&On"), self.network), self.network)
        form.addRow(self._label(self.tr("&Direction"), self.direction), self.direction)
        form.addRow(self._label(self.tr("&Post"), self.url), self.url)
        form.addRow(self._label(self.tr("Whe&n"), self.when), self.when)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.person.textEdited.connect(self._network_from_url)
        self.tasks.run(self._known_names, self.names.setStringList, lambda _exc: None)

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _known_names(self) -> list[str]:
        return sorted({p.name for p in self.services.people(limit=5000)}, key=str.casefold)

    def _network_from_url(self, text: str) -> None:
        """A pasted profile URL says its network: the combo follows."""
        from desktop.core.profiles import profile_of

        profile = profile_of(text)
        if profile is not None:
            index = self.network.findData(str(profile.network))
            if index >= 0:
                self.network.setCurrentIndex(index)

    def save(self) -> None:
        person = self.person.text().strip()
        if self.busy:
            return
        if not person:
            self.status.setText(self.tr("Say who: a name or a profile URL."))
            self.person.setFocus()
            return
        self.busy = True
        kind, network = self.kind.currentData(), self.network.currentData()
        direction, url = self.direction.currentData(), self.url.text().strip()
        moment = self.when.dateTime().toPython()
        assert isinstance(moment, datetime)  # a QDateTime always converts to one
        when = moment.astimezone()

        def work():
            return self.services.log_interaction(
                person, kind=kind, network=network, url=url, direction=direction, when=when
            )

        def done(result) -> None:
            self.busy = False
            self.saved += 1
            _person_id, created = result
            said = (
                self.tr("Saved: %1, %2 on %3 (a new person).")
                if created
                else self.tr("Saved: %1, %2 on %3.")
            )
            text = tr_format(said, person, self.kind.currentText(), self.network.currentText())
            self.status.setText(text)
            self.logged.emit(text)
            self.person.clear()
            self.url.clear()
            self.when.setDateTime(QDateTime.currentDateTime())
            self.person.setFocus()

        def failed(exc: Exception) -> None:
            self.busy = False
            self.status.setText(user_message(exc))

        self.tasks.run(work, done, failed)
