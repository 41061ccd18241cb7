"""Which language the window and the CLI speak: the user's choice in Settings, else the
system's locale, else English.

The choice is a one-word file in the data dir, not a row of the store: the window must know
it before its first paint (the store is opened later, by a worker), and the CLI with
``--data-dir D`` then speaks as the window on ``D`` does.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENGLISH = "en"
SYSTEM = "system"
LANGUAGES = ("en", "es")  # the interface's languages: English is the source
CHOICE_FILE = "language"


def _language_of(locale_name: str) -> str:
    """'es_MX.UTF-8' -> 'es'; 'C' and 'POSIX' -> ''."""
    name = locale_name.split(".")[0].split("@")[0]
    if name in ("C", "POSIX"):
        return ""
    return name.split("_")[0].split("-")[0].lower()


def system_locale(env: Mapping[str, str] | None = None) -> str:
    """The locale the environment asks for, as gettext reads it: LC_ALL, then LC_MESSAGES,
    then LANG ('' when none is set)."""
    env = os.environ if env is None else env
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        if env.get(name):
            return env[name]
    return ""


def system_language(env: Mapping[str, str] | None = None) -> str:
    """The first of the system's languages the interface speaks; English otherwise.

    LANGUAGE (a colon-separated preference list) counts, except under the C locale, where
    gettext ignores it too: ``LANG=C`` means English whatever else is set.
    """
    env = os.environ if env is None else env
    locale_language = _language_of(system_locale(env))
    if not locale_language and system_locale(env):
        return ENGLISH
    wanted = [_language_of(part) for part in env.get("LANGUAGE", "").split(":") if part]
    for language in [*wanted, locale_language]:
        if language in LANGUAGES:
            return language
    return ENGLISH


def chosen(data_dir: Path) -> str:
    """What Settings → Language says: 'system', 'en' or 'es'."""
    try:
        text = (data_dir / CHOICE_FILE).read_text(encoding="utf-8").strip()
    except OSError:
        return SYSTEM
    return text if text in LANGUAGES else SYSTEM


def choose(data_dir: Path, choice: str) -> None:
    """Remember ``choice`` ('system' forgets any earlier one)."""
    path = data_dir / CHOICE_FILE
    if choice == SYSTEM:
        path.unlink(missing_ok=True)
        return
    if choice not in LANGUAGES:
        raise ValueError(f"not a language of the interface: {choice!r}")
    data_dir.mkdir(parents=True, exist_ok=True)
    path.write_text(choice + "\n", encoding="utf-8")


def current(data_dir: Path | None, env: Mapping[str, str] | None = None) -> str:
    """The language to speak now: the choice when one was made, else the system's."""
    choice = chosen(data_dir) if data_dir is not None else SYSTEM
    return system_language(env) if choice == SYSTEM else choice
