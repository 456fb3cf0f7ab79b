"""Apprenticeships as they run (issue 21 §3): started with the pipeline's apprenticeship step
at an apprenticeship position (pre- or registered), for the position's term, and completed or
ended early. Kept like the pipeline: the case manager of the case, or a coordinator on an open
case; whoever may read the pipeline reads them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from casetracker.domain import clock
from casetracker.domain.apprenticeships import (
    Apprenticeship,
    Outcome,
    add_months,
    validate_apprenticeship,
)
from casetracker.domain.employment import PlacementStep, Position
from casetracker.domain.errors import NotFoundError
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.apprenticeships_repo import ApprenticeshipRepository


def started(session: Session, step: PlacementStep, position: Position) -> Apprenticeship:
    """The apprenticeship a pipeline step starts (inside the caller's unit of work), running
    for the position's term from the step's day."""
    apprenticeship = Apprenticeship(
        step.id, step.survivor_id, step.employer_id, position.id, position.track, step.on,
        add_months(step.on, position.term_months or 12), updated_at=clock.now_iso())
    ApprenticeshipRepository(session.conn).save(apprenticeship)
    return apprenticeship


def apprenticeships(session: Session, case_number: str) -> list[Apprenticeship]:
    """The survivor's apprenticeships, newest first."""
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "reading apprenticeships")
    session.audit_view(survivor.case_number, "apprenticeships")
    return ApprenticeshipRepository(session.conn).for_survivor(survivor.id)


def finish(session: Session, case_number: str, *, completed: bool, on: date | None = None,
           reason: str = "") -> Apprenticeship:
    """Record that the newest apprenticeship was completed, or ended early (with a reason)."""
    survivor = access.find(session, case_number)
    access.require_pipeline_edit(session, survivor, "ending an apprenticeship")
    repo = ApprenticeshipRepository(session.conn)
    found = repo.for_survivor(survivor.id)
    if not found:
        raise NotFoundError(f"case {survivor.case_number} has no apprenticeship recorded; an "
                            "apprenticeship starts with the placement step 'apprenticeship'")
    outcome = Outcome.COMPLETED if completed else Outcome.ENDED_EARLY
    updated = replace(found[0], outcome=outcome, ended_on=on or clock.today(),
                      end_reason=reason.strip(), updated_at=clock.now_iso())
    validate_apprenticeship(updated, clock.today())
    with session.changing():
        repo.save(updated)
        session.audit("apprenticeship.finish", survivor.case_number, outcome=outcome.value)
    return updated
