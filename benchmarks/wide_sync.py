"""Wide sync: N feeds (300; --quick 60) on loopback servers that answer every request after
200 ms, into the benchmark's store, through FeedConnector and sync_account.

The layout. The servers run in a child process (`python -m benchmarks.wide_sync serve`),
so that their threads do not share the measured process's GIL, as a real network would
not: HOSTS threaded HTTP/1.1 servers, one per loopback address (127.0.0.11, .12, …), feed
i on host i mod HOSTS, so no host has more than ⌈N / HOSTS⌉ feeds and the per-host limit
(2 connections) allows up to 2 × HOSTS = 20 requests at once, more than the 16 workers (the
setting's default): the limit never makes the floor unreachable.

The feeds. Every request is answered after DELAY (200 ms). Even feeds never change: with
the validator saved by the sync before, they answer 304 Not Modified; odd feeds have new
entries (ten, new links) at every request and answer 200. A first, unmeasured sync saves
every feed's validator, so in each measured sync half of the feeds are 304 (counted by the
servers and reported). SLOW feeds (max(2, N / 100)) answer after 5 s instead; one feed
never answers and ends by the benchmark's feed timeout, HANG_TIMEOUT (6 s: above the slow
feeds' 5 s, so that they complete, and not so far above that the hanging feed alone makes
the figure). They are spread through the first half of the list, as a user's list holds
them anywhere, and each on a different host: four of them behind one host's two
connections would make that host alone take longer than the floor (the per-host limit at
work, not the pool). One late in the list would end up to 5 s after the others with any
pool that does not know in advance which feeds are slow.

The floor. `delay × ⌈N / workers⌉` is the issue's bound when every feed takes `delay`;
here each feed counts as the time it takes in delays (a 200 ms feed 1, a 5 s one 25, the
hanging one 30), so the floor is `delay × ⌈(that work) / workers⌉`, and never less than the
longest feed. Serial is shown beside it: N × delay, and the same feeds one after another.
"""

from __future__ import annotations

import json
import math
import select
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from benchmarks.figures import Figure, median, ratio_at_most
from desktop.core import sync_limits

DELAY = 0.2
SLOW_SECONDS = 5.0
HANG_TIMEOUT = 6.0  # the benchmark's read timeout for every feed
CONNECT_TIMEOUT = 2.0
HOSTS = 10
ENTRIES = 10
WORKERS = sync_limits.DEFAULT_WORKERS  # the setting's default
MAX_RATIO = 1.5
SPEEDUP = 8.0  # the target against N × delay (at most `workers`×)
ROOT = Path(__file__).resolve().parents[1]


