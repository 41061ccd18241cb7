"""Posting a share: the one code path behind the Share section's Post button.

Like :mod:`desktop.app.outbox.thank`, nothing is posted unless this is called, and it is called
only from an explicit click on that very text. The post goes out through *my* account on
the chosen network; the candidate is marked shared (one outbound share for its author in
the ledger, see :func:`desktop.queries.share.mark_shared`) only after the network accepted
the post. A failure raises and changes nothing, so the caller keeps the text.

Visibility: on Mastodon a share is posted **public** — a share is meant to be seen, and
credits its author where their followers can find it (thank-you replies, by contrast, go
out unlisted). Bluesky posts have no visibility setting: every post is public.

Which account: the first non-removed account on that network; when there are several, the
one synced most recently (the one most likely signed in and in use).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.app.length import length_rule
from desktop.app.outbox.thank import idempotency_key
from desktop.connectors.bluesky import BlueskyConnector
from desktop.connectors.mastodon import MastodonConnector
from desktop.core.errors import InvalidRequest, NotFound
from desktop.core.i18n import fill, tx
from desktop.core.length import check, network_label
from desktop.core.vocabulary import AccountState, Network
from desktop.platform.secrets import SecretStore
from desktop.queries.share import POSTING_NETWORKS, mark_shared
from desktop.store.database import Store
from desktop.store.models import Account, Candidate
from desktop.store.settings import draft_language
from desktop.sync.connect import AccountRef, connector_for

__all__ = ["SHARE_VISIBILITY", "ShareResult", "post_share", "share_account"]

SHARE_VISIBILITY = "public"  # Mastodon: a share is meant to be seen


@dataclass(frozen=True)
class ShareResult:
    candidate_id: int
    network: str
    url: str  # the new post's URL
    text: str  # exactly what was posted


def _label(network: str) -> str:
    """The network as a sentence names it: "Mastodon", "the blog" in the user's language."""
    if network in (Network.FEED, Network.BLOG):
        return tx("Sending", "the blog")
    return network_label(network)


def share_account(session: Session, network: str) -> Account | None:
    """My account to post a share on ``network`` with: not removed; the most recently
    synced first (never-synced ones last), then the oldest."""
    return session.scalar(
        select(Account)
        .where(Account.network == network, Account.state != AccountState.REMOVED)
        .order_by(Account.last_sync_at.is_(None), Account.last_sync_at.desc(), Account.id)
        .limit(1)
    )


def post_share(
    store: Store,
    secrets: Callable[[], SecretStore],
    candidate_id: int,
    *,
    text: str,
    network: str,
    today: date | None = None,
) -> ShareResult:
    """Post ``text`` as a new post on ``network``, then mark the candidate shared.

    Raises InvalidRequest (no account there, empty, too long for the instance), NotFound
    (no such candidate), or a connector error (NeedsSignIn, Refused, Unreachable...) —
    in every case before anything is written to the store.
    """
    today = today or date.today()
    network = (network or "").lower()
    label = _label(network)
    if network not in POSTING_NETWORKS:
        raise InvalidRequest(
            fill(tx("Sending", "cannot post to %1: copy the text and post it there"), label)
        )
    if not text.strip():
        raise InvalidRequest(tx("Sending", "the share post is empty"))
    with store.read() as session:
        if session.get(Candidate, candidate_id) is None:
            raise NotFound(fill(tx("Errors", "no candidate with id %1"), candidate_id))
        account = share_account(session, network)
        ref = AccountRef.of(account) if account is not None else None
        language = draft_language(session)
    if ref is None:
        raise InvalidRequest(
            fill(tx("Sending", "connect a %1 account to post there, or copy the text"), label)
        )

    connector = connector_for(ref, [], secrets())
    if not isinstance(connector, MastodonConnector | BlueskyConnector):
        raise InvalidRequest(fill(tx("Sending", "cannot post on %1"), label))
    fits = check(text, length_rule(connector, network))
    if not fits.ok:
        raise InvalidRequest(fill(tx("Sending", "not posted: %1"), fits.explained))

    if isinstance(connector, MastodonConnector):
        url = connector.reply(
            None,
            text,
            visibility=SHARE_VISIBILITY,
            idempotency_key=idempotency_key("share", candidate_id, network, today, text),
        )
    else:
        url = connector.post(text, langs=[language])
    with store.session() as session:
        mark_shared(session, candidate_id, network=network)
    return ShareResult(candidate_id, network, url, text)
