"""The Share page's composing flow: a draft for the chosen network, its length against the
rule the server enforces, and the post (only on an explicit Post click, on a worker)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication

from desktop.core.length import LengthCheck, check, rule_for
from desktop.ui.format import network_name, tr_format
from desktop.ui.pages.base import PageFlow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTableView

    from desktop.queries.candidates import RankedCandidate
    from desktop.queries.share import ShareContext, ShareDraft
    from desktop.ui.pages.share.panel import CandidatePanel

    class _SharePageMethods:
        """SharePage's own methods (declarations only). Not under ``if TYPE_CHECKING:`` in the
        flow's class: a ``def`` there makes lupdate lose the class of every later ``self.tr``
        in the file (their context would be "")."""

        def refresh(self) -> None: ...
        def current_candidate(self) -> RankedCandidate | None: ...

else:
    _SharePageMethods = object


class ComposeFlow(PageFlow, _SharePageMethods):
    """Mixed into SharePage: its composer, the share context and the post on its way."""

    # What it uses of SharePage beyond any Page's (declarations only).
    panel: CandidatePanel
    table: QTableView
    _context: ShareContext | None  # of the candidate being composed, once read
    _draft: ShareDraft | None  # the text written for it, to tell whether the user edited it
    _composing_id: int | None
    _posting: int | None  # the candidate whose post is on its way
    _post_error: str
    _unsent: dict[int, tuple[str, str, str]]  # id -> (network, text, error)
    _account_networks: set[str] | None  # None: not known yet

    # -- composing --------------------------------------------------------------------------

    def compose(self) -> None:
        candidate = self.current_candidate()
        if candidate is None:
            return
        candidate_id = candidate.candidate_id
        if self._composing_id == candidate_id and self._context is not None:
            self.panel.set_composing(True)
            self.panel.composer.editor.setFocus()
            return

        def done(context: ShareContext) -> None:
            current = self.current_candidate()
            if current is None or current.candidate_id != candidate_id:
                return  # the selection moved on meanwhile
            self._start_compose(current, context)

        self.run(lambda: self.services.share_context(candidate_id), done)

    def _start_compose(self, candidate, context: ShareContext) -> None:
        self._context = context
        self._composing_id = candidate.candidate_id
        self._draft = None
        self._post_error = ""
        # A post that failed after the user moved on: their text and the error come back.
        network, text, error = self._unsent.pop(candidate.candidate_id, ("", "", ""))
        combo = self.panel.composer.network
        combo.blockSignals(True)
        combo.clear()
        for name in context.networks:
            combo.addItem(network_name(name), name)
        combo.setCurrentIndex(max(0, combo.findData(network)) if network else 0)
        combo.blockSignals(False)
        self._write_draft()
        if text:
            self._post_error = error
            self.panel.composer.editor.setPlainText(text)
        self.panel.set_composing(True)
        self._update_post()
        self.panel.composer.editor.setFocus()

    def _network(self) -> str:
        return self.panel.composer.network.currentData() or "mastodon"

    def _write_draft(self) -> None:
        candidate = self.current_candidate()
        if candidate is None or self._context is None:
            return
        network = self._network()
        self._draft = self._context.compose(candidate, network)
        self.panel.composer.editor.setPlainText(self._draft.text)
        cursor = self.panel.composer.editor.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        self.panel.composer.editor.setTextCursor(cursor)

    def _network_changed(self, _index: int) -> None:
        self._post_error = ""  # it was about the other network
        editor = self.panel.composer.editor
        if self._draft is None or editor.toPlainText() == self._draft.text:
            self._write_draft()  # untouched: credits and length follow the network
        else:
            self._recount()  # the user's own words stay; only the count changes

    def _recount(self) -> None:
        self.panel.composer.draft.recount()  # then _update_post, from `recounted`

    def _check(self, text: str, network: str) -> LengthCheck:
        """Against the limit the server enforces (the context knows it once it is read)."""
        if self._context is not None:
            return self._context.check(text, network)
        return check(text, rule_for(network))

    # -- posting ----------------------------------------------------------------------------

    def _has_account(self, network: str) -> bool:
        return self._account_networks is not None and network in self._account_networks

    def _update_post(self, fits: bool | None = None) -> None:
        """The Post button, its tooltip and the line under the text, from the draft's length,
        my accounts and whether a post is on its way."""
        composer = self.panel.composer
        text = composer.editor.toPlainText()
        network = self._network()
        label = network_name(network)
        if fits is None:
            fits = self._check(text, network).ok
        busy = self._posting is not None and self._posting == self._composing_id
        composer.editor.setReadOnly(busy)
        composer.network.setEnabled(not busy)
        composer.close_button.setEnabled(not busy)
        composer.post.setEnabled(
            self._composing_id is not None
            and self._posting is None
            and fits
            and bool(text.strip())
            and self._has_account(network)
        )
        if self._account_networks is not None and not self._has_account(network):
            tip = self.tr("Connect a %1 account in Accounts to post from here (Ctrl+Return)")
        elif not fits:
            tip = self.tr("Too long to post on %1: shorten it first (Ctrl+Return)")
        else:
            tip = self.tr("Post it on %1 from your account, for everyone to see (Ctrl+Return)")
        composer.post.setToolTip(tr_format(tip, label))
        if busy:
            composer.show_feedback(self.tr("Posting…"))
        elif self._post_error:
            composer.show_feedback(self._post_error, error=True)
        elif self._account_networks is not None and not self._has_account(network):
            composer.show_feedback(
                tr_format(
                    self.tr(
                        "Connect a %1 account in Accounts to post from here, or copy the text."
                    ),
                    label,
                )
            )
        else:
            composer.show_feedback("")

    def post_share(self) -> None:
        """Post the text as it stands, through my account on the chosen network."""
        composer = self.panel.composer
        candidate_id = self._composing_id
        if candidate_id is None or not composer.isVisible() or not composer.post.isEnabled():
            return
        text = composer.editor.toPlainText()
        network = self._network()
        self._posting = candidate_id
        self._post_error = ""
        self._update_post()

        def done(result) -> None:
            self._posting = None
            self._unsent.pop(candidate_id, None)
            self.message.emit(
                tr_format(self.tr("Posted to %1: %2"), network_name(result.network), result.url)
            )
            if self._composing_id == candidate_id:
                self.close_compose()
            else:
                self._update_post()
            self.changed.emit()
            self.refresh()

        def failed(exc: Exception) -> None:
            self._posting = None
            error = tr_format(self.tr("Not posted: %1"), exc)
            if self._composing_id == candidate_id:
                self._post_error = error  # the text stays, as the user left it
            else:
                # They moved on meanwhile: keep the text for when they compose it again.
                self._unsent[candidate_id] = (network, text, error)
                self.message.emit(
                    error + " " + self.tr("Your text is kept: compose that link again.")
                )
            self._update_post()

        self.run(
            lambda: self.services.post_share(candidate_id, text=text, network=network),
            done,
            failed,
        )

    def copy_text(self) -> None:
        if self._composing_id is None or not self.panel.composer.isVisible():
            return
        QGuiApplication.clipboard().setText(self.panel.composer.editor.toPlainText())
        self.message.emit(self.tr("Copied. Post it, then press Mark shared (M)."))

    def close_compose(self) -> None:
        if self._composing_id is None or self._posting == self._composing_id:
            return  # nothing open, or its post is on its way
        self._composing_id = None
        self._context = None
        self._draft = None
        self._post_error = ""
        self.panel.set_composing(False)
        self._update_post()
        self.table.setFocus()
