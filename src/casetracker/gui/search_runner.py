"""Search as typed, off the GUI thread: typing never waits on a search a later keystroke made
stale, and only the newest search's answer reaches the caseload."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QThread, Signal, Slot

from casetracker.services.search import SearchHit, SearchInterruptedError


class Finder(Protocol):
    """What the runner needs of `services.search.BackgroundSearch` (tests give a slow fake)."""

    def find(self, text: str, *, limit: int) -> list[SearchHit]: ...
    def interrupt(self) -> None: ...
    def close(self) -> None: ...


class _Worker(QObject):
    found = Signal(int, str, object)  # generation, text, hits
    failed = Signal(int, str)  # generation, a short description (never the searched text)

    def __init__(self, finder: Finder, runner: SearchRunner) -> None:
        super().__init__()
        self._finder = finder
        self._runner = runner

    @Slot(int, str, int)
    def run(self, generation: int, text: str, limit: int) -> None:
        # Requests queue up while a search runs: all but the newest are skipped unread.
        if generation != self._runner.generation:
            return
        try:
            hits = self._finder.find(text, limit=limit)
        except SearchInterruptedError:
            return
        except Exception as exc:  # reported on the GUI thread, which decides what to show
            self.failed.emit(generation, type(exc).__name__)
            return
        self.found.emit(generation, text, hits)


class SearchRunner(QObject):
    """Runs each search on a thread of its own; a new one interrupts the one running.

    `found(text, hits)` is emitted on the GUI thread for the newest search only.
    """

    found = Signal(str, object)
    failed = Signal(str)
    _requested = Signal(int, str, int)

    def __init__(self, finder: Finder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._finder = finder
        self.generation = 0  # read by the worker: a Python int is replaced, never torn
        self._thread = QThread()
        self._thread.setObjectName("search")
        self._worker = _Worker(finder, self)
        self._worker.moveToThread(self._thread)
        self._requested.connect(self._worker.run)
        self._worker.found.connect(self._deliver)
        self._worker.failed.connect(self._report)
        self._thread.start()
        self._stopped = False

    def submit(self, text: str, limit: int) -> None:
        """Search for `text`; any search still running or waiting is dropped."""
        if self._stopped:
            return
        self.generation += 1
        self._finder.interrupt()
        self._requested.emit(self.generation, text, limit)

    def cancel(self) -> None:
        """Drop any search running or waiting (the box was emptied)."""
        self.generation += 1
        self._finder.interrupt()

    def stop(self) -> None:
        """Interrupt, end the thread and close the finder's connection (before a lock)."""
        if self._stopped:
            return
        self._stopped = True
        self.cancel()
        self._thread.quit()
        self._thread.wait()
        self._finder.close()

    @Slot(int, str, object)
    def _deliver(self, generation: int, text: str, hits: list[SearchHit]) -> None:
        if generation == self.generation and not self._stopped:
            self.found.emit(text, hits)

    @Slot(int, str)
    def _report(self, generation: int, what: str) -> None:
        if generation == self.generation and not self._stopped:
            self.failed.emit(what)