def layout(feeds: int) -> tuple[list[int], int]:
    """(the slow feeds' indexes, the hanging feed's index): spread over the first half of
    the list, each on a host of its own (index k of them is moved by k: k mod HOSTS)."""
    slow_count = max(2, feeds // 100)
    spots = [feeds * (k + 1) // (2 * (slow_count + 2)) + k for k in range(slow_count + 1)]
    hang, slow = spots[1], [s for n, s in enumerate(spots) if n != 1]
    return slow, hang


def floor_seconds(feeds: int, workers: int) -> tuple[float, float]:
    """(the floor, the same feeds one after another), in seconds."""
    slow, _hang = layout(feeds)
    work = (feeds - len(slow) - 1) * DELAY + len(slow) * SLOW_SECONDS + HANG_TIMEOUT
    units = math.ceil(round(work / DELAY, 6) / workers)
    return max(DELAY * units, HANG_TIMEOUT, SLOW_SECONDS), work


# -- the servers (in the child process) ---------------------------------------------------


class _Servers:
    def __init__(self, feeds: int) -> None:
        self.slow, self.hang = layout(feeds)
        self.versions = [1] * feeds
        self.lock = threading.Lock()
        self.stop = threading.Event()
        self.statuses: dict[str, int] = {}
        self.open: dict[str, int] = {}
        self.most_open: dict[str, int] = {}
        self.servers = [self._server(f"127.0.0.{11 + n}") for n in range(HOSTS)]

    def _server(self, address: str) -> ThreadingHTTPServer:
        servers = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            timeout = 30

            def setup(self) -> None:
                super().setup()
                with servers.lock:
                    servers.open[address] = servers.open.get(address, 0) + 1
                    servers.most_open[address] = max(
                        servers.most_open.get(address, 0), servers.open[address]
                    )

            def finish(self) -> None:
                with servers.lock:
                    servers.open[address] -= 1
                super().finish()

            def do_GET(self) -> None:
                servers.answer(self)

            def log_message(self, *args: object) -> None:
                pass

        server = ThreadingHTTPServer((address, 0), Handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        return server

    def origins(self) -> list[str]:
        return [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in self.servers]

    def count(self, what: str) -> None:
        with self.lock:
            self.statuses[what] = self.statuses.get(what, 0) + 1

    def answer(self, handler: BaseHTTPRequestHandler) -> None:
        index = int(handler.path.rsplit("/", 1)[1].removesuffix(".xml"))
        if index == self.hang:
            self.count("no answer")
            wait_for_hang_up(handler, self.stop)
            return
        time.sleep(SLOW_SECONDS if index in self.slow else DELAY)
        with self.lock:
            if index % 2:
                self.versions[index] += 1  # new entries at every request
            version = self.versions[index]
        etag = f'"{index}-{version}"'
        if handler.headers.get("If-None-Match") == etag:
            self.count("304")
            handler.send_response(304)
            handler.send_header("ETag", etag)
            handler.end_headers()
            return
        self.count("200")
        body = _rss(index, version)
        handler.send_response(200)
        handler.send_header("ETag", etag)
        handler.send_header("Content-Type", "application/rss+xml; charset=utf-8")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    def stats(self) -> dict[str, object]:
        with self.lock:
            said: dict[str, object] = {
                "statuses": dict(self.statuses),
                "most_connections_per_host": max(self.most_open.values(), default=0),
            }
            self.statuses.clear()
            self.most_open.clear()
            return said


def wait_for_hang_up(handler: BaseHTTPRequestHandler, stop: threading.Event) -> None:
    """Never answer; return once the client has closed the connection (so that it is not
    counted as open any longer), or the server stops."""
    handler.close_connection = True
    sock = handler.connection
    while not stop.is_set():
        readable, _, _ = select.select([sock], [], [], 0.1)
        if readable:
            try:
                if not sock.recv(1, socket.MSG_PEEK):
                    return  # the client hung up
            except OSError:
                return
            time.sleep(0.1)


def _rss(index: int, version: int) -> bytes:
    items = "".join(
        f"<item><title>Post {version}.{n} of feed {index}</title>"
        f"<link>https://blog{index}.example/{version}/{n}?utm_source=rss</link>"
        f"<description>&lt;p&gt;Something worth reading, part {n}.&lt;/p&gt;</description>"
        f"<pubDate>Mon, 03 Jun 2024 {n:02d}:00:00 GMT</pubDate></item>"
        for n in range(ENTRIES)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f"<title>Feed {index}</title><link>https://blog{index}.example/</link>"
        f"{items}</channel></rss>"
    ).encode()


def serve(feeds: int) -> None:
    """The child process: servers up, their origins on stdout, then one JSON line per
    "stats" read on stdin, until stdin ends."""
    servers = _Servers(feeds)
    print(json.dumps({"origins": servers.origins()}), flush=True)
    for line in sys.stdin:
        if line.strip() == "stats":
            print(json.dumps(servers.stats()), flush=True)
    servers.stop.set()


# -- the measurement ----------------------------------------------------------------------


def _sync(store, account_id: int, urls: list[str], workers: int):
    from desktop.connectors.feeds import FeedConnector, FeedSource
    from desktop.sync.engine import sync_account

    connector = FeedConnector(
        [FeedSource(url) for url in urls],
        workers=workers,
        timeout=(CONNECT_TIMEOUT, HANG_TIMEOUT),
    )
    started = time.perf_counter()
    report = sync_account(store, account_id, connector, label="wide sync")
    return time.perf_counter() - started, report


def measure(store_path: Path, *, feeds: int, runs: int, workers: int = WORKERS, log=print):
    from desktop.core.vocabulary import Network
    from desktop.queries.accounts import add_feed, upsert_account
    from desktop.store.database import open_store

    child = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.wide_sync", str(feeds)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None  # asked for above

    def stats() -> dict:
        child.stdin.write("stats\n")
        child.stdin.flush()
        return json.loads(child.stdout.readline())

    store = open_store(f"sqlite:///{store_path}")
    try:
        origins = json.loads(child.stdout.readline())["origins"]
        urls = [f"{origins[i % len(origins)]}/feed/{i}.xml" for i in range(feeds)]
        with store.session() as s:
            account = upsert_account(s, Network.FEED, "", "wide-sync benchmark")
            for url in urls:
                add_feed(s, url, account=account)
            account_id = account.id
        warm, _ = _sync(store, account_id, urls, workers)  # saves every feed's validator
        stats()
        log(f"  wide sync: first sync (not measured) {warm:.1f} s")
        seconds, seen = [], []
        for run in range(runs):
            took, report = _sync(store, account_id, urls, workers)
            said = stats()
            if report.pages != feeds:
                raise RuntimeError(f"the wide sync wrote {report.pages} of {feeds} pages")
            seconds.append(took * 1000)
            seen.append(said)
            log(
                f"  wide sync run {run + 1}: {took:.2f} s, {said['statuses']},"
                f" {report.candidates_new:,} new links,"
                f" at most {said['most_connections_per_host']} connections per host"
            )
    finally:
        store.close()
        child.stdin.close()
        child.wait(30)
    floor, work = floor_seconds(feeds, workers)
    slow, _hang = layout(feeds)
    figure_ms = median(seconds)
    serial = feeds * DELAY
    speedup = serial * 1000 / figure_ms if figure_ms else 0.0
    last = seen[-1]["statuses"]
    note = (
        f"{feeds} feeds on {HOSTS} loopback hosts (127.0.0.11-{10 + HOSTS}), {workers} workers,"
        f" at most 2 connections per host (seen: {seen[-1]['most_connections_per_host']});"
        f" each answer after {DELAY * 1000:.0f} ms: {last.get('304', 0)} x 304,"
        f" {last.get('200', 0)} x 200 (10 new entries each), {len(slow)} slow"
        f" ({SLOW_SECONDS:g} s), 1 never answering (feed timeout {HANG_TIMEOUT:g} s);"
        f" floor counts each feed as its time in delays (delay x ceil(N / workers) alone:"
        f" {DELAY * math.ceil(feeds / workers):.1f} s); serial N x delay {serial:.1f} s:"
        f" {speedup:.1f}x faster (target >= {SPEEDUP:g}x; at most {workers}x with {workers}"
        f" workers); the same feeds one after another {work:.1f} s:"
        f" {work * 1000 / figure_ms:.1f}x faster"
    )
    return [
        Figure(
            "wide sync",
            "ms",
            figure_ms,
            floor * 1000,
            f"<= {MAX_RATIO:g}x floor",
            ratio_at_most(MAX_RATIO),
            seconds,
            [floor * 1000],
            f"delay x ceil(work in delays / {workers} workers), at least the longest feed",
            note,
        )
    ]


if __name__ == "__main__":
    serve(int(sys.argv[1]))
