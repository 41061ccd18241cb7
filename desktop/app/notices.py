"""The texts of desktop notifications (built in desktop.queries.notices, in the language
desktop.core.i18n speaks). Imported on first use: it reads the store (SQLAlchemy)."""

from __future__ import annotations

from collections.abc import Callable

from desktop.queries import notices
from desktop.queries.notices import Notice

__all__ = ["Notice", "reminder", "use_translator"]


def use_translator(translator: Callable[[str, int], str] | None) -> None:
    """Nothing to do any more: the notices speak through desktop.core.i18n.tx, which the
    window's translator already serves. Kept so desktop/ui/platform/notifications.py,
    which still calls it, keeps working; remove it once that call is gone."""
    del translator


def reminder(pending: int) -> Notice | None:
    """The check-in reminder for this many waiting people (None when nobody waits)."""
    return notices.reminder(pending)
