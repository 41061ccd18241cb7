"""Notifications: one calm message per sync, through the best channel the desktop has.

The chain (qutebrowser's idea): the freedesktop notification service on the session bus →
the tray icon's balloon → an in-app banner the main window shows. Each step falls back to
the next when it is missing or fails; the D-Bus call has a short timeout and never blocks
the GUI thread.

The D-Bus side (and why it is spoken with jeepney) is in dbus_notifications.py.

Quiet hours and "paused until" are honoured with an injected clock; what is suppressed is
dropped, not queued (the tray badge and the check-in still show who is waiting).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from desktop.ui.clock import local_now, parse_clock_time
from desktop.ui.platform.dbus_notifications import DBusNotifications

if TYPE_CHECKING:  # desktop.app.notices reads the store: SQLAlchemy, imported on first use
    from desktop.app.notices import Notice
    from desktop.app.services import Services

log = logging.getLogger(__name__)


def notify_text():
    """desktop.app.notices, imported on first use (it reads the store: SQLAlchemy), never
    before the first window has painted. Its texts speak through desktop.core.i18n.tx, which
    the window's translator serves: nothing to plug in here."""
    from desktop.app import notices as texts

    return texts


def parse_quiet_hours(value) -> tuple[time, time] | None:
    """The quiet_hours setting (["22:00", "08:00"]) as two times; None when off."""
    if not value or len(value) != 2:
        return None
    start, end = parse_clock_time(value[0]), parse_clock_time(value[1])
    if start is None or end is None or start == end:
        return None
    return start, end


def in_quiet_hours(moment: time, quiet: tuple[time, time] | None) -> bool:
    """Is ``moment`` inside [start, end)? The span may cross midnight (22:00–08:00)."""
    if quiet is None:
        return False
    start, end = quiet
    moment = moment.replace(tzinfo=None)
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def parse_moment(value) -> datetime | None:
    """An ISO date-time from the settings, made aware (naive values are local time)."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        moment = value
    else:
        try:
            moment = datetime.fromisoformat(str(value))
        except ValueError:
            log.warning("ignoring unreadable date-time %r", value)
            return None
    return moment if moment.tzinfo else moment.astimezone()


class Notifier(QObject):
    """One notification per call, through D-Bus, else the tray balloon, else a banner."""

    activated = Signal()  # clicked (or its action): the app opens the check-in
    banner = Signal(str)  # the in-app fallback: the main window shows this text
    delivered = Signal(str)  # "dbus", "balloon" or "banner": where the last one went
    suppressed = Signal(str)  # "disabled", "quiet hours" or "paused"
    paused_changed = Signal(object)  # datetime or None: the app saves it, the tray shows it

    def __init__(
        self,
        *,
        dbus: DBusNotifications | None = None,
        tray=None,
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.now = now
        self.dbus = dbus
        self.tray = tray  # a platform.tray.Tray (or None): its balloon is the second step
        self.enabled = True
        self.quiet_hours: tuple[time, time] | None = (time(22, 0), time(8, 0))
        self.paused_until: datetime | None = None
        if dbus is not None:
            dbus.activated.connect(self.activated)
        if tray is not None:
            tray.message_clicked.connect(self.activated)

    # -- settings ---------------------------------------------------------------------------

    def apply_settings(self, settings: Mapping) -> None:
        """Take "notifications", "quiet_hours" and "notifications_paused_until"."""
        if "notifications" in settings:
            self.enabled = bool(settings["notifications"])
        if "quiet_hours" in settings:
            self.quiet_hours = parse_quiet_hours(settings["quiet_hours"])
        if "notifications_paused_until" in settings:
            self._set_paused(parse_moment(settings["notifications_paused_until"]))

    def pause(self, until: datetime | None) -> None:
        """Pause until a moment; None resumes."""
        self._set_paused(parse_moment(until))

    def _set_paused(self, until: datetime | None) -> None:
        if until != self.paused_until:
            self.paused_until = until
            self.paused_changed.emit(until)

    def is_paused(self) -> bool:
        if self.paused_until is None:
            return False
        if self.now() < self.paused_until:
            return True
        self._set_paused(None)  # the pause ran out
        return False

    def reason_to_stay_silent(self) -> str | None:
        if not self.enabled:
            return "disabled"
        if self.is_paused():
            return "paused"
        if in_quiet_hours(self.now().time(), self.quiet_hours):
            return "quiet hours"
        return None

    # -- sending ----------------------------------------------------------------------------

    def notify(self, notice: Notice | None) -> bool:
        """Show ``notice`` unless notifications are off, paused or in quiet hours.

        Returns whether it is on its way; ``delivered`` says where it went.
        """
        if notice is None:
            return False
        reason = self.reason_to_stay_silent()
        if reason is not None:
            log.info("notification not shown: %s", reason)
            self.suppressed.emit(reason)
            return False
        if self.dbus is not None and self.dbus.available():
            self.dbus.notify(
                notice.title,
                notice.body,
                action_label=self.tr("Open check-in"),
                on_shown=lambda: self.delivered.emit("dbus"),
                on_error=lambda error: self._fall_back(notice, error),
            )
        else:
            self._fall_back(notice, "no D-Bus session bus")
        return True

    def _fall_back(self, notice: Notice, why: str) -> None:
        log.info("notification service unavailable (%s); falling back", why)
        if self.tray is not None and self.tray.show_message(notice.title, notice.body):
            self.delivered.emit("balloon")
            return
        self.banner.emit(notice.body)
        self.delivered.emit("banner")

    def close(self) -> None:
        if self.dbus is not None:
            self.dbus.close()


class SyncNotices(QObject):
    """After each sync: the new interactions of all its accounts become one notice.

    The sentence is made on a worker (it reads the store); the settings are read in the same
    unit of work, so quiet hours and pauses are current.
    """

    def __init__(
        self,
        notifier: Notifier,
        tasks,
        services: Callable[[], Services],
        parent: QObject | None = None,
    ) -> None:
        # No parent by default: ``services`` often refers back to its owner, and a Python
        # attribute cycle is collectable where one through a Qt parent is not.
        super().__init__(parent)
        self.notifier = notifier
        self.tasks = tasks
        self.services = services  # the current Services (the app swaps stores for the demo)

    @Slot(object)
    def sync_finished(self, reports) -> None:
        ids = [i for report in reports for i in getattr(report, "new_interaction_ids", ())]
        if not ids:
            return
        services = self.services()

        def work():
            return services.new_support(ids)

        self.tasks.run(work, self._summarized, self._failed)

    def _summarized(self, result) -> None:
        notice, settings = result
        self.notifier.apply_settings(settings)
        self.notifier.notify(notice)

    def _failed(self, exc: Exception) -> None:
        log.warning("could not summarize the new interactions: %s", exc)


__all__ = [
    "DBusNotifications",
    "Notifier",
    "SyncNotices",
    "in_quiet_hours",
    "parse_quiet_hours",
]
