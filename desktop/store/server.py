"""How a desktop app talks to a team's PostgreSQL server (team mode): a small pool, and limits
on both ends so that nothing waits forever on a server that went away or a stuck query.

A laptop suspends, Wi-Fi drops, a teammate's app freezes mid-transaction: without limits a
worker would wait on a dead TCP connection for the kernel's two hours, and a transaction
left open would hold its row locks for everyone. So connections are tested before use and
recycled, TCP keepalives notice a silent server within a minute, and the server ends any
statement that runs too long and any transaction left idle.
"""

from __future__ import annotations

from typing import Any

CONNECT_TIMEOUT_S = 10
# A statement longer than this is stuck, not slow: the longest ones (a page of a store
# copy, the archive search) take well under a second on a three-year store. Migrations
# set their own limits (store.locks).
STATEMENT_TIMEOUT_MS = 120_000
# A transaction idle this long belongs to an app that froze or lost its network.
IDLE_IN_TRANSACTION_MS = 300_000
# One writer at a time, a reader or two (the pages' workers), the sync's own: a handful.
POOL = {"pool_size": 4, "max_overflow": 6, "pool_timeout": 30, "pool_recycle": 1800}
KEEPALIVES: dict[str, Any] = {
    "keepalives": 1,
    "keepalives_idle": 30,
    "keepalives_interval": 10,
    "keepalives_count": 3,
}


def connect_args(query: dict[str, Any] | None = None) -> dict[str, Any]:
    """psycopg's connection arguments; what the URL says itself (``query``) wins."""
    given = query or {}
    args: dict[str, Any] = {"connect_timeout": CONNECT_TIMEOUT_S, **KEEPALIVES}
    if "options" not in given:
        args["options"] = (
            f"-c statement_timeout={STATEMENT_TIMEOUT_MS}"
            f" -c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS}"
        )
    return {key: value for key, value in args.items() if key not in given}
