"""Settings: the check-in, notifications, sync, thank-you habits and templates.

Loaded and saved on a worker through Services; nothing is written until Save (Ctrl+S), and
nothing at all when a value is invalid (the messages say which and why).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTime
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.platform import autostart
from desktop.ui.pages.base import Page, heading, hint
from desktop.ui.widgets.draft_editor import error_color

TIME_FORMAT = "HH:mm"
MIN_SYNC_MINUTES = 5
WIDE = 960  # from this page width, the templates sit beside the other settings
LANGUAGES = {"en": "English", "es": "Español"}


def _time(value, fallback: str) -> QTime:
    time = QTime.fromString(str(value), TIME_FORMAT)
    return time if time.isValid() else QTime.fromString(fallback, TIME_FORMAT)


def _int(value, fallback: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else fallback


def _interests(text: str) -> list[str]:
    words = [w.strip() for w in text.replace(";", ",").split(",")]
    return list(dict.fromkeys(w for w in words if w))


def _spin(low: int, high: int, suffix: str = "") -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSuffix(suffix)
    box.setMinimumWidth(110)
    return box


def _time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat(TIME_FORMAT)
    edit.setMinimumWidth(90)
    return edit


def _form(group: QGroupBox) -> QFormLayout:
    form = QFormLayout(group)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    form.setHorizontalSpacing(14)
    form.setVerticalSpacing(8)
    return form


def _row(*widgets: QWidget, stretch: bool = True) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    if stretch:
        layout.addStretch(1)
    return row


class SettingsPage(Page):
    title = "Settings"

    def __init__(self, services, tasks, parent=None):
        super().__init__(services, tasks, parent)
        self.loaded = False
        self.dirty = False
        self._loading = False
        self._defaults: dict[str, dict[str, list[str]]] = {}
        self._overrides: dict[str, dict[str, list[str]]] = {}
        self._shown: tuple[str, str] | None = None
        self._settings: dict = {}
        self._form_labels: list[QLabel] = []
        self._autostart = False  # what the autostart file said when loaded or saved

        # -- check-in ---------------------------------------------------------------------
        self.checkin_time = _time_edit()
        self.checkin_time.setToolTip(self.tr("The check-in opens at this time when the app runs"))
        self.checkin_people = _spin(1, 20, self.tr(" people"))
        self.checkin_shares = _spin(0, 10, self.tr(" links"))
        checkin = QGroupBox(self.tr("Daily check-in"))
        form = _form(checkin)
        form.addRow(self._label(self.tr("Check in at")), _row(self.checkin_time))
        form.addRow(self._label(self.tr("Thank up to")), _row(self.checkin_people))
        form.addRow(self._label(self.tr("Share up to")), _row(self.checkin_shares))

        # -- notifications ----------------------------------------------------------------
        self.notifications = QCheckBox(self.tr("Tell me when someone amplifies my posts"))
        self.quiet_from = _time_edit()
        self.quiet_to = _time_edit()
        self.quiet_from.setToolTip(self.tr("No notifications from this time…"))
        self.quiet_to.setToolTip(self.tr("…until this time (the next morning if earlier)"))
        self.notifications.toggled.connect(self.quiet_from.setEnabled)
        self.notifications.toggled.connect(self.quiet_to.setEnabled)
        notifications = QGroupBox(self.tr("Notifications"))
        form = _form(notifications)
        form.addRow(self.notifications)
        form.addRow(
            self._label(self.tr("Quiet hours")),
            _row(self.quiet_from, QLabel(self.tr("to")), self.quiet_to),
        )

        # -- sync -------------------------------------------------------------------------
        self.sync_interval = _spin(1, 24 * 60, self.tr(" minutes"))
        self.sync_interval.setToolTip(
            self.tr("How often accounts and feeds are synced while the app runs (5 or more)")
        )
        sync = QGroupBox(self.tr("Sync"))
        form = _form(sync)
        form.addRow(self._label(self.tr("Sync every")), _row(self.sync_interval))

        # -- start-up (this computer only: an XDG autostart file, not a stored setting) ------
        self.autostart = QCheckBox(self.tr("Start Reciprocity when I log in"))
        self.autostart.setToolTip(
            self.tr("On this computer only; it starts a few seconds after you log in")
        )
        startup = QGroupBox(self.tr("Start-up"))
        form = _form(startup)
        form.addRow(self.autostart)

        # -- thanks and sharing -----------------------------------------------------------
        self.thank_likes = QCheckBox(self.tr("People who only liked my posts need thanks too"))
        self.cooldown = _spin(0, 365, self.tr(" days"))
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
        form = _form(habits)
        form.addRow(self.thank_likes)
        form.addRow(self._label(self.tr("Recently thanked")), _row(self.cooldown))
        form.addRow(self._label(self.tr("Default language")), _row(self.language))
        form.addRow(self._label(self.tr("Interests")), self.interests)

        # -- templates --------------------------------------------------------------------
        self.template_language = QComboBox()
        self.template_language.setToolTip(self.tr("The language of the templates"))
        self.situation = QComboBox()
        self.situation.setToolTip(self.tr("What the people being thanked did"))
        for situation in self.services.template_situations():
            self.situation.addItem(self._situation_label(situation), situation)
        self.template_editor = QPlainTextEdit()
        self.template_editor.setTabChangesFocus(True)
        self.template_editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.template_editor.setMinimumHeight(130)
        self.template_editor.setPlaceholderText(self.tr("One variant per line"))
        self.template_status = hint("")
        self.restore = QPushButton(self.tr("Restore defaults"))
        self.restore.setToolTip(self.tr("Forget your variants for this language and situation"))
        templates = QGroupBox(self.tr("Thank-you templates"))
        templates_layout = QVBoxLayout(templates)
        templates_layout.setSpacing(8)
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Language")))
        picker.addWidget(self.template_language)
        picker.addSpacing(12)
        picker.addWidget(QLabel(self.tr("Situation")))
        picker.addWidget(self.situation, 1)
        templates_layout.addLayout(picker)
        templates_layout.addWidget(
            hint(
                self.tr(
                    "One variant per line; drafts rotate through them. You can use "
                    "{name}, {mention}, {title}, {count}, {network} and, for several "
                    "people, {mentions}."
                )
            )
        )
        templates_layout.addWidget(self.template_editor, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.template_status, 1)
        footer.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignTop)
        templates_layout.addLayout(footer)

        # -- page -------------------------------------------------------------------------
        # Labels of every group share one width, so the fields line up down the page.
        label_width = max(label.sizeHint().width() for label in self._form_labels)
        for label in self._form_labels:
            label.setMinimumWidth(label_width)
        content = QWidget()
        left = QVBoxLayout()
        left.setSpacing(12)
        for group in (checkin, notifications, sync, startup, habits):
            left.addWidget(group)
        left.addStretch(1)
        # Side by side when there is room; the templates go below on a narrow window.
        self.columns = QBoxLayout(QBoxLayout.Direction.LeftToRight, content)
        self.columns.setContentsMargins(0, 0, 8, 0)
        self.columns.setSpacing(16)
        self.columns.addLayout(left, 1)
        self.columns.addWidget(templates, 1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll

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

        self.save_button.clicked.connect(self.save)
        self.revert.clicked.connect(self.reload)
        self.restore.clicked.connect(self.restore_defaults)
        self.template_language.currentIndexChanged.connect(self._template_choice_changed)
        self.situation.currentIndexChanged.connect(self._template_choice_changed)
        self.template_editor.textChanged.connect(self._template_edited)
        for signal in (
            self.checkin_time.timeChanged,
            self.quiet_from.timeChanged,
            self.quiet_to.timeChanged,
            self.checkin_people.valueChanged,
            self.checkin_shares.valueChanged,
            self.sync_interval.valueChanged,
            self.cooldown.valueChanged,
            self.notifications.toggled,
            self.thank_likes.toggled,
            self.autostart.toggled,
            self.language.currentIndexChanged,
            self.interests.textEdited,
        ):
            signal.connect(self._mark_dirty)
        save = QAction(self)
        save.setShortcut(QKeySequence.StandardKey.Save)
        save.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.triggered.connect(self.save)
        self.addAction(save)
        self.setEnabled(False)  # until loaded: nothing to edit yet

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

    def _situation_label(self, situation: str) -> str:
        return {
            "share": self.tr("Someone shared one of my posts"),
            "shares": self.tr("Someone shared several of my posts"),
            "quote": self.tr("Someone quoted me"),
            "mention": self.tr("Someone mentioned me"),
            "reply": self.tr("Someone replied to me"),
            "follow": self.tr("A new follower"),
            "group": self.tr("Several people shared the same post"),
            "like": self.tr("Someone liked my posts"),
        }.get(situation, situation)

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
            return settings, defaults, autostart.is_enabled()

        self.run(work, self._show)

    def _show(self, loaded) -> None:
        settings, defaults, starts_at_login = loaded
        self._loading = True
        self._autostart = starts_at_login
        self.autostart.setChecked(starts_at_login)
        self._settings = dict(settings)
        self._defaults = defaults
        self.checkin_time.setTime(_time(settings.get("checkin_time"), "09:00"))
        self.checkin_people.setValue(_int(settings.get("checkin_people"), 3))
        self.checkin_shares.setValue(_int(settings.get("checkin_shares"), 2))
        self.notifications.setChecked(bool(settings.get("notifications", True)))
        quiet = settings.get("quiet_hours") or ["22:00", "08:00"]
        if not isinstance(quiet, list | tuple) or len(quiet) != 2:
            quiet = ["22:00", "08:00"]
        self.quiet_from.setTime(_time(quiet[0], "22:00"))
        self.quiet_to.setTime(_time(quiet[1], "08:00"))
        self.quiet_from.setEnabled(self.notifications.isChecked())
        self.quiet_to.setEnabled(self.notifications.isChecked())
        self.sync_interval.setValue(_int(settings.get("sync_interval_minutes"), 15))
        self.thank_likes.setChecked(bool(settings.get("thank_likes", False)))
        self.cooldown.setValue(_int(settings.get("thank_cooldown_days"), 14))
        interests = settings.get("interests") or []
        self.interests.setText(", ".join(str(w) for w in interests))

        languages = list(dict.fromkeys([*LANGUAGES, *sorted(defaults)]))
        default_language = str(settings.get("default_language") or "en")
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

        overrides = settings.get("templates") or {}
        self._overrides = {
            str(lang): {str(sit): [str(v) for v in variants] for sit, variants in per.items()}
            for lang, per in overrides.items()
            if isinstance(per, dict)
        }
        self._shown = None
        self._show_template()
        self._loading = False
        self.loaded = True
        self.dirty = False
        self.errors.hide()
        self.status.setText("")
        self.setEnabled(True)

    # -- templates --------------------------------------------------------------------------

    def _current_template_key(self) -> tuple[str, str]:
        return (
            self.template_language.currentData() or "en",
            self.situation.currentData() or "share",
        )

    def _default_variants(self, language: str, situation: str) -> list[str]:
        return list(self._defaults.get(language, {}).get(situation, []))

    def _show_template(self) -> None:
        language, situation = self._current_template_key()
        self._shown = None  # the text set below is not an edit
        custom = self._overrides.get(language, {}).get(situation)
        variants = custom if custom is not None else self._default_variants(language, situation)
        self.template_editor.setPlainText("\n".join(variants))
        self._shown = (language, situation)
        self._update_template_status()

    def _update_template_status(self) -> None:
        language, situation = self._current_template_key()
        custom = situation in self._overrides.get(language, {})
        has_defaults = bool(self._defaults.get(language))
        path = f"desktop/resources/templates/{language}.json"
        if custom:
            self.template_status.setText(
                self.tr("Your own variants, used instead of the defaults.")
            )
        elif has_defaults:
            self.template_status.setText(self.tr("The defaults from %1.").replace("%1", path))
        else:
            self.template_status.setText(
                self.tr("No default templates found (%1): write your own, one per line.").replace(
                    "%1", path
                )
            )
        self.restore.setEnabled(custom)

    def _template_choice_changed(self, _index: int) -> None:
        self._show_template()

    def _template_edited(self) -> None:
        if self._shown is None:
            return
        language, situation = self._shown
        variants = [
            line.strip() for line in self.template_editor.toPlainText().splitlines() if line.strip()
        ]
        per_language = self._overrides.setdefault(language, {})
        if variants == self._default_variants(language, situation):
            per_language.pop(situation, None)
        else:
            per_language[situation] = variants
        if not per_language:
            del self._overrides[language]
        self._update_template_status()
        self._mark_dirty()

    def restore_defaults(self) -> None:
        language, situation = self._current_template_key()
        per_language = self._overrides.get(language, {})
        per_language.pop(situation, None)
        if not per_language:
            self._overrides.pop(language, None)
        self._show_template()
        self._mark_dirty()

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
            "thank_likes": self.thank_likes.isChecked(),
            "thank_cooldown_days": self.cooldown.value(),
            "interests": _interests(self.interests.text()),
            "default_language": self.language.currentData() or "en",
            "templates": {lang: dict(per) for lang, per in sorted(self._overrides.items()) if per},
        }

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
                    self.tr(
                        "Sync every %1 minutes or more: networks limit how often apps may ask."
                    ).replace("%1", str(MIN_SYNC_MINUTES)),
                    self.sync_interval,
                )
            )
        for language, per in values["templates"].items():
            for situation, variants in per.items():
                where = f"{LANGUAGES.get(language, language)}, {self._situation_label(situation)}"
                if not variants:
                    problems.append(
                        (
                            self.tr(
                                "Templates (%1): write at least one variant, or Restore defaults."
                            ).replace("%1", where),
                            self.template_editor,
                        )
                    )
                for variant in variants:
                    problem = self.services.template_problem(variant)
                    if problem:
                        problems.append(
                            (
                                self.tr("Templates (%1): %2 in “%3”.")
                                .replace("%1", where)
                                .replace("%2", problem)
                                .replace("%3", variant),
                                self.template_editor,
                            )
                        )
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
            self.scroll.ensureWidgetVisible(problems[0][1])
            problems[0][1].setFocus()
            return
        self.errors.hide()
        changed = {k: v for k, v in values.items() if self._settings.get(k) != v}
        was_starting, start = self._autostart, self.autostart.isChecked()

        def work() -> tuple[bool, str | None]:
            self.services.set_settings(changed)
            if start == was_starting:
                return was_starting, None
            try:  # the settings are saved even when the autostart folder is not writable
                return autostart.set_enabled(start), None
            except OSError as exc:
                return autostart.is_enabled(), str(exc)

        def done(result: tuple[bool, str | None]) -> None:
            starts_at_login, problem = result
            self._settings.update(changed)
            self._autostart = starts_at_login
            self._loading = True  # showing what is true now is not an edit
            self.autostart.setChecked(starts_at_login)
            self._loading = False
            self.dirty = False
            if problem:
                self.status.setText(
                    self.tr("Saved, but start at login could not be changed: %1").replace(
                        "%1", problem
                    )
                )
            else:
                self.status.setText(self.tr("Saved."))
            self.message.emit(self.tr("Settings saved."))
            self.changed.emit()

        self.run(work, done)
