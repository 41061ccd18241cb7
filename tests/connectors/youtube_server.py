"""A fake YouTube Data API v3 on pytest-httpserver, answering in the documented shapes.

Written from the API reference (developers.google.com/youtube/v3/docs): commentThreads
list responses (``youtube#commentThreadListResponse`` holding ``youtube#commentThread``
resources whose ``snippet.topLevelComment`` is a ``youtube#comment``), channels list
responses (``youtube#channelListResponse``; no ``items`` when nothing matches) and Google's
error bodies (``{"error": {"code", "message", "errors": [{"message", "domain", "reason"}],
"status", "details"}}``), with the reasons the docs list for these calls.

- `thread(...)` builds one comment thread, `error(...)` one error body; the named errors
  below are the ones the connector must tell apart.
- `FakeYouTube` serves commentThreads newest first, paged with an opaque nextPageToken and
  maxResults, and channels by id or forHandle; it checks the API key header, and can fail
  a given page (once, or for the rest of the day like a spent quota).

Everything listens on loopback; nothing here reaches the internet.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

KEY = "AIzaSy-canary-key-3f9b2c7d1e0a4b5c6d7e8f9"
MY_CHANNEL = "UCmy0channel0id0000000AB"  # 24 characters, as YouTube's are
MY_HANDLE = "@mychannel"
THREADS = "/youtube/v3/commentThreads"
CHANNELS = "/youtube/v3/channels"


def channel_id(name: str) -> str:
    """A stable, well-formed channel id for a person's name."""
    digest = hashlib.sha256(name.encode()).digest()
    return "UC" + base64.urlsafe_b64encode(digest).decode()[:22]


def stamp(minute: int, day: int = 1) -> str:
    """A time as YouTube writes it; a larger minute is newer."""
    return f"2024-05-{day:02d}T{10 + minute // 60:02d}:{minute % 60:02d}:00Z"


def _etag(seed: str) -> str:
    return base64.urlsafe_b64encode(hashlib.md5(seed.encode()).digest()).decode()[:27]


def thread(
    comment_id: str,
    name: str,
    published: str,
    *,
    video: str = "dQw4w9WgXcQ",
    text: str = "",
    author: str | None = None,
    legacy_url: bool = False,
) -> dict[str, Any]:
    """A commentThread resource (part=snippet) with its top-level comment by `name`.

    name "me" is my own channel. authorDisplayName is the @handle, as YouTube shows it
    since handles came; legacy_url gives the older /channel/UC… author URL instead."""
    author = author or (MY_CHANNEL if name == "me" else channel_id(name))
    handle = MY_HANDLE if name == "me" else f"@{name.lower()}"
    url = (
        f"http://www.youtube.com/channel/{author}"
        if legacy_url
        else f"http://www.youtube.com/{handle}"
    )
    text = text or f"Great video! ({name}, {comment_id})"
    comment_snippet = {
        "channelId": MY_CHANNEL,
        "videoId": video,
        "textDisplay": text,
        "textOriginal": text,
        "authorDisplayName": handle,
        "authorProfileImageUrl": f"https://yt3.ggpht.com/ytc/{_etag(author)}=s48-c-k-c0x00ffffff-no-rj",
        "authorChannelUrl": url,
        "authorChannelId": {"value": author},
        "canRate": True,
        "viewerRating": "none",
        "likeCount": 3,
        "publishedAt": published,
        "updatedAt": published,
    }
    return {
        "kind": "youtube#commentThread",
        "etag": _etag("thread" + comment_id),
        "id": comment_id,
        "snippet": {
            "channelId": MY_CHANNEL,
            "videoId": video,
            "topLevelComment": {
                "kind": "youtube#comment",
                "etag": _etag("comment" + comment_id),
                "id": comment_id,
                "snippet": comment_snippet,
            },
            "canReply": True,
            "totalReplyCount": 0,
            "isPublic": True,
        },
    }


def thread_list(items: list[dict[str, Any]], next_token: str = "", per_page: int = 100) -> dict:
    body: dict[str, Any] = {
        "kind": "youtube#commentThreadListResponse",
        "etag": _etag(json.dumps([i.get("id") for i in items])),
    }
    if next_token:
        body["nextPageToken"] = next_token
    body["pageInfo"] = {"totalResults": len(items), "resultsPerPage": per_page}
    body["items"] = items
    return body


def channel(cid: str = MY_CHANNEL, handle: str = MY_HANDLE, title: str = "My Channel") -> dict:
    return {
        "kind": "youtube#channel",
        "etag": _etag(cid),
        "id": cid,
        "snippet": {
            "title": title,
            "description": "Videos about networking.",
            "customUrl": handle,
            "publishedAt": "2015-03-02T09:15:00Z",
            "thumbnails": {
                "default": {"url": "https://yt3.ggpht.com/a/default.jpg", "width": 88, "height": 88}
            },
            "localized": {"title": title, "description": "Videos about networking."},
            "country": "ES",
        },
    }


def error(
    status: int,
    reason: str,
    message: str,
    *,
    domain: str = "youtube.commentThread",
    rpc_status: str = "",
    info_reason: str = "",
) -> dict:
    """A Google API error body; info_reason adds the newer google.rpc.ErrorInfo detail."""
    body: dict[str, Any] = {
        "code": status,
        "message": message,
        "errors": [{"message": message, "domain": domain, "reason": reason}],
    }
    if rpc_status:
        body["status"] = rpc_status
    if info_reason:
        body["details"] = [
            {
                "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                "reason": info_reason,
                "domain": "googleapis.com",
                "metadata": {"service": "youtube.googleapis.com"},
            }
        ]
    return {"error": body}


