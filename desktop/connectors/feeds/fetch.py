"""The conditional GET: request headers from a saved cursor, and the cursor a response saves.

A cursor is JSON {"etag": ..., "last_modified": ...}; one we cannot read is no cursor. A
feed whose host answered 429 with a long wait also keeps "retry_at" (ISO, UTC): it is not
asked again before then, and its validators are kept for when it is.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

from desktop.connectors.http import Response

ACCEPT = (
    "application/atom+xml, application/rss+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5"
)


def request_headers(saved: str | None) -> dict[str, str]:
    """Accept, plus If-None-Match and If-Modified-Since from the saved cursor."""
    etag, last_modified = read_cursor(saved)
    headers = {"Accept": ACCEPT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def cursor_of(response: Response) -> str:
    """The cursor to save after reading this response."""
    return json.dumps(
        {
            "etag": response.headers.get("ETag"),
            "last_modified": response.headers.get("Last-Modified"),
        }
    )


def waiting_cursor(saved: str | None, until: datetime) -> str:
    """The saved cursor, its validators kept, with the time its host asked us to wait for."""
    etag, last_modified = read_cursor(saved)
    return json.dumps(
        {
            "etag": etag or None,
            "last_modified": last_modified or None,
            "retry_at": until.astimezone(UTC).isoformat(),
        }
    )


def retry_at(saved: str | None) -> datetime | None:
    """When the feed's host asked us to ask again (None: no such request kept)."""
    data = _json(saved)
    value = data.get("retry_at")
    if not isinstance(value, str):
        return None
    try:
        when = datetime.fromisoformat(value)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _json(saved: str | None) -> dict[str, object]:
    if not saved:
        return {}
    try:
        data = json.loads(saved)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def read_cursor(saved: str | None) -> tuple[str, str]:
    """(etag, last_modified) from a saved cursor."""
    data = _json(saved)
    etag, modified = data.get("etag"), data.get("last_modified")
    return (
        etag if isinstance(etag, str) and _header_safe(etag) else "",
        modified if isinstance(modified, str) and _header_safe(modified) else "",
    )


def _header_safe(value: str) -> bool:
    return bool(value) and not any(ch in value for ch in "\r\n\x00")
