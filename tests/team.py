"""Team mode's members for the concurrency tests: real `reciprocity` processes, each with a
home, data dir and keyring of its own, all on one PostgreSQL database (the URL from
RECIPROCITY_DATABASE_URL, as a member sets it; not --data-dir, which would mean SQLite).

- `Member(root, "ana", url)`: `run("sync", "--json")` waits for the command; `start(...)`
  runs it in the background (a `Popen`, stdout and stderr as text).
- `Gate(nth)`: a FakeStream's `before_answer` that holds its nth request until `open()`.
- `wait_for(condition)`: polls a condition, never a fixed sleep.
- `lock_waiters(url)`, `sync_lock_held(url, account_id)`: what the server says of locks.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

from desktop.store import locks

WAIT = 20.0  # seconds a condition may take before the test fails, saying which


class Member:
    def __init__(self, root: Path, name: str, url: str) -> None:
        self.name = name
        home = root / name
        self.env = {
            **os.environ,
            "HOME": str(home / "home"),
            "RECIPROCITY_HOME": str(home / "data"),
            "XDG_DATA_HOME": str(home / "xdg-data"),
            "XDG_CONFIG_HOME": str(home / "xdg-config"),
            "XDG_CACHE_HOME": str(home / "xdg-cache"),
            "XDG_STATE_HOME": str(home / "xdg-state"),
            "RECIPROCITY_DATABASE_URL": url,
            "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
            "LANG": "C.UTF-8",
        }
        for name_ in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
            self.env.pop(name_, None)
        (home / "home").mkdir(parents=True, exist_ok=True)

    def start(self, *args: object, stdin: str | None = None) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop", *map(str, args)],
            env=self.env,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        if stdin is not None:
            assert process.stdin is not None
            process.stdin.write(stdin)
            process.stdin.close()
            process.stdin = None  # said all: communicate() has nothing more to send
        return process

    def run(self, *args: object, stdin: str | None = None) -> Done:
        return finish(self.start(*args, stdin=stdin))


class Done:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def __repr__(self) -> str:
        return f"Done({self.code}, out={self.out!r}, err={self.err!r})"


def finish(process: subprocess.Popen[str], timeout: float = 60) -> Done:
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        out, err = process.communicate()
        raise AssertionError(f"still running after {timeout} s: {out!r} {err!r}") from None
    return Done(process.returncode, out, err)


class Gate:
    """Holds the `nth` request (counting from 1) until opened; the others pass."""

    def __init__(self, nth: int) -> None:
        self.nth = nth
        self.seen = 0
        self.reached = threading.Event()
        self.opened = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, _request: object) -> None:
        with self._lock:
            self.seen += 1
            held = self.seen == self.nth
        if held:
            self.reached.set()
            self.opened.wait(WAIT)

    def open(self) -> None:
        self.opened.set()


def wait_for(condition: Callable[[], object], what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {timeout} s: {what}")
        time.sleep(0.02)


def dsn(url: str) -> str:
    u = make_url(url)
    return f"host={u.host} port={u.port} user={u.username} dbname={u.database}"


def scalar(url: str, sql: str, *params: object) -> object:
    with psycopg.connect(dsn(url), autocommit=True) as conn:
        row = conn.execute(sql, params).fetchone()
        return row[0] if row else None


def lock_waiters(url: str) -> int:
    """Sessions of this database waiting for a lock (a row, another transaction, an
    advisory lock), right now."""
    return int(
        scalar(
            url,
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock'",
        )
        or 0
    )


def sync_lock_held(url: str, account_id: int) -> bool:
    """Does some session hold this account's sync lock (store.locks)?"""
    namespace = locks.SYNC_NAMESPACE & 0xFFFFFFFF  # pg_locks shows the key as unsigned oid
    return bool(
        scalar(
            url,
            "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database"
            " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2"
            " AND l.classid = %s AND l.objid = %s AND d.datname = current_database()",
            namespace,
            account_id,
        )
    )
