"""The feed connector: one page per source, fetched (many at once: pool), parsed and turned
into events."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from desktop.connectors.base import ConnectorError, Page, RateLimited
from desktop.connectors.feeds import pool
from desktop.connectors.feeds.entries import NotAFeed
from desktop.connectors.feeds.events import candidate, comment
from desktop.connectors.feeds.fetch import cursor_of, request_headers, retry_at, waiting_cursor
from desktop.connectors.feeds.parse import parse_feed
from desktop.connectors.feeds.source import FeedSource
from desktop.connectors.http import CONNECT_TIMEOUT, HttpClient
from desktop.core.events import Network
from desktop.core.i18n import PLURAL, fill, tx

log = logging.getLogger(__name__)

# A feed's own time: connecting, then waiting for its answer. A feed that does not answer in
# time is not asked again in the same sync (read_retries=0): it would hold a worker and one
# of its host's connections four times as long, and the next sync asks again anyway.
FEED_TIMEOUT = (CONNECT_TIMEOUT, 20.0)


class FeedConnector:
    """Pages of candidates (and blog comments) from a list of feeds, one page per feed,
    fetched `workers` at a time (at most `per_host` from one host) and yielded as they are
    done. A host that asks to slow down (429) slows only its own feeds (see pool)."""

    network: str = Network.FEED

    def __init__(
        self,
        sources: Sequence[FeedSource],
        *,
        max_entries: int = 200,
        workers: int = pool.WORKERS,
        per_host: int = pool.PER_HOST,
        timeout: tuple[float, float] = FEED_TIMEOUT,
        retries: int = 3,
        max_wait: timedelta = pool.MAX_WAIT,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        if max_entries < 1:
            raise ValueError(f"max_entries must be at least 1, got {max_entries}")
        unique: dict[str, FeedSource] = {}
        for source in sources:
            unique.setdefault(source.url, source)
        self.sources = list(unique.values())
        self.max_entries = max_entries
        self.workers, self.per_host = workers, per_host
        self.timeout, self.retries, self.max_wait = timeout, retries, max_wait
        self.now = now
        self._running: set[pool.FeedPool] = set()
        self._lock = threading.Lock()

    def stop(self) -> None:
        """Start no more feeds (from any thread): a cancelled or crashed sync."""
        with self._lock:
            running = list(self._running)
        for run in running:
            run.stop()

    def pages(self, cursors: Mapping[str, str]) -> Iterator[Page]:
        """One page per feed, in the order they are done. A feed whose host asked, in an
        earlier sync, to wait until a time still to come is not asked before then."""
        now = self.now()
        due, waiting = [], []
        for source in self.sources:
            saved = cursors.get(source.stream)
            until = retry_at(saved)
            if until is not None and until > now:
                waiting.append(self._waiting(source, saved, until))
            else:
                due.append(source)
        run = pool.FeedPool(
            due,
            cursors,
            self._page,
            lambda source, saved, exc: self._waiting(source, saved, exc.retry_at),
            self._client,
            workers=self.workers,
            per_host=self.per_host,
            max_wait=self.max_wait,
            now=self.now,
        )
        with self._lock:
            self._running.add(run)
        run.start()
        try:
            yield from waiting
            yield from run.results()
        finally:
            run.stop()
            with self._lock:
                self._running.discard(run)

    def _client(self, origin: str) -> HttpClient:
        """A client for one connection to one host: kept alive from feed to feed."""
        return HttpClient(
            origin,
            timeout=self.timeout,
            retries=self.retries,
            read_retries=0,
            pool_size=1,
            pool_block=True,
        )

    # -- one source

    def _waiting(self, source: FeedSource, saved: str | None, until: datetime) -> Page:
        """The page of a feed whose host asked to be left alone until `until`: no events,
        its validators kept with that time, and a warning that says until when."""
        host = urlsplit(source.url).netloc
        error = fill(
            tx("Feeds", "%1 asked to slow down until %2 UTC; not asked again before then"),
            host,
            until.astimezone(UTC).strftime("%H:%M"),
        )
        page = Page(stream=source.stream, cursor=waiting_cursor(saved, until))
        page.warnings.append(
            fill(tx("Feeds", "could not fetch the feed at %1: %2"), source.url, error)
        )
        page.meta["error"] = error
        page.meta["status"] = "rate-limited"
        return page

    def _page(self, client: HttpClient, source: FeedSource, saved: str | None) -> Page:
        """The feed's page; RateLimited is raised for the pool to handle per host."""
        page = Page(stream=source.stream)
        try:
            response = client.get(
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


def _not_well_formed(read: int) -> str:
    """What a feed with a problem says, with how many entries were read anyway."""
    if read == 1:
        return tx("Feeds", "the feed at %1 is not well-formed (%2); read 1 entry")
    # One line of arguments: lupdate misses a plural call that ends with a trailing comma.
    return tx(
        "Feeds", "the feed at %1 is not well-formed (%2); read %n entries", None, PLURAL, read
    )
