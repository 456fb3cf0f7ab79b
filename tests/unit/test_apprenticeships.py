"""Apprenticeships, the employer's people at a placement, coaching contacts and gender as
recorded (issue 21 §2-3): services, command line, the schema step, and that the employer's
people never reach what is printed for or about the survivor."""

from __future__ import annotations

import io
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from casetracker.domain import clock
from casetracker.domain.apprenticeships import CoachingTopic, Outcome, add_months
from casetracker.domain.catalog import COORDINATOR_VISIBLE, SHAREABLE, spec
from casetracker.domain.employment import (
    ApprenticeshipTrack,
    Industry,
    PositionKind,
    Stage,
    WageStep,
    parse_wage_steps,
)
from casetracker.domain.errors import NotFoundError, PermissionDeniedError
from casetracker.domain.survivors import Gender
from casetracker.domain.validation import ValidationError
from casetracker.services import (
    apprenticeships,
    consent,
    employers,
    importer,
    internships,
    placement,
    placement_contacts,
    sharing,
    survivors,
)
from casetracker.services.session import Session
from casetracker.services.spreadsheet import open_table
from casetracker.storage.migrations import STEPS, migrate
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, COORDINATOR, OTHER_CASE_MANAGER, SUPERVISOR
from tests.unit.test_record_cli import Cli, cli, rows  # noqa: F401 (the fixture)

TODAY = clock.today()
SUPERVISOR_NAME, MENTOR_NAME = "Wilhelmina Farraday", "Octavius Brandlebury"


def apprentice_position(coordinator: Session, track: ApprenticeshipTrack =
                        ApprenticeshipTrack.REGISTERED) -> str:
    employers.add_employer(coordinator, "Harbor Electric", Industry.MARITIME)
    return employers.add_position(
        coordinator, "Harbor Electric", "Electrician apprentice", PositionKind.APPRENTICESHIP,
        hourly_wage_cents=1700, track=track, term_months=24, sponsor="IBEW Local 11",
        wage_steps=(WageStep(6, 1850), WageStep(12, 2000))).id


def take_in(team: Team, name: str = "Rosa") -> str:
    return survivors.create_survivor(team.case_manager, survivors.draft(
        preferred_name=name, intake_date=TODAY - timedelta(days=200))).case_number


def apprentice(team: Team, case: str, position: str, started: int = 20) -> None:
    day = TODAY - timedelta(days=started)
    placement.advance(team.case_manager, case, Stage.MATCHING, on=day)
    placement.advance(team.case_manager, case, Stage.INTERVIEW, on=day, position=position)
    placement.advance(team.coordinator, case, Stage.APPRENTICESHIP, on=day)


def test_an_apprenticeship_position_says_its_track_term_sponsor_and_wages(team: Team) -> None:
    position = employers.find_position(team.coordinator, apprentice_position(team.coordinator))
    assert (position.kind, position.track, position.term_months, position.sponsor) == (
        PositionKind.APPRENTICESHIP, ApprenticeshipTrack.REGISTERED, 24, "IBEW Local 11")
    assert position.wage_steps == (WageStep(6, 1850), WageStep(12, 2000))
    assert parse_wage_steps("6:18.50, 12:20") == position.wage_steps
    with pytest.raises(ValidationError) as raised:
        employers.add_position(team.coordinator, "Harbor Electric", "x",
                               PositionKind.APPRENTICESHIP, hourly_wage_cents=1700,
                               track=ApprenticeshipTrack.REGISTERED, term_months=200,
                               wage_steps=(WageStep(6, 1500),))
    assert set(raised.value.problems) == {"term_months", "sponsor", "wage_steps"}
    with pytest.raises(ValidationError, match="only an apprenticeship"):
        employers.add_position(team.coordinator, "Harbor Electric", "x", PositionKind.JOB,
                               term_months=12)
    with pytest.raises(ValidationError, match="wage_steps"):
        parse_wage_steps("six months: more")


