from datetime import UTC, datetime

import pytest
from factories import ANA, BEN, add, ev

from desktop.cli.main import Context
from desktop.store.settings import get_setting
from desktop.sync.engine import SyncReport
from desktop.ui.app import DesktopApp
from desktop.ui.platform.notifications import DBusNotifications
from desktop.ui.platform.scheduler import Scheduler

OFFSCREEN_TRAY = "No such signal QPlatformNativeInterface::systemTrayWindowChanged"


@pytest.fixture
def make_app(qtbot, tmp_path, monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    made = []

    def make(**kw):
        data = tmp_path / "data"
        data.mkdir(exist_ok=True)
        ctx = Context(data, f"sqlite:///{data / 'reciprocity.db'}")
        # Early afternoon, whatever the time the tests run: the default quiet hours (22:00 to
        # 08:00), which the settings bring back after each sync, would hold every notice.
        kw.setdefault("now", lambda: datetime.now().replace(hour=14, minute=0))
        app = DesktopApp(ctx, sync_on_start=False, dbus=DBusNotifications(), **kw)
        made.append((app, ctx))
        return app

    yield make
    for app, ctx in made:
        app.shutdown()
        if app.window is not None:
            app.quitting = True
            app.window.close()
        ctx.close()


def test_no_tray_closing_quits(qtbot, qapp, make_app):
    app = make_app(tray_available=False)
    w = app.start()
    qtbot.waitExposed(w)
    assert qapp.quitOnLastWindowClosed()
    w.close()
    assert not w.isVisible()


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY, "does not support raise")
def test_tray_keeps_running_and_says_so_once(qtbot, qapp, make_app):
    app = make_app(tray_available=True)
    w = app.start()
    qtbot.waitExposed(w)
    assert not qapp.quitOnLastWindowClosed()
    qtbot.waitUntil(lambda: app.scheduler.is_running(), timeout=5000)
    said = []
    app.tray.icon.messageClicked  # noqa: B018
    orig = app.tray.show_message
    app.tray.show_message = lambda t, b, *a: said.append((t, b)) or orig(t, b)
    w.close()
    assert not w.isVisible()
    w.show()
    w.close()
    assert len(said) == 1
    app.tasks.wait()
    qtbot.waitUntil(lambda: app.tasks.pending() == 0)
    with app.real_store.read() as s:
        assert get_setting(s, "tray_hint_shown") is True
    app.tray.show_message = orig
    app.show_window()
    assert w.isVisible()
    app.quitting = True
    w.close()
    assert not w.isVisible()
    qapp.setQuitOnLastWindowClosed(True)


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY)
def test_badge_and_notice_after_sync(qtbot, qapp, make_app):
    app = make_app(tray_available=True)
    now = datetime.now(UTC)
    add(app.real_store, ev(ANA, "share", now=now), ev(BEN, "share", now=now, hours_ago=2))
    w = app.start()
    qtbot.waitUntil(lambda: app.tray.pending == 2, timeout=5000)
    assert app.tray.icon.toolTip() == "Reciprocity — 2 people to thank"
    from sqlalchemy import select

    from desktop.store.models import Interaction

    with app.real_store.read() as s:
        ids = list(s.scalars(select(Interaction.id)))
    r = SyncReport(1, "a")
    r.new_interaction_ids = ids
    app.notifier.quiet_hours = None
    with qtbot.waitSignal(app.notifier.delivered, timeout=5000) as d:
        w.sync_finished.emit([r])
    assert d.args == ["balloon"]
    qapp.setQuitOnLastWindowClosed(True)


def test_banner_without_tray_and_click_opens_checkin(qtbot, qapp, make_app):
    app = make_app(tray_available=False)
    now = datetime.now(UTC)
    add(app.real_store, ev(ANA, "share", now=now))
    w = app.start()
    qtbot.waitExposed(w)
    from sqlalchemy import select

    from desktop.store.models import Interaction

    with app.real_store.read() as s:
        ids = list(s.scalars(select(Interaction.id)))
    r = SyncReport(1, "a")
    r.new_interaction_ids = ids
    qtbot.waitUntil(lambda: app.scheduler.is_running(), timeout=5000)
    app.notifier.quiet_hours = None
    with qtbot.waitSignal(app.notifier.delivered, timeout=5000) as d:
        w.sync_finished.emit([r])
    assert d.args == ["banner"]
    assert "Ana shared your post" in w.statusBar().currentMessage()
    app.notifier.activated.emit()
    qtbot.waitUntil(lambda: app.checkin_window is not None and app.checkin_window.isVisible())
    app.checkin_window.close()


@pytest.mark.qt_log_ignore("does not support raise")
def test_second_launch_message_and_scheduler(qtbot, qapp, make_app):
    sched = Scheduler(first_sync_ms=10, recheck_ms=20)
    app = make_app(tray_available=False, scheduler=sched)
    w = app.start()
    qtbot.waitUntil(lambda: sched.is_running(), timeout=5000)
    app.handle_message("checkin")
    qtbot.waitUntil(lambda: app.checkin_window is not None and app.checkin_window.isVisible())
    app.checkin_window.close()
    w.hide()
    app.handle_message("show")
    assert w.isVisible()


def test_pause_is_saved(qtbot, qapp, make_app):
    app = make_app(tray_available=False)
    app.start()
    until = datetime(2030, 1, 1, 8, 0, tzinfo=UTC)
    app.pause_notifications(until)
    assert app.notifier.paused_until == until
    app.tasks.wait()
    qtbot.waitUntil(lambda: app.tasks.pending() == 0)
    with app.real_store.read() as s:
        assert get_setting(s, "notifications_paused_until") == until.isoformat()
