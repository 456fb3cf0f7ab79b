"""Consents to share: recorded by the survivor's case manager, revocable at any time."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.catalog import Category
from casetracker.domain.consent import Consent, ConsentMethod, RecipientKind, validate_consent
from casetracker.domain.errors import NotFoundError, PermissionDeniedError, UsageError
from casetracker.domain.survivors import CaseStatus, Survivor, reading_language
from casetracker.domain.validation import ValidationError
from casetracker.export.documents import release_form
from casetracker.security.atomic import atomic_write
from casetracker.services import access
from casetracker.services.employers import find_employer
from casetracker.services.session import Session
from casetracker.services.sharing_support import letterhead
from casetracker.storage.employment_repo import EmploymentRepository
from casetracker.storage.sharing_repo import SharingRepository
from casetracker.storage.survivors_repo import SurvivorRepository

EXPIRY_WARNING_DAYS = 30


def _recipient(consent: Consent) -> dict[str, str]:
    """How the audit names a consent's recipient: an employer partner by its directory name,
    an agency only by the consent's id, because the agency's name was typed into the case and
    must not outlive a purge of it inside the audit trail."""
    if consent.recipient_kind is RecipientKind.EMPLOYER:
        return {"consent": consent.id, "recipient": consent.recipient_name}
    return {"consent": consent.id, "recipient_kind": consent.recipient_kind.value}


def parse_categories(text: str) -> frozenset[Category]:
    try:
        return frozenset(Category(c.strip()) for c in text.split(",") if c.strip())
    except ValueError:
        raise ValidationError({"categories": f"{text!r} names an unknown category"}) from None


def add_consent(session: Session, case_number: str, *, categories: frozenset[Category],
                expires_on: date, recipient_employer: str | None = None,
                recipient_agency: str | None = None, signed_on: date | None = None,
                method: ConsentMethod = ConsentMethod.WRITTEN) -> Consent:
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "recording a consent")
    if (recipient_employer is None) == (recipient_agency is None):
        raise UsageError("name either an employer partner or an agency as the recipient")
    employer = find_employer(session, recipient_employer) if recipient_employer else None
    consent = Consent(
        str(uuid.uuid4()), survivor.id,
        RecipientKind.EMPLOYER if employer else RecipientKind.AGENCY,
        employer.name if employer else (recipient_agency or "").strip(), categories,
        signed_on or clock.today(), expires_on, method,
        employer.id if employer else None, None, session.account.name, clock.now_iso())
    validate_consent(consent, clock.today())
    with session.changing():
        SharingRepository(session.conn).save_consent(consent)
        session.audit("consent.add", survivor.case_number, **_recipient(consent),
                      categories=sorted(c.value for c in categories),
                      expires=expires_on.isoformat())
    return consent


def _visible(session: Session, consent_id: str, action: str) -> tuple[Consent, Survivor]:
    """The consent and its survivor, when the acting account may see that survivor's
    consents. One that does not exist and one the account may not see are refused with the
    same words, so an id tried at random tells nobody whether it is real (the refusal of a
    real one is still audited)."""
    session.require(action)
    consent = SharingRepository(session.conn).consent(consent_id.strip())
    survivor = (SurvivorRepository(session.conn).by_id(consent.survivor_id)
                if consent is not None else None)
    missing = NotFoundError(f"there is no consent {consent_id!r}")
    if consent is None or survivor is None:
        raise missing
    try:
        access.require_employment_read(session, survivor, action)
    except PermissionDeniedError:
        raise missing from None
    if not _shown_to(session, consent):
        try:
            session.deny(action, survivor.case_number)  # audited like any refusal
        except PermissionDeniedError:
            raise missing from None
    return consent, survivor


def _shown_to(session: Session, consent: Consent) -> bool:
    """Coordinators see consents to employer partners only: a consent to an agency names a
    recipient typed into the case ("Immigration legal clinic (T-visa petition)")."""
    return (session.account.role is not Role.COORDINATOR
            or consent.recipient_kind is RecipientKind.EMPLOYER)


def revoke(session: Session, consent_id: str, on: date | None = None) -> Consent:
    consent, survivor = _visible(session, consent_id, "revoking a consent")
    access.require_case_edit(session, survivor, "revoking a consent")
    repo = SharingRepository(session.conn)
    if consent.revoked_on is not None:
        return consent
    updated = replace(consent, revoked_on=on or clock.today())
    with session.changing():
        repo.save_consent(updated)
        session.audit("consent.revoke", survivor.case_number, **_recipient(consent))
    return updated


def consents(session: Session, case_number: str) -> list[Consent]:
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "reading consents")
    session.audit_view(survivor.case_number, "consents")
    return [c for c in SharingRepository(session.conn).consents(survivor.id)
            if _shown_to(session, c)]


def expiring(session: Session, days: int = EXPIRY_WARNING_DAYS) -> list[tuple[str, Consent]]:
    """(case number, consent) of consents ending within `days`: a case manager's own.

    The dashboard's "Consents expiring in 30 days" counts the same: consents not withdrawn
    whose end falls from today to `days` ahead, on active cases (a closed case's consents
    lapse with nobody to renew them)."""
    session.require("listing expiring consents")
    today = clock.today()
    people = SurvivorRepository(session.conn)
    found = []
    for consent in SharingRepository(session.conn).expiring(
            (today + timedelta(days=days)).isoformat(), today.isoformat()):
        survivor = people.by_id(consent.survivor_id)
        if survivor is None or survivor.status is not CaseStatus.ACTIVE:
            continue
        mine = access.owns(session, survivor)
        if mine or session.account.role is Role.SUPERVISOR:
            found.append((survivor.case_number, consent))
    return found


def release_form_pdf(session: Session, consent_id: str, language: str | None = None) -> bytes:
    """The consent as a form for the survivor to read and sign, in their language (English
    or Spanish, from their primary language) unless `language` says which."""
    consent, survivor = _visible(session, consent_id, "printing a consent form")
    access.require_case_edit(session, survivor, "printing a consent form")
    categories = sorted(consent.categories, key=list(Category).index)
    pdf = release_form(survivor.preferred_name, consent.recipient_name, categories,
                       consent.expires_on, letterhead(session), clock.today(),
                       language or reading_language(survivor.primary_language))
    session.audit("consent.release_form", survivor.case_number, **_recipient(consent))
    return pdf


def write_release_form(session: Session, consent_id: str, out: Path) -> None:
    """Write the release form to a file (it names only the preferred name and recipient)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, release_form_pdf(session, consent_id))


