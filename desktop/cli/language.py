"""The CLI speaks the language the window on the same data dir speaks (Settings →
Language, else the system's). Decided before the parser is built, so --help is translated
too; English loads nothing (Qt is imported only to read another language's catalog).

`--json` output is data for scripts, the same bytes in every language: a run that prints
JSON speaks English throughout, its messages (sync warnings, errors) included."""

from __future__ import annotations

from desktop.cli import argparse_words
from desktop.core import i18n
from desktop.platform import language, paths


def data_dir_argument(argv: list[str]) -> str | None:
    """--data-dir's value as argparse will read it, looked at before parsing."""
    for index, arg in enumerate(argv):
        if arg == "--data-dir" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--data-dir="):
            return arg.split("=", 1)[1]
    return None


def speak(argv: list[str]) -> str:
    """Install the translator for this run; the language chosen."""
    try:
        directory = paths.data_dir(data_dir_argument(argv))
    except Exception:  # an unusable data dir is reported later, in its own words
        directory = None
    chosen = language.ENGLISH if "--json" in argv else language.current(directory)
    if chosen == language.ENGLISH:
        i18n.install(None)  # the source text: nothing to load
    else:
        from desktop.ui.translations import install

        install(chosen)
    argparse_words.install()
    return chosen
