"""A connector's pages, read ahead on a thread of their own, so the writer can wait for the
next one with a time limit: pages already come are written when the network goes quiet,
instead of waiting for a page that is slow to come (a feed that hangs, a slow server).

The reader stays at most AHEAD pages ahead of the writer. `stop()` asks it to stop after
the page it is fetching, and calls the connector's `stop` if it has one (the feeds' pool
starts no more feeds at once); the reader closes the connector's iterator itself (a
generator may only be closed by the thread running it).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterator

from desktop.connectors.base import Page

AHEAD = 8


class Quiet(Exception):
    """No page came within the time asked."""


class _End:
    pass


_END = _End()


class ReadAhead:
    def __init__(
        self,
        pages: Iterator[Page],
        ahead: int = AHEAD,
        on_stop: Callable[[], None] | None = None,
    ) -> None:
        self._pages = pages
        self._on_stop = on_stop
        self._queue: queue.Queue[Page | BaseException | _End] = queue.Queue(maxsize=ahead)
        self._stop = threading.Event()
        self._done = False
        self._thread = threading.Thread(target=self._read, name="sync-read", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        item: Page | BaseException | _End = _END
        try:
            for page in self._pages:
                if not self._put(page):
                    return
        except BaseException as exc:  # handed to the writer, which raises it
            item = exc
        finally:
            close = getattr(self._pages, "close", None)
            if close is not None:
                close()
        self._put(item)

    def _put(self, item: Page | BaseException | _End) -> bool:
        while not self._stop.is_set():
            try:
                self._queue.put(item, timeout=0.1)
                return True
            except queue.Full:
                continue
        return False

    def next(self, timeout: float | None = None) -> Page:
        """The next page; Quiet when none came within `timeout` seconds; StopIteration at
        the end; whatever the connector raised, raised here."""
        if self._done:
            raise StopIteration
        try:
            item = self._queue.get(timeout=timeout)
        except queue.Empty:
            raise Quiet from None
        if isinstance(item, _End):
            self._done = True
            raise StopIteration
        if isinstance(item, BaseException):
            self._done = True
            raise item
        return item

    def stop(self) -> None:
        self._stop.set()
        if self._on_stop is not None:
            self._on_stop()
