"""Figures for supervisors and funders, and small-cell suppression for what leaves the program.

Counts below 5 are shown as "<5"; a count that would let a reader work out a small group by
subtraction is withheld too (complementary suppression) and shown as "*".

The outcome report covers one fixed reporting period that is over (a month, a quarter, a half
year or a federal fiscal year), never a range of the reader's choosing: two reports of ranges a
few days apart would give away, by subtraction, the people a "<5" hides, and a period still
running would do the same from one day to the next.

Periods of different lengths nest (a fiscal year holds four quarters, twelve months and a
calendar half), and a reader may ask for all of them: a fiscal year minus three of its
quarters is the fourth, and a quarter minus one of its months is the people who came only in
the other two. So a period's count is shown only if, for every shorter period inside it, that
period shows the same count and the difference between the two is not a small group
(`hidden_across_periods`). Whatever a reader subtracts, they then find only what the shorter
periods' own reports show.
"""

from __future__ import annotations

import calendar
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from casetracker.domain.errors import UsageError

SMALL = 5


class PeriodKind(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    FISCAL_YEAR = "fiscal_year"


PERIOD_FORMS = "a month (2026-05), a quarter (2026-Q2), a half year (2026-H1) or a federal " \
               "fiscal year (FY2026, October 2025 to September 2026)"
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_HALF = re.compile(r"(\d{4})-H([12])")
_FISCAL_YEAR = re.compile(r"FY(\d{4})")
_FIRST_YEAR, _LAST_YEAR = 1900, 2199


@dataclass(frozen=True, slots=True)
class ReportingPeriod:
    """One fixed reporting period: `label` is how it is written (`2026-Q2`), `start` and `end`
    its first and last day."""

    kind: PeriodKind
    label: str
    start: date
    end: date

    def previous(self) -> ReportingPeriod:
        return period_containing(self.kind, self.start - timedelta(days=1))


def _months(year: int, first: int, count: int) -> tuple[date, date]:
    """The first day of month `first` of `year` and the last day `count` months on."""
    last_month = first + count - 1
    last_year = year + (last_month - 1) // 12
    last_month = (last_month - 1) % 12 + 1
    return (date(year, first, 1),
            date(last_year, last_month, calendar.monthrange(last_year, last_month)[1]))


def _period(kind: PeriodKind, year: int, number: int) -> ReportingPeriod:
    if kind is PeriodKind.MONTH:
        return ReportingPeriod(kind, f"{year:04d}-{number:02d}", *_months(year, number, 1))
    if kind is PeriodKind.QUARTER:
        return ReportingPeriod(kind, f"{year:04d}-Q{number}",
                               *_months(year, 3 * number - 2, 3))
    if kind is PeriodKind.HALF:
        return ReportingPeriod(kind, f"{year:04d}-H{number}", *_months(year, 6 * number - 5, 6))
    # The US federal fiscal year: FY2026 runs from 1 October 2025 to 30 September 2026.
    return ReportingPeriod(kind, f"FY{year:04d}", *_months(year - 1, 10, 12))


def parse_period(text: str) -> ReportingPeriod:
    """A reporting period as written: `2026-05`, `2026-Q2`, `2026-H1` or `FY2026` (any case);
    else `UsageError` saying what is accepted."""
    written = text.strip().upper()
    for kind, pattern in ((PeriodKind.MONTH, _MONTH), (PeriodKind.QUARTER, _QUARTER),
                          (PeriodKind.HALF, _HALF), (PeriodKind.FISCAL_YEAR, _FISCAL_YEAR)):
        match = pattern.fullmatch(written)
        if match is None:
            continue
        year = int(match.group(1))
        number = int(match.group(2)) if kind is not PeriodKind.FISCAL_YEAR else 0
        if _FIRST_YEAR <= year <= _LAST_YEAR and (kind is not PeriodKind.MONTH
                                                  or 1 <= number <= 12):
            return _period(kind, year, number)
    raise UsageError(f"{text.strip()!r} is not a reporting period; write {PERIOD_FORMS}")


def period_containing(kind: PeriodKind, day: date) -> ReportingPeriod:
    """The period of this kind that `day` falls in."""
    if kind is PeriodKind.MONTH:
        return _period(kind, day.year, day.month)
    if kind is PeriodKind.QUARTER:
        return _period(kind, day.year, (day.month - 1) // 3 + 1)
    if kind is PeriodKind.HALF:
        return _period(kind, day.year, 1 if day.month <= 6 else 2)
    return _period(kind, day.year + 1 if day.month >= 10 else day.year, 0)


def ended_periods(kind: PeriodKind, today: date, count: int) -> list[ReportingPeriod]:
    """The `count` most recent periods of this kind that are over by `today`, newest first."""
    period = period_containing(kind, today).previous()
    found: list[ReportingPeriod] = []
    while len(found) < count and period.start.year >= _FIRST_YEAR:
        found.append(period)
        period = period.previous()
    return found


def check_reportable(period: ReportingPeriod, today: date) -> None:
    """A report covers a period that is over: its figures would otherwise change from one day
    to the next, and two reports a day apart would tell who came in between."""
    if period.end >= today:
        raise UsageError(f"the period {period.label} is not over until {period.end.isoformat()}"
                         "; a report covers a period that is over, so that its figures never "
                         "change from one day to the next")


@dataclass(frozen=True, slots=True)
class ManagerFigures:
    """One case manager's row of the caseload audit."""

    case_manager: str
    active_cases: int
    overdue_milestones: int
    no_contact_30_days: int
    documents_outstanding: int
    consents_expiring: int
    tasks_overdue: int


METRICS = ("active_cases", "overdue_milestones", "no_contact_30_days", "documents_outstanding",
           "consents_expiring", "tasks_overdue")
METRIC_LABELS = {
    "active_cases": "Active cases", "overdue_milestones": "Overdue milestones",
    "no_contact_30_days": "No contact in 30 days", "documents_outstanding": "Documents outstanding",
    "consents_expiring": "Releases expiring in 14 days", "tasks_overdue": "Tasks overdue",
}


@dataclass(frozen=True, slots=True)
class Funnel:
    """How many people reached each step (each step a subset of the one before)."""

    readiness: int
    internship: int
    placed: int
    retained_30: int
    retained_60: int
    retained_90: int

    def steps(self) -> list[tuple[str, int]]:
        return [("Readiness", self.readiness), ("Internship", self.internship),
                ("Placed", self.placed), ("Retained 30 days", self.retained_30),
                ("Retained 60 days", self.retained_60), ("Retained 90 days", self.retained_90)]

    def retention_rate(self, days: int) -> float | None:
        kept = {30: self.retained_30, 60: self.retained_60, 90: self.retained_90}[days]
        return None if self.placed == 0 else kept / self.placed


@dataclass(frozen=True, slots=True)
class Outcomes:
    """The funders' report: counts only, for one reporting period."""

    period: ReportingPeriod
    participants: int
    completed_a_workshop: int
    internships: int
    placements: int
    retained_30: int
    retained_60: int
    retained_90: int
    completions_by_topic: dict[str, int]
    # The figures (`outcome_measures` names) withheld across periods as well as within.
    hidden: frozenset[str] = field(default_factory=frozenset)

    @property
    def start(self) -> date:
        return self.period.start

    @property
    def end(self) -> date:
        return self.period.end


def suppress_chain(counts: list[int], hidden: list[bool] | None = None) -> list[bool]:
    """Which counts of a nested chain (each a subset of the one before) to hide.

    A count below 5 is hidden, and so is a count whose difference from its neighbour is
    between 1 and 4 (the difference is a group of people a reader could work out); when a
    difference is small, the smaller count of the pair is hidden, and the rule is applied
    again until nothing changes. `hidden` marks counts already withheld for another reason.
    """
    hidden = [0 < c < SMALL or bool(hidden and hidden[i]) for i, c in enumerate(counts)]
    changed = True
    while changed:
        changed = False
        shown = [i for i, h in enumerate(hidden) if not h]
        for a, b in itertools.pairwise(shown):
            difference = counts[a] - counts[b]
            if 0 < difference < SMALL and not hidden[b]:
                hidden[b] = True
                changed = True
                break
    return hidden


def suppress_partition(parts: list[int], total: int,
                       hidden: list[bool] | None = None) -> list[bool]:
    """Which parts of a total to hide: small ones (and those `hidden` already withholds),
    and if exactly one is hidden, the next smallest too, so that the total minus the rest
    does not reveal it."""
    hidden = [0 < p < SMALL or bool(hidden and hidden[i]) for i, p in enumerate(parts)]
    if sum(hidden) == 1 and total >= SMALL:
        candidates = sorted((p, i) for i, p in enumerate(parts) if not hidden[i] and p > 0)
        if candidates:
            hidden[candidates[0][1]] = True
    return hidden


SUPPRESSED = "*"
SUPPRESSION_NOTE = ("Counts under 5 are shown as <5; a count marked * is withheld because, "
                    "with the counts around it or those of the shorter periods inside this "
                    "one, it would let a small group be worked out.")

_CHAINS = (("participants", "completed_a_workshop"), ("internships",),
           ("placements", "retained_30", "retained_60", "retained_90"))
TOPICS_TOTAL = "topics_total"


def topic_key(topic: str) -> str:
    return f"topic:{topic}"


def outcome_measures(counts: Mapping[str, Any], topics: Iterable[str]) -> dict[str, int]:
    """An outcome report's figures by name, flat: the chains, each workshop topic's
    completions (`topic_key`) and their total (`TOPICS_TOTAL`)."""
    by_topic = counts.get("completions_by_topic", {})
    flat = {name: int(counts[name]) for chain in _CHAINS for name in chain}
    parts = {topic_key(t): int(by_topic.get(t, 0)) for t in topics}
    return {**flat, **parts, TOPICS_TOTAL: sum(parts.values())}


def suppress_outcomes(measures: Mapping[str, int], forced: AbstractSet[str]) -> frozenset[str]:
    """The figures of one report to withhold: its own small counts and complements, plus
    those `forced` (withheld because of other periods), with complements of those too."""
    hidden = set(forced)
    for chain in _CHAINS:
        flags = suppress_chain([measures[n] for n in chain], [n in hidden for n in chain])
        hidden |= {n for n, h in zip(chain, flags, strict=True) if h}
    topics = [k for k in measures if k.startswith("topic:")]
    total = measures[TOPICS_TOTAL]
    if 0 < total < SMALL:
        hidden.add(TOPICS_TOTAL)
    flags = suppress_partition([measures[k] for k in topics], total,
                               [k in hidden for k in topics])
    hidden |= {k for k, h in zip(topics, flags, strict=True) if h}
    return frozenset(hidden)


def nested_periods(period: ReportingPeriod) -> list[ReportingPeriod]:
    """Every fixed period of a shorter kind that lies wholly inside `period` (a fiscal year
    holds its twelve months, four quarters and the calendar half from January to June)."""
    kinds = list(PeriodKind)
    found: list[ReportingPeriod] = []
    for kind in kinds[:kinds.index(period.kind)]:
        inner = period_containing(kind, period.start)
        while inner.end <= period.end:
            if inner.start >= period.start:
                found.append(inner)
            inner = period_containing(kind, inner.end + timedelta(days=1))
    return found


Suppress = Callable[[Mapping[str, int], AbstractSet[str]], frozenset[str]]


def hidden_across_periods(period: ReportingPeriod,
                          measures_of: Callable[[ReportingPeriod], Mapping[str, int]],
                          suppress: Suppress | None = None) -> frozenset[str]:
    """The figures of `period`'s report to withhold so that no subtraction with the reports
    of the shorter periods inside it reveals a small group: a figure is withheld when any of
    those periods withholds it, or differs from it by 1 to 4. `suppress` is the report's own
    rule for one period (the outcome report's unless told)."""
    rule = suppress or suppress_outcomes
    done: dict[str, frozenset[str]] = {}

    def hidden(p: ReportingPeriod) -> frozenset[str]:
        if p.label not in done:
            measures = measures_of(p)
            forced: set[str] = set()
            for inner in nested_periods(p):
                forced |= hidden(inner)
                inside = measures_of(inner)
                forced |= {k for k, v in measures.items() if 0 < v - inside[k] < SMALL}
            done[p.label] = rule(measures, forced)
        return done[p.label]

    return hidden(period)


# Why a count is not shown, printed beside it (`withheld_reason`).
UNDER_FIVE = "fewer than 5"
WITH_SHORTER_PERIOD = ("withheld: with a shorter period's report it could reveal a small "
                       "count by subtraction")
WITH_OTHER_FIGURES = ("withheld: with the other figures or the total it could reveal a small "
                      "count by subtraction")


def withheld_reason(count: int, hidden: bool, across_periods: bool) -> str:
    """Why a count is not shown ('' when it is): under 5, or withheld because subtracting it
    from a shorter period's report (`across_periods`: `hidden_across_periods` named it) or from
    another figure or the total of this report would reveal a small group."""
    if not hidden:
        return ""
    if count < SMALL:
        return UNDER_FIVE
    return WITH_SHORTER_PERIOD if across_periods else WITH_OTHER_FIGURES


def shown(count: int, hidden: bool) -> str:
    """A count as printed: '<5' for a small one, '*' for one withheld to protect another."""
    if not hidden:
        return str(count)
    return "<5" if count < SMALL else SUPPRESSED
