"""Errors nothing else caught: a dialog instead of silence, and never a record's value.

Qt calls `sys.excepthook` for an exception raised in a slot and carries on; the Windows bundle
has no console, so without this hook the error would vanish and the click would seem to do
nothing. The hook shows the error's type and a short message, and offers to copy the type and
the file names and line numbers of its traceback. It never shows or copies an exception's own
text or a frame's variables: a message such as ``KeyError: 'Rosa María'`` can hold a value
from a record. Only the program's own `CaseTrackerError`s, whose messages are written for
the person using it, are shown in their own words.

An unexpected error while a database is unlocked locks it. The services change the database
in transactions, so what is stored is consistent, but the screens may not be: a half-rebuilt
view can show one survivor's details beside another's case number, and an undo step may no
longer match what is stored. Locking closes every screen and reads everything afresh at the
next unlock, at the cost of a passphrase and of anything typed but not saved. A
`CaseTrackerError` is a refusal the services raise before changing anything, so it leaves the
program as it was.
"""

from __future__ import annotations

import contextlib
import sys
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import PurePath
from types import TracebackType
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.messages import error_text

# PySide6's `Qt` namespace is imported where it is used, once an error happens: the hook is
# installed before the lock screen shows, and building it costs start-up 15 ms (lock_screen.py).


class Lockable(Protocol):
    """What the hook needs of the application controller."""

    @property
    def session(self) -> object | None: ...

    @property
    def window(self) -> QWidget | None: ...

    @property
    def lock_screen(self) -> QWidget | None: ...

    def lock(self, why: str = "asked") -> None: ...


@dataclass(frozen=True)
class ErrorReport:
    """What may be shown and copied about an error: no message text, no variable."""

    type_name: str
    expected: bool  # a CaseTrackerError, whose message is written for people
    message: str  # a CaseTrackerError's message in the interface language, else ""
    details: str  # the type, then "file:line" for each frame, with any chained causes

    def copied_text(self) -> str:
        return self.details


def _where(filename: str) -> str:
    """A frame's file without the folders above the package (they can name the user)."""
    parts = PurePath(filename).parts
    for anchor in ("casetracker", "site-packages"):
        if anchor in parts:
            return "/".join(parts[parts.index(anchor):])
    return PurePath(filename).name


def _type_name(exc_type: type[BaseException]) -> str:
    module = exc_type.__module__
    return exc_type.__qualname__ if module == "builtins" else f"{module}.{exc_type.__qualname__}"


def _frames(tb: TracebackType | None) -> list[str]:
    return [f"  {_where(frame.filename)}:{frame.lineno}" for frame in traceback.extract_tb(tb)]


def _cause(exc: BaseException) -> BaseException | None:
    if exc.__cause__ is not None or exc.__suppress_context__:
        return exc.__cause__
    return exc.__context__


def describe(exc_type: type[BaseException], exc: BaseException | None,
             tb: TracebackType | None) -> ErrorReport:
    """Turn an exception into what may be shown: its type, frames and (for the program's
    own errors) its message; never another exception's text."""
    lines = [_type_name(exc_type), *_frames(tb)]
    seen = {id(exc)}
    cause = _cause(exc) if exc is not None else None
    while cause is not None and id(cause) not in seen and len(seen) < 10:
        seen.add(id(cause))
        lines += [f"caused by {_type_name(type(cause))}", *_frames(cause.__traceback__)]
        cause = _cause(cause)
    expected = isinstance(exc, CaseTrackerError)
    message = error_text(exc) if expected and exc is not None else ""
    return ErrorReport(_type_name(exc_type), expected, message, "\n".join(lines))


class ErrorDialog(QDialog):
    """The error's type and a short message, the details to copy, and Close."""

    def __init__(self, report: ErrorReport, *, locked: bool,
                 parent: QWidget | None = None) -> None:
        from PySide6.QtCore import Qt

        super().__init__(parent)
        self.setWindowTitle(self.tr("Case Tracker: something went wrong"))
        self.setObjectName("errorDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.report = report
        if report.expected:
            text = report.message
        else:
            text = self.tr(
                "Something went wrong inside Case Tracker ({0}). What was already saved is "
                "safe. If it happens again, copy the details below and send them to whoever "
                "looks after Case Tracker for your program: they name only the place in the "
                "program, never anything from a record.").format(report.type_name)
        if locked:
            text += "\n\n" + self.tr(
                "Case Tracker locked itself, so that no screen goes on showing something out "
                "of date. Unlock to carry on; anything typed but not saved has to be typed "
                "again.")
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(report.details, self)
        self.details.setReadOnly(True)
        self.details.setAccessibleName(self.tr("Details"))
        self.details.setVisible(not report.expected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.copy_button = QPushButton(self.tr("Copy the details"), self)
        self.copy_button.clicked.connect(self.copy_details)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addWidget(self.details, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 320 if not report.expected else 160)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.report.copied_text())
        self.copy_button.setText(self.tr("Copied"))


class ExceptionHook(QObject):
    """`sys.excepthook` for the desktop app. The dialog is shown from the event loop (a
    queued signal), after the failing slot has unwound, and from the GUI thread even when
    the error happened in another."""

    reported = Signal(object)

    def __init__(self, controller: Lockable | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.dialog: ErrorDialog | None = None
        self.repeats = 0
        self._previous = sys.excepthook
        self._connected = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt | SystemExit):
            self._previous(exc_type, exc, tb)  # type: ignore[arg-type]
            return
        # Only strings leave this function: the traceback keeps every frame's variables.
        report = describe(exc_type, exc, tb)
        print(f"Case Tracker error (message and values withheld):\n{report.details}",
              file=sys.stderr)
        if not self._connected:
            from PySide6.QtCore import Qt

            self.reported.connect(self._show, Qt.ConnectionType.QueuedConnection)
            self._connected = True
        self.reported.emit(report)

    def install(self) -> None:
        self._previous = sys.excepthook
        sys.excepthook = self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous

    def _show(self, report: ErrorReport) -> None:
        if self.dialog is not None:
            # A burst (say, a paint that fails each time) gives one dialog, not a pile.
            self.repeats += 1
            return
        locked = False
        if not report.expected:
            locked = self._lock()
        parent = None
        if self.controller is not None:
            parent = self.controller.window or self.controller.lock_screen
        self.dialog = ErrorDialog(report, locked=locked, parent=parent)
        self.dialog.finished.connect(self._closed)
        self.dialog.destroyed.connect(self._closed)  # also when its window goes on locking
        self.dialog.show()
        self.dialog.raise_()

    def _lock(self) -> bool:
        controller = self.controller
        if controller is None or controller.session is None:
            return False
        try:
            controller.lock("after an error")
        except Exception:  # if locking fails, closing the program is the safe way out
            QCoreApplication.exit(1)
            return False
        return True

    def _closed(self) -> None:
        self.dialog = None
        self.repeats = 0


@contextlib.contextmanager
def installed(controller: Lockable | None = None) -> Iterator[ExceptionHook]:
    """The hook in place for the block, the previous one restored after it."""
    hook = ExceptionHook(controller)
    hook.install()
    try:
        yield hook
    finally:
        hook.uninstall()
