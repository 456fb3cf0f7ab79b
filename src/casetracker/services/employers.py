"""Employer partners and their positions (coordinators and supervisors keep them)."""

from __future__ import annotations

import uuid
from dataclasses import fields, replace
from datetime import date
from typing import Any

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.employment import (
    ApprenticeshipTrack,
    Employer,
    Industry,
    Position,
    PositionKind,
    Practice,
    SelfAssessment,
    Shift,
    Standing,
    WageStep,
    assessment_due,
    new_position_defaults,
    validate_assessment,
    validate_employer,
    validate_position,
)
from casetracker.domain.errors import AlreadyExistsError, NotFoundError, UsageError
from casetracker.services.session import Session
from casetracker.storage.employment_repo import EmploymentRepository

KEEPERS = (Role.COORDINATOR, Role.SUPERVISOR)


def parse_industry(text: str) -> Industry:
    key = text.strip().lower().replace(" and ", "_").replace(" ", "_").replace("-", "_")
    key = {"warehouse": "warehouse_logistics", "logistics": "warehouse_logistics"}.get(key, key)
    try:
        return Industry(key)
    except ValueError:
        raise UsageError(f"unknown industry {text!r}; choose one of "
                         + ", ".join(i.value for i in Industry)) from None


def parse_standing(text: str) -> Standing:
    key = text.strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Standing(key)
    except ValueError:
        raise UsageError(f"unknown standing {text!r}; choose one of "
                         + ", ".join(s.value for s in Standing)) from None


def employers(session: Session, *, standing: Standing | None = None,
              industry: Industry | None = None) -> list[Employer]:
    """The partners by name; only those of one standing or industry when told."""
    session.require("listing employers")
    return [e for e in EmploymentRepository(session.conn).employers()
            if (standing is None or e.standing is standing)
            and (industry is None or e.industry is industry)]


def find_employer(session: Session, name_or_id: str) -> Employer:
    repo = EmploymentRepository(session.conn)
    employer = repo.employer(name_or_id) or repo.employer_by_name(name_or_id)
    if employer is None:
        raise NotFoundError(f"there is no employer partner {name_or_id!r}")
    return employer


def add_employer(session: Session, name: str, industry: Industry, **details: Any) -> Employer:
    session.require("adding an employer partner", *KEEPERS)
    employer = Employer(str(uuid.uuid4()), name.strip(), industry, created_at=clock.now_iso(),
                        **details)
    validate_employer(employer)
    repo = EmploymentRepository(session.conn)
    if repo.employer_by_name(employer.name) is not None:
        raise AlreadyExistsError(f"an employer named {employer.name!r} is already listed")
    with session.changing():
        repo.save_employer(employer)
        session.audit("employer.add", employer.name, industry=industry.value)
    return employer


# What a change may touch: everything but the record's identity and creation time.
EMPLOYER_FIELDS = tuple(f.name for f in fields(Employer) if f.name not in {"id", "created_at"})


def update_employer(session: Session, employer_id: str, **changes: Any) -> Employer:
    """Change an employer's fields (`EMPLOYER_FIELDS`); the audit names the fields."""
    session.require("changing an employer partner", *KEEPERS)
    unknown = sorted(set(changes) - set(EMPLOYER_FIELDS))
    if unknown:
        raise UsageError(f"unknown employer field: {', '.join(unknown)}; the fields are "
                         + ", ".join(EMPLOYER_FIELDS))
    current = find_employer(session, employer_id)
    if isinstance(changes.get("name"), str):
        changes["name"] = changes["name"].strip()
    updated = replace(current, **changes)
    validate_employer(updated)
    repo = EmploymentRepository(session.conn)
    other = repo.employer_by_name(updated.name)
    if other is not None and other.id != current.id:
        raise AlreadyExistsError(f"an employer named {updated.name!r} is already listed")
    with session.changing():
        EmploymentRepository(session.conn).save_employer(updated)
        session.audit("employer.update", updated.name, fields=sorted(changes))
    return updated


def positions(session: Session, *, open_only: bool = False) -> list[Position]:
    session.require("listing positions")
    return EmploymentRepository(session.conn).positions(open_only=open_only)


