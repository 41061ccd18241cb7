"""A private D-Bus session bus and a fake XDG desktop portal on it, for the Flatpak
start-at-login path (desktop/platform/background_portal.py).

`private_bus(tmp_path)` starts our own dbus-daemon, never the user's session bus.
`FakePortal(address, mode)` owns org.freedesktop.portal.Desktop from a thread of the test
process (jeepney, blocking I/O). It answers RequestBackground as the real portal does: the
handle in the method's reply, then the Request's Response signal broadcast on that path,
as gdbus-codegen emits it. So a client that does not subscribe never hears it. It records
every call.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

BUS_CONFIG = """<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir={socket_dir}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"""

SERVICE = "org.freedesktop.portal.Desktop"
PATH = "/org/freedesktop/portal/desktop"
BACKGROUND = "org.freedesktop.portal.Background"
REQUEST = "org.freedesktop.portal.Request"
OLD_STYLE_PATH = "/org/freedesktop/portal/desktop/request/1_1/t"  # before portal 0.9

# How the fake answers RequestBackground:
#   grant          Response 0, autostart as asked
#   refuse         Response 1 (the user said no)
#   no-autostart   Response 0, background allowed but autostart false
#   silent         the handle, then never a Response (a dialog nobody answers)
#   early          the Response before the method's reply (the race the path convention fixes)
#   old-path       a handle of its own choosing (portals before 0.9), Response sent there
MODES = ("grant", "refuse", "no-autostart", "silent", "early", "old-path")


@contextmanager
def private_bus(tmp_path: Path) -> Iterator[str]:
    """A dbus-daemon of our own; yields its address."""
    pytest.importorskip("jeepney")
    exe = shutil.which("dbus-daemon")
    if exe is None:
        pytest.skip("dbus-daemon is not installed (Debian/Ubuntu package `dbus`)")
    socket_dir = tempfile.mkdtemp(prefix="rcp-bus-")  # short: socket paths are limited
    config = tmp_path / "bus.conf"
    config.write_text(BUS_CONFIG.format(socket_dir=socket_dir), encoding="utf-8")
    proc = subprocess.Popen(
        [exe, f"--config-file={config}", "--nofork", "--nopidfile", "--print-address=1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    address = proc.stdout.readline().strip()
    try:
        if not address:
            pytest.skip("dbus-daemon did not start")
        yield address
    finally:
        proc.terminate()
        proc.wait(5)
        proc.stdout.close()
        shutil.rmtree(socket_dir, ignore_errors=True)


class FakePortal:
    def __init__(self, address: str, mode: str = "grant") -> None:
        from jeepney.bus_messages import message_bus
        from jeepney.io.blocking import open_dbus_connection

        assert mode in MODES, mode
        self.mode = mode
        self.calls: list[dict] = []  # {"signature", "parent_window", "options", "sender"}
        self.closed: list[str] = []  # the Request paths a client closed
        self.conn = open_dbus_connection(address)
        reply = self.conn.send_and_get_reply(message_bus.RequestName(SERVICE), timeout=5)
        assert reply.body == (1,), reply.body  # the primary owner
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)
        self.conn.close()

    def _serve(self) -> None:
        from jeepney import HeaderFields, MessageType

        while not self._stop.is_set():
            try:
                message = self.conn.receive(timeout=0.05)
            except TimeoutError:
                continue
            except OSError:
                return
            header = message.header
            if header.message_type != MessageType.method_call:
                continue
            where = (
                header.fields.get(HeaderFields.path),
                header.fields.get(HeaderFields.interface),
                header.fields.get(HeaderFields.member),
            )
            if where == (PATH, BACKGROUND, "RequestBackground"):
                self._request_background(message)
            elif where[1:] == (REQUEST, "Close"):
                self.closed.append(where[0])
                self._reply(message)
            else:
                from jeepney import new_error

                self.conn.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))

    def _request_background(self, message) -> None:
        from jeepney import HeaderFields

        fields = message.header.fields
        sender = fields.get(HeaderFields.sender)
        parent_window, options = message.body
        plain = {key: value for key, (_signature, value) in options.items()}
        self.calls.append(
            {
                "signature": fields.get(HeaderFields.signature),
                "parent_window": parent_window,
                "options": plain,
                "sender": sender,
            }
        )
        token = plain.get("handle_token", "t")
        path = f"/org/freedesktop/portal/desktop/request/{sender[1:].replace('.', '_')}/{token}"
        asked = bool(plain.get("autostart", False))
        if self.mode == "early":
            self._respond(path, 0, asked)
            self._reply(message, path)
        elif self.mode == "old-path":
            self._reply(message, OLD_STYLE_PATH)
            self._respond(OLD_STYLE_PATH, 0, asked, to=sender)
        else:
            self._reply(message, path)
            if self.mode == "grant":
                self._respond(path, 0, asked)
            elif self.mode == "refuse":
                self._respond(path, 1, False)
            elif self.mode == "no-autostart":
                self._respond(path, 0, False)
            # silent: nothing

    def _reply(self, message, path: str | None = None) -> None:
        from jeepney import new_method_return

        if path is None:
            self.conn.send(new_method_return(message))
        else:
            self.conn.send(new_method_return(message, "o", (path,)))

    def _respond(self, path: str, code: int, autostart: bool, to: str | None = None) -> None:
        from jeepney import DBusAddress, HeaderFields, new_signal

        results = {"background": ("b", code == 0), "autostart": ("b", autostart)}
        signal = new_signal(
            DBusAddress(path, interface=REQUEST), "Response", "ua{sv}", (code, results)
        )
        if to is not None:  # sent to the caller only, which needs no match rule
            signal.header.fields[HeaderFields.destination] = to
        self.conn.send(signal)


@contextmanager
def portals(address: str) -> Iterator:
    """`start(mode)` starts a FakePortal on `address`; all are stopped afterwards."""
    started: list[FakePortal] = []

    def start(mode: str = "grant") -> FakePortal:
        portal = FakePortal(address, mode)
        started.append(portal)
        return portal

    try:
        yield start
    finally:
        for portal in started:
            portal.stop()
