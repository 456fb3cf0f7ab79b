"""Releases of information: who may receive which categories of a survivor's information, for
what purpose, from when until when, how the survivor gave it, and how it was taken back.

What a release must say follows the confidentiality rules victim-service programs work under
(VAWA, VOCA): one named recipient, the purpose written with the survivor, the categories, a
start and an expiry (90 days when none is given), how it was signed (a minor and a non-abusive
parent or guardian both sign), and that it is voluntary, never a condition of service,
revocable in writing or orally, and whether the recipient may share it further. An oral
revocation counts at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
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


# Trafficking and domestic-violence history is never a category: said on the form, in the
# dialog and in the CLI's help, so nobody asks.
HISTORY_NEVER_SHARED = ("Trafficking or domestic-violence history is never a category: it is "
                        "never shared under a release.")
DEFAULT_DAYS = 90        # a release without an expiry date lasts this long from its start
MAX_DAYS = 366           # and none lasts longer than a year: ask again after that
EXPIRY_WARNING_DAYS = 14  # releases ending this soon are on the dashboard and become tasks
ADULT_AGE = 18


class ConsentMethod(StrEnum):
    """How the release was given. `VERBAL_WITNESSED` is read from consents recorded before
    releases (a spoken consent with a witness) and is never accepted for a new one."""

    PAPER = "signed_paper"
    ELECTRONIC = "signed_electronic"
    VERBAL_WITNESSED = "verbal_witnessed"

    @classmethod
    def read(cls, value: str) -> ConsentMethod:
        """A stored value, including those written before releases ("written",
        "electronic") and not yet migrated (a bundle from a laptop not yet updated)."""
        return cls(LEGACY_METHODS.get(value, value))


LEGACY_METHODS = {"written": ConsentMethod.PAPER.value,
                  "electronic": ConsentMethod.ELECTRONIC.value}
NEW_METHODS = (ConsentMethod.PAPER, ConsentMethod.ELECTRONIC)


class Revocation(StrEnum):
    """How the survivor took a release back; either way it counts from the day recorded."""

    WRITTEN = "written"
    ORAL = "oral"


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
    method: ConsentMethod = ConsentMethod.PAPER
    recipient_employer_id: str | None = None
    revoked_on: date | None = None
    created_by: str | None = None
    created_at: str = ""
    purpose: str = ""                 # written with the survivor; empty on old consents
    may_share_further: bool = False   # whether the recipient may pass it on
    guardian_name: str = ""           # a minor's non-abusive parent or guardian
    guardian_signed: bool = False     # the minor and that parent or guardian both signed
    revoked_how: Revocation | None = None
    revoked_by: str | None = None
    reminder_task_id: str | None = None  # the case manager's task to renew it, once made

    @property
    def starts_on(self) -> date:
        """A release starts the day it is signed."""
        return self.signed_on

    def active_on(self, day: date) -> bool:
        revoked = self.revoked_on is not None and self.revoked_on <= day
        return not revoked and self.signed_on <= day <= self.expires_on

    def expiring_within(self, day: date, days: int) -> bool:
        return self.active_on(day) and (self.expires_on - day).days <= days


def validate_revocation(on: date, signed_on: date, today: date) -> None:
    """A revocation is dated on or after the release's start and never ahead of today: it
    counts at once, an oral one as much as a written one (no letter is waited for)."""
    check = Checker()
    check.not_future("revoked_on", on, today)
    if on < signed_on:
        check.fail("revoked_on", "comes before the release started")
    check.done()


def default_expiry(starts_on: date) -> date:
    return starts_on + timedelta(days=DEFAULT_DAYS)


def age_on(date_of_birth: date, day: date) -> int:
    return day.year - date_of_birth.year - (
        (day.month, day.day) < (date_of_birth.month, date_of_birth.day))


def is_minor_on(date_of_birth: date | None, day: date) -> bool:
    """Under 18 on `day`; a survivor whose date of birth is unknown is not known to be."""
    return date_of_birth is not None and age_on(date_of_birth, day) < ADULT_AGE


def validate_consent(consent: Consent, today: date,
                     date_of_birth: date | None = None) -> None:
    """A new release, checked; `date_of_birth` (the survivor's, when known) decides whether
    a parent or guardian must have signed too."""
    check = Checker()
    check.required("recipient", consent.recipient_name, max_length=200)
    check.required("purpose", consent.purpose, max_length=500)
    if consent.method not in NEW_METHODS:
        check.fail("method", "a release is signed, on paper or electronically")
    if is_minor_on(date_of_birth, consent.signed_on):
        if not consent.guardian_name.strip():
            check.fail("guardian_name", "the survivor is under 18: name the non-abusive parent "
                       "or guardian who signs with them")
        else:
            check.length("guardian_name", consent.guardian_name, 200)
        if not consent.guardian_signed:
            check.fail("guardian_signed", "the survivor is under 18: both they and a "
                       "non-abusive parent or guardian must sign")
    elif consent.guardian_name.strip():
        check.length("guardian_name", consent.guardian_name, 200)
    if not consent.categories:
        check.fail("categories", "choose at least one category to share")
    outside = consent.categories - SHAREABLE
    if outside:
        check.fail("categories", "these can never be shared: "
                   + ", ".join(sorted(c.value for c in outside)))
    check.not_future("signed_on", consent.signed_on, today)
    if consent.expires_on <= consent.signed_on:
        check.fail("expires_on", "must come after the date signed")
    elif (consent.expires_on - consent.signed_on).days > MAX_DAYS:
        check.fail("expires_on", "a release lasts at most a year; ask again after that")
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
