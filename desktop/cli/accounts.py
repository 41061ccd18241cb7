"""CLI: accounts (sign in, list, remove, feeds, OPML), sync, manual log, archive import."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli.context import Context, UsageError, emit_json
from desktop.cli.format import ago


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _read_secret_line(what: str) -> str:
    if sys.stdin.isatty():
        import getpass

        value = getpass.getpass(f"{what}: ")
    else:
        value = sys.stdin.readline()
    value = value.strip()
    if not value:
        raise UsageError(f"no {what.lower()} was given on standard input")
    return value


# --- accounts add ----------------------------------------------------------------------


def add_mastodon(context: Context, args: Namespace) -> int:
    services = context.services()
    try:
        services.check_instance(args.instance)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    services.secrets()  # a missing or locked keyring says so before anything is asked
    if args.token_stdin:
        token = _read_secret_line("Access token")
        view = services.mastodon_with_token(args.instance, token)
    else:
        pending = services.mastodon_begin(args.instance)
        _say(
            f"Approve Reciprocity on {pending.instance} in your browser:\n  {pending.authorize_url}"
        )
        if sys.stdin.isatty():
            import webbrowser

            webbrowser.open(pending.authorize_url)
            _say("Then paste the code it shows you here.")
        code = _read_secret_line("Authorization code")
        view = services.mastodon_finish(pending, code)
    print(f"Signed in to {view.server_url} as {view.handle} (account #{view.id}).")
    return 0


def add_bluesky(context: Context, args: Namespace) -> int:
    if not args.app_password_stdin:
        raise UsageError(
            "give the app password on standard input with --app-password-stdin "
            "(make one in Bluesky: Settings → Privacy and security → App passwords)"
        )
    services = context.services()
    services.secrets()  # a missing or locked keyring says so before the password is read
    password = _read_secret_line("App password")
    view = services.bluesky_sign_in(args.handle, password, args.service)
    print(f"Signed in to Bluesky as {view.handle} (account #{view.id}).")
    return 0


def add_feed(context: Context, args: Namespace) -> int:
    from desktop.core.errors import InvalidRequest

    result = context.services().add_feeds([args.url])
    if result.invalid:
        raise InvalidRequest(result.invalid[0][1])
    if result.added:
        print(f"Added the feed {result.added[0]}.")
    else:
        print(f"Already following {result.existing[0]}.")
    return 0


def add_blog_comments(context: Context, args: Namespace) -> int:
    view, created = context.services().add_blog_comments_feed(args.url)
    print(
        f"Comments on {view.display_name} will count as replies (account #{view.id})."
        if created
        else f"Already reading comments from {view.handle}."
    )
    return 0


def add_opml(context: Context, args: Namespace) -> int:
    from desktop.core.errors import InvalidRequest

    try:
        result = context.services().import_opml(args.path)
    except InvalidRequest as exc:
        raise UsageError(str(exc)) from None
    print(f"Imported {result.total} feeds from {args.path} ({result.added} new).")
    return 0


def export_opml(context: Context, args: Namespace) -> int:
    count = context.services().export_opml(args.path)
    print(f"Wrote {count} feeds to {args.path}.")
    return 0


# --- accounts list / remove -----------------------------------------------------------------


def list_(context: Context, args: Namespace) -> int:
    views = context.services().accounts()
    if args.json:
        emit_json([v.as_json() for v in views])
        return 0
    if not views:
        print("No accounts yet. Add one with: reciprocity accounts add mastodon --instance …")
        return 0
    from desktop.core.vocabulary import AccountState  # not at start-up: desktop.core is heavy

    for v in views:
        state = {
            AccountState.OK: "ok",
            AccountState.NEEDS_SIGNIN: "needs sign-in",
            AccountState.ERROR: "error",
            AccountState.RATE_LIMITED: "rate limited",
        }.get(v.state, v.state)
        if v.state == AccountState.RATE_LIMITED and v.retry_at:
            state += f" until {v.retry_at.astimezone().strftime('%H:%M')}"
        extra = f", {v.feeds} feeds" if v.feeds else ""
        print(
            f"#{v.id:<4} {v.network:<9} {v.handle:<34} {state:<14} "
            f"synced {ago(v.last_sync_at)}{extra}"
        )
        if v.last_error:
            print(f"      last error: {v.last_error}")
    return 0


def remove(context: Context, args: Namespace) -> int:
    view = context.services().remove_account(args.account_id)
    print(f"Removed {view.handle}; its history stays in the ledger.")
    return 0


# --- sync ------------------------------------------------------------------------------


def sync(context: Context, args: Namespace) -> int:
    services = context.services()
    if not services.syncable(args.account):
        if args.account is not None:
            raise UsageError(f"account {args.account} does not sync (manual or archive)")
        _say("No accounts to sync yet. Add one with: reciprocity accounts add …")
        if args.json:
            emit_json([])
        return 0

    def progress(report: Any, page: Any) -> None:
        _say(
            f"{report.label}: page {report.pages} ({page.stream}): "
            f"{report.new} new, {report.known} already known"
        )

    reports = services.sync_all(account_id=args.account, progress=progress, announce=_say)
    failed = [r for r in reports if not r.ok]
    if args.json:
        emit_json([r.as_json() for r in reports])
    else:
        for r in reports:
            skipped = sum(r.skipped.values())
            tail = f", {skipped} skipped" if skipped else ""
            status = "ok" if r.ok else f"FAILED: {r.error}"
            print(
                f"{r.label}: {r.new} new, {r.known} already known, "
                f"{r.candidates_new} links{tail} — {status}"
            )
            for warning in r.warnings[:5]:
                print(f"  warning: {warning}")
            if len(r.warnings) > 5:
                print(f"  … and {len(r.warnings) - 5} more warnings (see the log)")
    for r in failed:
        _say(f"reciprocity: {r.label} did not sync: {r.error}")
    return 1 if failed else 0


# --- manual entries and archives -----------------------------------------------------------


def log_entry(context: Context, args: Namespace) -> int:
    person_id, created = context.services().log_interaction(
        args.person,
        kind=args.kind,
        network=args.network,
        url=args.url or "",
        direction=args.direction,
    )
    who = f"new person #{person_id}" if created else f"person #{person_id}"
    print(f"Logged a {args.direction} {args.kind} on {args.network} for {who}.")
    return 0


def import_archive(context: Context, args: Namespace) -> int:
    result = context.services().import_archive(args.network, args.path)
    print(f"Imported {result.new} interactions from the X archive ({result.known} already known).")
    for warning in result.warnings:
        print(f"  warning: {warning}")
    return 0


def register(sub: Any, command: Callable[..., ArgumentParser]) -> None:
    """Add the account and sync commands to the main parser."""
    accounts = sub.add_parser(
        "accounts", help="your accounts and feeds", description="your accounts and feeds"
    )
    asub = accounts.add_subparsers(
        dest="accounts_command", metavar="ACTION", required=True, parser_class=type(accounts)
    )

    def action(name: str, func: Callable[..., int], help_text: str) -> ArgumentParser:
        p: ArgumentParser = asub.add_parser(name, help=help_text, description=help_text)
        p.set_defaults(func=func)
        return p

    add = asub.add_parser(
        "add", help="add an account or a feed", description="add an account or a feed"
    )
    kinds = add.add_subparsers(
        dest="kind", metavar="KIND", required=True, parser_class=type(accounts)
    )
    p = kinds.add_parser("mastodon", help="sign in to a Mastodon server")
    p.add_argument("--instance", required=True, metavar="URL")
    p.add_argument(
        "--token-stdin",
        action="store_true",
        help="read an access token made in the server's settings from stdin",
    )
    p.set_defaults(func=add_mastodon)
    p = kinds.add_parser("bluesky", help="sign in to Bluesky with an app password")
    p.add_argument("--handle", required=True)
    p.add_argument("--service", metavar="URL", help="your PDS (default https://bsky.social)")
    p.add_argument("--app-password-stdin", action="store_true")
    p.set_defaults(func=add_bluesky)
    p = kinds.add_parser("feed", help="follow an RSS, Atom or JSON feed")
    p.add_argument("url", metavar="URL")
    p.set_defaults(func=add_feed)
    p = kinds.add_parser("opml", help="follow every feed in an OPML file")
    p.add_argument("path", type=Path, metavar="PATH")
    p.set_defaults(func=add_opml)
    p = kinds.add_parser(
        "blog-comments", help="your blog's comments feed: each comment is a reply to you"
    )
    p.add_argument("url", metavar="URL")
    p.set_defaults(func=add_blog_comments)
    p = action("list", list_, "your accounts, their state and last sync")
    p.add_argument("--json", action="store_true")
    p = action("remove", remove, "remove an account (its history stays; its secrets go)")
    p.add_argument("account_id", type=int, metavar="ID")
    p = action("export-opml", export_opml, "write your feed list to an OPML file")
    p.add_argument("path", type=Path, metavar="PATH")

    p = command("sync", sync, "fetch what is new from every account")
    p.add_argument("--account", type=int, metavar="ID", help="only this account")
    p.add_argument("--json", action="store_true")
    p = command("log", log_entry, "record an interaction by hand (LinkedIn, X, …)")
    p.add_argument(
        "person", metavar="PERSON", help="a person id, or a name (new names are new people)"
    )
    p.add_argument(
        "--kind", required=True, choices=["share", "quote", "mention", "reply", "like", "follow"]
    )
    p.add_argument("--network", required=True, help="linkedin, x, instagram, …")
    p.add_argument("--url", help="the post concerned")
    p.add_argument("--direction", choices=["inbound", "outbound"], default="inbound")
    p = command("import-archive", import_archive, "import an archive from a closed network")
    p.add_argument("network", choices=["x"])
    p.add_argument("path", type=Path, metavar="PATH.zip")
