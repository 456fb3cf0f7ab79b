"""Employer partners, positions, readiness workshops and the placement pipeline."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from casetracker.domain.validation import Checker, ValidationError


class Industry(StrEnum):
    HOSPITALITY = "hospitality"
    AVIATION = "aviation"
    MARITIME = "maritime"
    RETAIL = "retail"
    WAREHOUSE_LOGISTICS = "warehouse_logistics"
    LEGAL = "legal"
    HEALTHCARE = "healthcare"
    OTHER = "other"


class Practice(StrEnum):
    """Anti-trafficking practices an employer may have adopted."""

    ORGANISATION_POLICY = "organisation_policy"
    TRAVEL_POLICY = "travel_policy"
    ENTERTAINMENT_EXPENSE_POLICY = "entertainment_expense_policy"
    WORK_TIME_POLICY = "work_time_policy"
    WORK_PROPERTIES_POLICY = "work_properties_policy"
    REPORTING_PROCEDURES = "reporting_procedures"
    DISCIPLINARY_PROCEDURES = "disciplinary_procedures"
    EMPLOYEE_TRAINING = "employee_training"
    SUPPLIER_CODE_OF_CONDUCT = "supplier_code_of_conduct"
    # The seeds' employer best practices beyond the written policies (issue 21, part 4).
    TRAUMA_INFORMED_SUPERVISION = "trauma_informed_supervision"
    SUPERVISOR_RESILIENCE_TRAINING = "supervisor_resilience_training"  # stress, trauma
    LEADERSHIP_COMMITMENT = "leadership_commitment"
    CUSTOMER_ENGAGEMENT = "customer_engagement"


class Standing(StrEnum):
    SAFE = "safe"
    DEVELOPING = "developing"
    NOT_YET = "not_yet"


# A safe employer has an organisation-wide policy, a way to report, and most of the rest.
CORE_PRACTICES = frozenset({Practice.ORGANISATION_POLICY, Practice.REPORTING_PROCEDURES})
SAFE_MINIMUM = 7
DEVELOPING_MINIMUM = 3


def standing(practices: frozenset[Practice]) -> Standing:
    if practices >= CORE_PRACTICES and len(practices) >= SAFE_MINIMUM:
        return Standing.SAFE
    if len(practices) >= DEVELOPING_MINIMUM:
        return Standing.DEVELOPING
    return Standing.NOT_YET


# The employer's self-assessment is the checklist of `Practice`, dated and repeated yearly.
SELF_ASSESSMENT_DAYS = 365


@dataclass(frozen=True, slots=True)
class SelfAssessment:
    """One yearly self-assessment: the practices the employer says it has, on a date."""

    id: str
    employer_id: str
    assessed_on: date
    practices: frozenset[Practice]
    note: str = ""
    recorded_by: str | None = None
    created_at: str = ""


def validate_assessment(assessment: SelfAssessment, today: date) -> None:
    check = Checker()
    check.not_future("assessed_on", assessment.assessed_on, today)
    check.length("note", assessment.note, 2000)
    check.done()


def assessment_due_on(last: date | None) -> date | None:
    """When the next self-assessment is due (None: none recorded yet, so due now)."""
    return None if last is None else last + timedelta(days=SELF_ASSESSMENT_DAYS)


def assessment_due(last: date | None, today: date) -> bool:
    """A self-assessment is due when none is recorded or a year has passed since the last."""
    due = assessment_due_on(last)
    return due is None or due <= today


class Restriction(StrEnum):
    """Hiring restrictions an employer states."""

    NO_VIOLENT_OR_SEXUAL_RECORD = "no_violent_or_sexual_record"
    NO_CRIMINAL_RECORD = "no_criminal_record"
    BACKGROUND_CHECK = "background_check"
    DRUG_TEST = "drug_test"


# Restrictions that a record from being trafficked (prostitution, theft or drug charges
# while under someone's control) may trip, though it says nothing of the person.
RECORD_RESTRICTIONS = frozenset({Restriction.NO_VIOLENT_OR_SEXUAL_RECORD,
                                 Restriction.NO_CRIMINAL_RECORD, Restriction.BACKGROUND_CHECK})


@dataclass(frozen=True, slots=True)
class Employer:
    id: str
    name: str
    industry: Industry
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    practices: frozenset[Practice] = frozenset()
    restrictions: frozenset[Restriction] = frozenset()
    restriction_notes: str = ""
    created_at: str = ""

    @property
    def standing(self) -> Standing:
        return standing(self.practices)


def validate_employer(employer: Employer) -> None:
    check = Checker()
    check.required("name", employer.name, max_length=200)
    check.length("contact_name", employer.contact_name, 200)
    check.phone("contact_phone", employer.contact_phone)
    check.email("contact_email", employer.contact_email)
    check.length("restriction_notes", employer.restriction_notes, 2000)
    check.done()


class PositionKind(StrEnum):
    INTERNSHIP = "internship"
    JOB = "job"
    APPRENTICESHIP = "apprenticeship"


class ApprenticeshipTrack(StrEnum):
    """Which kind of apprenticeship a position is (only apprenticeships have one)."""

    NONE = ""
    PRE = "pre_apprenticeship"
    REGISTERED = "registered"


TRACK_LABELS = {ApprenticeshipTrack.PRE: "Pre-apprenticeship",
                ApprenticeshipTrack.REGISTERED: "Registered apprenticeship"}


@dataclass(frozen=True, slots=True)
class WageStep:
    """An apprenticeship's raise: from `after_months` into the term, `hourly_wage_cents`."""

    after_months: int
    hourly_wage_cents: int


