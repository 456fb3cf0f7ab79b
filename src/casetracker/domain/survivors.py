"""A survivor's profile, the sensitive details kept apart from it, and barriers."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from casetracker.domain.validation import Checker


class CaseStatus(StrEnum):
    ACTIVE = "active"
    CLOSED = "closed"


class Transport(StrEnum):
    UNKNOWN = ""
    PUBLIC_TRANSIT = "public_transit"
    OWN_VEHICLE = "own_vehicle"
    WALK_OR_BIKE = "walk_or_bike"
    NEEDS_RIDE = "needs_ride"


class Gender(StrEnum):
    """Gender as the survivor gives it (optional; issue 21 §2). Never shared outside the
    program; the funder report counts it, "not recorded" included."""

    NOT_RECORDED = ""
    WOMAN = "woman"
    MAN = "man"
    TRANSGENDER = "transgender"
    NON_BINARY = "non_binary"
    SELF_DESCRIBED = "self_described"  # in their own words: `gender_self_described`
    DECLINED = "declined"  # chose not to say


GENDER_LABELS = {
    Gender.NOT_RECORDED: "Not recorded", Gender.WOMAN: "Woman", Gender.MAN: "Man",
    Gender.TRANSGENDER: "Transgender", Gender.NON_BINARY: "Non-binary",
    Gender.SELF_DESCRIBED: "Self-described", Gender.DECLINED: "Prefers not to say",
}


@dataclass(frozen=True, slots=True)
class SafeContact:
    """How and when it is safe to reach the survivor; shown prominently to staff."""

    ok_to_call: bool = False
    ok_to_text: bool = False
    ok_to_leave_voicemail: bool = False
    safe_times: str = ""

    def summary(self) -> str:
        allowed = [word for word, ok in (("call", self.ok_to_call), ("text", self.ok_to_text),
                                         ("voicemail", self.ok_to_leave_voicemail)) if ok]
        text = ("OK to " + ", ".join(allowed) if allowed
                else "Do not call, text or leave voicemail")
        return f"{text}; safe times: {self.safe_times}" if self.safe_times else text


@dataclass(frozen=True, slots=True)
class Availability:
    hours_per_week: int | None = None
    earliest_start: date | None = None
    transport: Transport = Transport.UNKNOWN


@dataclass(frozen=True, slots=True)
class Survivor:
    """The profile: who the person is to the program. Sensitive details live elsewhere."""

    id: str
    case_number: str
    preferred_name: str
    intake_date: date
    legal_first_name: str = ""
    legal_last_name: str = ""
    date_of_birth: date | None = None
    pronouns: str = ""
    gender: Gender = Gender.NOT_RECORDED
    gender_self_described: str = ""  # only with `Gender.SELF_DESCRIBED`
    primary_language: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    safe_contact: SafeContact = field(default_factory=SafeContact)
    referral_source: str = ""
    assigned_to: str | None = None
    status: CaseStatus = CaseStatus.ACTIVE
    skills: tuple[str, ...] = ()
    availability: Availability = field(default_factory=Availability)
    accommodations: str = ""
    created_at: str = ""
    updated_at: str = ""

    @property
    def legal_name(self) -> str:
        return " ".join(p for p in (self.legal_first_name, self.legal_last_name) if p)


def validate_survivor(survivor: Survivor, today: date) -> None:
    """Raise `ValidationError` listing every unacceptable field."""
    check = Checker()
    check.case_number("case_number", survivor.case_number)
    check.required("preferred_name", survivor.preferred_name, max_length=80)
    for name in ("legal_first_name", "legal_last_name", "pronouns", "primary_language"):
        check.length(name, getattr(survivor, name), 80)
    check.length("address", survivor.address, 400)
    if survivor.gender is Gender.SELF_DESCRIBED:
        check.required("gender_self_described", survivor.gender_self_described, max_length=80)
    elif survivor.gender_self_described:
        check.fail("gender_self_described", "is for a gender in the survivor's own words")
    check.length("referral_source", survivor.referral_source, 200)
    check.length("accommodations", survivor.accommodations, 1000)
    check.neutral("accommodations", survivor.accommodations)  # shareable with employers
    check.email("email", survivor.email)
    check.phone("phone", survivor.phone)
    check.not_future("date_of_birth", survivor.date_of_birth, today)
    check.not_future("intake_date", survivor.intake_date, today)
    check.range("availability_hours", survivor.availability.hours_per_week, 0, 80)
    if len(survivor.skills) > 50 or any(len(s) > 100 for s in survivor.skills):
        check.fail("skills", "list at most 50 skills of up to 100 characters")
    for skill in survivor.skills:
        check.length("skills", skill, 100)
    check.plausible("earliest_start", survivor.availability.earliest_start)
    check.done()


class TraffickingType(StrEnum):
    UNKNOWN = ""
    LABOR = "labor"
    SEX = "sex"
    LABOR_AND_SEX = "labor_and_sex"
    AT_RISK = "at_risk"


class VacaturStatus(StrEnum):
    NOT_APPLICABLE = ""
    ELIGIBLE = "eligible"
    PETITION_FILED = "petition_filed"
    GRANTED = "granted"
    DENIED = "denied"


@dataclass(frozen=True, slots=True)
class SensitiveDetails:
    """Never exported, never shown to coordinators, read only by the case's own staff."""

    survivor_id: str
    trafficking_type: TraffickingType = TraffickingType.UNKNOWN
    history_notes: str = ""
    criminal_record_notes: str = ""
    vacatur_status: VacaturStatus = VacaturStatus.NOT_APPLICABLE
    immigration_status: str = ""
    health_notes: str = ""
    safety_plan: str = ""
    updated_at: str = ""

    @property
    def has_trafficking_related_record(self) -> bool:
        """A record that a vacatur has not cleared (matching flags it, issue 5)."""
        return bool(self.criminal_record_notes.strip()) and (
            self.vacatur_status is not VacaturStatus.GRANTED)


class BarrierKind(StrEnum):
    TRANSPORTATION = "transportation"
    CHILDCARE = "childcare"
    HOUSING = "housing"
    DOCUMENTATION = "documentation"
    CRIMINAL_RECORD = "criminal_record"
    HEALTH = "health"
    LANGUAGE = "language"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Barrier:
    id: str
    survivor_id: str
    kind: BarrierKind
    description: str = ""
    resolved_on: date | None = None
    created_at: str = ""

    @property
    def resolved(self) -> bool:
        return self.resolved_on is not None


SPANISH_WORDS = ("es", "spa", "spanish", "espanol", "español", "castellano")


def reading_language(primary_language: str) -> str:
    """"es" when the survivor's primary language (free text: "Spanish", "Español", "es")
    is Spanish, else "en": the language of what the program prints for them."""
    words = primary_language.strip().casefold().replace("(", " ").replace(",", " ").split()
    return "es" if words and words[0] in SPANISH_WORDS else "en"
