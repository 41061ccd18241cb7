"""The connector contract: one network in, pages of plain typed events out.

A connector knows HTTP, auth, pagination and rate limits; it knows nothing of the store or
of Qt. Sync asks it for pages given the cursors it saved last time, commits each page with
the cursor that follows it, and turns the typed errors below into account states.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Protocol

from desktop.core.events import CandidateEvent, InteractionEvent


class ConnectorError(Exception):
    """Something went wrong talking to a network; the message is fit for a user.

    status is the HTTP status when a server answered (0 otherwise) and code the error code
    its body gave (XRPC ``{"error": "ExpiredToken"}``, Mastodon/OAuth ``{"error": ...}``),
    so callers branch on what the server said without re-reading the response.
    """

    def __init__(self, message: str = "", *, status: int = 0, code: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.code = code


class NeedsSignIn(ConnectorError):
    """401, a revoked or expired token: the user must sign in again."""


class RateLimited(ConnectorError):
    def __init__(self, message: str, retry_at: datetime, *, status: int = 429, code: str = ""):
        super().__init__(message, status=status, code=code)
        self.retry_at = retry_at  # timezone-aware UTC


class Unreachable(ConnectorError):
    """DNS failure, connection refused, timeout: nothing reached the server or came back."""


class BadResponse(ConnectorError):
    """The server answered, but not in the shape its API promises (says what was wrong)."""


class Refused(ConnectorError):
    """The server understood and said no (404, 422...): e.g. a post too long, gone."""

    def __init__(self, message: str, status: int = 0, *, code: str = "") -> None:
        super().__init__(message, status=status, code=code)


@dataclass
class Page:
    """One page of one stream, and the cursor to save once its events are committed.

    cursor None means: keep the saved cursor (e.g. while back-filling older pages, only the
    last page of a run moves the cursor).
    """

    stream: str
    interactions: list[InteractionEvent] = field(default_factory=list)
    candidates: list[CandidateEvent] = field(default_factory=list)
    cursor: str | None = None
    skipped: Counter[str] = field(default_factory=Counter)  # unknown types, counted
    warnings: list[str] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)  # e.g. a feed's title and site URL


class Connector(Protocol):
    """A connector may also have `stop()`: stop fetching ahead now, called from another
    thread when a sync ends early (the feed connector's pool); sync calls it if present."""

    network: str

    def pages(self, cursors: Mapping[str, str]) -> Iterator[Page]:
        """Yield pages of everything new since the cursors (stream name -> cursor)."""
        ...
