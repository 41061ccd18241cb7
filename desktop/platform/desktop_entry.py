"""The app in the desktop's menu and search: `reciprocity --install-desktop` copies the
desktop entry, the icon in its hicolor sizes and the AppStream metadata from the package
(desktop/resources/share) into `$XDG_DATA_HOME` (~/.local/share), with Exec pointing at this
very installation (the bundle's executable, the pipx command); `--uninstall-desktop` removes
exactly those files again.

pipx and PyInstaller do no desktop integration (pypa/pipx#717), so the app does its own, as
Porcupine does. No Qt here: the CLI calls it before any window.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import desktop
from desktop import APP_ID
from desktop.platform.autostart import exec_line, launch_command

ENTRY = Path("applications") / f"{APP_ID}.desktop"
METAINFO = Path("metainfo") / f"{APP_ID}.metainfo.xml"
ICONS = Path("icons") / "hicolor"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)  # packaging/icons.py draws these
FILE_MODE = 0o644


def data_home() -> Path:
    """`$XDG_DATA_HOME`; a relative or empty value is ignored (XDG basedir spec)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if value and os.path.isabs(value) else Path.home() / ".local" / "share"


def _shipped() -> Path:
    return desktop.resource("resources", "share")


def _icon_files(share: Path) -> Iterator[Path]:
    """The shipped icons, relative to share/: icons/hicolor/<size>/apps/<APP_ID>.*"""
    for path in sorted((share / ICONS).glob(f"*/apps/{APP_ID}.*")):
        yield path.relative_to(share)


def entry_for(command: list[str], template: str) -> str:
    """The shipped desktop entry with Exec, TryExec and the actions' Exec pointing at
    ``command`` (so the menu starts this installation, whatever the session's PATH)."""
    program = exec_line(command)
    lines = []
    for line in template.splitlines():
        key, sep, value = line.partition("=")
        if sep and key == "Exec":
            extra = value.split(" ", 1)[1] if " " in value else ""  # e.g. "checkin"
            line = f"Exec={program} {extra}".rstrip()
        elif sep and key == "TryExec":
            line = f"TryExec={exec_line(command[:1])}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.tmp")
    temp.write_bytes(data)
    temp.chmod(FILE_MODE)
    os.replace(temp, path)


def _refresh_caches(home: Path) -> None:
    """What desktops read instead of the folders, when the tools are there (best effort:
    menus also notice new files by themselves)."""
    commands = [["update-desktop-database", "-q", str(home / "applications")]]
    if (home / ICONS / "icon-theme.cache").exists():
        # Only a cache that is already there: one made here would hide, once stale, the
        # icons other apps later put beside ours.
        commands.append(["gtk-update-icon-cache", "-q", "-t", "-f", str(home / ICONS)])
    for argv in commands:
        if shutil.which(argv[0]):
            with contextlib.suppress(OSError, subprocess.SubprocessError):
                subprocess.run(argv, capture_output=True, timeout=30, check=False)


def install(command: list[str] | None = None, home: Path | None = None) -> list[Path]:
    """Install the entry, icons and metadata for this user; returns the files written."""
    share = _shipped()
    home = home or data_home()
    command = command or launch_command()
    template = (share / ENTRY).read_text(encoding="utf-8")
    written = [home / ENTRY]
    _write(home / ENTRY, entry_for(command, template).encode("utf-8"))
    for relative in [METAINFO, *_icon_files(share)]:
        _write(home / relative, (share / relative).read_bytes())
        written.append(home / relative)
    _refresh_caches(home)
    return written


def installed_files(home: Path | None = None) -> list[Path]:
    """Those of the files install() writes that are there now."""
    home = home or data_home()
    candidates = [home / ENTRY, home / METAINFO]
    candidates += sorted((home / ICONS).glob(f"*/apps/{APP_ID}.*"))
    return [path for path in candidates if path.is_file()]


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove what install() wrote (only files named by the app id); returns them."""
    home = home or data_home()
    removed = installed_files(home)
    for path in removed:
        path.unlink(missing_ok=True)
    _refresh_caches(home)
    return removed


def shipped_files() -> list[Path]:
    """What install() copies, relative to the package's share/ folder: the entry, the
    metadata, the scalable icon and every size; MissingResource if one is missing."""
    wanted = [ENTRY, METAINFO, ICONS / "scalable" / "apps" / f"{APP_ID}.svg"]
    wanted += [ICONS / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES]
    for relative in wanted:
        desktop.resource("resources", "share", *relative.parts)
    return wanted


__all__ = [
    "data_home",
    "entry_for",
    "install",
    "installed_files",
    "shipped_files",
    "uninstall",
]