class Shift(StrEnum):
    """When a position's hours fall ("" when the employer has not said)."""

    ANY = ""
    DAY = "day"
    EVENING = "evening"
    NIGHT = "night"
    WEEKEND = "weekend"
    ROTATING = "rotating"


INTERNSHIP_WEEKS = 12
INTERNSHIP_HOURS = 20
MAX_TERM_MONTHS = 72


@dataclass(frozen=True, slots=True)
class Position:
    id: str
    employer_id: str
    kind: PositionKind
    title: str
    hours_per_week: int
    hourly_wage_cents: int | None = None
    start_date: date | None = None
    weeks: int | None = None
    paid: bool = True
    is_open: bool = True
    skills_wanted: tuple[str, ...] = ()
    created_at: str = ""
    # Apprenticeships only: pre- or registered, the term, the sponsor (the program or
    # employer registered as its sponsor) and the wage steps after the starting wage
    # (`hourly_wage_cents`).
    track: ApprenticeshipTrack = ApprenticeshipTrack.NONE
    term_months: int | None = None
    sponsor: str = ""
    wage_steps: tuple[WageStep, ...] = ()
    shift: Shift = Shift.ANY
    location_area: str = ""  # a part of town or a site ("Port terminal", "Airport")


def new_position_defaults(kind: PositionKind) -> dict[str, object]:
    """Internships default to 12 weeks at 20 hours a week, paid."""
    if kind is PositionKind.INTERNSHIP:
        return {"hours_per_week": INTERNSHIP_HOURS, "weeks": INTERNSHIP_WEEKS, "paid": True}
    return {"hours_per_week": 40, "weeks": None, "paid": True}


def validate_position(position: Position) -> None:
    check = Checker()
    check.required("title", position.title, max_length=200)
    check.range("hours_per_week", position.hours_per_week, 1, 80)
    check.length("location_area", position.location_area, 100)
    if position.hourly_wage_cents is not None and not (
            0 <= position.hourly_wage_cents <= MAX_HOURLY_WAGE_CENTS):
        check.fail("wage", "must be between $0 and $1,000 an hour")
    if position.kind is PositionKind.INTERNSHIP and not position.paid:
        check.fail("paid", "internships in this program are paid")
    _check_apprenticeship(check, position)
    check.done()


