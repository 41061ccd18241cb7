"""The feed connector: one page per source, fetched, parsed and turned into events."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from desktop.connectors.base import ConnectorError, Page, RateLimited
from desktop.connectors.feeds.entries import NotAFeed
from desktop.connectors.feeds.events import candidate, comment
from desktop.connectors.feeds.fetch import cursor_of, request_headers
from desktop.connectors.feeds.parse import parse_feed
from desktop.connectors.feeds.source import FeedSource
from desktop.connectors.http import HttpClient
from desktop.core.events import Network
from desktop.core.i18n import PLURAL, fill, tx

log = logging.getLogger(__name__)


class FeedConnector:
    """Pages of candidates (and blog comments) from a list of feeds, one page per feed."""

    network: str = Network.FEED

    def __init__(
        self,
        sources: Sequence[FeedSource],
        *,
        http: HttpClient | None = None,
        max_entries: int = 200,
    ) -> None:
        if max_entries < 1:
            raise ValueError(f"max_entries must be at least 1, got {max_entries}")
        unique: dict[str, FeedSource] = {}
        for source in sources:
            unique.setdefault(source.url, source)
        self.sources = list(unique.values())
        self.max_entries = max_entries
        # An injected client (tests, a shared session) serves every source; otherwise one
        # client per origin, so that error messages name the right host.
        self._http = http
        self._clients: dict[str, HttpClient] = {}

    def pages(self, cursors: Mapping[str, str]) -> Iterator[Page]:
        for source in self.sources:
            yield self._page(source, cursors.get(source.stream))

    # -- one source

    def _page(self, source: FeedSource, saved: str | None) -> Page:
        page = Page(stream=source.stream)
        try:
            response = self._client(source.url).get(
                source.url, headers=request_headers(saved), expect_json=False, auth=False
            )
        except RateLimited:
            raise
        except ConnectorError as exc:
            page.warnings.append(
                fill(tx("Feeds", "could not fetch the feed at %1: %2"), source.url, exc)
            )
            page.meta["error"] = str(exc)
            return page
        if response.status == 304:
            page.cursor = saved
            page.meta["status"] = "not-modified"
            return page

        content_type = response.headers.get("Content-Type", "")
        try:
            feed = parse_feed(response.content, content_type, source.url)
        except NotAFeed as exc:
            page.warnings.append(
                fill(tx("Feeds", "the address %1 did not return a feed: %2"), source.url, exc)
            )
            return page
        except Exception as exc:  # a third-party parser on untrusted bytes
            log.warning("feed parser failed on %s", urlsplit(source.url).netloc, exc_info=True)
            page.warnings.append(
                fill(
                    tx("Feeds", "could not read the feed at %1 (%2)"),
                    source.url,
                    type(exc).__name__,
                )
            )
            return page

        if feed.title:
            page.meta["title"] = feed.title
        if feed.site_url:
            page.meta["site_url"] = feed.site_url

        entries = feed.entries
        if len(entries) > self.max_entries:
            page.skipped["over-limit"] += len(entries) - self.max_entries
            entries = entries[: self.max_entries]
        now = datetime.now(UTC)
        for entry in entries:
            if source.kind == "blog_comments":
                event, reason = comment(entry, feed, source, now)
                if event is not None:
                    page.interactions.append(event)
            else:
                found, reason = candidate(entry, feed, source, now)
                if found is not None:
                    page.candidates.append(found)
            if reason:
                page.skipped[reason] += 1

        read = len(page.candidates) + len(page.interactions)
        if feed.problem:
            page.warnings.append(fill(_not_well_formed(read), source.url, feed.problem))
            if not read:
                return page  # keep the saved cursor: nothing came of this response
        page.cursor = cursor_of(response)
        return page

    def _client(self, url: str) -> HttpClient:
        if self._http is not None:
            return self._http
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        client = self._clients.get(origin)
        if client is None:
            client = self._clients[origin] = HttpClient(origin)
        return client


def _not_well_formed(read: int) -> str:
    """What a feed with a problem says, with how many entries were read anyway."""
    if read == 1:
        return tx("Feeds", "the feed at %1 is not well-formed (%2); read 1 entry")
    # One line of arguments: lupdate misses a plural call that ends with a trailing comma.
    return tx(
        "Feeds", "the feed at %1 is not well-formed (%2); read %n entries", None, PLURAL, read
    )
