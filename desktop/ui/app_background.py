"""What the app does around its window once it has painted: the tray, the notifications
and the scheduler, wired to each other and to the window. Mixed into DesktopApp."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import QApplication

from desktop.ui.platform.notifications import DBusNotifications, notify_text

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

    from desktop.app.services import Services
    from desktop.ui.main_window import MainWindow
    from desktop.ui.platform.notifications import Notifier, SyncNotices
    from desktop.ui.platform.scheduler import Scheduler
    from desktop.ui.platform.tray import Tray
    from desktop.ui.tasks import TaskRunner


class BackgroundWiring:
    """The tray, notifier and scheduler of a DesktopApp (self.window, self.tasks, …)."""

    # What it uses of DesktopApp, its host (declarations only).
    window: MainWindow | None
    tasks: TaskRunner
    # None until _set_up_background, after the first paint (or at once without light_start)
    tray: Tray | None
    notifier: Notifier | None
    sync_notices: SyncNotices | None
    scheduler: Scheduler | None
    tray_hint_shown: bool
    _background: dict[str, Any]  # DesktopApp's options for the tray, notifier, scheduler

    if TYPE_CHECKING:  # the host's own methods

        def open_checkin(self) -> None: ...
        def quit(self) -> None: ...
        def _save_setting(self, key: str, value: Any) -> None: ...
        def _quiet(self, exc: Exception) -> None: ...

    def _set_up_background(self) -> None:
        """The tray (only when the desktop has one), notifications, the scheduler."""
        if self.tray is not None:
            return
        from desktop.ui.platform.notifications import Notifier, SyncNotices
        from desktop.ui.platform.scheduler import Scheduler
        from desktop.ui.platform.tray import Tray

        owner = cast("QObject", self)  # the DesktopApp this is mixed into: their parent
        options = self._background
        now = options["now"]
        dbus = options["dbus"]
        self.tray = Tray(available=options["tray_available"], now=now, parent=owner)
        self.notifier = Notifier(
            dbus=dbus if dbus is not None else DBusNotifications(parent=owner),
            tray=self.tray if self.tray.available else None,
            now=now,
            parent=owner,
        )

        def services() -> Services:
            assert self.window is not None  # notices follow syncs, which the window runs
            return self.window.services

        self.sync_notices = SyncNotices(self.notifier, self.tasks, services)
        self.scheduler = options["scheduler"] or Scheduler(clock=now, parent=owner)
        self.tray.checkin.connect(self.open_checkin)
        self.tray.sync.connect(self.sync_now)
        self.tray.open.connect(self.show_window)
        self.tray.quit.connect(self.quit)
        self.tray.pause.connect(self.pause_notifications)
        self.tray.menu_opening.connect(self._tray_menu_opening)
        self.notifier.activated.connect(self.open_checkin)
        self.notifier.banner.connect(self._banner)
        self.notifier.paused_changed.connect(self.tray.set_paused_until)
        self.scheduler.sync_due.connect(self.sync_now)
        self.scheduler.checkin_due.connect(self._checkin_due)
        # With a tray, closing the window (or the check-in) leaves the app running there.
        app = QApplication.instance()
        assert isinstance(app, QApplication)  # the desktop app runs in a QApplication
        app.setQuitOnLastWindowClosed(not self.tray.available)

    def show_window(self) -> None:
        window = self.window
        if window is None:
            return
        if window.isMinimized():
            window.showNormal()
        else:
            window.show()
        window.raise_()
        window.activateWindow()

    def sync_now(self) -> None:
        if self.window is None or self.window.demo:
            return
        if self.scheduler is not None:
            self.scheduler.sync_started()
        self.window.sync_now()

    def refresh_pending(self, *_args) -> None:
        """The pending count, read on a worker, for the tray's badge and tooltip."""
        if self.window is None:
            return
        services = self.window.services
        self.tasks.run(lambda: len(services.pending()), self._pending_counted, self._quiet)

    def _pending_counted(self, count: int) -> None:
        if self.tray is not None:
            self.tray.set_pending(count)

    def pause_notifications(self, until: datetime | None) -> None:
        assert self.notifier is not None  # set up with the tray that asks this
        self.notifier.pause(until)
        self._save_setting("notifications_paused_until", until.isoformat() if until else None)

    def handle_message(self, message: str) -> None:
        """A second launch: "checkin" opens the check-in, anything else the window."""
        if message == "checkin":
            self.open_checkin()
        else:
            self.show_window()

    def _load_settings(self) -> None:
        if self.window is None:
            return
        services = self.window.services
        self.tasks.run(services.settings, self._settings_loaded, self._quiet)

    def _settings_loaded(self, settings: dict) -> None:
        # Read once the window painted, after _set_up_background.
        assert self.notifier is not None and self.scheduler is not None
        self.notifier.apply_settings(settings)
        self.scheduler.configure(settings)
        reminded = settings.get("checkin_reminded_on")
        if reminded:
            last = date.fromisoformat(reminded)
            if self.scheduler.last_checkin is None or last > self.scheduler.last_checkin:
                self.scheduler.last_checkin = last
        self.tray_hint_shown = bool(settings.get("tray_hint_shown"))
        if not self.scheduler.is_running():
            self.scheduler.start()

    def _checkin_due(self, day: date) -> None:
        """Check-in time: remind only when someone is waiting."""
        self._save_setting("checkin_reminded_on", day.isoformat())
        if self.window is None:
            return
        services = self.window.services
        self.tasks.run(lambda: len(services.pending()), self._remind, self._quiet)

    def _remind(self, pending: int) -> None:
        assert self.tray is not None and self.notifier is not None  # set up with the scheduler
        self.tray.set_pending(pending)
        notice = notify_text().reminder(pending)
        if notice is not None:
            self.notifier.notify(notice)
            self.open_checkin()

    def _synced_by_hand(self) -> None:
        if self.scheduler is not None:
            self.scheduler.sync_started()

    def _tray_menu_opening(self) -> None:
        assert self.tray is not None  # its own menu asks
        self.tray.set_syncing(bool(self.window is not None and self.window.syncing))

    def _banner(self, text: str) -> None:
        if self.window is not None:
            self.window.show_message(text)
