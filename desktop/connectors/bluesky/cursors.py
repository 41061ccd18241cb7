"""Cursors: "where the newest item of the last run was", saved as text between syncs and
compared with each item's mark to know where new items end."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.connectors.base import (
    BadResponse,
)
from desktop.connectors.bluesky.records import (
    parse_at_uri,
)
from desktop.connectors.fields import (
    expect_object,
    missing,
    object_field,
    optional_text,
)
from desktop.connectors.parse import utc_datetime
from desktop.core.i18n import fill, tx


def _next_cursor(body: dict[str, Any], where: str) -> str | None:
    value = body.get("cursor")
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise BadResponse(
            fill(tx("Network", "%1: the field %2 is not a string"), where, "'cursor'")
        )
    return value


@dataclass(frozen=True)
class _Mark:
    order: tuple[Any, ...]  # comparable: (datetime,) or (rkey,)
    ident: str  # the item's uri
    text: str  # what is saved as the cursor

    def after(self, saved: _Mark | None) -> bool:
        """Newer than what `saved` covers. Items at the very same time with another uri are
        counted as new: the ingest is idempotent, missing one would not be."""
        if saved is None:
            return True
        return self.order > saved.order or (self.order == saved.order and self.ident != saved.ident)


def _time_mark(raw_time: Any, ident: Any, where: str) -> _Mark:
    if not isinstance(ident, str) or not ident:
        raise BadResponse(missing(where, "uri"))
    when = utc_datetime(raw_time, where)
    return _Mark((when,), ident, f"{raw_time}|{ident}")


def _parse_time_cursor(text: str) -> _Mark:
    raw_time, sep, ident = text.partition("|")
    if not sep:
        raise BadResponse(fill(tx("Network", "saved cursor %1 is not 'time|uri'"), repr(text[:60])))
    return _time_mark(raw_time, ident, "saved cursor")


def _record_mark(uri: Any, where: str) -> _Mark:
    parsed = parse_at_uri(uri, where)
    return _Mark((parsed.rkey,), str(uri), str(uri))


def _parse_record_cursor(text: str) -> _Mark:
    return _record_mark(text, "saved cursor")


def _item(item: Any) -> dict[str, Any]:
    return expect_object(item, "list item")


def _feed_mark(item: Any) -> _Mark:
    body = expect_object(item, "feed item")
    post = object_field(body, "post", "feed item")
    reason = body.get("reason")
    if isinstance(reason, dict) and reason.get("indexedAt"):
        ident = (
            optional_text(reason, "uri")
            or f"{optional_text(post, 'uri')}#{optional_text(reason, '$type')}"
        )
        return _time_mark(reason.get("indexedAt"), ident, "feed item reason")
    return _time_mark(post.get("indexedAt"), post.get("uri"), "feed item post")
