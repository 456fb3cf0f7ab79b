"""Paid internships as they run (issue 21 §3): started with the pipeline's internship step,
then their dates, hours, wage and the employer's supervisor and mentor, a check-in each week,
and how they ended. The case manager of the case, or a coordinator on an open case, keeps them
(as for the pipeline); whoever may read the pipeline reads them."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.employment import PlacementStep, Position
from casetracker.domain.errors import NotFoundError
from casetracker.domain.internships import (
    ENDING_SOON_DAYS,
    Internship,
    InternshipOutcome,
    InternshipWeek,
    default_end,
    monday_of,
    validate_internship,
    validate_week,
)
from casetracker.domain.survivors import CaseStatus, Survivor
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.internships_repo import InternshipRepository
from casetracker.storage.survivors_repo import SurvivorRepository

EDITABLE = frozenset({"starts_on", "ends_on", "hours_per_week", "hourly_wage_cents",
                      "employer_supervisor", "employer_supervisor_contact", "employer_mentor",
                      "employer_mentor_contact"})


def started(session: Session, step: PlacementStep, position: Position | None) -> Internship:
    """The internship a pipeline step starts (inside the caller's unit of work): from the
    step's day, as many weeks as the position says (12 if it does not)."""
    internship = Internship(
        step.id, step.survivor_id, step.employer_id, step.on,
        default_end(step.on, position.weeks if position else None), step.hours_per_week,
        step.hourly_wage_cents, updated_at=clock.now_iso())
    InternshipRepository(session.conn).save(internship)
    return internship


def internships(session: Session, case_number: str) -> list[Internship]:
    """The survivor's internships, newest first."""
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "reading internships")
    session.audit_view(survivor.case_number, "internships")
    return InternshipRepository(session.conn).for_survivor(survivor.id)


def _current(session: Session, case_number: str, action: str) -> tuple[Survivor, Internship]:
    survivor = access.find(session, case_number)
    access.require_pipeline_edit(session, survivor, action)
    found = InternshipRepository(session.conn).for_survivor(survivor.id)
    if not found:
        raise NotFoundError(f"case {survivor.case_number} has no internship recorded; an "
                            "internship starts with the placement step 'internship'")
    return survivor, found[0]


def update(session: Session, case_number: str, **changes: Any) -> Internship:
    """Change the newest internship's dates, hours, wage, supervisor or mentor."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValueError(f"not an internship field: {', '.join(sorted(unknown))}")
    survivor, internship = _current(session, case_number, "changing an internship")
    text: dict[str, Any] = {k: v.strip() if isinstance(v, str) else v
                            for k, v in changes.items()}
    updated = replace(internship, **text, updated_at=clock.now_iso())
    validate_internship(updated, clock.today())
    with session.changing():
        InternshipRepository(session.conn).save(updated)
        session.audit("internship.update", survivor.case_number,
                      fields=sorted(k for k in changes if getattr(internship, k) != text[k]))
    return updated


def record_week(session: Session, case_number: str, hours_worked: int, *,
                week_of: date | None = None, note: str = "") -> InternshipWeek:
    """The weekly check-in of the newest internship (this week unless told); a second
    check-in for the same week replaces the first."""
    survivor, internship = _current(session, case_number, "recording an internship week")
    week = InternshipWeek(str(uuid.uuid4()), internship.step_id,
                          monday_of(week_of or clock.today()), hours_worked, note.strip(),
                          session.account.name, clock.now_iso())
    validate_week(week, internship, clock.today())
    with session.changing():
        InternshipRepository(session.conn).save_week(week)
        session.audit("internship.week", survivor.case_number, week_of=week.week_of.isoformat(),
                      hours=hours_worked)
    return week


def weeks(session: Session, case_number: str) -> list[InternshipWeek]:
    """The newest internship's weekly check-ins, oldest first."""
    found = internships(session, case_number)
    return InternshipRepository(session.conn).weeks(found[0].step_id) if found else []


def finish(session: Session, case_number: str, *, completed: bool, on: date | None = None,
           reason: str = "") -> Internship:
    """Record that the newest internship was completed, or ended early (with a reason)."""
    survivor, internship = _current(session, case_number, "ending an internship")
    outcome = InternshipOutcome.COMPLETED if completed else InternshipOutcome.ENDED_EARLY
    updated = replace(internship, outcome=outcome, ended_on=on or clock.today(),
                      end_reason=reason.strip(), updated_at=clock.now_iso())
    validate_internship(updated, clock.today())
    with session.changing():
        InternshipRepository(session.conn).save(updated)
        session.audit("internship.finish", survivor.case_number, outcome=outcome.value)
    return updated


def ending_soon(session: Session) -> list[tuple[str, Internship]]:
    """Running internships that end in the next two weeks (or should have ended), with their
    case numbers: a supervisor's all, a case manager's of their own cases."""
    session.require("listing internships ending soon", Role.SUPERVISOR, Role.CASE_MANAGER)
    survivors = SurvivorRepository(session.conn)
    found = []
    for internship in InternshipRepository(session.conn).ending_by(
            clock.today() + timedelta(days=ENDING_SOON_DAYS)):
        survivor = survivors.by_id(internship.survivor_id)
        if survivor is None or survivor.status is not CaseStatus.ACTIVE:
            continue
        if session.account.role is Role.SUPERVISOR or access.owns(session, survivor):
            found.append((survivor.case_number, internship))
    return found
