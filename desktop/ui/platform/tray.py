"""The tray icon: how many people are waiting, and a menu for the daily things.

Only when the desktop has a tray (``QSystemTrayIcon.isSystemTrayAvailable()``): on tiling
desktops and offscreen there is none, and then the window is the app (closing it quits).
The pending count is painted on the icon as a badge and said in the tooltip. The menu is
rebuilt each time it opens, so it always shows the current state (paused or not).

Signals out, for the app to act on: ``checkin``, ``sync``, ``open``, ``quit``,
``pause(until)`` — a datetime, or None to resume — ``message_clicked`` (the balloon) and
``menu_opening`` (connect it to update ``set_syncing``/``set_paused_until`` just in time).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QIcon,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

import desktop
from desktop.ui.clock import local_now, tomorrow_at
from desktop.ui.format import tr_format
from desktop.ui.platform.dbus_notifications import ICON

log = logging.getLogger(__name__)

ICON_PATH = ICON  # the SVG as a file on disk: QIcon takes a file name
SIZES = (16, 22, 24, 32, 48, 64)
TEAL = QColor("#2f7f7a")
WARM = QColor("#f4a261")
BADGE = QColor("#c8553d")


def paint_mark(painter: QPainter, size: float) -> None:
    """The app's mark, drawn (the same shapes as desktop/resources/icons/reciprocity.svg)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TEAL)
    painter.drawEllipse(QPointF(32, 32), 30, 30)
    pen = QPen(QColor("white"), 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    ring = QRectF(16, 16, 32, 32)
    for start in (160, 340):  # Qt angles: counter-clockwise from 3 o'clock
        arc = QPainterPath()
        arc.arcMoveTo(ring, start)
        arc.arcTo(ring, start, -118)
        painter.drawPath(arc)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("white"))
    for head in (
        ((49.24, 27.24), (48.35, 17.28), (39.43, 25.31)),
        ((14.76, 36.76), (15.65, 46.72), (24.57, 38.69)),
    ):
        painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in head]))
    heart = QPainterPath(QPointF(32, 39.5))
    heart.cubicTo(24.5, 34.5, 24, 27.5, 28.2, 26.6)
    heart.cubicTo(30.2, 26.2, 31.4, 27.4, 32, 28.6)
    heart.cubicTo(32.6, 27.4, 33.8, 26.2, 35.8, 26.6)
    heart.cubicTo(40, 27.5, 39.5, 34.5, 32, 39.5)
    painter.setBrush(WARM)
    painter.drawPath(heart)
    painter.restore()


def app_icon(path: Path = ICON_PATH) -> QIcon:
    """The SVG when it is there (and readable), else the mark drawn with QPainter."""
    if path.exists():
        icon = QIcon(str(path))
        if not icon.pixmap(16, 16).isNull():
            return icon
        log.info("could not render %s; drawing the icon instead", path)
    icon = QIcon()
    for size in SIZES:
        pixmap = QPixmap(size, size)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        paint_mark(painter, size)
        painter.end()
        icon.addPixmap(pixmap)
    return icon


def badge_text(count: int) -> str:
    return "" if count <= 0 else (str(count) if count < 10 else "9+")


