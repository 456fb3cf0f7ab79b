"""Services given to a survivor (issue 21 §1): recorded by the case manager from the CLI and
the services, read by whoever may read the case notes, refused to everyone else."""

from __future__ import annotations

from datetime import timedelta

import pytest

from casetracker.domain import clock
from casetracker.domain.errors import PermissionDeniedError
from casetracker.domain.service_log import ServiceType
from casetracker.domain.validation import ValidationError
from casetracker.services import audit, service_log, survivors
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, COORDINATOR, OTHER_CASE_MANAGER, SUPERVISOR
from tests.unit.test_record_cli import Cli, cli, rows  # noqa: F401 (the fixture)

TODAY = clock.today()


def test_a_case_manager_records_services_and_takes_one_back(team: Team) -> None:
    cm = team.case_manager
    case = survivors.create_survivor(cm, survivors.draft(preferred_name="Rosa")).case_number
    ride = service_log.record(cm, case, ServiceType.TRANSPORTATION, minutes=45,
                              note="bus pass for the interview")
    court = service_log.record(cm, case, ServiceType.ACCOMPANIMENT, on=TODAY, minutes=180)
    assert [s.id for s in service_log.services(team.supervisor, case)] in (
        [ride.id, court.id], [court.id, ride.id])
    assert service_log.services(cm, case)[0].recorded_by == CASE_MANAGER
    service_log.remove(cm, ride.id)
    assert [s.kind for s in service_log.services(cm, case)] == [ServiceType.ACCOMPANIMENT]
    actions = [(e.action, e.details.get("kind")) for e in
               audit.recent_entries(team.supervisor, 30) if e.action.startswith("service.")]
    assert actions == [("service.record", "transportation"),
                       ("service.record", "accompaniment"),
                       ("service.remove", "transportation")]
    # The note is case content: it never reaches the audit trail.
    assert not any("bus pass" in str(e.details) for e in audit.recent_entries(
        team.supervisor, 30))


def test_wrong_services_name_every_problem(team: Team) -> None:
    cm = team.case_manager
    case = survivors.create_survivor(cm, survivors.draft(preferred_name="Rosa")).case_number
    with pytest.raises(ValidationError) as raised:
        service_log.record(cm, case, ServiceType.OTHER, on=TODAY + timedelta(days=1),
                           minutes=0, note="x" * 2001)
    assert set(raised.value.problems) == {"delivered_on", "minutes", "note"}
    with pytest.raises(ValidationError, match="before the survivor's intake"):
        service_log.record(cm, case, ServiceType.OTHER, on=TODAY - timedelta(days=1))
    assert service_log.services(cm, case) == []


def test_only_the_case_manager_records_and_coordinators_read_none(team: Team) -> None:
    cm = team.case_manager
    case = survivors.create_survivor(cm, survivors.draft(preferred_name="Rosa")).case_number
    given = service_log.record(cm, case, ServiceType.CASE_MANAGEMENT)
    for outsider in (team.supervisor, team.coordinator, team.other_case_manager):
        with pytest.raises(PermissionDeniedError):
            service_log.record(outsider, case, ServiceType.JOB_PLACEMENT)
        with pytest.raises(PermissionDeniedError):
            service_log.remove(outsider, given.id)
    for outsider in (team.coordinator, team.other_case_manager):
        with pytest.raises(PermissionDeniedError):
            service_log.services(outsider, case)
    assert len(service_log.services(cm, case)) == 1


def test_the_command_line_records_lists_and_removes_services(cli: Cli) -> None:  # noqa: F811
    made = cli.made(CASE_MANAGER, "service", "add", cli.case, "--type", "interpretation",
                    "--minutes", "30", "--note", "Mam interpreter at the clinic")
    listed = rows(cli.ok(SUPERVISOR, "service", "list", cli.case, "--json"))
    assert [(r["id"], r["type"], r["minutes"], r["by"]) for r in listed] == [
        (made, "interpretation", 30, CASE_MANAGER)]
    cli.refused(COORDINATOR, "service", "list", cli.case)
    cli.refused(OTHER_CASE_MANAGER, "service", "add", cli.case, "--type", "other")
    code, _out, err = cli.as_(CASE_MANAGER, "service", "add", cli.case, "--type", "nap")
    assert code == 2
    assert "unknown service type 'nap'" in err
    assert "transportation" in err
    cli.ok(CASE_MANAGER, "service", "remove", made)
    assert cli.ok(CASE_MANAGER, "service", "list", cli.case, "--json") == ""
    code, _out, err = cli.as_(CASE_MANAGER, "service", "remove", made)
    assert code == 1
    assert "service list CASE" in err


def test_service_types_a_program_adds_are_recorded_listed_and_counted(cli: Cli) -> None:  # noqa: F811
    """A supervisor adds service types in Settings; a case manager records one by its name;
    the list shows the name; a type the program does not have is refused."""
    cli.refused(CASE_MANAGER, "settings", "set", "--service-types", "Child care", subject=None)
    cli.ok(SUPERVISOR, "settings", "set", "--service-types", "Child care; Phone top-up")
    types = rows(cli.ok(CASE_MANAGER, "service", "types", "--json"))
    assert [(t["name"], t["added"]) for t in types][-2:] == [("Child care", "yes"),
                                                            ("Phone top-up", "yes")]
    made = cli.made(CASE_MANAGER, "service", "add", cli.case, "--type", "child care")
    listed = rows(cli.ok(CASE_MANAGER, "service", "list", cli.case, "--json"))
    assert [(r["id"], r["type"]) for r in listed] == [(made, "Child care")]
    code, _out, err = cli.as_(CASE_MANAGER, "service", "add", cli.case, "--type", "Haircut")
    assert code == 2
    assert "Child care" in err
    # Taken out of the settings, it can no longer be recorded; what was recorded keeps it.
    cli.ok(SUPERVISOR, "settings", "set", "--service-types", "")
    code, _out, _err = cli.as_(CASE_MANAGER, "service", "add", cli.case, "--type", "child care")
    assert code == 2
    listed = rows(cli.ok(CASE_MANAGER, "service", "list", cli.case, "--json"))
    assert [r["type"] for r in listed] == ["Child care"]
