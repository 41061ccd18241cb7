"""The tray: only when there is one; the badge, the tooltip and the menu's actions.

Offscreen has no system tray, so the "available" path is forced with ``available=True``:
the QSystemTrayIcon is real, only nobody draws it. Showing it offscreen makes Qt warn that
the offscreen platform lacks a tray signal, which these tests expect and ignore.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.ui.platform import tray as tray_module
from desktop.ui.platform.tray import ICON_PATH, Tray, app_icon, badge_pixmap

OFFSCREEN_TRAY = "No such signal QPlatformNativeInterface::systemTrayWindowChanged"


class Clock:
    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def __call__(self) -> datetime:
        return self.moment


NOON = datetime(2026, 11, 20, 12, 0).astimezone()


@pytest.fixture
def tray(qapp):
    t = Tray(available=True, now=Clock(NOON))
    yield t
    t.hide()


def menu_actions(menu: QMenu) -> dict[str, object]:
    """Visible text (without the & of shortcuts) → action, submenus included."""
    menu.aboutToShow.emit()  # what opening it does: the menu is rebuilt
    found = {}
    for action in menu.actions():
        if action.isSeparator():
            continue
        found[action.text().replace("&", "")] = action
        if action.menu() is not None:
            for sub in action.menu().actions():
                if not sub.isSeparator():
                    found[sub.text().replace("&", "")] = sub
    return found


def record(signal) -> list:
    got: list = []
    signal.connect(lambda *args: got.append(args))
    return got


def test_without_a_tray_there_is_no_icon(qapp):
    t = Tray(available=False)
    assert not t.available
    assert t.icon is None and t.menu is None
    t.set_pending(3)  # harmless
    assert t.show_message("title", "body") is False


def test_the_desktop_decides_by_default(qapp):
    # Offscreen has no tray; a real desktop with one gets the icon.
    assert Tray().available == QSystemTrayIcon.isSystemTrayAvailable()


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY)
def test_the_tooltip_says_how_many_are_waiting(tray):
    assert tray.available and tray.icon.isVisible()
    tray.set_pending(3)
    assert tray.icon.toolTip() == "Reciprocity — 3 people to thank"
    tray.set_pending(1)
    assert tray.icon.toolTip() == "Reciprocity — 1 person to thank"
    tray.set_pending(0)
    assert tray.icon.toolTip() == "Reciprocity — nobody waiting for a thank-you"


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY)
@pytest.mark.parametrize(
    ("label", "signal"),
    [
        ("Check in now", "checkin"),
        ("Sync now", "sync"),
        ("Open Reciprocity", "open"),
        ("Quit", "quit"),
    ],
)
def test_menu_actions_emit_their_signals(tray, label, signal):
    got = record(getattr(tray, signal))
    menu_actions(tray.menu)[label].trigger()
    assert got == [()]


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY)
def test_the_menu_is_rebuilt_when_it_opens(tray):
    assert "Check in now" in menu_actions(tray.menu)
    tray.set_pending(4)
    tray.menu_opening.connect(lambda: tray.set_syncing(True))  # the app's state, just in time
    actions = menu_actions(tray.menu)
    assert "Check in now (4 waiting)" in actions
    assert not actions["Sync now"].isEnabled()
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == [
        "&Check in now (4 waiting)",
        "&Sync now",
        "&Pause notifications",
        "&Open Reciprocity",
        "&Quit",
    ]


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY)
def test_pause_for_an_hour_until_tomorrow_and_resume(tray):
    pauses = record(tray.pause)
    actions = menu_actions(tray.menu)
    assert not actions["Resume"].isEnabled()  # nothing to resume yet
    actions["For 1 hour"].trigger()
    assert pauses[-1] == (NOON + timedelta(hours=1),)
    tray.resume_at = time(8, 30)
    menu_actions(tray.menu)["Until tomorrow"].trigger()
    assert pauses[-1] == (datetime(2026, 11, 21, 8, 30).astimezone(),)

    tray.set_paused_until(NOON + timedelta(hours=1))
    actions = menu_actions(tray.menu)
    assert "Paused until 13:00" in actions
    assert actions["Resume"].isEnabled()
    actions["Resume"].trigger()
    assert pauses[-1] == (None,)
    tray.set_paused_until(datetime(2026, 11, 21, 8, 30).astimezone())
    assert "Paused until tomorrow 08:30" in menu_actions(tray.menu)


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY)
def test_clicking_the_icon_opens_the_window(tray):
    opened, checkins = record(tray.open), record(tray.checkin)
    tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    tray.icon.activated.emit(QSystemTrayIcon.ActivationReason.MiddleClick)
    assert opened == [()] and checkins == [()]


@pytest.mark.qt_log_ignore(OFFSCREEN_TRAY)
def test_the_balloon_and_its_click(tray):
    clicked = record(tray.message_clicked)
    assert tray.show_message("New support", "Ana shared your post") is True
    tray.icon.messageClicked.emit()
    assert clicked == [()]


def red_share(image: QImage, x0: int, y0: int, x1: int, y1: int) -> float:
    """How much of the region is the badge's warm red."""
    hits = total = 0
    for y in range(y0, y1):
        for x in range(x0, x1):
            color = image.pixelColor(x, y)
            total += 1
            if color.alpha() > 200 and color.red() > 150 and color.green() < 120:
                hits += 1
    return hits / total


