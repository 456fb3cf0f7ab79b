"""A paid internship as it runs: its dates (12 weeks unless the position says otherwise), hours
and wage, the onsite supervisor and mentor at the employer, a check-in each week (hours worked
and a short note), and how it ended (completed, or ended early with a reason).

The supervisor and the mentor are the employer's people: their names and work contacts belong
with the employer's details, never with the survivor's (`employer_*` fields).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from casetracker.domain.employment import MAX_HOURLY_WAGE_CENTS
from casetracker.domain.validation import Checker

ENDING_SOON_DAYS = 14
MAX_WEEKS = 104


class InternshipOutcome(StrEnum):
    RUNNING = ""
    COMPLETED = "completed"
    ENDED_EARLY = "ended_early"


@dataclass(frozen=True, slots=True)
class Internship:
    """One internship, named by the placement step that started it."""

    step_id: str
    survivor_id: str
    employer_id: str | None
    starts_on: date
    ends_on: date
    hours_per_week: int | None = None
    hourly_wage_cents: int | None = None
    employer_supervisor: str = ""
    employer_supervisor_contact: str = ""
    employer_mentor: str = ""
    employer_mentor_contact: str = ""
    outcome: InternshipOutcome = InternshipOutcome.RUNNING
    ended_on: date | None = None
    end_reason: str = ""
    updated_at: str = ""

    @property
    def running(self) -> bool:
        return self.outcome is InternshipOutcome.RUNNING

    def ending_soon(self, today: date) -> bool:
        """Still running and due to end within the next two weeks (or overdue to be closed)."""
        return self.running and self.ends_on <= today + timedelta(days=ENDING_SOON_DAYS)


@dataclass(frozen=True, slots=True)
class InternshipWeek:
    """The weekly check-in: the week (its Monday), hours worked, a short note."""

    id: str
    step_id: str
    week_of: date
    hours_worked: int
    note: str = ""
    recorded_by: str | None = None
    created_at: str = ""


def default_end(starts_on: date, weeks: int | None) -> date:
    """The last day of an internship of `weeks` weeks (12 when the position does not say)."""
    from casetracker.domain.employment import INTERNSHIP_WEEKS

    return starts_on + timedelta(weeks=weeks or INTERNSHIP_WEEKS, days=-1)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def validate_internship(internship: Internship, today: date) -> None:
    check = Checker()
    check.plausible("starts_on", internship.starts_on)
    check.plausible("ends_on", internship.ends_on)
    if internship.ends_on < internship.starts_on:
        check.fail("ends_on", "is before the start")
    elif (internship.ends_on - internship.starts_on).days > MAX_WEEKS * 7:
        check.fail("ends_on", f"makes it longer than {MAX_WEEKS} weeks")
    check.range("hours_per_week", internship.hours_per_week, 1, 80)
    check.range("hourly_wage_cents", internship.hourly_wage_cents, 0, MAX_HOURLY_WAGE_CENTS)
    for name in ("employer_supervisor", "employer_mentor"):
        check.length(name, getattr(internship, name), 200)
    for name in ("employer_supervisor_contact", "employer_mentor_contact"):
        check.length(name, getattr(internship, name), 200)
    if internship.outcome is not InternshipOutcome.RUNNING:
        check.not_future("ended_on", internship.ended_on, today)
        if internship.ended_on is None:
            check.fail("ended_on", "is required")
        elif internship.ended_on < internship.starts_on:
            check.fail("ended_on", "is before the start")
    if internship.outcome is InternshipOutcome.ENDED_EARLY:
        check.required("end_reason", internship.end_reason, max_length=500)
    else:
        check.length("end_reason", internship.end_reason, 500)
    check.done()


def validate_week(week: InternshipWeek, internship: Internship, today: date) -> None:
    check = Checker()
    if week.week_of > today:
        check.fail("week_of", "is in the future")
    if not (monday_of(internship.starts_on) <= week.week_of <= internship.ends_on):
        check.fail("week_of", "is not a week of the internship")
    check.range("hours_worked", week.hours_worked, 0, 80)
    check.length("note", week.note, 1000)
    check.done()
