"""Printing the survivor's plan from the Goals tab asks what goes on it (legal and health goals
unticked), and the goal and milestone dialogs take the wording for the survivor."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import Survivor
from casetracker.export import leak_guard
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.goal_dialog import GoalDialog, MilestoneDialog
from casetracker.gui.dialogs.plan_dialog import PlanChoiceDialog
from casetracker.services import notes, plans, reviews
from tests.conftest import Team
from tests.gui.test_app import verify
from tests.gui.test_saving_right import SaveDialog, open_goals
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE

SHOTS = os.environ.get("CASETRACKER_SHOTS")
CASE_MANAGER_LOGIN = (CASE_MANAGER, CASE_MANAGER_PASSPHRASE)


@pytest.fixture
def planned(team: Team, rosa: Survivor) -> dict[str, str]:
    target = clock.today() + timedelta(days=90)
    work = plans.add_goal(team.case_manager, rosa.case_number, domain=GoalDomain.EMPLOYMENT,
                          specific="Work in a warehouse", measurable="Offer", achievable="Yes",
                          relevant="Income", target_date=target,
                          milestones=[("Forklift course", clock.today() + timedelta(days=9))])
    legal = plans.add_goal(team.case_manager, rosa.case_number, domain=GoalDomain.LEGAL,
                           specific="File a vacatur petition", measurable="Filed",
                           achievable="Clinic", relevant="Record", target_date=target)
    notes.add_task(team.case_manager, rosa.case_number, "Bring two pay stubs",
                   clock.today() + timedelta(days=4), for_survivor=True)
    reviews.add_review(team.supervisor, rosa.case_number, "Fine", ["Request the state ID"],
                       signed_off=True)
    return {"work": work.id, "step": work.milestones[0].id, "legal": legal.id}


def test_the_case_manager_chooses_what_goes_on_the_plan(
        qtbot: QtBot, team: Team, planned: dict[str, str], controller: AppController,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, goals = open_goals(qtbot, controller)
    qtbot.mouseClick(goals.plan_button, Qt.MouseButton.LeftButton)
    dialog = goals.active_dialog
    assert isinstance(dialog, PlanChoiceDialog)
    assert dialog.data() == {planned["work"], planned["step"],
                             *(i for i in dialog.data() if i not in planned.values())}
    assert dialog.row(planned["legal"]).checkState(0) == Qt.CheckState.Unchecked
    assert len(dialog.data()) == 3  # the goal, its step, the task for the survivor
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "plan-choice-dialog.png"))
    # Unticking a goal takes its step with it; the legal goal is ticked by hand.
    dialog.row(planned["work"]).setCheckState(0, Qt.CheckState.Unchecked)
    assert dialog.row(planned["step"]).checkState(0) == Qt.CheckState.Unchecked
    dialog.row(planned["legal"]).setCheckState(0, Qt.CheckState.Checked)
    saved = SaveDialog(tmp_path / "plan", "PDF (*.pdf)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", saved)
    dialog.accept()
    text = leak_guard.pdf_text((tmp_path / "plan.pdf").read_bytes())
    assert "file a vacatur petition" in text
    assert "bring two pay stubs" in text
    assert "warehouse" not in text
    assert "forklift" not in text
    assert "state id" not in text


def test_the_goal_and_milestone_dialogs_take_the_survivors_wording(
        qtbot: QtBot, team: Team, planned: dict[str, str], controller: AppController) -> None:
    _, goals = open_goals(qtbot, controller)
    goals.tree.setCurrentItem(goals.tree.topLevelItem(0))
    goals.edit_selected()
    dialog = goals.active_dialog
    assert isinstance(dialog, GoalDialog)
    qtbot.keyClicks(dialog.survivor_wording, "Get a job at the warehouse")
    if SHOTS:
        dialog.grab().save(str(Path(SHOTS) / "goal-dialog.png"))
    dialog.accept()
    goals.tree.setCurrentItem(goals.tree.topLevelItem(0).child(0))
    goals.edit_selected()
    step = goals.active_dialog
    assert isinstance(step, MilestoneDialog)
    qtbot.keyClicks(step.survivor_wording, "Learn to drive a forklift")
    if SHOTS:
        step.grab().save(str(Path(SHOTS) / "milestone-dialog.png"))
    step.accept()
    with verify(team) as session:  # type: ignore[attr-defined]
        work = plans.get_goal(session, planned["work"])
    assert work.survivor_wording == "Get a job at the warehouse"
    assert work.milestones[0].survivor_wording == "Learn to drive a forklift"
    assert work.specific == "Work in a warehouse"  # the staff wording stays


def test_a_review_task_says_case_review_in_the_interface(
        qtbot: QtBot, team: Team, planned: dict[str, str], controller: AppController) -> None:
    window, _ = open_goals(qtbot, controller)
    assert window.record is not None
    window.record.tabs.setCurrentWidget(window.record.tasks)
    shown = [window.record.tasks.list.item(i).text()
             for i in range(window.record.tasks.list.count())]
    assert any(text.startswith("Case review: Request the state ID — due ") for text in shown)


def test_the_export_log_names_the_plan_and_its_parts_in_words(
        qtbot: QtBot, team: Team, planned: dict[str, str], rosa: Survivor, tmp_path: Path,
        controller: AppController) -> None:
    from casetracker.gui.audit_window import AuditWindow
    from casetracker.services import sharing
    from tests.gui.test_app import unlock
    from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE

    with team.vault.unlock(*CASE_MANAGER_LOGIN) as session:
        sharing.save(session, sharing.prepare_plan(session, rosa.case_number),
                     tmp_path / "plan.pdf")
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.open_audit()
    viewer = window.active_dialog
    assert isinstance(viewer, AuditWindow)
    rows = [[viewer.exports.item(r, c).text() for c in range(viewer.exports.columnCount())]
            for r in range(viewer.exports.rowCount())]
    assert [r[2:5] for r in rows] == [["The person’s own plan", rosa.case_number, "the person"]]
    assert rows[0][6] == "goals, as staff wrote them, steps, as staff wrote them, tasks for " \
                         "the person"
