"""Which exceptions are the user's to fix, and how to say so in one line."""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError, OperationalError

from desktop.core.errors import InvalidRequest, NotFound
from desktop.demo import DemoError
from desktop.store.database import StoreError
from desktop.store.transfer import TransferError

USAGE, OTHER = 2, 1


def user_message(exc: BaseException) -> tuple[str | None, int]:
    """(message, exit code); message None means a bug: log the traceback."""
    from desktop.cli.main import UsageError

    if isinstance(exc, UsageError):
        return str(exc), USAGE
    if isinstance(exc, StoreError | NotFound | InvalidRequest | TransferError | DemoError):
        return str(exc), OTHER
    from desktop.connectors.base import ConnectorError
    from desktop.platform.secrets import KeyringUnavailable

    if isinstance(exc, ConnectorError | KeyringUnavailable):
        return str(exc), OTHER
    if isinstance(exc, IntegrityError):
        return f"the data does not fit together: {exc.orig}", OTHER
    if isinstance(exc, OperationalError):
        return f"the store could not be used: {exc.orig}", OTHER
    return None, OTHER
