"""The scheduler against a fake clock: sync every N minutes, check-in once a day, catching up
after a suspend. The re-check runs every 20 ms here instead of every minute."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from desktop.ui.platform.scheduler import Scheduler

TICK = 20  # ms


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, **delta) -> None:
        self.moment += timedelta(**delta)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute).astimezone()


@pytest.fixture
def clock():
    return Clock(at(20, 7, 0))


@pytest.fixture
def scheduler(qtbot, clock):
    s = Scheduler(clock=clock, first_sync_ms=50, recheck_ms=TICK)
    yield s
    s.stop()


def record(signal) -> list:
    got: list = []
    signal.connect(lambda *args: got.append(args))
    return got


def test_a_sync_soon_after_start_then_every_interval(qtbot, clock, scheduler):
    syncs = record(scheduler.sync_due)
    with qtbot.waitSignal(scheduler.sync_due, timeout=2000):
        scheduler.start()
    assert scheduler.last_sync == at(20, 7, 0)
    qtbot.wait(5 * TICK)
    assert len(syncs) == 1  # the clock has not moved: nothing more is due
    clock.advance(minutes=14, seconds=59)
    qtbot.wait(5 * TICK)
    assert len(syncs) == 1
    clock.advance(seconds=1)
    qtbot.waitUntil(lambda: len(syncs) == 2, timeout=2000)
    assert scheduler.next_sync_at() == at(20, 7, 30)


def test_after_a_suspend_missed_syncs_become_one(qtbot, clock, scheduler):
    with qtbot.waitSignal(scheduler.sync_due, timeout=2000):
        scheduler.start()
    syncs = record(scheduler.sync_due)
    clock.advance(hours=3)  # the lid was closed
    qtbot.waitUntil(lambda: len(syncs) == 1, timeout=2000)
    qtbot.wait(5 * TICK)
    assert len(syncs) == 1


def test_the_interval_comes_from_the_settings(qtbot, clock, scheduler):
    scheduler.configure({"sync_interval_minutes": 5, "checkin_time": "10:30"})
    assert scheduler.checkin_time == time(10, 30)
    with qtbot.waitSignal(scheduler.sync_due, timeout=2000):
        scheduler.start()
    clock.advance(minutes=5)
    with qtbot.waitSignal(scheduler.sync_due, timeout=2000):
        pass
    scheduler.configure({"sync_interval_minutes": 0, "checkin_time": "not a time"})
    assert scheduler.interval == timedelta(minutes=5)  # nonsense is ignored
    assert scheduler.checkin_time == time(10, 30)


def test_a_sync_by_hand_postpones_the_next_one(qtbot, clock, scheduler):
    syncs = record(scheduler.sync_due)
    scheduler.sync_started()  # the user synced before the first scheduled one
    scheduler.start()
    qtbot.wait(100)  # past the first-sync delay
    assert syncs == []
    clock.advance(minutes=15)
    qtbot.waitUntil(lambda: len(syncs) == 1, timeout=2000)


def test_checkin_fires_once_at_its_time(qtbot, clock, scheduler):
    checkins = record(scheduler.checkin_due)
    scheduler.start()
    qtbot.wait(5 * TICK)
    assert checkins == []  # 07:00, check-in at 09:00
    clock.moment = at(20, 8, 59)
    qtbot.wait(5 * TICK)
    assert checkins == []
    clock.moment = at(20, 9, 0)
    qtbot.waitUntil(lambda: checkins == [(date(2026, 11, 20),)], timeout=2000)
    clock.moment = at(20, 18, 0)
    qtbot.wait(5 * TICK)
    assert len(checkins) == 1  # never twice the same day
    assert scheduler.last_checkin == date(2026, 11, 20)


def test_checkin_catches_up_after_sleeping_through_it(qtbot, clock, scheduler):
    scheduler.start()
    clock.moment = at(21, 11, 42)  # suspended overnight, woke up after 09:00
    with qtbot.waitSignal(scheduler.checkin_due, timeout=2000) as due:
        pass
    assert due.args == [date(2026, 11, 21)]


def test_checkin_comes_every_day(qtbot, clock, scheduler):
    checkins = record(scheduler.checkin_due)
    scheduler.start()
    for day in (20, 21, 22):
        clock.moment = at(day, 9, 5)
        qtbot.waitUntil(lambda d=day: checkins[-1:] == [(date(2026, 11, d),)], timeout=2000)
    assert len(checkins) == 3


def test_a_checkin_already_done_today_is_not_repeated_after_a_restart(qtbot):
    clock = Clock(at(20, 10, 0))
    scheduler = Scheduler(
        clock=clock, last_checkin=date(2026, 11, 20), first_sync_ms=10, recheck_ms=TICK
    )
    with qtbot.assertNotEmitted(scheduler.checkin_due, wait=10 * TICK):
        scheduler.start()
    clock.moment = at(21, 9, 0)
    with qtbot.waitSignal(scheduler.checkin_due, timeout=2000):
        pass
    scheduler.stop()


def test_the_clock_going_back_does_not_repeat_a_day(qtbot, clock, scheduler):
    checkins = record(scheduler.checkin_due)
    scheduler.start()
    clock.moment = at(21, 9, 30)
    qtbot.waitUntil(lambda: len(checkins) == 1, timeout=2000)
    clock.moment = at(20, 23, 0)  # a time-zone change or a wrong clock corrected
    qtbot.wait(5 * TICK)
    assert len(checkins) == 1


def test_stop_stops(qtbot, clock, scheduler):
    syncs = record(scheduler.sync_due)
    scheduler.start()
    assert scheduler.is_running()
    scheduler.stop()
    clock.advance(hours=5)
    qtbot.wait(100)
    assert syncs == []
    assert not scheduler.is_running()
