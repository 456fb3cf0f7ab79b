"""Quick exit: Esc twice as a real keyboard sends it, every window hidden, and the red button
always on screen.

Key presses here go in at the window (`QTest.keyClick` on the QWindow), as a real keyboard's
do: Qt hands each one to the window, which forwards the same event to the focused widget and up
through its parents, and builds the next press at the same address. `qtbot.keyClick` on a widget
skips that first step, which is how Esc twice passed the tests and failed on a real keyboard.
tests/x11/ drives the real program with real X key presses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent, QUndoCommand, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLineEdit,
    QMessageBox,
    QToolBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.main_window import MainWindow
from tests.gui.test_translations import spanish_installed
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
    top_level_widgets,
)

ROLES = {"supervisor": (SUPERVISOR, SUPERVISOR_PASSPHRASE),
         "case manager": (CASE_MANAGER, CASE_MANAGER_PASSPHRASE),
         "coordinator": (COORDINATOR, COORDINATOR_PASSPHRASE)}
# The longest change the record screens name, made longer: Undo must not grow with it.
LONG_CHANGE = "Mark the work authorization / EAD card as requested from the consulate"


def unlock(qtbot: QtBot, controller: AppController, name: str, passphrase: str) -> MainWindow:
    """Unlock through the lock screen. The window is not handed to qtbot: quick exit deletes
    it, and a wrapper kept alive by a reference cycle would trip qtbot's clean-up; the
    controller fixture and the GUI conftest close what is left."""
    screen = controller.lock_screen
    assert screen is not None
    screen.account.setCurrentText(name)
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None, screen.error.text()
    return controller.window


def window_of(widget: QWidget) -> QWindow:
    handle = widget.window().windowHandle()
    assert handle is not None, "the window is not shown"
    return handle


def press(widget: QWidget, key: Qt.Key = Qt.Key.Key_Escape) -> None:
    """A key press as a keyboard makes it: into the window that holds `widget`."""
    QTest.keyClick(window_of(widget), key)


def visible_windows() -> list[QWidget]:
    return [w for w in top_level_widgets() if w.isVisible()]


@pytest.fixture
def exits(controller: AppController) -> list[bool]:
    """One entry each time the controller asks the program to end."""
    ended: list[bool] = []
    controller.quick_exited.connect(lambda: ended.append(True))
    return ended


@pytest.fixture
def case_manager(qtbot: QtBot, rosa: Survivor,
                 controller: AppController) -> Callable[[], MainWindow]:
    """Unlocks as the case manager (a window kept in a fixture would outlive its C++ object)."""
    def open_window() -> MainWindow:
        window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
        qtbot.waitExposed(window)
        return window

    return open_window


def focus_search(window: MainWindow) -> QWidget:
    window.search.setFocus()
    return window.search


def focus_table(window: MainWindow) -> QWidget:
    window.table.setFocus()
    return window.table


def focus_nothing(window: MainWindow) -> QWidget:
    # An empty pane: nothing has the focus, so the window itself receives the keys.
    focused = window.focusWidget()
    if focused is not None:
        focused.clearFocus()
    assert window.focusWidget() is None
    return window


def focus_record_form(window: MainWindow) -> QWidget:
    window.table.selectRow(0)
    assert window.record is not None
    window.record.tabs.setCurrentWidget(window.record.notes)
    field = window.record.notes.focusWidget() or window.record.notes
    field.setFocus()
    return field


@pytest.mark.parametrize("place", [focus_search, focus_table, focus_nothing, focus_record_form],
                         ids=["search box", "table", "empty pane", "record form"])
def test_esc_twice_as_a_keyboard_sends_it_hides_and_locks(
        qtbot: QtBot, case_manager: Callable[[], MainWindow], controller: AppController,
        exits: list[bool], place: Callable[[MainWindow], QWidget]) -> None:
    target = place(case_manager())
    session = controller.session
    assert session is not None
    press(target)
    assert controller.session is session, "one Esc is not enough"
    press(target)
    assert session.closed
    assert controller.session is None
    assert visible_windows() == []
    assert exits == [True]


def test_esc_twice_with_a_dialog_open(qtbot: QtBot, case_manager: Callable[[], MainWindow],
                                      controller: AppController, exits: list[bool]) -> None:
    window = case_manager()
    window.open_intake()
    dialog = window.active_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    press(dialog)  # the dialog's own Esc: it closes, and the press still counts
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()
    assert controller.session is not None
    press(window)  # where the focus goes back to
    assert controller.session is None
    assert visible_windows() == []
    assert exits == [True]


class KeepsEsc(QDialog):
    """A dialog that takes Esc for itself (as an inline editor cancelling an edit would)."""

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt API
        event.accept()


def test_esc_twice_in_a_dialog_that_keeps_esc(qtbot: QtBot,
                                              case_manager: Callable[[], MainWindow],
                                              controller: AppController,
                                              exits: list[bool]) -> None:
    dialog = KeepsEsc(case_manager())
    field = QLineEdit(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    field.setFocus()
    press(field)
    assert dialog.isVisible()
    press(field)
    assert controller.session is None
    assert visible_windows() == []
    assert exits == [True]


def test_every_window_is_hidden_at_once(qtbot: QtBot, rosa: Survivor,
                                        controller: AppController, exits: list[bool]) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.open_dashboard()
    dashboard = window.active_dialog
    window.open_employers()
    employers = window.active_dialog
    box = QMessageBox(QMessageBox.Icon.Information, "Case Tracker", "A notice", parent=window)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.show()
    stray = QWidget()  # a top-level window that belongs to no one
    qtbot.addWidget(stray)
    stray.show()
    assert dashboard is not None
    assert employers is not None
    for shown in (window, dashboard, employers, box, stray):
        qtbot.waitExposed(shown)
    hidden: list[str] = []
    # Each window reports what it saw when it went: nothing may still show by the time the
    # database closes.
    session = controller.session
    assert session is not None
    for shown in (window, dashboard, employers, box, stray):
        shown.windowHandle().visibleChanged.connect(
            lambda visible, s=session: hidden.append("open" if not s.closed else "closed")
            if not visible else None)
    window.search.setFocus()
    press(window)
    press(window)
    assert visible_windows() == []
    assert [w for w in QApplication.topLevelWindows() if w.isVisible()] == []
    assert hidden == ["open"] * 5, "every window is hidden before the database closes"
    assert controller.session is None
    assert exits == [True]


def test_esc_twice_on_the_lock_screen_hides_it(qtbot: QtBot, controller: AppController,
                                               exits: list[bool]) -> None:
    screen = controller.lock_screen
    assert screen is not None
    qtbot.waitExposed(screen)
    press(screen.passphrase)
    press(screen.passphrase)
    assert not screen.isVisible()
    assert visible_windows() == []
    assert exits == [True]


def test_what_is_not_esc_twice(qtbot: QtBot, case_manager: Callable[[], MainWindow],
                               controller: AppController, monotonic: FakeClock,
                               exits: list[bool]) -> None:
    search = focus_search(case_manager())
    press(search)
    monotonic.advance(0.9)  # too slow
    press(search)
    press(search, Qt.Key.Key_A)  # something typed in between
    press(search)
    held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier,
                     "", True)  # Esc held down: the keyboard repeats it
    QApplication.sendEvent(window_of(search), held)
    QApplication.sendEvent(window_of(search), held)
    assert controller.session is not None
    assert exits == []
    press(search)
    assert controller.session is None


def test_a_locked_controller_ignores_esc(qtbot: QtBot, case_manager: Callable[[], MainWindow],
                                         controller: AppController, exits: list[bool]) -> None:
    """Once its windows are closed, a controller leaves Esc to whatever else is on screen."""
    case_manager()
    controller.lock()
    assert controller.lock_screen is not None
    controller.lock_screen.close()
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    qtbot.waitExposed(other)
    press(other)
    press(other)
    assert other.isVisible()
    assert exits == []


# -- the red button -------------------------------------------------------------------------------


@pytest.fixture(params=["en", "es"])
def language(request: pytest.FixtureRequest, tmp_path: Path, qapp: object) -> Iterator[str]:
    if request.param == "en":
        yield "en"
        return
    with spanish_installed(tmp_path):
        yield "es"


def geometry_in(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def undoable_action(window: MainWindow) -> None:
    """The longest Undo text there is; a case manager's is a real change to a document."""
    if window.session.account.role.value == "case_manager":
        from casetracker.domain.documents import DocumentKind, DocumentStatus

        window.table.selectRow(0)
        assert window.record is not None
        window.record.tabs.setCurrentWidget(window.record.documents)
        box = window.record.documents.status_boxes[DocumentKind.PASSPORT.value]
        box.setCurrentIndex(box.findData(DocumentStatus.REQUESTED))
        box.activated.emit(box.currentIndex())
        assert window.undo_action.isEnabled()
    window.undo_stack.push(QUndoCommand(LONG_CHANGE))


