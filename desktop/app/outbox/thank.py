"""Sending a thank-you: the one code path behind the check-in's Send and
`reciprocity thank PERSON_ID --send`.

Nothing is posted unless this is called, and it is called only from an explicit click or
command on that very draft. The person is marked thanked only after the network accepted
the post; a failure raises and changes nothing, so the caller keeps the draft.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.app.length import length_rule
from desktop.connectors.bluesky import BlueskyConnector
from desktop.connectors.mastodon import MastodonConnector
from desktop.core.errors import InvalidRequest
from desktop.core.i18n import fill, tx
from desktop.core.length import check
from desktop.core.vocabulary import AccountState, AckAction, Network
from desktop.platform.secrets import SecretStore
from desktop.queries.drafts import Draft, make_draft
from desktop.queries.people import acknowledge, live_person
from desktop.store.database import Store
from desktop.store.models import Account, Identity, Interaction
from desktop.sync.connect import AccountRef, connector_for

WRITABLE = (Network.MASTODON, Network.BLUESKY)


@dataclass(frozen=True)
class SendResult:
    person_id: int
    how: str  # reply, like, message
    text: str
    url: str  # the new post's URL; for copy-and-open networks, the post to open
    network: str
    copied: bool = False  # no write access: the caller copies the text and opens the URL


def _account_for(session: Session, person_id: int, network: str) -> Account | None:
    """The account their most recent interaction on that network came through."""
    account_id = session.scalar(
        select(Interaction.account_id)
        .join(Identity, Identity.id == Interaction.identity_id)
        .join(Account, Account.id == Interaction.account_id)
        .where(
            Identity.person_id == person_id,
            Interaction.network == network,
            Account.state != AccountState.REMOVED,
            Account.network == network,
        )
        .order_by(Interaction.occurred_at.desc())
        .limit(1)
    )
    return session.get(Account, account_id) if account_id else None


def idempotency_key(*parts: object) -> str:
    """The same click retried (a timeout after the server got it) never posts twice: the
    key is made of what the post is (who or what, the day, the text)."""
    raw = "\n".join(p.isoformat() if isinstance(p, date) else str(p) for p in parts)
    return hashlib.sha256(raw.encode()).hexdigest()[:40]


def send_thanks(
    store: Store,
    secrets: Callable[[], SecretStore],
    person_id: int,
    *,
    text: str | None = None,
    how: str = "reply",
    language: str | None = None,
    network: str | None = None,
    today: date | None = None,
) -> SendResult:
    """Post the thank-you (or like back), then mark the person thanked with what was said."""
    today = today or date.today()
    if how not in ("reply", "like"):
        raise InvalidRequest(
            fill(tx("Sending", "cannot send a thank-you by %1; use reply or like"), repr(how))
        )
    with store.read() as session:
        person = live_person(session, person_id)
        person_id, name = person.id, person.display_name  # plain values outlive the session
        draft: Draft = make_draft(session, person_id, language=language, network=network)
        account = _account_for(session, person_id, draft.network)
        ref = AccountRef.of(account) if account is not None else None
        profile = session.scalar(
            select(Identity.profile_url)
            .where(Identity.person_id == person_id, Identity.network == draft.network)
            .where(Identity.profile_url != "")
            .order_by(Identity.id)
        )
    body = draft.text if text is None else text
    if how == "reply" and not body.strip():
        raise InvalidRequest(tx("Sending", "the thank-you is empty"))

    if draft.network not in WRITABLE or ref is None:
        # No write access (feeds, LinkedIn, X...): the caller copies the text and opens the
        # post; marking them thanked is the user's word that they said it there.
        # Their post when there is one (a comment), else their profile (a connection).
        url = draft.reply_to.url if draft.reply_to and draft.reply_to.url else profile or ""
        _mark(store, person_id, "message", body, today)
        return SendResult(person_id, "message", body, url, draft.network, copied=True)

    connector = connector_for(ref, [], secrets())
    if not isinstance(connector, MastodonConnector | BlueskyConnector):
        raise InvalidRequest(fill(tx("Sending", "cannot post on %1"), ref.network))
    if how == "like":
        if draft.reply_to is None:
            raise InvalidRequest(fill(tx("Sending", "there is no post of %1's to like"), name))
        if isinstance(connector, MastodonConnector):
            connector.favourite(draft.reply_to.remote_id)
        else:
            connector.like(draft.reply_to.remote_id)
        _mark(store, person_id, "like", "", today)
        return SendResult(person_id, "like", "", draft.reply_to.url, draft.network)

    fits = check(body, length_rule(connector, ref.network))
    if not fits.ok:
        raise InvalidRequest(fill(tx("Sending", "not sent: %1"), fits.explained))
    reply_id = draft.reply_to.remote_id if draft.reply_to else None
    if isinstance(connector, MastodonConnector):
        url = connector.reply(
            reply_id, body, idempotency_key=idempotency_key(person_id, today, body)
        )
    elif reply_id:
        url = connector.reply(reply_id, body, langs=[draft.language])
    else:
        url = connector.post(body, langs=[draft.language])
    _mark(store, person_id, "reply", body, today)
    return SendResult(person_id, "reply", body, url, draft.network)


def _mark(store: Store, person_id: int, how: str, text: str, today: date) -> None:
    with store.session() as session:
        acknowledge(session, person_id, AckAction.THANKED, how=how, text=text, today=today)
