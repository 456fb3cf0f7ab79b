"""A coordinator sees the employment view of open cases only: a closed case is out of sight.

DESIGN.md: roles are enforced in services/, not by hiding buttons. Every door a coordinator
has onto a survivor (the employment profile, placement, workshops, consents, the caseload,
search, sharing) is tried here on an open and on a closed case.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from casetracker.domain.accounts import Role
from casetracker.domain.catalog import SHAREABLE
from casetracker.domain.clock import today
from casetracker.domain.employment import Industry, Stage, WorkshopTopic
from casetracker.domain.errors import PermissionDeniedError
from casetracker.domain.survivors import CaseStatus, Survivor
from casetracker.services import (
    audit,
    consent,
    employers,
    placement,
    search,
    sharing,
    survivors,
)
from casetracker.services.session import Session
from tests.conftest import Team

Reader = Callable[[Session, str], object]

# Everything a coordinator may read about one survivor, by case number.
EMPLOYMENT_READS: dict[str, Reader] = {
    "employment profile": survivors.get_employment_profile,
    "employment view": survivors.employment_view,
    "placement steps": placement.steps,
    "current stage": placement.current_stage,
    "completed workshops": placement.completed_workshops,
    "consents": consent.consents,
}


@pytest.fixture
def open_case(team: Team) -> Survivor:
    return survivors.create_survivor(team.case_manager, survivors.draft("CT-0001", "Rosa"))


@pytest.fixture
def closed_case(team: Team) -> Survivor:
    survivor = survivors.create_survivor(team.case_manager,
                                         survivors.draft("CT-0002", "Beatriz"))
    return survivors.set_status(team.case_manager, survivor.case_number, CaseStatus.CLOSED)


def denials(team: Team, case_number: str) -> list[tuple[str | None, object]]:
    entries = audit.search(team.supervisor, action="access.denied", subject=case_number)
    return [(e.actor, e.details.get("role")) for e in entries]


@pytest.mark.parametrize("read", list(EMPLOYMENT_READS))
def test_a_coordinator_reads_an_open_case_but_not_a_closed_one(
        team: Team, open_case: Survivor, closed_case: Survivor, read: str) -> None:
    reader = EMPLOYMENT_READS[read]
    reader(team.coordinator, open_case.case_number)
    with pytest.raises(PermissionDeniedError):
        reader(team.coordinator, closed_case.case_number)
    assert denials(team, closed_case.case_number) == [
        (team.coordinator.account.name, Role.COORDINATOR.value)]
    # The rule is about the coordinator: the case's own manager and a supervisor still read it.
    reader(team.case_manager, closed_case.case_number)
    reader(team.supervisor, closed_case.case_number)


def test_reopening_a_case_brings_it_back_into_a_coordinators_view(
        team: Team, closed_case: Survivor) -> None:
    with pytest.raises(PermissionDeniedError):
        survivors.get_employment_profile(team.coordinator, closed_case.case_number)
    survivors.set_status(team.case_manager, closed_case.case_number, CaseStatus.ACTIVE)
    profile = survivors.get_employment_profile(team.coordinator, closed_case.case_number)
    assert profile.preferred_name == "Beatriz"


@pytest.mark.parametrize("asked_for", [CaseStatus.ACTIVE, CaseStatus.CLOSED, None])
def test_a_closed_case_is_not_in_a_coordinators_caseload(
        team: Team, open_case: Survivor, closed_case: Survivor,
        asked_for: CaseStatus | None) -> None:
    listed = [r.case_number for r in survivors.caseload(team.coordinator, status=asked_for)]
    assert listed == [open_case.case_number]
    assert survivors.caseload_size(team.coordinator, status=asked_for) == 1
    # A supervisor asking for every case gets both: the closed one exists.
    assert {r.case_number for r in survivors.caseload(team.supervisor, status=None)} == {
        open_case.case_number, closed_case.case_number}


@pytest.mark.parametrize("words", ["Beatriz", "CT-0002"])
def test_search_does_not_find_a_closed_case_for_a_coordinator(
        team: Team, open_case: Survivor, closed_case: Survivor, words: str) -> None:
    assert search.search(team.coordinator, words) == []
    assert [h.case_number for h in search.search(team.supervisor, words)] == [
        closed_case.case_number]
    assert [h.case_number for h in search.search(team.coordinator, "Rosa")] == [
        open_case.case_number]


def test_a_coordinator_cannot_move_or_share_a_closed_case(team: Team, open_case: Survivor,
                                                          closed_case: Survivor) -> None:
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    # The survivor consented while the case was open; closing it ends the coordinator's part.
    survivors.set_status(team.case_manager, closed_case.case_number, CaseStatus.ACTIVE)
    consent.add_consent(team.case_manager, closed_case.case_number, purpose="Referral for work",
                        categories=SHAREABLE,
                        expires_on=today() + timedelta(days=90),
                        recipient_employer="Harbor Hotel")
    sharing.prepare_employer_profile(team.coordinator, closed_case.case_number, "Harbor Hotel")
    survivors.set_status(team.case_manager, closed_case.case_number, CaseStatus.CLOSED)

    with pytest.raises(PermissionDeniedError):
        placement.advance(team.coordinator, closed_case.case_number, Stage.MATCHING)
    workshop = placement.add_workshop(team.coordinator, WorkshopTopic.FEEDBACK, today())
    with pytest.raises(PermissionDeniedError):
        placement.record_attendance(team.coordinator, workshop.id, [
            placement.AttendanceEntry(open_case.case_number, True, True),
            placement.AttendanceEntry(closed_case.case_number, True, True)])
    with pytest.raises(PermissionDeniedError):
        sharing.prepare_employer_profile(team.coordinator, closed_case.case_number,
                                         "Harbor Hotel")

    # Nothing changed: no step, no attendance (not even the open case's), no export.
    assert placement.steps(team.supervisor, closed_case.case_number) == []
    assert placement.completed_workshops(team.supervisor, open_case.case_number) == set()
    assert sharing.export_log(team.supervisor) == []
    assert len(denials(team, closed_case.case_number)) == 3
    # The same moves on the open case are the coordinator's to make.
    placement.advance(team.coordinator, open_case.case_number, Stage.MATCHING)
    assert placement.current_stage(team.supervisor, open_case.case_number) is Stage.MATCHING
