"""The By post view's flow: write one thank-you for everyone who shared a post, check it
as it is edited (core.groups.check_group_parts, as the send does), and send it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication

from desktop.core.groups import check_group_parts
from desktop.ui.format import sentence, tr_format
from desktop.ui.models.post_group import names_text
from desktop.ui.pages.base import PageFlow
from desktop.ui.reasons import too_long

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from desktop.core.groups import PostGroup
    from desktop.queries.drafts import Draft
    from desktop.queries.pending_views import PendingPerson
    from desktop.ui.pages.thank.group_panel import PostGroupPanel
    from desktop.ui.pages.thank.page import Loaded

    class _ThankPageMethods:
        """ThankPage's own methods (declarations only). Not under ``if TYPE_CHECKING:`` in the
        flow's class: a ``def`` there makes lupdate lose the class of every later ``self.tr``
        in the file (their context would be "")."""

        def _load(self) -> Loaded: ...
        def _show(self, loaded: Loaded) -> None: ...
        def current_group(self) -> PostGroup | None: ...
        def _select_group(self, post_url: str | None, row: int = 0) -> None: ...

else:
    _ThankPageMethods = object


class GroupThanks(PageFlow, _ThankPageMethods):
    """Mixed into ThankPage: its group panel, group table and drafts."""

    # What it uses of ThankPage beyond any Page's (declarations only).
    group_panel: PostGroupPanel
    group_table: QTableView
    entries: dict[int, PendingPerson]  # as last loaded
    groups: list[PostGroup]
    group_drafts: list[Draft] | None  # the drafts in the group panel's editors
    group_draft_url: str | None  # the post they thank for
    group_draft_people: list[int]  # everyone they are meant to thank

    def write_group_draft(self) -> None:
        group = self.current_group()
        if group is None:
            return
        person_ids, post_url = list(group.person_ids), group.post_url
        panel = self.group_panel
        panel.set_parts([])
        panel.draft_area.show()
        panel.send.setEnabled(False)
        panel.status.setText(self.tr("Writing a draft…"))
        self.group_drafts, self.group_draft_url = None, post_url
        self.run(
            lambda: self.services.group_draft(person_ids, post_url),
            lambda drafts: self._group_drafted(post_url, person_ids, drafts),
            lambda exc: self._no_group_draft(post_url, exc),
        )

    def _group_drafted(self, post_url: str, person_ids: list[int], drafts) -> None:
        group = self.current_group()
        if group is None or group.post_url != post_url or self.group_draft_url != post_url:
            return  # the selection moved on meanwhile
        self.group_drafts = list(drafts)
        self.group_draft_people = [pid for d in drafts for pid in d.person_ids] or person_ids
        self._show_group_parts([d.text for d in drafts])
        if self.group_panel.editors:
            self.group_panel.editors[0].setFocus()

    def _show_group_parts(self, texts: list[str]) -> None:
        assert self.group_drafts is not None  # the callers set the drafts first
        names = {pid: self._name(pid) for pid in self.group_draft_people}
        parts = [
            (text, names_text([names.get(pid, "") for pid in draft.person_ids], shown=4))
            for draft, text in zip(self.group_drafts, texts, strict=True)
        ]
        self.group_panel.set_parts(parts)
        for editor in self.group_panel.editors:
            editor.textChanged.connect(self._update_group_remaining)
        self._update_group_remaining()

    def _no_group_draft(self, post_url: str, exc: Exception) -> None:
        if self.group_draft_url != post_url:
            return
        self.group_drafts = None
        self.group_panel.status.setText(tr_format(self.tr("No draft: %1"), exc))

    def _name(self, person_id: int) -> str:
        entry = self.entries.get(person_id)
        if entry is not None:
            return entry.name
        for group in self.groups:
            if person_id in group.person_ids:
                return group.names[group.person_ids.index(person_id)]
        return str(person_id)

    def _update_group_remaining(self) -> None:
        """Per part: what is left, or why it cannot go. Below: what stops the send (the
        checks the send makes, from core.groups), else who would stay waiting."""
        drafts = self.group_drafts
        panel = self.group_panel
        if drafts is None:
            return
        texts = panel.texts()
        mentions: dict[int, str] = {}
        for draft in drafts:
            for pid, mention in zip(draft.person_ids, draft.mentions, strict=True):
                mentions.setdefault(pid, mention.text)
        lengths = [self.services.check_length(d, t) for d, t in zip(drafts, texts, strict=True)]
        checked = check_group_parts(texts, mentions, lengths)
        several = len(texts) > 1
        problems = []
        for part, part_hint in zip(checked.parts, panel.part_hints, strict=True):
            wrong = self._show_part(part, part_hint)
            if wrong:
                said = "; ".join(wrong)
                problems.append(
                    tr_format(self.tr("Part %1: %2"), part.number, said) if several else said
                )
        if problems:
            panel.status.setText(sentence("; ".join(problems)))
        elif checked.missing:
            panel.status.setText(
                tr_format(
                    self.tr("Not mentioned, so still waiting afterwards: %1."),
                    names_text([self._name(pid) for pid in checked.missing], shown=4),
                )
            )
        elif several:
            panel.status.setText(
                tr_format(
                    self.tr("Thanks all %1 of them, in %2 replies."), len(mentions), len(texts)
                )
            )
        else:
            panel.status.setText(
                self.tr("Thanks all %n of them.", "", len(mentions))
                if len(mentions) != 1
                else self.tr("Thanks them.")
            )
        panel.send.setEnabled(checked.ok)

    def _show_part(self, part, part_hint) -> list[str]:
        """The part's own line (what is left, or why not); returns what stops it."""
        fits, wrong = part.length, []
        if part.empty:
            part_hint.setText(self.tr("Empty: write something or it cannot be sent."))
            wrong.append(self.tr("it is empty"))
        elif fits is None or fits.limit is None:
            part_hint.setText("")
        elif fits.ok:
            part_hint.setText(self.tr("%n left", "", fits.remaining))
        else:
            part_hint.setText(too_long(fits))
            wrong.append(too_long(fits))
        if part.thanks_nobody:
            wrong.append(self.tr("it mentions none of them: who is it thanking?"))
        return wrong

    def send_group_draft(self) -> None:
        panel = self.group_panel
        group = self.current_group()
        if self.group_drafts is None or group is None or group.post_url != self.group_draft_url:
            return
        if not panel.send.isEnabled():
            return
        texts = panel.texts()
        person_ids = list(self.group_draft_people)
        post_url = self.group_draft_url
        row = self.group_table.currentIndex().row()
        panel.send.setEnabled(False)
        panel.status.setText(self.tr("Sending…"))

        def sent(results) -> None:
            thanked = list(dict.fromkeys(r.person_id for r in results))
            who = names_text([self._name(pid) for pid in thanked], shown=4)
            if results and results[0].copied:
                QGuiApplication.clipboard().setText("\n\n".join(texts))
                if results[0].url:
                    QDesktopServices.openUrl(QUrl(results[0].url))
                self.message.emit(
                    tr_format(self.tr("Copied; paste it under your post. Marked thanked: %1."), who)
                )
            else:
                self.message.emit(tr_format(self.tr("Sent. Thanked %1."), who))
            if self.group_draft_url == post_url:  # not if another post is being written now
                self.group_drafts, self.group_draft_url, self.group_draft_people = None, None, []
                panel.clear_draft()
            self.changed.emit()
            self.run(self._load, lambda loaded: self._after_group(loaded, row))

        def failed(exc: Exception) -> None:
            parts_sent = getattr(exc, "parts_sent", 0)
            self.message.emit(tr_format(self.tr("Not sent: %1"), exc))
            if self.group_draft_url != post_url or self.group_drafts is None:
                if parts_sent:
                    self.changed.emit()  # the selection moved on; the list still changed
                return
            if parts_sent:
                # Some parts went out and their people are thanked: keep only the rest.
                thanked = set(getattr(exc, "thanked", []))
                self.group_drafts = self.group_drafts[parts_sent:]
                self.group_draft_people = [p for p in self.group_draft_people if p not in thanked]
                self._show_group_parts(texts[parts_sent:])
                self.changed.emit()
            else:
                panel.send.setEnabled(True)  # the drafts stay as the user left them
            panel.status.setText(tr_format(self.tr("Not sent: %1"), exc))

        self.run(
            lambda: self.services.send_group_thanks(person_ids, post_url, texts=texts),
            sent,
            failed,
        )

    def _after_group(self, loaded, row: int) -> None:
        self._show(loaded)
        self._select_group(None, row)
