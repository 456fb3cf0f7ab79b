"""Safety features: lock after idle time, a quick exit, and clipboard clearing.

A case manager may be interrupted, watched over the shoulder, or have to leave in a hurry;
each of these makes the screen hold no survivor's data as quickly as possible.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication, QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

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


# Qt.Key.Key_Escape as a number: `QtCore.Qt` is not touched on the way to the lock screen,
# whose first use costs 15 ms (lock_screen.py), and this filter runs from the lock screen on.
_KEY_ESCAPE = 0x01000000


class QuickExit(QObject):
    """Emits `triggered` when Esc is pressed twice in a row within `window_seconds`.

    `active` says whether anything is on screen to hide; while it is false key presses are
    left alone, so a controller that locked and closed its windows never acts on Esc.
    """

    triggered = Signal()

    def __init__(self, *, window_seconds: float = 0.8,
                 clock: Callable[[], float] = time.monotonic,
                 active: Callable[[], bool] = lambda: True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._window = window_seconds
        self._clock = clock
        self._active = active
        self._last_escape: float | None = None
        self._trip: tuple[tuple[int, ...], QObject] | None = None

    def install(self) -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)  # installed once, however often asked
            app.installEventFilter(self)

    def uninstall(self) -> None:
        app = QGuiApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self._last_escape = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent)
                or event.isAutoRepeat() or not self._new_press(watched, event)):
            return False
        if event.key() != _KEY_ESCAPE:
            self._last_escape = None  # Esc, another key, Esc is not "Esc twice"
            return False
        if not self._active():
            return False
        now = self._clock()
        if self._last_escape is not None and now - self._last_escape <= self._window:
            self._last_escape = None
            self.triggered.emit()
            return True
        self._last_escape = now
        return False

    def _new_press(self, watched: QObject, event: QKeyEvent) -> bool:
        """Whether this delivery is a key press not seen before, rather than one seen already
        travelling on.

        A real press is handed to the QWindow it is meant for, once; the window forwards the
        same event to the focused widget and, unhandled, it climbs through the widget's
        parents, and an application-wide filter sees every step. Qt builds each real press
        at the same address as the one before, so the address cannot tell a new press from
        the same one travelling on (that took the second Esc for the first, and Esc twice
        never worked with a real keyboard). Hence: a press at a QWindow is always new; a
        press at a widget continues the last trip only if it is the same event (address, time
        stamp, key, scan code) and the trip began at a window, or at a widget inside this
        one. A press sent straight to a widget (as tests do) begins its trip there.
        """
        identity = (shiboken6.getCppPointer(event)[0], event.timestamp(), event.key(),
                    event.nativeScanCode(), event.nativeVirtualKey())
        trip = self._trip
        if isinstance(watched, QWidget) and trip is not None and trip[0] == identity:
            origin = trip[1]
            if shiboken6.isValid(origin) and (
                    isinstance(origin, QWindow) or (
                        isinstance(origin, QWidget) and watched is not origin
                        and watched.isAncestorOf(origin))):
                return False
        self._trip = (identity, watched)
        return True


def hide_every_window() -> None:
    """Hide every window of the program in one go: main window, dialogs, message boxes,
    tool windows, menus and tooltips, whatever the desktop does with minimising."""
    # Asked again after each hide: hiding one window can delete another (a dialog's popup,
    # a tooltip), and a list taken beforehand would then hold a dangling widget. Python's
    # garbage collector waits meanwhile: making the list's wrappers can start a collection
    # that deletes an unreferenced window the list is still being made from (a segfault).
    collecting = gc.isenabled()
    gc.disable()
    try:
        for _ in range(10_000):
            shown = next((w for w in QApplication.topLevelWidgets()
                          if shiboken6.isValid(w) and w.isVisible()), None)
            if shown is None:
                break
            shown.hide()
        for window in QGuiApplication.topLevelWindows():  # any window without a widget
            if window.isVisible():
                window.hide()
    finally:
        if collecting:
            gc.enable()


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
