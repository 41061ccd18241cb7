"""A private PostgreSQL server for the tests: Debian's binaries, a cluster in a temporary
folder, on a free loopback port, started once per test session and stopped at its end.

initdb refuses to run as root, so as root the cluster belongs to the `postgres` user
(runuser); the tests connect over TCP as the cluster's superuser, with trust
authentication, which is all a throwaway cluster on 127.0.0.1 needs. Each test gets a
database of its own, copied from a template that was migrated once (CREATE DATABASE …
TEMPLATE is a file copy: milliseconds, where migrating takes a second).

`RECIPROCITY_TEST_POSTGRES_URL=postgresql+psycopg://user@host:port/db` uses a server
that is already running instead (its user must be allowed to create databases).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from sqlalchemy.engine import make_url

BIN_DIRS = sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True)  # newest first
TEMPLATE = "reciprocity_template"


class Unavailable(Exception):
    """No server could be started: the reason, for the skip."""


def _binary(name: str) -> str | None:
    for folder in BIN_DIRS:
        path = Path(folder) / name
        if path.is_file():
            return str(path)
    return shutil.which(name)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    def __init__(self) -> None:
        self.folder: Path | None = None
        self.port = 0
        self._as: list[str] = []
        self._external = os.environ.get("RECIPROCITY_TEST_POSTGRES_URL")
        self._template_ready = False
        self._options = ""

    # -- the server ------------------------------------------------------------------------

    def start(self) -> None:
        if self._external:
            url = make_url(self._external)
            self.host, self.port, self.user = (
                url.host or "127.0.0.1",
                url.port or 5432,
                url.username,
            )
            self._check()
            return
        initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
        if not initdb or not pg_ctl:
            raise Unavailable("no PostgreSQL server binaries (apt-get install postgresql)")
        self.folder = Path(tempfile.mkdtemp(prefix="reciprocity-pg-"))
        if os.geteuid() == 0:
            if not shutil.which("runuser"):
                raise Unavailable("running as root without runuser: initdb refuses root")
            shutil.chown(self.folder, "postgres")
            self.folder.chmod(0o700)
            self._as = ["runuser", "-u", "postgres", "--"]
        self.host, self.port, self.user = "127.0.0.1", _free_port(), "postgres"
        data = self.folder / "data"
        self._run(
            initdb,
            "-D",
            str(data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        self._options = (
            f"-c listen_addresses=127.0.0.1 -p {self.port} -k {self.folder} -c fsync=off"
            " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self.resume()

    def resume(self) -> None:
        """Start the server (again, after halt)."""
        assert self.folder is not None, "only a server these tests started"
        pg_ctl = _binary("pg_ctl")
        assert pg_ctl
        data = str(self.folder / "data")
        # -l: without a log file the server keeps the test's stdout open.
        log = str(self.folder / "log")
        self._run(pg_ctl, "-D", data, "-l", log, "-w", "-o", self._options, "start")
        self._check()

    def halt(self) -> None:
        """Stop the server, keeping its data (resume starts it again): the tests of a
        server that went away."""
        assert self.folder is not None, "only a server these tests started"
        pg_ctl = _binary("pg_ctl")
        assert pg_ctl
        self._run(pg_ctl, "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop")

    def _run(self, *argv: str) -> None:
        done = subprocess.run([*self._as, *argv], capture_output=True, text=True, timeout=120)
        if done.returncode != 0:
            raise Unavailable(f"{Path(argv[0]).name} failed: {(done.stderr or done.stdout)[-500:]}")

    def _check(self) -> None:
        try:
            with psycopg.connect(self.dsn("postgres"), connect_timeout=10):
                pass
        except psycopg.Error as exc:
            raise Unavailable(f"cannot connect to the test server: {exc}") from None

    def stop(self) -> None:
        if self.folder is None:
            return
        pg_ctl = _binary("pg_ctl")
        if pg_ctl:
            subprocess.run(
                [*self._as, pg_ctl, "-D", str(self.folder / "data"), "-m", "fast", "-w", "stop"],
                capture_output=True,
                timeout=60,
            )
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder = None

    def restart(self) -> None:
        """Stop and start the server again (the tests of a lost connection)."""
        self.halt()
        self.resume()

    # -- databases -------------------------------------------------------------------------

    def dsn(self, database: str) -> str:
        return f"host={self.host} port={self.port} user={self.user} dbname={database}"

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@{self.host}:{self.port}/{database}"

    def _admin(self, sql: str) -> None:
        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self, *, migrated: bool = True) -> str:
        """A new, empty database (migrated to head from the template, unless told not to);
        returns its SQLAlchemy URL."""
        name = f"t_{uuid.uuid4().hex[:12]}"
        if migrated:
            self._ensure_template()
            self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
        else:
            self._admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = make_url(url).database
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def _ensure_template(self) -> None:
        if self._template_ready:
            return
        from desktop.store.database import open_store

        self._admin(f'DROP DATABASE IF EXISTS "{TEMPLATE}" WITH (FORCE)')
        self._admin(f'CREATE DATABASE "{TEMPLATE}"')
        store = open_store(self.url(TEMPLATE))
        store.close()
        self._template_ready = True


@contextmanager
def private_server() -> Iterator[PostgresServer]:
    """A server of the caller's own, started now and stopped after: the test skips, saying
    why, when none can be started."""
    import pytest

    server = PostgresServer()
    try:
        server.start()
    except Unavailable as exc:
        server.stop()
        pytest.skip(f"no PostgreSQL server for the tests: {exc}")
    try:
        yield server
    finally:
        server.stop()
