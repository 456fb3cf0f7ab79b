"""Long work (a backup, a restore, a check, a removal's rekey) on a worker thread.

The work gets the `Job` as its control: `keep_going(fraction)` reports progress and answers
False once Cancel was pressed; `on_cancel(stop)` registers what stops a running statement
(`Session.interrupt` of the worker's own connection). The worker never touches the GUI
session's connection: it opens its own (`Session.open_copy`) and closes it before it ends.
A job keeps itself alive until it ends, so a lock that closes the window that started it
does not destroy a running thread; the program waits for running jobs before it quits.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from casetracker.domain.errors import CaseTrackerError, OperationCancelledError

STEPS = 1000
_running: set[Job] = set()


class Job(QThread):
    """Runs `work(job)` on its own thread; `done` is emitted on the GUI thread afterwards,
    with `result` or `error` set."""

    progressed = Signal(object)  # float in 0..1, or None when how far is unknown
    done = Signal()

    def __init__(self, work: Callable[[Job], Any]) -> None:
        super().__init__()  # no parent: see the module's docstring
        self._work = work
        self._cancelled = threading.Event()
        self._stops: list[Callable[[], None]] = []
        self._lock = threading.Lock()
        self.result: Any = None
        self.error: BaseException | None = None
        self._shown = -1.0
        self.finished.connect(self._ended, Qt.ConnectionType.QueuedConnection)

    # -- for the work, on the worker thread --------------------------------------------------

    def keep_going(self, fraction: float | None = None) -> bool:
        # Called thousands of times a second inside SQLite: only visible steps are sent.
        if fraction is not None and abs(fraction - self._shown) >= 0.005:
            self._shown = fraction
            self.progressed.emit(fraction)
        return not self._cancelled.is_set()

    def on_cancel(self, stop: Callable[[], None]) -> None:
        with self._lock:
            self._stops.append(stop)
        if self._cancelled.is_set():
            stop()

    def run(self) -> None:
        try:
            self.result = self._work(self)
        except BaseException as exc:  # handed to the GUI thread, which reports it
            self.error = exc

    # -- for the GUI thread ---------------------------------------------------------------------

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set() or isinstance(self.error, OperationCancelledError)

    def begin(self) -> None:
        _running.add(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.wait)
        self.start()

    def cancel(self) -> None:
        self._cancelled.set()
        with self._lock:
            stops = list(self._stops)
        for stop in stops:
            stop()

    def _ended(self) -> None:
        _running.discard(self)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.disconnect(self.wait)
        self.done.emit()


def running() -> list[Job]:
    """Jobs started and not yet ended (tests wait on them)."""
    return list(_running)


class JobProgress(QProgressDialog):
    """The progress of a `Job`, with Cancel (or, for work that cannot stop part way, a line
    saying so instead)."""

    def __init__(self, label: str, job: Job, parent: QWidget | None = None, *,
                 cancellable: bool = True) -> None:
        super().__init__(label, "", 0, 0, parent)
        self.setWindowTitle(self.tr("Case Tracker"))
        self.setAccessibleName(self.tr("Progress"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(0)
        self.setMinimumWidth(420)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._label = label
        self._cancellable = cancellable
        self.job = job
        if cancellable:
            self.setCancelButtonText(self.tr("Cancel"))
            self.canceled.disconnect()  # not QProgressDialog's own cancel(): it would hide
            self.canceled.connect(self.stop)
        else:
            self.setCancelButton(None)
        job.progressed.connect(self._progressed)
        job.done.connect(self._finish)

    def stop(self) -> None:
        self.setLabelText(self.tr("{0}\nStopping; what was begun is being undone…").format(
            self._label))
        self.job.cancel()

    def _progressed(self, fraction: float | None) -> None:
        if fraction is None:
            return
        if self.maximum() == 0:
            self.setRange(0, STEPS)
        self.setValue(min(STEPS, round(fraction * STEPS)))

    def _finish(self) -> None:
        self.hide()
        self.deleteLater()

    def reject(self) -> None:  # Esc: Cancel, never a hidden dialog over running work
        if self._cancellable:
            self.stop()


def start(parent: QWidget, label: str, work: Callable[[Job], Any],
          finished: Callable[[Job], None], *, cancellable: bool = True) -> Job:
    """Run `work` on a worker thread behind a progress dialog; call `finished(job)` on the
    GUI thread when it has ended (see `job.result`, `job.error`, `job.cancelled`)."""
    job = Job(work)
    if cancellable:
        # A lock or quick exit destroys the window: its work stops and is undone.
        parent.destroyed.connect(lambda *_args: job.cancel())
    progress = JobProgress(label, job, parent, cancellable=cancellable)
    job.done.connect(lambda: finished(job))
    job.progress_dialog = progress  # type: ignore[attr-defined]
    progress.show()
    job.begin()
    return job


def failure_text(error: BaseException) -> str:
    """What to tell the person about a job that failed (never a record's value)."""
    from casetracker.gui.messages import error_text

    if isinstance(error, CaseTrackerError):
        return error_text(error)
    return QCoreApplication.translate(
        "jobs", "Something went wrong ({0}). Check the database (Tools menu) before going "
        "on.").format(type(error).__name__)
