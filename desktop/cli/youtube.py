"""CLI: ``accounts add youtube`` — my channel and an API key, which is never an argument
(a command line is seen by other users' ``ps`` and kept in shell history): it is read from
``--key-file`` or asked for (hidden at a terminal, the first line of stdin otherwise)."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from pathlib import Path
from typing import Any

from desktop.cli.context import Context, UsageError
from desktop.cli.secret_input import read_secret_line
from desktop.core.i18n import fill, tx


def _key_from_file(path: Path) -> str:
    try:
        with path.open(encoding="utf-8") as f:
            key = f.readline().strip()
    except OSError as exc:
        said = tx("CLI", "cannot read the API key from %1: %2")
        raise UsageError(fill(said, path, exc)) from None
    if not key:
        raise UsageError(fill(tx("CLI", "%1 holds no API key on its first line"), path))
    return key


def add_youtube(context: Context, args: Namespace) -> int:
    services = context.services()
    try:
        services.check_youtube_channel(args.channel)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    services.secrets()  # a missing or locked keyring says so before the key is asked for
    if args.key_file is not None:
        key = _key_from_file(args.key_file)
    else:
        key = read_secret_line(
            tx("CLI", "YouTube API key"), tx("CLI", "no API key was given on standard input")
        )
    view = services.youtube_with_key(args.channel, key)
    said = tx("CLI", "Reading the comments on %1 (%2) as replies (account #%3).")
    print(fill(said, view.display_name or view.handle, view.handle, view.id))
    return 0


def register(kinds: Any) -> None:
    """``accounts add youtube``, on the parser of ``accounts add``'s kinds."""
    p: ArgumentParser = kinds.add_parser(
        "youtube",
        help=tx("CLI help", "your YouTube channel: the comments on its videos count as replies"),
        description=tx(
            "CLI help",
            "Your YouTube channel: the comments on its videos count as replies. Make an API "
            "key in the Google Cloud console (enable the YouTube Data API v3, then "
            "Credentials → Create credentials → API key); it is kept in the keyring.",
        ),
    )
    p.add_argument(
        "--channel",
        required=True,
        metavar="CHANNEL",
        help=tx("CLI help", "your channel id (UC…), handle (@name) or channel address"),
    )
    p.add_argument(
        "--key-file",
        type=Path,
        metavar="PATH",
        help=tx("CLI help", "read the API key from this file's first line (default: ask for it)"),
    )
    p.set_defaults(func=add_youtube)
