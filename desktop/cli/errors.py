"""Which exceptions are the user's to fix (desktop.app.errors says), and the exit code."""

from __future__ import annotations

from desktop.cli.context import EXIT_ERROR, EXIT_USAGE, UsageError


def exit_message(exc: BaseException) -> tuple[str | None, int]:
    """(message, exit code); message None means a bug: log the traceback."""
    if isinstance(exc, UsageError):
        return str(exc), EXIT_USAGE
    from desktop.app.errors import user_message as known_message

    return known_message(exc), EXIT_ERROR
