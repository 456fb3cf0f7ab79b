"""The screen walk opens every window and dialog, shown, and closes each afterwards."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from casetracker.gui.screens import walk
from casetracker.gui.screenshots import render_all
from casetracker.services import demo
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, SUPERVISOR, SUPERVISOR_PASSPHRASE, top_level_widgets

LOCKED = ["lock-screen", "dialog-recovery", "dialog-new-passphrase", "message-error",
          "dialog-first-run", "dialog-recovery-key"]
RECORD_DIALOGS = ["dialog-edit-survivor", "dialog-goal", "dialog-milestone", "dialog-check-in",
                  "dialog-plan-choice",
                  "dialog-scan", "dialog-next-step", "dialog-consent", "dialog-review"]


@pytest.fixture
def caseload(team: Team) -> Team:
    """A few synthetic cases with goals, documents, consents and placements."""
    demo.populate(team.supervisor, 6, [CASE_MANAGER], seed=7)
    return team


def open_windows() -> set[int]:
    return {id(w) for w in top_level_widgets() if isValid(w) and w.isVisible()}


def owners(widget: QWidget | None) -> set[int]:
    """The widget's window and each window above it."""
    found = set()
    while widget is not None:
        found.add(id(widget.window()))
        widget = widget.window().parentWidget()
    return found


def test_the_case_managers_walk_shows_each_screen_then_closes_it(qtbot: QtBot,
                                                                 caseload: Team) -> None:
    names = []
    before = open_windows()  # whatever earlier tests left behind
    for name, widget in walk(caseload.vault, caseload.case_manager):
        assert widget.isVisible(), name
        # Only this screen and the windows it was opened from are open: the last one closed.
        assert open_windows() - before <= owners(widget), name
        names.append(name)
    assert open_windows() - before == set()
    assert len(names) == len(set(names)), names
    assert names[:len(LOCKED)] == LOCKED
    tabs = [n for n in names if n.startswith("record-")]
    assert tabs == ["record-profile", "record-barriers", "record-goals-and-plans",
                    "record-documents", "record-notes", "record-tasks", "record-placement",
                    "record-consent", "record-reviews", "record-sensitive"]
    for expected in [*RECORD_DIALOGS, "caseload", "dialog-new-survivor", "dialog-workshop",
                     "employers", "dialog-employer", "dialog-settings"]:
        assert expected in names
    assert "dialog-share-preview" in names or "dialog-share" in names
    assert "dashboard" not in names  # a case manager has no dashboard to open


def test_the_supervisors_walk_includes_the_supervision_windows(qtbot: QtBot,
                                                               caseload: Team) -> None:
    names = [name for name, _widget in walk(caseload.vault, caseload.supervisor)]
    for expected in ["dashboard", "dialog-cases-behind", "audit-log", "dialog-letter-template"]:
        assert expected in names
    assert "dialog-new-survivor" not in names


def test_the_coordinators_record_has_the_employment_tabs(qtbot: QtBot, caseload: Team) -> None:
    names = [name for name, _widget in walk(caseload.vault, caseload.coordinator)]
    assert [n for n in names if n.startswith("record-")] == [
        "record-employment-profile", "record-placement", "record-consent"]


def test_screenshots_are_written_for_every_screen(qtbot: QtBot, caseload: Team,
                                                  tmp_path: Path) -> None:
    written = render_all(caseload.vault, SUPERVISOR, SUPERVISOR_PASSPHRASE, tmp_path)
    assert [p.name for p in written][:2] == ["01-lock-screen.png", "02-dialog-recovery.png"]
    assert len(written) > 20
    for path in written:
        image = QImage(str(path))
        assert image.width() > 100, path.name