def assert_quick_exit_on_screen(window: MainWindow) -> None:
    button = window.quick_exit_button
    assert button.isVisible()
    place = geometry_in(button, window)
    assert window.rect().contains(place), (place, window.rect())
    assert button.width() >= button.sizeHint().width()  # not squeezed
    # Not under a menu title, and not in any overflow menu.
    menus = window.menuBar()
    for action in menus.actions():
        title = menus.actionGeometry(action)
        if action.isVisible() and title.isValid():
            assert not QRect(menus.mapTo(window, title.topLeft()), title.size()).intersects(
                place), action.text()
    # What a click there hits is the button itself.
    assert window.childAt(place.center()) is button


@pytest.mark.parametrize("role", list(ROLES))
def test_quick_exit_is_on_screen_and_clickable_at_1024x768(
        qtbot: QtBot, rosa: Survivor, controller: AppController, exits: list[bool],
        language: str, role: str) -> None:
    window = unlock(qtbot, controller, *ROLES[role])
    assert window.quick_exit_button.text().replace("&", "") == (
        "Salida rápida" if language == "es" else "Quick exit")
    window.resize(1024, 768)
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: window.width() == 1024)
    undo_button = window.findChild(QToolBar, "mainToolbar").widgetForAction(window.undo_action)
    undo_width = undo_button.width()
    assert_quick_exit_on_screen(window)
    undoable_action(window)
    QApplication.processEvents()
    assert undo_button.width() == undo_width, "Undo keeps its size"
    assert LONG_CHANGE in window.undo_action.toolTip()
    assert window.undo_action.text() in window.undo_action.toolTip()
    assert_quick_exit_on_screen(window)
    session = controller.session
    assert session is not None
    qtbot.mouseClick(window.quick_exit_button, Qt.MouseButton.LeftButton)
    assert session.closed
    assert not window.isVisible()
    assert exits == [True]


