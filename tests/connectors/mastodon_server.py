"""A fake Mastodon server on pytest-httpserver, speaking the shapes of real recorded responses.

- `load(name)` reads a recorded fixture ({request, status, headers, body, _source}) with the
  recorded hosts rewritten to the test server, so "same host" relations still hold.
- `serve(httpserver, name, ...)` answers one endpoint with a recorded response: its status,
  body and headers (Link, X-RateLimit-*, WWW-Authenticate).
- `FakeStream` pages a list of items the way Mastodon does (limit, max_id, min_id,
  since_id, a Link header with `next`/`prev`, no Link on an empty page); with
  `internal_ids` it pages by ids that are not the items' ids, like /api/v1/favourites.
- `FakeMastodon` puts four such streams and verify_credentials on one server.
- A stream's `before_answer(request)` runs before each answer: a test holds a page there.

Everything listens on loopback; nothing here reaches the internet.
"""

from __future__ import annotations

import copy
import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

_HERE = Path(__file__).resolve().parent
FIXTURES = next(
    (
        path
        for path in (
            Path(os.environ.get("RECIPROCITY_MASTODON_FIXTURES", "/nonexistent")),
            _HERE / "mastodon_data",
            Path("/work/shared/fixtures/mastodon"),
        )
        if path.is_dir()
    ),
    _HERE / "mastodon_data",
)
RECORDED_HOSTS = ("http://localhost:3000", "https://example.social", "https://example.town")

# The test account most recordings are made with (mastodonpy_test) and another one (admin).
ME_ID = "117020565966271181"
ADMIN_ID = "117020565693913441"


def base_url(httpserver: HTTPServer) -> str:
    return httpserver.url_for("/").rstrip("/")


def rewrite(value: Any, base: str, hosts: Iterable[str] = RECORDED_HOSTS[:1]) -> Any:
    """Every recorded host prefix in every string of value, replaced by base."""
    if isinstance(value, str):
        for host in hosts:
            value = value.replace(host, base)
        return value
    if isinstance(value, list):
        return [rewrite(v, base, hosts) for v in value]
    if isinstance(value, dict):
        return {k: rewrite(v, base, hosts) for k, v in value.items()}
    return value


def load(name: str, base: str | None = None, hosts: Iterable[str] = RECORDED_HOSTS[:1]) -> dict:
    """A recorded fixture; with base, its localhost:3000 URLs point at the test server."""
    data = json.loads((FIXTURES / name).read_text(encoding="utf-8"))
    return rewrite(data, base, hosts) if base else data


def body(name: str, base: str | None = None, **kw) -> Any:
    return copy.deepcopy(load(name, base, **kw)["body"])


def response(record: dict, *, body: Any = None) -> Response:
    headers = {k: v for k, v in record["headers"].items() if k.lower() != "content-type"}
    payload = record["body"] if body is None else body
    return Response(
        json.dumps(payload, ensure_ascii=False),
        status=record["status"],
        headers=headers,
        content_type="application/json; charset=utf-8",
    )


def serve(
    httpserver: HTTPServer,
    name: str,
    *,
    path: str | None = None,
    method: str | None = None,
    query_string: Any = None,
    oneshot: bool = False,
    hosts: Iterable[str] = RECORDED_HOSTS[:1],
    body: Any = None,
) -> None:
    """Answer the fixture's request (or `path`) with its recorded response."""
    record = load(name, base_url(httpserver), hosts)
    expect = httpserver.expect_oneshot_request if oneshot else httpserver.expect_request
    expect(
        path or record["request"]["path"],
        method=method or record["request"]["method"],
        query_string=query_string,
    ).respond_with_response(response(record, body=body))


def _key(value: str) -> tuple[int, str]:
    value = value.lstrip("0") or "0"
    return (len(value), value)


