"""CLI: `reciprocity draft PERSON_ID` — a thank-you draft, printed; nothing is posted."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from desktop.cli.context import Context, emit_json
from desktop.core.i18n import PLURAL, fill, tx


def draft(context: Context, args: Namespace) -> int:
    now = datetime.now(UTC)
    result = context.services().draft(
        args.person_id, language=args.language, network=args.network, now=now
    )
    since = result.recently_thanked
    if args.json:
        data = result.as_json()
        data["recently_thanked"] = since.isoformat() if since else None
        emit_json(data)
        return 0
    print(result.text)
    # Only the text goes to stdout (it can be piped to a clipboard); notes go to stderr.
    if result.reply_to is not None:
        print(fill(tx("CLI", "(a reply to %1)"), result.reply_to.url), file=sys.stderr)
    if not result.length.ok:
        print(fill(tx("CLI", "warning: %1"), result.length.explained), file=sys.stderr)
    if since is not None:
        print(_last_thanked((now - since).days), file=sys.stderr)
    return 0


def _last_thanked(days: int) -> str:
    if days == 0:
        return tx("CLI", "note: you last thanked them today")
    if days == 1:
        return tx("CLI", "note: you last thanked them yesterday")
    return tx("CLI", "note: you last thanked them %n days ago", None, PLURAL, days)


def register(sub: Any, command: Callable[..., ArgumentParser]) -> None:
    """Add the draft command to the main parser."""
    p = command(
        "draft", draft, tx("CLI help", "a thank-you draft for a person (printed, never posted)")
    )
    p.add_argument("person_id", type=int, metavar="PERSON_ID")
    p.add_argument(
        "--language", metavar="CODE", help=tx("CLI help", "template language, e.g. en or es")
    )
    p.add_argument("--network", metavar="NETWORK", help=tx("CLI help", "e.g. mastodon or bluesky"))
    p.add_argument("--json", action="store_true", help=tx("CLI help", "print JSON (see README.md)"))
