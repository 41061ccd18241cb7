"""Many feeds at once, politely: a bounded pool of workers, a few connections per host, each
host's back-off its own.

- `workers` threads (the "sync_workers" setting, default 16) take feeds from one queue per
  host, round robin over the hosts. A worker only takes a feed whose host has a free
  connection and is not backing off, so a host with a hundred feeds never holds the pool
  and the other hosts' feeds go on beside it.
- A host (an origin: scheme, name and port) gets at most `per_host` connections at once.
  Each is an HttpClient of its own (a requests.Session with a one-connection pool), used by
  one worker at a time and handed from feed to feed, so the connection is kept alive and
  reused (requests recommends a Session per thread: psf/requests#2766).
- A 429 is that host's alone: its feeds wait until the time it gave (at most `max_wait`,
  `max_retries` times) while other hosts go on. A longer wait gives up on the host for this
  sync: each of its feeds gets the page `waiting` makes (no request is sent) and the others
  complete.
- Every request has the client's own timeout, so a feed that hangs holds one worker and one
  of its host's connections until then, never the others.
- Pages come back as they are done, in whatever order: each carries its own stream and
  cursor. `stop()` (from any thread: a cancelled or crashed sync) or closing the iterator
  starts no more feeds; the requests in flight end, and what they fetched is dropped.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from desktop.connectors.base import Page, RateLimited
from desktop.connectors.feeds.source import FeedSource
from desktop.connectors.http import HttpClient
from desktop.core import sync_limits

log = logging.getLogger(__name__)

WORKERS = sync_limits.DEFAULT_WORKERS  # feeds fetched at once (the "sync_workers" setting)
PER_HOST = sync_limits.PER_HOST
MAX_WAIT = timedelta(seconds=60)  # a host's 429 waited out in-line up to this long
MAX_RETRIES = 3  # times one feed is asked again after its host's 429

# (a client of the feed's host, the feed, its saved cursor) -> its page; raises RateLimited
Fetch = Callable[[HttpClient, FeedSource, str | None], Page]
# (the feed, its saved cursor, the host's 429) -> its page, without a request
Waiting = Callable[[FeedSource, str | None, RateLimited], Page]


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


@dataclass
class _Host:
    origin: str
    queue: deque[tuple[FeedSource, int]] = field(default_factory=deque)  # (feed, retries)
    free: list[HttpClient] = field(default_factory=list)
    clients: list[HttpClient] = field(default_factory=list)
    busy: int = 0
    until: float = 0.0  # monotonic time before which nothing is sent to it
    gave_up: RateLimited | None = None  # waited too long for this sync


class FeedPool:
    """One run over the feeds (see the module's docstring); `run()` yields their pages."""

    def __init__(
        self,
        sources: Sequence[FeedSource],
        saved: Mapping[str, str],
        fetch: Fetch,
        waiting: Waiting,
        make_client: Callable[[str], HttpClient],
        *,
        workers: int = WORKERS,
        per_host: int = PER_HOST,
        max_wait: timedelta = MAX_WAIT,
        max_retries: int = MAX_RETRIES,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        if workers < 1 or per_host < 1:
            raise ValueError(f"workers and per_host must be at least 1 ({workers}, {per_host})")
        self.sources = list(sources)
        self.saved = saved
        self.fetch, self.waiting, self.make_client = fetch, waiting, make_client
        self.workers = min(workers, len(self.sources)) or 1
        self.per_host, self.max_wait, self.max_retries = per_host, max_wait, max_retries
        self.now = now
        self.hosts: dict[str, _Host] = {}
        for source in self.sources:
            key = origin(source.url)
            self.hosts.setdefault(key, _Host(key)).queue.append((source, 0))
        self._order = list(self.hosts.values())
        self._next = 0  # where the round robin over the hosts starts
        self._lock = threading.Condition()
        self._stopping = False
        self._alive = 0
        # Pages as they are done; None once the last worker has left.
        self._results: queue.SimpleQueue[Page | None] = queue.SimpleQueue()

    def run(self) -> Iterator[Page]:
        """Start, yield every feed's page as it is done, stop when closed or done."""
        self.start()
        try:
            yield from self.results()
        finally:
            self.stop()

    def start(self) -> None:
        if not self.sources or self._alive:
            return
        with self._lock:
            self._alive = self.workers
        for n in range(self.workers):
            threading.Thread(target=self._work, name=f"feeds-{n + 1}", daemon=True).start()

    def results(self) -> Iterator[Page]:
        for _ in self.sources:
            page = self._results.get()
            if page is None:  # every worker gone before every feed had its page
                if not self._stopping:
                    log.error("the feed workers stopped early; the other feeds wait")
                return
            yield page

    def stop(self) -> None:
        """No more feeds are started; those in flight end with their own timeouts, and
        `results()` ends once they have. Safe from any thread."""
        with self._lock:
            self._stopping = True
            self._lock.notify_all()

    # -- on the workers

    def _work(self) -> None:
        try:
            while (job := self._take()) is not None:
                host, source, retries, client = job
                try:
                    page = self.fetch(client, source, self.saved.get(source.stream))
                except RateLimited as exc:
                    self._limited(host, source, retries, exc)
                    continue
                except Exception as exc:  # a worker must deliver a page for every feed
                    log.exception("fetching a feed failed unexpectedly")
                    page = Page(stream=source.stream, warnings=[f"{source.url}: {exc!r}"])
                    page.meta["error"] = type(exc).__name__
                finally:
                    self._give_back(host, client)
                self._results.put(page)
        finally:
            self._leave()

    def _take(self) -> tuple[_Host, FeedSource, int, HttpClient] | None:
        """The next feed a worker may fetch, with a client of its host; None: none left."""
        with self._lock:
            while not self._stopping:
                wake: float | None = None
                queued = False
                count = len(self._order)
                for step in range(count):
                    host = self._order[(self._next + step) % count]
                    if not host.queue:
                        continue
                    queued = True
                    if host.busy >= self.per_host:
                        continue
                    pause = host.until - time.monotonic()
                    if pause > 0:
                        wake = pause if wake is None else min(wake, pause)
                        continue
                    source, retries = host.queue.popleft()
                    host.busy += 1
                    if not host.free:
                        host.free.append(self.make_client(host.origin))
                        host.clients.append(host.free[-1])
                    self._next = (self._next + step + 1) % count
                    return host, source, retries, host.free.pop()
                if not queued:
                    return None
                self._lock.wait(wake)
            return None

    def _give_back(self, host: _Host, client: HttpClient) -> None:
        with self._lock:
            host.busy -= 1
            host.free.append(client)
            self._lock.notify_all()

    def _limited(self, host: _Host, source: FeedSource, retries: int, exc: RateLimited) -> None:
        wait = exc.retry_at - self.now()
        with self._lock:
            if host.gave_up is None and wait <= self.max_wait and retries < self.max_retries:
                log.info("%s: rate limited, waiting %.0f s", host.origin, wait.total_seconds())
                host.until = max(host.until, time.monotonic() + wait.total_seconds())
                host.queue.appendleft((source, retries + 1))
                self._lock.notify_all()
                return
            log.info("%s: rate limited until %s, its feeds wait", host.origin, exc.retry_at)
            host.gave_up = host.gave_up or exc
            left = [source, *(s for s, _ in host.queue)]
            host.queue.clear()
            self._lock.notify_all()
        for feed in left:
            self._results.put(self.waiting(feed, self.saved.get(feed.stream), host.gave_up))

    def _leave(self) -> None:
        """The last worker out closes the hosts' connections."""
        with self._lock:
            self._alive -= 1
            if self._alive:
                return
            clients = [c for host in self._order for c in host.clients]
        for client in clients:
            client.close()
        self._results.put(None)
