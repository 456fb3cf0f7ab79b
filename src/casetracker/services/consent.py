"""Releases of information ("consents"): recorded by the survivor's case manager, revocable at
any time, in writing or orally, with effect at once. What a release must hold and say is in
`domain/consent.py`."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.catalog import Category
from casetracker.domain.consent import (
    EXPIRY_WARNING_DAYS,
    Consent,
    ConsentMethod,
    RecipientKind,
    Revocation,
    default_expiry,
    is_minor_on,
    validate_consent,
    validate_revocation,
)
from casetracker.domain.errors import NotFoundError, PermissionDeniedError, UsageError
from casetracker.domain.notes import Task
from casetracker.domain.survivors import CaseStatus, Survivor, reading_language
from casetracker.domain.validation import ValidationError
from casetracker.export.documents import ReleaseFormValues, release_form
from casetracker.security.atomic import atomic_write
from casetracker.services import access
from casetracker.services.employers import find_employer
from casetracker.services.session import Session
from casetracker.services.sharing_support import letterhead
from casetracker.storage.employment_repo import EmploymentRepository
from casetracker.storage.records_repo import NoteRepository
from casetracker.storage.sharing_repo import SharingRepository
from casetracker.storage.survivors_repo import SurvivorRepository

__all__ = ["EXPIRY_WARNING_DAYS", "Referral", "add_consent", "consents", "expiring",
           "parse_categories", "referrals", "release_form_pdf", "remind_expiring", "revoke",
           "write_release_form"]


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
                purpose: str, expires_on: date | None = None,
                recipient_employer: str | None = None, recipient_agency: str | None = None,
                signed_on: date | None = None, method: ConsentMethod = ConsentMethod.PAPER,
                may_share_further: bool = False, guardian_name: str = "",
                guardian_signed: bool = False) -> Consent:
    """Record a release to one recipient (an employer partner or an agency). It starts on the
    day signed (today unless given) and ends on `expires_on`, or 90 days after its start.
    A survivor under 18 on that day (from their date of birth) needs a non-abusive parent or
    guardian's signature as well as their own: `guardian_name` and `guardian_signed`."""
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "recording a consent")
    if (recipient_employer is None) == (recipient_agency is None):
        raise UsageError("name either an employer partner or an agency as the recipient")
    employer = find_employer(session, recipient_employer) if recipient_employer else None
    starts = signed_on or clock.today()
    minor = is_minor_on(survivor.date_of_birth, starts)
    consent = Consent(
        str(uuid.uuid4()), survivor.id,
        RecipientKind.EMPLOYER if employer else RecipientKind.AGENCY,
        employer.name if employer else (recipient_agency or "").strip(), categories,
        starts, expires_on or default_expiry(starts), method,
        employer.id if employer else None, None, session.account.name, clock.now_iso(),
        purpose=purpose.strip(), may_share_further=may_share_further,
        guardian_name=guardian_name.strip(), guardian_signed=guardian_signed)
    validate_consent(consent, clock.today(), survivor.date_of_birth)
    repo = SharingRepository(session.conn)
    with session.changing():
        repo.save_consent(consent)
        session.audit("consent.add", survivor.case_number, **_recipient(consent),
                      categories=sorted(c.value for c in categories),
                      expires=consent.expires_on.isoformat(), method=method.value,
                      may_share_further=may_share_further, minor=minor)
        # A release renewed: the reminder to renew the one it follows is done.
        for older in repo.consents(survivor.id):
            if (older.id != consent.id and _same_recipient(older, consent)
                    and older.expires_on <= consent.expires_on):
                _close_reminder(session, survivor, older)
    return consent


def _same_recipient(a: Consent, b: Consent) -> bool:
    if a.recipient_kind is not b.recipient_kind:
        return False
    if a.recipient_kind is RecipientKind.EMPLOYER:
        return a.recipient_employer_id == b.recipient_employer_id
    return a.recipient_name.casefold() == b.recipient_name.casefold()


def _close_reminder(session: Session, survivor: Survivor, consent: Consent) -> None:
    """Mark the release's renewal task done, when it has one still open (inside the
    caller's unit of work)."""
    if consent.reminder_task_id is None:
        return
    notes = NoteRepository(session.conn)
    task = notes.task(consent.reminder_task_id)
    if task is None or task.done:
        return
    notes.save_task(replace(task, done_on=clock.today()))
    session.audit("task.done", survivor.case_number)


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


