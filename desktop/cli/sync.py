"""CLI: ``sync`` — every account (or one) at once, sources done of how many on stderr, a
line per account on stdout (or --json)."""

from __future__ import annotations

import sys
import time
from argparse import Namespace
from collections.abc import Callable
from typing import Any

from desktop.cli.context import Context, UsageError, emit_json
from desktop.core.i18n import PLURAL, fill, tx


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def sync(context: Context, args: Namespace) -> int:
    services = context.services()
    if not services.syncable(args.account):
        if args.account is not None:
            raise UsageError(
                fill(tx("CLI", "account %1 does not sync (manual or archive)"), args.account)
            )
        _say(tx("CLI", "No accounts to sync yet. Add one with: reciprocity accounts add …"))
        if args.json:
            emit_json([])
        return 0

    def progress(report: Any, page: Any) -> None:
        if page.stream.startswith("feed:"):
            return  # feeds are counted instead: a line each would be hundreds of lines
        said = tx("CLI", "%1: page %2 (%3): %4 new, %5 already known")
        _say(fill(said, report.label, report.pages, page.stream, report.new, report.known))

    reports = services.sync_all(
        account_id=args.account, progress=progress, announce=_say, counts=_counted()
    )
    failed = [r for r in reports if not r.ok]
    if args.json:
        emit_json([r.as_json() for r in reports])
    else:
        for r in reports:
            print(_sync_line(r))
            for warning in r.warnings[:5]:
                print("  " + fill(tx("CLI", "warning: %1"), warning))
            more = len(r.warnings) - 5
            if more == 1:
                print("  " + tx("CLI", "… and 1 more warning (see the log)"))
            elif more > 1:
                print("  " + tx("CLI", "… and %n more warnings (see the log)", None, PLURAL, more))
    for r in failed:
        _say("reciprocity: " + fill(tx("CLI", "%1 did not sync: %2"), r.label, r.error))
    return 1 if failed else 0


def _counted(every: float = 1.0) -> Callable[[Any], None]:
    """Sources done of how many on stderr: the first count, then at most one line a second,
    and the last ("Syncing 312 of 312 feeds…")."""
    from desktop.app.sync_progress import syncing

    said = [-1.0]  # when the last line was said (time.monotonic)

    def heard(counts: Any) -> None:
        now = time.monotonic()
        if said[0] < 0 or counts.done == counts.total or now - said[0] >= every:
            said[0] = now
            _say(syncing(counts))

    return heard


def _sync_line(r: Any) -> str:
    """One account's sync in a line: what came, and whether it worked."""
    if r.elsewhere:  # another member's app was syncing it: nothing was done here
        return str(r.elsewhere)
    skipped = sum(r.skipped.values())
    status = tx("CLI", "ok") if r.ok else fill(tx("CLI", "FAILED: %1"), r.error)
    if skipped:
        said = tx("CLI", "%1: %2 new, %3 already known, %4 links, %5 skipped — %6")
        return fill(said, r.label, r.new, r.known, r.candidates_new, skipped, status)
    said = tx("CLI", "%1: %2 new, %3 already known, %4 links — %5")
    return fill(said, r.label, r.new, r.known, r.candidates_new, status)
