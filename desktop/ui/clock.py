"""Wall-clock helpers the tray, the scheduler and the notices share (local, aware times)."""

from __future__ import annotations

from datetime import date, datetime, time


def local_now() -> datetime:
    return datetime.now().astimezone()


def parse_clock_time(value) -> time | None:
    """ "22:00" → time(22, 0); None or anything unreadable → None."""
    if isinstance(value, time):
        return value
    try:
        return time.fromisoformat(str(value))
    except ValueError:
        return None


def tomorrow_at(now: datetime, at: time) -> datetime:
    """The next day's ``at`` in ``now``'s time zone (for "pause until tomorrow")."""
    day = date.fromordinal(now.date().toordinal() + 1)
    return datetime.combine(day, at, tzinfo=now.tzinfo)