QUOTA_MESSAGE = (
    'The request cannot be completed because you have exceeded your <a href="/youtube/v3/'
    'getting-started#quota">quota</a>.'
)
QUOTA_EXCEEDED = (403, error(403, "quotaExceeded", QUOTA_MESSAGE, domain="youtube.quota"))
DAILY_LIMIT = (
    403,
    error(403, "dailyLimitExceeded", "Daily Limit Exceeded.", domain="usageLimits"),
)
KEY_INVALID_LEGACY = (400, error(400, "keyInvalid", "Bad Request", domain="usageLimits"))
KEY_INVALID = (
    400,
    error(
        400,
        "badRequest",
        "API key not valid. Please pass a valid API key.",
        domain="global",
        rpc_status="INVALID_ARGUMENT",
        info_reason="API_KEY_INVALID",
    ),
)
ACCESS_NOT_CONFIGURED = (
    403,
    error(
        403,
        "accessNotConfigured",
        "YouTube Data API v3 has not been used in project 123456789012 before or it is "
        "disabled. Enable it by visiting https://console.developers.google.com/apis/api/"
        "youtube.googleapis.com/overview?project=123456789012 then retry.",
        domain="usageLimits",
        rpc_status="PERMISSION_DENIED",
        info_reason="SERVICE_DISABLED",
    ),
)
KEY_BLOCKED = (
    403,
    error(
        403,
        "forbidden",
        "Requests to this API youtube.googleapis.com method "
        "youtube.api.v3.V3DataCommentThreadService.List are blocked.",
        domain="global",
        rpc_status="PERMISSION_DENIED",
        info_reason="API_KEY_SERVICE_BLOCKED",
    ),
)
COMMENTS_DISABLED = (
    403,
    error(
        403,
        "commentsDisabled",
        'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#'
        'videoId">videoId</a></code> parameter has disabled comments.',
    ),
)
VIDEO_NOT_FOUND = (
    404,
    error(
        404,
        "videoNotFound",
        'The video identified by the <code><a href="/youtube/v3/docs/commentThreads/list#'
        'videoId">videoId</a></code> parameter could not be found.',
        domain="youtube.commentThread",
    ),
)


def _json(body: Any, status: int = 200) -> Response:
    return Response(
        json.dumps(body, ensure_ascii=False),
        status=status,
        content_type="application/json; charset=UTF-8",
    )


@dataclass
class FakeYouTube:
    httpserver: HTTPServer
    key: str = KEY
    channels: dict[str, dict] = field(default_factory=lambda: {MY_CHANNEL: channel()})
    threads: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[int, tuple[int, dict, bool]] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)
    spent: tuple[int, dict] | None = None  # once the quota is spent, it stays spent

    def __post_init__(self) -> None:
        self.httpserver.expect_request(THREADS).respond_with_handler(self._threads)
        self.httpserver.expect_request(CHANNELS).respond_with_handler(self._channels)

    @property
    def base(self) -> str:
        return self.httpserver.url_for("/").rstrip("/")

    def add(self, *threads: dict[str, Any]) -> None:
        """Comments arrive; the listing stays newest first."""
        self.threads.extend(threads)
        self.threads.sort(
            key=lambda t: t["snippet"]["topLevelComment"]["snippet"]["publishedAt"], reverse=True
        )

    def fail(self, page: int, answer: tuple[int, dict], *, lasting: bool = False) -> None:
        """The `page`-th page of a listing (1 = the first) answers this error; lasting: and
        so does every later request (a spent daily quota)."""
        self.failures[page] = (answer[0], answer[1], lasting)

    def thread_requests(self) -> list[Request]:
        return [r for r in self.requests if r.path == THREADS]

    def _refused_key(self, request: Request) -> Response | None:
        if request.headers.get("X-Goog-Api-Key") == self.key:
            return None
        return _json(KEY_INVALID[1], KEY_INVALID[0])

    def _threads(self, request: Request) -> Response:
        self.requests.append(request)
        refused = self._refused_key(request)
        if refused is not None:
            return refused
        if self.spent is not None:
            return _json(self.spent[1], self.spent[0])
        args = request.args
        if args.get("part") != "snippet" or args.get("allThreadsRelatedToChannelId") is None:
            return _json(error(400, "missingRequiredParameter", "No filter selected."), 400)
        if args["allThreadsRelatedToChannelId"] not in self.channels:
            return _json(
                error(404, "channelNotFound", "The channel could not be found.", domain="youtube"),
                404,
            )
        size = int(args.get("maxResults", "20"))
        token = args.get("pageToken", "")
        offset = int(base64.urlsafe_b64decode(token.encode()).decode()[4:]) if token else 0
        page = offset // size + 1
        if page in self.failures:
            status, body, lasting = self.failures.pop(page)
            if lasting:
                self.spent = (status, body)
            return _json(body, status)
        items = self.threads[offset : offset + size]
        more = offset + size < len(self.threads)
        following = base64.urlsafe_b64encode(f"QURT{offset + size}".encode()).decode()
        return _json(thread_list(items, following if more else "", size))

    def _channels(self, request: Request) -> Response:
        self.requests.append(request)
        refused = self._refused_key(request)
        if refused is not None:
            return refused
        if self.spent is not None:
            return _json(self.spent[1], self.spent[0])
        wanted = request.args.get("id")
        handle = request.args.get("forHandle")
        found = [
            c
            for c in self.channels.values()
            if c["id"] == wanted or (handle and c["snippet"]["customUrl"].lower() == handle.lower())
        ]
        body: dict[str, Any] = {
            "kind": "youtube#channelListResponse",
            "etag": _etag(str(wanted or handle)),
            "pageInfo": {"totalResults": len(found), "resultsPerPage": 5},
        }
        if found:
            body["items"] = found
        return _json(body)
