"""`make bundle-test`: the frozen bundle and the wheel, built by `make bundle` and `make wheel`,
each run as a user would run it, away from the source tree.

- The bundle (dist/reciprocity/) is copied to a scratch folder and run from there.
- The wheel (dist/reciprocity-*.whl) is installed with pipx into a scratch PIPX_HOME.

Each gets, with HOME, XDG_* and TMPDIR in the scratch folder and the scratch folder as the
current directory: `--version`; `demo` and `pending --json` in a new data dir; `doctor
--json` (every check passes, and every file it names lies inside that installation, none in
the source tree; with RECIPROCITY_TEST_SECRET_SERVICE=1 the keyring check writes, reads and
deletes a secret through the Secret Service); `doctor --window` offscreen and, when xvfb-run
is there, under Xvfb with the xcb plugin; `--install-desktop` (the entry passes
desktop-file-validate and starts this installation) and `--uninstall-desktop`; and the
single instance: `checkin` hands over to a running app and leaves; and a feed on loopback
added with `accounts add feed`, synced with `sync`, listed by `candidates --json`.

`--runs N` also times the window (process start to the Thank page's rows on the screen) N
times for each, beside the development install (`make run`'s .venv), and prints the medians.
Exit 1 on the first failure, with what was run and what it said.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from desktop import APP_ID, __version__  # noqa: E402

DIST = ROOT / "dist"
SECRET_SERVICE = os.environ.get("RECIPROCITY_TEST_SECRET_SERVICE") == "1"


class Failed(Exception):
    pass


def say(text: str) -> None:
    print(text, flush=True)


class Installation:
    """One way of running Reciprocity (`command`), whose files all lie under `root`."""

    def __init__(self, name: str, command: Path, root: Path, scratch: Path) -> None:
        self.name, self.command, self.root, self.scratch = name, command, root, scratch
        home = scratch / "home"
        home.mkdir(parents=True, exist_ok=True)
        (scratch / "tmp").mkdir(exist_ok=True)
        self.env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("PYTHON", "VIRTUAL_ENV", "RECIPROCITY_", "QT_", "XDG_"))
        }
        self.env.update(
            HOME=str(home),
            TMPDIR=str(scratch / "tmp"),
            XDG_DATA_HOME=str(home / ".local" / "share"),
            XDG_CONFIG_HOME=str(home / ".config"),
            XDG_CACHE_HOME=str(home / ".cache"),
            XDG_STATE_HOME=str(home / ".local" / "state"),
            LANG="C.UTF-8",
        )
        # The Secret Service's bus and keyring: the ones this process was given, if any.
        for key in ("DBUS_SESSION_BUS_ADDRESS", "GNOME_KEYRING_CONTROL"):
            if key in os.environ:
                self.env[key] = os.environ[key]
        if "PATH" in os.environ:  # the source tree's venv is never on it
            self.env["PATH"] = os.pathsep.join(
                p for p in os.environ["PATH"].split(os.pathsep) if not p.startswith(str(ROOT))
            )

    def run(
        self, *args: str, qpa: str | None = "offscreen", timeout: float = 120, wrap=(), codes=(0,)
    ):
        env = dict(self.env)
        if qpa:
            env["QT_QPA_PLATFORM"] = qpa
        argv = [*wrap, str(self.command), *args]
        try:
            done = subprocess.run(
                argv,
                cwd=self.scratch,
                env=env,
                capture_output=True,
                text=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired as exc:
            raise Failed(f"{self.name}: {' '.join(argv)} took over {timeout:.0f} s") from exc
        if done.returncode not in codes:
            raise Failed(
                f"{self.name}: {' '.join(argv)} exited with {done.returncode}\n"
                f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}"
            )
        return done

    def check(self, label: str, ok: bool, detail: str = "") -> None:
        if not ok:
            raise Failed(f"{self.name}: {label}: {detail}")
        say(f"  ok  {label}")


def inside(path: str, root: Path) -> bool:
    return Path(path).resolve().is_relative_to(root.resolve())


def smoke(inst: Installation) -> None:
    say(f"{inst.name}: {inst.command}")
    version = inst.run("--version").stdout.strip()
    inst.check("--version", version == f"reciprocity {__version__}", version)

    data = inst.scratch / "data"
    inst.run("--data-dir", str(data), "demo")
    pending = json.loads(inst.run("--data-dir", str(data), "pending", "--json").stdout)
    inst.check("demo, then pending --json", len(pending) > 0, f"{len(pending)} people")

    doctor = ["--data-dir", str(data), "doctor", "--json"]
    if SECRET_SERVICE:
        doctor.append("--keyring")
    # Exit 1 is a failed check: each is looked at below (the keyring's only with a keyring).
    checks = json.loads(inst.run(*doctor, codes=(0, 1)).stdout)
    for check in checks:
        if check["name"] == "keyring" and not SECRET_SERVICE:
            continue  # no Secret Service in this session: nothing to say about the bundle
        inst.check(f"doctor: {check['name']}", check["ok"], check["detail"])
        if check["path"]:
            where = check["path"]
            inst.check(
                f"doctor: {check['name']} found inside the installation",
                inside(where, inst.root) and not inside(where, ROOT),
                where,
            )
    if SECRET_SERVICE:
        keyring = next(c for c in checks if c["name"] == "keyring")
        inst.check("keyring is the Secret Service", "SecretService" in keyring["detail"])

    window = json.loads(
        inst.run("--data-dir", str(data), "doctor", "--window", "--json", codes=(0, 1)).stdout
    )
    inst.check("window (offscreen)", window[-1]["ok"], window[-1]["detail"])
    if shutil.which("xvfb-run"):
        shown = inst.run(
            "--data-dir",
            str(data),
            "doctor",
            "--window",
            "--json",
            qpa="xcb",
            wrap=("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"),
            codes=(0, 1),
        )
        last = json.loads(shown.stdout)[-1]
        inst.check("window (Xvfb, xcb)", last["ok"] and "(xcb)" in last["detail"], last["detail"])

    inst.run("--install-desktop", qpa=None)
    entry = Path(inst.env["XDG_DATA_HOME"]) / "applications" / f"{APP_ID}.desktop"
    text = entry.read_text(encoding="utf-8")
    inst.check("--install-desktop: Exec starts this installation", f"Exec={inst.command}" in text)
    if shutil.which("desktop-file-validate"):
        valid = subprocess.run(
            ["desktop-file-validate", str(entry)], capture_output=True, text=True
        )
        inst.check("the installed entry is valid", valid.returncode == 0, valid.stdout)
    inst.run("--uninstall-desktop", qpa=None)
    inst.check("--uninstall-desktop", not entry.exists())

    feeds(inst)
    single_instance(inst, data)


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Loopback blog</title><link>http://127.0.0.1/</link>
<item><title>Giving before asking</title><link>http://127.0.0.1/giving</link>
<guid>giving</guid><pubDate>Tue, 01 Dec 2026 09:00:00 GMT</pubDate>
<description>Why networking starts with generosity.</description></item>
</channel></rss>"""


