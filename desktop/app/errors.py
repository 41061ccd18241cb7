"""Which exceptions are the user's to fix, and in what words: one answer for the window and
the CLI. ``None`` means a bug: log the traceback and say something went wrong."""

from __future__ import annotations

from desktop.core.i18n import fill, tx


def store_unreachable(exc: BaseException) -> bool:
    """A shared store's server that did not answer (down, restarting, no network): the
    window says so and reconnects by itself; not a bug, and nothing was changed."""
    orig = getattr(exc, "orig", exc)
    module = type(orig).__module__
    if not module.startswith("psycopg"):
        return False  # SQLite's OperationalError ("locked", "disk I/O") is another story
    import psycopg

    return isinstance(orig, psycopg.OperationalError)


def user_message(exc: BaseException) -> str | None:
    from desktop.connectors.base import ConnectorError
    from desktop.core.errors import InvalidRequest, NotFound
    from desktop.platform.secrets import KeyringUnavailable
    from desktop.store.database import StoreError

    if isinstance(exc, StoreError | NotFound | InvalidRequest | ConnectorError):
        return str(exc)
    if isinstance(exc, KeyringUnavailable):
        return str(exc)
    from desktop.demo import DemoError
    from desktop.store.transfer import TransferError

    if isinstance(exc, TransferError | DemoError):
        return str(exc)
    from sqlalchemy.exc import IntegrityError, OperationalError

    if isinstance(exc, IntegrityError):
        return fill(tx("Errors", "the data does not fit together: %1"), exc.orig)
    if isinstance(exc, OperationalError):
        return fill(tx("Errors", "the store could not be used: %1"), exc.orig)
    return None
