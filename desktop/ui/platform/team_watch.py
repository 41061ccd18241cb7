"""The window's ear on a shared store: a teammate's write (a thank-you, a sync) refreshes
the pages and the tray count within a second (desktop.app.team_changes). The connection is
made on a worker; its socket is watched by the event loop (QSocketNotifier), so nothing
waits on the GUI thread. A lost connection is retried every few seconds, and each new one
is answered with a refresh (notices are not replayed: the refresh is the catch-up)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, QTimer, Signal

log = logging.getLogger(__name__)

QUIET_MS = 300  # a sync's pages notify one after another: one refresh for a burst
RETRY_MS = 5000


class TeamWatch(QObject):
    changed = Signal()  # another member changed the store: read it again
    lost = Signal()  # the server went away (or could not be reached)
    listening = Signal()  # (again) connected

    def __init__(self, store, tasks, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        self._tasks = tasks
        self._listener = None
        self._notifier: QSocketNotifier | None = None
        self._closed = False
        self._quiet = QTimer(self)
        self._quiet.setSingleShot(True)
        self._quiet.setInterval(QUIET_MS)
        self._quiet.timeout.connect(self.changed)
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.start)
        self.connected_once = False

    def start(self) -> None:
        if self._closed or self._listener is not None:
            return
        from desktop.app.team_changes import ChangeListener

        store = self._store
        self._tasks.run(lambda: ChangeListener(store), self._listening, self._lost)

    def _listening(self, listener) -> None:
        if self._closed:
            listener.close()
            return
        self._listener = listener
        self._notifier = QSocketNotifier(listener.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._readable)
        if self.connected_once:
            self._quiet.start()  # what was missed while away
        self.connected_once = True
        self.listening.emit()

    def _readable(self) -> None:
        listener = self._listener
        if listener is None:
            return
        try:
            others = listener.drain()
        except Exception as exc:  # the server went away: listen again later
            self._lost(exc)
            return
        if others:
            self._quiet.start()

    def _lost(self, exc: Exception) -> None:
        log.info("not listening to the shared store's changes: %s", exc)
        self._drop()
        if not self._closed:
            self.lost.emit()
            self._retry.start()

    def _drop(self) -> None:
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._listener is not None:
            self._listener.close()
            self._listener = None

    def close(self) -> None:
        self._closed = True
        self._retry.stop()
        self._quiet.stop()
        self._drop()
