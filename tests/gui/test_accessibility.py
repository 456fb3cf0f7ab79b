"""Every window of the screen walk, as a screen reader and a keyboard user meet it.

Names are read the way assistive technology reads them, through `QAccessible`; Tab is
followed through `nextInFocusChain`, as Qt moves focus.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.goal_dialog import GoalDialog
from casetracker.gui.first_run import FirstRunDialog
from casetracker.gui.lock_screen import LockScreen
from casetracker.gui.main_window import MainWindow
from casetracker.gui.screens import walk
from casetracker.gui.widgets import label_combo_boxes
from casetracker.services import demo
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE, PASSPHRASES, SUPERVISOR

INTERACTIVE = (QAbstractButton, QLineEdit, QTextEdit, QPlainTextEdit, QComboBox,
               QAbstractSpinBox, QAbstractItemView, QAbstractSlider, QTabBar)


@pytest.fixture
def caseload(team: Team) -> Team:
    """A few synthetic cases with goals, documents, consents and placements."""
    demo.populate(team.supervisor, 6, [CASE_MANAGER], seed=11)
    return team


def accessible_name(widget: QWidget) -> str:
    """What a screen reader announces the control as."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    if isinstance(widget, QComboBox):
        # On Linux Qt gives a combo box its current item as its name and names it through
        # the Label relation (a buddy label) instead; the item is not what it is for.
        return " ".join(other.text(QAccessible.Text.Name).strip() for other, _relation
                        in interface.relations(QAccessible.Relation.Label)).strip()
    return interface.text(QAccessible.Text.Name).strip()


def qt_internal(widget: QWidget) -> bool:
    """Parts of a control that Qt names and moves through as part of the control."""
    parent = widget.parentWidget()
    return (widget.objectName().startswith("qt_")
            or isinstance(widget, QScrollBar | QHeaderView)
            or isinstance(parent, QComboBox | QAbstractSpinBox))


def controls(window: QWidget) -> Iterator[QWidget]:
    """Visible widgets of the window a person can operate, or that take focus."""
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible() or qt_internal(widget):
            continue
        takes_tab = bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        if isinstance(widget, INTERACTIVE) or (takes_tab and not isinstance(widget, QLabel)) or (
                isinstance(widget, QLabel) and takes_tab):
            yield widget


def tab_stops(window: QWidget) -> list[QWidget]:
    """What Tab visits, once round the chain, starting where Qt puts the focus."""
    def stops_here(widget: QWidget) -> bool:
        return (widget.window() is window and widget.isVisible() and widget.isEnabled()
                and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
                and widget.focusProxy() is None)

    found: list[QWidget] = []
    widget = window.nextInFocusChain()
    while widget is not window and len(found) < 2000:
        if stops_here(widget) and widget not in found:
            found.append(widget)
        widget = widget.nextInFocusChain()
    focused = window.focusWidget()
    while focused is not None and focused.focusProxy() is not None:
        focused = focused.focusProxy()
    if focused in found:
        start = found.index(focused)
        found = found[start:] + found[:start]
    return found


def reached_by_keyboard(widget: QWidget, stops: list[QWidget]) -> bool:
    target = widget
    while target.focusProxy() is not None:
        target = target.focusProxy()
    if target in stops:
        return True
    # A toolbar button is reached through its menu (Alt and a letter) or its shortcut.
    if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QToolBar):
        action = widget.defaultAction()
        window = widget.window()
        in_menu = isinstance(window, QMainWindow) and any(
            action in menu.actions() for menu in menus(window))
        return in_menu or not action.shortcut().isEmpty()
    return False


def menus(window: QMainWindow) -> list[object]:
    return [a.menu() for a in window.menuBar().actions() if a.menu() is not None]


