"""The placement pipeline and readiness workshops."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.employment import (
    RETENTION_DAYS,
    Attendance,
    PlacementStep,
    PositionKind,
    Stage,
    Workshop,
    WorkshopTopic,
    check_ins_settled,
    check_step,
    retention_task_title,
)
from casetracker.domain.employment import ready_to_match as completed_track
from casetracker.domain.errors import NotFoundError
from casetracker.domain.notes import Task
from casetracker.domain.survivors import Survivor
from casetracker.domain.validation import Checker, ValidationError
from casetracker.services import access, apprenticeships, internships
from casetracker.services.employers import find_employer, find_position
from casetracker.services.session import Session
from casetracker.services.settings import readiness_track
from casetracker.storage.employment_repo import EmploymentRepository
from casetracker.storage.records_repo import NoteRepository
from casetracker.storage.survivors_repo import SurvivorRepository


def steps(session: Session, case_number: str) -> list[PlacementStep]:
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "reading the placement pipeline")
    session.audit_view(survivor.case_number, "placement")
    return EmploymentRepository(session.conn).steps(survivor.id)


def current_stage(session: Session, case_number: str) -> Stage:
    history = steps(session, case_number)
    return history[-1].stage if history else Stage.READINESS


def advance(session: Session, case_number: str, stage: Stage, *, on: date | None = None,
            employer: str | None = None, position: str | None = None,
            hours_per_week: int | None = None, hourly_wage_cents: int | None = None,
            reason: str = "") -> PlacementStep:
    """Record the next step; placing someone schedules 30/60/90-day retention check-ins."""
    survivor = access.find(session, case_number)
    access.require_pipeline_edit(session, survivor, "moving a case along the placement pipeline")
    repo = EmploymentRepository(session.conn)
    history = repo.steps(survivor.id)
    current = history[-1].stage if history else Stage.READINESS
    chosen_position = find_position(session, position) if position else None
    chosen_employer = (find_employer(session, employer) if employer else
                       find_employer(session, chosen_position.employer_id)
                       if chosen_position else None)
    if chosen_employer is None and history and stage in {Stage.INTERNSHIP, Stage.APPRENTICESHIP,
                                                         Stage.OFFER, Stage.PLACED}:
        chosen_employer = (find_employer(session, history[-1].employer_id)
                           if history[-1].employer_id else None)
        if chosen_position is None and history[-1].position_id:
            chosen_position = find_position(session, history[-1].position_id)
    if chosen_position is not None:
        if chosen_employer is not None and chosen_position.employer_id != chosen_employer.id:
            raise ValidationError({"position": "belongs to another employer"})
        if not chosen_position.is_open and stage in {Stage.INTERVIEW, Stage.INTERNSHIP,
                                                     Stage.APPRENTICESHIP, Stage.OFFER}:
            raise ValidationError({"position": "is closed"})
    if stage is Stage.APPRENTICESHIP and (
            chosen_position is None or chosen_position.kind is not PositionKind.APPRENTICESHIP):
        raise ValidationError({"position": "an apprenticeship step names an apprenticeship "
                                           "position (its term and wages are the position's)"})
    if chosen_position and hours_per_week is None:
        hours_per_week = chosen_position.hours_per_week
    if chosen_position and hourly_wage_cents is None:
        hourly_wage_cents = chosen_position.hourly_wage_cents
    step = PlacementStep(
        str(uuid.uuid4()), survivor.id, stage, on or clock.today(),
        chosen_employer.id if chosen_employer else None,
        chosen_position.id if chosen_position else None, hours_per_week, hourly_wage_cents,
        reason.strip(), session.account.name, clock.now_iso())
    placed_on = next((s.on for s in reversed(history) if s.stage is Stage.PLACED), None)
    check_step(current, step, history[-1].on if history else None, clock.today(), placed_on)
    with session.changing():
        repo.add_step(step)
        if stage is Stage.PLACED:
            _schedule_retention(session, survivor, step)
        if stage is Stage.INTERNSHIP:
            internships.started(session, step, chosen_position)
        if stage is Stage.APPRENTICESHIP and chosen_position is not None:
            apprenticeships.started(session, step, chosen_position)
        settled = _settle_check_ins(session, survivor, step, placed_on)
        session.audit("placement.advance", survivor.case_number, stage=stage.value,
                      previous=current.value,
                      employer=chosen_employer.name if chosen_employer else None,
                      check_ins_closed=settled)
    return step


def _schedule_retention(session: Session, survivor: Survivor, step: PlacementStep) -> None:
    notes = NoteRepository(session.conn)
    for days in RETENTION_DAYS.values():
        notes.save_task(Task(
            str(uuid.uuid4()), survivor.id, retention_task_title(days),
            step.on + timedelta(days=days), survivor.assigned_to or session.account.name,
            created_by=session.account.name, created_at=clock.now_iso()))


def _settle_check_ins(session: Session, survivor: Survivor, step: PlacementStep,
                      placed_on: date | None) -> int:
    """Tick off the open retention check-ins that `step` makes unnecessary (a retention step
    its own and earlier ones, an exit every one): the tasks the placement on `placed_on`
    scheduled, recognised by their title and due date. Returns how many were closed."""
    days = check_ins_settled(step.stage)
    if not days or placed_on is None:
        return 0
    wanted = {(retention_task_title(d), placed_on + timedelta(days=d)) for d in days}
    notes = NoteRepository(session.conn)
    closed = 0
    for task in notes.tasks(survivor.id):
        if not task.done and (task.title, task.due_date) in wanted:
            notes.save_task(replace(task, done_on=min(step.on, clock.today())))
            closed += 1
    return closed


# -- workshops --------------------------------------------------------------------------------

def workshops(session: Session) -> list[Workshop]:
    session.require("listing workshops")
    return EmploymentRepository(session.conn).workshops()


def add_workshop(session: Session, topic: WorkshopTopic, held_on: date, *,
                 facilitator: str = "", partner_organisation: str = "") -> Workshop:
    session.require("recording a workshop", Role.COORDINATOR, Role.CASE_MANAGER)
    check = Checker()
    check.length("facilitator", facilitator, 200)
    check.length("partner_organisation", partner_organisation, 200)
    check.done()
    workshop = Workshop(str(uuid.uuid4()), topic, held_on, facilitator.strip(),
                        partner_organisation.strip())
    with session.changing():
        EmploymentRepository(session.conn).add_workshop(workshop)
        session.audit("workshop.add", None, topic=topic.value)
    return workshop


@dataclass(frozen=True, slots=True)
class AttendanceEntry:
    case_number: str
    attended: bool
    completed: bool


def record_attendance(session: Session, workshop_id: str,
                      entries: list[AttendanceEntry]) -> int:
    """Attendance for a whole session at once; every case is checked before any is saved."""
    session.require("recording workshop attendance", Role.COORDINATOR, Role.CASE_MANAGER)
    repo = EmploymentRepository(session.conn)
    if repo.workshop(workshop_id) is None:
        raise NotFoundError("that workshop no longer exists")
    workshop = repo.workshop(workshop_id)
    assert workshop is not None
    if workshop.held_on > clock.today() and any(e.attended or e.completed for e in entries):
        raise ValidationError({"attendance": "the workshop has not taken place yet"})
    rows = []
    for entry in entries:
        survivor = access.find(session, entry.case_number)
        access.require_pipeline_edit(session, survivor, "recording workshop attendance")
        rows.append(Attendance(workshop_id, survivor.id, entry.attended or entry.completed,
                               entry.completed))
    with session.changing():
        for row in rows:
            repo.save_attendance(row)
        session.audit("workshop.attendance", None, workshop=workshop_id, people=len(rows))
    return len(rows)


def remove_session(session: Session, workshop_id: str) -> None:
    """Take back a workshop session and its attendance (Undo after recording it): allowed
    to whoever may record attendance for every person it lists."""
    session.require("removing a workshop session", Role.COORDINATOR, Role.CASE_MANAGER)
    repo = EmploymentRepository(session.conn)
    if repo.workshop(workshop_id) is None:
        raise NotFoundError("that workshop no longer exists")
    people = SurvivorRepository(session.conn)
    for row in repo.attendance(workshop_id):
        survivor = people.by_id(row.survivor_id)
        if survivor is not None:
            access.require_pipeline_edit(session, survivor, "removing a workshop session")
    with session.changing():
        repo.delete_workshop(workshop_id)
        session.audit("workshop.remove", None, workshop=workshop_id)


def completed_workshops(session: Session, case_number: str) -> set[WorkshopTopic]:
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "reading workshop completion")
    session.audit_view(survivor.case_number, "workshops")
    return EmploymentRepository(session.conn).completed_topics(survivor.id)


def ready_to_match(session: Session, case_number: str) -> bool:
    """Whether the survivor completed the program's readiness track."""
    return completed_track(completed_workshops(session, case_number), readiness_track(session))


def record_session(session: Session, topic: WorkshopTopic, held_on: date,
                   entries: list[AttendanceEntry], *, facilitator: str = "",
                   partner_organisation: str = "") -> Workshop:
    """A workshop and its attendance together: both are saved, or neither."""
    with session.changing():
        workshop = add_workshop(session, topic, held_on, facilitator=facilitator,
                                partner_organisation=partner_organisation)
        if entries:
            record_attendance(session, workshop.id, entries)
    return workshop
