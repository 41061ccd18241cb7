"""`reciprocity doctor`: what this installation has, check by check (desktop.app.doctor,
desktop.ui.doctor). Exit 1 if anything is missing."""

from __future__ import annotations

import os
import time
from argparse import Namespace

from desktop.cli.context import EXIT_ERROR, EXIT_OK, Context, emit_json
from desktop.core.i18n import tx

_IMPORTED = time.monotonic()


def since_process_start() -> float:
    """Seconds since this process was started (exec'd), from /proc: what a user waits for,
    the bundle's own unpacking and the interpreter's start-up included. Elsewhere: since
    this module was imported."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        started = int(fields[19]) / os.sysconf("SC_CLK_TCK")  # starttime, since boot
        return time.clock_gettime(time.CLOCK_BOOTTIME) - started
    except (OSError, ValueError, IndexError, AttributeError):
        return time.monotonic() - _IMPORTED


def doctor(context: Context, args: Namespace) -> int:
    from desktop.app.doctor import checks
    from desktop.ui.doctor import qt_checks, window_check

    # The window first, so its times are the app's own start-up (shown last, with them).
    window = window_check(context, since_process_start) if args.window else None
    results = list(checks(keyring_roundtrip=args.keyring))
    results += qt_checks(context, window=window is not None)
    if window is not None:
        results.append(window)
    if args.json:
        emit_json([check.as_json() for check in results])
    else:
        for check in results:
            mark = tx("Doctor", "ok") if check.ok else tx("Doctor", "MISSING")
            where = f"  [{check.path}]" if check.path else ""
            print(f"{mark:8} {check.name}: {check.detail}{where}")
    return EXIT_OK if all(check.ok for check in results) else EXIT_ERROR
