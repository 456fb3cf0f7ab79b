"""Issue 21 §3–4 and issue 24: employers' commitments and their yearly self-assessment, the
directory by standing and industry, closing positions, the readiness track, and positions'
shift and location area in the ranking."""

from __future__ import annotations

from datetime import timedelta

import pytest

from casetracker.domain import clock as program_clock
from casetracker.domain.employment import (
    SELF_ASSESSMENT_DAYS,
    Industry,
    PositionKind,
    Practice,
    Shift,
    Standing,
    WorkshopTopic,
    assessment_due,
)
from casetracker.domain.errors import PermissionDeniedError
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import Availability, Transport
from casetracker.domain.validation import ValidationError
from casetracker.services import audit, employers, matching, placement, plans, settings, survivors
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, COORDINATOR, SUPERVISOR
from tests.unit.test_record_cli import Cli, cli, rows  # noqa: F401 (the fixture)

SEED_PRACTICES = frozenset({
    Practice.ORGANISATION_POLICY, Practice.SUPPLIER_CODE_OF_CONDUCT,
    Practice.EMPLOYEE_TRAINING, Practice.TRAUMA_INFORMED_SUPERVISION,
    Practice.SUPERVISOR_RESILIENCE_TRAINING, Practice.LEADERSHIP_COMMITMENT,
    Practice.CUSTOMER_ENGAGEMENT, Practice.REPORTING_PROCEDURES})


def test_the_seeds_best_practices_are_all_on_the_checklist() -> None:
    assert set(Practice) >= SEED_PRACTICES


def test_a_self_assessment_sets_the_practices_and_the_standing_follows(team: Team) -> None:
    co = team.coordinator
    employers.add_employer(co, "Harbor Hotel", Industry.HOSPITALITY)
    assert employers.find_employer(co, "Harbor Hotel").standing is Standing.NOT_YET
    day = program_clock.today() - timedelta(days=10)
    employers.record_assessment(co, "Harbor Hotel", SEED_PRACTICES, on=day, note="Signed by HR")
    hotel = employers.find_employer(co, "Harbor Hotel")
    assert hotel.practices == SEED_PRACTICES
    assert hotel.standing is Standing.SAFE
    # An older assessment typed late is kept, but does not replace the newer one's practices.
    employers.record_assessment(co, "Harbor Hotel", frozenset(), on=day - timedelta(days=400))
    assert employers.find_employer(co, "Harbor Hotel").standing is Standing.SAFE
    found = employers.assessments(co, "Harbor Hotel")
    assert [a.assessed_on for a in found] == [day, day - timedelta(days=400)]
    assert found[0].note == "Signed by HR"
    assert found[0].recorded_by == co.account.name
    entries = audit.search(team.supervisor, action="employer.assess")
    assert [e.subject for e in entries] == ["Harbor Hotel", "Harbor Hotel"]
    with pytest.raises(PermissionDeniedError):
        employers.record_assessment(team.case_manager, "Harbor Hotel", frozenset())
    with pytest.raises(ValidationError):
        employers.record_assessment(co, "Harbor Hotel", frozenset(),
                                    on=program_clock.today() + timedelta(days=1))


def test_the_self_assessment_is_due_again_after_a_year(team: Team) -> None:
    co = team.coordinator
    employers.add_employer(co, "Harbor Hotel", Industry.HOSPITALITY)
    employers.add_employer(co, "Bay Terminal", Industry.MARITIME)
    assert {e.name for e, _ in employers.assessments_due(co)} == {"Harbor Hotel",
                                                                 "Bay Terminal"}
    employers.record_assessment(co, "Harbor Hotel", SEED_PRACTICES)
    assert [e.name for e, _ in employers.assessments_due(co)] == ["Bay Terminal"]
    assessed = program_clock.today()
    almost = program_clock.FixedClock(assessed + timedelta(days=SELF_ASSESSMENT_DAYS - 1))
    with program_clock.using(almost):
        assert [e.name for e, _ in employers.assessments_due(co)] == ["Bay Terminal"]
    with program_clock.using(program_clock.FixedClock(
            assessed + timedelta(days=SELF_ASSESSMENT_DAYS))):
        due = {e.name: last for e, last in employers.assessments_due(co)}
    assert due == {"Harbor Hotel": assessed, "Bay Terminal": None}
    today = program_clock.today()
    assert assessment_due(None, today)
    assert not assessment_due(today - timedelta(days=SELF_ASSESSMENT_DAYS - 1), today)


