"""Notifications: one calm message per sync, through the best channel the desktop has.

The chain (qutebrowser's idea): the freedesktop notification service on the session bus →
the tray icon's balloon → an in-app banner the main window shows. Each step falls back to
the next when it is missing or fails; the D-Bus call has a short timeout and never blocks
the GUI thread.

Why D-Bus is spoken with jeepney and not QtDBus: ``Notify`` takes ``replaces_id`` as a
``uint32`` (signature ``susssasa{sv}i``), and PySide6 has no way to put a ``uint32`` in a
QtDBus message — a Python int always goes out as ``int32`` (``sisssasa{sv}i``), which
GDBus-based servers (dunst, GNOME) and QtDBus-based ones (Plasma) reject. QDBusInterface
would also introspect the service synchronously, with the 25-second default timeout, on
the GUI thread. jeepney (pure Python, installed with ``keyring`` on Linux) writes exactly
the wire types; here its socket is watched by a QSocketNotifier, so replies and the
``ActionInvoked`` signal arrive on Qt's event loop, and a QTimer bounds every call.

Quiet hours and "paused until" are honoured with an injected clock; what is suppressed is
dropped, not queued (the tray badge and the check-in still show who is waiting).
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import weakref
from collections.abc import Callable, Mapping
from datetime import datetime, time
from importlib.resources import as_file, files
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QSocketNotifier, QTimer, Signal, Slot

import desktop
from desktop.ui.clock import local_now, parse_clock_time

if TYPE_CHECKING:  # desktop.app.notices reads the store: SQLAlchemy, imported on first use
    from desktop.app.notices import Notice

log = logging.getLogger(__name__)

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
TIMEOUT_MS = 500  # every D-Bus call: a notification that comes late is worse than a balloon
ACTION_KEY = "open-checkin"
# The notification server (and QIcon, in tray.py) takes a file name: as_file gives the
# installed file itself, or a copy kept until the app exits when the package is zipped.
_RESOURCE_FILES = contextlib.ExitStack()
atexit.register(_RESOURCE_FILES.close)
ICON = _RESOURCE_FILES.enter_context(as_file(files("desktop.resources") / "icons/reciprocity.svg"))


def notify_text():
    """desktop.app.notices, its texts routed through Qt's translator. Imported on first use
    (it reads the store: SQLAlchemy), never before the first window has painted."""
    from desktop.app import notices as texts

    texts.use_translator(_translate)
    return texts


def _translate(text: str, n: int = -1) -> str:
    return QCoreApplication.translate("notify_text", text, None, n)


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


def _close_quietly(conn) -> None:
    with contextlib.suppress(OSError):
        conn.close()


class DBusNotifications(QObject):
    """org.freedesktop.Notifications on a session bus, on Qt's event loop.

    One notification at a time: every call passes the id the server gave the previous one
    as ``replaces_id``, so a new notice replaces the old instead of piling up.
    """

    activated = Signal()  # the user clicked the notification or its "Open check-in" action

    def __init__(
        self,
        address: str | None = None,
        *,
        timeout_ms: int = TIMEOUT_MS,
        app_name: str = desktop.APP_NAME,
        icon: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.address = address  # None: the session bus named in the environment
        self.timeout_ms = timeout_ms
        self.app_name = app_name
        self.icon = icon if icon is not None else (ICON.as_uri() if ICON.exists() else "")
        self.notification_id = 0
        self._conn = None
        self._finalizer: weakref.finalize | None = None
        self._watcher: QSocketNotifier | None = None
        self._calls: dict[int, tuple[QTimer, Callable[[], None], Callable[[str], None]]] = {}

    def available(self) -> bool:
        if not (self.address or os.environ.get("DBUS_SESSION_BUS_ADDRESS")):
            return False
        try:
            import jeepney  # noqa: F401
        except ImportError:
            return False
        return True

    def notify(
        self,
        title: str,
        body: str,
        *,
        action_label: str,
        on_shown: Callable[[], None],
        on_error: Callable[[str], None],
    ) -> None:
        """Send Notify; exactly one of the callbacks runs, on the GUI thread."""
        try:
            conn = self._connection()
            from jeepney import DBusAddress, new_method_call

            message = new_method_call(
                DBusAddress(PATH, bus_name=SERVICE, interface=INTERFACE),
                "Notify",
                "susssasa{sv}i",
                (
                    self.app_name,
                    self.notification_id,
                    self.icon,
                    title,
                    body,
                    ["default", action_label, ACTION_KEY, action_label],
                    {"desktop-entry": ("s", desktop.APP_ID), "urgency": ("y", 1)},
                    -1,
                ),
            )
            serial = next(conn.outgoing_serial)
            conn.send(message, serial=serial)
        except Exception as exc:  # no bus, refused, a dead socket: fall back
            self._disconnect()
            error = f"D-Bus: {exc}"
            QTimer.singleShot(0, lambda: on_error(error))
            return
        # A bound method, not a lambda holding self: a deleted timer must not be what
        # releases the last reference to its parent (PySide would then delete it twice).
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.timeout.connect(self._timed_out)
        timer.start(self.timeout_ms)
        self._calls[serial] = (timer, on_shown, on_error)

    def close(self) -> None:
        """Drop calls still waiting (no fallbacks while quitting) and the connection."""
        for timer, _, _ in self._calls.values():
            timer.stop()
            timer.deleteLater()
        self._calls.clear()
        self._disconnect()

    # -- the connection ---------------------------------------------------------------------

    def _connection(self):
        if self._conn is not None:
            return self._conn
        from jeepney import MatchRule
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        conn = open_dbus_connection(
            bus=self.address or "SESSION", auth_timeout=self.timeout_ms / 1000
        )
        try:
            # Servers that broadcast ActionInvoked need a match rule; the reply is ignored.
            rule = MatchRule(type="signal", interface=INTERFACE, path=PATH)
            conn.send(message_bus.AddMatch(rule))
        except Exception:
            conn.close()
            raise
        watcher = QSocketNotifier(conn.sock.fileno(), QSocketNotifier.Type.Read, self)
        watcher.activated.connect(self._readable)
        self._conn, self._watcher = conn, watcher
        # Closed with this object even if nobody calls close(): no socket is left behind.
        self._finalizer = weakref.finalize(self, _close_quietly, conn)
        return conn

    def _disconnect(self) -> None:
        if self._watcher is not None:
            self._watcher.setEnabled(False)
            self._watcher.deleteLater()
            self._watcher = None
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        if self._conn is not None:
            _close_quietly(self._conn)
            self._conn = None

    @Slot()
    def _readable(self) -> None:
        from jeepney import HeaderFields, MessageType

        while self._conn is not None:
            try:
                message = self._conn.receive(timeout=0)
            except TimeoutError:
                return  # everything that arrived has been read
            except Exception as exc:  # the bus went away
                log.info("D-Bus connection lost: %s", exc)
                calls = list(self._calls)
                self._disconnect()
                for serial in calls:
                    self._finish(serial, error=f"D-Bus connection lost: {exc}")
                return
            header = message.header
            kind = header.message_type
            if kind in (MessageType.method_return, MessageType.error):
                serial = header.fields.get(HeaderFields.reply_serial)
                if serial not in self._calls:
                    continue  # AddMatch's reply, or a call that already timed out
                if kind == MessageType.error:
                    name = header.fields.get(HeaderFields.error_name, "error")
                    detail = message.body[0] if message.body else ""
                    self._finish(serial, error=f"{name}: {detail}".rstrip(": "))
                else:
                    if message.body:
                        self.notification_id = int(message.body[0])
                    self._finish(serial)
            elif (
                kind == MessageType.signal
                and header.fields.get(HeaderFields.interface) == INTERFACE
                and header.fields.get(HeaderFields.member) == "ActionInvoked"
            ):
                nid, key = message.body
                if nid == self.notification_id and key in ("default", ACTION_KEY):
                    self.activated.emit()

    @Slot()
    def _timed_out(self) -> None:
        timer = self.sender()
        for serial, (pending, _, _) in list(self._calls.items()):
            if pending is timer:
                error = f"no answer from {SERVICE} within {self.timeout_ms} ms"
                self._finish(serial, error=error)

    def _finish(self, serial: int, *, error: str | None = None) -> None:
        call = self._calls.pop(serial, None)
        if call is None:
            return
        timer, on_shown, on_error = call
        timer.stop()
        timer.deleteLater()
        if error is None:
            on_shown()
        else:
            on_error(error)


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
        services: Callable[[], object],
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
            notify_text()  # the translator set before the texts are made
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
