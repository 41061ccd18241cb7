"""The texts of desktop notifications (built in desktop.queries.notices, in the language
desktop.core.i18n speaks). Imported on first use: it reads the store (SQLAlchemy)."""

from __future__ import annotations

from desktop.queries import notices
from desktop.queries.notices import Notice

__all__ = ["Notice", "reminder"]


def reminder(pending: int) -> Notice | None:
    """The check-in reminder for this many waiting people (None when nobody waits)."""
    return notices.reminder(pending)