@dataclass(frozen=True, slots=True)
class Referral:
    """A survivor who may be referred to an employer today: what their consent allows."""

    case_number: str
    preferred_name: str
    employer: str
    categories: frozenset[Category]
    expires_on: date


def referrals(session: Session, employer: str | None = None) -> list[Referral]:
    """Active consents to employer partners, by employer (one, when named): coordinators see
    every active case's, case managers their own caseload's, supervisors all. A consent is
    listed under the name the survivor agreed to; one whose employer was renamed since is
    left out (sharing would refuse it)."""
    session.require("listing who may be referred")
    partner = find_employer(session, employer) if employer is not None else None
    today = clock.today()
    people = SurvivorRepository(session.conn)
    names = {e.id: e.name for e in EmploymentRepository(session.conn).employers()}
    found = []
    for item in SharingRepository(session.conn).employer_consents(
            partner.id if partner is not None else None):
        current = names.get(item.recipient_employer_id or "")
        if not item.active_on(today) or current is None or (
                current.casefold() != item.recipient_name.casefold()):
            continue
        survivor = people.by_id(item.survivor_id)
        if survivor is None or not _may_refer(session, survivor):
            continue
        found.append(Referral(survivor.case_number, survivor.preferred_name, current,
                              item.categories, item.expires_on))
    found.sort(key=lambda r: (r.employer.casefold(), r.case_number))
    session.audit("consent.referrals", None, employer=partner.name if partner else "all",
                  listed=len(found))
    return found


def _may_refer(session: Session, survivor: Survivor) -> bool:
    if survivor.status is not CaseStatus.ACTIVE:
        return False
    role = session.account.role
    return role in (Role.COORDINATOR, Role.SUPERVISOR) or access.owns(session, survivor)