def test_the_pipeline_starts_and_completes_an_apprenticeship(team: Team) -> None:
    case, position = take_in(team), apprentice_position(team.coordinator)
    apprentice(team, case, position, started=40)
    [running] = apprenticeships.apprenticeships(team.supervisor, case)
    start = TODAY - timedelta(days=40)
    assert (running.track, running.starts_on, running.ends_on, running.outcome) == (
        ApprenticeshipTrack.REGISTERED, start, add_months(start, 24), Outcome.RUNNING)
    assert placement.current_stage(team.case_manager, case) is Stage.APPRENTICESHIP
    with pytest.raises(ValidationError, match="reason: is required"):
        apprenticeships.finish(team.case_manager, case, completed=False)
    with pytest.raises(PermissionDeniedError):
        apprenticeships.finish(team.other_case_manager, case, completed=True)
    done = apprenticeships.finish(team.coordinator, case, completed=True)
    assert (done.outcome, done.ended_on) == (Outcome.COMPLETED, TODAY)
    placement.advance(team.case_manager, case, Stage.PLACED)  # hired at its end
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)


def test_an_apprenticeship_step_needs_an_apprenticeship_position(team: Team) -> None:
    case = take_in(team)
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    job = employers.add_position(team.coordinator, "Harbor Hotel", "Cook", PositionKind.JOB).id
    placement.advance(team.case_manager, case, Stage.MATCHING)
    placement.advance(team.case_manager, case, Stage.INTERVIEW, position=job)
    with pytest.raises(ValidationError, match="apprenticeship position"):
        placement.advance(team.case_manager, case, Stage.APPRENTICESHIP)
    with pytest.raises(NotFoundError, match="no apprenticeship"):
        apprenticeships.finish(team.case_manager, case, completed=True)


def test_each_placement_names_its_supervisor_and_mentor_and_coaching(team: Team) -> None:
    case, position = take_in(team), apprentice_position(team.coordinator)
    with pytest.raises(NotFoundError, match="no placement yet"):
        placement_contacts.set_people(team.case_manager, case, supervisor="x")
    assert placement_contacts.people(team.case_manager, case) is None
    apprentice(team, case, position)
    placement_contacts.set_people(team.case_manager, case, supervisor=SUPERVISOR_NAME,
                                  supervisor_contact="555-0101")
    placement_contacts.set_people(team.coordinator, case, mentor=MENTOR_NAME)
    people = placement_contacts.people(team.supervisor, case)
    assert people is not None
    assert (people.supervisor, people.supervisor_contact, people.mentor) == (
        SUPERVISOR_NAME, "555-0101", MENTOR_NAME)
    placement_contacts.add_coaching(team.case_manager, case, SUPERVISOR_NAME,
                                    CoachingTopic.SUPERVISION, note="talked about check-ins",
                                    on=TODAY - timedelta(days=2))
    with pytest.raises(ValidationError) as raised:
        placement_contacts.add_coaching(team.case_manager, case, " ", CoachingTopic.OTHER,
                                        on=TODAY - timedelta(days=300))
    assert set(raised.value.problems) == {"with_whom", "contacted_on"}
    for outsider in (team.other_case_manager, team.supervisor):
        with pytest.raises(PermissionDeniedError):
            placement_contacts.add_coaching(outsider, case, "x", CoachingTopic.OTHER)
    with pytest.raises(PermissionDeniedError):
        placement_contacts.coaching(team.other_case_manager, case)
    [coached] = placement_contacts.coaching(team.coordinator, case)
    assert (coached.with_whom, coached.topic) == (SUPERVISOR_NAME, CoachingTopic.SUPERVISION)
    # A job after it has people of its own; coaching follows the newest placement.
    placement.advance(team.case_manager, case, Stage.PLACED)
    assert placement_contacts.people(team.case_manager, case).supervisor == ""  # type: ignore[union-attr]
    assert placement_contacts.coaching(team.case_manager, case) == []


