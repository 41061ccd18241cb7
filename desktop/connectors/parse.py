"""The one date parser for what servers send: ISO 8601 in, timezone-aware UTC out.

Python 3.11's ``datetime.fromisoformat`` reads ``Z`` and fractions longer than six digits
(AT Protocol's nanoseconds) itself, so no rewriting is needed first.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from desktop.connectors.base import BadResponse
from desktop.core.i18n import fill, tx

__all__ = ["utc_datetime"]


def utc_datetime(value: Any, where: str) -> datetime:
    """`value` as aware UTC (a time without a zone is taken as UTC); BadResponse naming
    `where` when it is missing or not a date."""
    if not isinstance(value, str) or not value.strip():
        raise BadResponse(fill(tx("Network", "%1: a date is missing"), where))
    try:
        when = datetime.fromisoformat(value.strip())
        return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)
    except (ValueError, OverflowError):
        raise BadResponse(
            fill(tx("Network", "%1: %2 is not a date"), where, repr(value[:40]))
        ) from None
