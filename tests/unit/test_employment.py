"""Employers, positions, workshops, the placement pipeline and matching."""

from __future__ import annotations

from datetime import timedelta

import pytest

from casetracker.domain import clock
from casetracker.domain.catalog import Category
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.employment import (
    Industry,
    PlacementStep,
    PositionKind,
    Practice,
    Restriction,
    Stage,
    Standing,
    WorkshopTopic,
    check_step,
    parse_wage,
    show_wage,
    standing,
)
from casetracker.domain.errors import PermissionDeniedError
from casetracker.domain.survivors import Availability, VacaturStatus
from casetracker.domain.validation import ValidationError
from casetracker.services import (
    audit,
    consent,
    documents,
    employers,
    matching,
    notes,
    placement,
    sensitive,
    survivors,
)
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER

TODAY = clock.today()


def step(stage: Stage, **values: object) -> PlacementStep:
    return PlacementStep("s", "p", stage, values.pop("on", TODAY), **values)  # type: ignore[arg-type]


@pytest.mark.parametrize(("current", "stage", "ok"), [
    (Stage.READINESS, Stage.MATCHING, True),
    (Stage.MATCHING, Stage.INTERVIEW, True),
    (Stage.INTERVIEW, Stage.INTERNSHIP, True),
    (Stage.INTERNSHIP, Stage.OFFER, True),
    (Stage.OFFER, Stage.PLACED, True),
    (Stage.PLACED, Stage.RETAINED_30, True),
    (Stage.RETAINED_60, Stage.RETAINED_90, True),
    (Stage.READINESS, Stage.PLACED, False),
    (Stage.PLACED, Stage.RETAINED_60, False),
    (Stage.RETAINED_90, Stage.MATCHING, False),
    (Stage.EXITED, Stage.MATCHING, False),
    (Stage.EXITED, Stage.READINESS, True),
])
def test_pipeline_transitions(current: Stage, stage: Stage, ok: bool) -> None:
    employer = "e" if stage in {Stage.INTERVIEW, Stage.INTERNSHIP, Stage.OFFER,
                                Stage.PLACED} else None
    candidate = step(stage, employer_id=employer)
    if ok:
        check_step(current, candidate, None, TODAY)
    else:
        with pytest.raises(ValidationError, match="cannot go from"):
            check_step(current, candidate, None, TODAY)


def test_exit_needs_a_reason_and_steps_need_their_employer_and_order() -> None:
    with pytest.raises(ValidationError, match="reason"):
        check_step(Stage.INTERVIEW, step(Stage.EXITED), None, TODAY)
    check_step(Stage.INTERVIEW, step(Stage.EXITED, reason="Moved away"), None, TODAY)
    with pytest.raises(ValidationError, match="employer"):
        check_step(Stage.MATCHING, step(Stage.INTERVIEW), None, TODAY)
    with pytest.raises(ValidationError, match="before the previous step"):
        check_step(Stage.READINESS, step(Stage.MATCHING, on=TODAY - timedelta(days=3)),
                   TODAY, TODAY)


def test_standing_and_wages() -> None:
    assert standing(frozenset(Practice)) is Standing.SAFE
    seven_without_reporting = frozenset([
        p for p in Practice if p is not Practice.REPORTING_PROCEDURES][:7])
    assert len(seven_without_reporting) == 7
    assert standing(seven_without_reporting) is Standing.DEVELOPING
    assert standing(frozenset()) is Standing.NOT_YET
    assert parse_wage("$16.5") == 1650
    assert show_wage(1650) == "$16.50"
    assert parse_wage("") is None
    with pytest.raises(ValidationError):
        parse_wage("sixteen")


def test_employers_and_positions_are_kept_by_coordinators(team: Team) -> None:
    hotel = employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY,
                                   practices=frozenset(Practice))
    assert hotel.standing is Standing.SAFE
    intern = employers.add_position(team.coordinator, "Harbor Hotel", "Front desk intern",
                                    PositionKind.INTERNSHIP)
    assert (intern.hours_per_week, intern.weeks, intern.paid) == (20, 12, True)
    with pytest.raises(PermissionDeniedError):
        employers.add_employer(team.case_manager, "Other", Industry.RETAIL)
    assert [e.name for e in employers.employers(team.case_manager)] == ["Harbor Hotel"]
    assert employers.parse_industry("Warehouse and logistics") is Industry.WAREHOUSE_LOGISTICS


@pytest.fixture
def hotel(team: Team) -> str:
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY,
                           restrictions=frozenset({Restriction.NO_VIOLENT_OR_SEXUAL_RECORD}))
    position = employers.add_position(team.coordinator, "Harbor Hotel", "Front desk intern",
                                      PositionKind.INTERNSHIP,
                                      skills_wanted=("customer service",))
    return position.id


def take_in(session: Session, case: str, name: str, **values: object) -> str:
    survivors.create_survivor(session, survivors.draft(case, name, **values))
    return case


