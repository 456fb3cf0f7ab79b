"""The employment-relevant view of a survivor, built from the field catalog's allowlist."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from casetracker.domain.catalog import COORDINATOR_VISIBLE, Category, attributes
from casetracker.domain.survivors import Availability, Survivor


@dataclass(frozen=True, slots=True)
class EmploymentProfile:
    """What a coordinator sees: preferred name, readiness, availability, goals, eligibility."""

    case_number: str
    preferred_name: str
    status: str
    assigned_to: str | None
    skills: tuple[str, ...]
    availability: Availability
    accommodations: str
    employment_goals: tuple[str, ...]
    ready_for_i9: bool


def allowed_values(survivor: Survivor,
                   categories: frozenset[Category] = COORDINATOR_VISIBLE) -> dict[str, Any]:
    """The survivor's attributes whose catalog category is in `categories`, and no others."""
    allowed = attributes("survivor", categories)
    return {f.name: getattr(survivor, f.name) for f in fields(survivor) if f.name in allowed}


def employment_profile(survivor: Survivor, employment_goals: tuple[str, ...],
                       ready_for_i9: bool) -> EmploymentProfile:
    values = allowed_values(survivor)
    return EmploymentProfile(
        case_number=values["case_number"], preferred_name=values["preferred_name"],
        status=values["status"].value, assigned_to=values["assigned_to"],
        skills=values["skills"], availability=values["availability"],
        accommodations=values["accommodations"], employment_goals=employment_goals,
        ready_for_i9=ready_for_i9)
