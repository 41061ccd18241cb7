"""Start at login: the XDG autostart entry is written where the session looks, atomically,
with a command the session can run, and removed again; nothing lands in the real $HOME."""

import os
import shutil
import stat
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest

from desktop import APP_ID, APP_NAME
from desktop.platform import autostart


def read_entry(path: Path) -> dict[str, str]:
    parser = ConfigParser(interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file())


def test_path_is_under_xdg_config_home(isolated_env):
    expected = isolated_env / "xdg-config" / "autostart" / f"{APP_ID}.desktop"
    assert autostart.autostart_path() == expected


@pytest.mark.parametrize("value", [None, "", "relative/config"])
def test_path_falls_back_to_dot_config(monkeypatch, home, value):
    if value is None:
        monkeypatch.delenv("XDG_CONFIG_HOME")
    else:
        monkeypatch.setenv("XDG_CONFIG_HOME", value)
    assert autostart.autostart_path() == home / ".config" / "autostart" / f"{APP_ID}.desktop"


def test_disabled_until_enabled():
    assert not autostart.is_enabled()
    assert not autostart.autostart_path().exists()


def test_enable_writes_a_standard_autostart_entry(home):
    path = autostart.enable(["/opt/reciprocity/bin/reciprocity"], delay_seconds=25)

    assert path == autostart.autostart_path()
    assert autostart.is_enabled()
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    entry = read_entry(path)
    assert entry["Type"] == "Application"
    assert entry["Name"] == APP_NAME
    assert entry["Icon"] == APP_ID
    assert entry["Exec"] == "/opt/reciprocity/bin/reciprocity"
    assert entry["X-GNOME-Autostart-enabled"] == "true"
    assert entry["X-GNOME-Autostart-Delay"] == "25"
    assert entry["X-KDE-autostart-after"] == "panel"
    assert files_under(home) == []  # the isolated $HOME stays empty


def test_default_delay_is_ten_seconds():
    entry = read_entry(autostart.enable(["reciprocity"]))
    assert entry["X-GNOME-Autostart-Delay"] == "10"


def test_disable_removes_the_entry_and_is_idempotent(home):
    autostart.enable(["reciprocity"])
    autostart.disable()
    assert not autostart.is_enabled()
    assert files_under(autostart.autostart_path().parent) == []
    autostart.disable()  # nothing there: still fine
    assert files_under(home) == []


def test_set_enabled_reports_the_new_state():
    assert autostart.set_enabled(True, delay_seconds=3) is True
    assert read_entry(autostart.autostart_path())["X-GNOME-Autostart-Delay"] == "3"
    assert autostart.set_enabled(False) is False


def test_enable_replaces_an_earlier_entry_without_leftovers():
    autostart.enable(["first"], delay_seconds=1)
    path = autostart.enable(["second"], delay_seconds=2)
    assert read_entry(path)["Exec"] == "second"
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_a_failed_write_keeps_the_old_entry_and_no_temp_file(monkeypatch):
    path = autostart.enable(["old"])

    def fail(*_args):
        raise OSError("disk full")

    monkeypatch.setattr(autostart.os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        autostart.enable(["new"])
    assert read_entry(path)["Exec"] == "old"
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_default_command_is_the_installed_script_by_absolute_path(monkeypatch):
    monkeypatch.setattr(autostart.shutil, "which", lambda name: f"/usr/local/bin/{name}")
    assert autostart.launch_command() == ["/usr/local/bin/reciprocity"]
    assert read_entry(autostart.enable())["Exec"] == "/usr/local/bin/reciprocity"


def test_default_command_without_the_script_runs_this_interpreter(monkeypatch):
    monkeypatch.setattr(autostart.shutil, "which", lambda name: None)
    assert autostart.launch_command() == [sys.executable, "-m", "desktop"]


@pytest.mark.parametrize(
    ("command", "expected"),
    [
        (["/usr/bin/python3", "-m", "desktop"], "/usr/bin/python3 -m desktop"),
        (["/opt/my apps/python", "-m", "desktop"], '"/opt/my apps/python" -m desktop'),
        (["/home/a/$x/py"], r'"/home/a/\\$x/py"'),
        (["/srv/100%/py"], "/srv/100%%/py"),
        (["/tmp/back\\slash"], r'"/tmp/back\\\\slash"'),
        (['/tmp/say "hi"'], r'"/tmp/say \\"hi\\""'),
        (["reciprocity", ""], 'reciprocity ""'),
    ],
)
def test_exec_line_quotes_as_the_desktop_entry_spec_says(command, expected):
    line = autostart.exec_line(command)
    assert line == expected
    assert split_exec(line) == command


def split_exec(value: str) -> list[str]:
    """Read an Exec value back as a launcher does (string escapes, then quoting, then %%)."""
    text = value.replace("\\\\", "\\")
    args, current, quoted, started, i = [], [], False, False, 0
    while i < len(text):
        ch = text[i]
        if quoted and ch == "\\" and text[i + 1] in '"`$\\':
            current.append(text[i + 1])
            i += 1
        elif ch == '"':
            quoted, started = not quoted, True
        elif ch == " " and not quoted:
            if started:
                args.append("".join(current))
            current, started = [], False
        else:
            current.append(ch)
            started = True
        i += 1
    if started:
        args.append("".join(current))
    return [arg.replace("%%", "%") for arg in args]


@pytest.mark.parametrize("command", [[], ["/tmp/line\nbreak"]])
def test_exec_line_refuses_what_cannot_be_written(command):
    with pytest.raises(ValueError):
        autostart.exec_line(command)


@pytest.mark.parametrize("delay", [-1, 2.5, True, "10"])
def test_a_bad_delay_is_refused_and_nothing_written(delay):
    with pytest.raises(ValueError):
        autostart.enable(["reciprocity"], delay_seconds=delay)
    assert not autostart.autostart_path().exists()


@pytest.mark.parametrize(
    ("line", "enabled"),
    [
        ("Hidden=true", False),
        ("X-GNOME-Autostart-enabled=false", False),
        ("X-GNOME-Autostart-enabled=true", True),
    ],
)
def test_an_entry_switched_off_by_the_desktop_counts_as_disabled(line, enabled):
    path = autostart.autostart_path()
    path.parent.mkdir(parents=True)
    path.write_text(f"[Desktop Entry]\nType=Application\nExec=reciprocity\n{line}\n")
    assert autostart.is_enabled() is enabled


def test_an_unreadable_entry_still_counts_as_there():
    path = autostart.autostart_path()
    path.parent.mkdir(parents=True)
    path.write_text("not a desktop file at all\n")
    assert autostart.is_enabled()
    autostart.disable()
    assert not autostart.is_enabled()


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_the_written_entry_passes_desktop_file_validate():
    path = autostart.enable([sys.executable, "-m", "desktop"])
    result = subprocess.run(
        ["desktop-file-validate", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_written_with_a_private_umask_still_readable_by_the_session():
    old = os.umask(0o077)
    try:
        path = autostart.enable(["reciprocity"])
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