def _check_apprenticeship(check: Checker, position: Position) -> None:
    if position.kind is not PositionKind.APPRENTICESHIP:
        if (position.track is not ApprenticeshipTrack.NONE or position.term_months is not None
                or position.sponsor or position.wage_steps):
            check.fail("kind", "only an apprenticeship has a track, term, sponsor or wage steps")
        return
    if position.track is ApprenticeshipTrack.NONE:
        check.fail("track", "say whether it is a pre-apprenticeship or a registered "
                            "apprenticeship")
    if position.term_months is None:
        check.fail("term_months", "is required")
    else:
        check.range("term_months", position.term_months, 1, MAX_TERM_MONTHS)
    if position.track is ApprenticeshipTrack.REGISTERED:
        check.required("sponsor", position.sponsor, max_length=200)
    else:
        check.length("sponsor", position.sponsor, 200)
    if len(position.wage_steps) > 12:
        check.fail("wage_steps", "list at most 12 wage steps")
    last_month, last_wage = 0, position.hourly_wage_cents
    for wage_step in position.wage_steps:
        if not 0 < wage_step.after_months <= (position.term_months or MAX_TERM_MONTHS):
            check.fail("wage_steps", "each step comes within the term")
        elif wage_step.after_months <= last_month:
            check.fail("wage_steps", "list the steps in order of months, each once")
        if not 0 <= wage_step.hourly_wage_cents <= MAX_HOURLY_WAGE_CENTS:
            check.fail("wage_steps", "a wage must be between $0 and $1,000 an hour")
        elif last_wage is not None and wage_step.hourly_wage_cents < last_wage:
            check.fail("wage_steps", "a wage step does not lower the wage")
        last_month, last_wage = wage_step.after_months, wage_step.hourly_wage_cents


_WAGE_STEP = re.compile(r"^\s*(\d{1,3})\s*[:=]\s*(.+?)\s*$")


def parse_wage_steps(text: str) -> tuple[WageStep, ...]:
    """'6:17.50, 12:19' (months into the term: hourly wage) → wage steps; '' → none."""
    found = []
    for part in (p for p in text.split(",") if p.strip()):
        match = _WAGE_STEP.match(part)
        wage = parse_wage(match.group(2)) if match else None
        if match is None or wage is None:
            raise ValidationError({"wage_steps": f"{part.strip()!r} is not MONTHS:WAGE, "
                                                 "such as 6:17.50"})
        found.append(WageStep(int(match.group(1)), wage))
    return tuple(found)


def show_wage_steps(steps: tuple[WageStep, ...]) -> str:
    return ", ".join(f"{s.after_months}:{show_wage(s.hourly_wage_cents)[1:]}" for s in steps)


class WorkshopTopic(StrEnum):
    STRESS_MANAGEMENT = "stress_management"
    SMART_GOALS = "smart_goals"
    FEEDBACK = "feedback"
    SUCCESS_AT_WORK = "success_at_work"
    RESUME_BUILDING = "resume_building"
    RESUME_NEW_INDUSTRY = "resume_new_industry"


WORKSHOP_LABELS = {
    WorkshopTopic.STRESS_MANAGEMENT: "Stress management",
    WorkshopTopic.SMART_GOALS: "SMART goals",
    WorkshopTopic.FEEDBACK: "Giving and receiving feedback",
    WorkshopTopic.SUCCESS_AT_WORK: "Setting up for success at work",
    WorkshopTopic.RESUME_BUILDING: "Resume building",
    WorkshopTopic.RESUME_NEW_INDUSTRY: "Tailoring a resume to a new industry",
}


# The readiness track: the workshops a survivor completes before being matched. A program may
# choose its own in Settings (`ProgramSettings.readiness_track`); by default, all six.
DEFAULT_TRACK: tuple[WorkshopTopic, ...] = tuple(WorkshopTopic)


def parse_track(values: tuple[str, ...] | list[str]) -> tuple[WorkshopTopic, ...]:
    """The track's topics in the workshops' own order; unknown names are left out."""
    known = {t.value for t in WorkshopTopic}
    chosen = {v for v in values if v in known}
    return tuple(t for t in WorkshopTopic if t.value in chosen)


