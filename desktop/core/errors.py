"""The two errors every layer may raise for a user's request; the message says why."""

from __future__ import annotations


class NotFound(LookupError):
    """An id the user gave that the store does not know."""


class InvalidRequest(ValueError):
    """A request that cannot be carried out as asked; the message says why."""
