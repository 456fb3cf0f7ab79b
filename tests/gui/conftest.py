"""GUI fixtures: a controller on a vault with a team, a fake clock, and no real settings."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings

from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.services import survivors
from tests.conftest import Created, Team
from tests.helpers import FakeClock, top_level_widgets


@pytest.fixture(autouse=True)
def private_settings(tmp_path: Path, qapp: object) -> None:
    """Window geometry must never land in the developer's own settings."""
    QCoreApplication.setOrganizationName("CaseTrackerTests")
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))


@pytest.fixture(autouse=True)
def no_windows_left_open(qapp: object) -> Iterator[None]:
    """Close what a test left on screen, so the next test starts with no window open."""
    yield
    # Asked again after each close: closing one window can delete others (a dialog with
    # WA_DeleteOnClose takes its popups along), and a list taken once would hold them.
    for _ in range(10_000):
        shown = next((w for w in top_level_widgets()
                      if shiboken6.isValid(w) and w.isVisible()), None)
        if shown is None:
            break
        shown.close()
        if shiboken6.isValid(shown):
            shown.hide()


@pytest.fixture
def monotonic() -> FakeClock:
    return FakeClock(1000.0)


@pytest.fixture
def rosa(team: Team) -> Survivor:
    """One survivor in the case manager's caseload."""
    return survivors.create_survivor(
        team.case_manager, survivors.draft("CT-0001", "Rosa", legal_first_name="Rosa María",
                                           legal_last_name="Quintero"))


@pytest.fixture
def controller(team: Team, monotonic: FakeClock, qtbot: object) -> Iterator[AppController]:
    team.close()  # the GUI opens its own sessions
    app_controller = AppController(team.vault, clock=monotonic)
    app_controller.start()
    yield app_controller
    app_controller.lock()
    if app_controller.lock_screen is not None:
        app_controller.lock_screen.close()


__all__ = ["Created", "controller", "monotonic", "rosa"]


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_teardown(item: pytest.Item) -> Iterator[None]:
    """pytest-qt closes the widgets a test registered: skip those whose C++ object a lock or
    Quick exit already destroyed (their deleteLater runs in the events pytest-qt processes
    just before closing), instead of failing the teardown on them."""
    import weakref

    def alive_only(ref: weakref.ref[object]) -> object:
        def alive() -> object:
            widget = ref()
            return widget if widget is not None and shiboken6.isValid(widget) else None
        return alive

    widgets = getattr(item, "qt_widgets", None)
    if widgets:
        item.qt_widgets = [(alive_only(ref), close)  # type: ignore[attr-defined]
                           for ref, close in widgets]
    return (yield)
