"""The supervisor's screens: dashboard with drill-down, audit log viewer, case reviews."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.survivors import Survivor
from casetracker.gui.audit_window import AuditWindow
from casetracker.gui.controller import AppController
from casetracker.gui.dashboard_window import DashboardWindow
from casetracker.gui.record.reviews_tab import ReviewDialog
from casetracker.services import notes
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock, verify
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)


def test_dashboard_figures_and_drill_down(qtbot: QtBot, rosa: Survivor,
                                          controller: AppController, tmp_path: Path) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.dashboard_action.trigger()
    board = window.active_dialog
    assert isinstance(board, DashboardWindow)
    assert board.table.item(0, 0).text() == CASE_MANAGER
    assert board.table.item(0, 1).text() == "1"  # active cases
    assert board.funnel.renderer().isValid()
    board.drill_down(0, 1)
    assert board.drill_list.count() == 1
    assert board.drill_list.item(0).text().startswith(rosa.case_number)
    assert board.drill_heading.text() == f"{CASE_MANAGER}: Active cases · 1"
    drill = board.active_dialog
    assert drill is not None
    assert drill.isVisible()
    qtbot.mouseClick(board.drill_close, Qt.MouseButton.LeftButton)
    assert not drill.isVisible()
    assert "since records began" in board.funnel_caption.text()
    out = tmp_path / "outcomes.csv"
    board.write(board.outcomes_producer(), str(out))
    assert "Took part in readiness workshops" in out.read_text()
    assert out.read_text().splitlines()[1] == "Measure,People,Why not shown"
    assert "Rosa" not in out.read_text()
    # Saving says where the report went, in the dashboard and in the main window.
    assert str(out) in board.saved_note.text()
    assert str(out) in window.statusBar().currentMessage()
    board.resize(1280, 800)
    board.grab().save(str(tmp_path / "dashboard-1280.png"))  # to look at


def test_audit_viewer_filters_verifies_and_shows_a_broken_chain(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController,
        tmp_path: Path) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.open_audit()
    viewer = window.active_dialog
    assert isinstance(viewer, AuditWindow)
    viewer.subject.setText(rosa.case_number)
    viewer.refresh()
    assert {e.subject for e in viewer.entries} == {rosa.case_number}
    viewer.verify()
    assert viewer.result.text().startswith("audit trail intact")
    out = tmp_path / "audit.csv"
    viewer.export_to(str(out))
    assert rosa.case_number in out.read_text()
    assert controller.session is not None
    controller.session.conn.execute("UPDATE audit_log SET actor = 'mallory' WHERE seq = 3")
    viewer.verify()
    assert "damaged at entry 3" in viewer.result.text()


def test_supervisor_reviews_a_case_and_cannot_change_it(qtbot: QtBot, team: Team,
                                                        rosa: Survivor,
                                                        controller: AppController) -> None:
    _, record = open_first_record(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert not record.profile.edit_button.isVisible()
    assert not record.goals.add_button.isVisible()
    assert not record.notes.add_button.isVisible()
    assert not record.consent.add_button.isVisible()
    assert all(not box.isEnabled() for box in record.documents.status_boxes.values())
    record.tabs.setCurrentWidget(record.tasks)  # read before the review
    record.tabs.setCurrentWidget(record.reviews)
    record.reviews.open_review_dialog()
    dialog = record.reviews.active_dialog
    assert isinstance(dialog, ReviewDialog)
    dialog.findings.setPlainText("Needs a plan for housing.")
    due = clock.today() + timedelta(days=3)
    dialog.actions.setPlainText(f"Add a housing goal\nRequest the state ID by {due.isoformat()}")
    dialog.sign_off.setChecked(True)
    dialog.accept()
    assert record.reviews.list.count() == 1
    # The review's actions are on the record's Tasks tab at once.
    shown = [record.tasks.list.item(i).text() for i in range(record.tasks.list.count())]
    assert any("Case review: Add a housing goal" in text for text in shown)
    with verify(team) as session:  # type: ignore[attr-defined]
        tasks = sorted((t.title, t.due_date, t.from_review)
                       for t in notes.tasks(session, rosa.case_number))
    # Stored as the action's own words; the interface adds "Case review:" in its language.
    assert tasks == [("Add a housing goal", clock.today() + timedelta(days=14), True),
                     ("Request the state ID", due, True)]



def test_the_overdue_milestones_drill_down_lists_the_milestones(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController,
        tmp_path: Path) -> None:
    from casetracker.domain.plans import GoalDomain
    from casetracker.services import plans

    today = clock.today()
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as ana:
        goal = plans.add_goal(ana, rosa.case_number, domain=GoalDomain.EMPLOYMENT,
                              specific="Job", measurable="Offer", achievable="Yes",
                              relevant="Yes", target_date=today + timedelta(days=60),
                              milestones=[("Visit the hotel", today + timedelta(days=5)),
                                          ("Buy work shoes", today + timedelta(days=6))])
        ana.conn.execute("UPDATE milestones SET due_date = ? WHERE goal_id = ?",
                         ((today - timedelta(days=2)).isoformat(), goal.id))
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.dashboard_action.trigger()
    board = window.active_dialog
    assert isinstance(board, DashboardWindow)
    board.drill_down(0, 2)  # overdue milestones
    shown = [board.drill_list.item(i).text() for i in range(board.drill_list.count())]
    assert len(shown) == 2 == int(board.table.item(0, 2).text())
    assert any("Visit the hotel" in line for line in shown)
    assert any("Buy work shoes" in line for line in shown)
    assert all(line.startswith(f"{rosa.case_number} · Rosa · ") for line in shown)
    assert board.drill_heading.text().startswith(f"{CASE_MANAGER}: 2 overdue milestones in 1")
    assert board.active_dialog is not None
    board.active_dialog.grab().save(str(tmp_path / "drill.png"))
