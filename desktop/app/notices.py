"""The texts of desktop notifications (built in desktop.queries.notices), with the
translator the window gives them. Imported on first use: it reads the store (SQLAlchemy)."""

from __future__ import annotations

from collections.abc import Callable

from desktop.queries import notices
from desktop.queries.notices import Notice

__all__ = ["Notice", "reminder", "use_translator"]


def use_translator(translator: Callable[[str, int], str] | None) -> None:
    notices.set_translator(translator)


def reminder(pending: int) -> Notice | None:
    """The check-in reminder for this many waiting people (None when nobody waits)."""
    return notices.reminder(pending)
