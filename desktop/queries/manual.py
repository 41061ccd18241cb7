"""Quick manual entry for networks without an API (LinkedIn, X, Instagram...)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InvalidRequest
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Post
from desktop.core.i18n import fill, tx
from desktop.core.profiles import profile_of
from desktop.core.text import fold
from desktop.core.vocabulary import Network
from desktop.queries.accounts import MANUAL_HANDLE, upsert_account
from desktop.queries.people import live_person
from desktop.store.ingest import ingest_interactions, search_key
from desktop.store.models import Identity, Person, utcnow


def _find_by_name(session: Session, name: str) -> Person | None:
    wanted = fold(name.strip())
    matches = (
        [
            p
            for p in session.scalars(select(Person).where(Person.merged_into_id.is_(None)))
            if fold(p.display_name) == wanted
        ]
        if wanted
        else []
    )
    if len(matches) > 1:
        ids = ", ".join(str(p.id) for p in matches)
        raise InvalidRequest(
            fill(
                tx("Errors", "several people are called %1 (ids %2): give the id"), repr(name), ids
            )
        )
    return matches[0] if matches else None


def log_interaction(
    session: Session,
    person: str,
    *,
    kind: str,
    network: str,
    url: str = "",
    direction: str = "inbound",
    when: datetime | None = None,
) -> tuple[int, bool]:
    """Record one interaction by hand. PERSON is an id, a name (a new name makes a new
    person) or a profile URL (its network's identity, made if new: the network is the
    URL's). Returns (person id, whether the person is new)."""
    try:
        kind_value, direction_value = Kind(kind), Direction(direction)
    except ValueError as exc:
        raise InvalidRequest(str(exc)) from None
    profile = profile_of(person)
    if profile is not None:
        actor = Actor(
            profile.network, profile.stable_id, profile.handle, profile.handle, profile.url
        )
        return _log(session, actor, kind_value, direction_value, url, when)
    network = network.strip().lower()
    if not network:
        raise InvalidRequest(
            tx("Errors", "say which network it happened on, e.g. --network linkedin")
        )
    existing: Person | None
    if person.strip().isdigit():
        existing = live_person(session, int(person))
    else:
        if not person.strip():
            raise InvalidRequest(tx("Errors", "say who: a person id or a name"))
        existing = _find_by_name(session, person)
    name = existing.display_name if existing else person.strip()
    stable_id = f"name:{fold(name)}"
    actor = Actor(network=network, stable_id=stable_id, handle=name, display_name=name)
    if existing is not None:
        identity = session.scalar(
            select(Identity).where(Identity.person_id == existing.id, Identity.network == network)
        )
        if identity is None:
            identity = Identity(
                person_id=existing.id,
                network=network,
                stable_id=f"{stable_id}#{existing.id}",
                handle=name,
                display_name=name,
                search_key=search_key(name, ""),
            )
            session.add(identity)
            session.flush()
        # The identity as it is: a manual entry must not rename a synced handle.
        stable_id = identity.stable_id
        actor = Actor(
            network, stable_id, identity.handle, identity.display_name, identity.profile_url
        )
    return _log(session, actor, kind_value, direction_value, url, when, existing is None)


def _log(
    session: Session,
    actor: Actor,
    kind: Kind,
    direction: Direction,
    url: str,
    when: datetime | None,
    new: bool | None = None,
) -> tuple[int, bool]:
    """Ingest one manual interaction with ``actor``: (its person, whether that is new)."""
    if new is None:  # a profile URL: new unless that identity is known already
        new = (
            session.scalar(
                select(Identity.id).where(
                    Identity.network == actor.network, Identity.stable_id == actor.stable_id
                )
            )
            is None
        )
    account = upsert_account(
        session, Network.MANUAL, "", MANUAL_HANDLE, display_name="Manual entries"
    )
    event = InteractionEvent(
        external_id=f"manual:{uuid.uuid4()}",
        kind=kind,
        direction=direction,
        actor=actor,
        occurred_at=when or utcnow(),
        post=Post(url=url.strip()) if url.strip() else None,
    )
    ingest_interactions(session, account.id, [event])
    person_id = session.execute(
        select(Identity.person_id).where(
            Identity.network == actor.network, Identity.stable_id == actor.stable_id
        )
    ).scalar_one()
    return person_id, new
