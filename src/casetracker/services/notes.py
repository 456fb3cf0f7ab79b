"""Case notes, and tasks and follow-ups."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.errors import NotFoundError
from casetracker.domain.notes import CaseNote, ContactType, Task, note_problems
from casetracker.domain.survivors import CaseStatus
from casetracker.domain.validation import Checker, ValidationError
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.records_repo import NoteRepository
from casetracker.storage.reports_repo import ReviewRepository
from casetracker.storage.repositories import UserRepository
from casetracker.storage.survivors_repo import SurvivorRepository


def notes(session: Session, case_number: str) -> list[CaseNote]:
    """Newest first."""
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading case notes")
    session.audit_view(survivor.case_number, "notes")
    return NoteRepository(session.conn).notes(survivor.id)


def add_note(session: Session, case_number: str, text: str,
             contact_type: ContactType = ContactType.IN_PERSON,
             written_on: date | None = None) -> CaseNote:
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "writing a case note")
    day = written_on or clock.today()
    problems = note_problems(text, day, clock.today())
    if problems:
        raise ValidationError(problems)
    note = CaseNote(str(uuid.uuid4()), survivor.id, day, contact_type, text.strip(),
                    session.account.name, clock.now_iso())
    with session.changing():
        NoteRepository(session.conn).add_note(note)
        session.audit("note.add", survivor.case_number, contact=contact_type.value)
    return note


def tasks(session: Session, case_number: str) -> list[Task]:
    """Open tasks first, by due date."""
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading tasks")
    session.audit_view(survivor.case_number, "tasks")
    return NoteRepository(session.conn).tasks(survivor.id)


def add_task(session: Session, case_number: str, title: str, due_date: date,
             assignee: str | None = None, *, for_survivor: bool = False) -> Task:
    """A task or follow-up; assigned to the acting case manager unless another staff
    account is named. `for_survivor` makes it a step on the survivor's own plan."""
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "adding a task")
    who = assignee or session.account.name
    check = Checker()
    check.required("title", title, max_length=300)
    check.plausible("due_date", due_date)
    account = UserRepository(session.conn).by_name(who)
    if account is None or not account.active:
        check.fail("assignee", f"there is no active account named {who!r}")
    check.done()
    assert account is not None
    task = Task(str(uuid.uuid4()), survivor.id, title.strip(), due_date, account.name,
                created_by=session.account.name, created_at=clock.now_iso(),
                for_survivor=for_survivor)
    with session.changing():
        NoteRepository(session.conn).save_task(task)
        session.audit("task.add", survivor.case_number, assignee=account.name,
                      for_survivor=for_survivor)
    return task


def set_task_for_survivor(session: Session, task_id: str, for_survivor: bool) -> Task:
    """Mark a task as a step on the survivor's own plan, or take it off (the case's case
    manager). A case review's action stays staff work: its text is the reviewer's."""
    repo = NoteRepository(session.conn)
    task = repo.task(task_id)
    if task is None:
        raise NotFoundError("that task no longer exists")
    survivor = access.find_by_id(session, task.survivor_id)
    access.require_case_edit(session, survivor, "choosing the steps on a survivor's plan")
    if for_survivor and ReviewRepository(session.conn).is_review_task(task.id):
        raise ValidationError({"task": "comes from a case review and stays with staff; add a "
                               "step for the survivor in your own words instead"})
    updated = replace(task, for_survivor=for_survivor)
    with session.changing():
        repo.save_task(updated)
        session.audit("task.for_survivor" if for_survivor else "task.staff_only",
                      survivor.case_number)
    return updated


def set_task_done(session: Session, task_id: str, done_on: date | None) -> Task:
    """Tick a task off (its case manager, or whoever it is assigned to), or reopen it."""
    repo = NoteRepository(session.conn)
    task = repo.task(task_id)
    if task is None:
        raise NotFoundError("that task no longer exists")
    survivor = access.find_by_id(session, task.survivor_id)
    assignee = (task.assignee or "").casefold() == session.account.name.casefold()
    # A coordinator may tick off a follow-up assigned to them on an open case; everyone
    # else goes through the case rules (their own caseload, an open case).
    if not (assignee and session.account.role is Role.COORDINATOR
            and survivor.status is CaseStatus.ACTIVE):
        access.require_case_edit(session, survivor, "completing a task")
    if done_on is not None and done_on > clock.today():
        raise ValidationError({"done_on": "is in the future"})
    updated = replace(task, done_on=done_on)
    with session.changing():
        repo.save_task(updated)
        session.audit("task.done" if done_on else "task.reopen", survivor.case_number)
    return updated


def my_open_tasks(session: Session) -> list[Task]:
    """The acting account's open tasks across its cases, soonest first."""
    session.require("listing tasks")
    return NoteRepository(session.conn).open_tasks_for(session.account.name)


def my_open_tasks_by_case(session: Session) -> list[tuple[str, Task]]:
    """The acting account's open tasks with the case number of each, soonest first.

    Only the tasks assigned to the account: their titles are its own work, whatever the
    case (a coordinator's follow-up on a case they cannot open)."""
    found = my_open_tasks(session)
    survivors = SurvivorRepository(session.conn)
    numbers: dict[str, str] = {}
    for task in found:
        if task.survivor_id not in numbers:
            survivor = survivors.by_id(task.survivor_id)
            numbers[task.survivor_id] = survivor.case_number if survivor else "?"
    session.audit("tasks.view", None, count=len(found))
    return [(numbers[t.survivor_id], t) for t in found]
