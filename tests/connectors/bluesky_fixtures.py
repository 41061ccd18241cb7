"""Lexicon-shaped Bluesky JSON for the connector tests, and a tiny fake PDS on pytest-httpserver.

The shapes follow app.bsky.notification.listNotifications, app.bsky.feed.defs (postView,
feedViewPost, reasonRepost), app.bsky.embed.*, app.bsky.richtext.facet and com.atproto.*,
as the reference PDS + AppView return them (see test_bluesky_live.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from werkzeug import Request, Response

ME = "me"
ME_DID = "did:plc:me000000000000000000000"


def did(name: str) -> str:
    return ME_DID if name == ME else f"did:plc:{name:0<24}"[:32]


def handle(name: str) -> str:
    return f"{name}.test"


def stamp(minute: int, second: int = 0) -> str:
    """A datetime as the AppView writes it; larger minute = newer."""
    return f"2024-05-01T10:{minute:02d}:{second:02d}.000Z"


def uri(name: str, collection: str, rkey: str) -> str:
    return f"at://{did(name)}/{collection}/{rkey}"


def post_uri(name: str, rkey: str) -> str:
    return uri(name, "app.bsky.feed.post", rkey)


def cid(seed: str) -> str:
    return "bafyrei" + re.sub(r"[^a-z2-7]", "a", seed.lower()).ljust(52, "q")[:52]


def ref(at_uri: str) -> dict:
    return {"uri": at_uri, "cid": cid(at_uri)}


def profile(name: str, display: str | None = None) -> dict:
    return {
        "did": did(name),
        "handle": handle(name),
        "displayName": name.capitalize() if display is None else display,
        "viewer": {"muted": False, "blockedBy": False},
        "labels": [],
        "indexedAt": stamp(0),
    }


def post_record(text: str, *, langs=None, facets=None, reply=None, embed=None) -> dict:
    record: dict[str, Any] = {"$type": "app.bsky.feed.post", "text": text, "createdAt": stamp(0)}
    if langs:
        record["langs"] = langs
    if facets:
        record["facets"] = facets
    if reply:
        record["reply"] = reply
    if embed:
        record["embed"] = embed
    return record


def post_view(name: str, rkey: str, text: str, minute: int = 0, *, embed=None, **record) -> dict:
    at = post_uri(name, rkey)
    view = {
        "uri": at,
        "cid": cid(at),
        "author": profile(name),
        "record": post_record(text, **record),
        "replyCount": 0,
        "repostCount": 0,
        "likeCount": 0,
        "quoteCount": 0,
        "indexedAt": stamp(minute),
        "viewer": {"threadMuted": False},
        "labels": [],
    }
    if embed:
        view["embed"] = embed
    return view


def mention_facet(start: int, end: int, name: str) -> dict:
    return {
        "index": {"byteStart": start, "byteEnd": end},
        "features": [{"$type": "app.bsky.richtext.facet#mention", "did": did(name)}],
    }


def link_facet(start: int, end: int, url: str) -> dict:
    return {
        "index": {"byteStart": start, "byteEnd": end},
        "features": [{"$type": "app.bsky.richtext.facet#link", "uri": url}],
    }


def external_view(url: str, title: str, description: str) -> dict:
    return {
        "$type": "app.bsky.embed.external#view",
        "external": {"uri": url, "title": title, "description": description},
    }


def reason_repost(name: str, minute: int, rkey: str = "3repost") -> dict:
    at = uri(name, "app.bsky.feed.repost", rkey)
    return {
        "$type": "app.bsky.feed.defs#reasonRepost",
        "by": profile(name),
        "uri": at,
        "cid": cid(at),
        "indexedAt": stamp(minute),
    }


def notification(
    reason: str,
    author: str,
    rkey: str,
    minute: int,
    *,
    record: dict | None = None,
    subject: str | None = None,
    collection: str | None = None,
    second: int = 0,
) -> dict:
    collection = collection or {
        "like": "app.bsky.feed.like",
        "like-via-repost": "app.bsky.feed.like",
        "repost": "app.bsky.feed.repost",
        "repost-via-repost": "app.bsky.feed.repost",
        "follow": "app.bsky.graph.follow",
        "starterpack-joined": "app.bsky.graph.starterpack",
        "verified": "app.bsky.graph.verification",
        "unverified": "app.bsky.graph.verification",
    }.get(reason, "app.bsky.feed.post")
    at = uri(author, collection, rkey)
    item = {
        "uri": at,
        "cid": cid(at),
        "author": profile(author),
        "reason": reason,
        "record": record if record is not None else {"$type": collection, "createdAt": stamp(0)},
        "isRead": False,
        "indexedAt": stamp(minute, second),
        "labels": [],
    }
    if subject:
        item["reasonSubject"] = subject
    return item


def like_record(subject: str, *, via: str | None = None, collection="app.bsky.feed.like") -> dict:
    record = {"$type": collection, "subject": ref(subject), "createdAt": stamp(0)}
    if via:
        record["via"] = ref(via)
    return record


# ---------------------------------------------------------------------------------------------


@dataclass
class Call:
    nsid: str
    args: Any  # werkzeug MultiDict
    body: Any
    auth: str


Route = dict | list | Callable[[Request], Any]


@dataclass
class FakePds:
    """Answers /xrpc/<nsid> from routes: a JSON body, a list of answers served in turn (the
    last one repeats), or a function of the request. An answer is a body, or (status, body),
    or a werkzeug Response. Every call is recorded."""

    routes: dict[str, Route] = field(default_factory=dict)
    calls: list[Call] = field(default_factory=list)

    def install(self, httpserver) -> FakePds:
        httpserver.expect_request(re.compile(r"^/xrpc/")).respond_with_handler(self.handle)
        return self

    def on(self, nsid: str, route: Route) -> None:
        self.routes[nsid] = list(route) if isinstance(route, list) else route

    def handle(self, request: Request) -> Response:
        nsid = request.path.removeprefix("/xrpc/")
        body = request.get_json(silent=True) if request.data else None
        self.calls.append(Call(nsid, request.args, body, request.headers.get("Authorization", "")))
        route = self.routes.get(nsid)
        if route is None:
            return _json(501, {"error": "MethodNotImplemented", "message": f"no route for {nsid}"})
        if isinstance(route, list):
            answer = route.pop(0) if len(route) > 1 else route[0]
        elif callable(route) and not isinstance(route, Response):
            answer = route(request)
        else:
            answer = route
        if isinstance(answer, Response):
            return answer
        if isinstance(answer, tuple):
            return _json(*answer)
        return _json(200, answer)

    def count(self, nsid: str) -> int:
        return sum(1 for c in self.calls if c.nsid == nsid)

    def of(self, nsid: str) -> list[Call]:
        return [c for c in self.calls if c.nsid == nsid]


def _json(status: int, body: Any) -> Response:
    return Response(json.dumps(body), status=status, content_type="application/json")


def xrpc_error(status: int, error: str, message: str = "") -> tuple[int, dict]:
    return status, {"error": error, "message": message or error}
