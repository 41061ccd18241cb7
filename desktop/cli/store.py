"""`reciprocity store show|use|copy`: which store this data dir uses, and moving a store
between SQLite and a team's PostgreSQL (desktop.app.team_store)."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace
from collections.abc import Callable
from typing import Any

from desktop.cli.context import Context, UsageError, checked_secrets, emit_json
from desktop.core.i18n import fill, tx


def register(sub: Any, command: Callable[..., ArgumentParser]) -> None:
    p = command("store", store, tx("CLI help", "which store this data dir uses; move a store"))
    actions = p.add_subparsers(dest="store_action", metavar="ACTION", required=True)
    show = actions.add_parser("show", help=tx("CLI help", "the store in use"))
    show.add_argument("--json", action="store_true", help=tx("CLI help", "print JSON"))
    use = actions.add_parser(
        "use",
        help=tx(
            "CLI help",
            "use the store at URL (e.g. postgresql://ana@server/team), or 'local' for this"
            " data dir's own file",
        ),
    )
    use.add_argument("url", metavar="URL")
    use.add_argument(
        "--as",
        dest="member",
        metavar="NAME",
        help=tx(
            "CLI help",
            'your name in the team, as the ledger shows it ("thanked by NAME"; default:'
            " your system account's name)",
        ),
    )
    copy = actions.add_parser(
        "copy", help=tx("CLI help", "copy every row into an empty store, or from one")
    )
    where = copy.add_mutually_exclusive_group(required=True)
    where.add_argument(
        "--to", metavar="URL", help=tx("CLI help", "copy this store into the empty one at URL")
    )
    where.add_argument(
        "--from",
        dest="source",
        metavar="URL",
        help=tx("CLI help", "copy the store at URL into this one, which must be empty"),
    )


def store(context: Context, args: Namespace) -> int:
    from desktop.app import team_store

    if args.store_action == "show":
        choice = team_store.current(context.data_dir)
        if args.json:
            emit_json({"url": choice.url, "shared": choice.shared})
        elif choice.shared:
            print(fill(tx("CLI", "This data dir uses the shared store %1."), choice.url))
        else:
            print(fill(tx("CLI", "This data dir uses its own store, %1."), choice.url))
        return 0
    if args.store_action == "use":
        return _use(context, args.url, args.member)
    return _copy(context, args)


def _use(context: Context, url: str, member: str | None) -> int:
    from desktop.app import team_store
    from desktop.app.stores import open_store

    try:
        choice = team_store.use(context.data_dir, url, checked_secrets, open_store)
    except team_store.StoreChoiceError as exc:
        raise UsageError(str(exc)) from None
    if member is not None:
        team_store.set_member(context.data_dir, member)
    if choice.shared:
        print(fill(tx("CLI", "This data dir now uses the shared store %1."), choice.url))
    else:
        print(fill(tx("CLI", "This data dir now uses its own store, %1."), choice.url))
    return 0


def _copy(context: Context, args: Namespace) -> int:
    from desktop.app import team_store
    from desktop.app.stores import open_store

    here = context.database_url
    try:
        other = team_store.normalized(args.to or args.source)
    except team_store.StoreChoiceError as exc:
        raise UsageError(str(exc)) from None
    source, target = (here, other) if args.to else (other, here)
    if team_store.shown(source) == team_store.shown(target):
        raise UsageError(tx("CLI", "a store cannot be copied into itself"))

    def told(table: str, rows: int) -> None:
        print(fill(tx("CLI", "copying %1: %2 rows"), table, rows), file=sys.stderr)

    counts = team_store.copy(source, target, open_store, told=told)
    total = sum(counts.values())
    print(
        fill(
            tx("CLI", "Copied %1 rows from %2 to %3:"),
            total,
            team_store.shown(source),
            team_store.shown(target),
        )
    )
    for table, rows in counts.items():
        print(f"  {table}: {rows}")
    return 0
