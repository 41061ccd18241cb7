"""Settings: the check-in, notifications, sync, thank-you habits and templates.

Loaded and saved on a worker through Services; nothing is written until Save (Ctrl+S), and
nothing at all when a value is invalid (the messages say which and why).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core import sync_limits
from desktop.platform import autostart
from desktop.platform import language as interface_language
from desktop.ui import translations
from desktop.ui.format import tr_format
from desktop.ui.pages.base import Page, heading, hint
from desktop.ui.pages.settings.fields import (
    TIME_FORMAT,
    group_form,
    in_row,
    int_or,
    interest_words,
    offer_restart,
    spin,
    time_edit,
    time_or,
)
from desktop.ui.pages.settings.store_box import StoreBox
from desktop.ui.pages.settings.templates import TemplatesBox
from desktop.ui.widgets.draft_editor import error_color
from desktop.ui.widgets.tables import scroll_area

MIN_SYNC_MINUTES = 5
WIDE = 960  # from this page width, the templates sit beside the other settings
LANGUAGES = {"en": "English", "es": "Español"}  # each in its own words: never translated


class SettingsPage(Page):
    title = "Settings"
    # The interface language was changed and the user agreed to restart to speak it.
    restart_requested = Signal()

    def __init__(self, services, tasks, parent=None):
        super().__init__(services, tasks, parent)
        # Where the interface language is kept (the data dir; the window sets it): None,
        # nowhere, and the choice is not offered.
        self.language_home: Path | None = None
        self.loaded = False
        self.dirty = False
        self._loading = False
        self._settings: dict = {}
        self._form_labels: list[QLabel] = []
        self._autostart = False  # what the autostart file said when loaded or saved
        self._chosen = interface_language.SYSTEM  # the interface language, as kept
        groups = (
            self._build_interface(),
            self._build_checkin(),
            self._build_notifications(),
            self._build_sync(),
            self._build_startup(),
            self._build_habits(),
            self._build_store(),
        )
        self.templates = TemplatesBox(self.services.template_situations())
        self.template_language = self.templates.language
        self.situation = self.templates.situation
        self.template_editor = self.templates.editor
        self.template_status = self.templates.status
        self.restore = self.templates.restore
        self._build_layout(groups)
        self._connect()
        self._shortcuts()
        self.setEnabled(False)  # until loaded: nothing to edit yet

    # -- building ---------------------------------------------------------------------------

    def _build_interface(self) -> QGroupBox:
        self.interface_language = QComboBox()
        system = LANGUAGES[interface_language.system_language()]
        self.interface_language.addItem(
            tr_format(self.tr("System (%1)"), system), interface_language.SYSTEM
        )
        for code, name in LANGUAGES.items():
            self.interface_language.addItem(name, code)
        self.interface_language.setToolTip(
            self.tr(
                "The language of every window, message and the command line; kept on this "
                "computer, with your data dir"
            )
        )
        self.interface_language.setEnabled(False)  # until the window says where to keep it
        box = QGroupBox(self.tr("Language"))
        form = group_form(box)
        form.addRow(self._label(self.tr("Interface")), in_row(self.interface_language))
        return box

    def _build_checkin(self) -> QGroupBox:
        self.checkin_time = time_edit()
        self.checkin_time.setToolTip(self.tr("The check-in opens at this time when the app runs"))
        self.checkin_people = spin(1, 20, self.tr(" people"))
        self.checkin_shares = spin(0, 10, self.tr(" links"))
        checkin = QGroupBox(self.tr("Daily check-in"))
        form = group_form(checkin)
        form.addRow(self._label(self.tr("Check in at")), in_row(self.checkin_time))
        form.addRow(self._label(self.tr("Thank up to")), in_row(self.checkin_people))
        form.addRow(self._label(self.tr("Share up to")), in_row(self.checkin_shares))
        return checkin

    def _build_notifications(self) -> QGroupBox:
        self.notifications = QCheckBox(self.tr("Tell me when someone amplifies my posts"))
        self.quiet_from = time_edit()
        self.quiet_to = time_edit()
        self.quiet_from.setToolTip(self.tr("No notifications from this time…"))
        self.quiet_to.setToolTip(self.tr("…until this time (the next morning if earlier)"))
        notifications = QGroupBox(self.tr("Notifications"))
        form = group_form(notifications)
        form.addRow(self.notifications)
        form.addRow(
            self._label(self.tr("Quiet hours")),
            in_row(self.quiet_from, QLabel(self.tr("to")), self.quiet_to),
        )
        return notifications

    def _build_sync(self) -> QGroupBox:
        self.sync_interval = spin(1, 24 * 60, self.tr(" minutes"))
        self.sync_interval.setToolTip(
            self.tr("How often accounts and feeds are synced while the app runs (5 or more)")
        )
        self.sync_workers = spin(1, sync_limits.MAX_WORKERS, self.tr(" at once"))
        self.sync_workers.setToolTip(
            self.tr(
                "How many feeds are fetched at the same time (never more than two from one server)"
            )
        )
        sync = QGroupBox(self.tr("Sync"))
        form = group_form(sync)
        form.addRow(self._label(self.tr("Sync every")), in_row(self.sync_interval))
        form.addRow(self._label(self.tr("Fetch feeds")), in_row(self.sync_workers))
        return sync

    def _build_startup(self) -> QGroupBox:
        """This computer only: an XDG autostart file, not a stored setting."""
        self.autostart = QCheckBox(self.tr("Start Reciprocity when I log in"))
        self.autostart.setToolTip(
            self.tr("On this computer only; it starts a few seconds after you log in")
        )
        startup = QGroupBox(self.tr("Start-up"))
        form = group_form(startup)
        form.addRow(self.autostart)
        return startup

    def _build_store(self) -> QGroupBox:
        """This data dir's choice (a file beside the data), not a stored setting."""
        self.store_box = StoreBox(self.run)
        self.store_box.restart_requested.connect(self.restart_requested)
        return self.store_box

    def _build_habits(self) -> QGroupBox:
        self.thank_likes = QCheckBox(self.tr("People who only liked my posts need thanks too"))
        self.cooldown = spin(0, 365, self.tr(" days"))
        self.cooldown.setToolTip(
            self.tr("Someone thanked within this many days is shown as “recently thanked”")
        )
        self.language = QComboBox()
        self.language.setToolTip(
            self.tr("For drafts when the language of the person's post is not known")
        )
        self.interests = QLineEdit()
        self.interests.setPlaceholderText(self.tr("networking, open source, difusión"))
        self.interests.setToolTip(
            self.tr("Links mentioning these words rank higher in Share (comma separated)")
        )
        habits = QGroupBox(self.tr("Thanks and sharing"))
        form = group_form(habits)
        form.addRow(self.thank_likes)
        form.addRow(self._label(self.tr("Recently thanked")), in_row(self.cooldown))
        form.addRow(self._label(self.tr("Default language")), in_row(self.language))
        form.addRow(self._label(self.tr("Interests")), self.interests)
        return habits

    def _build_layout(self, groups: tuple[QGroupBox, ...]) -> None:
        # Labels of every group share one width, so the fields line up down the page.
        label_width = max(label.sizeHint().width() for label in self._form_labels)
        for label in self._form_labels:
            label.setMinimumWidth(label_width)
        content = QWidget()
        left = QVBoxLayout()
        left.setSpacing(12)
        for group in groups:
            left.addWidget(group)
        left.addStretch(1)
        # Side by side when there is room; the templates go below on a narrow window.
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        self.columns.setContentsMargins(0, 0, 8, 0)
        self.columns.setSpacing(16)
        self.columns.addLayout(left, 1)
        self.columns.addWidget(self.templates, 1)
        self.content_scroll = scroll = scroll_area(content)

        self.errors = QLabel()
        self.errors.setObjectName("errors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(f"#errors {{ color: {error_color(self)}; font-weight: 600; }}")
        self.errors.hide()
        self.status = hint("")
        self.revert = QPushButton(self.tr("Revert"))
        self.revert.setToolTip(self.tr("Forget the changes not saved yet"))
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the settings (Ctrl+S)"))
        self.save_button.setDefault(True)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.revert)
        bar.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        layout.addWidget(heading(self.tr("Settings")))
        layout.addWidget(
            hint(self.tr("Kept with your data: they travel with an export to another computer."))
        )
        layout.addWidget(scroll, 1)
        layout.addWidget(self.errors)
        layout.addLayout(bar)

    def _connect(self) -> None:
        self.notifications.toggled.connect(self.quiet_from.setEnabled)
        self.notifications.toggled.connect(self.quiet_to.setEnabled)
        self.save_button.clicked.connect(self.save)
        self.revert.clicked.connect(self.reload)
        self.templates.edited.connect(self._mark_dirty)
        for signal in (
            self.checkin_time.timeChanged,
            self.quiet_from.timeChanged,
            self.quiet_to.timeChanged,
            self.checkin_people.valueChanged,
            self.checkin_shares.valueChanged,
            self.sync_interval.valueChanged,
            self.sync_workers.valueChanged,
            self.cooldown.valueChanged,
            self.notifications.toggled,
            self.thank_likes.toggled,
            self.autostart.toggled,
            self.language.currentIndexChanged,
            self.interface_language.currentIndexChanged,
            self.interests.textEdited,
        ):
            signal.connect(self._mark_dirty)

    def _shortcuts(self) -> None:
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)

    def _label(self, text: str) -> QLabel:
        label = QLabel(text)
        self._form_labels.append(label)
        return label

    def resizeEvent(self, event) -> None:  # noqa: N802
        wide = event.size().width() >= WIDE
        self.columns.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )
        super().resizeEvent(event)

    # -- loading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        if not self.dirty:  # coming back to the page must not throw edits away
            self.reload()

    def reload(self) -> None:
        def work():
            settings = self.services.settings()
            try:
                defaults = self.services.template_defaults()
            except Exception:  # no templates is not a reason to lose the settings page
                defaults = {}
            return settings, defaults, autostart.is_enabled(), self._chosen_language()

        self.run(work, self._show)

    def _chosen_language(self) -> str:
        if self.language_home is None:
            return interface_language.SYSTEM
        return interface_language.chosen(self.language_home)

    def _show(self, loaded) -> None:
        settings, defaults, starts_at_login, chosen_language = loaded
        self._loading = True
        self._chosen = chosen_language
        self.interface_language.setCurrentIndex(
            max(0, self.interface_language.findData(chosen_language))
        )
        self._autostart = starts_at_login
        self.autostart.setChecked(starts_at_login)
        self._settings = dict(settings)
        self.checkin_time.setTime(time_or(settings.get("checkin_time"), "09:00"))
        self.checkin_people.setValue(int_or(settings.get("checkin_people"), 3))
        self.checkin_shares.setValue(int_or(settings.get("checkin_shares"), 2))
        self.notifications.setChecked(bool(settings.get("notifications", True)))
        quiet = settings.get("quiet_hours") or ["22:00", "08:00"]
        if not isinstance(quiet, list | tuple) or len(quiet) != 2:
            quiet = ["22:00", "08:00"]
        self.quiet_from.setTime(time_or(quiet[0], "22:00"))
        self.quiet_to.setTime(time_or(quiet[1], "08:00"))
        self.quiet_from.setEnabled(self.notifications.isChecked())
        self.quiet_to.setEnabled(self.notifications.isChecked())
        self.sync_interval.setValue(int_or(settings.get("sync_interval_minutes"), 15))
        self.sync_workers.setValue(
            int_or(settings.get("sync_workers"), sync_limits.DEFAULT_WORKERS)
        )
        self.thank_likes.setChecked(bool(settings.get("thank_likes", False)))
        self.cooldown.setValue(int_or(settings.get("thank_cooldown_days"), 14))
        interests = settings.get("interests") or []
        self.interests.setText(", ".join(str(w) for w in interests))

        languages = list(dict.fromkeys([*LANGUAGES, *sorted(defaults)]))
        # Unset: drafts follow the interface's language (store.settings.draft_language).
        default_language = str(settings.get("default_language") or translations.speaking())
        if default_language not in languages:
            languages.append(default_language)
        for combo in (self.language, self.template_language):
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for code in languages:
                combo.addItem(LANGUAGES.get(code, code), code)
            combo.blockSignals(False)
            if combo is self.template_language and kept in languages:
                combo.setCurrentIndex(languages.index(kept))
        self.language.setCurrentIndex(languages.index(default_language))

        self.templates.load(defaults, settings.get("templates") or {})
        self.store_box.data_dir = self.language_home  # the data dir, as the window said
        self.store_box.show_current()
        self._loading = False
        self.loaded = True
        self.dirty = False
        self.errors.hide()
        self.status.setText("")
        self.setEnabled(True)

    # -- saving -----------------------------------------------------------------------------

    def _mark_dirty(self, *_args) -> None:
        if self._loading or not self.loaded:
            return
        self.dirty = True
        self.status.setText(self.tr("Unsaved changes"))

    def values(self) -> dict:
        """The settings as the form shows them."""
        return {
            "checkin_time": self.checkin_time.time().toString(TIME_FORMAT),
            "checkin_people": self.checkin_people.value(),
            "checkin_shares": self.checkin_shares.value(),
            "notifications": self.notifications.isChecked(),
            "quiet_hours": [
                self.quiet_from.time().toString(TIME_FORMAT),
                self.quiet_to.time().toString(TIME_FORMAT),
            ],
            "sync_interval_minutes": self.sync_interval.value(),
            "sync_workers": self.sync_workers.value(),
            "thank_likes": self.thank_likes.isChecked(),
            "thank_cooldown_days": self.cooldown.value(),
            "interests": interest_words(self.interests.text()),
            "default_language": self._draft_language(),
            "templates": {
                lang: dict(per) for lang, per in sorted(self.templates.overrides.items()) if per
            },
        }

    def _draft_language(self) -> str | None:
        """The drafts' language to keep: None (follow the interface) while it was never
        set and the form still shows the interface's."""
        shown = self.language.currentData() or translations.speaking()
        if self._settings.get("default_language") is None and shown == translations.speaking():
            return None
        return shown

    def validate(self, values: dict) -> list[tuple[str, QWidget]]:
        """(message, the widget to fix) for each problem; empty when all is well."""
        problems: list[tuple[str, QWidget]] = []
        if values["quiet_hours"][0] == values["quiet_hours"][1]:
            problems.append(
                (
                    self.tr("Quiet hours must start and end at different times."),
                    self.quiet_from,
                )
            )
        if values["sync_interval_minutes"] < MIN_SYNC_MINUTES:
            problems.append(
                (
                    tr_format(
                        self.tr(
                            "Sync every %1 minutes or more: networks limit how often apps may ask."
                        ),
                        MIN_SYNC_MINUTES,
                    ),
                    self.sync_interval,
                )
            )
        for message in self.templates.problems(
            values["templates"], self.services.template_problem, LANGUAGES
        ):
            problems.append((message, self.template_editor))
        return problems

    def save(self) -> None:
        if not self.loaded:
            return
        values = self.values()
        problems = self.validate(values)
        if problems:
            self.errors.setText("\n".join(message for message, _widget in problems))
            self.errors.show()
            self.status.setText(self.tr("Not saved: fix what is shown in red."))
            self.content_scroll.ensureWidgetVisible(problems[0][1])
            problems[0][1].setFocus()
            return
        self.errors.hide()
        changed = {k: v for k, v in values.items() if self._settings.get(k) != v}
        was_starting, start = self._autostart, self.autostart.isChecked()
        home, choice = self.language_home, self.interface_language.currentData()
        if home is None or choice == self._chosen:
            choice = None

        def work() -> tuple[bool, str | None]:
            self.services.set_settings(changed)
            if choice is not None:
                assert home is not None  # a choice is only made with somewhere to keep it
                interface_language.choose(home, choice)
            if start == was_starting:
                return was_starting, None
            try:  # the settings are saved even when the autostart folder is not writable
                return autostart.set_enabled(start), None
            except OSError as exc:
                return autostart.is_enabled(), str(exc)

        def done(result: tuple[bool, str | None]) -> None:
            starts_at_login, problem = result
            if problem is None and start != was_starting and starts_at_login != start:
                # Granted something else than asked (the Flatpak portal may): say so.
                problem = self.tr("the system did not allow it")
            self._settings.update(changed)
            self._autostart = starts_at_login
            self._loading = True  # showing what is true now is not an edit
            self.autostart.setChecked(starts_at_login)
            self._loading = False
            self.dirty = False
            if problem:
                self.status.setText(
                    tr_format(
                        self.tr("Saved, but start at login could not be changed: %1"), problem
                    )
                )
            else:
                self.status.setText(self.tr("Saved."))
            self.message.emit(self.tr("Settings saved."))
            self.changed.emit()
            if choice is not None:
                self._chosen = choice
                self._offer_restart()

        self.run(work, done)

    def _offer_restart(self) -> None:
        """A new interface language takes a restart: offered, never forced."""
        assert self.language_home is not None  # only asked once a choice was kept there
        wanted = interface_language.current(self.language_home)
        if wanted == translations.speaking():
            return
        self.restart_box = offer_restart(
            self,
            self.tr("Language"),
            tr_format(self.tr("Reciprocity will speak %1 after a restart."), LANGUAGES[wanted]),
            self.restart_requested.emit,
        )
