"""The query and ingest figures on PostgreSQL (team mode), beside SQLite's:
`python -m benchmarks --database postgresql://user@host/db`.

The benchmark's SQLite store is copied into the database first (desktop.store.copy, the
same as `reciprocity store copy --to`), when it is empty; a database that already holds
exactly that store (same row counts) is used as it is, so a second run skips the copy.
Then each query of benchmarks/queries.py runs as the app runs it, on a PostgreSQL store.

Floor: the very SQL statements the query sent, replayed with plain psycopg on one
connection and fetched in full: what SQLAlchemy and building the results add on top.
Target: within 2x of the same query's SQLite figure in this run (the issue's bound), or
50 ms when SQLite's was not measured.

Ingest: the same notification pages as SQLite's ingest figure, through the connector and
sync_account into the PostgreSQL store. Floor: `json.loads` of the pages plus psycopg's
`executemany` of the same rows (INSERT ... ON CONFLICT DO NOTHING) in one transaction.
What the runs added is deleted afterwards (their interactions, and the touched people's
totals recomputed), so a later run's query figures read the same rows. Their newcomers'
people and identities stay, without interactions: deleting an identity checks the
unindexed interactions.via_identity_id, a scan of the table for each (minutes), and
the query figures never see them (no interaction, no name starting with the search).
"""

from __future__ import annotations

import time
from pathlib import Path

from benchmarks import queries
from benchmarks.figures import Figure, at_most, median
from benchmarks.generate import Built, counts

MAX_VS_SQLITE = 2.0


def _replays(url: str, statements: list[tuple[str, object]], runs: int) -> list[float]:
    """Each run's seconds, on one connection (as the app's pool keeps one), after a first
    unmeasured run, so psycopg's prepared statements serve both sides alike."""
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    times = []
    with psycopg.connect(plain) as conn, conn.cursor() as cursor:
        for run in range(runs + 1):
            started = time.perf_counter()
            for sql, params in statements:
                cursor.execute(sql, params or None)
                if cursor.description is not None:
                    cursor.fetchall()
            if run:
                times.append(time.perf_counter() - started)
            conn.rollback()
    return times


def prepare(store_path: Path, url: str, log=print) -> float:
    """The benchmark's store in the database at ``url``; seconds the copy took (0: none)."""
    from sqlalchemy import text

    from desktop.store.copy import copy_store, is_empty
    from desktop.store.database import open_store

    target = open_store(url)
    try:
        with target.read() as session:
            empty = is_empty(session)
            have = {
                name: session.scalar(text(f"SELECT count(*) FROM {name}"))
                for name in counts(store_path)
            }
        if not empty:
            want = counts(store_path)
            # Earlier runs' ingest figures left their newcomers (see the module's docstring).
            grown = ("persons", "identities")
            ours = all(have[name] >= want[name] for name in grown) and all(
                have[name] == want[name] for name in want if name not in grown
            )
            if not ours:
                raise SystemExit(
                    f"{url}: neither empty nor this benchmark's store ({have}); use an empty"
                    " database"
                )
            log("  PostgreSQL already holds this store: no copy")
            return 0.0
        source = open_store(f"sqlite:///{store_path}")
        started = time.perf_counter()
        try:
            copy_store(source, target)
        finally:
            source.close()
        took = time.perf_counter() - started
        log(f"  copied the store to PostgreSQL in {took:.1f} s")
        return took
    finally:
        target.close()


def measure(
    built: Built, store_path: Path, url: str, *, runs: int, sqlite: list[Figure], log=print
) -> list[Figure]:
    from desktop.store.database import open_store

    copied = prepare(store_path, url, log=log)
    on_sqlite = {f.name: f.median for f in sqlite}
    store = open_store(url)
    figures = []
    try:
        for name, (work, describe) in queries.cases(built).items():
            result, statements = queries._capture(store, work)  # also warms the server's cache
            times = []
            for _ in range(runs):
                started = time.perf_counter()
                with store.read() as session:
                    work(session)
                times.append((time.perf_counter() - started) * 1000)
            floors = [t * 1000 for t in _replays(url, statements, runs)]
            reference = on_sqlite.get(name)
            limit = MAX_VS_SQLITE * reference if reference else queries.LIMIT_MS
            target = (
                f"<= {MAX_VS_SQLITE:g}x SQLite ({reference:.1f} ms)"
                if reference
                else f"<= {queries.LIMIT_MS:g} ms"
            )
            note = describe(result)
            if copied:
                note += f"; the store was copied in {copied:.0f} s"
            figure = Figure(
                f"{name} (PostgreSQL)",
                "ms",
                median(times),
                median(floors),
                target,
                at_most(limit),
                times,
                floors,
                f"its {len(statements)} SQL statements replayed with plain psycopg",
                note,
            )
            log(f"  {figure.name}: {figure.median:.1f} ms (floor {figure.floor:.1f} ms)")
            figures.append(figure)
    finally:
        store.close()
    return figures


