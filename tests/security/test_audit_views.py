"""Reading a part of a survivor's record leaves a `survivor.view_part` entry in the audit trail.

DESIGN.md: every view of a survivor record is audited. Each service that hands out a part of a
record (documents, notes, goals...) is called here as its reader would call it, and the entry
is then looked up through the supervisor's audit service, not taken on trust.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from casetracker.domain.survivors import Survivor
from casetracker.services import (
    audit,
    consent,
    documents,
    notes,
    placement,
    plans,
    reviews,
    sensitive,
    survivors,
)
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE, COORDINATOR, SUPERVISOR

Reader = Callable[[Session, str], object]

# The part named in the entry, and the service call that shows it.
PARTS: dict[str, Reader] = {
    "documents": documents.documents,
    "barriers": sensitive.barriers,
    "reviews": reviews.reviews,
    "notes": notes.notes,
    "tasks": notes.tasks,
    "goals": plans.goals,
    "placement": placement.steps,
    "workshops": placement.completed_workshops,
    "consents": consent.consents,
}
# The parts a coordinator may read (the employment view of an active case).
EMPLOYMENT_PARTS = ("placement", "workshops", "consents")


@pytest.fixture
def rosa(team: Team) -> Survivor:
    return survivors.create_survivor(team.case_manager, survivors.draft("CT-0001", "Rosa"))


def part_views(team: Team, case_number: str) -> list[tuple[str | None, object]]:
    """(who, which part) for every part view of the case, oldest first."""
    entries = audit.search(team.supervisor, action="survivor.view_part", subject=case_number)
    return [(e.actor, e.details.get("part")) for e in entries
            if e.action == "survivor.view_part"]


@pytest.mark.parametrize("part", list(PARTS))
def test_the_case_manager_reading_a_part_is_audited(team: Team, rosa: Survivor,
                                                    part: str) -> None:
    assert part_views(team, rosa.case_number) == []
    PARTS[part](team.case_manager, rosa.case_number)
    assert part_views(team, rosa.case_number) == [(CASE_MANAGER, part)]


@pytest.mark.parametrize("part", list(PARTS))
def test_a_supervisor_reading_a_part_is_audited(team: Team, rosa: Survivor, part: str) -> None:
    PARTS[part](team.supervisor, rosa.case_number)
    assert part_views(team, rosa.case_number) == [(SUPERVISOR, part)]


@pytest.mark.parametrize("part", EMPLOYMENT_PARTS)
def test_a_coordinator_reading_the_employment_view_is_audited(team: Team, rosa: Survivor,
                                                              part: str) -> None:
    PARTS[part](team.coordinator, rosa.case_number)
    assert part_views(team, rosa.case_number) == [(COORDINATOR, part)]


def test_each_session_audits_its_first_view_of_a_part(team: Team, rosa: Survivor) -> None:
    """Re-reading a part in one session (every repaint of a tab) adds nothing; the next
    session's view is a new entry."""
    for _ in range(3):
        notes.notes(team.case_manager, rosa.case_number)
    later = team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    try:
        notes.notes(later, rosa.case_number)
    finally:
        later.close()
    assert part_views(team, rosa.case_number) == [(CASE_MANAGER, "notes")] * 2
