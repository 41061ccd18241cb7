"""Smoke test: the benchmark runner builds a tiny store and measures every figure.

Targets are checked by the benchmark's own report (`python -m benchmarks`), never here:
this only proves the generator and each figure run and report what they should.
"""

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIGURES = {
    "ingest: fresh events",
    "ingest: same events again",
    "ingest: archive search catch-up",
    "query: pending list",
    "query: one person's ledger",
    "query: top 50 candidates",
    "query: people search by prefix",
    "query: archive search",
    "start-up: first paint (offscreen)",
    "start-up: first paint (Xvfb)",
    "start-up: peak RSS",
    "check-in content shown (offscreen)",
    "check-in content shown (Xvfb)",
    "first pending after sign-in",
    "lists: People view shown",
    "lists: scrolled to the end",
    "GUI blocked during a sync",
    "wide sync",
}


def test_the_runner_measures_every_figure_on_a_tiny_store(tmp_path):
    out = tmp_path / "bench.json"
    cache = tmp_path / "cache"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--interactions", "2000", "--events", "1000"]
        + ["--runs", "1", "--feeds", "16", "--cache-dir", str(cache), "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "figure" in done.stdout and "passed" in done.stdout  # the table

    result = json.loads(out.read_text(encoding="utf-8"))
    assert set(result["figures"]) == FIGURES
    for name, figure in result["figures"].items():
        assert {"median", "floor", "ratio", "target", "passed"} <= set(figure), name
        if figure["median"] is None:  # only a start-up under Xvfb where there is none, or
            # the check-in's content when the tiny store has nobody to thank today
            assert "Xvfb" in name or "nobody to thank" in figure["note"], name
            assert figure["passed"] is None, name
            continue
        assert figure["median"] > 0 and figure["floor"] > 0, name
        assert figure["ratio"] > 0, name
        assert isinstance(figure["passed"], bool), name
        assert figure["target"], name
    assert result["meta"]["store"]["rows"]["interactions"] == 2000

    # The generated store is a real, migrated Reciprocity store, cached for the next run.
    from desktop.store.database import head_revision, open_store

    (db,) = cache.glob("store-*.db")
    store = open_store(f"sqlite:///{db}")
    store.close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            head_revision()
        )
        assert conn.execute("SELECT count(*) FROM persons").fetchone()[0] == 200
        assert conn.execute("SELECT count(*) FROM identities").fetchone()[0] == 300
        assert conn.execute("SELECT count(*) FROM sightings").fetchone()[0] == 1200
    finally:
        conn.close()
    assert (cache / ".gitignore").exists()


def test_the_archive_benchmark_measures_each_export_both_ways(tmp_path):
    out = tmp_path / "archives.json"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.archives", "--scale", "0.002", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "peak RSS" in done.stdout and "300 MB" in done.stdout  # the table
    result = json.loads(out.read_text(encoding="utf-8"))
    ways = ("import", "preview+import")
    assert set(result["figures"]) == {
        f"archive: {network} {way}, {what}"
        for network in ("instagram", "facebook", "x")
        for way in ways
        for what in ("peak RSS", "seconds")
    }
    for name, figure in result["figures"].items():
        assert figure["median"] > 0, name
        if name.endswith("peak RSS"):
            assert figure["target"] == "<= 300 MB" and isinstance(figure["passed"], bool), name
            assert figure["floor"] > 0, name
    for name, details in result["details"].items():
        assert details["new"] > 0, name  # each export really imported something


def test_the_query_figures_run_on_postgresql_beside_sqlite(tmp_path, postgres_server):
    url = postgres_server.create_database(migrated=False)
    out = tmp_path / "bench.json"
    argv = [sys.executable, "-m", "benchmarks", "--interactions", "2000", "--runs", "1"]
    argv += ["--only", "queries", "--cache-dir", str(tmp_path / "cache"), "--json", str(out)]
    for run in range(2):  # the second run finds the store there already: no copy
        done = subprocess.run(
            [*argv, "--database", url], cwd=ROOT, capture_output=True, text=True, timeout=180
        )
        assert done.returncode == 0, done.stderr[-2000:]
        assert ("no copy" in done.stderr) == (run == 1), done.stderr[-2000:]
    figures = json.loads(out.read_text(encoding="utf-8"))["figures"]
    on_postgres = {name for name in figures if name.endswith("(PostgreSQL)")}
    assert on_postgres == {f"{name} (PostgreSQL)" for name in FIGURES if name.startswith("query:")}
    for name in on_postgres:
        sqlite_ms = figures[name.removesuffix(" (PostgreSQL)")]["median"]
        assert figures[name]["target"] == f"<= 2x SQLite ({sqlite_ms:.1f} ms)", name
        assert figures[name]["median"] > 0 and figures[name]["floor"] > 0, name
    postgres_server.drop_database(url)
