"""Issue 21 in the desktop app: the case manager records a service from the Notes tab and
takes it back; a supervisor saves the funder report from the dashboard; the Documents tab says
which document to work on next and what each waits on. Checked through the services."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.employment import Industry, PositionKind, Stage
from casetracker.domain.internships import InternshipOutcome
from casetracker.domain.service_log import ServiceType
from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dashboard_window import DashboardWindow
from casetracker.gui.dialogs.internship_dialog import InternshipDialog
from casetracker.gui.dialogs.services_dialog import ServicesDialog
from casetracker.services import employers, internships, placement, service_log
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock, verify
from tests.gui.test_saving_right import SaveDialog
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)


def test_a_case_manager_records_a_service_and_takes_it_back(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    _window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                        CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentWidget(record.notes)
    qtbot.mouseClick(record.notes.services_button, Qt.MouseButton.LeftButton)
    dialog = record.notes.active_dialog
    assert isinstance(dialog, ServicesDialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(ServiceType.TRANSPORTATION.value))
    dialog.minutes.setValue(45)
    qtbot.keyClicks(dialog.note, "bus pass")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert not dialog.error.isVisible(), dialog.error.text()
    with verify(team) as sam:
        given = service_log.services(sam, rosa.case_number)
    assert [(s.kind, s.minutes, s.note, s.recorded_by) for s in given] == [
        (ServiceType.TRANSPORTATION, 45, "bus pass", CASE_MANAGER)]
    assert dialog.list.count() == 1
    assert "bus pass" in dialog.list.item(0).text()
    assert not dialog.remove_button.isEnabled()
    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 0
    with verify(team) as sam:
        assert service_log.services(sam, rosa.case_number) == []


def test_a_supervisor_sees_services_without_recording_and_saves_the_funder_report(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as ana:
        service_log.record(ana, rosa.case_number, ServiceType.INTERPRETATION)
    window, record = open_first_record(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    qtbot.mouseClick(record.notes.services_button, Qt.MouseButton.LeftButton)
    dialog = record.notes.active_dialog
    assert isinstance(dialog, ServicesDialog)
    assert dialog.list.count() == 1
    assert dialog.record_button.isHidden()  # supervisors read; the service refuses anyway
    window.dashboard_action.trigger()
    board = window.active_dialog
    assert isinstance(board, DashboardWindow)
    saving = SaveDialog(tmp_path / "funder", "CSV (*.csv)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", saving)
    qtbot.mouseClick(board.funder_button, Qt.MouseButton.LeftButton)
    text = (tmp_path / "funder.csv").read_text(encoding="utf-8")
    assert text.startswith("Report,Funder report")
    assert str(board.period.currentData()) in text
    assert "Rosa" not in text
    assert rosa.case_number not in text



def test_the_documents_tab_says_what_to_work_on_and_what_waits(
        qtbot: QtBot, rosa: Survivor, controller: AppController) -> None:
    _window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                        CASE_MANAGER_PASSPHRASE)
    tab = record.documents
    record.tabs.setCurrentWidget(tab)
    assert tab.next_steps.text().startswith("Work on next: Birth certificate (unblocks 2)")
    assert ("State ID or driver's license waits on Birth certificate / Passport and Proof of "
            "address.") in tab.waiting.text().splitlines()
    box = tab.status_boxes[DocumentKind.BIRTH_CERTIFICATE.value]
    box.setCurrentIndex(box.findData(DocumentStatus.RECOVERED))
    box.activated.emit(box.currentIndex())
    assert "Birth certificate" not in tab.next_steps.text()
    assert ("State ID or driver's license waits on Proof of address."
            in tab.waiting.text().splitlines())


def test_an_internship_is_kept_from_the_placement_tab_and_its_end_is_announced(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    start = clock.today() - timedelta(days=78)  # 12 weeks: ends in 5 days
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as cole:
        employers.add_employer(cole, "Bay Terminal", Industry.MARITIME)
        position = employers.add_position(cole, "Bay Terminal", "Deck intern",
                                          PositionKind.INTERNSHIP)
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as ana:
        placement.advance(ana, rosa.case_number, Stage.MATCHING, on=start)
        placement.advance(ana, rosa.case_number, Stage.INTERVIEW, on=start,
                          position=position.id)
        placement.advance(ana, rosa.case_number, Stage.INTERNSHIP, on=start)
    _window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                       CASE_MANAGER_PASSPHRASE)
    tab = record.placement
    record.tabs.setCurrentWidget(tab)
    assert "ends within two weeks" in tab.internship.text()
    qtbot.mouseClick(tab.internship_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, InternshipDialog)
    qtbot.keyClicks(dialog.mentor, "Sam Ortiz")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    dialog.worked.setValue(18)
    qtbot.keyClicks(dialog.week_note, "learning the radio")
    qtbot.mouseClick(dialog.week_button, Qt.MouseButton.LeftButton)
    assert dialog.weeks.count() == 1
    qtbot.mouseClick(dialog.ended_early, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert dialog.finish_error.isVisible()  # an early end needs its reason
    with verify(team) as sam:
        assert [c for c, _ in internships.ending_soon(sam)] == [rosa.case_number]
    qtbot.mouseClick(dialog.completed, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert not dialog.finish_error.isVisible(), dialog.finish_error.text()
    with verify(team) as sam:
        [kept] = internships.internships(sam, rosa.case_number)
        weeks = internships.weeks(sam, rosa.case_number)
    assert (kept.employer_mentor, kept.outcome) == ("Sam Ortiz", InternshipOutcome.COMPLETED)
    assert [(w.hours_worked, w.note) for w in weeks] == [(18, "learning the radio")]
    dialog.close()
    assert "completed" in tab.internship.text()


def test_the_dashboard_names_the_internships_ending_soon(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    start = clock.today() - timedelta(days=80)
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as cole:
        employers.add_employer(cole, "Bay Terminal", Industry.MARITIME)
        position = employers.add_position(cole, "Bay Terminal", "Deck intern",
                                          PositionKind.INTERNSHIP)
        placement.advance(cole, rosa.case_number, Stage.MATCHING, on=start)
        placement.advance(cole, rosa.case_number, Stage.INTERVIEW, on=start,
                          position=position.id)
        placement.advance(cole, rosa.case_number, Stage.INTERNSHIP, on=start)
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.dashboard_action.trigger()
    board = window.active_dialog
    assert isinstance(board, DashboardWindow)
    assert rosa.case_number in board.internships_ending.text()
