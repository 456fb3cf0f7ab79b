"""Services delivered to a survivor, recorded as they happen, for funders' counts.

A service is a dated contact of a kind (`ServiceType`), with the minutes it took and an
optional note. Check-ins on goals and workshop attendance are services too: reports count them
from their own records (`COUNTED_FROM`), so nobody types them twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casetracker.domain.validation import Checker

MAX_MINUTES = 24 * 60
MAX_NOTE = 2_000


class ServiceType(StrEnum):
    CASE_MANAGEMENT = "case_management"
    EMPLOYMENT_READINESS = "employment_readiness"
    JOB_PLACEMENT = "job_placement"
    TRANSPORTATION = "transportation"
    INTERPRETATION = "interpretation"
    REFERRAL_HOUSING = "referral_housing"
    REFERRAL_LEGAL = "referral_legal"
    REFERRAL_HEALTH = "referral_health"
    REFERRAL_EDUCATION = "referral_education"
    EMERGENCY_FINANCIAL = "emergency_financial"
    ACCOMPANIMENT = "accompaniment"  # court, appointments
    EMOTIONAL_SUPPORT = "emotional_support"  # emotional support and safety planning
    OTHER = "other"


SERVICE_LABELS: dict[ServiceType, str] = {
    ServiceType.CASE_MANAGEMENT: "Case management",
    ServiceType.EMPLOYMENT_READINESS: "Employment readiness",
    ServiceType.JOB_PLACEMENT: "Job placement assistance",
    ServiceType.TRANSPORTATION: "Transportation",
    ServiceType.INTERPRETATION: "Interpretation",
    ServiceType.REFERRAL_HOUSING: "Referral to housing",
    ServiceType.REFERRAL_LEGAL: "Referral to legal services",
    ServiceType.REFERRAL_HEALTH: "Referral to health care",
    ServiceType.REFERRAL_EDUCATION: "Referral to education",
    ServiceType.EMERGENCY_FINANCIAL: "Emergency financial help",
    ServiceType.ACCOMPANIMENT: "Accompaniment (court, appointments)",
    ServiceType.EMOTIONAL_SUPPORT: "Emotional support and safety planning",
    ServiceType.OTHER: "Other",
}

# Service types a program adds in Settings are kept as "added:" and their name, so a record
# keeps its name even where the setting is changed later or has not reached another laptop.
ADDED_PREFIX = "added:"


def added_kind(name: str) -> str:
    """The stored kind of a service type the program added (`name` as shown)."""
    return ADDED_PREFIX + name.strip()


def kind_label(kind: str) -> str:
    """A service kind in words: a built-in type's label, or an added type's name."""
    try:
        return SERVICE_LABELS[ServiceType(kind)]
    except ValueError:
        return kind.removeprefix(ADDED_PREFIX)


def kinds_in_order(kinds: Iterable[str]) -> list[str]:
    """Built-in types in their order (all of them), then the added ones by name."""
    built_in = [t.value for t in ServiceType]
    added = sorted({k for k in kinds if k not in built_in}, key=lambda k: kind_label(k).casefold())
    return built_in + added


# Records of other kinds that reports count as services of a type, without a service row.
COUNTED_FROM: dict[str, ServiceType] = {
    "checkins": ServiceType.CASE_MANAGEMENT,
    "workshop_attendance": ServiceType.EMPLOYMENT_READINESS,
}


@dataclass(frozen=True, slots=True)
class ServiceContact:
    id: str
    survivor_id: str
    delivered_on: date
    kind: str  # a `ServiceType` value, or `added_kind(name)` for a type the program added
    minutes: int | None = None
    note: str = ""
    recorded_by: str | None = None
    created_at: str = ""


def validate_service(service: ServiceContact, today: date, intake: date | None) -> None:
    """Raise `ValidationError` naming each field that is wrong."""
    check = Checker()
    check.not_future("delivered_on", service.delivered_on, today)
    if intake is not None and service.delivered_on < intake:
        check.fail("delivered_on", "is before the survivor's intake")
    if service.minutes is not None:
        check.range("minutes", service.minutes, 1, MAX_MINUTES)
    check.length("note", service.note, MAX_NOTE)
    check.done()
