"""First pending after sign-in: a new Mastodon account with a 2,000-notification history,
served at 150 ms a page (40 a page) by a loopback server in this process; a child signs in
with a pasted token (the real path: verify_credentials, the keyring), shows the main window,
starts the first sync and notes when the Thank page shows its first person. The floor is one
page's time: nothing can show before the first page is there. Target: within two pages."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from benchmarks.figures import Figure, median, ratio_at_most

HISTORY = 2000
PAGE = 40
DELAY_S = 0.150
RATIO = 2.0
KINDS = ("reblog", "favourite", "mention", "follow")


def _account(n: int, base: str) -> dict:
    return {
        "id": str(1000 + n),
        "acct": f"friend{n}@elsewhere.example",
        "username": f"friend{n}",
        "display_name": f"Friend {n}",
        "url": f"https://elsewhere.example/@friend{n}",
        "note": "",
        "fields": [],
    }


def _status(n: int, base: str) -> dict:
    return {
        "id": str(90_000 + n),
        "url": f"{base}/@me/{90_000 + n}",
        "uri": f"{base}/users/me/statuses/{90_000 + n}",
        "created_at": "2026-11-01T10:00:00.000Z",
        "content": f"<p>My post number {n} about reciprocity</p>",
        "language": "en",
        "account": {"id": "1", "acct": "me", "username": "me", "url": f"{base}/@me"},
        "mentions": [],
        "in_reply_to_account_id": None,
    }


def _notification(n: int, base: str) -> dict:
    kind = KINDS[n % len(KINDS)]
    item = {
        "id": str(n),
        "type": kind,
        "created_at": f"2026-{1 + n % 11:02d}-{1 + n % 27:02d}T12:00:00.000Z",
        "account": _account(n % 700, base),
    }
    if kind != "follow":
        item["status"] = _status(n % 300, base)
    return item


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, *_args) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        base = self.server.base
        time.sleep(DELAY_S)
        body: object = []
        link = ""
        if parts.path == "/api/v1/accounts/verify_credentials":
            body = {
                "id": "1",
                "acct": "me",
                "username": "me",
                "display_name": "Me",
                "url": f"{base}/@me",
            }
        elif parts.path == "/api/v1/instance":
            body = {"uri": "loopback", "configuration": {"statuses": {"max_characters": 500}}}
        elif parts.path == "/api/v1/notifications" and "min_id" not in query:
            top = int(query.get("max_id", [str(HISTORY + 1)])[0]) - 1
            ids = [i for i in range(top, max(top - PAGE, 0), -1)]
            body = [_notification(i, base) for i in ids]
            if ids and ids[-1] > 1:
                link = f'<{base}/api/v1/notifications?max_id={ids[-1]}>; rel="next"'
            with self.server.lock:
                self.server.pages += 1
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        if link:
            self.send_header("Link", link)
        self.end_headers()
        self.wfile.write(data)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.lock = threading.Lock()
        self.pages = 0


def first_pending(home: Path, *, runs: int, log=print) -> list[Figure]:
    import tempfile

    from benchmarks.gui import ChildFailed, child_env, run_child

    shown, total, pages = [], [], []
    for _ in range(runs):
        server = _Server()
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            with tempfile.TemporaryDirectory(dir=home) as data_dir:
                env = child_env(home)
                env["PYTHON_KEYRING_BACKEND"] = "keyrings.alt.file.PlaintextKeyring"
                _, lines, _ = run_child(["signin", data_dir, server.base], env, timeout=600)
        finally:
            server.shutdown()
            server.server_close()
        result = json.loads(lines[-1])
        if "error" in result:
            raise ChildFailed(result["error"])
        shown.append(result["first_pending_ms"])
        total.append(result["sync_ms"])
        pages.append(server.pages)
    figure = Figure(
        "first pending after sign-in",
        "ms",
        median(shown),
        DELAY_S * 1000,
        f"<= {RATIO:g} pages' time",
        ratio_at_most(RATIO),
        shown,
        [DELAY_S * 1000] * len(shown),
        f"one page's time ({DELAY_S * 1000:.0f} ms): nothing can show before it comes",
        f"a new Mastodon account, {HISTORY:,} notifications at {PAGE} a page and "
        f"{DELAY_S * 1000:.0f} ms each; first sync's start to the Thank page's first person; "
        f"the whole back-fill took {median(total) or 0:,.0f} ms ({median(pages) or 0:.0f} "
        f"notification pages)",
    )
    log(f"  {figure.name}: {figure.median:,.0f} ms (floor {figure.floor:,.0f} ms)")
    return [figure]