def _identity_ids(url: str, keys: list[str]) -> dict[str, int]:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain) as conn:
        found = conn.execute(
            "SELECT stable_id, id FROM identities WHERE network = 'mastodon'"
            " AND stable_id = ANY(%s)",
            (keys,),
        )
        return dict(found.fetchall())


def _marks(url: str) -> dict[str, int]:
    import psycopg

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain) as conn:
        return {
            table: int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0])
            for table in ("interactions",)
        }


def _undo_ingest(url: str, marks: dict[str, int]) -> None:
    """Delete what the ingest runs added: the store is the benchmark's again."""
    import psycopg

    from desktop.store.stats import REBUILD_SQL

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain) as conn:
        touched = [
            row[0]
            for row in conn.execute(
                "SELECT DISTINCT identities.person_id FROM interactions"
                " JOIN identities ON identities.id = interactions.identity_id"
                " WHERE interactions.id > %s",
                (marks["interactions"],),
            )
        ]
        conn.execute("DELETE FROM interactions WHERE id > %s", (marks["interactions"],))
        conn.execute("DELETE FROM person_stats WHERE person_id = ANY(%s)", (touched,))
        rebuild = REBUILD_SQL.replace("GROUP BY", "WHERE identities.person_id = ANY(%s) GROUP BY")
        conn.execute(rebuild, (touched,))
        conn.commit()


def _floor_insert(url: str, pages, rows: list[tuple]) -> float:
    import json

    import psycopg

    from benchmarks.ingest import INSERT

    plain = url.replace("postgresql+psycopg://", "postgresql://", 1)
    with psycopg.connect(plain) as conn, conn.cursor() as cursor:
        started = time.perf_counter()
        for page in pages.texts:
            json.loads(page)
        cursor.executemany(INSERT.replace("?", "%s"), rows)
        conn.commit()
        return time.perf_counter() - started


def ingest(
    built: Built,
    store_path: Path,
    url: str,
    *,
    runs: int,
    events: int,
    sqlite: list[Figure],
    log=print,
) -> list[Figure]:
    """Fresh notification pages into the PostgreSQL store, as SQLite's ingest figure does."""
    import uuid

    from benchmarks.generate import sample_mastodon_actors
    from benchmarks.ingest import MAX_RATIO, floor_rows, sync_once
    from benchmarks.notifications import build_pages
    from desktop.store.database import open_store

    prepare(store_path, url, log=log)
    account_id = built.meta["mastodon_account_id"]
    actors = sample_mastodon_actors(store_path, 3000)
    on_sqlite = {f.name: f.median for f in sqlite}
    store = open_store(url)
    rates, floors, notes = [], [], []
    marks = _marks(url)
    try:
        for run in range(runs):
            # Events no earlier run wrote: a reused database keeps every run's.
            batch = uuid.uuid4().int % 1_000_000 + 1000
            pages = build_pages(actors, events, batch=batch)
            elapsed, new, _, _ = sync_once(store, account_id, pages)
            if new != events:
                notes.append(f"run {run + 1}: {new} of {events} new")
            rates.append(events / elapsed)
            rows = floor_rows(url, pages, account_id, f"pgfloor{batch}:", _identity_ids)
            floors.append(events / _floor_insert(url, pages, rows))
            log(f"  ingest run {run + 1}: fresh {rates[-1]:,.0f}/s (floor {floors[-1]:,.0f}/s)")
    finally:
        store.close()
        _undo_ingest(url, marks)
    reference = on_sqlite.get("ingest: fresh events")

    def check(f: Figure) -> bool | None:
        if f.median is None:
            return None
        near_sqlite = reference is None or f.median * MAX_VS_SQLITE >= reference
        return near_sqlite and (f.ratio is None or f.ratio <= MAX_RATIO)

    target = (
        f">= SQLite's / {MAX_VS_SQLITE:g} ({reference / MAX_VS_SQLITE:,.0f}/s)"
        if reference
        else "measured beside SQLite's"
    ) + f" and <= {MAX_RATIO:g}x floor"
    return [
        Figure(
            "ingest: fresh events (PostgreSQL)",
            "events/s",
            median(rates),
            median(floors),
            target,
            check,
            rates,
            floors,
            "json.loads + psycopg executemany ON CONFLICT DO NOTHING, one transaction",
            "; ".join([f"{events:,} notifications, connector parsing + sync_account", *notes]),
            higher_is_better=True,
        )
    ]
