"""Sending a group thank-you: one reply under my post mentioning everyone who shared it,
or several replies when the mentions do not fit in one (see ``drafts.group_draft``).

The same promises as :mod:`desktop.app.outbox.thank`: nothing is posted unless this is called from
an explicit click on those very texts; every text is checked (not empty, mentions someone
of the group, within the length rule) before the first one is posted; each person is
marked thanked only after the network accepted the text that mentions them, with that
text. People the texts do not mention are never marked: they stay pending.

When one part fails after others went out, sending stops and :class:`GroupSendError` says
who was thanked (the parts already posted) and who was not; retrying with the rest of the
people and the rest of the texts is safe (Mastodon's Idempotency-Key covers a part whose
answer was lost).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.app.length import length_rule
from desktop.app.outbox.thank import (
    WRITABLE,
    SendResult,
    _account_for,
    idempotency_key,
)
from desktop.connectors.base import Connector
from desktop.connectors.bluesky import BlueskyConnector
from desktop.connectors.mastodon import MastodonConnector
from desktop.core.errors import InvalidRequest
from desktop.core.groups import check_group_parts
from desktop.core.i18n import fill, tx
from desktop.core.length import check
from desktop.core.vocabulary import AckAction
from desktop.platform.secrets import SecretStore
from desktop.queries.drafts import Draft, Mention, group_draft
from desktop.queries.people import acknowledge, live_person
from desktop.store.database import Store
from desktop.sync.connect import AccountRef, connector_for

__all__ = ["GroupSendError", "send_group_thanks"]


class GroupSendError(Exception):
    """Some parts were posted (their people are marked thanked), then one failed."""

    def __init__(
        self, message: str, sent: list[SendResult], not_thanked: list[int], parts_sent: int
    ) -> None:
        super().__init__(message)
        self.sent = sent  # one per person thanked
        self.not_thanked = not_thanked
        self.parts_sent = parts_sent  # the first parts_sent texts went out, the rest did not

    @property
    def thanked(self) -> list[int]:
        return [r.person_id for r in self.sent]


@dataclass(frozen=True)
class _Part:
    number: int
    text: str
    person_ids: list[int]  # the people of the group this text mentions


def send_group_thanks(
    store: Store,
    secrets: Callable[[], SecretStore],
    person_ids: Sequence[int],
    post_url: str,
    *,
    texts: list[str] | None = None,
    today: date | None = None,
) -> list[SendResult]:
    """Post the group thank-you (``texts``, else the group drafts as they are) as replies
    under my post ``post_url``, then mark the people each text mentions thanked with it.

    Returns one SendResult per person thanked, in the order they were mentioned. Raises
    InvalidRequest (nothing posted) for an empty text, a text that mentions none of these
    people or one over the length rule; the connector's error when the first part fails
    (nothing posted); GroupSendError when a later part fails.
    """
    today = today or date.today()
    with store.read() as session:
        drafts: list[Draft] = group_draft(session, list(person_ids), post_url)
        network = drafts[0].network
        reply_to = drafts[0].reply_to
        language = drafts[0].language
        mentions: dict[int, Mention] = {}
        for draft in drafts:
            for pid, mention in zip(draft.person_ids, draft.mentions, strict=True):
                mentions.setdefault(pid, mention)
        names = {pid: live_person(session, pid).display_name for pid in mentions}
        ref = None
        for pid in mentions:
            account = _account_for(session, pid, network)
            if account is not None:
                ref = AccountRef.of(account)
                break

    bodies = [d.text for d in drafts] if texts is None else list(texts)
    parts = _plan(bodies, mentions)
    everyone = list(mentions)

    if network not in WRITABLE or ref is None:
        # No write access: the caller copies the texts and opens my post; marking them
        # thanked is the user's word that they said it there.
        url = reply_to.url if reply_to else post_url
        results: list[SendResult] = []
        for part in parts:
            _mark_all(store, part.person_ids, "message", part.text, today)
            results += [
                SendResult(pid, "message", part.text, url, network, copied=True)
                for pid in part.person_ids
            ]
        return results

    connector = connector_for(ref, [], secrets())
    rule = length_rule(connector, ref.network)
    for part in parts:
        fits = check(part.text, rule)
        if not fits.ok:
            if len(parts) > 1:
                said = fill(tx("Sending", "not sent: part %1: %2"), part.number, fits.explained)
            else:
                said = fill(tx("Sending", "not sent: %1"), fits.explained)
            raise InvalidRequest(said)

    reply_id = reply_to.remote_id if reply_to else ""
    results = []
    for part in parts:
        try:
            url = _post(connector, ref, reply_id, part, language, today)
        except Exception as exc:
            if not results:
                raise  # nothing went out: the plain error, as for one person
            thanked = {r.person_id for r in results}
            waiting = [pid for pid in everyone if pid not in thanked]
            raise GroupSendError(
                fill(
                    tx(
                        "Sending",
                        "part %1 of %2 was not sent: %3. Thanked: %4; still waiting: %5",
                    ),
                    part.number,
                    len(parts),
                    exc,
                    _names(thanked, names, everyone),
                    _names(waiting, names, everyone),
                ),
                results,
                waiting,
                part.number - 1,
            ) from exc
        _mark_all(store, part.person_ids, "reply", part.text, today)
        results += [SendResult(pid, "reply", part.text, url, network) for pid in part.person_ids]
    return results


def _plan(bodies: list[str], mentions: dict[int, Mention]) -> list[_Part]:
    """Who each text thanks (core.groups.check_group_parts, as the window checks it)."""
    if not bodies:
        raise InvalidRequest(tx("Sending", "the group thank-you is empty"))
    checked = check_group_parts(bodies, {pid: m.text for pid, m in mentions.items()})
    several = len(bodies) > 1
    for part in checked.parts:
        if part.empty:
            raise InvalidRequest(
                fill(tx("Sending", "part %1 is empty"), part.number)
                if several
                else tx("Sending", "the thank-you is empty")
            )
        if not part.person_ids:
            named = ", ".join(mentions[pid].text for pid in mentions)
            raise InvalidRequest(
                fill(
                    tx("Sending", "part %1 mentions none of %2: who is it thanking?"),
                    part.number,
                    named,
                )
                if several
                else fill(
                    tx("Sending", "the thank-you mentions none of %1: who is it thanking?"), named
                )
            )
    return [_Part(p.number, p.text, p.person_ids) for p in checked.parts]


def _post(
    connector: Connector, ref: AccountRef, reply_id: str, part: _Part, language: str, today: date
) -> str:
    if isinstance(connector, MastodonConnector):
        key = idempotency_key(part.person_ids[0], today, part.text)
        return connector.reply(reply_id or None, part.text, idempotency_key=key)
    if not isinstance(connector, BlueskyConnector):
        raise InvalidRequest(fill(tx("Sending", "%1 has no way to post for you"), ref.network))
    if reply_id:
        return connector.reply(reply_id, part.text, langs=[language])
    return connector.post(part.text, langs=[language])


def _mark_all(store: Store, person_ids: list[int], how: str, text: str, today: date) -> None:
    """Everyone one posted text mentions, in one transaction: all of them or none."""
    with store.session() as session:
        for pid in person_ids:
            acknowledge(session, pid, AckAction.THANKED, how=how, text=text, today=today)


def _names(ids: Iterable[int], names: dict[int, str], order: list[int]) -> str:
    wanted = set(ids)
    chosen = [names[pid] for pid in order if pid in wanted]
    return ", ".join(chosen) if chosen else tx("Sending", "nobody")
