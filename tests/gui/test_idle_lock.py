"""The idle auto-lock counts the person's input, and nothing else, as activity.

Real events go through the application into a real widget; time is a fake monotonic clock that
moves only when a test advances it, so nothing here waits on the wall clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.safety import IdleLock
from tests.gui.test_app import unlock
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE, FakeClock

TIMEOUT = 60.0


class Witness(QObject):
    """Records the type of every event the application delivers, so a test knows the event it
    meant to send really went through the same door the idle lock watches."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        self.seen.append(event.type())
        return False


class Idle:
    """An `IdleLock` on the fake clock, with the times at which it fired."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.lock = IdleLock(TIMEOUT, clock=clock)
        self.fired: list[float] = []
        self.lock.idle.connect(lambda: self.fired.append(clock.now))

    def check_at(self, seconds: float) -> list[float]:
        """Move the clock on by `seconds`, run the lock's check, return when it fired."""
        self.clock.advance(seconds)
        self.lock.check()
        return self.fired


@pytest.fixture
def field(qtbot: QtBot) -> QLineEdit:
    widget = QLineEdit()
    qtbot.addWidget(widget)
    widget.resize(240, 40)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    QApplication.processEvents()  # what showing the window queued is delivered before the test
    return widget


@pytest.fixture
def witness(qapp: QApplication) -> Iterator[Witness]:
    spy = Witness()
    qapp.installEventFilter(spy)
    yield spy
    qapp.removeEventFilter(spy)


@pytest.fixture
def idle(field: QLineEdit, monotonic: FakeClock) -> Iterator[Idle]:
    watched = Idle(monotonic)
    watched.lock.start()
    yield watched
    watched.lock.stop()


def _key(qtbot: QtBot, field: QLineEdit) -> None:
    qtbot.keyClick(field, Qt.Key.Key_A)


def _mouse_move(qtbot: QtBot, field: QLineEdit) -> None:
    # Two different points: the second is a move whatever the cursor's last position was.
    QTest.mouseMove(field, QPoint(10, 10))
    QTest.mouseMove(field, QPoint(30, 20))


def _mouse_click(qtbot: QtBot, field: QLineEdit) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton, pos=QPoint(12, 12))


def _wheel(qtbot: QtBot, field: QLineEdit) -> None:
    centre = QPointF(field.rect().center())
    QApplication.sendEvent(field, QWheelEvent(
        centre, QPointF(field.mapToGlobal(field.rect().center())), QPoint(), QPoint(0, 120),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase,
        False))


INPUTS: dict[str, tuple[Callable[[QtBot, QLineEdit], None], QEvent.Type]] = {
    "key": (_key, QEvent.Type.KeyPress),
    "mouse move": (_mouse_move, QEvent.Type.MouseMove),
    "mouse click": (_mouse_click, QEvent.Type.MouseButtonPress),
    "wheel": (_wheel, QEvent.Type.Wheel),
}


@pytest.mark.parametrize("kind", list(INPUTS))
def test_input_restarts_the_idle_time(qtbot: QtBot, field: QLineEdit, idle: Idle,
                                      witness: Witness, kind: str) -> None:
    send, event_type = INPUTS[kind]
    assert idle.check_at(TIMEOUT - 1) == []
    send(qtbot, field)
    assert event_type in witness.seen
    input_at = idle.clock.now
    # Nearly two timeouts since the lock started, but one second short of one since the input.
    assert idle.check_at(TIMEOUT - 1) == []
    assert idle.check_at(1) == [input_at + TIMEOUT]


def _paint(qtbot: QtBot, field: QLineEdit) -> None:
    field.repaint()


def _timer(qtbot: QtBot, field: QLineEdit) -> None:
    timer = QTimer(field)
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout):
        timer.start(1)


def _update_request(qtbot: QtBot, field: QLineEdit) -> None:
    QApplication.postEvent(field, QEvent(QEvent.Type.UpdateRequest))
    QApplication.processEvents()


def _resize(qtbot: QtBot, field: QLineEdit) -> None:
    field.resize(field.width() + 20, field.height())
    QApplication.processEvents()


def _layout_request(qtbot: QtBot, field: QLineEdit) -> None:
    QApplication.sendEvent(field, QEvent(QEvent.Type.LayoutRequest))


def _user_event(qtbot: QtBot, field: QLineEdit) -> None:
    QApplication.sendEvent(field, QEvent(QEvent.Type.User))


NOT_INPUT: dict[str, tuple[Callable[[QtBot, QLineEdit], None], QEvent.Type]] = {
    "paint": (_paint, QEvent.Type.Paint),
    "timer": (_timer, QEvent.Type.Timer),
    "update request": (_update_request, QEvent.Type.UpdateRequest),
    "resize": (_resize, QEvent.Type.Resize),
    "layout request": (_layout_request, QEvent.Type.LayoutRequest),
    "custom event": (_user_event, QEvent.Type.User),
}


@pytest.mark.parametrize("kind", list(NOT_INPUT))
def test_paints_timers_and_other_events_are_not_activity(qtbot: QtBot, field: QLineEdit,
                                                         idle: Idle, witness: Witness,
                                                         kind: str) -> None:
    send, event_type = NOT_INPUT[kind]
    start = idle.clock.now
    assert idle.check_at(TIMEOUT - 1) == []
    send(qtbot, field)
    assert event_type in witness.seen
    assert idle.check_at(1) == [start + TIMEOUT]


def test_the_lock_fires_once_until_there_is_input_again(qtbot: QtBot, field: QLineEdit,
                                                        idle: Idle) -> None:
    start = idle.clock.now
    assert idle.check_at(TIMEOUT) == [start + TIMEOUT]
    assert idle.check_at(TIMEOUT) == [start + TIMEOUT]
    idle.lock.touch()
    assert idle.check_at(TIMEOUT) == [start + TIMEOUT, start + 3 * TIMEOUT]


def test_typing_in_the_main_window_keeps_it_unlocked_and_painting_does_not(
        qtbot: QtBot, rosa: Survivor, controller: AppController, monotonic: FakeClock) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    session = controller.session
    assert session is not None
    timeout = controller.idle.timeout_seconds
    monotonic.advance(timeout - 1)
    qtbot.keyClick(window.search, Qt.Key.Key_R)
    monotonic.advance(timeout - 1)
    window.repaint()  # the search's results repaint the window: not the person's doing
    controller.idle.check()
    assert controller.session is session
    assert not session.closed
    monotonic.advance(1)
    controller.idle.check()
    assert session.closed
    assert controller.window is None
