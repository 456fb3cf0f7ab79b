"""Apprenticeships as they run, and the employer's people and coaching around every placement
(issue 21 §3).

- An apprenticeship (pre-apprenticeship or registered) starts with the pipeline's
  apprenticeship step at an apprenticeship position; it runs for the position's term and ends
  completed, or early with a reason.
- Each placement at work (an internship, an apprenticeship, a job: `WORKING_STAGES`) names the
  onsite supervisor and a mentor at the employer. They are the employer's people: their names
  and work contacts are employer data, kept apart from the survivor's profile, in no field
  catalog category, and so never in anything exported about or for the survivor. (An
  internship keeps them in its own record, `domain.internships`.)
- The case manager records coaching contacts with the employer for a placement: the day, with
  whom at the employer, the topic, a short note.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casetracker.domain.employment import ApprenticeshipTrack
from casetracker.domain.internships import InternshipOutcome as Outcome
from casetracker.domain.validation import Checker

__all__ = ["Apprenticeship", "CoachingContact", "CoachingTopic", "Outcome", "PlacementPeople",
           "add_months", "validate_apprenticeship", "validate_coaching", "validate_people"]


@dataclass(frozen=True, slots=True)
class Apprenticeship:
    """One apprenticeship, named by the placement step that started it."""

    step_id: str
    survivor_id: str
    employer_id: str | None
    position_id: str | None
    track: ApprenticeshipTrack
    starts_on: date
    ends_on: date  # as the term says; the day it really ended is `ended_on`
    outcome: Outcome = Outcome.RUNNING
    ended_on: date | None = None
    end_reason: str = ""
    updated_at: str = ""

    @property
    def running(self) -> bool:
        return self.outcome is Outcome.RUNNING


def add_months(day: date, months: int) -> date:
    """The same day `months` later (the month's last day when it is shorter)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def validate_apprenticeship(a: Apprenticeship, today: date) -> None:
    check = Checker()
    if a.outcome is not Outcome.RUNNING:
        if a.ended_on is None:
            check.fail("ended_on", "is required")
        else:
            check.not_future("ended_on", a.ended_on, today)
            if a.ended_on < a.starts_on:
                check.fail("ended_on", "is before the start")
    if a.outcome is Outcome.ENDED_EARLY:
        check.required("end_reason", a.end_reason, max_length=500)
    else:
        check.length("end_reason", a.end_reason, 500)
    check.done()


@dataclass(frozen=True, slots=True)
class PlacementPeople:
    """The onsite supervisor and the mentor at the employer for one placement step."""

    step_id: str
    survivor_id: str
    employer_id: str | None
    supervisor: str = ""
    supervisor_contact: str = ""
    mentor: str = ""
    mentor_contact: str = ""
    updated_at: str = ""


def validate_people(people: PlacementPeople) -> None:
    check = Checker()
    for name in ("supervisor", "supervisor_contact", "mentor", "mentor_contact"):
        check.length(name, getattr(people, name), 200)
    check.done()


class CoachingTopic(StrEnum):
    ONBOARDING = "onboarding"
    SUPERVISION = "supervision"  # trauma-informed supervision
    SCHEDULE = "schedule"
    PERFORMANCE = "performance"
    WORKPLACE_ISSUE = "workplace_issue"
    ACCOMMODATIONS = "accommodations"
    OTHER = "other"


COACHING_LABELS = {
    CoachingTopic.ONBOARDING: "Onboarding",
    CoachingTopic.SUPERVISION: "Trauma-informed supervision",
    CoachingTopic.SCHEDULE: "Schedule and hours", CoachingTopic.PERFORMANCE: "Performance",
    CoachingTopic.WORKPLACE_ISSUE: "A workplace issue",
    CoachingTopic.ACCOMMODATIONS: "Supports at work", CoachingTopic.OTHER: "Other",
}


@dataclass(frozen=True, slots=True)
class CoachingContact:
    """The case manager's contact with the employer about one placement."""

    id: str
    step_id: str
    survivor_id: str
    employer_id: str | None
    contacted_on: date
    with_whom: str
    topic: CoachingTopic
    note: str = ""
    recorded_by: str | None = None
    created_at: str = ""


def validate_coaching(contact: CoachingContact, placed_on: date, today: date) -> None:
    check = Checker()
    check.not_future("contacted_on", contact.contacted_on, today)
    if contact.contacted_on < placed_on:
        check.fail("contacted_on", "is before the placement began")
    check.required("with_whom", contact.with_whom, max_length=200)
    check.length("note", contact.note, 500)
    check.done()
