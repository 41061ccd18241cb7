"""`reciprocity`: the headless surface. A stable contract: scripts, cron and tests drive it.

Errors are one line on stderr: exit 2 for usage, 1 for anything else. Tracebacks go only to
the log file in the data dir.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import desktop
from desktop.cli.context import EXIT_ERROR, EXIT_OK, EXIT_USAGE, Context
from desktop.core.i18n import PLURAL, fill, tx
from desktop.platform import paths

log = logging.getLogger("desktop.cli")


class Parser(argparse.ArgumentParser):
    """argparse prints the whole usage on errors; users get one clear line instead."""

    def error(self, message: str) -> NoReturn:
        self.exit(
            EXIT_USAGE, fill(tx("CLI", "%1: error: %2 (see %1 --help)"), self.prog, message) + "\n"
        )


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            fill(tx("CLI", "%1 is not a date like 2026-12-31"), repr(value))
        ) from None


def positive_int(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            fill(tx("CLI", "%1 is not a whole number"), repr(value))
        ) from None
    if number <= 0:
        raise argparse.ArgumentTypeError(fill(tx("CLI", "%1 must be greater than 0"), repr(value)))
    return number


def build_parser() -> Parser:
    from desktop.cli import commands
    from desktop.cli.doctor import doctor as doctor_command

    parser = Parser(
        prog="reciprocity",
        description=tx(
            "CLI help",
            "Who to thank and what to share, once a day. With no command, opens the desktop app.",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"%(prog)s {desktop.__version__}",
        help=tx("CLI help", "show the version and exit"),
    )
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help=tx(
            "CLI help",
            "where the store and logs live (default: $RECIPROCITY_HOME or the user data dir)",
        ),
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help=tx("CLI help", "log debug details")
    )
    menu = parser.add_mutually_exclusive_group()
    menu.add_argument(
        "--install-desktop",
        action="store_true",
        help=tx(
            "CLI help",
            "put Reciprocity in the desktop's menu (its entry, icon and metadata under"
            " ~/.local/share) and exit",
        ),
    )
    menu.add_argument(
        "--uninstall-desktop",
        action="store_true",
        help=tx("CLI help", "take Reciprocity out of the desktop's menu again and exit"),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, func: Callable[..., int], help: str, **kw: Any) -> Parser:
        p = sub.add_parser(name, help=help, description=help, **kw)
        p.set_defaults(func=func)
        return p

    def with_json(p: Parser) -> Parser:
        p.add_argument(
            "--json", action="store_true", help=tx("CLI help", "print JSON (see README.md)")
        )
        return p

    command("gui", commands.gui, tx("CLI help", "open the desktop app"))
    command(
        "checkin",
        commands.checkin,
        tx("CLI help", "open today's check-in (in the running app if any)"),
    )
    p = command(
        "demo", commands.demo, tx("CLI help", "fill an empty store with realistic demo data")
    )
    p.add_argument(
        "--people", type=positive_int, default=60, help=tx("CLI help", "how many people (60)")
    )
    p.add_argument("--seed", type=int, default=7, help=argparse.SUPPRESS)
    with_json(
        command(
            "status",
            commands.status,
            tx("CLI help", "counts: pending, candidates, people, accounts"),
        )
    )
    with_json(
        command("pending", commands.pending, tx("CLI help", "who to thank, most important first"))
    )
    p = with_json(command("people", commands.people, tx("CLI help", "everyone in the ledger")))
    p.add_argument(
        "--search", metavar="TEXT", help=tx("CLI help", "names or handles starting with TEXT")
    )
    p.add_argument("--limit", type=positive_int, help=tx("CLI help", "show at most N people"))
    p = with_json(command("person", commands.person, tx("CLI help", "one person's ledger")))
    p.add_argument("person_id", type=int, metavar="PERSON_ID")
    p = with_json(
        command(
            "supporters",
            commands.supporters,
            tx("CLI help", "supporters who haven't heard from you"),
        )
    )
    p.add_argument(
        "--days", type=positive_int, help=tx("CLI help", "window in days (setting, default 30)")
    )
    p = with_json(
        command("candidates", commands.candidates, tx("CLI help", "what to share, best first"))
    )
    p.add_argument("--limit", type=positive_int, default=20, help=tx("CLI help", "at most N (20)"))
    p.add_argument(
        "--state",
        # CandidateState's words written out: desktop.core is not imported at start-up
        # (test_cli_errors checks that these agree with the vocabulary).
        choices=["new", "saved", "shared", "skipped", "open", "all"],
        default="open",
        help=tx("CLI help", "which candidates: open = new and saved (default)"),
    )
    p = command(
        "thank", commands.thank, tx("CLI help", "mark a person thanked for all that is pending")
    )
    p.add_argument("person_id", type=int, metavar="PERSON_ID")
    p.add_argument(
        "--how", choices=["reply", "like", "share", "message", "offline"], default="reply"
    )
    p.add_argument(
        "--text", default="", help=tx("CLI help", "what you said (with --send: what to post)")
    )
    p.add_argument(
        "--send",
        action="store_true",
        help=tx(
            "CLI help",
            "post the thank-you (the draft, or --text) through the network, then mark thanked",
        ),
    )
    p = command(
        "dismiss", commands.dismiss, tx("CLI help", "let a person's pending interactions be")
    )
    p.add_argument("person_id", type=int, metavar="PERSON_ID")
    p = command(
        "snooze",
        commands.snooze,
        tx("CLI help", "hide a person from the pending list until a date"),
    )
    p.add_argument("person_id", type=int, metavar="PERSON_ID")
    p.add_argument("--until", type=iso_date, required=True, metavar="YYYY-MM-DD")
    p = command(
        "merge",
        commands.merge,
        tx("CLI help", "make two people one (identities and ledger combine)"),
    )
    p.add_argument("person_id", type=int, metavar="PERSON_ID")
    p.add_argument("other_id", type=int, metavar="OTHER_ID")
    p = command(
        "interests", commands.interests, tx("CLI help", "show or set your interest keywords")
    )
    p.add_argument("action", choices=["show", "set", "clear"], nargs="?", default="show")
    p.add_argument("words", nargs="*", metavar="WORD")
    p = command(
        "settings",
        commands.settings,
        tx("CLI help", "show or change a setting kept with the data"),
    )
    p.add_argument("key", nargs="?")
    p.add_argument("value", nargs="?", help=tx("CLI help", "a JSON value, e.g. true or 30"))
    from desktop.cli import accounts as account_commands

    account_commands.register(sub, command)
    from desktop.cli import drafts as draft_commands

    draft_commands.register(sub, command)
    from desktop.cli import store as store_commands

    store_commands.register(sub, command)
    from desktop.cli import search as search_commands

    search_commands.register(sub, command, iso_date)
    p = with_json(
        command(
            "doctor",
            doctor_command,
            tx("CLI help", "check that this installation has everything it needs"),
        )
    )
    p.add_argument(
        "--window",
        action="store_true",
        help=tx("CLI help", "also open the main window on the data dir, then close it"),
    )
    p.add_argument(
        "--keyring",
        action="store_true",
        help=tx("CLI help", "also write, read and delete a test secret in the keyring"),
    )
    p = command(
        "export", commands.export, tx("CLI help", "write everything but secrets to a JSON file")
    )
    p.add_argument("path", type=Path, metavar="PATH")
    p = command("import", commands.import_, tx("CLI help", "load an export into an empty store"))
    p.add_argument("path", type=Path, metavar="PATH")
    return parser


def main(argv: list[str] | None = None) -> int:
    from desktop.cli.language import speak

    speak(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "interests" and args.action != "set" and args.words:
            parser.error(tx("CLI", "interests: words are only given with 'set'"))
    except SystemExit as exc:  # --help, --version and usage errors: an exit code, as promised
        if exc.code is None:
            return EXIT_OK
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    if args.install_desktop or args.uninstall_desktop:
        return desktop_menu(install=args.install_desktop)
    try:
        directory = paths.data_dir(args.data_dir)
        context = Context(
            data_dir=directory,
            database_url=paths.database_url(directory, explicit_dir=bool(args.data_dir)),
        )
        from desktop.platform.logs import setup_logging

        paths.ensure_private_dir(directory)
        context.log_file = setup_logging(paths.log_dir(directory), verbose=args.verbose)
    except OSError as exc:
        print(
            "reciprocity: " + fill(tx("CLI", "cannot use the data dir: %1"), exc), file=sys.stderr
        )
        return EXIT_ERROR
    func = getattr(args, "func", None)
    if func is None:
        from desktop.cli import commands

        func = commands.gui
    try:
        return func(context, args) or EXIT_OK
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader went away (e.g. `| head`): not an error worth a word
        return EXIT_OK
    except Exception as exc:
        return report(exc, context)
    finally:
        context.close()


def desktop_menu(*, install: bool) -> int:
    """--install-desktop / --uninstall-desktop: no data dir, no store."""
    from desktop.platform import autostart, desktop_entry

    try:
        files = desktop_entry.install() if install else desktop_entry.uninstall()
    except OSError as exc:
        print("reciprocity: " + fill(tx("CLI", "cannot change the menu: %1"), exc), file=sys.stderr)
        return EXIT_ERROR
    home = desktop_entry.data_home()
    count = len(files)
    if install:
        command = autostart.launch_command()[0]
        print(
            fill(
                tx("CLI", "In the menu now: %n files under %1, starting %2.", None, PLURAL, count),
                home,
                command,
            )
        )
    elif files:
        print(
            fill(tx("CLI", "Out of the menu: %n files removed from %1.", None, PLURAL, count), home)
        )
    else:
        print(fill(tx("CLI", "Nothing to remove: Reciprocity was not in the menu under %1."), home))
    return EXIT_OK


def report(exc: Exception, context: Context) -> int:
    from desktop.cli.errors import exit_message

    message, code = exit_message(exc)
    if message is None:
        log.exception("unexpected error")
        message = fill(
            tx("CLI", "unexpected error (%1: %2); details in %3"),
            type(exc).__name__,
            exc,
            context.log_file,
        )
    else:
        log.info("command failed: %s", message)
    # One line, always: some exceptions (SQLAlchemy's) carry the statement on further lines.
    first_line = next((line for line in message.splitlines() if line.strip()), "").strip()
    print(f"reciprocity: {first_line}", file=sys.stderr)
    return code
