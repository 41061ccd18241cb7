"""The freedesktop notification service on the session bus, spoken on Qt's event loop.

Why D-Bus is spoken with jeepney and not QtDBus: ``Notify`` takes ``replaces_id`` as a
``uint32`` (signature ``susssasa{sv}i``), and PySide6 has no way to put a ``uint32`` in a
QtDBus message — a Python int always goes out as ``int32`` (``sisssasa{sv}i``), which
GDBus-based servers (dunst, GNOME) and QtDBus-based ones (Plasma) reject. QDBusInterface
would also introspect the service synchronously, with the 25-second default timeout, on
the GUI thread. jeepney (pure Python, installed with ``keyring`` on Linux) writes exactly
the wire types; here its socket is watched by a QSocketNotifier, so replies and the
``ActionInvoked`` signal arrive on Qt's event loop, and a QTimer bounds every call.
"""

from __future__ import annotations

import contextlib
import logging
import os
import weakref
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal, Slot

import desktop

log = logging.getLogger(__name__)

# The notification server (and QIcon, in tray.py) takes a file name.
ICON = desktop.resource("resources", "icons", "reciprocity.svg")

SERVICE = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
INTERFACE = "org.freedesktop.Notifications"
TIMEOUT_MS = 500  # every D-Bus call: a notification that comes late is worse than a balloon
ACTION_KEY = "open-checkin"


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
