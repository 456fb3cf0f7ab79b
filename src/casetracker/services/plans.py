"""Goals and SMART plans: goals with milestones, progress check-ins."""

from __future__ import annotations

import uuid
from dataclasses import fields, replace
from datetime import date

from casetracker.domain import clock
from casetracker.domain.errors import NotFoundError
from casetracker.domain.plans import (
    CheckIn,
    Goal,
    GoalDomain,
    GoalStatus,
    Milestone,
    validate_goal,
    validate_milestone,
)
from casetracker.domain.survivors import Survivor
from casetracker.domain.validation import Checker
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.records_repo import PlanRepository


def goals(session: Session, case_number: str) -> list[Goal]:
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading goals")
    session.audit_view(survivor.case_number, "goals")
    return PlanRepository(session.conn).goals(survivor.id)


def get_goal(session: Session, goal_id: str) -> Goal:
    """One goal with its milestones, for those who may read its case (audited like `goals`)."""
    goal = PlanRepository(session.conn).goal(goal_id.strip())
    if goal is None:
        raise NotFoundError("that goal no longer exists")
    survivor = access.find_by_id(session, goal.survivor_id)
    access.require_full_read(session, survivor, "reading goals")
    session.audit_view(survivor.case_number, "goals")
    return goal


def add_goal(session: Session, case_number: str, *, domain: GoalDomain, specific: str,
             measurable: str, achievable: str, relevant: str, target_date: date,
             milestones: list[tuple[str, date]] | None = None,
             survivor_wording: str = "") -> Goal:
    """A new SMART goal: all five parts, a target date in the future, milestones inside it.
    `survivor_wording` is the goal as the survivor reads it on their plan (optional)."""
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "adding a goal")
    goal_id = str(uuid.uuid4())
    goal = Goal(goal_id, survivor.id, domain, specific.strip(), measurable.strip(),
                achievable.strip(), relevant.strip(), target_date,
                milestones=tuple(Milestone(str(uuid.uuid4()), goal_id, text.strip(), due)
                                 for text, due in milestones or []),
                created_at=clock.now_iso(), survivor_wording=survivor_wording.strip())
    validate_goal(goal, clock.today(), new=True)
    repo = PlanRepository(session.conn)
    with session.changing():
        repo.save_goal(goal)
        for milestone in goal.milestones:
            repo.save_milestone(milestone)
        session.audit("goal.add", survivor.case_number, domain=domain.value,
                      milestones=len(goal.milestones))
    return goal


def _goal_for_edit(session: Session, goal_id: str, action: str) -> tuple[Goal, Survivor]:
    goal = PlanRepository(session.conn).goal(goal_id)
    if goal is None:
        raise NotFoundError("that goal no longer exists")
    survivor = access.find_by_id(session, goal.survivor_id)
    access.require_case_edit(session, survivor, action)
    return goal, survivor


def update_goal(session: Session, goal_id: str, *, domain: GoalDomain | None = None,
                specific: str | None = None, measurable: str | None = None,
                achievable: str | None = None, relevant: str | None = None,
                target_date: date | None = None, status: GoalStatus | None = None,
                survivor_wording: str | None = None) -> Goal:
    """Change a goal's parts, target date, status or wording for the survivor; its
    milestones must still fit inside."""
    goal, survivor = _goal_for_edit(session, goal_id, "changing a goal")
    updated = replace(
        goal,
        domain=domain or goal.domain,
        specific=goal.specific if specific is None else specific.strip(),
        measurable=goal.measurable if measurable is None else measurable.strip(),
        achievable=goal.achievable if achievable is None else achievable.strip(),
        relevant=goal.relevant if relevant is None else relevant.strip(),
        target_date=target_date or goal.target_date,
        status=status or goal.status,
        survivor_wording=goal.survivor_wording if survivor_wording is None
        else survivor_wording.strip())
    validate_goal(updated, clock.today(), new=False)
    with session.changing():
        PlanRepository(session.conn).save_goal(updated)
        session.audit("goal.update", survivor.case_number, goal=goal.id,
                      status=updated.status.value, fields=_changed(goal, updated))
    return updated


