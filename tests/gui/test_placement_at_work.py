"""Issue 21 §2-3 in the desktop app: an apprenticeship position added from the employer
directory, the placement at work (apprenticeship's end, the employer's supervisor and mentor,
coaching contacts) kept from the Placement tab, and gender as recorded in the profile; each
checked through the services."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.apprenticeships import CoachingTopic, Outcome
from casetracker.domain.employment import (
    ApprenticeshipTrack,
    Industry,
    PositionKind,
    Stage,
    WageStep,
)
from casetracker.domain.survivors import Gender, Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.placement_work_dialog import PlacementWorkDialog
from casetracker.gui.dialogs.survivor_dialog import SurvivorDialog
from casetracker.gui.employers_window import EmployersWindow
from casetracker.services import apprenticeships, employers, placement, placement_contacts
from casetracker.services import survivors as survivor_service
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock, verify
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
)

SHOTS = os.environ.get("CASETRACKER_SHOTS")  # a folder to save the windows in, to look at


def _shot(widget: object, name: str) -> None:
    if SHOTS:
        widget.grab().save(str(Path(SHOTS) / f"pipeline-{name}.png"))  # type: ignore[attr-defined]


def test_a_coordinator_adds_an_apprenticeship_position(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Harbor Electric", Industry.MARITIME)
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.open_employers()
    partners = window.active_dialog
    assert isinstance(partners, EmployersWindow)
    assert not partners.apprenticeship_row.isVisibleTo(partners)
    partners.position_kind.setCurrentIndex(
        partners.position_kind.findData(PositionKind.APPRENTICESHIP.value))
    assert partners.apprenticeship_row.isVisibleTo(partners)
    qtbot.keyClicks(partners.position_title, "Electrician apprentice")
    qtbot.keyClicks(partners.position_wage, "17")
    partners.apprenticeship_track.setCurrentIndex(
        partners.apprenticeship_track.findData(ApprenticeshipTrack.REGISTERED.value))
    partners.apprenticeship_term.setValue(36)
    qtbot.keyClicks(partners.apprenticeship_sponsor, "IBEW Local 11")
    qtbot.keyClicks(partners.apprenticeship_steps, "6:18.50, 12:20")
    partners.show()
    _shot(partners, "employers")
    qtbot.mouseClick(partners.add_position_button, Qt.MouseButton.LeftButton)
    with verify(team) as sam:  # type: ignore[attr-defined]
        [position] = employers.positions(sam)
    assert (position.kind, position.track, position.term_months, position.sponsor,
            position.hourly_wage_cents, position.wage_steps) == (
        PositionKind.APPRENTICESHIP, ApprenticeshipTrack.REGISTERED, 36, "IBEW Local 11",
        1700, (WageStep(6, 1850), WageStep(12, 2000)))
    assert partners.positions.item(0, 1).text() == "Apprenticeship"


def test_the_placement_at_work_is_kept_from_the_placement_tab(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    start = clock.today() - timedelta(days=30)
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as cole:
        employers.add_employer(cole, "Harbor Electric", Industry.MARITIME)
        position = employers.add_position(
            cole, "Harbor Electric", "Pre-apprentice", PositionKind.APPRENTICESHIP,
            hourly_wage_cents=1600, track=ApprenticeshipTrack.PRE, term_months=6)
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as ana:
        placement.advance(ana, rosa.case_number, Stage.MATCHING, on=start)
        placement.advance(ana, rosa.case_number, Stage.INTERVIEW, on=start,
                          position=position.id)
        placement.advance(ana, rosa.case_number, Stage.APPRENTICESHIP, on=start)
    _window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                       CASE_MANAGER_PASSPHRASE)
    tab = record.placement
    record.tabs.setCurrentWidget(tab)
    assert tab.work_button.isVisibleTo(tab)
    qtbot.mouseClick(tab.work_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, PlacementWorkDialog)
    assert "Pre-apprenticeship" in dialog.apprenticeship_text.text()
    assert "Harbor Electric" in dialog.heading.text()
    qtbot.keyClicks(dialog.supervisor, "Dana Lee")
    qtbot.keyClicks(dialog.supervisor_contact, "555-0101")
    qtbot.keyClicks(dialog.mentor, "Sam Ortiz")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.people_error.isVisible(), dialog.people_error.text()
    qtbot.mouseClick(dialog.coach_button, Qt.MouseButton.LeftButton)
    assert dialog.coaching_error.isVisible()  # with whom is required
    qtbot.keyClicks(dialog.with_whom, "Dana Lee")
    dialog.topic.setCurrentIndex(dialog.topic.findData(CoachingTopic.SCHEDULE.value))
    qtbot.keyClicks(dialog.note, "shift swap agreed")
    qtbot.mouseClick(dialog.coach_button, Qt.MouseButton.LeftButton)
    assert not dialog.coaching_error.isVisible(), dialog.coaching_error.text()
    assert dialog.contacts.count() == 1
    qtbot.mouseClick(dialog.ended_early, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert dialog.finish_error.isVisible()  # an early end needs its reason
    qtbot.mouseClick(dialog.completed, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.finish_button, Qt.MouseButton.LeftButton)
    assert not dialog.finish_error.isVisible(), dialog.finish_error.text()
    _shot(dialog, "placement-at-work")
    with verify(team) as sam:  # type: ignore[attr-defined]
        people = placement_contacts.people(sam, rosa.case_number)
        [coached] = placement_contacts.coaching(sam, rosa.case_number)
        [kept] = apprenticeships.apprenticeships(sam, rosa.case_number)
    assert people is not None
    assert (people.supervisor, people.supervisor_contact, people.mentor) == (
        "Dana Lee", "555-0101", "Sam Ortiz")
    assert (coached.with_whom, coached.topic, coached.note) == (
        "Dana Lee", CoachingTopic.SCHEDULE, "shift swap agreed")
    assert kept.outcome is Outcome.COMPLETED
    dialog.close()


def test_gender_is_recorded_in_the_profile(qtbot: QtBot, team: Team, rosa: Survivor,
                                           controller: AppController) -> None:
    _window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                        CASE_MANAGER_PASSPHRASE)
    profile = record.profile
    profile.open_editor()
    dialog = profile.active_dialog
    assert isinstance(dialog, SurvivorDialog)
    assert not dialog.gender_own_words.isEnabled()
    dialog.gender.setCurrentIndex(dialog.gender.findData(Gender.SELF_DESCRIBED.value))
    assert dialog.gender_own_words.isEnabled()
    qtbot.keyClicks(dialog.gender_own_words, "genderfluid")
    dialog.show()
    _shot(dialog, "profile-editor")
    dialog.accept()
    assert not dialog.isVisible(), dialog.error.text()
    assert profile.values["gender"].text() == "genderfluid"
    with verify(team) as sam:  # type: ignore[attr-defined]
        found = survivor_service.get_survivor(sam, rosa.case_number)
    assert (found.gender, found.gender_self_described) == (Gender.SELF_DESCRIBED,
                                                           "genderfluid")
    _shot(record, "profile")
