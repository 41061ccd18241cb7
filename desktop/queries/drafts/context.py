"""What a draft is made from, read from the store: pending interactions, identities,
languages, the last thank-you's text, the user's own variants, the cooldown."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest
from desktop.core.i18n import fill, tx
from desktop.core.vocabulary import AckAction
from desktop.queries.drafts.model import DEFAULT_COOLDOWN_DAYS
from desktop.queries.pending import pending_condition
from desktop.queries.people import last_thanked, live_person
from desktop.queries.templates import (
    languages,
    template_problem,
)
from desktop.store.models import Acknowledgement, Identity, Interaction, Person, utcnow
from desktop.store.settings import draft_language, get_setting


def user_variants(session: Session, language: str, situation: str) -> tuple[str, ...]:
    """The user's own variants for a situation (Settings → templates), if any and valid:
    they replace the shipped ones for that situation. Invalid ones are ignored, not fatal."""
    from desktop.store.settings import get_setting

    mine = (get_setting(session, "templates") or {}).get(language, {}).get(situation) or []
    valid = tuple(v for v in mine if isinstance(v, str) and v.strip() and not template_problem(v))
    return valid


@dataclass(frozen=True)
class _Row:
    person_id: int
    identity_id: int
    network: str
    kind: str
    post_url: str
    post_text: str
    post_language: str
    post_remote_id: str
    occurred_at: datetime


def _today(now: datetime) -> date:
    return now.astimezone().date()


def _pending_rows(
    session: Session, person_ids: list[int], today: date, *, post_url: str | None = None
) -> list[_Row]:
    """Every unanswered inbound interaction of these people, newest first."""
    query = (
        select(
            Identity.person_id,
            Identity.id,
            Identity.network,
            Interaction.kind,
            Interaction.post_url,
            Interaction.post_text,
            Interaction.post_language,
            Interaction.post_remote_id,
            Interaction.occurred_at,
        )
        .join(Identity, Identity.id == Interaction.identity_id)
        .where(pending_condition(session, today), Identity.person_id.in_(person_ids))
        .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
    )
    if post_url is not None:
        query = query.where(Interaction.post_url == post_url)
    return [_Row(*row) for row in session.execute(query)]


def _identities(session: Session, person_id: int) -> list[Identity]:
    return list(
        session.scalars(
            select(Identity).where(Identity.person_id == person_id).order_by(Identity.id)
        )
    )


def _last_thanked_text(session: Session, person_id: int) -> str:
    return (
        session.scalar(
            select(Acknowledgement.text)
            .where(
                Acknowledgement.person_id == person_id, Acknowledgement.action == AckAction.THANKED
            )
            .order_by(Acknowledgement.created_at.desc(), Acknowledgement.id.desc())
            .limit(1)
        )
        or ""
    )


def _norm_language(code: str | None) -> str:
    return re.split(r"[-_]", (code or "").strip().lower(), maxsplit=1)[0]


def _language(session: Session, asked: str | None, found: Iterable[str]) -> str:
    available = languages()
    if asked:
        code = _norm_language(asked)
        if code not in available:
            raise InvalidRequest(
                fill(
                    tx("Templates", "no thank-you templates in %1; available: %2"),
                    repr(asked),
                    ", ".join(available),
                )
            )
        return code
    for code in map(_norm_language, found):
        if code:
            if code in available:
                return code
            break  # the post's language, which we have no templates for
    default = _norm_language(draft_language(session))
    return default if default in available else "en"


def _network_and_identity(
    person: Person, identities: list[Identity], rows: list[_Row], asked: str | None
) -> tuple[str, Identity]:
    if asked:
        network = asked.strip().lower()
        on_network = [i for i in identities if i.network == network]
        if not on_network:
            known = ", ".join(dict.fromkeys(i.network for i in identities)) or tx(
                "Drafts", "no network"
            )
            raise InvalidRequest(
                fill(
                    tx("Drafts", "%1 has no identity on %2; they are on %3"),
                    person.display_name,
                    network,
                    known,
                )
            )
    else:
        network = rows[0].network
    by_id = {i.id: i for i in identities}
    recent = next((r.identity_id for r in rows if r.network == network), None)
    identity = by_id.get(recent) if recent is not None else None
    if identity is None:
        identity = next(i for i in identities if i.network == network)
    return network, identity


# --- cooldown ------------------------------------------------------------------------------


def cooldown_days(session: Session) -> int:
    """Days after a thank-you during which another one would feel like too much."""
    try:
        value = get_setting(session, "thank_cooldown_days")
    except KeyError:  # the setting is not known to this store version yet
        return DEFAULT_COOLDOWN_DAYS
    return int(value) if isinstance(value, int | float) and value >= 0 else DEFAULT_COOLDOWN_DAYS


def recently_thanked(
    session: Session, person_id: int, now: datetime | None = None, days: int | None = None
) -> datetime | None:
    """When the person was last thanked, if that was within ``days`` (the
    ``thank_cooldown_days`` setting, 14 by default); None otherwise."""
    now = now or utcnow()
    person = live_person(session, person_id)
    last = last_thanked(session, [person.id]).get(person.id)
    if last is None:
        return None
    window = timedelta(days=cooldown_days(session) if days is None else days)
    return last if now - last < window else None
