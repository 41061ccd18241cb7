"""Defensive access to the JSON a server sent: whatever arrives, the worst outcome is a
BadResponse that names the field and where it was (`where`: "notification 123").

One signature style: checked accessors take (body, key, where) and raise; optional ones
take (body, key) and fall back to an empty value of the expected type. `body` may be
anything: a non-object body is treated as one without the field.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.connectors.base import BadResponse
from desktop.connectors.parse import utc_datetime
from desktop.core.i18n import fill, tx

__all__ = [
    "date_field",
    "expect_list",
    "expect_object",
    "id_or_text",
    "list_field",
    "missing",
    "object_field",
    "optional_object",
    "optional_text",
    "require",
    "should_be_a_list",
    "should_be_text",
    "text_field",
    "text_or_empty",
]


def missing(where: str, key: str) -> str:
    """ "notification 12: the field 'account' is missing", in words for the user."""
    return fill(tx("Network", "%1: the field %2 is missing"), where, repr(key))


def should_be_text(where: str, key: str) -> str:
    """ "notification 12: the field 'type' should be text", in words for the user."""
    return fill(tx("Network", "%1: the field %2 should be text"), where, repr(key))


def should_be_a_list(where: str, key: str) -> str:
    return fill(tx("Network", "%1: the field %2 should be a list"), where, repr(key))


def expect_object(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise BadResponse(
            fill(tx("Network", "%1: expected an object, got %2"), where, type(value).__name__)
        )
    return value


def expect_list(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise BadResponse(
            fill(tx("Network", "%1: expected a list, got %2"), where, type(value).__name__)
        )
    return value


def require(body: Any, *keys: str, where: str) -> Any:
    """body[k1][k2]..., of any type, or BadResponse saying which field was missing."""
    current = body
    for key in keys:
        if not isinstance(current, dict) or key not in current:
            raise BadResponse(missing(where, ".".join(keys)))
        current = current[key]
    return current


def object_field(body: Any, key: str, where: str) -> dict[str, Any]:
    """body[key], which must be an object (null counts as missing)."""
    value = body.get(key) if isinstance(body, dict) else None
    if value is None:
        raise BadResponse(missing(where, key))
    if not isinstance(value, dict):
        raise BadResponse(
            fill(tx("Network", "%1: the field %2 is not an object"), where, repr(key))
        )
    return value


def list_field(body: Any, key: str, where: str) -> list[Any]:
    """body[key], which must be a list (an empty one is fine)."""
    if not isinstance(body, dict) or key not in body:
        raise BadResponse(missing(where, key))
    value = body[key]
    if not isinstance(value, list):
        raise BadResponse(fill(tx("Network", "%1: the field %2 is not a list"), where, repr(key)))
    return value


def text_field(body: Any, key: str, where: str) -> str:
    """body[key], a non-empty string; anything else is reported as missing."""
    value = body.get(key) if isinstance(body, dict) else None
    if not isinstance(value, str) or not value:
        raise BadResponse(missing(where, key))
    return value


def id_or_text(body: Any, key: str, where: str, *, required: bool = False) -> str:
    """A text field where ids sent as numbers are accepted as text (Mastodon servers
    differ). Missing or null is "" unless required; then it must be there and non-empty."""
    if required:
        value = require(body, key, where=where)
    else:
        value = body.get(key) if isinstance(body, dict) else None
        if value is None:
            return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise BadResponse(should_be_text(where, key))
    value = str(value)
    if required and not value:
        raise BadResponse(fill(tx("Network", "%1: the field %2 is empty"), where, repr(key)))
    return value


def date_field(body: Any, key: str, where: str) -> datetime:
    """body[key], an ISO 8601 date-time, as aware UTC."""
    value = require(body, key, where=where)
    if not isinstance(value, str):
        raise BadResponse(
            fill(tx("Network", "%1: the field %2 should be a date"), where, repr(key))
        )
    try:
        return utc_datetime(value, where)
    except BadResponse:
        raise BadResponse(
            fill(
                tx("Network", "%1: the field %2 is not a date (%3)"),
                where,
                repr(key),
                repr(value[:40]),
            )
        ) from None


def optional_text(body: Any, key: str) -> str:
    return text_or_empty(body.get(key) if isinstance(body, dict) else None)


def optional_object(body: Any, key: str) -> dict[str, Any]:
    value = body.get(key) if isinstance(body, dict) else None
    return value if isinstance(value, dict) else {}


def text_or_empty(value: Any) -> str:
    return value if isinstance(value, str) else ""
