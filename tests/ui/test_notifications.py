"""Notifications: the real D-Bus path on a private bus, the fallbacks, quiet hours, pauses.

The D-Bus tests start their own dbus-daemon (never the user's session bus) and a small
notification server of our own on it (jeepney, in a subprocess), which checks the call's
signature as strictly as dunst or GNOME do and records every call.
"""

from __future__ import annotations

import gc
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta

import pytest
from factories import ANA, BEN, CLARA, NOW, add, ev

from desktop.app.services import Services
from desktop.queries.notices import Notice
from desktop.store.settings import set_setting
from desktop.sync.engine import SyncReport
from desktop.ui.platform.notifications import (
    DBusNotifications,
    Notifier,
    SyncNotices,
    in_quiet_hours,
    parse_quiet_hours,
)
from desktop.ui.platform.tray import Tray
from desktop.ui.tasks import TaskRunner

NOTICE = Notice("New support", "Ana shared your post 'Networking is giving'", (1,))
OFFSCREEN_TRAY = "No such signal QPlatformNativeInterface::systemTrayWindowChanged"

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

# A notification server: records Notify calls as JSON lines on stdout; "invoke ID KEY
# [broadcast]" on stdin emits ActionInvoked (to the caller, as dunst does, or to everyone).
SERVER = r"""
import json, queue, sys, threading
from jeepney import DBusAddress, HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection

address, mode = sys.argv[1], sys.argv[2]
conn = open_dbus_connection(address)
conn.send_and_get_reply(message_bus.RequestName("org.freedesktop.Notifications"))
print(json.dumps({"ready": True}), flush=True)
commands = queue.Queue()
threading.Thread(target=lambda: [commands.put(l.split()) for l in sys.stdin], daemon=True).start()
emitter = DBusAddress("/org/freedesktop/Notifications", interface="org.freedesktop.Notifications")
next_id, caller = 0, None
while True:
    while not commands.empty():
        cmd = commands.get()
        signal = new_signal(emitter, "ActionInvoked", "us", (int(cmd[1]), cmd[2]))
        if "broadcast" not in cmd:
            signal.header.fields[HeaderFields.destination] = caller
        conn.send(signal)
    try:
        msg = conn.receive(timeout=0.01)
    except TimeoutError:
        continue
    if msg.header.message_type != MessageType.method_call:
        continue
    if msg.header.fields.get(HeaderFields.member) != "Notify":
        conn.send(new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod"))
        continue
    caller = msg.header.fields.get(HeaderFields.sender)
    signature = msg.header.fields.get(HeaderFields.signature, "")
    print(json.dumps({"signature": signature, "args": list(msg.body)}), flush=True)
    if signature != "susssasa{sv}i":  # what GDBus answers for a wrong signature
        conn.send(new_error(msg, "org.freedesktop.DBus.Error.InvalidArgs", "s", (signature,)))
    elif mode == "reply":
        replaces = msg.body[1]
        if not replaces:
            next_id += 1
        conn.send(new_method_return(msg, "u", (replaces or next_id,)))
    # mode "hang": never answers
"""


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


def record(signal) -> list:
    """Every value ``signal`` carries from now on."""
    got: list = []
    signal.connect(got.append)
    return got


def local(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 20, hour, minute).astimezone()


@pytest.fixture
def private_bus(tmp_path):
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


