"""Consent to share: who may receive which categories of a survivor's information, until when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casetracker.domain.catalog import SHAREABLE, Category
from casetracker.domain.validation import Checker

CATEGORY_DESCRIPTIONS: dict[Category, str] = {
    Category.ALIAS: "Your preferred first name (never your legal name)",
    Category.READINESS: "Workshops you completed, your skills and certifications",
    Category.AVAILABILITY: "Hours you can work, when you can start, how you travel",
    Category.EMPLOYMENT_GOALS: "The kind of work you are aiming for",
    Category.WORK_HISTORY: "Internships and jobs you held through the program",
    Category.ACCOMMODATIONS: "Supports that help you at work, in neutral words",
    Category.WORK_ELIGIBILITY: "Whether your documents are ready for the I-9 check (yes or no)",
}


class ConsentMethod(StrEnum):
    WRITTEN = "written"
    VERBAL_WITNESSED = "verbal_witnessed"
    ELECTRONIC = "electronic"


class RecipientKind(StrEnum):
    EMPLOYER = "employer"
    AGENCY = "agency"


@dataclass(frozen=True, slots=True)
class Consent:
    id: str
    survivor_id: str
    recipient_kind: RecipientKind
    recipient_name: str
    categories: frozenset[Category]
    signed_on: date
    expires_on: date
    method: ConsentMethod = ConsentMethod.WRITTEN
    recipient_employer_id: str | None = None
    revoked_on: date | None = None
    created_by: str | None = None
    created_at: str = ""

    def active_on(self, day: date) -> bool:
        revoked = self.revoked_on is not None and self.revoked_on <= day
        return not revoked and self.signed_on <= day <= self.expires_on

    def expiring_within(self, day: date, days: int) -> bool:
        return self.active_on(day) and (self.expires_on - day).days <= days


def validate_consent(consent: Consent, today: date) -> None:
    check = Checker()
    check.required("recipient", consent.recipient_name, max_length=200)
    if not consent.categories:
        check.fail("categories", "choose at least one category to share")
    outside = consent.categories - SHAREABLE
    if outside:
        check.fail("categories", "these can never be shared: "
                   + ", ".join(sorted(c.value for c in outside)))
    check.not_future("signed_on", consent.signed_on, today)
    if consent.expires_on <= consent.signed_on:
        check.fail("expires_on", "must come after the date signed")
    elif (consent.expires_on - consent.signed_on).days > 366:
        check.fail("expires_on", "a consent lasts at most a year; ask again after that")
    check.done()


class ExportKind(StrEnum):
    EMPLOYER_PROFILE = "employer_profile"
    REFERRAL_LETTER = "referral_letter"


# What each kind of export may ever carry; the consent narrows it further.
EXPORT_PROFILES: dict[ExportKind, frozenset[Category]] = {
    ExportKind.EMPLOYER_PROFILE: SHAREABLE,
    ExportKind.REFERRAL_LETTER: frozenset({
        Category.ALIAS, Category.READINESS, Category.AVAILABILITY, Category.EMPLOYMENT_GOALS,
        Category.WORK_HISTORY, Category.WORK_ELIGIBILITY}),
}


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One line of the export log."""

    id: str
    at: str
    actor: str
    survivor_id: str
    kind: str
    recipient: str
    fields: tuple[str, ...]
    sha256: str
    consent_id: str | None
