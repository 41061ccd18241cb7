"""Team mode's limits on a real PostgreSQL server (desktop/store/server.py): a stuck query
and a transaction a frozen app left open are ended by the server, so no member's app waits
on them forever; a URL's own options win."""

import contextlib
import threading
import time

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from desktop.store import server
from desktop.store.database import open_store
from desktop.store.models import Person

pytestmark = pytest.mark.postgresql_only("server-side limits of a shared store")


def shown(store, setting: str) -> str:
    with store.read() as s:
        return str(s.scalar(text(f"SHOW {setting}")))


def test_every_connection_has_the_limits_and_the_pool_is_small(postgres_url):
    store = open_store(postgres_url)
    try:
        assert shown(store, "statement_timeout") == "2min"
        assert shown(store, "idle_in_transaction_session_timeout") == "5min"
        assert store.engine.pool.size() == server.POOL["pool_size"]
    finally:
        store.close()


def test_a_stuck_statement_is_ended_by_the_server(postgres_url, monkeypatch):
    monkeypatch.setattr(server, "STATEMENT_TIMEOUT_MS", 300)
    store = open_store(postgres_url)
    try:
        with pytest.raises(OperationalError, match="statement timeout"), store.read() as s:
            s.execute(text("SELECT pg_sleep(30)"))
        with store.read() as s:  # the next unit of work just works
            assert s.scalar(text("SELECT 1")) == 1
    finally:
        store.close()


def test_a_transaction_left_open_frees_its_locks_for_the_others(postgres_url, monkeypatch):
    monkeypatch.setattr(server, "IDLE_IN_TRANSACTION_MS", 500)
    frozen, other = open_store(postgres_url), open_store(postgres_url)
    try:
        with frozen.session() as s:
            s.add(Person(display_name="Ana"))
        left_open = threading.Event()
        done = threading.Event()

        def freeze() -> None:  # an app that took a row lock, then stopped answering
            conn = frozen.engine.connect()
            conn.execute(text("UPDATE persons SET display_name = 'Ana (frozen)'"))
            left_open.set()
            done.wait(20)
            with contextlib.suppress(Exception):  # the server ended it meanwhile
                conn.close()

        thread = threading.Thread(target=freeze)
        thread.start()
        assert left_open.wait(10)
        started = time.monotonic()
        with other.session() as s:
            s.execute(text("SET LOCAL lock_timeout = '20s'"))  # fails rather than hangs
            s.execute(text("UPDATE persons SET display_name = 'Ana García'"))
        assert time.monotonic() - started < 15
        done.set()
        thread.join(10)
        with other.read() as s:
            assert s.scalar(text("SELECT display_name FROM persons")) == "Ana García"
    finally:
        frozen.close()
        other.close()


def test_the_urls_own_options_win(postgres_url):
    store = open_store(f"{postgres_url}?options=-c%20statement_timeout%3D7000")
    try:
        assert shown(store, "statement_timeout") == "7s"
    finally:
        store.close()