def _changed(before: Goal | Milestone, after: Goal | Milestone) -> list[str]:
    """The names of the fields that differ (the audit says what changed, never to what)."""
    return [f.name for f in fields(before)
            if getattr(before, f.name) != getattr(after, f.name)]


def add_milestone(session: Session, goal_id: str, description: str, due_date: date,
                  survivor_wording: str = "") -> Milestone:
    """A new step of a goal; `survivor_wording` is the step as the survivor reads it on their
    plan (optional)."""
    goal, survivor = _goal_for_edit(session, goal_id, "adding a milestone")
    milestone = Milestone(str(uuid.uuid4()), goal.id, description.strip(), due_date,
                          survivor_wording=survivor_wording.strip())
    validate_milestone(milestone, goal)
    with session.changing():
        PlanRepository(session.conn).save_milestone(milestone)
        session.audit("milestone.add", survivor.case_number, goal=goal.id)
    return milestone


def update_milestone(session: Session, milestone_id: str, *, description: str | None = None,
                     due_date: date | None = None,
                     survivor_wording: str | None = None) -> Milestone:
    """Change a milestone's step, due date or wording for the survivor; it must still fall
    inside its goal's target."""
    repo = PlanRepository(session.conn)
    milestone = repo.milestone(milestone_id)
    if milestone is None:
        raise NotFoundError("that milestone no longer exists")
    goal, survivor = _goal_for_edit(session, milestone.goal_id, "changing a milestone")
    updated = replace(milestone,
                      description=milestone.description if description is None
                      else description.strip(),
                      due_date=due_date or milestone.due_date,
                      survivor_wording=milestone.survivor_wording if survivor_wording is None
                      else survivor_wording.strip())
    validate_milestone(updated, goal)
    with session.changing():
        repo.save_milestone(updated)
        session.audit("milestone.update", survivor.case_number, goal=goal.id,
                      fields=_changed(milestone, updated))
    return updated


def delete_milestone(session: Session, milestone_id: str) -> Milestone:
    """Remove a milestone (one added by mistake, or the undo of adding it); returns it."""
    repo = PlanRepository(session.conn)
    milestone = repo.milestone(milestone_id)
    if milestone is None:
        raise NotFoundError("that milestone no longer exists")
    goal, survivor = _goal_for_edit(session, milestone.goal_id, "removing a milestone")
    with session.changing():
        repo.delete_milestone(milestone.id)
        session.audit("milestone.delete", survivor.case_number, goal=goal.id)
    return milestone


def set_milestone_done(session: Session, milestone_id: str, done_on: date | None) -> Milestone:
    """Complete a milestone on a day, or (None) mark it not done again."""
    repo = PlanRepository(session.conn)
    milestone = repo.milestone(milestone_id)
    if milestone is None:
        raise NotFoundError("that milestone no longer exists")
    _, survivor = _goal_for_edit(session, milestone.goal_id, "completing a milestone")
    if done_on is not None and done_on > clock.today():
        check = Checker()
        check.fail("completed_on", "is in the future")
        check.done()
    updated = replace(milestone, completed_on=done_on)
    with session.changing():
        repo.save_milestone(updated)
        session.audit("milestone.done" if done_on else "milestone.undone",
                      survivor.case_number, goal=milestone.goal_id)
    return updated


def add_checkin(session: Session, goal_id: str, note: str,
                checked_on: date | None = None) -> CheckIn:
    goal, survivor = _goal_for_edit(session, goal_id, "recording a check-in")
    day = checked_on or clock.today()
    check = Checker()
    check.required("note", note, max_length=5000)
    check.not_future("checked_on", day, clock.today())
    check.done()
    checkin = CheckIn(str(uuid.uuid4()), goal.id, day, note.strip(), session.account.name,
                      clock.now_iso())
    with session.changing():
        PlanRepository(session.conn).add_checkin(checkin)
        session.audit("goal.checkin", survivor.case_number, goal=goal.id)
    return checkin


def checkins(session: Session, goal_id: str) -> list[CheckIn]:
    repo = PlanRepository(session.conn)
    goal = repo.goal(goal_id)
    if goal is None:
        raise NotFoundError("that goal no longer exists")
    access.require_full_read(session, access.find_by_id(session, goal.survivor_id),
                             "reading check-ins")
    return repo.checkins(goal_id)
