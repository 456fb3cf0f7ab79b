"""The Safe Jobs screens: employer directory, placement stepper, workshop attendance."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain.employment import Industry, PositionKind, Stage, WorkshopTopic
from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.placement_dialog import PlacementDialog
from casetracker.gui.dialogs.workshop_dialog import WorkshopDialog
from casetracker.gui.employers_window import EmployerDialog, EmployersWindow
from casetracker.services import employers, placement, survivors
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock, verify
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
)


def test_coordinator_adds_a_partner_and_a_position(qtbot: QtBot, team: Team,
                                                   controller: AppController) -> None:
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.employers_action.trigger()
    directory = window.active_dialog
    assert isinstance(directory, EmployersWindow)
    qtbot.mouseClick(directory.add_button, Qt.MouseButton.LeftButton)
    dialog = directory.active_dialog
    assert isinstance(dialog, EmployerDialog)
    qtbot.keyClicks(dialog.name, "Harbor Hotel")
    for box in dialog.practices.values():
        box.setChecked(True)
    dialog.industry.setCurrentIndex(dialog.industry.findData(Industry.HOSPITALITY.value))
    dialog.accept()
    assert directory.table.rowCount() == 1
    assert directory.table.item(0, 2).text() == "Safe employer"
    qtbot.keyClicks(directory.position_title, "Front desk intern")
    qtbot.mouseClick(directory.add_position_button, Qt.MouseButton.LeftButton)
    with verify(team) as session:  # type: ignore[attr-defined]
        [position] = employers.positions(session)
    assert (position.title, position.kind, position.hours_per_week) == (
        "Front desk intern", PositionKind.INTERNSHIP, 20)


def test_next_step_through_the_placement_tab(qtbot: QtBot, team: Team, rosa: Survivor,
                                             controller: AppController) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Harbor Hotel", Industry.HOSPITALITY)
    _, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    tab = record.placement
    assert tab.stepper.current is Stage.READINESS
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, PlacementDialog)
    assert [dialog.stage.itemData(i) for i in range(dialog.stage.count())] == [
        "matching", "exited"]
    dialog.accept()
    qtbot.mouseClick(tab.next_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, PlacementDialog)
    dialog.stage.setCurrentIndex(dialog.stage.findData("interview"))
    dialog.accept()
    assert dialog.isVisible()  # an interview names the employer
    assert "employer" in dialog.error.text().lower()
    dialog.employer.setCurrentIndex(dialog.employer.findText("Harbor Hotel"))
    dialog.accept()
    assert tab.stepper.current is Stage.INTERVIEW
    with verify(team) as session:  # type: ignore[attr-defined]
        assert placement.current_stage(session, rosa.case_number) is Stage.INTERVIEW


def test_workshop_attendance_for_a_whole_session(qtbot: QtBot, team: Team, rosa: Survivor,
                                                 controller: AppController) -> None:
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft("CT-0002", "Lena"))
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.workshop_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, WorkshopDialog)
    assert dialog.table.rowCount() == 2
    dialog.topic.setCurrentIndex(dialog.topic.findData(WorkshopTopic.STRESS_MANAGEMENT.value))
    dialog.set_checked("CT-0001", attended=True, completed=True)
    dialog.set_checked("CT-0002", attended=True, completed=False)
    dialog.accept()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert placement.completed_workshops(session, "CT-0001") == {
            WorkshopTopic.STRESS_MANAGEMENT}
        assert placement.completed_workshops(session, "CT-0002") == set()
        [workshop] = placement.workshops(session)
        assert workshop.topic is WorkshopTopic.STRESS_MANAGEMENT