def test_an_internships_people_are_its_own_record(team: Team) -> None:
    case = take_in(team)
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    intern = employers.add_position(team.coordinator, "Harbor Hotel", "Kitchen intern",
                                    PositionKind.INTERNSHIP).id
    placement.advance(team.case_manager, case, Stage.MATCHING)
    placement.advance(team.case_manager, case, Stage.INTERVIEW, position=intern)
    placement.advance(team.case_manager, case, Stage.INTERNSHIP)
    placement_contacts.set_people(team.case_manager, case, mentor=MENTOR_NAME)
    [running] = internships.internships(team.case_manager, case)
    assert running.employer_mentor == MENTOR_NAME
    internships.update(team.case_manager, case, employer_supervisor=SUPERVISOR_NAME)
    people = placement_contacts.people(team.case_manager, case)
    assert people is not None
    assert (people.supervisor, people.mentor) == (SUPERVISOR_NAME, MENTOR_NAME)


def test_the_employers_people_never_reach_what_is_printed_for_the_survivor(
        team: Team) -> None:
    case, position = take_in(team), apprentice_position(team.coordinator)
    apprentice(team, case, position)
    placement_contacts.set_people(team.case_manager, case, supervisor=SUPERVISOR_NAME,
                                  mentor=MENTOR_NAME, mentor_contact="mentor@harbor.example")
    placement_contacts.add_coaching(team.case_manager, case, SUPERVISOR_NAME,
                                    CoachingTopic.ONBOARDING, note="Quendolyn onboarding")
    consent.add_consent(team.case_manager, case, categories=SHAREABLE, purpose="Referral",
                        expires_on=TODAY + timedelta(days=90),
                        recipient_employer="Harbor Electric")
    for prepared in (sharing.prepare_plan(team.case_manager, case),
                     sharing.prepare_employer_profile(team.case_manager, case,
                                                      "Harbor Electric")):
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(prepared.pdf)).pages)
        for secret in ("Farraday", "Brandlebury", "mentor@harbor", "Quendolyn"):
            assert secret not in text


def test_gender_is_recorded_edited_and_never_shared(team: Team) -> None:
    case = take_in(team)
    with pytest.raises(ValidationError, match="gender_self_described: is required"):
        survivors.update_survivor(team.case_manager, case, gender=Gender.SELF_DESCRIBED)
    survivors.update_survivor(team.case_manager, case, gender=Gender.SELF_DESCRIBED,
                              gender_self_described="two-spirit")
    found = survivors.get_survivor(team.case_manager, case)
    assert (found.gender, found.gender_self_described) == (Gender.SELF_DESCRIBED, "two-spirit")
    survivors.update_survivor(team.case_manager, case, gender=Gender.WOMAN)
    found = survivors.get_survivor(team.case_manager, case)
    assert (found.gender, found.gender_self_described) == (Gender.WOMAN, "")
    for name in ("gender", "gender_self_described"):
        assert spec(f"survivor.{name}").category not in COORDINATOR_VISIBLE


def test_the_schema_step_keeps_positions_and_the_steps_that_name_them(
        team: Team, tmp_path: object) -> None:
    """The pipeline step widens `positions.kind`'s CHECK in place: rows and references
    survive."""
    from casetracker.storage.connection import Connection
    conn: Connection = team.supervisor.conn
    case = take_in(team)
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    job = employers.add_position(team.coordinator, "Harbor Hotel", "Cook",
                                 PositionKind.JOB).id
    placement.advance(team.case_manager, case, Stage.MATCHING)
    placement.advance(team.case_manager, case, Stage.INTERVIEW, position=job)
    # Undo the step by hand down to the old table, then run it again.
    number = next(n for n, f in STEPS.items() if f.__module__.endswith('_pipeline'))
    for table in ("employer_coaching", "placement_people", "apprenticeships"):
        conn.execute(f"DROP TABLE {table}")
    for table, column in (("survivors", "gender"), ("survivors", "gender_self_described"),
                          ("positions", "track"), ("positions", "term_months"),
                          ("positions", "sponsor"), ("positions", "wage_steps")):
        conn.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE name = 'positions'",
                 (", 'apprenticeship'", ""))
    conn.execute("PRAGMA writable_schema = OFF")
    conn.execute(f"PRAGMA user_version = {number - 1}")
    migrate(conn, steps={n: f for n, f in STEPS.items() if n <= number})
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert "apprenticeship" in conn.execute(
        "SELECT sql FROM sqlite_schema WHERE name = 'positions'").fetchone()[0]
    assert employers.find_position(team.coordinator, job).title == "Cook"
    assert [s.position_id for s in placement.steps(team.case_manager, case)] == [None, job]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    apprentice_position(team.coordinator)  # the new kind is accepted


