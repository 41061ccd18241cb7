"""Queries on the big store, as the app runs them: each in its own read session.

Floor: the very SQL statements the query sent (captured from the engine), replayed with
plain sqlite3 on the same file and fetched in full. The ratio is then what the Python side
(SQLAlchemy, building results) adds; a slow query with a ratio near 1 needs better SQL
or an index, one with a high ratio needs less Python.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from benchmarks.figures import Figure, at_most, median
from benchmarks.generate import Built

LIMIT_MS = 50.0
# The archive search's target is issue 13's: a search of every interaction ever stored.
LIMITS = {"query: archive search": 100.0}
SEARCHED = "difusion"  # typed without its accent; the generator's posts say "difusión"
PAGE = 200  # rows per page of the People view (desktop/ui/people_model.py PAGE_SIZE)
SKIP = ("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")


def _capture(store, work: Callable) -> tuple[object, list[tuple[str, object]]]:
    from sqlalchemy import event

    statements: list[tuple[str, object]] = []

    def remember(conn, cursor, statement, parameters, context, executemany):
        if not statement.lstrip().upper().startswith(SKIP):
            statements.append((statement, parameters))  # as the driver got them

    event.listen(store.engine, "before_cursor_execute", remember)
    try:
        with store.read() as session:
            result = work(session)
    finally:
        event.remove(store.engine, "before_cursor_execute", remember)
    return result, statements


def _replay(path, statements: list[tuple[str, object]]) -> float:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        started = time.perf_counter()
        for sql, params in statements:
            conn.execute(sql, tuple(params or ())).fetchall()
        return time.perf_counter() - started
    finally:
        conn.close()


def cases(built: Built) -> dict[str, tuple[Callable, Callable[[object], str]]]:
    from desktop.queries.candidates import ranked_candidates
    from desktop.queries.ledger import count_people, list_people, person_ledger
    from desktop.queries.pending import pending
    from desktop.queries.search import search_interactions

    anchor = built.anchor
    heavy = built.meta["heavy_person_id"]
    prefix = built.meta["search_prefix"]

    def ledger_note(ledger) -> str:
        total = sum(sum(d.values()) for d in ledger.windows["all"].values())
        return f"person {heavy}, the most active one: {total:,} interactions"

    return {
        "query: pending list": (
            lambda s: pending(s, today=anchor.date()),
            lambda rows: f"{len(rows):,} people pending",
        ),
        "query: one person's ledger": (
            lambda s: person_ledger(s, heavy, now=anchor),
            ledger_note,
        ),
        "query: top 50 candidates": (
            lambda s: ranked_candidates(s, limit=50, now=anchor),
            lambda rows: f"{len(rows)} shown",
        ),
        # What the People view asks when someone types: how many match, and the first page.
        "query: people search by prefix": (
            lambda s: (
                count_people(s, search=prefix),
                list_people(s, search=prefix, limit=PAGE),
            ),
            lambda found: (
                f"search {prefix!r} as the People view runs it: {found[0]:,} people match,"
                f" counted, and the first {len(found[1])} read"
            ),
        ),
        # What the People page's archive search asks: the first page, newest first.
        "query: archive search": (
            lambda s: search_interactions(s, SEARCHED),
            lambda page: (
                f"search {SEARCHED!r} in every post, name and handle: the newest"
                f" {len(page.hits)} of {_posts_with(built, 'difusión'):,} interactions"
                f" whose post has the word ({page.mode})"
            ),
        ),
    }


def _posts_with(built: Built, word: str) -> int:
    conn = sqlite3.connect(f"file:{built.path}?mode=ro", uri=True)
    try:
        sql = "SELECT count(*) FROM interaction_search WHERE interaction_search MATCH ?"
        return int(conn.execute(sql, (f'"{word}"',)).fetchone()[0])
    finally:
        conn.close()


def measure(built: Built, store_path, *, runs: int, log=print) -> list[Figure]:
    from desktop.store.database import open_store

    store = open_store(f"sqlite:///{store_path}")
    figures = []
    try:
        for name, (work, describe) in cases(built).items():
            result, statements = _capture(store, work)  # also warms the page cache
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                with store.read() as session:
                    work(session)
                times.append((time.perf_counter() - started) * 1000)
            floors = [_replay(store_path, statements) * 1000 for _ in range(runs)]
            limit = LIMITS.get(name, LIMIT_MS)
            figure = Figure(
                name,
                "ms",
                median(times),
                median(floors),
                f"<= {limit:g} ms",
                at_most(limit),
                times,
                floors,
                f"its {len(statements)} SQL statements replayed with plain sqlite3",
                describe(result),
            )
            log(f"  {name}: {figure.median:.1f} ms (floor {figure.floor:.1f} ms)")
            figures.append(figure)
    finally:
        store.close()
    return figures