def ready_to_match(completed: set[WorkshopTopic] | frozenset[WorkshopTopic],
                   track: tuple[WorkshopTopic, ...]) -> bool:
    """Whether the survivor completed every workshop of the program's readiness track."""
    return bool(track) and set(track) <= set(completed)


@dataclass(frozen=True, slots=True)
class Workshop:
    id: str
    topic: WorkshopTopic
    held_on: date
    facilitator: str = ""
    partner_organisation: str = ""


@dataclass(frozen=True, slots=True)
class Attendance:
    workshop_id: str
    survivor_id: str
    attended: bool
    completed: bool


class Stage(StrEnum):
    READINESS = "readiness"
    MATCHING = "matching"
    INTERVIEW = "interview"
    INTERNSHIP = "internship"
    APPRENTICESHIP = "apprenticeship"
    OFFER = "offer"
    PLACED = "placed"
    RETAINED_30 = "retained_30"
    RETAINED_60 = "retained_60"
    RETAINED_90 = "retained_90"
    EXITED = "exited"


PIPELINE: tuple[Stage, ...] = tuple(s for s in Stage if s is not Stage.EXITED)
STAGE_LABELS = {
    Stage.READINESS: "Readiness", Stage.MATCHING: "Matching", Stage.INTERVIEW: "Interview",
    Stage.INTERNSHIP: "Internship", Stage.APPRENTICESHIP: "Apprenticeship",
    Stage.OFFER: "Offer", Stage.PLACED: "Placed",
    Stage.RETAINED_30: "Retained 30 days", Stage.RETAINED_60: "Retained 60 days",
    Stage.RETAINED_90: "Retained 90 days", Stage.EXITED: "Exited",
}
NEXT_STAGES: dict[Stage, frozenset[Stage]] = {
    Stage.READINESS: frozenset({Stage.MATCHING}),
    Stage.MATCHING: frozenset({Stage.INTERVIEW, Stage.READINESS}),
    Stage.INTERVIEW: frozenset({Stage.INTERNSHIP, Stage.APPRENTICESHIP, Stage.OFFER,
                                Stage.MATCHING}),
    Stage.INTERNSHIP: frozenset({Stage.OFFER, Stage.MATCHING}),
    # A pre-apprenticeship leads to an interview for a registered one; a registered
    # apprentice is hired at its end (placed), or goes back to matching.
    Stage.APPRENTICESHIP: frozenset({Stage.INTERVIEW, Stage.OFFER, Stage.PLACED,
                                     Stage.MATCHING}),
    Stage.OFFER: frozenset({Stage.PLACED, Stage.MATCHING}),
    Stage.PLACED: frozenset({Stage.RETAINED_30}),
    Stage.RETAINED_30: frozenset({Stage.RETAINED_60}),
    Stage.RETAINED_60: frozenset({Stage.RETAINED_90}),
    Stage.RETAINED_90: frozenset(),
    Stage.EXITED: frozenset({Stage.READINESS}),
}
# Steps that belong to a particular employer and position.
EMPLOYER_STAGES = frozenset({Stage.INTERVIEW, Stage.INTERNSHIP, Stage.APPRENTICESHIP,
                             Stage.OFFER, Stage.PLACED})
# Steps that put someone to work at an employer: each names the onsite supervisor and a
# mentor there, and the case manager coaches the employer through it.
WORKING_STAGES = frozenset({Stage.INTERNSHIP, Stage.APPRENTICESHIP, Stage.PLACED})
RETENTION_DAYS = {Stage.RETAINED_30: 30, Stage.RETAINED_60: 60, Stage.RETAINED_90: 90}
LOOKING = frozenset({Stage.READINESS, Stage.MATCHING, Stage.INTERVIEW})


def retention_task_title(days: int) -> str:
    """The title of the check-in task that placing someone schedules `days` after it."""
    return f"{days}-day retention check-in"


