"""Long work (import, export, backup) off the GUI thread, through one helper.

The job runs on Qt's thread pool; its result, its error or its progress comes back to the
GUI thread as signals. Jobs never touch widgets; they may call ``report(done, total)``
and check ``cancelled()``.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Job(QObject):
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)  # the exception

    def __init__(self, work: Callable[[Job], Any]) -> None:
        super().__init__()
        self._work = work
        self._cancel = threading.Event()
        self.done = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, done: int, total: int) -> None:
        self.progress.emit(done, total)

    def run(self) -> None:
        try:
            result = self._work(self)
        except Exception as exc:  # handed to the GUI thread, which decides what it means
            self.failed.emit(exc)
        else:
            self.finished.emit(result)
        finally:
            self.done.set()


class _Runnable(QRunnable):
    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job

    def run(self) -> None:
        self.job.run()


def start(
    work: Callable[[Job], Any],
    *,
    finished: Callable[[Any], None],
    failed: Callable[[Exception], None],
    progress: Callable[[int, int], None] | None = None,
) -> Job:
    """Run ``work(job)`` on the thread pool. The callbacks are connected before the job
    starts, so a job that ends at once is not missed; they run on the GUI thread."""
    job = Job(work)
    # Kept alive until it ends: a job started from a menu has no other owner, and a
    # collected Job would drop its result signals on the floor.
    _running.add(job)
    job.finished.connect(finished)
    job.failed.connect(failed)
    job.finished.connect(lambda _result, j=job: _running.discard(j))
    job.failed.connect(lambda _exc, j=job: _running.discard(j))
    if progress is not None:
        job.progress.connect(progress)
    QThreadPool.globalInstance().start(_Runnable(job))
    return job


_running: set[Job] = set()