def _as_seen_by(session: Session, consent: Consent) -> Consent:
    """A coordinator sees what an employer release allows (recipient, categories, dates, how
    given, whether it may be shared further), never what the survivor wrote or said around
    it: the purpose ("so Harbor Hotel can confirm my T-visa work permit") can carry history,
    and a guardian's name tells that the survivor is a minor. Neither is shown, on every
    release alike, so an empty purpose says nothing."""
    if session.account.role is not Role.COORDINATOR:
        return consent
    return replace(consent, purpose="", guardian_name="", guardian_signed=False,
                   revoked_by=None, reminder_task_id=None)


def _shown_to(session: Session, consent: Consent) -> bool:
    """Coordinators see consents to employer partners only: a consent to an agency names a
    recipient typed into the case ("Immigration legal clinic (T-visa petition)")."""
    return (session.account.role is not Role.COORDINATOR
            or consent.recipient_kind is RecipientKind.EMPLOYER)


def revoke(session: Session, consent_id: str, on: date | None = None,
           how: Revocation = Revocation.WRITTEN) -> Consent:
    """Record that the survivor took the release back, in writing or orally, on `on` (today
    unless given; never ahead). It counts at once: from that day nothing is shared under it,
    and a document prepared under it before cannot be saved (`sharing.save` checks again)."""
    consent, survivor = _visible(session, consent_id, "revoking a consent")
    access.require_case_edit(session, survivor, "revoking a consent")
    repo = SharingRepository(session.conn)
    if consent.revoked_on is not None:
        return consent
    day = on or clock.today()
    validate_revocation(day, consent.signed_on, clock.today())
    updated = replace(consent, revoked_on=day, revoked_how=how,
                      revoked_by=session.account.name)
    with session.changing():
        repo.save_consent(updated)
        session.audit("consent.revoke", survivor.case_number, **_recipient(consent),
                      how=how.value)
        _close_reminder(session, survivor, consent)
    return updated


def consents(session: Session, case_number: str) -> list[Consent]:
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "reading consents")
    session.audit_view(survivor.case_number, "consents")
    return [_as_seen_by(session, c) for c in SharingRepository(session.conn).consents(survivor.id)
            if _shown_to(session, c)]


def expiring(session: Session, days: int = EXPIRY_WARNING_DAYS) -> list[tuple[str, Consent]]:
    """(case number, consent) of consents ending within `days`: a case manager's own.

    The dashboard's "Releases expiring in 14 days" counts the same: consents not withdrawn
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


def remind_expiring(session: Session) -> int:
    """Give the case manager a task for each release of theirs ending within two weeks (one
    task per release, made once: a task marked done is not made again), due the day it
    ends; supervisors make them for every case. The task is marked done when the release is
    revoked or renewed. Coordinators make none. Returns how many were made."""
    if session.account.role is Role.COORDINATOR:
        return 0
    made = 0
    repo, notes = SharingRepository(session.conn), NoteRepository(session.conn)
    for case_number, item in expiring(session, EXPIRY_WARNING_DAYS):
        if item.reminder_task_id is not None:
            continue
        survivor = access.find(session, case_number)
        if survivor.assigned_to is None:
            continue
        task = Task(str(uuid.uuid4()), survivor.id,
                    f"Release to {item.recipient_name} ends on {item.expires_on.isoformat()}: "
                    "ask whether to renew it", item.expires_on, survivor.assigned_to,
                    created_by=session.account.name, created_at=clock.now_iso())
        with session.changing():
            notes.save_task(task)
            repo.save_consent(replace(item, reminder_task_id=task.id))
            session.audit("task.add", survivor.case_number, assignee=survivor.assigned_to,
                          reason="release expiring")
        made += 1
    return made


def release_form_pdf(session: Session, consent_id: str, language: str | None = None) -> bytes:
    """The release as a form for the survivor to read and sign, in their language (English
    or Spanish, from their primary language, as their plan is) unless `language` says which."""
    consent, survivor = _visible(session, consent_id, "printing a consent form")
    access.require_case_edit(session, survivor, "printing a consent form")
    categories = sorted(consent.categories, key=list(Category).index)
    values = ReleaseFormValues(
        survivor.preferred_name, consent.recipient_name,
        consent.recipient_kind is RecipientKind.AGENCY, consent.purpose, categories,
        consent.signed_on, consent.expires_on, consent.method, consent.may_share_further,
        is_minor_on(survivor.date_of_birth, consent.signed_on) or bool(consent.guardian_name),
        consent.guardian_name)
    pdf = release_form(values, letterhead(session), clock.today(),
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