def test_placement_schedules_retention_check_ins(team: Team, hotel: str) -> None:
    case = take_in(team.case_manager, "CT-1", "Rosa")
    cm = team.case_manager
    placement.advance(cm, case, Stage.MATCHING)
    placement.advance(cm, case, Stage.INTERVIEW, position=hotel)
    placement.advance(team.coordinator, case, Stage.INTERNSHIP)  # coordinators place people
    placement.advance(cm, case, Stage.OFFER)
    placed = placement.advance(cm, case, Stage.PLACED, hourly_wage_cents=1750)
    assert placed.employer_id is not None
    assert placed.hours_per_week == 20
    tasks = sorted(notes.tasks(cm, case), key=lambda t: t.due_date)
    assert [(t.title, t.due_date - placed.on) for t in tasks] == [
        ("30-day retention check-in", timedelta(days=30)),
        ("60-day retention check-in", timedelta(days=60)),
        ("90-day retention check-in", timedelta(days=90))]
    assert all(t.assignee == CASE_MANAGER for t in tasks)
    assert placement.current_stage(team.supervisor, case) is Stage.PLACED
    assert survivors.caseload(cm)[0].stage == "placed"
    with pytest.raises(ValidationError, match="cannot go from placed to offer"):
        placement.advance(cm, case, Stage.OFFER)


def test_pipeline_role_checks(team: Team, hotel: str) -> None:
    case = take_in(team.case_manager, "CT-1", "Rosa")
    for outsider in (team.supervisor, team.other_case_manager):
        with pytest.raises(PermissionDeniedError):
            placement.advance(outsider, case, Stage.MATCHING)
    assert placement.steps(team.coordinator, case) == []
    denied = [e for e in audit.recent_entries(team.supervisor, 50)
              if e.action == "access.denied"]
    assert len(denied) == 2


def test_workshops_recorded_for_a_whole_session(team: Team) -> None:
    for case, name in (("CT-1", "Rosa"), ("CT-2", "Lena"), ("CT-3", "Tomás")):
        take_in(team.case_manager, case, name)
    entries = [placement.AttendanceEntry("CT-1", True, True),
               placement.AttendanceEntry("CT-2", True, False)]
    placement.record_session(team.coordinator, WorkshopTopic.RESUME_BUILDING, TODAY, entries,
                             facilitator="Dee")
    placement.record_session(team.coordinator, WorkshopTopic.SMART_GOALS, TODAY,
                             [placement.AttendanceEntry("CT-1", True, True)])
    assert placement.completed_workshops(team.case_manager, "CT-1") == {
        WorkshopTopic.RESUME_BUILDING, WorkshopTopic.SMART_GOALS}
    assert placement.completed_workshops(team.case_manager, "CT-2") == set()
    before = len(placement.workshops(team.coordinator))
    with pytest.raises(PermissionDeniedError):  # one case outside the caseload: none saved
        placement.record_session(team.other_case_manager, WorkshopTopic.FEEDBACK, TODAY,
                                 [placement.AttendanceEntry("CT-3", True, True)])
    assert len(placement.workshops(team.coordinator)) == before


def test_matching_ranks_by_fit_and_flags_restrictions_without_saying_why(
        team: Team, hotel: str) -> None:
    cm = team.case_manager
    take_in(cm, "CT-1", "Best", skills=("customer service",),
            availability=Availability(hours_per_week=25))
    take_in(cm, "CT-2", "Middle", availability=Availability(hours_per_week=20))
    take_in(cm, "CT-3", "Flagged", availability=Availability(hours_per_week=20))
    take_in(cm, "CT-4", "Placed", availability=Availability(hours_per_week=40))
    sensitive.update_sensitive(cm, "CT-3", criminal_record_notes="Prostitution charge, 2019",
                               vacatur_status=VacaturStatus.ELIGIBLE)
    for kind in (DocumentKind.STATE_ID, DocumentKind.SOCIAL_SECURITY_CARD):
        doc = next(d for d in documents.documents(cm, "CT-1") if d.kind is kind)
        documents.set_status(cm, doc.id, DocumentStatus.RECOVERED)
    placement.record_session(team.coordinator, WorkshopTopic.RESUME_BUILDING, TODAY,
                             [placement.AttendanceEntry("CT-2", True, True)])
    for stage in (Stage.MATCHING, Stage.INTERVIEW, Stage.INTERNSHIP, Stage.OFFER,
                  Stage.PLACED):
        placement.advance(cm, "CT-4", stage, position=hotel if stage is Stage.INTERVIEW
                          else None)
    # Readiness for I-9 counts where the survivor lets the employer know it.
    consent.add_consent(cm, "CT-1", purpose="Referral for work",
                        categories=frozenset({Category.WORK_ELIGIBILITY}),
                        expires_on=TODAY + timedelta(days=60), recipient_employer="Harbor Hotel")
    ranked = matching.rank(team.coordinator, hotel)
    assert [m.case_number for m in ranked] == ["CT-1", "CT-2", "CT-3"]
    assert ranked[0].ready_for_i9
    assert "skills: customer service" in ranked[0].reasons
    # The coordinator sees the same neutral flag on everyone: the record stays with staff.
    assert {m.restriction_flag for m in ranked} == {matching.ASK_FLAG}
    assert "Prostitution" not in repr(ranked)
    flags = {m.case_number: m.restriction_flag for m in matching.rank(cm, hotel)}
    assert flags["CT-1"] is None
    assert flags["CT-3"] == matching.RESTRICTION_FLAG
    # A case manager ranks only their own caseload.
    assert matching.rank(team.other_case_manager, hotel) == []


