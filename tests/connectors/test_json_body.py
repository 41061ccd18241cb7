"""JSON answers are read by orjson where it can, and exactly as the standard library reads
them where it cannot: half an emoji, NaN, a byte-order mark, another charset. Real HTTP on
loopback: the body goes through requests as a server's answer would."""

from __future__ import annotations

import json

import pytest
from connectors.mastodon_server import ME_ID
from factories import account
from sqlalchemy import select
from werkzeug import Response

from desktop.connectors.base import BadResponse
from desktop.connectors.http import HttpClient
from desktop.connectors.json_body import loads
from desktop.connectors.mastodon import MastodonConnector
from desktop.store.models import Identity
from desktop.sync.engine import save_cursor, sync_account

# Each body is one that orjson refuses and json reads.
ODD_BODIES = {
    "NaN": b'{"score": NaN, "name": "Zo\xc3\xab"}',
    "a byte-order mark": b'\xef\xbb\xbf{"display_name": "Zo\xc3\xab"}',
}


def _client(httpserver) -> HttpClient:
    return HttpClient(httpserver.url_for("/").rstrip("/"), backoff=0)


def _answer(httpserver, body: bytes, content_type: str = "application/json") -> None:
    httpserver.expect_request("/api").respond_with_response(
        Response(body, status=200, headers={"Content-Type": content_type})
    )


@pytest.mark.parametrize("what", sorted(ODD_BODIES))
def test_a_body_orjson_refuses_is_read_as_the_standard_library_reads_it(httpserver, what):
    body = ODD_BODIES[what]
    _answer(httpserver, body)
    data = _client(httpserver).get("/api").data
    expected = json.loads(body.decode("utf-8-sig"))
    assert repr(data) == repr(expected)  # repr: NaN is not equal to itself


def test_a_lone_surrogate_is_read_as_the_standard_library_reads_it(httpserver):
    # orjson refuses it; the store drops it later (tests/store/test_storable_text.py).
    body = b'{"name": "cut \\ud83d", "\\udc00k": ["\\ud83d\\ude00 ok", "\\ude00"]}'
    _answer(httpserver, body)
    data = _client(httpserver).get("/api").data
    assert data == {"name": "cut \ud83d", "\udc00k": ["\U0001f600 ok", "\ude00"]}
    assert loads(body) == data


def test_a_body_in_a_declared_charset_is_decoded_in_that_charset(httpserver):
    # "é" in Latin-1 is one byte that is not UTF-8; "Ã©" read as Latin-1 must stay "Ã©",
    # not become the "é" its bytes would spell in UTF-8.
    body = '{"name": "Jos\u00e9", "other": "\u00c3\u00a9"}'.encode("latin-1")
    _answer(httpserver, body, "application/json; charset=iso-8859-1")
    assert _client(httpserver).get("/api").data == {"name": "José", "other": "Ã©"}


def test_a_utf16_body_without_a_charset_is_still_read(httpserver):
    _answer(httpserver, '{"name": "Zoë"}'.encode("utf-16"), "application/json; charset=utf-16")
    assert _client(httpserver).get("/api").data == {"name": "Zoë"}


def test_an_html_answer_is_a_clear_error_naming_the_host_and_path(httpserver):
    _answer(httpserver, b"<html><body>Maintenance</body></html>", "text/html")
    with pytest.raises(BadResponse, match=r"/api with something that is not JSON.*<html>"):
        _client(httpserver).get("/api")


def test_large_ids_and_deep_unicode_come_through_unchanged():
    text = json.dumps(
        {"id": 2**63 - 1, "neg": -(2**63), "text": "𝕏 👩🏽‍💻 \u202e مرحبا \u0000 end"},
        ensure_ascii=False,
    )
    assert loads(text.encode("utf-8")) == json.loads(text)
    assert loads(text) == json.loads(text)


def test_not_json_raises_the_standard_value_error():
    with pytest.raises(ValueError):
        loads(b"{truncated")


def test_a_mastodon_page_with_half_an_emoji_in_a_name_is_stored(httpserver, store):
    # A display name cut in the middle of an emoji: the server escapes half a surrogate
    # pair, which no store can hold as text. The notification must still be stored.
    page = [
        {
            "id": "501",
            "type": "follow",
            "created_at": "2026-12-01T10:00:00.000Z",
            "account": {
                "id": "77",
                "username": "zoe",
                "acct": "zoe@example.social",
                "display_name": "PLACEHOLDER",
                "url": "https://example.social/@zoe",
            },
        }
    ]
    body = json.dumps(page).replace('"PLACEHOLDER"', '"Zo\\u00eb \\ud83d"').encode()
    httpserver.expect_request(
        "/api/v1/notifications", query_string={"limit": "80", "min_id": "500"}
    ).respond_with_response(
        Response(body, status=200, headers={"Content-Type": "application/json"})
    )
    httpserver.expect_request("/api/v1/notifications").respond_with_json([])
    base = httpserver.url_for("/").rstrip("/")
    connector = MastodonConnector(
        base, "t", http=HttpClient(base, token="t", backoff=0), account_id=ME_ID
    )
    with store.session() as s:
        acc = account(s)
        save_cursor(s, acc, "notifications", "500")
    report = sync_account(store, acc, _NotificationsOnly(connector), label="test")
    assert report.ok, report.error
    assert report.new == 1
    with store.read() as s:
        assert s.scalars(select(Identity.display_name)).all() == ["Zo\u00eb "]


class _NotificationsOnly:
    network = "mastodon"

    def __init__(self, connector: MastodonConnector) -> None:
        self.connector = connector

    def pages(self, cursors):
        return self.connector.pages(cursors, streams=("notifications",))
