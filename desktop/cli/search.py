"""CLI: `reciprocity search TEXT` — every interaction stored, by its post's words or the
person's names and handles, newest first, a page at a time."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from desktop.cli.context import Context, emit_json
from desktop.cli.format import ago, short
from desktop.core.i18n import fill, tx

# The vocabulary's words written out: desktop.core is not imported at start-up
# (tests/cli/test_cli_errors.py checks that they agree).
KINDS = ["share", "quote", "mention", "reply", "like", "follow"]


def what_happened(kind: str, direction: str) -> str:
    """ "They shared your post", "You replied to them": the People history's own words."""
    from desktop.core.sentences import kind_sentence

    return kind_sentence(kind, direction)


def search(context: Context, args: Namespace) -> int:
    text = " ".join(args.text)
    page = context.services().search_interactions(
        text,
        kind=args.kind,
        network=args.network,
        since=args.since,
        limit=args.limit,
        before=args.before,
    )
    if args.json:
        emit_json(page.as_json())
        return 0
    if not page.hits:
        if args.before:
            print(tx("CLI", "No more matches."))
        else:
            print(fill(tx("CLI", "Nothing stored matches “%1”."), text))
        return 0
    now = datetime.now(UTC)
    for hit in page.hits:
        who = f"{hit.name} ({hit.handle}, {hit.network})" if hit.handle else hit.name
        what = what_happened(hit.kind, hit.direction)
        print(f"{ago(hit.occurred_at, now):>9}  {who} [#{hit.person_id}] — {what}")
        if hit.snippet or hit.post_url:
            print(" " * 11 + fill(tx("CLI", "“%1” %2"), short(hit.snippet, 100), hit.post_url))
    if page.next is not None:
        print(fill(tx("CLI", "More: add --before %1"), page.next.token()))
    return 0


def register(
    sub: Any, command: Callable[..., ArgumentParser], iso_date: Callable[[str], date]
) -> None:
    """Add the search command to the main parser."""
    p = command(
        "search",
        search,
        tx(
            "CLI help",
            "find interactions by the words of their post or the person's name or handle",
        ),
    )
    p.add_argument("text", nargs="+", metavar="TEXT")
    p.add_argument("--kind", choices=KINDS, help=tx("CLI help", "only this kind"))
    p.add_argument("--network", metavar="NETWORK", help=tx("CLI help", "e.g. mastodon or bluesky"))
    p.add_argument(
        "--since",
        type=iso_date,
        metavar="YYYY-MM-DD",
        help=tx("CLI help", "only from this day on"),
    )
    p.add_argument(
        "--limit", type=int, default=20, help=tx("CLI help", "at most N (20; up to 500)")
    )
    p.add_argument(
        "--before",
        metavar="NEXT",
        help=tx("CLI help", "the next page: the “next” a search printed"),
    )
    p.add_argument("--json", action="store_true", help=tx("CLI help", "print JSON (see README.md)"))