def test_retention_steps_wait_for_their_days_and_positions_must_fit(team: Team,
                                                                    hotel: str) -> None:
    case = take_in(team.case_manager, "CT-1", "Rosa")
    cm = team.case_manager
    employers.add_employer(team.coordinator, "Other Co", Industry.RETAIL)
    day = TODAY - timedelta(days=40)
    placement.advance(cm, case, Stage.MATCHING, on=day)
    with pytest.raises(ValidationError, match="another employer"):
        placement.advance(cm, case, Stage.INTERVIEW, employer="Other Co", position=hotel,
                          on=day)
    placement.advance(cm, case, Stage.INTERVIEW, position=hotel, on=day)
    placement.advance(cm, case, Stage.OFFER, on=day)
    placement.advance(cm, case, Stage.PLACED, on=TODAY - timedelta(days=31))
    placement.advance(cm, case, Stage.RETAINED_30)
    with pytest.raises(ValidationError, match="retained 60 days can be recorded from"):
        placement.advance(cm, case, Stage.RETAINED_60)
    with pytest.raises(ValidationError, match="wage"):
        parse_wage("15.-5")
    with pytest.raises(ValidationError, match=r"\$1,000"):
        parse_wage("999999999999")


def test_retention_steps_and_an_exit_close_the_check_ins_they_settle(team: Team,
                                                                    hotel: str) -> None:
    case = take_in(team.case_manager, "CT-1", "Rosa")
    cm = team.case_manager
    day = TODAY - timedelta(days=100)
    for stage in (Stage.MATCHING, Stage.INTERVIEW, Stage.OFFER):
        placement.advance(cm, case, stage, position=hotel, on=day)
    placed = placement.advance(cm, case, Stage.PLACED, on=TODAY - timedelta(days=65))
    notes.add_task(cm, case, "30-day retention check-in", TODAY)  # typed by hand: stays

    def open_check_ins() -> list[int]:
        return sorted((t.due_date - placed.on).days for t in notes.tasks(cm, case)
                      if not t.done and t.title.endswith("retention check-in"))

    assert open_check_ins() == [30, 60, 65, 90]
    placement.advance(cm, case, Stage.RETAINED_30, on=TODAY - timedelta(days=30))
    assert open_check_ins() == [60, 65, 90]
    closed = [t for t in notes.tasks(cm, case) if t.done]
    assert [t.done_on for t in closed] == [TODAY - timedelta(days=30)]
    placement.advance(cm, case, Stage.EXITED, reason="Moved away")
    assert open_check_ins() == [65]
    entries = [e for e in audit.recent_entries(team.supervisor, 20)
               if e.action == "placement.advance"]
    assert [e.details.get("check_ins_closed") for e in entries[-2:]] == [1, 2]


def test_a_refusal_inside_a_session_of_attendance_is_still_audited(team: Team) -> None:
    take_in(team.case_manager, "CT-1", "Rosa")
    with pytest.raises(PermissionDeniedError):
        placement.record_session(team.other_case_manager, WorkshopTopic.FEEDBACK, TODAY,
                                 [placement.AttendanceEntry("CT-1", True, True)])
    denied = [e for e in audit.recent_entries(team.supervisor, 20)
              if e.action == "access.denied"]
    assert [e.actor for e in denied] == [team.other_case_manager.account.name]
    with pytest.raises(ValidationError, match="not taken place"):
        placement.record_session(team.case_manager, WorkshopTopic.FEEDBACK,
                                 TODAY + timedelta(days=5),
                                 [placement.AttendanceEntry("CT-1", True, True)])


def test_coordinators_caseload_rows_hold_no_case_content(team: Team) -> None:
    case = take_in(team.case_manager, "CT-1", "Rosa")
    notes.add_note(team.case_manager, case, "Met", __import__(
        "casetracker.domain.notes", fromlist=["ContactType"]).ContactType.PHONE)
    [row] = survivors.caseload(team.coordinator)
    assert (row.last_contact, row.next_milestone_due, row.documents_outstanding) == (
        None, None, 0)
    assert survivors.caseload(team.case_manager)[0].last_contact == TODAY
