"""Secrets typed or piped in: never an argument (a command line shows in other users'
``ps`` and in shell history)."""

from __future__ import annotations

import sys

from desktop.cli.context import UsageError


def read_secret_line(prompt: str, missing: str) -> str:
    """A secret from the terminal (asked with ``prompt``) or the first line of stdin;
    UsageError saying ``missing`` when there is none."""
    if sys.stdin.isatty():
        import getpass

        value = getpass.getpass(f"{prompt}: ")
    else:
        value = sys.stdin.readline()
    value = value.strip()
    if not value:
        raise UsageError(missing)
    return value
