"""Goals with a SMART structure, their milestones and progress check-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casetracker.domain.validation import Checker


class GoalDomain(StrEnum):
    EMPLOYMENT = "employment"
    EDUCATION = "education"
    HOUSING = "housing"
    DOCUMENTS = "documents"
    LEGAL = "legal"
    HEALTH = "health"
    FINANCIAL = "financial"


class GoalStatus(StrEnum):
    OPEN = "open"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


@dataclass(frozen=True, slots=True)
class Milestone:
    id: str
    goal_id: str
    description: str
    due_date: date
    completed_on: date | None = None
    # The step as the survivor reads it on their own plan, in their language; empty when
    # the staff wording serves.
    survivor_wording: str = ""

    @property
    def done(self) -> bool:
        return self.completed_on is not None


@dataclass(frozen=True, slots=True)
class CheckIn:
    id: str
    goal_id: str
    checked_on: date
    note: str
    author: str | None = None
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Goal:
    """A SMART goal: Specific, Measurable, Achievable, Relevant, Time-bound (`target_date`)."""

    id: str
    survivor_id: str
    domain: GoalDomain
    specific: str
    measurable: str
    achievable: str
    relevant: str
    target_date: date
    status: GoalStatus = GoalStatus.OPEN
    milestones: tuple[Milestone, ...] = ()
    created_at: str = ""
    # The goal as the survivor reads it on their own plan, in their language ("Aprender a
    # manejar una caja registradora"); empty when the staff wording (`specific`) serves.
    survivor_wording: str = ""

    @property
    def progress(self) -> tuple[int, int]:
        """(milestones completed, milestones in all): progress is counted, never typed."""
        return sum(1 for m in self.milestones if m.done), len(self.milestones)

    def next_milestone(self) -> Milestone | None:
        pending = [m for m in self.milestones if not m.done]
        return min(pending, key=lambda m: m.due_date) if pending else None


SMART_PARTS = ("specific", "measurable", "achievable", "relevant")


def validate_goal(goal: Goal, today: date, *, new: bool) -> None:
    """All five SMART parts; a new goal's target date lies in the future; milestones fit it."""
    check = Checker()
    for part in SMART_PARTS:
        check.required(part, getattr(goal, part), max_length=1000)
    check.length("survivor_wording", goal.survivor_wording, 1000)
    if new and goal.target_date <= today:
        check.fail("target_date", "must be in the future for a new goal")
    check.plausible("target_date", goal.target_date)
    for milestone in goal.milestones:
        validate_milestone(milestone, goal, check)
    check.done()


def validate_milestone(milestone: Milestone, goal: Goal, check: Checker | None = None) -> None:
    """A milestone has a description and falls on or before its goal's target date."""
    own = check is None
    check = check or Checker()
    check.required("milestone", milestone.description, max_length=500)
    check.length("milestone_survivor_wording", milestone.survivor_wording, 500)
    check.plausible("milestone_due_date", milestone.due_date)
    if milestone.due_date > goal.target_date:
        check.fail("milestone_due_date",
                   f"{milestone.due_date.isoformat()} is after the goal's target date "
                   f"{goal.target_date.isoformat()}")
    if own:
        check.done()
