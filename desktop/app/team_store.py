"""Which store a data dir uses, and moving a store between SQLite and PostgreSQL.

`reciprocity store use URL` (and Settings → Store) points a data dir at a shared database:
the URL is kept in `<data dir>/store-url` without its password, which goes to the keyring
like every other secret (the database holds none either), and is put back when the store
is opened. `store use local` goes back to the data dir's own SQLite file.

`reciprocity store copy --to URL` copies this store into an empty one (desktop.store.copy);
`--from URL` copies that one into this, empty, store.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.i18n import fill, tx
from desktop.platform import paths

if TYPE_CHECKING:
    from desktop.platform.secrets import SecretStore
    from desktop.store.database import Store

LOCAL = ("local", "sqlite")  # `store use local`: back to the data dir's SQLite file
SECRET_NAME = "password"


class StoreChoiceError(Exception):
    """The URL cannot be used as a store; the message says why."""


@dataclass(frozen=True)
class Choice:
    url: str  # without its password: safe to show
    shared: bool  # not the data dir's own SQLite file


def shown(url: str) -> str:
    """The URL with its password hidden."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


def without_password(url: str) -> str:
    from sqlalchemy.engine import make_url

    # URL.set(password=None) keeps the password ("None: unchanged"); a NamedTuple's
    # _replace drops it.
    return make_url(url)._replace(password=None).render_as_string(hide_password=False)


def secret_key(url: str) -> str:
    """The keyring entry for a store's password: its URL without the password."""

    return "store:" + without_password(url)


def normalized(url: str) -> str:
    """A PostgreSQL URL with the driver the app ships (psycopg 3), others as they are."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url.strip())
    except ArgumentError:
        raise StoreChoiceError(
            fill(tx("Store", "%1 is not a database URL (e.g. postgresql://ana@server/team)"), url)
        ) from None
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    if not parsed.drivername.startswith(("postgresql", "sqlite")):
        raise StoreChoiceError(
            fill(tx("Store", "%1: only PostgreSQL and SQLite stores are supported"), shown(url))
        )
    return parsed.render_as_string(hide_password=False)


def with_password(url: str, secrets: SecretStore | None) -> str:
    """The URL as it is opened: with the password the keyring keeps for it, if any."""
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.password is not None or not parsed.username or secrets is None:
        return url
    password = secrets.get(secret_key(url), SECRET_NAME)
    return parsed.set(password=password).render_as_string(hide_password=False) if password else url


def current(directory: Path) -> Choice:
    url = paths.database_url(directory, explicit_dir=True)
    return Choice(shown(url), shared=paths.chosen_store_url(directory) is not None)


def use(
    directory: Path,
    url: str,
    secrets_factory: Callable[[], SecretStore],
    open_store: Callable[[str], Store],
) -> Choice:
    """Point this data dir at ``url`` (or "local"): opened (created, migrated) first, so a
    URL that does not work changes nothing; its password goes to the keyring."""
    target = directory / paths.STORE_URL_FILE
    if url.strip().lower() in LOCAL:
        target.unlink(missing_ok=True)
        return current(directory)
    from sqlalchemy.engine import make_url

    full = normalized(url)
    password = make_url(full).password
    secrets = secrets_factory() if password else None
    store = open_store(full)  # the URL's password, or none: the server's own rules
    store.close()
    bare = without_password(full)
    if password and secrets is not None:
        secrets.set(secret_key(bare), SECRET_NAME, str(password))
    paths.ensure_private_dir(directory)
    temp = target.with_name(target.name + ".tmp")
    temp.write_text(bare + "\n", encoding="utf-8")
    os.replace(temp, target)
    return current(directory)


def set_member(directory: Path, name: str) -> None:
    """This computer's member name in the team ("" or blank: the system account's)."""
    target = directory / paths.MEMBER_FILE
    name = " ".join(name.split())
    if not name:
        target.unlink(missing_ok=True)
        return
    paths.ensure_private_dir(directory)
    target.write_text(name + "\n", encoding="utf-8")


def copy(
    source_url: str,
    target_url: str,
    open_store: Callable[[str], Store],
    told: Callable[[str, int], None] | None = None,
) -> dict[str, int]:
    """Every row of the store at ``source_url`` into the empty one at ``target_url`` (made
    and migrated if need be): all or nothing."""
    from desktop.store.copy import copy_store

    source = open_store(source_url)
    try:
        target = open_store(target_url)
        try:
            return copy_store(source, target, told=told)
        finally:
            target.close()
    finally:
        source.close()


__all__ = ["Choice", "StoreChoiceError", "copy", "current", "normalized", "shown", "use"]