def feeds(inst: Installation) -> None:
    """`accounts add feed` and `sync` against a feed on loopback: requests, feedparser and the
    sync engine, as frozen or installed."""
    import http.server
    import threading

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            body = FEED.encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        data = str(inst.scratch / "feeds")
        url = f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
        inst.run("--data-dir", data, "accounts", "add", "feed", url, qpa=None)
        inst.run("--data-dir", data, "sync", qpa=None)
        found = json.loads(inst.run("--data-dir", data, "candidates", "--json", qpa=None).stdout)
        titles = [c.get("title") for c in found]
        inst.check("accounts add feed, sync, candidates", "Giving before asking" in titles, titles)
    finally:
        server.shutdown()


def single_instance(inst: Installation, data: Path) -> None:
    """The app running; `checkin` hands over to it and leaves (a second window would not)."""
    env = {**inst.env, "QT_QPA_PLATFORM": "offscreen"}
    first = subprocess.Popen(
        [str(inst.command), "--data-dir", str(data)],
        cwd=inst.scratch,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        socket_dir = Path(inst.env["TMPDIR"])
        deadline = time.monotonic() + 60
        while not any(p.name.startswith("reciprocity-") for p in socket_dir.iterdir()):
            if first.poll() is not None or time.monotonic() > deadline:
                raise Failed(f"{inst.name}: the app did not start: {first.stderr.read()[-2000:]}")
            time.sleep(0.1)
        started = time.monotonic()
        inst.run("--data-dir", str(data), "checkin", timeout=30)
        took = time.monotonic() - started
        inst.check(f"checkin handed over to the running app ({took:.1f} s)", first.poll() is None)
    finally:
        first.send_signal(signal.SIGTERM)
        try:
            first.wait(10)
        except subprocess.TimeoutExpired:
            first.kill()
            first.wait()


def window_ms(inst: Installation, data: Path, runs: int) -> list[tuple[int, int]]:
    times = []
    for _ in range(runs):
        shown = inst.run("--data-dir", str(data), "doctor", "--window", "--json", codes=(0, 1))
        window = json.loads(shown.stdout)
        if not window[-1]["ok"]:
            raise Failed(f"{inst.name}: window: {window[-1]['detail']}")
        detail = window[-1]["detail"]
        painted = int(detail.split("painted ")[1].split(" ms")[0])
        shown_at = int(detail.split("shown at ")[1].split(" ms")[0])
        times.append((painted, shown_at))
    return times


def bundle(scratch: Path) -> Installation:
    built = DIST / "reciprocity"
    if not (built / "reciprocity").is_file():
        raise Failed(f"no bundle in {built}: run make bundle")
    elsewhere = scratch / "elsewhere" / "reciprocity"
    shutil.copytree(built, elsewhere, symlinks=True)
    return Installation("bundle", elsewhere / "reciprocity", elsewhere, scratch / "run")


def pipx_install(scratch: Path) -> Installation:
    wheels = sorted(DIST.glob(f"reciprocity-{__version__}-*.whl"))
    if not wheels:
        raise Failed(f"no wheel in {DIST}: run make wheel")
    scratch.mkdir(parents=True, exist_ok=True)
    pipx_home, bin_dir = scratch / "pipx", scratch / "bin"
    # The system's interpreter, not the source tree's venv (whose python would be the new
    # venv's base: moving the tree away would break the install).
    python = (
        Path(sys.base_prefix) / "bin" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(
        PIPX_HOME=str(pipx_home), PIPX_BIN_DIR=str(bin_dir), PIPX_MAN_DIR=str(scratch / "man")
    )
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pipx", "install", "--python", str(python), str(wheels[-1])],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=900,
    )
    if done.returncode != 0:
        raise Failed(f"pipx install failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    say(f"pipx installed {wheels[-1].name} in {time.monotonic() - started:.0f} s")
    return Installation("wheel (pipx)", bin_dir / "reciprocity", pipx_home, scratch / "run-pipx")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=0, help="also time the window N times")
    parser.add_argument("--only", choices=["bundle", "wheel"], help="check one of them")
    args = parser.parse_args()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="reciprocity-bundle-test-") as folder:
        scratch = Path(folder)
        try:
            made = []
            if args.only != "wheel":
                made.append(bundle(scratch / "b"))
            if args.only != "bundle":
                made.append(pipx_install(scratch / "w"))
            for inst in made:
                smoke(inst)
            if args.runs:
                dev = Installation(
                    "make run (.venv)",
                    ROOT / ".venv" / "bin" / "reciprocity",
                    ROOT,
                    scratch / "dev",
                )
                dev.run("--data-dir", str(dev.scratch / "data"), "demo")
                for inst in [dev, *made]:
                    times = window_ms(inst, inst.scratch / "data", args.runs)
                    painted = [p for p, _ in times]
                    shown = [s for _, s in times]
                    say(
                        f"{inst.name}: first paint median {statistics.median(painted):.0f} ms"
                        f" {painted}; Thank rows shown median {statistics.median(shown):.0f} ms"
                        f" {shown}"
                    )
        except Failed as failed:
            print(f"FAILED: {failed}", file=sys.stderr)
            return 1
    say(f"all packaging checks passed in {time.monotonic() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
