"""Feed servers on loopback addresses, for the tests that need what pytest-httpserver's
one-request-at-a-time server cannot show: many requests at once, delays, a feed that never
answers, and how many connections a host had open at the same time.

`FeedHost("127.0.0.2")` is one host (threaded, HTTP/1.1 keep-alive); `host.feed("a")` serves
an RSS feed of two entries at /a.xml with the ETag '"a-1"' and answers 304 to that ETag.
Per feed: `delay` (seconds before answering), `hang` (never answers), `statuses` (answers
to give first, e.g. [(429, {"Retry-After": "1"})]). The host counts connections open at
once (`max_connections`), connections made (`connections`) and requests (`log`).
"""

from __future__ import annotations

import select
import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class _Feed:
    name: str
    delay: float = 0.0
    hang: bool = False
    statuses: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    version: int = 1

    @property
    def etag(self) -> str:
        return f'"{self.name}-{self.version}"'

    def body(self) -> bytes:
        items = "".join(
            f"<item><title>{self.name} {n}</title>"
            f"<link>https://{self.name}.example/posts/{self.version}-{n}</link>"
            "<pubDate>Mon, 03 Jun 2024 10:00:00 GMT</pubDate></item>"
            for n in range(2)
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
            f"<title>{self.name}</title><link>https://{self.name}.example/</link>"
            f"{items}</channel></rss>"
        ).encode()


@dataclass
class Request:
    path: str
    if_none_match: str
    at: float  # time.monotonic() when it arrived
    status: int = 0
    answered: float = 0.0  # and when it was answered


class FeedHost:
    def __init__(self, address: str = "127.0.0.1") -> None:
        self.feeds: dict[str, _Feed] = {}
        self.log: list[Request] = []
        self.connections = 0  # made
        self.open = 0
        self.max_connections = 0  # open at the same time, at most
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        host = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive
            timeout = 10  # an idle kept-alive connection ends

            def setup(self) -> None:
                super().setup()
                with host.lock:
                    host.connections += 1
                    host.open += 1
                    host.max_connections = max(host.max_connections, host.open)

            def finish(self) -> None:
                with host.lock:
                    host.open -= 1
                super().finish()

            def do_GET(self) -> None:
                host.answer(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((address, 0), Handler)
        self.server.daemon_threads = True
        self.address = address
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://{self.address}:{self.port}"

    def feed(
        self,
        name: str,
        *,
        delay: float = 0.0,
        hang: bool = False,
        statuses: list[tuple[int, dict[str, str]]] | None = None,
    ) -> str:
        self.feeds[name] = _Feed(name, delay, hang, list(statuses or []))
        return f"{self.origin}/{name}.xml"

    def change(self, name: str) -> None:
        """New entries and a new ETag for the next request."""
        self.feeds[name].version += 1

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        name = handler.path.lstrip("/").removesuffix(".xml")
        request = Request(handler.path, handler.headers.get("If-None-Match", ""), time.monotonic())
        with self.lock:
            self.log.append(request)
            feed = self.feeds.get(name)
            scripted = feed.statuses.pop(0) if feed and feed.statuses else None
        if feed is None:
            return self._send(handler, request, 404, {}, b"not found")
        if feed.hang:  # never answers; the connection ends when the client gives up
            handler.close_connection = True
            sock = handler.connection
            while not self.stopping.is_set():
                if select.select([sock], [], [], 0.05)[0]:
                    try:
                        if not sock.recv(1, socket.MSG_PEEK):
                            return None  # the client hung up
                    except OSError:
                        return None
                    time.sleep(0.05)
            return None
        if feed.delay:
            time.sleep(feed.delay)
        if scripted is not None:
            status, headers = scripted
            return self._send(handler, request, status, headers, b"slow down")
        if request.if_none_match == feed.etag:
            return self._send(handler, request, 304, {"ETag": feed.etag}, b"")
        headers = {"ETag": feed.etag, "Content-Type": "application/rss+xml; charset=utf-8"}
        return self._send(handler, request, 200, headers, feed.body())

    @staticmethod
    def _send(
        handler: BaseHTTPRequestHandler,
        request: Request,
        status: int,
        headers: dict[str, str],
        body: bytes,
    ) -> None:
        request.status, request.answered = status, time.monotonic()
        handler.send_response(status)
        for key, value in headers.items():
            handler.send_header(key, value)
        if status != 304:
            handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        if status != 304:
            handler.wfile.write(body)

    def requests_for(self, name: str) -> list[Request]:
        with self.lock:
            return [r for r in self.log if r.path == f"/{name}.xml"]

    def close(self) -> None:
        self.stopping.set()
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
