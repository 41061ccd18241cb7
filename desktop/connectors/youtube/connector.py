"""YouTubeConnector: the comments on my channel's videos, newest first, as inbound replies."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote

from desktop.connectors.base import BadResponse, Page, Refused
from desktop.connectors.fields import (
    date_field,
    expect_object,
    object_field,
    optional_object,
    optional_text,
    text_field,
)
from desktop.connectors.http import HttpClient
from desktop.connectors.parse import utc_datetime
from desktop.connectors.youtube.channel import CHANNEL_URL, channel_handle, find_channel
from desktop.connectors.youtube.errors import NOTHING_TO_READ, YouTubeHttp
from desktop.core.events import Actor, Direction, InteractionEvent, Kind, Network, Post
from desktop.core.i18n import fill, tx

DEFAULT_API = "https://www.googleapis.com"
THREADS = "youtube/v3/commentThreads"
WATCH_URL = "https://www.youtube.com/watch?v="
STREAM = "comments"
PAGE_SIZE = 100  # the most commentThreads.list gives per call (each call: 1 quota unit)
BACKFILL_PAGES = 10  # a first sync reads the newest 1,000 comments at most
MAX_PAGES = 100  # a later sync reads at most this many pages to reach the last one seen
COMMENT_LIMIT = 10_000  # characters of a comment kept (YouTube's own limit)


class YouTubeConnector:
    """My channel's comments (``commentThreads.list?allThreadsRelatedToChannelId=``).

    One stream, "comments", whose cursor is the time of the newest comment committed. The
    listing is newest first (``order=time``) and paged with ``nextPageToken``; a sync stops
    at the first comment older than the cursor, so nothing new costs one call. Only the
    page that reaches the cursor (or the last page read) carries the new cursor: a sync
    cut short (the quota spent, a crash) keeps its pages, and the next one reads down to
    the old cursor again, duplicating nothing.
    """

    network = str(Network.YOUTUBE)

    def __init__(
        self,
        channel_id: str,
        api_key: str,
        *,
        api: str = DEFAULT_API,
        http: HttpClient | None = None,
        page_size: int = PAGE_SIZE,
        backfill_pages: int = BACKFILL_PAGES,
        max_pages: int = MAX_PAGES,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.channel_id = (channel_id or "").strip()
        if not self.channel_id:
            raise ValueError("a YouTube account needs its channel id")
        self.http = http or YouTubeHttp(api or DEFAULT_API, api_key, clock=clock)
        self.page_size = min(max(1, page_size), PAGE_SIZE)
        self.backfill_pages = max(1, backfill_pages)
        self.max_pages = max(1, max_pages)

    def __repr__(self) -> str:  # never show the key
        return f"YouTubeConnector({self.channel_id!r})"

    def verify(self) -> Actor:
        """My channel as YouTube describes it, which checks the key too (1 quota unit)."""
        return find_channel(self.http, self.channel_id)

    # --- the stream ---

    def pages(self, cursors: Mapping[str, str]) -> Iterator[Page]:
        since = _cursor_time(cursors.get(STREAM))
        limit = self.max_pages if since else self.backfill_pages
        newest = since
        token = ""
        for number in range(limit):
            try:
                data = self._threads(token)
            except Refused as exc:
                if exc.code not in NOTHING_TO_READ:
                    raise
                warning = fill(tx("YouTube", "%1; the other comments come next time"), exc)
                yield Page(STREAM, warnings=[warning])
                return
            page, reached, newest = self._page(data, since, newest)
            token = optional_text(data, "nextPageToken")
            if reached or not token or number == limit - 1:
                if since is not None and not reached and token:
                    page.warnings.append(
                        tx(
                            "YouTube",
                            "so many new comments that the oldest of them were not read",
                        )
                    )
                if newest is not None and newest != since:
                    page.cursor = newest.isoformat()
                if page.interactions or page.cursor or page.skipped or page.warnings:
                    yield page
                return
            yield page

    def _threads(self, token: str) -> dict[str, Any]:
        params = {
            "part": "snippet",
            "allThreadsRelatedToChannelId": self.channel_id,
            "maxResults": str(self.page_size),
            "order": "time",
            "textFormat": "plainText",
        }
        if token:
            params["pageToken"] = token
        data = self.http.get(THREADS, params=params).data
        return expect_object(data, f"{self.http.host}/{THREADS}")

    def _page(
        self, data: dict[str, Any], since: datetime | None, newest: datetime | None
    ) -> tuple[Page, bool, datetime | None]:
        """(the page's events, whether it reached the cursor, the newest time seen)."""
        page = Page(STREAM)
        items = data.get("items") or []
        if not isinstance(items, list):
            raise BadResponse(
                fill(tx("Network", "%1: the field %2 is not a list"), self.http.host, "'items'")
            )
        reached = False
        for item in items:
            try:
                event, published, skipped = self._thread(item)
            except BadResponse as exc:
                page.skipped["malformed"] += 1
                page.warnings.append(
                    fill(tx("Network", "%1: skipped a malformed item: %2"), STREAM, exc)
                )
                continue
            if since is not None and published < since:
                reached = True  # older than the last comment committed: seen before
                continue
            newest = published if newest is None else max(newest, published)
            if skipped:
                page.skipped[skipped] += 1
            elif event is not None:
                page.interactions.append(event)
        return page, reached, newest

    def _thread(self, item: Any) -> tuple[InteractionEvent | None, datetime, str]:
        """One comment thread's top-level comment: (its reply, or None for my own comment
        or one without an author; when it was written; why it was skipped, if it was)."""
        where = "comment thread"
        thread_id = text_field(item, "id", where)
        where = f"comment thread {thread_id}"
        snippet = object_field(item, "snippet", where)
        top = object_field(snippet, "topLevelComment", where)
        comment = object_field(top, "snippet", f"{where}: topLevelComment")
        published = date_field(comment, "publishedAt", where)
        author = optional_text(optional_object(comment, "authorChannelId"), "value")
        if not author:
            return None, published, "no-author"
        if author == self.channel_id:
            return None, published, ""  # mine: not something anyone did for me
        name = optional_text(comment, "authorDisplayName")
        profile = optional_text(comment, "authorChannelUrl") or CHANNEL_URL + author
        video = optional_text(snippet, "videoId") or optional_text(comment, "videoId")
        text = optional_text(comment, "textOriginal") or optional_text(comment, "textDisplay")
        if len(text) > COMMENT_LIMIT:
            text = text[:COMMENT_LIMIT].rstrip() + "…"
        event = InteractionEvent(
            external_id=comment_external_id(optional_text(top, "id") or thread_id),
            kind=Kind.REPLY,
            direction=Direction.INBOUND,
            actor=Actor(
                network=self.network,
                stable_id=author,
                handle=channel_handle(name, profile, author),
                display_name=name,
                profile_url=profile,
            ),
            occurred_at=published,
            post=Post(
                url=WATCH_URL + quote(video, safe="") if video else "",
                text=text,
                remote_id=video,
            ),
        )
        return event, published, ""


def comment_external_id(comment_id: str) -> str:
    """The external id of a comment's reply event: what another source (a Takeout reply
    to it) looks the comment's author up by."""
    return "comment:" + comment_id


def _cursor_time(saved: str | None) -> datetime | None:
    """The saved cursor's time; one that cannot be read is no cursor (read afresh)."""
    if not saved:
        return None
    try:
        return utc_datetime(saved, f"cursor {STREAM}")
    except BadResponse:
        return None


__all__ = ["DEFAULT_API", "STREAM", "YouTubeConnector", "comment_external_id"]