def check_ins_settled(stage: Stage) -> frozenset[int]:
    """The retention check-ins (in days after the placement) that recording `stage` makes
    unnecessary: a retention step settles its own and any earlier one, an exit all of them."""
    if stage is Stage.EXITED:
        return frozenset(RETENTION_DAYS.values())
    if stage in RETENTION_DAYS:
        return frozenset(d for d in RETENTION_DAYS.values() if d <= RETENTION_DAYS[stage])
    return frozenset()


@dataclass(frozen=True, slots=True)
class PlacementStep:
    id: str
    survivor_id: str
    stage: Stage
    on: date
    employer_id: str | None = None
    position_id: str | None = None
    hours_per_week: int | None = None
    hourly_wage_cents: int | None = None
    reason: str = ""
    recorded_by: str | None = None
    created_at: str = ""


def check_step(current: Stage, step: PlacementStep, last_on: date | None, today: date,
               placed_on: date | None = None) -> None:
    """Raise `ValidationError` unless `step` may follow a case at `current`; a retention step
    comes at least 30, 60 or 90 days after the placement."""
    check = Checker()
    if step.stage in RETENTION_DAYS and placed_on is not None and (
            step.on - placed_on).days < RETENTION_DAYS[step.stage]:
        earliest = placed_on + timedelta(days=RETENTION_DAYS[step.stage])
        check.fail("date", f"{STAGE_LABELS[step.stage].lower()} can be recorded from "
                           f"{earliest.isoformat()}")
    if step.hourly_wage_cents is not None and not (
            0 <= step.hourly_wage_cents <= MAX_HOURLY_WAGE_CENTS):
        check.fail("wage", "must be between $0 and $1,000 an hour")
    if step.stage is Stage.EXITED:
        if current is Stage.EXITED:
            check.fail("stage", "the case has already exited the pipeline")
        if not step.reason.strip():
            check.fail("reason", "say why the person left the pipeline")
    elif step.stage not in NEXT_STAGES[current]:
        allowed = ", ".join(s.value for s in sorted(NEXT_STAGES[current], key=list(Stage).index))
        check.fail("stage", f"cannot go from {current.value} to {step.stage.value}"
                            + (f" (next: {allowed}, or exited)" if allowed else " (or exited)"))
    if step.stage in EMPLOYER_STAGES and step.employer_id is None:
        check.fail("employer", f"a {step.stage.value} step names the employer")
    check.not_future("date", step.on, today)
    if last_on is not None and step.on < last_on:
        check.fail("date", "is before the previous step")
    if step.hours_per_week is not None:
        check.range("hours_per_week", step.hours_per_week, 1, 80)
    check.done()


_WAGE = re.compile(r"^\$?(\d{1,3}(?:,\d{3})*|\d+)(?:\.(\d{1,2}))?$")
MAX_HOURLY_WAGE_CENTS = 1000_00


def parse_wage(text: str) -> int | None:
    """'15.50' or '$15.50' → 1550 cents; '' → None; at most $1,000 an hour."""
    cleaned = text.strip()
    if not cleaned:
        return None
    match = _WAGE.match(cleaned)
    if match is None:
        raise ValidationError({"wage": f"{text!r} is not an hourly wage like 15.50"})
    dollars = int(match.group(1).replace(",", ""))
    cents = int((match.group(2) or "0").ljust(2, "0"))
    value = dollars * 100 + cents
    if value > MAX_HOURLY_WAGE_CENTS:
        raise ValidationError({"wage": "is more than $1,000 an hour; check the number"})
    return value


def show_wage(cents: int | None) -> str:
    return "" if cents is None else f"${cents // 100}.{cents % 100:02d}"


class ClearanceDecision(StrEnum):
    """A case manager's answer for a survivor and an employer with hiring restrictions."""

    CLEARED = "cleared"
    NOT_SUITABLE = "not_suitable"


@dataclass(frozen=True, slots=True)
class Clearance:
    """The decision for one survivor and one restricted employer. The reason is as sensitive
    as the record it weighs: only those who read the whole case see it."""

    survivor_id: str
    employer_id: str
    decision: ClearanceDecision
    reason: str
    decided_on: date
    decided_by: str | None = None
