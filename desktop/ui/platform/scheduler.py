"""When to sync and when to check in — aimed at wall-clock times, for laptops.

A laptop sleeps: a QTimer set for "in 15 minutes" or "at 09:00" stops counting while it
does, and wakes up late or never. So nothing here waits for a long timer. A short re-check
(every minute; injectable, so tests use milliseconds) compares the clock with what is due:

- ``sync_due`` once shortly after start (~2 s, once the window is up), then whenever the
  sync interval (setting ``sync_interval_minutes``, default 15) has passed since the last
  sync — after a suspend that is one sync, not one per missed interval. A sync the user
  started by hand counts too (:meth:`Scheduler.sync_started`).
- ``checkin_due(date)`` once a day, at the check-in time (setting ``checkin_time``,
  "09:00") or at the first re-check after it — so it catches up after sleep, or when the
  app starts later in the day — and never twice for the same date. The caller stores the
  date it is given and passes it back next start (``last_checkin``). Whether to remind
  (only when someone is pending) is the caller's decision.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from desktop.ui.clock import local_now, parse_clock_time

log = logging.getLogger(__name__)

RECHECK_MS = 60_000
FIRST_SYNC_MS = 2_000
DEFAULT_INTERVAL = 15
DEFAULT_CHECKIN = time(9, 0)


class Scheduler(QObject):
    sync_due = Signal()
    checkin_due = Signal(object)  # the date it is for

    def __init__(
        self,
        *,
        clock: Callable[[], datetime] = local_now,
        sync_interval_minutes: int = DEFAULT_INTERVAL,
        checkin_time: time = DEFAULT_CHECKIN,
        last_checkin: date | None = None,
        first_sync_ms: int = FIRST_SYNC_MS,
        recheck_ms: int = RECHECK_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.interval = timedelta(minutes=max(1, sync_interval_minutes))
        self.checkin_time = checkin_time
        self.last_checkin = last_checkin
        self.last_sync: datetime | None = None
        self._first = QTimer(self)
        self._first.setSingleShot(True)
        self._first.setInterval(first_sync_ms)
        self._first.timeout.connect(self._first_sync)
        self._tick = QTimer(self)
        self._tick.setInterval(recheck_ms)
        self._tick.setTimerType(Qt.TimerType.CoarseTimer)
        self._tick.timeout.connect(self.check)

    # -- control ----------------------------------------------------------------------------

    def start(self) -> None:
        self._first.start()
        self._tick.start()

    def stop(self) -> None:
        self._first.stop()
        self._tick.stop()

    def is_running(self) -> bool:
        return self._tick.isActive()

    def configure(self, settings: Mapping) -> None:
        """Take "sync_interval_minutes" and "checkin_time" from the settings."""
        minutes = settings.get("sync_interval_minutes")
        if isinstance(minutes, int | float) and not isinstance(minutes, bool) and minutes >= 1:
            self.interval = timedelta(minutes=minutes)
        at = parse_clock_time(settings.get("checkin_time")) if "checkin_time" in settings else None
        if at is not None:
            self.checkin_time = at

    def sync_started(self, at: datetime | None = None) -> None:
        """A sync ran (by hand or scheduled): the next one is an interval from now."""
        self.last_sync = at or self.clock()
        self._first.stop()

    def next_sync_at(self) -> datetime | None:
        return None if self.last_sync is None else self.last_sync + self.interval

    # -- the re-check -----------------------------------------------------------------------

    @Slot()
    def check(self) -> None:
        now = self.clock()
        due = self.next_sync_at()
        if due is not None and now >= due:
            self._emit_sync(now)
        today = now.date()
        if self.last_checkin != today and now.time().replace(tzinfo=None) >= self.checkin_time:
            if self.last_checkin is not None and self.last_checkin > today:
                return  # the clock went back across midnight: that day is done already
            self.last_checkin = today
            log.info("check-in due for %s", today)
            self.checkin_due.emit(today)

    @Slot()
    def _first_sync(self) -> None:
        if self.last_sync is None:
            self._emit_sync(self.clock())

    def _emit_sync(self, now: datetime) -> None:
        self.last_sync = now
        self.sync_due.emit()


__all__ = ["Scheduler"]