def test_quick_exit_stays_on_screen_at_the_narrowest_window(
        qtbot: QtBot, rosa: Survivor, controller: AppController, tmp_path: Path) -> None:
    """The supervisor has the most toolbar actions; Spanish has the longest words."""
    with spanish_installed(tmp_path):
        window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
        window.undo_stack.push(QUndoCommand(LONG_CHANGE))
        narrowest = window.minimumSizeHint().width()
        window.resize(narrowest, 600)
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: window.width() == narrowest)
        toolbar = window.findChild(QToolBar, "mainToolbar")
        assert any(not toolbar.widgetForAction(a).isVisible()
                   for a in toolbar.actions() if a.isVisible()), "the toolbar does overflow"
        assert_quick_exit_on_screen(window)


def test_undo_and_redo_name_the_change_in_their_tooltips(qtbot: QtBot,
                                                         case_manager: MainWindow) -> None:
    window = case_manager()
    assert not window.undo_action.isEnabled()
    assert not window.redo_action.isEnabled()
    window.undo_stack.push(QUndoCommand("Tick off a task"))
    assert window.undo_action.isEnabled()
    assert window.undo_action.text() == "Undo"
    assert window.undo_action.toolTip() == "Undo: Tick off a task"
    window.undo_action.trigger()
    assert window.redo_action.isEnabled()
    assert window.redo_action.text() == "Redo"
    assert window.redo_action.toolTip() == "Redo: Tick off a task"
    assert window.undo_action.toolTip() == "Undo"