def where(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def describe(widget: QWidget) -> str:
    told = widget.accessibleName()
    return f"{type(widget).__name__} {accessible_name(widget)!r}" + (
        f" (set: {told!r})" if told and told != accessible_name(widget) else "")


def out_of_order(window: QWidget, stops: list[QWidget]) -> list[str]:
    """Tab going back up the same column: a control visited after one shown below it."""
    if not stops:
        return []
    # Read from the control nearest the top left, once round the chain.
    first = min(stops, key=lambda w: (where(w, window).top(), where(w, window).left()))
    start = stops.index(first)
    ordered = stops[start:] + stops[:start]
    problems = []
    for before, after in pairwise(ordered):
        a, b = where(before, window), where(after, window)
        same_column = b.left() < a.right() and a.left() < b.right()
        if same_column and b.bottom() < a.top():
            problems.append(f"Tab goes up from {describe(before)} to {describe(after)}")
    return problems


def problems_in(window: QWidget) -> list[str]:
    stops = tab_stops(window)
    problems = []
    for widget in controls(window):
        if not accessible_name(widget):
            problems.append(f"{describe(widget)} has no accessible name")
        if widget.isEnabled() and not reached_by_keyboard(widget, stops):
            problems.append(f"{describe(widget)} cannot be reached by keyboard")
    for label in window.findChildren(QLabel):
        told = label.accessibleName()
        if label.isVisible() and label.text() and told and told != label.text():
            # A screen reader reads a label's name instead of its text.
            problems.append(f"label {told!r} hides its text {label.text()[:30]!r}")
    return problems + out_of_order(window, stops)


@pytest.mark.parametrize("role", ["case_manager", "supervisor", "coordinator"])
def test_every_control_is_named_and_reached_by_tab_in_visual_order(qtbot: QtBot,
                                                                   caseload: Team,
                                                                   role: str) -> None:
    found: dict[str, list[str]] = {}
    seen = 0
    for name, widget in walk(caseload.vault, getattr(caseload, role)):
        problems = problems_in(widget.window())
        if problems:
            found[name] = problems
        seen += sum(1 for _ in controls(widget.window()))
    assert found == {}
    assert seen > 100  # the walk really reached the controls


def test_the_check_finds_nameless_controls_one_tab_skips_and_tab_going_up(
        qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    below = QLineEdit(window)
    below.setAccessibleName("Below")
    above = QLineEdit(window)  # made second, shown first: Tab goes up
    above.setAccessibleName("Above")
    nameless = QLineEdit(window)
    skipped = QLineEdit(window)
    skipped.setAccessibleName("Skipped")
    skipped.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
    combo = QComboBox(window)
    combo.addItem("Internship")
    combo.setAccessibleName("Kind")  # Linux reads "Internship": only a buddy label names it
    shown = QLabel("CT-0001", window)
    shown.setAccessibleName("Case number")
    for widget in (above, below, nameless, skipped, combo, shown):
        layout.addWidget(widget)
    window.show()
    assert problems_in(window) == [
        "QLineEdit '' has no accessible name",
        "QLineEdit 'Skipped' cannot be reached by keyboard",
        "QComboBox '' (set: 'Kind') has no accessible name",
        # Read from the top: Above, the nameless one, Kind, then back up to Below.
        "label 'Case number' hides its text 'CT-0001'",
        "Tab goes up from QComboBox '' (set: 'Kind') to QLineEdit 'Below'"]
    label_combo_boxes(window)
    assert accessible_name(combo) == "Kind"


def names_in_tab_order(window: QWidget) -> list[str]:
    return [accessible_name(w) for w in tab_stops(window)
            if not isinstance(w.parentWidget(), QTabBar)]  # a tab bar's own scroll arrows


def test_tab_order_of_the_lock_screen_and_first_run(qtbot: QtBot) -> None:
    lock = LockScreen(["ana", "sam"])
    qtbot.addWidget(lock)
    lock.show()
    qtbot.waitExposed(lock)
    assert names_in_tab_order(lock) == [
        "Passphrase", "Unlock", "Forgot the passphrase? Use the recovery key",
        "Set up your program's database…", "Join a program…", "Open another database…",
        "Don't list account names on this computer", "Account"]
    first_run = FirstRunDialog("/tmp/case.db")
    qtbot.addWidget(first_run)
    first_run.show()
    assert names_in_tab_order(first_run) == [
        "Account name", "Passphrase", "Repeat the passphrase", "Organisation's name",
        "Organisation's address", "Organisation's phone", "Join a program instead…", "OK",
        "Cancel"]


def test_tab_order_of_a_goal_starts_at_its_first_field(qtbot: QtBot) -> None:
    dialog = GoalDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert names_in_tab_order(dialog) == [
        "Domain", "Specific", "Measurable", "Achievable", "Relevant", "Time-bound: target date",
        "On the person’s plan", "Milestones", "Add milestone", "Remove milestone", "OK",
        "Cancel"]


def test_tab_order_of_the_main_window_and_a_record(qtbot: QtBot, caseload: Team,
                                                   controller: AppController) -> None:
    window, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentWidget(record.notes)
    names = names_in_tab_order(window)
    assert names[:3] == ["Search", "Show", "Caseload"]
    assert names[3:] == ["Close case", "Notes", "Contact", "Date", "Note", "Services given…",
                         "Add note", "Case notes"]


@pytest.mark.parametrize("who", [CASE_MANAGER, SUPERVISOR])
def test_every_toolbar_action_has_a_menu_letter(qtbot: QtBot, caseload: Team,
                                                controller: AppController, who: str) -> None:
    """Each menu's letters are its own (a supervisor's Tools menu once had two S and two
    C, and Alt+T, S opened neither Settings nor Staff accounts)."""
    window = unlock(qtbot, controller, who, PASSPHRASES[who])
    assert isinstance(window, MainWindow)
    titles = [a.text() for a in window.menuBar().actions()]
    assert all("&" in title for title in titles)
    assert len({t[t.index("&") + 1].lower() for t in titles}) == len(titles)
    in_menus = [a for menu in menus(window) for a in menu.actions()]  # type: ignore[attr-defined]
    toolbar = window.findChild(QToolBar, "mainToolbar")
    for action in toolbar.actions():
        if action.isVisible() and action.text():
            assert action in in_menus, action.text()
    for menu in menus(window):
        letters = [a.text()[a.text().index("&") + 1].lower() for a in menu.actions()  # type: ignore[attr-defined]
                   if "&" in a.text() and a.isVisible()]
        assert len(letters) == len(set(letters)), letters


def test_esc_twice_still_hides_and_locks_from_a_record_form(qtbot: QtBot, caseload: Team,
                                                            controller: AppController) -> None:
    _, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentWidget(record.notes)
    field = record.notes.findChild(QPlainTextEdit)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert controller.window is None
    assert controller.session is None
    assert controller.lock_screen is not None
