"""CLI: accounts (sign in, list, remove, feeds, OPML), manual log, archive import; the sync
command is registered here too (its work: cli/sync)."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.context import Context, UsageError, emit_json
from desktop.cli.format import ago
from desktop.cli.secret_input import read_secret_line
from desktop.cli.sync import sync
from desktop.core.i18n import PLURAL, fill, tx


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- accounts add ----------------------------------------------------------------------


def add_mastodon(context: Context, args: Namespace) -> int:
    services = context.services()
    try:
        services.check_instance(args.instance)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    services.secrets()  # a missing or locked keyring says so before anything is asked
    if args.token_stdin:
        token = read_secret_line(
            tx("CLI", "Access token"), tx("CLI", "no access token was given on standard input")
        )
        view = services.mastodon_with_token(args.instance, token)
    else:
        pending = services.mastodon_begin(args.instance)
        approve = tx("CLI", "Approve Reciprocity on %1 in your browser:")
        _say(fill(approve, pending.instance) + f"\n  {pending.authorize_url}")
        if sys.stdin.isatty():
            import webbrowser

            webbrowser.open(pending.authorize_url)
            _say(tx("CLI", "Then paste the code it shows you here."))
        code = read_secret_line(
            tx("CLI", "Authorization code"),
            tx("CLI", "no authorization code was given on standard input"),
        )
        view = services.mastodon_finish(pending, code)
    said = tx("CLI", "Signed in to %1 as %2 (account #%3).")
    print(fill(said, view.server_url, view.handle, view.id))
    return 0


def add_bluesky(context: Context, args: Namespace) -> int:
    if not args.app_password_stdin:
        raise UsageError(
            tx(
                "CLI",
                "give the app password on standard input with --app-password-stdin "
                "(make one in Bluesky: Settings → Privacy and security → App passwords)",
            )
        )
    services = context.services()
    services.secrets()  # a missing or locked keyring says so before the password is read
    password = read_secret_line(
        tx("CLI", "App password"), tx("CLI", "no app password was given on standard input")
    )
    view = services.bluesky_sign_in(args.handle, password, args.service)
    print(fill(tx("CLI", "Signed in to Bluesky as %1 (account #%2)."), view.handle, view.id))
    return 0


def add_feed(context: Context, args: Namespace) -> int:
    from desktop.core.errors import InvalidRequest

    result = context.services().add_feeds([args.url])
    if result.invalid:
        raise InvalidRequest(result.invalid[0][1])
    if result.added:
        print(fill(tx("CLI", "Added the feed %1."), result.added[0]))
    else:
        print(fill(tx("CLI", "Already following %1."), result.existing[0]))
    return 0


def add_blog_comments(context: Context, args: Namespace) -> int:
    view, created = context.services().add_blog_comments_feed(args.url)
    if created:
        said = tx("CLI", "Comments on %1 will count as replies (account #%2).")
        print(fill(said, view.display_name, view.id))
    else:
        print(fill(tx("CLI", "Already reading comments from %1."), view.handle))
    return 0


def add_opml(context: Context, args: Namespace) -> int:
    from desktop.core.errors import InvalidRequest

    try:
        result = context.services().import_opml(args.path)
    except InvalidRequest as exc:
        raise UsageError(str(exc)) from None
    said = tx("CLI", "Imported %1 feeds from %2 (%3 new).")
    print(fill(said, result.total, args.path, result.added))
    return 0


def export_opml(context: Context, args: Namespace) -> int:
    count = context.services().export_opml(args.path)
    print(fill(tx("CLI", "Wrote %1 feeds to %2."), count, args.path))
    return 0


# --- accounts list / remove -----------------------------------------------------------------


def list_(context: Context, args: Namespace) -> int:
    views = context.services().accounts()
    if args.json:
        emit_json([v.as_json() for v in views])
        return 0
    if not views:
        print(
            tx(
                "CLI",
                "No accounts yet. Add one with: reciprocity accounts add mastodon --instance …",
            )
        )
        return 0
    from desktop.core.vocabulary import AccountState  # not at start-up: desktop.core is heavy

    for v in views:
        state = {
            AccountState.OK: tx("CLI", "ok"),
            AccountState.NEEDS_SIGNIN: tx("CLI", "needs sign-in"),
            AccountState.ERROR: tx("CLI", "error"),
            AccountState.RATE_LIMITED: tx("CLI", "rate limited"),
        }.get(v.state, v.state)
        if v.state == AccountState.RATE_LIMITED and v.retry_at:
            until = v.retry_at.astimezone().strftime("%H:%M")
            state = fill(tx("CLI", "%1 until %2"), state, until)
        synced = fill(tx("CLI", "synced %1"), ago(v.last_sync_at))
        feeds = v.feeds
        if feeds == 1:
            synced += ", " + tx("CLI", "1 feed")
        elif feeds:
            synced += ", " + tx("CLI", "%n feeds", None, PLURAL, feeds)
        print(f"#{v.id:<4} {v.network:<9} {v.handle:<34} {state:<14} {synced}")
        if v.last_error:
            print("      " + fill(tx("CLI", "last error: %1"), v.last_error))
    return 0


def remove(context: Context, args: Namespace) -> int:
    if args.with_imported:
        removed = context.services().remove_archive(args.account_id)
        said = tx("CLI", "Took out archive %1: %2 interactions, %3 people who came only from it.")
        print(fill(said, args.account_id, removed.interactions, removed.people))
        return 0
    view = context.services().remove_account(args.account_id)
    print(fill(tx("CLI", "Removed %1; its history stays in the ledger."), view.handle))
    return 0


# --- manual entries and archives -----------------------------------------------------------


def log_entry(context: Context, args: Namespace) -> int:
    person_id, created = context.services().log_interaction(
        args.person,
        kind=args.kind,
        network=args.network,
        url=args.url or "",
        direction=args.direction,
    )
    if created:
        said = tx("CLI", "Logged a %1 %2 on %3 for new person #%4.")
    else:
        said = tx("CLI", "Logged a %1 %2 on %3 for person #%4.")
    print(fill(said, args.direction, args.kind, args.network, person_id))
    return 0


def import_archive(context: Context, args: Namespace) -> int:
    result = context.services().import_archive(args.network, args.path, preview=args.preview)
    if args.json:
        emit_json(archive_json(result, preview=args.preview))
        return 0
    from desktop.core.length import network_label

    name = network_label(result.network)
    if args.preview:
        said = tx("CLI", "The %1 export holds %2 interactions with %3 people (nothing added).")
        print(fill(said, name, sum_counts(result.counts), result.people))
    else:
        said = tx("CLI", "Imported %1 interactions from the %2 export (%3 already known).")
        print(fill(said, result.new, name, result.known))
    for direction, kinds in result.counts.items():
        label = tx("CLI", "inbound") if direction == "inbound" else tx("CLI", "outbound")
        counts = ", ".join(fill("%1 %2", n, kind) for kind, n in kinds.items())
        print("  " + fill(tx("CLI", "%1: %2"), label, counts))
    for why, n in result.skipped.items():
        print("  " + fill(tx("CLI", "skipped: %1 (%2)"), why, n))
    for warning in result.warnings:
        print("  " + fill(tx("CLI", "warning: %1"), warning))
    for missing in result.missing:
        print("  " + fill(tx("CLI", "not in this export: %1"), missing))
    return 0


def sum_counts(counts: dict[str, dict[str, int]]) -> int:
    return sum(n for kinds in counts.values() for n in kinds.values())


def archive_json(result: Any, *, preview: bool) -> dict[str, Any]:
    """The summary as data (English, the same in every language: see cli/language.py)."""
    return {
        "network": result.network,
        "preview": preview,
        "account_id": result.account_id,
        "new": result.new,
        "known": result.known,
        "people": result.people,
        "interactions": result.counts,
        "skipped": result.skipped,
        "first": result.first.isoformat() if result.first else None,
        "last": result.last.isoformat() if result.last else None,
        "not_in_export": result.missing,
        "warnings": result.warnings,
    }


def register(sub: Any, command: Callable[..., ArgumentParser]) -> None:
    """Add the account and sync commands to the main parser."""
    accounts = sub.add_parser(
        "accounts",
        help=tx("CLI help", "your accounts and feeds"),
        description=tx("CLI help", "your accounts and feeds"),
    )
    asub = accounts.add_subparsers(
        dest="accounts_command", metavar="ACTION", required=True, parser_class=type(accounts)
    )

    def action(name: str, func: Callable[..., int], help_text: str) -> ArgumentParser:
        p: ArgumentParser = asub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    add = asub.add_parser(
        "add",
        help=tx("CLI help", "add an account or a feed"),
        description=tx("CLI help", "add an account or a feed"),
    )
    kinds = add.add_subparsers(
        dest="kind", metavar="KIND", required=True, parser_class=type(accounts)
    )
    p = kinds.add_parser("mastodon", help=tx("CLI help", "sign in to a Mastodon server"))
    p.add_argument("--instance", required=True, metavar="URL")
    p.add_argument(
        "--token-stdin",
        action="store_true",
        help=tx("CLI help", "read an access token made in the server's settings from stdin"),
    )
    p.set_defaults(func=add_mastodon)
    p = kinds.add_parser("bluesky", help=tx("CLI help", "sign in to Bluesky with an app password"))
    p.add_argument("--handle", required=True)
    p.add_argument(
        "--service", metavar="URL", help=tx("CLI help", "your PDS (default https://bsky.social)")
    )
    p.add_argument("--app-password-stdin", action="store_true")
    p.set_defaults(func=add_bluesky)
    from desktop.cli import youtube

    youtube.register(kinds)
    p = kinds.add_parser("feed", help=tx("CLI help", "follow an RSS, Atom or JSON feed"))
    p.add_argument("url", metavar="URL")
    p.set_defaults(func=add_feed)
    p = kinds.add_parser("opml", help=tx("CLI help", "follow every feed in an OPML file"))
    p.add_argument("path", type=Path, metavar="PATH")
    p.set_defaults(func=add_opml)
    p = kinds.add_parser(
        "blog-comments",
        help=tx("CLI help", "your blog's comments feed: each comment is a reply to you"),
    )
    p.add_argument("url", metavar="URL")
    p.set_defaults(func=add_blog_comments)
    p = action("list", list_, tx("CLI help", "your accounts, their state and last sync"))
    p.add_argument("--json", action="store_true")
    p = action(
        "remove", remove, tx("CLI help", "remove an account (its history stays; its secrets go)")
    )
    p.add_argument("account_id", type=int, metavar="ID")
    p.add_argument(
        "--with-imported",
        action="store_true",
        help=tx("CLI help", "an imported archive: take out everything that came only from it"),
    )
    p = action("export-opml", export_opml, tx("CLI help", "write your feed list to an OPML file"))
    p.add_argument("path", type=Path, metavar="PATH")

    p = command("sync", sync, tx("CLI help", "fetch what is new from every account"))
    p.add_argument("--account", type=int, metavar="ID", help=tx("CLI help", "only this account"))
    p.add_argument("--json", action="store_true")
    p = command("log", log_entry, tx("CLI help", "record an interaction by hand (LinkedIn, X, …)"))
    p.add_argument(
        "person",
        metavar="PERSON",
        help=tx("CLI help", "a person id, or a name (new names are new people)"),
    )
    p.add_argument(
        "--kind", required=True, choices=["share", "quote", "mention", "reply", "like", "follow"]
    )
    p.add_argument("--network", required=True, help=tx("CLI help", "linkedin, x, instagram, …"))
    p.add_argument("--url", help=tx("CLI help", "the post concerned"))
    p.add_argument("--direction", choices=["inbound", "outbound"], default="inbound")
    p = command(
        "import-archive",
        import_archive,
        tx("CLI help", "import a data export (zip) from a closed network"),
    )
    # The archive kinds written out: desktop.connectors is not imported at start-up
    # (test_cli_errors checks that these agree with desktop.connectors.archives.KINDS).
    p.add_argument(
        "network",
        choices=["auto", "facebook", "instagram", "linkedin", "x", "youtube"],
        help=tx("CLI help", "whose export it is; auto: recognise it"),
    )
    p.add_argument("path", type=Path, metavar="PATH.zip")
    p.add_argument(
        "--preview",
        action="store_true",
        help=tx("CLI help", "say what the import would add, and add nothing"),
    )
    p.add_argument("--json", action="store_true", help=tx("CLI help", "print JSON (see README.md)"))
