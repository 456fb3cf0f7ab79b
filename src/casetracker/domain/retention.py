"""The program's written retention policy, what is due for purge under it, and the
de-identified figures a purged case leaves behind.

NNEDV Safety Net's guidance and VAWA/VOCA confidentiality: keep client records no longer than
the written policy says (about a year after services end), sensitive details and scans of
recovered documents sooner, and de-identified figures for as long as funders may ask (federal
grants: at least three years after the final report).
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casetracker.domain.reports import PeriodKind, period_containing
from casetracker.domain.validation import Checker

# Federal grant rules: figures are kept at least three years after the final report.
FEWEST_FIGURES_YEARS = 3


@dataclass(frozen=True, slots=True)
class RetentionPolicy:
    """How long the program keeps each part of a case (months after closure unless said)."""

    closed_months: int = 12     # the whole record, after the case is closed
    sensitive_months: int = 3   # history, record, immigration status, health, safety plan
    scans_months: int = 3       # scans of a document, after the document is recovered
    figures_years: int = 7      # de-identified figures, after their reporting period ends


def validate_policy(policy: RetentionPolicy) -> None:
    check = Checker()
    check.range("closed_months", policy.closed_months, 1, 600)
    check.range("sensitive_months", policy.sensitive_months, 0, 600)
    check.range("scans_months", policy.scans_months, 0, 600)
    check.range("figures_years", policy.figures_years, FEWEST_FIGURES_YEARS, 100)
    if policy.sensitive_months > policy.closed_months:
        check.fail("sensitive_months", "cannot be longer than the whole record is kept "
                   f"({policy.closed_months} months)")
    check.done()


def add_months(day: date, months: int) -> date:
    """`day` moved on by `months` calendar months (31 January + 1 month: 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


class Part(StrEnum):
    """What of a case a purge removes."""

    RECORD = "record"        # everything about the survivor
    SENSITIVE = "sensitive"  # the sensitive details only
    SCANS = "scans"          # scans of recovered documents only


PART_LABELS = {Part.RECORD: "whole record", Part.SENSITIVE: "sensitive details",
               Part.SCANS: "scans of recovered documents"}


@dataclass(frozen=True, slots=True)
class DuePart:
    """One part of one case past the policy: since when, and how many items (scans)."""

    case_number: str
    part: Part
    since: date
    items: int = 1


@dataclass(frozen=True, slots=True)
class ClosedCase:
    case_number: str
    closed_on: date
    has_sensitive: bool


def due_parts(policy: RetentionPolicy, today: date, closed: Iterable[ClosedCase],
              scans: Iterable[tuple[str, date]], held: set[str]) -> list[DuePart]:
    """What is past the policy on `today`: whole closed records, then the sensitive details
    of closed cases not yet due whole, then scans (`scans`: case number and the day its
    document was recovered, one pair per scan). A case under legal hold is never listed."""
    due: list[DuePart] = []
    whole: set[str] = set()
    for case in closed:
        if case.case_number in held:
            continue
        ends = add_months(case.closed_on, policy.closed_months)
        if ends <= today:
            due.append(DuePart(case.case_number, Part.RECORD, ends))
            whole.add(case.case_number)
            continue
        sensitive_ends = add_months(case.closed_on, policy.sensitive_months)
        if case.has_sensitive and sensitive_ends <= today:
            due.append(DuePart(case.case_number, Part.SENSITIVE, sensitive_ends))
    by_case: dict[str, list[date]] = {}
    for case_number, recovered_on in scans:
        ends = add_months(recovered_on, policy.scans_months)
        if case_number not in held and case_number not in whole and ends <= today:
            by_case.setdefault(case_number, []).append(ends)
    due += [DuePart(case, Part.SCANS, min(days), len(days)) for case, days in by_case.items()]
    return sorted(due, key=lambda d: (d.case_number.casefold(), list(Part).index(d.part)))


def cases_of(due: Iterable[DuePart]) -> list[str]:
    """The distinct cases of a due list, in its order."""
    return list(dict.fromkeys(d.case_number for d in due))


# -- the figures a purged case leaves behind --------------------------------------------------

# The outcome report's measures that count people once per period, by placement stage.
STAGE_MEASURES = {"internship": "internships", "placed": "placements",
                  "retained_30": "retained_30", "retained_60": "retained_60",
                  "retained_90": "retained_90"}
TOPIC_PREFIX = "topic:"


@dataclass(frozen=True, slots=True)
class Attendance:
    held_on: date
    topic: str
    attended: bool
    completed: bool


def figure_contributions(attendance: Iterable[Attendance],
                         steps: Iterable[tuple[str, date]]) -> Counter[tuple[str, date, str]]:
    """One person's contribution to the outcome report of every reporting period their
    activity falls in: (period label, period's last day, measure) -> count. Measures that count
    people count this one once per period; workshop completions by topic count each one. No
    date finer than a reporting period is kept, and nothing names the person."""
    people: set[tuple[str, date, str]] = set()
    completions: Counter[tuple[str, date, str]] = Counter()
    attendance, steps = list(attendance), list(steps)
    for kind in PeriodKind:
        for visit in attendance:
            period = period_containing(kind, visit.held_on)
            at = (period.label, period.end)
            if visit.attended:
                people.add((*at, "participants"))
            if visit.completed:
                people.add((*at, "completed_a_workshop"))
                completions[(*at, TOPIC_PREFIX + visit.topic)] += 1
        for stage, on_date in steps:
            if stage in STAGE_MEASURES:
                period = period_containing(kind, on_date)
                people.add((period.label, period.end, STAGE_MEASURES[stage]))
    return completions + Counter(people)


def add_kept(counts: dict[str, object], kept: dict[str, int]) -> dict[str, object]:
    """The outcome counts of the cases still here plus the figures purged cases left."""
    merged = dict(counts)
    topics = dict(merged.get("completions_by_topic", {}))  # type: ignore[call-overload]
    for measure, n in kept.items():
        if measure.startswith(TOPIC_PREFIX):
            topic = measure[len(TOPIC_PREFIX):]
            topics[topic] = topics.get(topic, 0) + n
        else:
            merged[measure] = int(merged.get(measure, 0)) + n  # type: ignore[call-overload]
    merged["completions_by_topic"] = topics
    return merged


def figures_kept_after(policy: RetentionPolicy, today: date) -> date:
    """Figures of periods that ended before this day are dropped."""
    return add_months(today, -12 * policy.figures_years)
