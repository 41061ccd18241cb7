"""`reciprocity doctor` says, check by check, whether this installation has what it needs,
and fails (exit 1, naming the file) when a shipped file is missing: the packaging checks
rely on it for the bundle and the wheel."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import desktop
from desktop.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
NAMES = [
    "version",
    "templates",
    "catalogs",
    "menu files",
    "demo",
    "migrations",
    "certificates",
    "keyring",
    "qt plugins",
    "svg icons",
    "translations",
    "qt translations",
]


def run_doctor(*args: str, package_root: Path | None = None, timeout: float = 120):
    """The doctor in a child process (it runs a Qt event loop with --window); with
    ``package_root``, the `desktop` package is imported from there and nowhere else."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("PYTHONPATH", None)
    prelude = "import sys\n"
    if package_root is not None:
        prelude += f"sys.path.insert(0, {str(package_root)!r})\n"
    code = prelude + (
        "import desktop\n"
        "from desktop.cli.main import main\n"
        "print(desktop.__file__, file=sys.stderr)\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    isolated = ["-I"] if package_root is not None else []  # no cwd, no PYTHON* variables
    return subprocess.run(
        [sys.executable, *isolated, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=package_root or ROOT,
        check=False,
    )


def test_every_check_passes_here_and_says_where_it_looked(tmp_path, capsys):
    assert main(["--data-dir", str(tmp_path), "doctor", "--json"]) == 0
    results = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in results] == NAMES
    assert all(r["ok"] for r in results), results
    by_name = {r["name"]: r for r in results}
    assert by_name["version"]["detail"].startswith(desktop.__version__)
    package = Path(desktop.__file__).parent
    assert Path(by_name["migrations"]["path"]) == package / "store" / "migrations"
    assert Path(by_name["templates"]["path"]).is_relative_to(package)
    assert "keyrings.alt.file.PlaintextKeyring" in by_name["keyring"]["detail"]


def test_the_keyring_round_trip_leaves_no_secret_behind(tmp_path, capsys):
    import keyring

    assert main(["--data-dir", str(tmp_path), "doctor", "--keyring"]) == 0
    out = capsys.readouterr().out
    assert "ok       keyring: keyrings.alt.file.PlaintextKeyring" in out
    # load_keyring, not get_keyring: that one would become this process's keyring for good,
    # and the Secret Service tests after this one would get the file.
    backend = keyring.core.load_keyring("keyrings.alt.file.PlaintextKeyring")
    written = Path(backend.file_path)  # the doctor wrote there, then deleted
    assert written.is_file()
    assert "doctor" not in written.read_text(encoding="utf-8")


def test_a_missing_shipped_file_fails_and_is_named(tmp_path):
    copy = tmp_path / "install"
    shutil.copytree(
        ROOT / "desktop", copy / "desktop", ignore=shutil.ignore_patterns("__pycache__")
    )
    missing = copy / "desktop/resources/share/icons/hicolor/48x48/apps" / f"{desktop.APP_ID}.png"
    missing.unlink()
    (copy / "desktop/resources/translations/reciprocity_es.qm").write_bytes(b"")
    result = run_doctor("--data-dir", str(tmp_path / "data"), "doctor", package_root=copy)
    assert result.returncode == 1, result.stdout + result.stderr
    assert str(copy / "desktop") in result.stderr  # the copy was imported, not the tree
    lines = {line.split(":")[0].split()[-1]: line for line in result.stdout.splitlines()}
    assert lines["files"].startswith("MISSING") and "48x48" in lines["files"]  # "menu files"
    assert lines["catalogs"].startswith("MISSING")
    assert lines["templates"].startswith("ok")


def test_the_window_opens_on_the_demo_store_and_closes(tmp_path):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "demo"]) == 0
    result = run_doctor("--data-dir", str(data), "doctor", "--window", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    window = json.loads(result.stdout)[-1]
    assert window["name"] == "window" and window["ok"], window
    people = int(window["detail"].split("people to thank: ")[1])
    assert people > 0  # the Thank page's rows were on the screen


def test_the_window_of_a_new_store_shows_the_welcome(tmp_path):
    result = run_doctor("--data-dir", str(tmp_path / "new"), "doctor", "--window", "--json")
    assert result.returncode == 0, result.stdout + result.stderr
    window = json.loads(result.stdout)[-1]
    assert window["ok"] and window["detail"].endswith("people to thank: 0"), window


@pytest.mark.parametrize("flag", ["--window", "--keyring"])
def test_the_flags_are_documented(flag, capsys):
    assert main(["doctor", "--help"]) == 0
    assert flag in capsys.readouterr().out
