"""The shared defensive-JSON accessors and the one date parser."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from desktop.connectors.base import BadResponse
from desktop.connectors.fields import (
    date_field,
    id_or_text,
    list_field,
    object_field,
    optional_object,
    optional_text,
    require,
    text_field,
)
from desktop.connectors.parse import utc_datetime

NOON = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    "value",
    [
        "2024-05-01T12:00:00Z",
        "2024-05-01T12:00:00.000000000Z",  # AT Protocol's nanoseconds
        "2024-05-01T14:00:00+02:00",
        "2024-05-01T12:00:00",  # no zone: UTC
        " 2024-05-01T12:00:00Z ",
    ],
)
def test_utc_datetime_reads_iso_dates_as_aware_utc(value):
    when = utc_datetime(value, "here")
    assert when == NOON and when.tzinfo is UTC


@pytest.mark.parametrize(
    ("value", "message"),
    [(None, "here: a date is missing"), ("  ", "here: a date is missing"), (5, "missing")],
)
def test_utc_datetime_says_a_date_is_missing(value, message):
    with pytest.raises(BadResponse, match=message):
        utc_datetime(value, "here")


def test_utc_datetime_says_what_is_not_a_date():
    with pytest.raises(BadResponse, match=r"^here: 'soon' is not a date$"):
        utc_datetime("soon", "here")


def test_checked_accessors_name_the_field_and_the_place():
    body = {"a": {"b": 1}, "n": None, "l": [], "s": "x", "i": 7, "d": "nope"}
    assert require(body, "a", "b", where="w") == 1
    assert object_field(body, "a", "w") == {"b": 1}
    assert list_field(body, "l", "w") == []
    assert text_field(body, "s", "w") == "x"
    assert id_or_text(body, "i", "w", required=True) == "7"
    assert id_or_text(body, "n", "w") == ""
    for call, message in [
        (lambda: require(body, "a", "c", where="w"), "w: the field 'a.c' is missing"),
        (lambda: object_field(body, "s", "w"), "w: the field 's' is not an object"),
        (lambda: object_field(body, "n", "w"), "w: the field 'n' is missing"),
        (lambda: list_field("not a body", "l", "w"), "w: the field 'l' is missing"),
        (lambda: text_field(body, "i", "w"), "w: the field 'i' is missing"),
        (lambda: id_or_text(body, "l", "w"), "w: the field 'l' should be text"),
        (lambda: date_field(body, "i", "w"), "w: the field 'i' should be a date"),
        (lambda: date_field(body, "d", "w"), "w: the field 'd' is not a date \\('nope'\\)"),
    ]:
        with pytest.raises(BadResponse, match=f"^{message}$"):
            call()


def test_optional_accessors_fall_back_to_empty():
    assert optional_text({"a": 1}, "a") == "" and optional_text(None, "a") == ""
    assert optional_object({"a": "x"}, "a") == {} and optional_object([], "a") == {}
