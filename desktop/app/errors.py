"""Which exceptions are the user's to fix, and in what words: one answer for the window and
the CLI. ``None`` means a bug: log the traceback and say something went wrong."""

from __future__ import annotations

from desktop.core.i18n import fill, tx


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
