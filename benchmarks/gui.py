"""The GUI figures, each measured in child processes (`benchmarks/probe.py`).

- start-up: from the parent's spawn time to the main window's first paint, offscreen and
  under Xvfb when `Xvfb` is on PATH; floor: a bare PySide6 process showing an empty
  QMainWindow, run alternately in the same loop.
  Peak RSS: each child's own VmHWM (the parent's `os.wait4` rusage is the fallback; on
  Linux it starts from the parent's size).
- check-in content shown: from spawn to the first person's draft on the screen, with the
  first screen the app keeps after each sync (desktop.app.first_screen); the same without
  it (the first launch after another program wrote the store) is given beside it.
- lists: the People view over every person, then scrolled to the end (End pressed).
- GUI responsiveness: the longest lateness of a 10 ms timer on the GUI thread while a sync
  of N events runs on a worker (and the pending list reloads after it).
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path

from benchmarks.figures import Figure, at_most, median, ratio_at_most

PROBE = Path(__file__).with_name("probe.py")
ROOT = Path(__file__).resolve().parents[1]
STARTUP_RATIO = 2.5
CONTENT_RATIO = 3.0
RSS_MB = 200.0
SHOW_MS = 200.0
SCROLL_MS = 500.0
BLOCK_MS = 100.0
SCROLL_BUDGET_S = 30.0


def child_env(home: Path, platform: str = "offscreen", display: str | None = None) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("RECIPROCITY_", "QT_", "XDG_")) and k not in ("DISPLAY",)
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_RUNTIME_DIR=str(home / "runtime"),
        QT_QPA_PLATFORM=platform,
        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring",
    )
    (home / "runtime").mkdir(parents=True, exist_ok=True, mode=0o700)
    if display:
        env["DISPLAY"] = display
    return env


class ChildFailed(RuntimeError):
    pass


def run_child(args: list[str], env: dict, timeout: float = 300) -> tuple[float, list[str], int]:
    """(spawn time, stdout lines, peak RSS in KB) of one probe child."""
    with tempfile.TemporaryFile() as errors:
        started = time.monotonic()
        proc = subprocess.Popen(
            [sys.executable, "-P", str(PROBE), *args],
            stdout=subprocess.PIPE,
            stderr=errors,
            env=env,
            cwd=ROOT,
        )
        killer = threading.Timer(timeout, proc.kill)
        killer.start()
        try:
            out = proc.stdout.read().decode("utf-8", "replace")
            proc.stdout.close()
            _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
        finally:
            killer.cancel()
        if proc.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            raise ChildFailed(f"probe {args[0]} exited with {proc.returncode}: {' | '.join(tail)}")
    return started, out.splitlines(), usage.ru_maxrss


def _marks(lines: list[str]) -> dict[str, list[str]]:
    marks = {}
    for line in lines:
        tag, _, rest = line.partition(" ")
        if tag in ("MAIN", "PAINT", "LOADED", "CONTENT", "KEPT", "ERROR", "RSS"):
            marks[tag] = rest.split(" ", 1)
    return marks


@contextmanager
def xvfb():
    """A private X server (`Xvfb -displayfd`), or None when Xvfb is not on PATH."""
    exe = shutil.which("Xvfb")
    if exe is None:
        yield None
        return
    read, write = os.pipe()
    proc = subprocess.Popen(
        [exe, "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    try:
        number = b""
        deadline = time.monotonic() + 10
        while not number.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read], [], [], 0.5)
            if ready:
                chunk = os.read(read, 16)
                if not chunk:
                    break
                number += chunk
        yield f":{number.decode().strip()}" if number.strip() else None
    finally:
        os.close(read)
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _keep_first_screen(data_dir: Path, env: dict) -> Path | None:
    """The first screen the app would keep for this store, made once, copied aside; None
    when nobody is to be thanked today (there is no draft to show)."""
    _, lines, _ = run_child(["remember", str(data_dir)], env)
    marks = _marks(lines)
    if "KEPT" not in marks:
        raise ChildFailed(f"no first screen was made: {marks.get('ERROR', lines)}")
    if marks["KEPT"][0] == "-":
        return None
    kept = Path(marks["KEPT"][0])
    copy = data_dir / "first-screen.kept"
    shutil.copyfile(kept, copy)
    return copy


def _app_run(data_dir: Path, env: dict, kept: Path | None) -> tuple[dict, float, int]:
    """(marks, spawn time, peak RSS) of one app child, with the kept first screen in place
    (``kept``) or none."""
    screen = data_dir / "reciprocity.first-screen.json"
    screen.unlink(missing_ok=True)
    if kept is not None:
        shutil.copyfile(kept, screen)
    started, lines, rss = run_child(["app", str(data_dir)], env)
    marks = _marks(lines)
    rss = int(marks["RSS"][0]) if "RSS" in marks else rss
    if "ERROR" in marks or "PAINT" not in marks:
        raise ChildFailed(f"the app did not start: {marks.get('ERROR', lines)}")
    return marks, started, rss


def startup(
    data_dir: Path, home: Path, *, runs: int, use_xvfb: bool = True, log=print
) -> list[Figure]:
    figures = []
    rss_app: list[float] = []
    rss_bare: list[float] = []
    platforms = [("offscreen", None)]
    kept: Path | None = None
    made = False
    with xvfb() if use_xvfb else _none() as display:
        platforms.append(("Xvfb", display))
        for label, disp in platforms:
            name = f"start-up: first paint ({label})"
            content_name = f"check-in content shown ({label})"
            target = f"<= {STARTUP_RATIO:g}x floor"
            content_target = f"<= {CONTENT_RATIO:g}x floor"
            if label == "Xvfb" and disp is None:
                why = "Xvfb is not on PATH" if use_xvfb else "--no-xvfb"
                figures.append(Figure(name, "ms", None, None, target, note=f"skipped: {why}"))
                figures.append(
                    Figure(content_name, "ms", None, None, content_target, note=f"skipped: {why}")
                )
                continue
            env = child_env(home, "xcb" if disp else "offscreen", disp)
            app_ms, bare_ms, loaded_ms, main_ms = [], [], [], []
            content_ms, cold_content_ms = [], []
            rows = "?"
            for run in range(runs + 1):  # the first round warms the caches and is dropped
                started, lines, rss = run_child(["bare"], env)
                marks = _marks(lines)
                if "PAINT" not in marks:
                    raise ChildFailed(f"the bare window never painted ({label})")
                bare = (float(marks["PAINT"][0]) - started) * 1000
                rss = int(marks["RSS"][0]) if "RSS" in marks else rss
                marks, started, app_rss = _app_run(data_dir, env, None)
                if not made:  # after the first check-in of the day saved its plan
                    kept, made = _keep_first_screen(data_dir, env), True
                if run == 0:
                    continue
                bare_ms.append(bare)
                app_ms.append((float(marks["PAINT"][0]) - started) * 1000)
                if "MAIN" in marks:
                    main_ms.append((float(marks["MAIN"][0]) - started) * 1000)
                if "LOADED" in marks:
                    loaded_ms.append((float(marks["LOADED"][0]) - started) * 1000)
                    rows = marks["LOADED"][1] if len(marks["LOADED"]) > 1 else "?"
                if "CONTENT" in marks:
                    cold_content_ms.append((float(marks["CONTENT"][0]) - started) * 1000)
                if label == "offscreen":
                    rss_app.append(app_rss / 1024)
                    rss_bare.append(rss / 1024)
                if kept is None:
                    continue
                warm, started, _ = _app_run(data_dir, env, kept)
                if "CONTENT" not in warm:
                    raise ChildFailed(f"the check-in never showed a draft: {warm}")
                content_ms.append((float(warm["CONTENT"][0]) - started) * 1000)
            figure = Figure(
                name,
                "ms",
                median(app_ms),
                median(bare_ms),
                target,
                ratio_at_most(STARTUP_RATIO),
                app_ms,
                bare_ms,
                "bare PySide6 process showing an empty QMainWindow",
                f"`reciprocity checkin` (syncing stubbed out, no first screen kept): main "
                f"window painted at {median(main_ms) or 0:,.0f} ms, check-in window at "
                f"{median(app_ms):,.0f} ms, its plan ({rows} people to thank) read at "
                f"{median(loaded_ms) or 0:,.0f} ms",
            )
            content = (
                Figure(
                    content_name,
                    "ms",
                    None,
                    None,
                    content_target,
                    note="skipped: nobody to thank today in this store",
                )
                if kept is None
                else Figure(
                    content_name,
                    "ms",
                    median(content_ms),
                    median(bare_ms),
                    content_target,
                    ratio_at_most(CONTENT_RATIO),
                    content_ms,
                    bare_ms,
                    "bare PySide6 process showing an empty QMainWindow",
                    f"`reciprocity checkin`, spawn to the first person's draft on the screen, "
                    f"with the first screen the app keeps after each sync; without it (first "
                    f"launch after another program wrote the store): "
                    f"{median(cold_content_ms) or 0:,.0f} ms",
                )
            )
            for f in (figure, content):
                if f.median is not None:
                    log(f"  {f.name}: {f.median:,.0f} ms (floor {f.floor:,.0f} ms)")
            figures += [figure, content]
    figures.append(
        Figure(
            "start-up: peak RSS",
            "MB",
            median(rss_app),
            median(rss_bare),
            f"<= {RSS_MB:g} MB",
            at_most(RSS_MB),
            rss_app,
            rss_bare,
            "the bare PySide6 process",
            "offscreen, until the check-in window shows its first draft",
        )
    )
    return figures


@contextmanager
def _none():
    yield None


def lists(
    store_path: Path, home: Path, *, runs: int, budget: float = SCROLL_BUDGET_S, log=print
) -> list[Figure]:
    env = child_env(home)
    env["PYTHONPATH"] = str(ROOT)
    args = ["lists", str(store_path), str(runs), str(budget)]
    _, lines, _ = run_child(args, env, timeout=1800)
    data = json.loads(lines[-1])
    if "error" in data:
        raise ChildFailed(data["error"])
    what = "the same table over the same rows already in memory"
    show = Figure(
        "lists: People view shown",
        "ms",
        median(data["show"]),
        median(data["floor_show"]),
        f"<= {SHOW_MS:g} ms",
        at_most(SHOW_MS),
        data["show"],
        data["floor_show"],
        what,
        f"PeopleModel (counted, pages of {data['page']} read in sight) in the People "
        f"page's table, {data['total']:,} people; first page painted",
    )
    how = f"{data['pages']} pages read in all, of {data['loaded']:,} rows"
    scroll = Figure(
        "lists: scrolled to the end",
        "ms",
        median(data["scroll"]),
        median(data["floor_scroll"]),
        f"<= {SCROLL_MS:g} ms",
        at_most(SCROLL_MS),
        data["scroll"],
        data["floor_scroll"],
        what,
        f"End pressed: the view jumps to the last row, painted once its page is read; {how}",
    )
    for f in (show, scroll):
        log(f"  {f.name}: {f.median:,.1f} ms (floor {f.floor:,.1f} ms)")
    return [show, scroll]


def responsiveness(
    store_path: Path, home: Path, *, runs: int, events: int, account_id: int, log=print
) -> list[Figure]:
    env = child_env(home)
    env["PYTHONPATH"] = str(ROOT)
    blocks, floors, seconds = [], [], []
    for run in range(runs):
        args = ["sync", str(store_path), str(events), str(100 + run), str(account_id)]
        _, lines, _ = run_child(args, env, timeout=900)
        data = json.loads(lines[-1])
        blocks.append(data["block_ms"])
        floors.append(max(data["floor_block_ms"], 1.0))  # below the timer's resolution
        seconds.append(data["sync_s"])
        log(
            f"  sync run {run + 1}: GUI blocked at most {data['block_ms']:.1f} ms"
            f" (idle {data['floor_block_ms']:.1f} ms), {data['new']:,} new in"
            f" {data['sync_s']:.1f} s"
        )
    return [
        Figure(
            "GUI blocked during a sync",
            "ms",
            median(blocks),
            median(floors),
            f"<= {BLOCK_MS:g} ms",
            at_most(BLOCK_MS),
            blocks,
            floors,
            "the same timer on the same window, idle for 1 s (at least 1 ms)",
            f"longest lateness of a 10 ms timer on the main window while its Sync now runs "
            f"{events:,} notifications through the connector and sync engine on its worker, "
            f"and the page refresh after it; the sync took {median(seconds):.1f} s",
        )
    ]
