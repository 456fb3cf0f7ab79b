"""A coordinator's day, through the real widgets: naming yourself for letters, the letterhead
notice, letters in the sharing dialog, and the employers' pages."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE
from casetracker.domain.employment import Industry, PositionKind, Practice, Restriction
from casetracker.domain.survivors import Survivor
from casetracker.export.leak_guard import pdf_text
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.settings_dialog import SettingsDialog
from casetracker.gui.employers_window import EmployerDialog, EmployersWindow
from casetracker.services import consent, employers, settings, staff_names
from tests.conftest import Team
from tests.gui.test_app import unlock, verify
from tests.gui.test_employer_commitments_gui import assert_nothing_cut_off
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)
from tests.unit.test_letters import text_of

EMPLOYER = "Harbor Hotel"


def share_with_harbor(team: Team, case_number: str) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, EMPLOYER, Industry.HOSPITALITY,
                               contact_name="Hiring manager")
        employers.add_position(session, EMPLOYER, "Housekeeping intern",
                               PositionKind.INTERNSHIP)
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        consent.add_consent(session, case_number, purpose="Referral for work", categories=SHAREABLE,
                            expires_on=clock.today() + timedelta(days=60),
                            recipient_employer=EMPLOYER)


def test_a_coordinator_names_themselves_and_their_letter_is_signed_so(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    share_with_harbor(team, rosa.case_number)
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    controller.open_settings()
    dialog = controller.active_dialog
    assert isinstance(dialog, SettingsDialog)
    assert not dialog.organisation_name.isEnabled()  # the program's details: supervisors
    qtbot.keyClicks(dialog.display_name, "Cole Whitaker")
    qtbot.keyClicks(dialog.job_title, "Employment Partnerships Coordinator")
    dialog.accept()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert staff_names.staff_name(session, COORDINATOR).display_name == "Cole Whitaker"

    window.table.selectRow(0)
    assert window.record is not None
    tab = window.record.consent
    window.record.tabs.setCurrentWidget(tab)
    tab.open_export_dialog()
    share = tab.active_dialog
    assert isinstance(share, ExportDialog)
    # Nothing of the organisation is set: the preview says so, and the letter still goes.
    assert share.letterhead_notice.isVisibleTo(share)
    assert "name, address, phone" in share.letterhead_notice.text()
    share.kind.setCurrentIndex(share.kind.findData("referral_letter"))
    share.position.setCurrentIndex(1)
    qtbot.mouseClick(share.preview_button, Qt.MouseButton.LeftButton)
    assert share.prepared is not None, share.error.text()
    text = pdf_text(share.prepared.pdf)
    assert "dear hiring manager" in text
    assert "for the housekeeping intern position at harbor hotel" in text
    assert "cole whitaker employment partnerships coordinator" in text
    assert "Case Tracker" not in text_of(share.prepared.pdf)  # no made-up letterhead


def test_the_supervisor_is_told_until_the_letterhead_is_complete(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert window.letterhead_notice.isVisibleTo(window)
    controller.open_settings()
    dialog = controller.active_dialog
    assert isinstance(dialog, SettingsDialog)
    assert dialog.letterhead_notice.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.organisation_name, "Bright Path Program")
    qtbot.keyClicks(dialog.organisation_address, "200 Mission Street")
    assert "phone" in dialog.letterhead_notice.text()
    qtbot.keyClicks(dialog.organisation_phone, "(415) 555-0134")
    assert not dialog.letterhead_notice.isVisibleTo(dialog)
    dialog.accept()
    assert not window.letterhead_notice.isVisibleTo(window)
    with verify(team) as session:  # type: ignore[attr-defined]
        assert settings.get_settings(session).organisation_phone == "(415) 555-0134"


def two_survivors(team: Team, rosa: Survivor) -> str:
    from casetracker.services import survivors

    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        return survivors.create_survivor(session, survivors.draft(
            "CT-0002", "Lena", legal_first_name="Lena")).case_number


def test_the_consent_tab_stays_open_from_one_survivor_to_the_next(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    two_survivors(team, rosa)
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.table.selectRow(0)
    assert window.record is not None
    window.record.tabs.setCurrentWidget(window.record.consent)
    window.table.selectRow(1)
    assert window.record.heading.text().startswith("Lena")
    assert window.record.tabs.currentWidget() is window.record.consent


def test_who_may_be_referred_and_one_step_to_the_letter_or_the_record(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    share_with_harbor(team, rosa.case_number)
    two_survivors(team, rosa)  # Lena gave no consent: not listed
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.open_employers()
    partners = window.active_dialog
    assert isinstance(partners, EmployersWindow)
    partners.sections.setCurrentIndex(1)
    assert partners.referrals.rowCount() == 1
    assert partners.referrals.item(0, 0).text() == rosa.case_number
    assert "(1)" in partners.sections.tabText(1)
    qtbot.mouseClick(partners.referral_letter_button, Qt.MouseButton.LeftButton)
    share = partners.active_dialog
    assert isinstance(share, ExportDialog)
    assert share.employer.currentText() == EMPLOYER
    assert share.kind.currentData() == "referral_letter"
    assert share.position.currentText() == "Housekeeping intern"
    qtbot.mouseClick(share.preview_button, Qt.MouseButton.LeftButton)
    assert share.prepared is not None, share.error.text()
    assert share.prepared.case_number == rosa.case_number
    share.close()
    # From a match: the record, in the main window.
    partners.sections.setCurrentIndex(0)
    qtbot.mouseClick(partners.match_button, Qt.MouseButton.LeftButton)
    assert partners.matches.rowCount() == 2
    partners.matches.selectRow(1)
    chosen = partners.matches.item(1, 0).text()
    qtbot.mouseClick(partners.match_record_button, Qt.MouseButton.LeftButton)
    assert window.record is not None
    assert chosen in window.record.heading.text()


def test_a_new_partner_is_chosen_and_a_partner_can_be_edited(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Aardvark Airport Services", Industry.AVIATION)
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.open_employers()
    partners = window.active_dialog
    assert isinstance(partners, EmployersWindow)
    qtbot.mouseClick(partners.add_button, Qt.MouseButton.LeftButton)
    dialog = partners.active_dialog
    assert isinstance(dialog, EmployerDialog)
    qtbot.keyClicks(dialog.name, "Zephyr Hotels")
    dialog.accept()
    assert partners.current_employer() is not None
    assert partners.current_employer().name == "Zephyr Hotels"  # type: ignore[union-attr]
    qtbot.keyClicks(partners.position_title, "Front desk intern")
    qtbot.mouseClick(partners.add_position_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(partners.edit_button, Qt.MouseButton.LeftButton)
    edit = partners.active_dialog
    assert isinstance(edit, EmployerDialog)
    assert edit.name.text() == "Zephyr Hotels"
    edit.practices[Practice.ORGANISATION_POLICY].setChecked(True)
    edit.restrictions[Restriction.DRUG_TEST].setChecked(True)
    qtbot.keyClicks(edit.contact_name, "Maria Lopez")
    edit.accept()
    assert "Organisation-wide policy" in partners.details.text()
    assert "Drug test" in partners.details.text()
    assert "Maria Lopez" in partners.details.text()
    partners.show()
    qtbot.waitExposed(partners)
    # Every column in sight, each as wide as its text or wrapped at its cap (issue 21).
    assert_nothing_cut_off(partners)
    with verify(team) as session:  # type: ignore[attr-defined]
        zephyr = employers.find_employer(session, "Zephyr Hotels")
        assert zephyr.practices == {Practice.ORGANISATION_POLICY}
        assert zephyr.restrictions == {Restriction.DRUG_TEST}
        assert zephyr.contact_name == "Maria Lopez"
        assert [p.title for p in employers.positions(session) if p.employer_id == zephyr.id] \
            == ["Front desk intern"]


def test_workshop_attendance_searched_ticked_confirmed_and_undone(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    from casetracker.domain.employment import WorkshopTopic
    from casetracker.gui.dialogs.workshop_dialog import WorkshopDialog
    from casetracker.services import placement

    two_survivors(team, rosa)
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.workshop_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, WorkshopDialog)
    qtbot.keyClicks(dialog.search, "len")
    shown = [r for r in range(dialog.table.rowCount()) if not dialog.table.isRowHidden(r)]
    assert [dialog.table.item(r, 0).text() for r in shown] == ["CT-0002"]
    dialog.search.clear()
    # Ticking "Completed" ticks "Attended" too.
    dialog.table.item(0, dialog.COL_COMPLETED).setCheckState(Qt.CheckState.Checked)
    assert dialog.table.item(0, dialog.COL_ATTENDED).checkState() == Qt.CheckState.Checked
    assert "1 person" in dialog.count.text()
    dialog.topic.setCurrentIndex(dialog.topic.findData(WorkshopTopic.SMART_GOALS.value))
    dialog.accept()
    assert "1 person" in window.statusBar().currentMessage()
    assert "SMART goals" in window.statusBar().currentMessage()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert placement.completed_workshops(session, "CT-0001") == {WorkshopTopic.SMART_GOALS}
    window.undo_action.trigger()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert placement.completed_workshops(session, "CT-0001") == set()
        assert placement.workshops(session) == []
    window.redo_action.trigger()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert placement.completed_workshops(session, "CT-0001") == {WorkshopTopic.SMART_GOALS}