def test_the_directory_is_filtered_by_standing_and_industry(team: Team) -> None:
    co = team.coordinator
    employers.add_employer(co, "Harbor Hotel", Industry.HOSPITALITY, practices=SEED_PRACTICES)
    employers.add_employer(co, "Bay Terminal", Industry.MARITIME)
    employers.add_employer(co, "Seaside Inn", Industry.HOSPITALITY)

    def names(**kw: object) -> list[str]:
        return [e.name for e in employers.employers(co, **kw)]  # type: ignore[arg-type]

    assert names() == ["Bay Terminal", "Harbor Hotel", "Seaside Inn"]
    assert names(standing=Standing.SAFE) == ["Harbor Hotel"]
    assert names(industry=Industry.HOSPITALITY) == ["Harbor Hotel", "Seaside Inn"]
    assert names(standing=Standing.NOT_YET, industry=Industry.HOSPITALITY) == ["Seaside Inn"]
    assert employers.parse_standing("not yet") is Standing.NOT_YET


def test_a_closed_position_leaves_the_open_list(team: Team) -> None:
    co = team.coordinator
    employers.add_employer(co, "Harbor Hotel", Industry.HOSPITALITY)
    position = employers.add_position(co, "Harbor Hotel", "Front desk", PositionKind.JOB,
                                      shift=Shift.EVENING, location_area="Downtown")
    assert employers.find_position(co, position.id).shift is Shift.EVENING
    assert employers.find_position(co, position.id).location_area == "Downtown"
    employers.set_position_open(co, position.id, False)
    assert employers.positions(co, open_only=True) == []
    assert [e.action for e in audit.search(team.supervisor, action="position.close")] == [
        "position.close"]


def _take_in(session: Session, case: str, goal: str,
             transport: Transport = Transport.UNKNOWN) -> None:
    survivors.create_survivor(session, survivors.draft(
        case, f"Person {case}", availability=Availability(hours_per_week=20,
                                                          transport=transport)))
    plans.add_goal(session, case, domain=GoalDomain.EMPLOYMENT, specific=goal,
                   measurable="Hired", achievable="With support", relevant="Chosen",
                   target_date=program_clock.today() + timedelta(days=120))


def test_the_ranking_uses_shift_and_area_and_says_why(team: Team) -> None:
    cm, co = team.case_manager, team.coordinator
    _take_in(cm, "CT-1", "Evening work in Eastside", Transport.PUBLIC_TRANSIT)
    _take_in(cm, "CT-2", "Day shifts only, close to home", Transport.NEEDS_RIDE)
    employers.add_employer(co, "Airport Services", Industry.AVIATION)
    evening = employers.add_position(co, "Airport Services", "Ramp agent", PositionKind.JOB,
                                     hours_per_week=20, shift=Shift.EVENING,
                                     location_area="Eastside")
    ranked = matching.rank(co, evening.id)
    assert [m.case_number for m in ranked] == ["CT-1", "CT-2"]
    assert {"their employment goal names this shift", "their employment goal names this area",
            "has a way to get to this area"} <= set(ranked[0].reasons)
    assert {"their employment goal names another shift",
            "needs a ride to this area"} <= set(ranked[1].reasons)
    day = employers.add_position(co, "Airport Services", "Cleaner", PositionKind.JOB,
                                 hours_per_week=20, shift=Shift.DAY)
    assert [m.case_number for m in matching.rank(co, day.id)] == ["CT-2", "CT-1"]


