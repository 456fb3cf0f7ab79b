"""Paid internships as they run (issue 21 §3): the pipeline's internship step starts one of
the position's length, the case manager or a coordinator keeps it, weekly check-ins, its end,
and those ending in the next two weeks; from the services and the command line."""

from __future__ import annotations

from datetime import timedelta

import pytest

from casetracker.domain import clock
from casetracker.domain.employment import Industry, PositionKind, Stage
from casetracker.domain.errors import NotFoundError, PermissionDeniedError
from casetracker.domain.internships import InternshipOutcome, monday_of
from casetracker.domain.validation import ValidationError
from casetracker.services import employers, internships, placement, survivors
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, COORDINATOR, OTHER_CASE_MANAGER, SUPERVISOR
from tests.unit.test_record_cli import Cli, cli, rows  # noqa: F401 (the fixture)

TODAY = clock.today()


def intern(cm: Session, coordinator: Session, case: str, started: int,
           weeks: int | None = None) -> None:
    """Take `case` to an internship that started `started` days ago."""
    employers.add_employer(coordinator, f"Employer {case}", Industry.MARITIME)
    position = employers.add_position(coordinator, f"Employer {case}", "Deck intern",
                                      PositionKind.INTERNSHIP, hourly_wage_cents=1800)
    if weeks is not None:
        coordinator.conn.execute("UPDATE positions SET weeks = ? WHERE id = ?",
                                 (weeks, position.id))
    day = TODAY - timedelta(days=started)
    placement.advance(cm, case, Stage.MATCHING, on=day)
    placement.advance(cm, case, Stage.INTERVIEW, on=day, position=position.id)
    placement.advance(coordinator, case, Stage.INTERNSHIP, on=day)


def take_in(team: Team, name: str) -> str:
    return survivors.create_survivor(team.case_manager, survivors.draft(
        preferred_name=name, intake_date=TODAY - timedelta(days=200))).case_number


def test_the_internship_step_starts_one_that_is_kept_week_by_week(team: Team) -> None:
    case = take_in(team, "Rosa")
    intern(team.case_manager, team.coordinator, case, started=20)
    [running] = internships.internships(team.supervisor, case)
    start = TODAY - timedelta(days=20)
    assert (running.starts_on, running.ends_on) == (start, start + timedelta(days=83))
    assert (running.hours_per_week, running.hourly_wage_cents) == (20, 1800)
    internships.update(team.coordinator, case, employer_supervisor="Dana Lee",
                       employer_mentor="Sam Ortiz", employer_mentor_contact="555-0100")
    internships.record_week(team.case_manager, case, 18, note="learning the radio")
    internships.record_week(team.case_manager, case, 20,
                            week_of=TODAY - timedelta(days=7))
    internships.record_week(team.case_manager, case, 19)  # the same week again: replaces
    assert [(w.week_of, w.hours_worked) for w in internships.weeks(team.supervisor, case)] == [
        (monday_of(TODAY - timedelta(days=7)), 20), (monday_of(TODAY), 19)]
    with pytest.raises(ValidationError, match="reason: is required"):
        internships.finish(team.case_manager, case, completed=False)
    done = internships.finish(team.case_manager, case, completed=False,
                              reason="moved to a job elsewhere")
    assert (done.outcome, done.ended_on) == (InternshipOutcome.ENDED_EARLY, TODAY)
    [kept] = internships.internships(team.coordinator, case)
    assert (kept.employer_mentor, kept.employer_supervisor) == ("Sam Ortiz", "Dana Lee")


def test_the_position_sets_the_length_and_wrong_values_are_named(team: Team) -> None:
    case = take_in(team, "Rosa")
    intern(team.case_manager, team.coordinator, case, started=3, weeks=8)
    [running] = internships.internships(team.case_manager, case)
    assert running.ends_on == running.starts_on + timedelta(weeks=8, days=-1)
    with pytest.raises(ValidationError) as raised:
        internships.update(team.case_manager, case, ends_on=running.starts_on
                           - timedelta(days=1), hours_per_week=0)
    assert set(raised.value.problems) == {"ends_on", "hours_per_week"}
    with pytest.raises(ValidationError, match="week_of: is not a week of the internship"):
        internships.record_week(team.case_manager, case, 10,
                                week_of=running.starts_on - timedelta(days=30))


def test_who_keeps_them_and_who_hears_of_those_ending(team: Team) -> None:
    ending, later = take_in(team, "Rosa"), take_in(team, "Lia")
    intern(team.case_manager, team.coordinator, ending, started=80)  # 12 weeks: ends in 4 days
    intern(team.case_manager, team.coordinator, later, started=10)
    with pytest.raises(NotFoundError, match="no internship recorded"):
        internships.record_week(team.case_manager, take_in(team, "Ana"), 5)
    for outsider in (team.supervisor, team.other_case_manager):
        with pytest.raises(PermissionDeniedError):
            internships.record_week(outsider, ending, 5)
    with pytest.raises(PermissionDeniedError):
        internships.internships(team.other_case_manager, ending)
    assert [case for case, _ in internships.ending_soon(team.supervisor)] == [ending]
    assert [case for case, _ in internships.ending_soon(team.case_manager)] == [ending]
    assert internships.ending_soon(team.other_case_manager) == []
    with pytest.raises(PermissionDeniedError):
        internships.ending_soon(team.coordinator)
    internships.finish(team.case_manager, ending, completed=True)
    assert internships.ending_soon(team.supervisor) == []


def test_the_command_line_keeps_an_internship(cli: Cli) -> None:  # noqa: F811
    with cli.session(CASE_MANAGER) as cm, cli.session(COORDINATOR) as coordinator:
        intern(cm, coordinator, cli.case, started=30)
    cli.ok(COORDINATOR, "internship", "set", cli.case, "--mentor", "Sam Ortiz",
           "--wage", "17.25", "--end", (TODAY + timedelta(days=5)).isoformat())
    cli.ok(CASE_MANAGER, "internship", "week", cli.case, "--hours", "16", "--note", "good")
    shown = rows(cli.ok(SUPERVISOR, "internship", "show", cli.case, "--json"))
    assert shown[0]["mentor"] == "Sam Ortiz"
    assert shown[0]["wage"] == "$17.25"
    assert shown[1] == {"week_of": monday_of(TODAY).isoformat(), "hours_worked": 16,
                        "note": "good"}
    assert [r["case"] for r in rows(cli.ok(SUPERVISOR, "internship", "ending", "--json"))] == [
        cli.case]
    cli.refused(OTHER_CASE_MANAGER, "internship", "week", cli.case, "--hours", "3")
    code, _out, err = cli.as_(CASE_MANAGER, "internship", "set", cli.case)
    assert code == 2
    assert "--mentor" in err
    cli.ok(CASE_MANAGER, "internship", "finish", cli.case, "--completed")
    assert rows(cli.ok(SUPERVISOR, "internship", "show", cli.case, "--json"))[0][
        "outcome"] == "completed"