@pytest.mark.parametrize("size", [16, 22, 32, 64])
def test_the_badge_is_painted_top_right(qapp, tmp_path, size):
    base = app_icon()
    plain = badge_pixmap(base, 0, size).toImage()
    badged = badge_pixmap(base, 3, size).toImage()
    assert badged.size().width() == size
    corner = (size * 2 // 3, 0, size, size // 3)
    assert red_share(plain, *corner) == 0
    assert red_share(badged, *corner) > 0.15
    assert red_share(badged, 0, size * 2 // 3, size // 3, size) == 0  # bottom left untouched
    assert badge_pixmap(base, 3, size).save(str(tmp_path / f"badge-{size}.png"))


def test_many_waiting_reads_nine_plus(qapp):
    assert tray_module.badge_text(0) == ""
    assert tray_module.badge_text(7) == "7"
    assert tray_module.badge_text(12) == "9+"
    one, many = (badge_pixmap(app_icon(), n, 32).toImage() for n in (7, 12))
    assert one != many


def test_the_svg_icon_exists_and_renders(qapp):
    assert ICON_PATH.exists()
    image = QIcon(str(ICON_PATH)).pixmap(64, 64).toImage()
    center = image.pixelColor(32, 4)  # the teal disc
    assert center.alpha() == 255 and center.green() > center.red()


def test_without_the_svg_the_icon_is_drawn(qapp, tmp_path):
    icon = app_icon(Path(tmp_path / "missing.svg"))
    pixmap = icon.pixmap(64, 64)
    assert not pixmap.isNull()
    image = pixmap.toImage()
    assert image.pixelColor(0, 0).alpha() == 0  # round: the corners stay clear
    assert image.pixelColor(32, 4).green() > image.pixelColor(32, 4).red()  # the teal disc
    # drawn and SVG marks look alike: compare them pixel by pixel at 32 px
    drawn = icon.pixmap(32, 32).toImage()
    svg = QIcon(str(ICON_PATH)).pixmap(32, 32).toImage()
    differing = sum(
        1
        for y in range(32)
        for x in range(32)
        if abs(drawn.pixelColor(x, y).green() - svg.pixelColor(x, y).green()) > 80
    )
    assert differing < 32 * 32 * 0.08


def test_a_picture_of_the_badges(qapp, tmp_path):
    """Not an assertion about taste: a picture to look at (saved next to the test's data)."""
    sheet = QPixmap(4 * 72, 72)
    sheet.fill(QColor("#eeeeee"))
    painter = QPainter(sheet)
    for i, count in enumerate((0, 1, 5, 23)):
        painter.drawPixmap(4 + i * 72, 4, badge_pixmap(app_icon(), count, 64))
    painter.end()
    assert sheet.save(str(tmp_path / "badges.png"))
