"""Figures for supervisors and funders, and small-cell suppression for what leaves the program.

Counts below 5 are shown as "<5"; a count that would let a reader work out a small group by
subtraction is withheld too (complementary suppression) and shown as "*".
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date

SMALL = 5


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
    "consents_expiring": "Consents expiring in 30 days", "tasks_overdue": "Tasks overdue",
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
    """The funders' report: counts only, for a period."""

    start: date
    end: date
    participants: int
    completed_a_workshop: int
    internships: int
    placements: int
    retained_30: int
    retained_60: int
    retained_90: int
    completions_by_topic: dict[str, int]


def suppress_chain(counts: list[int]) -> list[bool]:
    """Which counts of a nested chain (each a subset of the one before) to hide.

    A count below 5 is hidden, and so is a count whose difference from its neighbour is
    between 1 and 4 (the difference is a group of people a reader could work out); when a
    difference is small, the smaller count of the pair is hidden, and the rule is applied
    again until nothing changes.
    """
    hidden = [0 < c < SMALL for c in counts]
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


def suppress_partition(parts: list[int], total: int) -> list[bool]:
    """Which parts of a total to hide: small ones, and if exactly one is hidden, the next
    smallest too, so that the total minus the rest does not reveal it."""
    hidden = [0 < p < SMALL for p in parts]
    if sum(hidden) == 1 and total >= SMALL:
        candidates = sorted((p, i) for i, p in enumerate(parts) if not hidden[i] and p > 0)
        if candidates:
            hidden[candidates[0][1]] = True
    return hidden


SUPPRESSED = "*"
SUPPRESSION_NOTE = ("Counts under 5 are shown as <5; a count marked * is withheld because, "
                    "with the counts around it, it would let a small group be worked out.")


def shown(count: int, hidden: bool) -> str:
    """A count as printed: '<5' for a small one, '*' for one withheld to protect another."""
    if not hidden:
        return str(count)
    return "<5" if count < SMALL else SUPPRESSED