class FakeStream:
    """One paginated Mastodon list endpoint over `items` (any order; sorted by id here)."""

    def __init__(
        self,
        base: str,
        path: str,
        items: list[dict] | None = None,
        *,
        internal_ids: list[str] | None = None,
        max_limit: int = 40,
    ) -> None:
        self.base = base
        self.path = path
        self.max_limit = max_limit
        self.entries: list[tuple[str, dict]] = []
        self.add(items or [], internal_ids)
        # Called with each request before it is answered (a test may make it wait there).
        self.before_answer: Callable[[Request], None] | None = None

    def add(self, items: list[dict], internal_ids: list[str] | None = None) -> None:
        ids = internal_ids or [str(item["id"]) for item in items]
        self.entries += list(zip(ids, items, strict=True))
        self.entries.sort(key=lambda e: _key(e[0]), reverse=True)  # newest first

    def _link(self, request: Request, rel: str, name: str, value: str) -> str:
        query = {k: v for k, v in request.args.items() if k not in ("max_id", "min_id", "since_id")}
        query[name] = value
        return f'<{self.base}{self.path}?{urlencode(query)}>; rel="{rel}"'

    def __call__(self, request: Request) -> Response:
        if self.before_answer is not None:
            self.before_answer(request)
        args = request.args
        limit = min(int(args.get("limit", 20)), self.max_limit)
        entries = self.entries
        if "max_id" in args:
            entries = [e for e in entries if _key(e[0]) < _key(args["max_id"])]
        if "since_id" in args:
            entries = [e for e in entries if _key(e[0]) > _key(args["since_id"])]
        if "min_id" in args:
            # The `limit` entries immediately newer than min_id, still newest first.
            newer = [e for e in entries if _key(e[0]) > _key(args["min_id"])]
            entries = list(reversed(list(reversed(newer))[:limit]))
        else:
            entries = entries[:limit]
        headers = {}
        if entries:
            headers["Link"] = ", ".join(
                [
                    self._link(request, "next", "max_id", entries[-1][0]),
                    self._link(request, "prev", "min_id", entries[0][0]),
                ]
            )
        return Response(
            json.dumps([item for _, item in entries]),
            headers=headers,
            content_type="application/json; charset=utf-8",
        )


class FakeMastodon:
    """verify_credentials and the four streams the connector reads, on one test server."""

    def __init__(self, httpserver: HTTPServer, *, me_id: str = ME_ID, max_limit: int = 40):
        self.httpserver = httpserver
        self.base = base_url(httpserver)
        self.me_id = me_id
        account = body("verify_credentials.json", self.base)
        account["id"] = me_id
        self.account = account
        self.notifications = FakeStream(self.base, "/api/v1/notifications", max_limit=max_limit)
        self.statuses = FakeStream(
            self.base, f"/api/v1/accounts/{me_id}/statuses", max_limit=max_limit
        )
        self.favourites = FakeStream(self.base, "/api/v1/favourites", max_limit=max_limit)
        self.timeline = FakeStream(self.base, "/api/v1/timelines/home", max_limit=max_limit)
        httpserver.expect_request("/api/v1/accounts/verify_credentials").respond_with_json(account)
        for stream in (self.notifications, self.statuses, self.favourites, self.timeline):
            httpserver.expect_request(stream.path, method="GET").respond_with_handler(stream)

    def requests(self, path: str | None = None) -> list[Request]:
        return [r for r, _ in self.httpserver.log if path is None or r.path == path]


def notification(
    base: str,
    id: str,
    type: str,
    *,
    status: dict | None | Callable[[dict], dict] = None,
    account: dict | None = None,
) -> dict:
    """A v1 notification shaped like the recorded mention (notifications_v1_mention.json)."""
    item = body("notifications_v1_mention.json", base)[0]
    item["id"] = id
    item["type"] = type
    item["group_key"] = f"ungrouped-{id}"
    if account is not None:
        item["account"] = account
    item["status"] = status
    return item