def test_the_command_line(cli: Cli) -> None:  # noqa: F811
    start = (TODAY - timedelta(days=10)).isoformat()
    cli.ok(COORDINATOR, "employer", "add", "--name", "Harbor Electric", "--industry",
           "maritime")
    position = cli.ok(COORDINATOR, "position", "add", "--employer", "Harbor Electric",
                      "--title", "Pre-apprentice", "--kind", "apprenticeship", "--wage", "16",
                      "--track", "pre_apprenticeship", "--term-months", "6",
                      "--wage-steps", "3:17").strip()
    listed = rows(cli.ok(COORDINATOR, "position", "list", "--json"))
    assert "pre_apprenticeship, 6 months" in str(listed[0]["apprenticeship"])
    cli.ok(CASE_MANAGER, "placement", "advance", cli.case, "matching", "--date", start)
    cli.ok(CASE_MANAGER, "placement", "advance", cli.case, "interview", "--position",
           position, "--date", start)
    cli.ok(CASE_MANAGER, "placement", "advance", cli.case, "apprenticeship", "--date", start)
    cli.ok(CASE_MANAGER, "placement-people", cli.case, "--supervisor", SUPERVISOR_NAME,
           "--mentor-contact", "555-0199")
    shown = rows(cli.ok(COORDINATOR, "placement-people", cli.case, "--json"))[0]
    assert (shown["placement"], shown["supervisor"], shown["mentor_contact"]) == (
        "Apprenticeship", SUPERVISOR_NAME, "555-0199")
    cli.ok(CASE_MANAGER, "coaching", "add", cli.case, "--with", SUPERVISOR_NAME, "--topic",
           "schedule", "--note", "shift swap")
    assert rows(cli.ok(SUPERVISOR, "coaching", "list", cli.case, "--json")) == [
        {"date": TODAY.isoformat(), "with": SUPERVISOR_NAME, "topic": "Schedule and hours",
         "note": "shift swap"}]
    cli.refused(OTHER_CASE_MANAGER, "coaching", "add", cli.case, "--with", "x", "--topic",
                "other")
    cli.ok(CASE_MANAGER, "apprenticeship", "finish", cli.case, "--completed")
    assert rows(cli.ok(SUPERVISOR, "apprenticeship", "show", cli.case, "--json"))[0][
        "outcome"] == "completed"
    cli.ok(CASE_MANAGER, "survivor", "edit", cli.case, "--gender", "self_described",
           "--gender-self-described", "genderqueer")
    with cli.session(CASE_MANAGER) as cm:
        found = survivors.get_survivor(cm, cli.case)
    assert (found.gender, found.gender_self_described) == (Gender.SELF_DESCRIBED,
                                                           "genderqueer")
    cli.ok(CASE_MANAGER, "survivor", "edit", cli.case, "--gender", "not_recorded")


def test_the_import_takes_an_optional_gender_column(team: Team, tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    path.write_text("Case #,Preferred name,Gender\r\nCT-1,Rosa,Female\r\nCT-2,Lena,\r\n"
                    "CT-3,Mei,two-spirit\r\nCT-4,Ana,Prefer not to say\r\n", encoding="utf-8")
    table = open_table(path)
    assert importer.import_survivors(team.case_manager, table).imported == 4
    table.close()
    found = {c: survivors.get_survivor(team.supervisor, c)
             for c in ("CT-1", "CT-2", "CT-3", "CT-4")}
    assert {c: (s.gender, s.gender_self_described) for c, s in found.items()} == {
        "CT-1": (Gender.WOMAN, ""), "CT-2": (Gender.NOT_RECORDED, ""),
        "CT-3": (Gender.SELF_DESCRIBED, "two-spirit"), "CT-4": (Gender.DECLINED, "")}
    without = tmp_path / "plain.csv"  # a spreadsheet without the column still imports
    without.write_text("Case #,Preferred name\r\nCT-5,Ines\r\n", encoding="utf-8")
    table = open_table(without)
    assert importer.import_survivors(team.case_manager, table).imported == 1
    table.close()