def find_position(session: Session, position_id: str) -> Position:
    position = EmploymentRepository(session.conn).position(position_id.strip())
    if position is None:
        raise NotFoundError(f"there is no position {position_id!r}")
    return position


def add_position(session: Session, employer: str, title: str, kind: PositionKind, *,
                 hours_per_week: int | None = None, hourly_wage_cents: int | None = None,
                 start_date: date | None = None, skills_wanted: tuple[str, ...] = (),
                 track: ApprenticeshipTrack = ApprenticeshipTrack.NONE,
                 term_months: int | None = None, sponsor: str = "",
                 wage_steps: tuple[WageStep, ...] = (), shift: Shift = Shift.ANY,
                 location_area: str = "") -> Position:
    """An open internship (12 weeks, 20 hours a week, paid, unless told otherwise), job, or
    apprenticeship (pre- or registered, with its term, sponsor, starting wage and wage
    steps)."""
    session.require("adding a position", *KEEPERS)
    owner = find_employer(session, employer)
    defaults = new_position_defaults(kind)
    position = Position(
        str(uuid.uuid4()), owner.id, kind, title.strip(),
        hours_per_week if hours_per_week is not None else int(str(defaults["hours_per_week"])),
        hourly_wage_cents, start_date,
        defaults["weeks"] if isinstance(defaults["weeks"], int) else None,
        True, True, skills_wanted, clock.now_iso(), track, term_months, sponsor.strip(),
        wage_steps, shift, location_area.strip())
    validate_position(position)
    with session.changing():
        EmploymentRepository(session.conn).save_position(position)
        session.audit("position.add", owner.name, kind=kind.value, position=position.id)
    return position


def set_position_open(session: Session, position_id: str, is_open: bool) -> Position:
    session.require("opening or closing a position", *KEEPERS)
    position = replace(find_position(session, position_id), is_open=is_open)
    with session.changing():
        EmploymentRepository(session.conn).save_position(position)
        session.audit("position.open" if is_open else "position.close", None,
                      position=position.id)
    return position


# -- the employer's yearly self-assessment ------------------------------------------------------

def record_assessment(session: Session, employer: str, practices: frozenset[Practice], *,
                      on: date | None = None, note: str = "") -> SelfAssessment:
    """Record the employer's self-assessment (the checklist of practices it has, on a date).
    The newest assessment is the employer's record of its practices: its standing follows."""
    session.require("recording an employer's self-assessment", *KEEPERS)
    owner = find_employer(session, employer)
    assessment = SelfAssessment(str(uuid.uuid4()), owner.id, on or clock.today(),
                                frozenset(practices), note.strip(), session.account.name,
                                clock.now_iso())
    validate_assessment(assessment, clock.today())
    repo = EmploymentRepository(session.conn)
    newest = max((a.assessed_on for a in repo.assessments(owner.id)), default=None)
    with session.changing():
        repo.add_assessment(assessment)
        if newest is None or assessment.assessed_on >= newest:  # not an older one typed late
            repo.save_employer(replace(owner, practices=assessment.practices))
        session.audit("employer.assess", owner.name, practices=len(assessment.practices),
                      on=assessment.assessed_on.isoformat())
    return assessment


def assessments(session: Session, employer: str) -> list[SelfAssessment]:
    """An employer's self-assessments, newest first."""
    session.require("reading an employer's self-assessments")
    return EmploymentRepository(session.conn).assessments(find_employer(session, employer).id)


def assessments_due(session: Session) -> list[tuple[Employer, date | None]]:
    """Partners whose self-assessment is due (none yet, or a year has passed since the last),
    each with the date of its last one."""
    session.require("listing employers' self-assessments due")
    repo = EmploymentRepository(session.conn)
    last = repo.last_assessed()
    today = clock.today()
    return [(e, last.get(e.id)) for e in repo.employers()
            if assessment_due(last.get(e.id), today)]


def last_assessed(session: Session) -> dict[str, date]:
    """Each partner's newest self-assessment date, by employer id."""
    session.require("listing employers")
    return EmploymentRepository(session.conn).last_assessed()
