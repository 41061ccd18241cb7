"""The daily check-in: a compact window that walks through today's thank-yous and shares.

Step 1 thanks people one at a time (who, what they did, a draft ready to send); step 2
offers a few things worth sharing; step 3 sums up. Every action has a key, named in its
tooltip and in the help overlay (F1). Progress is saved as it happens, so closing and
reopening resumes today's check-in.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app.services import Services
from desktop.ui.checkin_steps import ShareStep, ThankStep
from desktop.ui.format import describe_counts, local_day, tr_format
from desktop.ui.pages.base import heading, hint
from desktop.ui.tasks import TaskRunner
from desktop.ui.widgets.button_rows import split_rows
from desktop.ui.widgets.draft_editor import DraftEditor
from desktop.ui.widgets.help_overlay import HelpOverlay, key_label

if TYPE_CHECKING:
    from desktop.app.first_screen import FirstScreen
    from desktop.queries.candidates import RankedCandidate
    from desktop.queries.checkin import Plan
    from desktop.queries.drafts import Draft
    from desktop.queries.pending_views import PendingPerson


class CheckinWindow(ThankStep, ShareStep, QWidget):
    closed = Signal()
    changed = Signal()  # something was thanked or shared: other views may refresh
    planned = Signal()  # today's plan was read (and, the first time today, saved)

    def __init__(
        self,
        services: Services,
        *,
        today: date | None = None,
        first_screen: FirstScreen | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.services = services
        self.tasks = TaskRunner(self)
        self.today = today or date.today()
        self.plan: Plan | None = None
        self.index = 0  # position in today's people, then candidates
        self.step = "loading"
        self.draft: Draft | None = None
        self.busy = False
        self.previewed: int | None = None  # the person shown from the first screen
        self.setWindowTitle(self.tr("Daily check-in — Reciprocity"))
        self.resize(640, 520)
        self.setMinimumSize(520, 420)

        self.title = heading(self.tr("Good to see you"))
        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat(self.tr("%v of %m"))
        keep_place = self.progress.sizePolicy()
        keep_place.setRetainSizeWhenHidden(True)  # the title does not move when it shows
        self.progress.setSizePolicy(keep_place)
        self.progress.hide()  # until there is a plan to count
        self.step_label = hint("")
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.progress)

        self.pages = QStackedWidget()
        self.loading = hint(self.tr("Getting today's check-in ready…"))
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages.addWidget(self.loading)
        self.pages.addWidget(self._build_person_view())
        self.pages.addWidget(self._build_candidate_view())
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.summary.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        self.summary.setFont(font)
        self.pages.addWidget(self.summary)

        self.status = hint("")
        self.status.setObjectName("status")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.setSpacing(10)
        layout.addLayout(top)
        layout.addWidget(self.step_label)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        self.help = HelpOverlay(self, [(key, text) for _, key, text in self.shortcuts()])
        self._build_actions()
        if first_screen is not None and first_screen.checkin_person is not None:
            self._preview(first_screen)

    def shortcuts(self) -> tuple[tuple[str, str, str], ...]:
        """(name, key, what it does): the help overlay lists these, tooltips repeat them."""
        return (
            ("send", "Ctrl+Return", self.tr("Send the thank-you")),
            ("edit", "E", self.tr("Edit the draft")),
            ("like", "L", self.tr("Like back only")),
            ("next", "Right", self.tr("Next, without answering")),
            ("previous", "Left", self.tr("Previous")),
            ("skip", "K", self.tr("Skip for today")),
            ("snooze", "Z", self.tr("Snooze a week")),
            ("open", "O", self.tr("Open the post in the browser")),
            ("share", "Ctrl+Shift+Return", self.tr("Share this")),
            ("save", "S", self.tr("Save for later")),
            ("help", "F1", self.tr("Show or hide these keys")),
            ("close", "Esc", self.tr("Close (today's progress is kept)")),
        )

    # -- views ------------------------------------------------------------------------------

    def _build_person_view(self) -> QWidget:
        view = QWidget()
        self.person_name = heading("")
        self.person_what = QLabel()
        self.person_what.setWordWrap(True)
        self.person_post = QLabel()
        self.person_post.setWordWrap(True)
        # A quiet color that reads on light and dark palettes alike.
        quiet = self.person_post.palette()
        quiet.setColor(quiet.ColorRole.WindowText, quiet.color(quiet.ColorRole.PlaceholderText))
        self.person_post.setPalette(quiet)
        self.recent_note = hint("")
        self.draft_editor = DraftEditor(
            placeholder=self.tr("Your thank-you…"),
            send_text=self.tr("Send thanks"),
            send_beside=False,
        )
        self.editor = self.draft_editor.editor
        self.remaining = self.draft_editor.remaining
        self.remaining.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.send_button = self.draft_editor.send
        self.send_button.setDefault(True)
        self.like_button = QPushButton(self.tr("Like back only"))
        self.skip_button = QPushButton(self.tr("Skip"))
        self.snooze_button = QPushButton(self.tr("Snooze a week"))
        self.open_button = QPushButton(self.tr("Open post"))
        buttons = split_rows(
            [self.open_button, self.snooze_button, self.skip_button],
            [self.like_button, self.send_button],
        )
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.person_name)
        layout.addWidget(self.person_what)
        layout.addWidget(self.person_post)
        layout.addWidget(self.recent_note)
        layout.addWidget(self.draft_editor, 1)
        layout.addWidget(self.remaining)
        layout.addLayout(buttons)
        self.send_button.clicked.connect(self.send_thanks)
        self.draft_editor.send_requested.connect(self.send_thanks)
        self.like_button.clicked.connect(self.like_back)
        self.skip_button.clicked.connect(self.skip)
        self.snooze_button.clicked.connect(self.snooze)
        self.open_button.clicked.connect(self.open_post)
        return view

    def _build_candidate_view(self) -> QWidget:
        view = QWidget()
        self.candidate_title = heading("")
        self.candidate_title.setWordWrap(True)
        self.candidate_why = QLabel()
        self.candidate_why.setWordWrap(True)
        self.share_editor = QPlainTextEdit()
        self.share_button = QPushButton(self.tr("Copy and mark shared"))
        self.save_button = QPushButton(self.tr("Save for later"))
        self.skip_share_button = QPushButton(self.tr("Skip"))
        self.open_link_button = QPushButton(self.tr("Open link"))
        buttons = split_rows(
            [self.open_link_button, self.skip_share_button, self.save_button],
            [self.share_button],
        )
        layout = QVBoxLayout(view)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.candidate_title)
        layout.addWidget(self.candidate_why)
        layout.addWidget(self.share_editor, 1)
        layout.addLayout(buttons)
        self.share_button.clicked.connect(self.share)
        self.save_button.clicked.connect(lambda: self._candidate_outcome("saved"))
        self.skip_share_button.clicked.connect(lambda: self._candidate_outcome("skipped"))
        self.open_link_button.clicked.connect(self.open_post)
        return view

    def _build_actions(self) -> None:
        handlers = {
            "send": self._send_or_share,
            "edit": self._edit,
            "like": self.like_back,
            "next": self.next,
            "previous": self.previous,
            "skip": self._skip_any,
            "snooze": self.snooze,
            "open": self.open_post,
            "share": self.share,
            "save": lambda: self._candidate_outcome("saved"),
            "help": self.help.toggle,
            "close": self._escape,
        }
        buttons = {
            "send": self.send_button,
            "like": self.like_button,
            "skip": self.skip_button,
            "snooze": self.snooze_button,
            "open": self.open_button,
            "share": self.share_button,
            "save": self.save_button,
        }
        self.shortcut_actions: dict[str, QAction] = {}
        texts: dict[str, str] = {}
        for name, key, text in self.shortcuts():
            action = QAction(text, self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(handlers[name])
            self.addAction(action)
            self.shortcut_actions[name] = action
            texts[name] = text
            if name in buttons:
                buttons[name].setToolTip(f"{text} ({key_label(key)})")
        self.skip_share_button.setToolTip(f"{texts['skip']} ({key_label('K')})")
        open_link = self.tr("Open the link")
        self.open_link_button.setToolTip(f"{open_link} ({key_label('O')})")

    # -- loading ----------------------------------------------------------------------------

    def start(self) -> None:
        self.pages.setCurrentWidget(self.loading)
        self.tasks.run(lambda: self.services.checkin_plan(self.today), self._planned, self._error)

    def _planned(self, plan) -> None:
        self.plan = plan
        self.planned.emit()
        self.index = 0
        total = len(plan.people) + len(plan.candidates)
        done = len(plan.progress.people) + len(plan.progress.candidates)
        self.progress.setRange(0, max(total + done, 1))
        self.progress.setValue(done)
        self.progress.show()
        self._show_current()

    def _show_current(self) -> None:
        plan = self.plan
        assert plan is not None  # the steps are shown once the plan is read
        people = [p for p in plan.people if p.person_id not in self._answered_people()]
        candidates = [c for c in plan.candidates if c.candidate_id not in plan.progress.candidates]
        if self.index < len(people):
            self.step = "thank"
            self._show_person(people[self.index], len(people))
        elif self.index - len(people) < len(candidates):
            self.step = "share"
            self._show_candidate(candidates[self.index - len(people)], len(candidates))
        else:
            self.step = "summary"
            self._show_summary()

    def _answered_people(self) -> set[int]:
        assert self.plan is not None  # the steps are shown once the plan is read
        return {pid for pid, outcome in self.plan.progress.people.items() if outcome != "skipped"}

    def _preview(self, screen: FirstScreen) -> None:
        """The first person and their draft as the first screen kept them: shown at once,
        read-only until the plan and the draft are read (nothing is sent from it)."""
        person = screen.checkin_person
        assert person is not None  # only called with one
        self._show_who(person, screen.checkin_count)
        self.draft_editor.preview(screen.draft_text)
        self.like_button.setEnabled(False)  # until the draft says what can be liked
        self._show_recently_thanked(screen.draft_recently_thanked)
        self.previewed = person.person_id

    def _show_who(self, person, count: int) -> None:
        self.title.setText(self.tr("Daily check-in"))
        self.step_label.setText(self.tr("Step 1 of 3 · %n people to thank today", "", count))
        self.person_name.setText(person.name)
        handles = ", ".join(i.handle for i in person.identities)
        self.person_what.setText(f"{describe_counts(person.counts)} · {handles}")
        post = person.posts[0] if person.posts else None
        self.person_post.setText(f"“{post.text[:200]}”" if post and post.text else "")
        self.pages.setCurrentIndex(1)

    def _show_person(self, person, count: int) -> None:
        self.current = person
        self._show_who(person, count)
        if self.previewed != person.person_id:  # else its draft stays until the real one
            self.recent_note.setText("")
            self.draft_editor.begin()
        self.previewed = None
        self.tasks.run(
            lambda: self.services.draft(person.person_id), self._drafted, self._draft_failed
        )

    def _drafted(self, draft) -> None:
        self.draft = draft
        self.draft_editor.set_draft(
            draft.text, lambda text: self.services.check_length(draft, text), focus=False
        )
        self.like_button.setEnabled(draft.reply_to is not None)
        self._show_recently_thanked(draft.recently_thanked)

    def _show_recently_thanked(self, when: datetime | None) -> None:
        if when is None:
            self.recent_note.setText("")
            return
        self.recent_note.setText(
            tr_format(self.tr("Recently thanked (%1): you can let it be with K."), local_day(when))
        )

    def _draft_failed(self, exc: Exception) -> None:
        self.draft = None
        self.draft_editor.failed(exc)

    def _show_summary(self) -> None:
        assert self.plan is not None  # the summary follows the plan's steps
        progress = self.plan.progress
        self.title.setText(self.tr("Done for today"))
        self.step_label.setText(self.tr("Step 3 of 3"))
        self.progress.setValue(self.progress.maximum())
        self.tasks.run(
            lambda: self.services.checkin_finish(self.today), self._finished, self._error
        )
        thanked = self.tr("%n people thanked", "", progress.thanked)
        shared = self.tr("%n things shared", "", progress.shared)
        self.summary.setText(f"{thanked}, {shared}.")
        self.pages.setCurrentWidget(self.summary)

    def _finished(self, streak: int) -> None:
        assert self.plan is not None  # the summary follows the plan's steps
        progress = self.plan.progress
        thanked = self.tr("%n people thanked", "", progress.thanked)
        shared = self.tr("%n things shared", "", progress.shared)
        days = self.tr("%n days in a row", "", streak) if streak > 1 else self.tr("a fine start")
        self.summary.setText(f"{thanked}, {shared}; {days}.")
        self.changed.emit()

    # -- actions ----------------------------------------------------------------------------

    def _send_or_share(self) -> None:
        if self.step == "thank":
            self.send_thanks()
        elif self.step == "share":
            self.share()

    def _edit(self) -> None:
        if self.step == "thank":
            self.editor.setFocus()
        elif self.step == "share":
            self.share_editor.setFocus()

    def _skip_any(self) -> None:
        if self.step == "thank":
            self.skip()
        elif self.step == "share":
            self._candidate_outcome("skipped")

    def _escape(self) -> None:
        if self.help.isVisible():
            self.help.hide()
        else:
            self.close()

    def _after_record(self, progress) -> None:
        assert self.plan is not None  # only the plan's steps are recorded
        self.plan.progress = progress
        self.progress.setValue(self.progress.value() + 1)
        self.changed.emit()
        self._show_current()

    def next(self) -> None:
        if self.step in ("thank", "share"):
            self.index += 1
            self._show_current()

    def previous(self) -> None:
        if self.index > 0 and self.step != "loading":
            self.index -= 1
            self._show_current()

    def open_post(self) -> None:
        if self.step == "thank":
            person = cast("PendingPerson", self.current)  # step 1 shows a person
            if person.posts:
                QDesktopServices.openUrl(QUrl(person.posts[0].url))
        elif self.step == "share":
            candidate = cast("RankedCandidate", self.current)  # step 2 shows a link
            QDesktopServices.openUrl(QUrl(candidate.url))

    def _error(self, exc: Exception) -> None:
        self.status.setText(tr_format(self.tr("Something went wrong: %1"), exc))

    def closeEvent(self, event) -> None:  # noqa: N802
        self.tasks.wait(5000)
        self.closed.emit()
        super().closeEvent(event)
