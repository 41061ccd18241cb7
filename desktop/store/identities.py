"""People behind events: one identity per (network, stable id), a person for each new one.

Names and handles change on networks; the latest non-empty values win (a handle that is
only the stable id again never replaces one). On SQLite the rows are read and written with
plain SQL on the session's connection (see ingest.py).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from desktop.core.events import Actor
from desktop.core.text import fold
from desktop.store.models import Identity, Person, storable, utcnow
from desktop.store.sqlite_bulk import (
    chunks,
    dialect_insert,
    plain_errors,
    plain_sqlite,
    sqlite_stamp,
)

Key = tuple[str, str]  # (network, stable id)


def search_key(display_name: str, handle: str) -> str:
    return fold(storable(f"{display_name} {handle}".strip()) or "")


def latest_actors(actors: Iterable[Actor]) -> dict[Key, Actor]:
    latest: dict[Key, Actor] = {}
    for actor in actors:
        latest[(actor.network, actor.stable_id)] = actor
    return latest


def _by_network(keys: Iterable[Key]) -> dict[str, list[str]]:
    by_network: dict[str, list[str]] = {}
    for network, stable_id in keys:
        by_network.setdefault(network, []).append(stable_id)
    return by_network


def _renamed(
    actor: Actor, handle: str, display_name: str, profile_url: str, links: str
) -> tuple[str, str, str, str] | None:
    """(handle, display_name, profile_url, links) after this sighting, or None if
    unchanged: the latest non-empty values win. A handle that only repeats the stable id (a
    YouTube channel id, where a source knows no @handle) names no one: it replaces no
    handle."""
    weak = actor.handle == actor.stable_id and bool(handle)
    old = (handle, display_name, profile_url, links)
    new = (
        handle if weak else actor.handle or handle,
        actor.display_name or display_name,
        actor.profile_url or profile_url,
        "\n".join(actor.links) or links,
    )
    if new == old:  # the usual case, and the stored values are storable already
        return None
    a, b, c, d = (storable(value) or "" for value in new)
    return None if (a, b, c, d) == old else (a, b, c, d)


def resolve_identities(session: Session, actors: Iterable[Actor]) -> dict[tuple[str, str], int]:
    """Identity ids for actors, creating a person for each identity never seen before.

    Names and handles change on networks; the latest non-empty values win.
    """
    return {key: ids[0] for key, ids in _resolve(session, latest_actors(actors)).items()}


def _resolve(session: Session, latest: dict[Key, Actor]) -> dict[Key, tuple[int, int]]:
    """(identity id, person id) for each (network, stable id), created or updated."""
    if not latest:
        return {}
    db = plain_sqlite(session)
    if db is None:
        return resolve_core(session, latest)
    with plain_errors("resolving identities"):
        return resolve_sqlite(session, db, latest)


_SELECT_IDENTITIES = (
    "SELECT id, person_id, stable_id, handle, display_name, profile_url, links FROM identities"
    " WHERE network = ? AND stable_id IN ({marks})"
)
_UPDATE_IDENTITY = (
    "UPDATE identities SET handle = ?, display_name = ?, profile_url = ?, links = ?,"
    " search_key = ?"
    " WHERE id = ?"
)
_INSERT_PERSON = (
    "INSERT INTO persons (display_name, notes, tags, merged_into_id, created_at)"
    " VALUES (?, '', '', NULL, ?)"
)
_INSERT_IDENTITY = (
    "INSERT INTO identities (person_id, network, stable_id, handle, display_name,"
    " profile_url, links, search_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def resolve_sqlite(
    session: Session, db: sqlite3.Connection, latest: dict[Key, Actor]
) -> dict[Key, tuple[int, int]]:
    found: dict[Key, tuple[int, int]] = {}
    updates: list[tuple[str, str, str, str, str, int]] = []
    cursor = db.cursor()
    for network, stable_ids in _by_network(latest).items():
        # "network = ? AND stable_id IN (...)" seeks the unique index; a row-value IN
        # over (network, stable_id) pairs made SQLite scan all of it on every page.
        for chunk in chunks(stable_ids):
            sql = _SELECT_IDENTITIES.format(marks=",".join("?" * len(chunk)))
            for iid, pid, stable_id, handle, name, profile, links in cursor.execute(
                sql, (network, *chunk)
            ):
                key = (network, stable_id)
                found[key] = (iid, pid)
                new = _renamed(latest[key], handle, name, profile, links)
                if new is not None:
                    updates.append((*new, search_key(new[1], new[0]), iid))
    if updates:
        cursor.executemany(_UPDATE_IDENTITY, updates)
        _expire(session, Identity, [row[-1] for row in updates])
    missing = [key for key in latest if key not in found]
    if missing:
        now = sqlite_stamp(utcnow())
        for key in missing:
            actor = latest[key]
            cursor.execute(_INSERT_PERSON, (storable(actor.display_name or actor.handle), now))
            person_id = cursor.lastrowid
            assert person_id is not None  # an INSERT's row id
            cursor.execute(
                _INSERT_IDENTITY,
                (
                    person_id,
                    key[0],
                    key[1],
                    storable(actor.handle),
                    storable(actor.display_name),
                    storable(actor.profile_url),
                    storable("\n".join(actor.links)),
                    search_key(actor.display_name, actor.handle),
                    now,
                ),
            )
            identity_id = cursor.lastrowid
            assert identity_id is not None
            found[key] = (identity_id, person_id)
    cursor.close()
    return found


def _expire(session: Session, model: type[Any], ids: Iterable[int]) -> None:
    """Objects of these rows the session holds are stale after plain SQL changed them."""
    if not session.identity_map:
        return
    for row_id in ids:
        obj = session.identity_map.get(identity_key(model, row_id))
        if obj is not None:
            session.expire(obj)


def resolve_core(session: Session, latest: dict[Key, Actor]) -> dict[Key, tuple[int, int]]:
    """The portable path (PostgreSQL's). Another member's app may create the same identity
    at the same moment: the unique (network, stable_id) makes this transaction wait for
    theirs, then skip the row (ON CONFLICT DO NOTHING), drop the person it had made for it,
    and read theirs. Rows are written in key order, so two such transactions never wait for
    each other in a circle."""
    found = _found_core(session, latest, list(latest))
    missing = [key for key in latest if key not in found]
    if missing:
        created = _create_core(session, latest, missing)
        found.update(created)
        lost = [key for key in missing if key not in created]
        if lost:
            found.update(_found_core(session, latest, lost))
    return found


def _found_core(
    session: Session, latest: dict[Key, Actor], keys: list[Key]
) -> dict[Key, tuple[int, int]]:
    """The identities already stored for these keys, renamed as their latest sighting says."""
    found: dict[Key, tuple[int, int]] = {}
    renames: list[tuple[int, tuple[str, str, str, str]]] = []
    for network, stable_ids in _by_network(keys).items():
        for chunk in chunks(stable_ids):
            rows = session.execute(
                select(
                    Identity.id,
                    Identity.person_id,
                    Identity.stable_id,
                    Identity.handle,
                    Identity.display_name,
                    Identity.profile_url,
                    Identity.links,
                ).where(Identity.network == network, Identity.stable_id.in_(chunk))
            )
            for row in rows:
                key = (network, row.stable_id)
                found[key] = (row.id, row.person_id)
                new = _renamed(
                    latest[key], row.handle, row.display_name, row.profile_url, row.links
                )
                if new is not None:
                    renames.append((row.id, new))
    for identity_id, new in sorted(renames):  # in id order: see resolve_core
        session.execute(
            update(Identity)
            .where(Identity.id == identity_id)
            .values(
                handle=new[0],
                display_name=new[1],
                profile_url=new[2],
                links=new[3],
                search_key=search_key(new[1], new[0]),
            )
        )
    return found


def _create_core(
    session: Session, latest: dict[Key, Actor], missing: list[Key]
) -> dict[Key, tuple[int, int]]:
    """A person and an identity for each key, but for those another transaction stored
    first: their persons are deleted again, and they are left out of the answer."""
    now = utcnow()
    person_ids = session.scalars(
        insert(Person).returning(Person.id, sort_by_parameter_order=True),
        [
            {"display_name": latest[k].display_name or latest[k].handle, "created_at": now}
            for k in missing
        ],
    ).all()
    person_of = dict(zip(missing, person_ids, strict=True))
    stored = session.execute(
        dialect_insert(session, Identity)
        .on_conflict_do_nothing(index_elements=["network", "stable_id"])
        .returning(Identity.id, Identity.network, Identity.stable_id),
        [
            {
                "person_id": person_of[k],
                "network": k[0],
                "stable_id": k[1],
                "handle": latest[k].handle,
                "display_name": latest[k].display_name,
                "profile_url": latest[k].profile_url,
                "links": "\n".join(latest[k].links),
                "search_key": search_key(latest[k].display_name, latest[k].handle),
                "created_at": now,
            }
            for k in sorted(missing)  # in key order: see resolve_core
        ],
    )
    created = {(row.network, row.stable_id): row.id for row in stored}
    orphans = [pid for key, pid in person_of.items() if key not in created]
    for chunk in chunks(orphans):
        session.execute(delete(Person).where(Person.id.in_(chunk)))
    return {key: (iid, person_of[key]) for key, iid in created.items()}
