"""`python -m benchmarks [--quick] [--json PATH]`: every figure, its floor, ratio and target.

The cached store (see `benchmarks/generate.py`) is copied to a scratch directory first:
ingest and the sync write to the copy, never to the cache.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.figures import Figure, table
from benchmarks.generate import CACHE_DIR, FULL, counts, ensure_store, sizes_for
from desktop.core import sync_limits

GROUPS = ("queries", "startup", "lists", "ingest", "sync", "wide", "signin")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Reciprocity on three heavy years of data, against what the machine "
        "and the libraries can do at best.",
    )
    parser.add_argument("--quick", action="store_true", help="a tenth of the data, fewer runs")
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write the results here")
    parser.add_argument(
        "--interactions",
        type=int,
        metavar="N",
        help=f"store size in interactions (default {FULL.interactions:,}; --quick: a tenth)",
    )
    parser.add_argument(
        "--events", type=int, default=10_000, help="events per ingest and sync run (10,000)"
    )
    parser.add_argument("--runs", type=int, metavar="N", help="runs per figure (default 5/3)")
    parser.add_argument(
        "--feeds", type=int, metavar="N", help="feeds in the wide sync (default 300; --quick: 60)"
    )
    parser.add_argument(
        "--wide-workers",
        type=int,
        default=sync_limits.DEFAULT_WORKERS,
        metavar="N",
        help=f"feeds fetched at once in the wide sync (default {sync_limits.DEFAULT_WORKERS},"
        " the setting's default)",
    )
    parser.add_argument(
        "--only", metavar="GROUPS", help=f"comma-separated subset of: {', '.join(GROUPS)}"
    )
    parser.add_argument("--no-xvfb", action="store_true", help="skip the start-up under Xvfb")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="also run the query figures on this PostgreSQL database (empty, or holding this"
        " store from an earlier run), beside SQLite's",
    )
    parser.add_argument("--cache-dir", type=Path, default=CACHE_DIR, help=argparse.SUPPRESS)
    parser.add_argument("--regenerate", action="store_true", help="rebuild the cached store")
    args = parser.parse_args(argv)
    if args.only:
        unknown = set(args.only.split(",")) - set(GROUPS)
        if unknown:
            parser.error(f"unknown groups: {', '.join(sorted(unknown))}")
    return args


def machine() -> dict:
    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    began = time.perf_counter()
    load_before = [round(x, 2) for x in os.getloadavg()]
    interactions = args.interactions or (
        FULL.interactions // 10 if args.quick else FULL.interactions
    )
    runs = args.runs or (3 if args.quick else 5)
    slow_runs = args.runs or (2 if args.quick else 3)  # ingest, sync: seconds per run
    list_runs = args.runs or (1 if args.quick else 2)  # lists: up to a budget per run
    groups = args.only.split(",") if args.only else list(GROUPS)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    sizes = sizes_for(interactions)
    built, cached = ensure_store(sizes, args.cache_dir, force=args.regenerate, log=log)
    rows = counts(built.path)
    log(
        f"store: {rows['interactions']:,} interactions, {rows['persons']:,} people, "
        f"{rows['identities']:,} identities, {rows['candidates']:,} candidates, "
        f"{rows['sightings']:,} sightings ({'cached' if cached else 'just built'}, "
        f"built in {built.meta['seconds']:.1f} s)"
    )
    figures: list[Figure] = []
    scratch = Path(tempfile.mkdtemp(prefix="reciprocity-bench-"))
    try:
        data_dir = scratch / "data"
        data_dir.mkdir(mode=0o700)
        store_path = data_dir / "reciprocity.db"
        shutil.copyfile(built.path, store_path)
        os.chmod(store_path, 0o600)
        home = scratch / "home"
        home.mkdir()
        if "queries" in groups:
            from benchmarks import queries

            log("queries ...")
            on_sqlite = queries.measure(built, store_path, runs=runs, log=log)
            figures += on_sqlite
            if args.database:
                from benchmarks import postgres

                log("queries on PostgreSQL ...")
                figures += postgres.measure(
                    built, store_path, args.database, runs=runs, sqlite=on_sqlite, log=log
                )
        if {"startup", "lists", "sync"} & set(groups):
            from benchmarks import gui
        if "startup" in groups:
            log("start-up ...")
            figures += gui.startup(data_dir, home, runs=runs, use_xvfb=not args.no_xvfb, log=log)
        if "lists" in groups:
            log("lists ...")
            budget = 10.0 if args.quick else 30.0
            figures += gui.lists(store_path, home, runs=list_runs, budget=budget, log=log)
        if "ingest" in groups:
            from benchmarks import ingest

            log("ingest ...")
            on_sqlite = ingest.measure(
                built, store_path, runs=slow_runs, events=args.events, log=log
            )
            figures += on_sqlite
            if args.database:
                from benchmarks import postgres

                log("ingest on PostgreSQL ...")
                figures += postgres.ingest(
                    built,
                    built.path,
                    args.database,
                    runs=slow_runs,
                    events=args.events,
                    sqlite=on_sqlite,
                    log=log,
                )
        if "sync" in groups:
            log("GUI responsiveness during a sync ...")
            figures += gui.responsiveness(
                store_path,
                home,
                runs=slow_runs,
                events=args.events,
                account_id=built.meta["mastodon_account_id"],
                log=log,
            )
        if "wide" in groups:
            from benchmarks import wide_sync

            feeds = args.feeds or (60 if args.quick else 300)
            log(f"wide sync: {feeds} feeds ...")
            figures += wide_sync.measure(
                store_path, feeds=feeds, runs=slow_runs, workers=args.wide_workers, log=log
            )
        if "signin" in groups:
            from benchmarks import signin

            log("first pending after sign-in ...")
            figures += signin.first_pending(home, runs=slow_runs, log=log)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    result = {
        "meta": {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "quick": args.quick,
            "store": {
                "rows": rows,
                "cached": cached,
                "generation_seconds": built.meta["seconds"],
                "generator_version": built.meta["generator_version"],
                "anchor": built.meta["anchor"],
            },
            "runs": runs,
            "slow_runs": slow_runs,
            "events": args.events,
            "feeds": args.feeds or (60 if args.quick else 300),
            "machine": {**machine(), "load_average_before": load_before},
            "seconds": round(time.perf_counter() - began, 1),
        },
        "figures": {f.name: f.as_json() for f in figures},
    }
    print(table(figures))
    missed = [f.name for f in figures if f.passed is False]
    load = result["meta"]["machine"]["load_average"]
    print(
        f"\n{len(figures) - len(missed)} of {len(figures)} figures meet their targets"
        f" ({result['meta']['seconds']:.0f} s; load average {load_before[0]} before,"
        f" {load[0]} after, on {os.cpu_count()} CPUs)."
    )
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
