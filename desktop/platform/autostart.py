"""Start at login: an XDG autostart entry, written and removed from Settings.

The file is `$XDG_CONFIG_HOME/autostart/<APP_ID>.desktop` (`~/.config/autostart/...` when the
variable is unset), which GNOME, KDE, Xfce and the other XDG desktops run at login. It asks
for a short delay, so the panel (and its tray) is up before the app looks for it.

Inside a Flatpak sandbox that folder is out of reach: is_enabled() and set_enabled() go
through the XDG Background portal instead (background_portal.py), which writes the entry
for us (without the delay). enable() and disable() always write the file.

No Qt here: the Settings page calls these functions on a worker.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
from configparser import ConfigParser
from configparser import Error as ConfigError
from pathlib import Path

from desktop import APP_ID, APP_NAME
from desktop.platform import background_portal
from desktop.platform.paths import config_home

DEFAULT_DELAY_SECONDS = 10
FILE_MODE = 0o644
COMMENT = "See who to thank and what to share, once a day"

# Characters that oblige an Exec argument to be quoted (Desktop Entry spec, "The Exec key").
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


def autostart_dir() -> Path:
    """`$XDG_CONFIG_HOME/autostart`; a relative or empty XDG_CONFIG_HOME is ignored (spec)."""
    return config_home() / "autostart"


def autostart_path() -> Path:
    return autostart_dir() / f"{APP_ID}.desktop"


def launch_command() -> list[str]:
    """How a session or a menu should start Reciprocity: the bundle's own executable when
    frozen (wherever it was unpacked); else the `reciprocity` command this process was
    started by, or the one on PATH (by its absolute path, since the login session's PATH
    may differ); else this interpreter running the package."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    started = sys.argv[0] if sys.argv else ""
    if os.path.basename(started) == "reciprocity" and os.path.isfile(started):
        return [os.path.abspath(started)]  # the command this process was started by
    found = shutil.which("reciprocity")
    if found:
        return [os.path.abspath(found)]
    return [sys.executable, "-m", "desktop"]


def exec_line(command: list[str]) -> str:
    """The command as a desktop-file Exec value: arguments quoted where the spec requires,
    `%` doubled (no field codes), then the string escapes of the file format."""
    if not command:
        raise ValueError("the autostart command is empty")
    args = []
    for arg in command:
        if "\n" in arg or "\r" in arg or "\0" in arg:
            raise ValueError(f"cannot start a command with a line break in it: {arg!r}")
        if not arg or any(ch in _RESERVED for ch in arg):
            escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
            arg = f'"{escaped}"'
        args.append(arg.replace("%", "%%"))
    return " ".join(args).replace("\\", "\\\\")


def entry_text(command: list[str], delay_seconds: int = DEFAULT_DELAY_SECONDS) -> str:
    if isinstance(delay_seconds, bool) or not isinstance(delay_seconds, int) or delay_seconds < 0:
        raise ValueError(f"the delay must be a whole number of seconds, not {delay_seconds!r}")
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Version=1.4",
            f"Name={APP_NAME}",
            f"Comment={COMMENT}",
            f"Exec={exec_line(command)}",
            f"Icon={APP_ID}",
            "Terminal=false",
            "StartupNotify=false",
            "X-GNOME-Autostart-enabled=true",
            f"X-GNOME-Autostart-Delay={delay_seconds}",
            "X-KDE-autostart-after=panel",
            "",
        ]
    )


class _CaseSensitiveParser(ConfigParser):
    """Desktop entry keys are case-sensitive; ConfigParser lower-cases them by default."""

    def optionxform(self, optionstr: str) -> str:
        return optionstr


def is_enabled() -> bool:
    """True when the session will start Reciprocity at login: our file exists and does not
    switch itself off (Hidden=true or X-GNOME-Autostart-enabled=false, as desktops write).
    Inside Flatpak: what the Background portal granted last, since it cannot be asked."""
    if background_portal.sandboxed():
        return background_portal.remembered()
    path = autostart_path()
    if not path.is_file():
        return False
    parser = _CaseSensitiveParser(interpolation=None, strict=False)
    try:
        parser.read(path, encoding="utf-8")
    except (ConfigError, OSError, UnicodeDecodeError):
        return True  # there, if unreadable to us; unchecking the box removes it anyway
    if not parser.has_section("Desktop Entry"):
        return True
    entry = parser["Desktop Entry"]
    if entry.get("Hidden", "false").strip().lower() == "true":
        return False
    return entry.get("X-GNOME-Autostart-enabled", "true").strip().lower() != "false"


def enable(command: list[str] | None = None, delay_seconds: int = DEFAULT_DELAY_SECONDS) -> Path:
    """Write the autostart entry (replacing any earlier one, atomically) and return its path."""
    text = entry_text(command if command is not None else launch_command(), delay_seconds)
    path = autostart_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fchmod(handle.fileno(), FILE_MODE)
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    return path


def disable() -> None:
    """Remove the autostart entry; nothing to do when there is none."""
    autostart_path().unlink(missing_ok=True)


def set_enabled(enabled: bool, delay_seconds: int = DEFAULT_DELAY_SECONDS) -> bool:
    """enable() or disable(), then what is now true: for a settings checkbox.

    Inside Flatpak the Background portal is asked instead (it may show the user a dialog
    first) and what it granted is returned. A refusal, no portal or no answer in time
    raises background_portal.PortalError, which is an OSError."""
    if background_portal.sandboxed():
        return background_portal.set_autostart(enabled)
    if enabled:
        enable(delay_seconds=delay_seconds)
    else:
        disable()
    return is_enabled()


__all__ = [
    "autostart_path",
    "disable",
    "enable",
    "exec_line",
    "is_enabled",
    "launch_command",
    "set_enabled",
]
