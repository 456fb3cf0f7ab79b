"""Safety features: lock after idle time, a quick exit, and clipboard clearing.

A case manager may be interrupted, watched over the shoulder, or have to leave in a hurry;
each of these makes the screen hold no survivor's data as quickly as possible.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6 import QtCore
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QWidget

_ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin}


class IdleLock(QObject):
    """Emits `idle` once no key, mouse or touch event arrived for `timeout_seconds`.

    The clock is injectable so tests can move time without waiting for it.
    """

    idle = Signal()

    def __init__(self, timeout_seconds: float, *, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timeout_seconds = timeout_seconds
        self._clock = clock
        self._last_activity = clock()
        self._fired = False
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        self.touch()
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def touch(self) -> None:
        self._last_activity = self._clock()
        self._fired = False

    def check(self) -> None:
        """Emit `idle` if the time is up (called every second, and by tests)."""
        if not self._fired and self._clock() - self._last_activity >= self.timeout_seconds:
            self._fired = True
            self.idle.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() in _ACTIVITY:
            self._last_activity = self._clock()
        return False


class QuickExit(QObject):
    """Emits `triggered` when Esc is pressed twice within `window_seconds`."""

    triggered = Signal()

    def __init__(self, *, window_seconds: float = 0.8,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window_seconds
        self._clock = clock
        self._last_escape: float | None = None
        self._last_pointer = 0
        self._last_target: QObject | None = None

    def install(self) -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (
                # `QtCore.Qt` is looked up here, at the first key press, rather than
                # imported: building it costs the lock screen 15 ms (lock_screen.py).
                event.key() == QtCore.Qt.Key.Key_Escape and not event.isAutoRepeat()
                and self._first_delivery(watched, event)):
            now = self._clock()
            if self._last_escape is not None and now - self._last_escape <= self._window:
                self._last_escape = None
                self.triggered.emit()
                return True
            self._last_escape = now
        return False


    def _first_delivery(self, watched: QObject, event: QEvent) -> bool:
        # An unhandled key press travels from the window to the focused widget and then up
        # through its parents, and an application-wide filter sees it at each step: count it
        # once, where it starts.
        pointer = shiboken6.getCppPointer(event)[0]
        last = self._last_target
        same_trip = pointer == self._last_pointer and last is not None and shiboken6.isValid(
            last) and (isinstance(last, QWindow) or (
                isinstance(watched, QWidget) and isinstance(last, QWidget)
                and watched is not last and watched.isAncestorOf(last)))
        if same_trip:
            return False
        self._last_pointer, self._last_target = pointer, watched
        return True


class ClipboardGuard(QObject):
    """Copies a sensitive value and clears it from the clipboard after `seconds`, unless
    something else was copied meanwhile."""

    def __init__(self, seconds: float = 30.0, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._seconds = seconds
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.clear)

    def copy(self, text: str) -> None:
        clipboard = QGuiApplication.clipboard()
        clipboard.setText(text, QClipboard.Mode.Clipboard)
        self._copied = text
        self._timer.start(int(self._seconds * 1000))

    def clear(self) -> None:
        """Remove the value now, if it is still what the clipboard holds."""
        clipboard = QGuiApplication.clipboard()
        if self._copied is not None and clipboard.text() == self._copied:
            clipboard.clear(QClipboard.Mode.Clipboard)
        self._copied = None
        self._timer.stop()
