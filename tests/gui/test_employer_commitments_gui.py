"""Issue 21 §1, §3, §4 and issue 24 in the desktop app: the employer directory filtered by
standing and industry, a self-assessment recorded, a position closed and reopened, a position
with its shift and area; the readiness track and added service types in Settings, the added
type in the Services dialog, the self-assessment reminder on the dashboard. Checked through
the services."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain.employment import (
    Industry,
    PositionKind,
    Practice,
    Shift,
    Standing,
    WorkshopTopic,
)
from casetracker.domain.service_log import added_kind
from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dashboard_window import DashboardWindow
from casetracker.gui.dialogs.services_dialog import ServicesDialog
from casetracker.gui.dialogs.settings_dialog import SettingsDialog
from casetracker.gui.employers_window import AssessmentDialog, EmployersWindow
from casetracker.services import audit, employers, service_log, settings
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock, verify
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)

SHOTS = Path(tempfile.gettempdir())  # screenshots to look at: employers-*.png

SAFE = frozenset(list(Practice)[:8])


def partners_of(team: Team) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Harbor Hotel", Industry.HOSPITALITY, practices=SAFE,
                               contact_name="Maria Lopez")
        employers.add_employer(session, "Bay Terminal", Industry.MARITIME)
        employers.add_employer(session, "Seaside Inn", Industry.HOSPITALITY)
        employers.add_position(session, "Bay Terminal", "Deck hand apprentice trainee",
                               PositionKind.JOB, shift=Shift.NIGHT,
                               location_area="Port terminal, berth 12")


def assert_nothing_cut_off(partners: EmployersWindow) -> None:
    """Both tables fit their side of the window, and each column shows its text whole (on one
    line, or wrapped at its cap onto lines the row is tall enough for)."""
    for table, caps in ((partners.table, partners.PARTNER_COLUMN_CAPS),
                        (partners.positions, partners.POSITION_COLUMN_CAPS)):
        name = table.accessibleName()
        assert not table.horizontalScrollBar().isVisible(), name
        for column in range(table.columnCount() - 1):  # the last one stretches
            wanted = table.sizeHintForColumn(column)
            assert table.columnWidth(column) >= min(wanted, caps.get(column, wanted)), name
        for row in range(table.rowCount()):
            assert table.rowHeight(row) >= table.sizeHintForRow(row), name


def shown_names(window: EmployersWindow) -> list[str]:
    return [window.table.item(r, 0).text() for r in range(window.table.rowCount())]


def test_the_directory_filters_assesses_and_closes_positions(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    partners_of(team)
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.open_employers()
    partners = window.active_dialog
    assert isinstance(partners, EmployersWindow)
    assert shown_names(partners) == ["Bay Terminal", "Harbor Hotel", "Seaside Inn"]
    partners.standing_filter.setCurrentIndex(
        partners.standing_filter.findData(Standing.SAFE.value))
    assert shown_names(partners) == ["Harbor Hotel"]
    partners.standing_filter.setCurrentIndex(0)
    partners.industry_filter.setCurrentIndex(
        partners.industry_filter.findData(Industry.HOSPITALITY.value))
    assert shown_names(partners) == ["Harbor Hotel", "Seaside Inn"]
    partners.standing_filter.setCurrentIndex(
        partners.standing_filter.findData(Standing.NOT_YET.value))
    assert shown_names(partners) == ["Seaside Inn"]
    assert "none recorded yet; due now" in partners.details.text()

    # Seaside Inn's self-assessment: the checklist, and the standing follows.
    qtbot.mouseClick(partners.assess_button, Qt.MouseButton.LeftButton)
    dialog = partners.active_dialog
    assert isinstance(dialog, AssessmentDialog)
    for practice in SAFE:
        dialog.practices[practice].setChecked(True)
    assert "Safe employer" in dialog.standing.text()
    qtbot.keyClicks(dialog.note, "Answered by the general manager")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(SHOTS / "employers-assessment.png"))
    dialog.accept()
    assert not dialog.error.isVisible(), dialog.error.text()
    # It is safe now, so the "not yet" filter no longer shows it.
    assert shown_names(partners) == []
    partners.standing_filter.setCurrentIndex(0)
    partners.industry_filter.setCurrentIndex(0)
    with verify(team) as session:  # type: ignore[attr-defined]
        inn = employers.find_employer(session, "Seaside Inn")
        assert inn.practices == SAFE
        assert inn.standing is Standing.SAFE
        [done] = employers.assessments(session, "Seaside Inn")
        assert done.note == "Answered by the general manager"
        assert [e.subject for e in audit.search(session, action="employer.assess")] == [
            "Seaside Inn"]

    # Bay Terminal's position: shift and area shown; closed, then reopened.
    partners.table.selectRow(shown_names(partners).index("Bay Terminal"))
    assert partners.positions.rowCount() == 1
    headers = [partners.positions.horizontalHeaderItem(c).text()
               for c in range(partners.positions.columnCount())]
    row = {h: partners.positions.item(0, c).text() for c, h in enumerate(headers)}
    assert row["Shift"] == "Night"
    assert row["Area"] == "Port terminal, berth 12"
    assert partners.close_position_button.text() == "&Close position"
    qtbot.mouseClick(partners.close_position_button, Qt.MouseButton.LeftButton)
    with verify(team) as session:  # type: ignore[attr-defined]
        assert employers.positions(session, open_only=True) == []
    assert partners.positions.item(0, headers.index("Open")).text() == "No"
    assert partners.close_position_button.text() == "Re&open position"
    assert not partners.match_button.isEnabled()
    qtbot.mouseClick(partners.close_position_button, Qt.MouseButton.LeftButton)
    with verify(team) as session:  # type: ignore[attr-defined]
        assert len(employers.positions(session, open_only=True)) == 1

    # A new position with its shift and area.
    qtbot.keyClicks(partners.position_title, "Night auditor")
    partners.position_kind.setCurrentIndex(partners.position_kind.findData("job"))
    partners.position_shift.setCurrentIndex(partners.position_shift.findData("evening"))
    qtbot.keyClicks(partners.position_area, "Waterfront")
    qtbot.keyClicks(partners.position_skills, "bookkeeping; night work")
    qtbot.mouseClick(partners.add_position_button, Qt.MouseButton.LeftButton)
    with verify(team) as session:  # type: ignore[attr-defined]
        added = [p for p in employers.positions(session) if p.title == "Night auditor"]
        assert [(p.shift, p.location_area, p.skills_wanted) for p in added] == [
            (Shift.EVENING, "Waterfront", ("bookkeeping", "night work"))]
    assert partners.current_position() is not None
    assert partners.current_position().title == "Night auditor"  # type: ignore[union-attr]

    # At 1024 pixels wide, no column is cut off.
    partners.resize(1024, 720)
    partners.show()
    qtbot.waitExposed(partners)
    qtbot.wait(50)
    partners.grab().save(str(SHOTS / "employers-1024.png"))
    assert_nothing_cut_off(partners)


def test_settings_change_the_track_and_add_service_types(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    controller.open_settings()
    dialog = controller.active_dialog
    assert isinstance(dialog, SettingsDialog)
    assert all(box.isChecked() for box in dialog.track.values())
    for topic in (WorkshopTopic.FEEDBACK, WorkshopTopic.RESUME_NEW_INDUSTRY):
        dialog.track[topic].setChecked(False)
    qtbot.keyClicks(dialog.service_types, "Child care")
    qtbot.keyClick(dialog.service_types, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.service_types, "Phone top-up")
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(SHOTS / "employers-settings.png"))
    dialog.accept()
    assert controller.active_dialog is None or not dialog.isVisible()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert settings.readiness_track(session) == (
            WorkshopTopic.STRESS_MANAGEMENT, WorkshopTopic.SMART_GOALS,
            WorkshopTopic.SUCCESS_AT_WORK, WorkshopTopic.RESUME_BUILDING)
        assert settings.get_settings(session).service_types_added == ("Child care",
                                                                       "Phone top-up")
        [entry] = audit.search(session, action="settings.update")
        assert entry.details["fields"] == ["readiness_track", "service_types_added"]
    window.close()
    controller.lock()

    # A case manager records the added type from the Services dialog.
    _window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                        CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentWidget(record.notes)
    qtbot.mouseClick(record.notes.services_button, Qt.MouseButton.LeftButton)
    services = record.notes.active_dialog
    assert isinstance(services, ServicesDialog)
    offered = [services.kind.itemText(i) for i in range(services.kind.count())]
    assert offered[-2:] == ["Child care", "Phone top-up"]
    services.kind.setCurrentIndex(services.kind.findData(added_kind("Child care")))
    qtbot.mouseClick(services.record_button, Qt.MouseButton.LeftButton)
    assert not services.error.isVisible(), services.error.text()
    assert "Child care" in services.list.item(0).text()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert [s.kind for s in service_log.services(session, rosa.case_number)] == [
            added_kind("Child care")]


def test_a_coordinator_cannot_change_the_track(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    controller.open_settings()
    dialog = controller.active_dialog
    assert isinstance(dialog, SettingsDialog)
    assert not any(box.isEnabled() for box in dialog.track.values())
    assert not dialog.service_types.isEnabled()
    dialog.accept()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert settings.readiness_track(session) == tuple(WorkshopTopic)


def test_the_dashboard_reminds_of_self_assessments_due(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    partners_of(team)
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.record_assessment(session, "Harbor Hotel", SAFE)
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.dashboard_action.trigger()
    board = window.active_dialog
    assert isinstance(board, DashboardWindow)
    assert "Bay Terminal" in board.assessments_due.text()
    assert "Seaside Inn" in board.assessments_due.text()
    assert "Harbor Hotel" not in board.assessments_due.text()


def test_a_survivor_who_completed_the_track_shows_ready_to_match(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    from casetracker.domain import clock
    from casetracker.services import placement

    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        settings.set_readiness_track(session, [WorkshopTopic.SMART_GOALS])
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        placement.record_session(session, WorkshopTopic.SMART_GOALS, clock.today(),
                                 [placement.AttendanceEntry(rosa.case_number, True, True)])
    window, record = open_first_record(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    model = window.model
    assert model.data(model.index(0, model.COL_STAGE)) == "Ready to match"
    record.tabs.setCurrentWidget(record.placement)
    assert "Ready to match" in record.placement.workshops.text()


@pytest.fixture
def demonstration(team: Team) -> Team:
    """The demonstration's caseload and partners (made before the app's controller starts)."""
    from casetracker.services import demo

    demo.populate(team.supervisor, 6, [CASE_MANAGER], seed=7)
    return team


def test_the_demonstrations_partners_fit_at_1024_pixels(
        qtbot: QtBot, demonstration: Team, controller: AppController) -> None:
    """The demonstration's partners (long names and industries) and their positions: at 1024
    pixels wide nothing is cut off, for every partner."""
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.open_employers()
    partners = window.active_dialog
    assert isinstance(partners, EmployersWindow)
    partners.resize(1024, 720)
    partners.show()
    qtbot.waitExposed(partners)
    for row in range(partners.table.rowCount()):
        partners.table.selectRow(row)
        qtbot.wait(20)
        assert_nothing_cut_off(partners)
    partners.table.selectRow(0)
    qtbot.mouseClick(partners.match_button, Qt.MouseButton.LeftButton)
    partners.grab().save(str(SHOTS / "employers-demo-1024.png"))