def badge_pixmap(base: QIcon, count: int, size: int) -> QPixmap:
    """``base`` at ``size`` px with ``count`` in a round badge at the top right."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.drawPixmap(0, 0, base.pixmap(size, size))
    text = badge_text(count)
    if text:
        small = size <= 24  # tray-sized: the badge must stay readable
        diameter = size * ((0.62 if small else 0.5) if len(text) == 1 else (0.72 if small else 0.6))
        rect = QRectF(size - diameter, 0, diameter, diameter)
        painter.setPen(QPen(QColor("white"), max(1.0, size / 32)))
        painter.setBrush(BADGE)
        painter.drawEllipse(rect.adjusted(0.5, 0.5, -0.5, -0.5))
        font = QFont()
        font.setBold(True)
        font.setPixelSize(max(7, round(diameter * (0.72 if len(text) == 1 else 0.56))))
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return pixmap


class Tray(QObject):
    checkin = Signal()
    sync = Signal()
    open = Signal()
    quit = Signal()
    pause = Signal(object)  # datetime until which to stay silent; None resumes
    message_clicked = Signal()
    menu_opening = Signal()  # just before the menu is rebuilt: a chance to update the state

    def __init__(
        self,
        *,
        available: bool | None = None,
        now: Callable[[], datetime] = local_now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        if available is None:
            available = QSystemTrayIcon.isSystemTrayAvailable()
        self.now = now
        self.pending = 0
        self.paused_until: datetime | None = None
        self.syncing = False
        self.resume_at = time(8, 0)  # "until tomorrow" ends at this time of the next day
        self.base_icon = app_icon()
        self.icon: QSystemTrayIcon | None = None
        self.menu: QMenu | None = None
        if available:
            self.menu = QMenu()
            self.menu.aboutToShow.connect(self.rebuild_menu)
            self.icon = QSystemTrayIcon(self)
            self.icon.setContextMenu(self.menu)
            self.icon.activated.connect(self._activated)
            self.icon.messageClicked.connect(self.message_clicked)
            self._update_icon()
            self.rebuild_menu()
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    # -- state from the app -----------------------------------------------------------------

    def set_pending(self, count: int) -> None:
        self.pending = max(0, int(count))
        self._update_icon()

    def set_paused_until(self, until: datetime | None) -> None:
        self.paused_until = until

    def set_syncing(self, syncing: bool) -> None:
        self.syncing = syncing

    def tooltip(self) -> str:
        if self.pending == 0:
            waiting = self.tr("nobody waiting for a thank-you")
        elif self.pending == 1:
            waiting = self.tr("1 person to thank")
        else:
            waiting = self.tr("%n people to thank", "", self.pending)
        return f"{desktop.APP_NAME} — {waiting}"

    def show_message(self, title: str, body: str, msecs: int = 8000) -> bool:
        """A balloon from the tray icon; False when there is no tray to show it."""
        if self.icon is None or not QSystemTrayIcon.supportsMessages():
            return False
        self.icon.showMessage(title, body, self.base_icon, msecs)
        return True

    def hide(self) -> None:
        if self.icon is not None:
            self.icon.hide()

    # -- the icon ---------------------------------------------------------------------------

    def badge_icon(self) -> QIcon:
        icon = QIcon()
        for size in SIZES:
            icon.addPixmap(badge_pixmap(self.base_icon, self.pending, size))
        return icon

    def _update_icon(self) -> None:
        if self.icon is None:
            return
        self.icon.setIcon(self.badge_icon() if self.pending else self.base_icon)
        self.icon.setToolTip(self.tooltip())

    @Slot(QSystemTrayIcon.ActivationReason)
    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.open.emit()
        elif reason == QSystemTrayIcon.ActivationReason.MiddleClick:
            self.checkin.emit()

    # -- the menu ---------------------------------------------------------------------------

    @Slot()
    def rebuild_menu(self) -> None:
        menu = self.menu
        if menu is None:
            return
        self.menu_opening.emit()
        for action in menu.actions():
            menu.removeAction(action)
            if action.menu() is not None:
                action.menu().deleteLater()
            action.deleteLater()

        checkin = self._action(menu, self.tr("&Check in now"), self.checkin)
        if self.pending:
            checkin.setText(tr_format(self.tr("&Check in now (%1 waiting)"), self.pending))
        font = checkin.font()
        font.setBold(True)
        checkin.setFont(font)
        sync = self._action(menu, self.tr("&Sync now"), self.sync)
        sync.setEnabled(not self.syncing)
        menu.addSeparator()

        pause = QMenu(self.tr("&Pause notifications"), menu)
        paused = self._paused()
        if paused:
            label = pause.addAction(
                tr_format(self.tr("Paused until %1"), self._when(self.paused_until))
            )
            label.setEnabled(False)
            pause.addSeparator()
        self._action(pause, self.tr("For 1 &hour"), self._pause_hour)
        self._action(pause, self.tr("Until &tomorrow"), self._pause_tomorrow)
        resume = self._action(pause, self.tr("&Resume"), self._resume)
        resume.setEnabled(paused)
        menu.addMenu(pause)
        menu.addSeparator()
        self._action(menu, self.tr("&Open Reciprocity"), self.open)
        self._action(menu, self.tr("&Quit"), self.quit)

    def _action(self, menu: QMenu, text: str, slot) -> QAction:
        """An action that triggers ``slot`` (a signal or a bound method: no lambdas, which
        would keep this object alive from inside the menu)."""
        action = QAction(text, menu)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _paused(self) -> bool:
        return self.paused_until is not None and self.now() < self.paused_until

    def _when(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        now = self.now()
        if moment.date() == now.date():
            return moment.strftime("%H:%M")
        if moment.date() == (now + timedelta(days=1)).date():
            return tr_format(self.tr("tomorrow %1"), moment.strftime("%H:%M"))
        return moment.strftime("%Y-%m-%d %H:%M")

    def _pause_hour(self) -> None:
        self.pause.emit(self.now() + timedelta(hours=1))

    def _pause_tomorrow(self) -> None:
        self.pause.emit(tomorrow_at(self.now(), self.resume_at))

    def _resume(self) -> None:
        self.pause.emit(None)


__all__ = ["Tray", "app_icon", "badge_pixmap", "paint_mark"]
