"""One way to run work off the GUI thread: a pool, with the result or the error delivered
back on the main thread as a signal (Picard's run_task idea).

One long-lived relay object carries every result back, keyed by task id: no per-task
QObjects whose lifetime could race the worker thread.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

T = TypeVar("T")


class _Task(QRunnable):
    def __init__(self, task_id: int, work: Callable[[], Any], runner: TaskRunner) -> None:
        super().__init__()
        self.task_id = task_id
        self.work = work
        self.finished = runner.finished  # a bound signal: emitting it from here is queued

    def run(self) -> None:
        try:
            result, ok = self.work(), True
        except Exception as exc:  # delivered to the caller, who decides what to show
            log.exception("background task failed")
            result, ok = exc, False
        try:
            self.finished.emit(self.task_id, ok, result)
        except RuntimeError:  # the runner was deleted meanwhile (window closed): drop it
            log.debug("task %s finished after its runner was deleted", self.task_id)


class TaskRunner(QObject):
    """Runs callables on a thread pool; callbacks run on the thread that owns the runner."""

    finished = Signal(int, bool, object)

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        # Results cross the queued signal as plain objects: the callbacks take them untyped.
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Any], None]]] = {}
        self.finished.connect(self._deliver)

    def run(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
    ) -> int:
        """Run ``work`` on the pool; ``on_done`` gets its result (typed as ``work`` returns
        it), ``on_error`` its exception, both on this runner's thread."""
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        self.pool.start(_Task(task_id, work, self))
        return task_id

    @Slot(int, bool, object)
    def _deliver(self, task_id: int, ok: bool, result: object) -> None:
        callbacks = self._callbacks.pop(task_id, None)
        if callbacks is not None:
            callbacks[0 if ok else 1](result)

    def pending(self) -> int:
        return len(self._callbacks)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until running tasks end (used on quit, so the store closes cleanly)."""
        return self.pool.waitForDone(msecs)