class NotificationServer:
    def __init__(self, address: str, mode: str) -> None:
        pytest.importorskip("jeepney")
        self.proc = subprocess.Popen(
            [sys.executable, "-c", SERVER, address, mode],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue = queue.Queue()
        self.calls: list[dict] = []
        self.reader = threading.Thread(target=self._pump, daemon=True)
        self.reader.start()
        ready = self.lines.get(timeout=10)
        assert ready == {"ready": True}

    def _pump(self) -> None:
        for line in self.proc.stdout:
            self.lines.put(json.loads(line))

    def received(self) -> list[dict]:
        while not self.lines.empty():
            self.calls.append(self.lines.get())
        return self.calls

    def invoke(self, notification_id: int, key: str, *, broadcast: bool = False) -> None:
        extra = " broadcast" if broadcast else ""
        self.proc.stdin.write(f"invoke {notification_id} {key}{extra}\n")
        self.proc.stdin.flush()

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(5)
        self.reader.join(5)  # it sees the end of the output, then the pipe can close
        self.proc.stdin.close()
        self.proc.stdout.close()


@pytest.fixture
def server_factory(private_bus):
    servers = []

    def start(mode: str = "reply") -> NotificationServer:
        server = NotificationServer(private_bus, mode)
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def make_notifier(qtbot, private_bus):
    made = []

    def make(*, tray=None, clock=None, timeout_ms=500, address=private_bus) -> Notifier:
        dbus = DBusNotifications(address, timeout_ms=timeout_ms, icon="")
        notifier = Notifier(dbus=dbus, tray=tray, now=clock or Clock(local(12)))
        made.append(notifier)
        return notifier

    yield make
    for notifier in made:
        notifier.close()


# -- the D-Bus path, for real ------------------------------------------------------------


def test_notify_goes_to_the_notification_service(qtbot, server_factory, make_notifier):
    server = server_factory()
    notifier = make_notifier()
    with qtbot.waitSignal(notifier.delivered, timeout=5000) as delivered:
        assert notifier.notify(NOTICE)
    assert delivered.args == ["dbus"]
    qtbot.waitUntil(lambda: len(server.received()) == 1)
    call = server.calls[0]
    assert call["signature"] == "susssasa{sv}i"  # replaces_id is a uint32, as the spec says
    app, replaces, icon, title, body, actions, hints, timeout = call["args"]
    assert (app, replaces, title, body, timeout) == (
        "Reciprocity",
        0,
        "New support",
        "Ana shared your post 'Networking is giving'",
        -1,
    )
    assert actions == ["default", "Open check-in", "open-checkin", "Open check-in"]
    assert hints["desktop-entry"] == ["s", "org.reciprocity.Reciprocity"]


def test_later_notices_replace_the_first_instead_of_piling_up(qtbot, server_factory, make_notifier):
    server = server_factory()
    notifier = make_notifier()
    for _ in range(3):
        with qtbot.waitSignal(notifier.delivered, timeout=5000):
            notifier.notify(NOTICE)
    qtbot.waitUntil(lambda: len(server.received()) == 3)
    assert [call["args"][1] for call in server.calls] == [0, 1, 1]
    assert notifier.dbus.notification_id == 1


@pytest.mark.parametrize(
    ("key", "broadcast"), [("open-checkin", False), ("default", False), ("default", True)]
)
def test_clicking_the_notification_or_its_action_opens_the_checkin(
    qtbot, server_factory, make_notifier, key, broadcast
):
    server = server_factory()
    notifier = make_notifier()
    with qtbot.waitSignal(notifier.delivered, timeout=5000):
        notifier.notify(NOTICE)
    with qtbot.waitSignal(notifier.activated, timeout=5000):
        server.invoke(1, key, broadcast=broadcast)


def test_clicks_on_other_apps_notifications_are_ignored(qtbot, server_factory, make_notifier):
    server = server_factory()
    notifier = make_notifier()
    with qtbot.waitSignal(notifier.delivered, timeout=5000):
        notifier.notify(NOTICE)
    with qtbot.assertNotEmitted(notifier.activated, wait=300):
        server.invoke(7, "default", broadcast=True)


def test_a_service_that_does_not_answer_in_time_falls_back(qtbot, server_factory, make_notifier):
    server = server_factory("hang")
    notifier = make_notifier(timeout_ms=200)
    banners = record(notifier.banner)
    with qtbot.waitSignal(notifier.delivered, timeout=5000) as delivered:
        notifier.notify(NOTICE)
    assert delivered.args == ["banner"]
    assert banners == ["Ana shared your post 'Networking is giving'"]
    assert len(server.received()) == 1  # it was asked, and did not answer within 200 ms


def test_a_bus_without_a_notification_service_falls_back(qtbot, make_notifier):
    notifier = make_notifier()
    with qtbot.waitSignal(notifier.delivered, timeout=5000) as delivered:
        notifier.notify(NOTICE)
    assert delivered.args == ["banner"]


def test_a_notifier_dropped_without_close_leaves_no_socket_open(qtbot, server_factory, private_bus):
    server_factory()
    notifier = Notifier(dbus=DBusNotifications(private_bus), now=Clock(local(12)))
    with qtbot.waitSignal(notifier.delivered, timeout=5000):
        notifier.notify(NOTICE)
    assert notifier.dbus._conn is not None
    del notifier
    gc.collect()  # an unclosed socket would raise ResourceWarning here (warnings are errors)


@pytest.fixture
def dunst(private_bus, tmp_path):
    """The real dunst on the private bus (it needs an X display: Xvfb), when installed."""
    missing = [tool for tool in ("dunst", "dunstctl", "Xvfb") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (apt packages dunst, xvfb) for the real daemon")
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-nolisten", "tcp", "-screen", "0", "640x480x24"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    display = ":" + xvfb.stdout.readline().strip()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "DISPLAY": display,
        "DBUS_SESSION_BUS_ADDRESS": private_bus,
    }
    daemon = subprocess.Popen(
        ["dunst"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        for _ in range(100):  # until dunst owns org.freedesktop.Notifications
            ask = ["dunstctl", "is-paused"]
            if subprocess.run(ask, env=env, capture_output=True, timeout=5).returncode == 0:
                break
            time.sleep(0.05)
        else:
            pytest.skip("dunst did not start")
        yield env
    finally:
        for proc in (daemon, xvfb):
            proc.terminate()
            proc.wait(5)
        xvfb.stdout.close()


def test_with_the_real_dunst_a_click_opens_the_checkin(qtbot, dunst, make_notifier):
    notifier = make_notifier()
    with qtbot.waitSignal(notifier.delivered, timeout=5000) as delivered:
        notifier.notify(NOTICE)
    assert delivered.args == ["dbus"]
    with qtbot.waitSignal(notifier.activated, timeout=5000):
        subprocess.run(["dunstctl", "action", "0"], env=dunst, check=True, timeout=5)


# -- the fallback chain without D-Bus ------------------------------------------------------


def no_bus_notifier(monkeypatch, **kw) -> Notifier:
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    return Notifier(dbus=DBusNotifications(), **kw)


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY)
def test_without_dbus_the_tray_balloon_shows_it(qtbot, monkeypatch):
    tray = Tray(available=True)
    notifier = no_bus_notifier(monkeypatch, tray=tray, now=Clock(local(12)))
    assert not notifier.dbus.available()
    banners = record(notifier.banner)
    with qtbot.waitSignal(notifier.delivered) as delivered:
        notifier.notify(NOTICE)
    assert delivered.args == ["balloon"]
    assert banners == []
    with qtbot.waitSignal(notifier.activated):
        tray.icon.messageClicked.emit()  # what the balloon does when clicked
    tray.hide()


def test_without_dbus_or_tray_the_window_shows_a_banner(qtbot, monkeypatch):
    notifier = no_bus_notifier(monkeypatch, tray=Tray(available=False), now=Clock(local(12)))
    banners = record(notifier.banner)
    with qtbot.waitSignal(notifier.delivered) as delivered:
        notifier.notify(NOTICE)
    assert delivered.args == ["banner"]
    assert banners == [NOTICE.body]


def test_no_dbus_object_at_all_is_fine(qtbot):
    notifier = Notifier(now=Clock(local(12)))
    with qtbot.waitSignal(notifier.banner) as banner:
        notifier.notify(NOTICE)
    assert banner.args == [NOTICE.body]
    assert notifier.notify(None) is False


# -- quiet hours, pauses, switched off ---------------------------------------------------


def test_quiet_hours_cross_midnight():
    quiet = parse_quiet_hours(["22:00", "08:00"])
    assert [in_quiet_hours(local(h).time(), quiet) for h in (21, 22, 23, 0, 7, 8, 12)] == [
        False,
        True,
        True,
        True,
        True,
        False,
        False,
    ]
    lunch = parse_quiet_hours(["12:30", "13:30"])
    assert in_quiet_hours(local(13).time(), lunch)
    assert not in_quiet_hours(local(14).time(), lunch)
    assert parse_quiet_hours([]) is None
    assert parse_quiet_hours(["09:00", "09:00"]) is None
    assert parse_quiet_hours(["late", "08:00"]) is None


def test_nothing_is_shown_in_quiet_hours(qtbot, server_factory, make_notifier):
    server = server_factory()
    clock = Clock(local(23, 15))
    notifier = make_notifier(clock=clock)
    notifier.apply_settings({"quiet_hours": ["22:00", "08:00"]})
    for moment in (local(23, 15), local(2), local(7, 59)):
        clock.moment = moment
        with qtbot.waitSignal(notifier.suppressed) as suppressed:
            assert notifier.notify(NOTICE) is False
        assert suppressed.args == ["quiet hours"]
    clock.moment = local(8)
    with qtbot.waitSignal(notifier.delivered, timeout=5000):
        assert notifier.notify(NOTICE)
    qtbot.waitUntil(lambda: len(server.received()) == 1)  # only the one after 08:00


def test_a_pause_holds_until_its_time_and_then_ends(qtbot):
    clock = Clock(local(12))
    notifier = Notifier(now=clock)
    with qtbot.waitSignal(notifier.paused_changed) as changed:
        notifier.pause(local(13))
    assert changed.args == [local(13)]
    with qtbot.waitSignal(notifier.suppressed) as suppressed:
        assert notifier.notify(NOTICE) is False
    assert suppressed.args == ["paused"]
    clock.moment = local(13)
    changes = record(notifier.paused_changed)
    with qtbot.waitSignal(notifier.banner):
        assert notifier.notify(NOTICE)
    assert changes == [None]
    assert notifier.paused_until is None


def test_pause_and_switches_come_from_the_settings(qtbot):
    clock = Clock(datetime(2026, 11, 20, 12, 0, tzinfo=UTC))
    notifier = Notifier(now=clock)
    notifier.apply_settings(
        {
            "notifications": True,
            "quiet_hours": [],
            "notifications_paused_until": "2026-11-20T12:30:00+00:00",
        }
    )
    assert notifier.reason_to_stay_silent() == "paused"
    notifier.pause(None)  # resume
    assert notifier.reason_to_stay_silent() is None
    notifier.apply_settings({"notifications": False})
    with qtbot.waitSignal(notifier.suppressed) as suppressed:
        notifier.notify(NOTICE)
    assert suppressed.args == ["disabled"]


# -- one notice per sync -----------------------------------------------------------------


def reports_for(store, *groups) -> list[SyncReport]:
    from sqlalchemy import select

    from desktop.store.models import Interaction

    with store.read() as s:
        ids = list(s.scalars(select(Interaction.id).order_by(Interaction.id)))
    reports, start = [], 0
    for n, size in enumerate(groups, 1):
        report = SyncReport(n, f"account {n}")
        report.new_interaction_ids = ids[start : start + size]
        report.new = size
        reports.append(report)
        start += size
    return reports


@pytest.fixture
def recent_store(store):
    """Interactions that happened an hour before the real now (the sentence wants recent)."""
    now = datetime.now(UTC)
    add(
        store,
        ev(ANA, "share", now=now, hours_ago=1),
        ev(BEN, "share", now=now, hours_ago=2),
        ev(CLARA, "share", now=now, hours_ago=3),
    )
    return store


def test_a_sync_of_three_accounts_makes_one_notification(
    qtbot, recent_store, server_factory, make_notifier
):
    server = server_factory()
    notifier = make_notifier()
    tasks = TaskRunner()
    notices = SyncNotices(notifier, tasks, lambda: Services(recent_store))
    with qtbot.waitSignal(notifier.delivered, timeout=5000):
        notices.sync_finished(reports_for(recent_store, 1, 1, 1))
    tasks.wait()
    qtbot.waitUntil(lambda: len(server.received()) == 1)
    qtbot.wait(100)
    assert len(server.received()) == 1
    assert server.calls[0]["args"][4] == (
        "Ana and 2 others shared your post 'Networking is giving before asking'"
    )


def test_a_sync_with_nothing_new_says_nothing(qtbot, recent_store):
    notifier = Notifier(now=Clock(local(12)))
    tasks = TaskRunner()
    notices = SyncNotices(notifier, tasks, lambda: Services(recent_store))
    with qtbot.assertNotEmitted(notifier.delivered, wait=200):
        notices.sync_finished(reports_for(recent_store, 0, 0))
    assert tasks.pending() == 0


def test_the_stored_quiet_hours_apply_to_a_sync_notice(qtbot, recent_store):
    with recent_store.session() as s:
        set_setting(s, "quiet_hours", ["11:00", "13:00"])
    notifier = Notifier(now=Clock(local(12)))
    tasks = TaskRunner()
    notices = SyncNotices(notifier, tasks, lambda: Services(recent_store))
    with qtbot.waitSignal(notifier.suppressed, timeout=5000) as suppressed:
        notices.sync_finished(reports_for(recent_store, 3))
    assert suppressed.args == ["quiet hours"]


def test_old_history_from_a_first_sync_says_nothing(qtbot, store):
    add(store, ev(ANA, "share", now=NOW - timedelta(days=400)))
    notifier = Notifier(now=Clock(local(12)))
    tasks = TaskRunner()
    notices = SyncNotices(notifier, tasks, lambda: Services(store))
    delivered = []
    notifier.delivered.connect(delivered.append)
    notices.sync_finished(reports_for(store, 1))
    qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=15000)  # the summary was made
    qtbot.wait(50)  # and anything it queued has run
    assert delivered == []
