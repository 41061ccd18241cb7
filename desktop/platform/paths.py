"""Where Reciprocity keeps its data. Every location can be overridden, so tests and
demos never touch the user's real store."""

from __future__ import annotations

import os
from pathlib import Path

DB_FILENAME = "reciprocity.db"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """--data-dir beats RECIPROCITY_HOME, which beats the platform's user data dir."""
    if override:
        return Path(override).expanduser().resolve()
    env = os.environ.get("RECIPROCITY_HOME")
    if env:
        return Path(env).expanduser().resolve()
    import platformdirs  # imported here: only needed when nothing was given

    return Path(platformdirs.user_data_dir("reciprocity", appauthor=False))


def config_home() -> Path:
    """`$XDG_CONFIG_HOME`, or `~/.config` when it is unset, empty or relative (the XDG spec
    says to ignore a relative one). Inside Flatpak it is the app's own folder."""
    config = os.environ.get("XDG_CONFIG_HOME", "")
    return Path(config) if config and os.path.isabs(config) else Path.home() / ".config"


STORE_URL_FILE = "store-url"  # `reciprocity store use URL`: the store this data dir uses


def database_url(directory: Path, *, explicit_dir: bool = False) -> str:
    """RECIPROCITY_DATABASE_URL takes any SQLAlchemy URL, unless --data-dir was given; then
    the store the data dir was told to use (`store use`, Settings → Store: a URL without
    its password, which is in the keyring); else the SQLite file in the data dir."""
    env = os.environ.get("RECIPROCITY_DATABASE_URL")
    if env and not explicit_dir:
        return env
    chosen = chosen_store_url(directory)
    return chosen or f"sqlite:///{directory / DB_FILENAME}"


def chosen_store_url(directory: Path) -> str | None:
    try:
        text = (directory / STORE_URL_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return text or None


def ensure_private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def log_dir(directory: Path) -> Path:
    return directory / "logs"


MEMBER_FILE = "member-name"  # `reciprocity store use URL --as NAME`


def member_name(directory: Path) -> str:
    """Who this computer's member of a team is: the name given with `store use --as`, else
    the system account's full name, else its login."""
    try:
        given = (directory / MEMBER_FILE).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        given = ""
    if given:
        return given
    try:
        import pwd

        full = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if full:
            return full
    except (ImportError, KeyError, AttributeError):
        pass
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no user name (containers)
        return ""