def test_the_readiness_track_makes_survivors_ready_to_match_and_first(team: Team) -> None:
    cm, co, su = team.case_manager, team.coordinator, team.supervisor
    _take_in(cm, "CT-1", "Evening hotel work")  # the better fit
    _take_in(cm, "CT-2", "Any work")
    employers.add_employer(co, "Harbor Hotel", Industry.HOSPITALITY)
    position = employers.add_position(co, "Harbor Hotel", "Housekeeping", PositionKind.JOB,
                                      hours_per_week=20, shift=Shift.EVENING)
    assert settings.readiness_track(cm) == tuple(WorkshopTopic)
    for topic in (WorkshopTopic.SMART_GOALS, WorkshopTopic.RESUME_BUILDING):
        placement.record_session(cm, topic, program_clock.today(),
                                 [placement.AttendanceEntry("CT-2", True, True)])
    assert not placement.ready_to_match(cm, "CT-2")
    assert [m.case_number for m in matching.rank(co, position.id)] == ["CT-1", "CT-2"]
    # The program shortens its track to those two workshops: CT-2 is ready, and first.
    with pytest.raises(PermissionDeniedError):
        settings.set_readiness_track(cm, [WorkshopTopic.SMART_GOALS])
    settings.set_readiness_track(su, [WorkshopTopic.RESUME_BUILDING, WorkshopTopic.SMART_GOALS])
    assert settings.readiness_track(cm) == (WorkshopTopic.SMART_GOALS,
                                            WorkshopTopic.RESUME_BUILDING)
    assert placement.ready_to_match(cm, "CT-2")
    ranked = matching.rank(co, position.id)
    assert [(m.case_number, m.ready_to_match) for m in ranked] == [("CT-2", True),
                                                                   ("CT-1", False)]
    assert ranked[0].reasons[0] == "ready to match: completed the readiness track"
    rows = {r.case_number: r.ready_to_match for r in survivors.caseload(co)}
    assert rows == {"CT-1": False, "CT-2": True}
    entries = audit.search(su, action="settings.update")
    assert entries
    assert entries[-1].details.get("fields") == ["readiness_track"]
    with pytest.raises(ValidationError):
        settings.set_readiness_track(su, [])


def test_the_command_line_filters_assesses_and_sets_the_track(cli: Cli) -> None:  # noqa: F811
    cli.ok(COORDINATOR, "employer", "add", "--name", "Harbor Hotel", "--industry",
           "hospitality")
    cli.ok(COORDINATOR, "employer", "add", "--name", "Bay Terminal", "--industry", "maritime")
    cli.refused(CASE_MANAGER, "employer", "assess", "Harbor Hotel", "--practices", "",
                subject=None)
    cli.ok(COORDINATOR, "employer", "assess", "Harbor Hotel", "--practices",
           ",".join(p.value for p in SEED_PRACTICES), "--note", "HR answered")
    listed = rows(cli.ok(COORDINATOR, "employer", "list", "--standing", "safe", "--json"))
    assert [(r["name"], r["assessment_due"]) for r in listed] == [("Harbor Hotel", "no")]
    listed = rows(cli.ok(COORDINATOR, "employer", "list", "--industry", "maritime", "--json"))
    assert [(r["name"], r["assessed"], r["assessment_due"]) for r in listed] == [
        ("Bay Terminal", "-", "yes")]
    [done] = rows(cli.ok(COORDINATOR, "employer", "assessments", "Harbor Hotel", "--json"))
    assert (done["standing"], done["note"]) == ("safe", "HR answered")
    made = cli.made(COORDINATOR, "position", "add", "--employer", "Bay Terminal", "--title",
                    "Deck hand", "--kind", "job", "--shift", "night", "--area", "Berth 12")
    [position] = rows(cli.ok(COORDINATOR, "position", "list", "--json"))
    assert (position["id"], position["shift"], position["area"]) == (made, "night", "Berth 12")
    cli.ok(COORDINATOR, "position", "close", made)
    assert cli.ok(COORDINATOR, "position", "list", "--json") == ""
    cli.refused(COORDINATOR, "settings", "set", "--readiness-track", "smart_goals",
                subject=None)
    cli.ok(SUPERVISOR, "settings", "set", "--readiness-track", "smart_goals,feedback")
    shown = {r["setting"]: r["value"] for r in rows(cli.ok(SUPERVISOR, "settings", "show",
                                                          "--json"))}
    assert shown["readiness_track"] == "smart_goals; feedback"  # the workshops' own order
    code, _out, err = cli.as_(SUPERVISOR, "settings", "set", "--readiness-track", "knitting")
    assert code == 1
    assert "names a workshop that does not exist" in err
