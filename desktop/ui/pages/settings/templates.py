"""The Settings page's thank-you templates: pick a language and a situation, edit its
variants (one per line); what differs from the shipped defaults is kept as an override."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from desktop.ui.format import tr_format
from desktop.ui.pages.base import hint


class TemplatesBox(QGroupBox):
    """Edits ``overrides`` (language -> situation -> variants) against ``defaults``."""

    edited = Signal()  # the user changed the variants (not a load)

    def __init__(self, situations, parent=None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Thank-you templates"))
        self.defaults: dict[str, dict[str, list[str]]] = {}
        self.overrides: dict[str, dict[str, list[str]]] = {}
        self._shown: tuple[str, str] | None = None
        self.language = QComboBox()
        self.language.setToolTip(self.tr("The language of the templates"))
        self.situation = QComboBox()
        self.situation.setToolTip(self.tr("What the people being thanked did"))
        # Sized by a few words, not by its longest (Spanish) situation: otherwise the box
        # is wider than a small window's page and the page scrolls sideways.
        self.situation.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.situation.setMinimumContentsLength(14)
        for situation in situations:
            self.situation.addItem(self.situation_label(situation), situation)
        self.editor = QPlainTextEdit()
        self.editor.setTabChangesFocus(True)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setMinimumHeight(130)
        self.editor.setPlaceholderText(self.tr("One variant per line"))
        self.status = hint("")
        self.restore = QPushButton(self.tr("Restore defaults"))
        self.restore.setToolTip(self.tr("Forget your variants for this language and situation"))
        self._build()
        self.restore.clicked.connect(self.restore_defaults)
        self.language.currentIndexChanged.connect(self.show_current)
        self.situation.currentIndexChanged.connect(self.show_current)
        self.editor.textChanged.connect(self._edited)

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        picker = QHBoxLayout()
        picker.addWidget(QLabel(self.tr("Language")))
        picker.addWidget(self.language)
        picker.addSpacing(12)
        picker.addWidget(QLabel(self.tr("Situation")))
        picker.addWidget(self.situation, 1)
        layout.addLayout(picker)
        layout.addWidget(
            hint(
                self.tr(
                    "One variant per line; drafts rotate through them. You can use "
                    "{name}, {mention}, {title}, {count}, {network} and, for several "
                    "people, {mentions}."
                )
            )
        )
        layout.addWidget(self.editor, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.status, 1)
        footer.addWidget(self.restore, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(footer)

    def situation_label(self, situation: str) -> str:
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

    def chosen(self) -> dict[str, dict[str, list[str]]]:
        """The overrides to store (languages without any left out)."""
        return {lang: dict(per) for lang, per in sorted(self.overrides.items()) if per}

    def problems(self, templates: dict, problem_of, languages: dict[str, str]) -> list[str]:
        """What is wrong with ``templates`` (``problem_of``: the domain's validator)."""
        found = []
        for language, per in templates.items():
            for situation, variants in per.items():
                label = self.situation_label(situation)
                where = f"{languages.get(language, language)}, {label}"
                if not variants:
                    said = self.tr(
                        "Templates (%1): write at least one variant, or Restore defaults."
                    )
                    found.append(tr_format(said, where))
                for variant in variants:
                    problem = problem_of(variant)
                    if problem:
                        said = self.tr("Templates (%1): %2 in “%3”.")
                        found.append(tr_format(said, where, problem, variant))
        return found

    def load(self, defaults: dict, overrides: dict) -> None:
        self.defaults = defaults
        self.overrides = {
            str(lang): {str(sit): [str(v) for v in variants] for sit, variants in per.items()}
            for lang, per in overrides.items()
            if isinstance(per, dict)
        }
        self._shown = None
        self.show_current()

    def current_key(self) -> tuple[str, str]:
        return (self.language.currentData() or "en", self.situation.currentData() or "share")

    def _default_variants(self, language: str, situation: str) -> list[str]:
        return list(self.defaults.get(language, {}).get(situation, []))

    def show_current(self, *_args) -> None:
        language, situation = self.current_key()
        self._shown = None  # the text set below is not an edit
        custom = self.overrides.get(language, {}).get(situation)
        variants = custom if custom is not None else self._default_variants(language, situation)
        self.editor.setPlainText("\n".join(variants))
        self._shown = (language, situation)
        self._update_status()

    def _update_status(self) -> None:
        language, situation = self.current_key()
        custom = situation in self.overrides.get(language, {})
        path = f"desktop/resources/templates/{language}.json"
        if custom:
            self.status.setText(self.tr("Your own variants, used instead of the defaults."))
        elif self.defaults.get(language):
            self.status.setText(tr_format(self.tr("The defaults from %1."), path))
        else:
            self.status.setText(
                tr_format(
                    self.tr("No default templates found (%1): write your own, one per line."),
                    path,
                )
            )
        self.restore.setEnabled(custom)

    def _edited(self) -> None:
        if self._shown is None:
            return
        language, situation = self._shown
        lines = self.editor.toPlainText().splitlines()
        variants = [line.strip() for line in lines if line.strip()]
        per_language = self.overrides.setdefault(language, {})
        if variants == self._default_variants(language, situation):
            per_language.pop(situation, None)
        else:
            per_language[situation] = variants
        if not per_language:
            del self.overrides[language]
        self._update_status()
        self.edited.emit()

    def restore_defaults(self) -> None:
        language, situation = self.current_key()
        per_language = self.overrides.get(language, {})
        per_language.pop(situation, None)
        if not per_language:
            self.overrides.pop(language, None)
        self.show_current()
        self.edited.emit()
