"""The check-in's steps as they act: thanking one person (send, like back, skip, snooze)
and sharing one link (post, copy, save, skip). Mixed into CheckinWindow."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from desktop.ui.format import network_name, tr_format

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QLabel, QPlainTextEdit, QProgressBar, QPushButton, QStackedWidget

    from desktop.app.services import Services
    from desktop.queries.candidates import RankedCandidate
    from desktop.queries.checkin import Plan, Progress
    from desktop.queries.drafts import Draft
    from desktop.queries.pending_views import PendingPerson
    from desktop.ui.tasks import TaskRunner
    from desktop.ui.widgets.draft_editor import DraftEditor

    class _HostMethods:
        """The host's own methods (QWidget's and CheckinWindow's), declarations only. Not
        under ``if TYPE_CHECKING:`` inside _CheckinHost: a ``def`` there makes lupdate lose
        the class of every later ``self.tr`` in the file (their context would be "")."""

        def tr(self, text: str, /, disambiguation: str | None = ..., n: int = ...) -> str: ...
        def _show_current(self) -> None: ...
        def _after_record(self, progress: Progress) -> None: ...
        def _error(self, exc: Exception) -> None: ...

else:
    _HostMethods = object


class _CheckinHost(_HostMethods):
    """What the steps use of CheckinWindow, their host (declarations only)."""

    services: Services
    tasks: TaskRunner
    today: date
    plan: Plan | None  # None until the worker has read today's plan
    index: int
    step: str  # loading, thank, share, summary
    current: PendingPerson | RankedCandidate  # the person (thank) or link (share) in view
    draft: Draft | None
    busy: bool
    title: QLabel
    step_label: QLabel
    status: QLabel
    progress: QProgressBar
    pages: QStackedWidget
    draft_editor: DraftEditor
    editor: QPlainTextEdit
    like_button: QPushButton
    skip_button: QPushButton
    snooze_button: QPushButton
    candidate_title: QLabel
    candidate_why: QLabel
    share_editor: QPlainTextEdit
    share_button: QPushButton
    changed: SignalInstance  # the host's Signal, as its instance has it


class ThankStep(_CheckinHost):
    """Step 1: the person in view, the draft in the DraftEditor."""

    def send_thanks(self) -> None:
        if self.step != "thank" or self.busy or self.draft is None:
            return
        text = self.editor.toPlainText()
        person = cast("PendingPerson", self.current)  # step 1 shows a person
        self._set_busy(True, self.tr("Sending…"))

        def work():
            return self.services.send_thanks(
                person.person_id, text=text, how="reply", today=self.today
            )

        self.tasks.run(
            work, lambda result: self._sent(person, result, "thanked"), self._send_failed
        )

    def like_back(self) -> None:
        if self.step != "thank" or self.busy or self.draft is None:
            return
        person = cast("PendingPerson", self.current)  # step 1 shows a person
        self._set_busy(True, self.tr("Liking…"))

        def work():
            return self.services.send_thanks(person.person_id, how="like", today=self.today)

        self.tasks.run(work, lambda result: self._sent(person, result, "liked"), self._send_failed)

    def _sent(self, person, result, outcome: str) -> None:
        self._set_busy(False, "")
        if getattr(result, "copied", False):
            QGuiApplication.clipboard().setText(result.text)
            if result.url:
                QDesktopServices.openUrl(QUrl(result.url))
            self.status.setText(self.tr("Copied; paste it where you talk with them."))
        else:
            self.status.setText(tr_format(self.tr("Sent to %1."), person.name))
        assert self.plan is not None  # a person in view comes from the plan
        self.plan.progress.people[person.person_id] = outcome
        self.progress.setValue(self.progress.value() + 1)
        self.changed.emit()
        self._show_current()

    def _send_failed(self, exc: Exception) -> None:
        self._set_busy(False, "")
        # The draft stays in the editor, as the user left it.
        self.status.setText(tr_format(self.tr("Not sent: %1"), exc))

    def _set_busy(self, busy: bool, text: str) -> None:
        self.busy = busy
        for button in (self.like_button, self.skip_button, self.snooze_button):
            button.setEnabled(not busy)
        self.draft_editor.set_busy(busy)
        if text:
            self.status.setText(text)

    def skip(self) -> None:
        if self.step != "thank" or self.busy:
            return
        self._record_person("skipped")
        self.index += 1
        self._show_current()

    def snooze(self) -> None:
        if self.step != "thank" or self.busy:
            return
        person = cast("PendingPerson", self.current)  # step 1 shows a person
        until = self.today + timedelta(days=7)

        def work():
            self.services.acknowledge(person.person_id, "snoozed", until=until, today=self.today)
            return self.services.checkin_record(
                self.today, person_id=person.person_id, outcome="snoozed"
            )

        self.tasks.run(work, lambda progress: self._after_record(progress), self._error)

    def _record_person(self, outcome: str) -> None:
        person = cast("PendingPerson", self.current)  # step 1 shows a person
        assert self.plan is not None  # a person in view comes from the plan
        self.plan.progress.people[person.person_id] = outcome
        self.tasks.run(
            lambda: self.services.checkin_record(
                self.today, person_id=person.person_id, outcome=outcome
            ),
            lambda _p: None,
            self._error,
        )


class ShareStep(_CheckinHost):
    """Step 2: the link in view and the text that shares it."""

    share_network: str | None  # where Post posts; None: Copy instead

    def _show_candidate(self, candidate, count: int) -> None:
        self.current = candidate
        self.share_network = None
        self.title.setText(self.tr("Daily check-in"))
        self.step_label.setText(self.tr("Step 2 of 3 · %n things worth sharing", "", count))
        self.candidate_title.setText(candidate.title or candidate.url)
        from desktop.ui.reasons import reason_text  # desktop.core: after the first paint

        self.candidate_why.setText(" · ".join(map(reason_text, candidate.reasons)))
        self.share_editor.setPlainText(
            f"{candidate.title}\n{candidate.url}" if candidate.title else candidate.url
        )
        self.share_button.setText(self.tr("Copy and mark shared"))
        self.pages.setCurrentIndex(2)

        def context():
            usable = {
                a.network
                for a in self.services.accounts()
                if a.state in ("ok", "rate_limited") and a.network in ("mastodon", "bluesky")
            }
            return self.services.share_context(candidate.candidate_id), usable

        self.tasks.run(
            context, lambda found: self._share_context(candidate, *found), lambda _exc: None
        )  # without it, the plain text and Copy still work

    def _share_context(self, candidate, context, usable: set[str]) -> None:
        if self.step != "share" or self.current is not candidate:
            return
        network = next((n for n in context.networks if n in usable), None)
        draft = context.compose(candidate, network or "mastodon")
        self.share_editor.setPlainText(draft.text)
        if network:
            self.share_network = network
            self.share_button.setText(tr_format(self.tr("Post to %1"), network_name(network)))

    def share(self) -> None:
        if self.step != "share" or self.busy:
            return
        text = self.share_editor.toPlainText()
        network = getattr(self, "share_network", None)
        if network is None:
            QGuiApplication.clipboard().setText(text)
            self._candidate_outcome("shared")
            self.status.setText(self.tr("Copied: paste it where you post."))
            return
        candidate = cast("RankedCandidate", self.current)  # step 2 shows a link
        self.busy = True
        self.share_button.setEnabled(False)
        self.status.setText(self.tr("Posting…"))

        def work():
            result = self.services.post_share(candidate.candidate_id, text=text, network=network)
            progress = self.services.checkin_record(
                self.today, candidate_id=candidate.candidate_id, outcome="shared"
            )
            return result, progress

        def posted(found) -> None:
            result, progress = found
            self.busy = False
            self.share_button.setEnabled(True)
            self.status.setText(tr_format(self.tr("Posted: %1"), result.url))
            self._after_record(progress)

        def failed(exc: Exception) -> None:
            self.busy = False
            self.share_button.setEnabled(True)  # the text stays as the user left it
            self.status.setText(tr_format(self.tr("Not posted: %1"), exc))

        self.tasks.run(work, posted, failed)

    def _candidate_outcome(self, outcome: str) -> None:
        if self.step != "share":
            return
        candidate = cast("RankedCandidate", self.current)  # step 2 shows a link

        def work():
            self.services.candidate_outcome(candidate.candidate_id, outcome)
            return self.services.checkin_record(
                self.today, candidate_id=candidate.candidate_id, outcome=outcome
            )

        self.tasks.run(work, self._after_record, self._error)
