"""Sharing with employers: the redacted projection, the leak guard, the export log.

An export carries the catalog's shareable fields ∩ the export's profile ∩ the categories of
an active consent for that recipient, and nothing else. The produced PDF is read back and
refused if any withheld value shows up; only then is it written, logged and audited.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, fields
from datetime import date
from pathlib import Path

from casetracker.domain.accounts import Role
from casetracker.domain.catalog import SHAREABLE, Category, spec
from casetracker.domain.consent import EXPORT_PROFILES, Consent, ExportKind, ExportRecord
from casetracker.domain.eligibility import i9_readiness
from casetracker.domain.employment import STAGE_LABELS, WORKSHOP_LABELS, Stage
from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.plans import GoalDomain, GoalStatus
from casetracker.domain.survivors import Survivor, Transport
from casetracker.export import leak_guard
from casetracker.export.documents import LetterContext, PlanGoal, employer_profile
from casetracker.export.documents import referral_letter as render_letter
from casetracker.export.documents import survivor_plan as render_plan
from casetracker.export.projection import Item, Projection
from casetracker.security.atomic import atomic_write
from casetracker.services import access
from casetracker.services.employers import find_employer
from casetracker.services.session import Session, utc_now
from casetracker.services.sharing_support import letter_template, letterhead
from casetracker.storage.employment_repo import EmploymentRepository
from casetracker.storage.records_repo import DocumentRepository, NoteRepository, PlanRepository
from casetracker.storage.sharing_repo import SharingRepository
from casetracker.storage.survivors_repo import SurvivorRepository


class ConsentRequiredError(CaseTrackerError):
    """No active consent covers this recipient."""


# Looked for whole: a date's month or year, or a phone's area code, means nothing alone.
WHOLE_ONLY = frozenset({"date_of_birth", "phone", "email", "case_number", "referral_source",
                        "pronouns", "safe_contact"})
TRANSPORT_WORDS = {Transport.PUBLIC_TRANSIT: "travels by public transit",
                   Transport.OWN_VEHICLE: "has their own vehicle",
                   Transport.WALK_OR_BIKE: "walks or bikes", Transport.NEEDS_RIDE: "needs a ride",
                   Transport.UNKNOWN: ""}


@dataclass(frozen=True, slots=True)
class PreparedExport:
    """A checked document, ready to save: what it is, for whom, and which fields it holds."""

    kind: str
    survivor_id: str
    case_number: str
    recipient: str
    consent: Consent | None
    fields: tuple[str, ...]
    reasons: tuple[tuple[str, str], ...]  # (field label, why it is included)
    pdf: bytes

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def active_consent(session: Session, survivor: Survivor, employer_id: str,
                   day: date) -> Consent:
    for consent in SharingRepository(session.conn).consents(survivor.id):
        if consent.recipient_employer_id == employer_id and consent.active_on(day):
            return consent
    raise ConsentRequiredError(
        "nothing was shared: there is no active consent from this survivor for this employer "
        "(it may be missing, expired or revoked); record one on the Consent tab first")


def _candidates(session: Session, survivor: Survivor, today: date) -> list[Item]:
    """Every value sharing could ever draw on, each named by its catalog field."""
    employment = EmploymentRepository(session.conn)
    topics = sorted(employment.completed_topics(survivor.id), key=list(WORKSHOP_LABELS).index)
    a = survivor.availability
    availability = "; ".join(p for p in [
        f"{a.hours_per_week} hours a week" if a.hours_per_week else "",
        f"can start {a.earliest_start.strftime('%B %d, %Y').replace(' 0', ' ')}"
        if a.earliest_start else "", TRANSPORT_WORDS[a.transport]] if p)
    goals = [g.specific for g in PlanRepository(session.conn).goals(survivor.id)
             if g.domain is GoalDomain.EMPLOYMENT and g.status is not GoalStatus.DROPPED]
    names = {e.id: e.name for e in employment.employers()}
    history = [f"{STAGE_LABELS[s.stage]} with {names.get(s.employer_id or '', 'an employer')}"
               f" ({s.on.year})" for s in employment.steps(survivor.id)
               if s.stage in {Stage.INTERNSHIP, Stage.PLACED}]
    ready = i9_readiness(DocumentRepository(session.conn).documents(survivor.id), today).ready
    return [
        Item("survivor.preferred_name", Category.ALIAS, "Preferred name",
             survivor.preferred_name),
        Item("survivor.skills", Category.READINESS, "Skills and certifications",
             ", ".join(survivor.skills)),
        Item("workshops.completed", Category.READINESS, "Workshops completed",
             ", ".join(WORKSHOP_LABELS[t].lower() for t in topics)),
        Item("survivor.availability", Category.AVAILABILITY, "Availability", availability),
        Item("goal.specific", Category.EMPLOYMENT_GOALS, "Employment goals", "; ".join(goals)),
        Item("placement.history", Category.WORK_HISTORY, "Work through the program",
             "; ".join(history)),
        Item("survivor.accommodations", Category.ACCOMMODATIONS, "Supports at work",
             survivor.accommodations),
        Item("document.ready_for_i9", Category.WORK_ELIGIBILITY, "Documents ready for I-9",
             "Yes" if ready else "No"),
    ]


def project(candidates: list[Item], allowed: frozenset[Category], recipient: str,
            consent: Consent) -> Projection:
    """Keep an item only if the catalog declares its field, with the same category, and the
    category is shareable and allowed; a field missing from the catalog never leaves."""
    kept = []
    for item in candidates:
        try:
            declared = spec(item.key).category
        except KeyError:
            continue
        if declared is item.category and declared in SHAREABLE & allowed and item.text.strip():
            kept.append(item)
    return Projection(recipient, consent.signed_on, consent.expires_on, tuple(kept))


def withheld_values(session: Session, survivor: Survivor,
                    projection: Projection, candidates: list[Item]) -> dict[str, list[str]]:
    """Everything about the survivor that the document must not show."""
    values: dict[str, list[str]] = {}
    shareable = {f"survivor.{i.key.split('.', 1)[1]}" for i in projection.items}
    for f in fields(Survivor):
        key = f"survivor.{f.name}"
        if key in shareable or f.name in {"id", "status", "created_at", "updated_at",
                                          "assigned_to", "primary_language", "intake_date"}:
            continue
        raw = getattr(survivor, f.name)
        if f.name == "date_of_birth" and raw is not None:
            values[f.name] = [raw.isoformat(), raw.strftime("%m/%d/%Y"),
                              raw.strftime("%B %d, %Y").replace(" 0", " ")]
        elif f.name == "safe_contact":
            values[f.name] = [raw.safe_times]
        elif isinstance(raw, str):
            values[f.name] = [raw]
    details = SurvivorRepository(session.conn).sensitive(survivor.id)
    for name in ("history_notes", "criminal_record_notes", "immigration_status",
                 "health_notes", "safety_plan"):
        values[name] = [getattr(details, name)]
    values["case_notes"] = [n.text for n in NoteRepository(session.conn).notes(survivor.id)]
    values["document_details"] = [
        text for d in DocumentRepository(session.conn).documents(survivor.id)
        for text in (d.issuer, d.original_location, d.notes) if text]
    values["barriers"] = [b.description for b in
                          SurvivorRepository(session.conn).barriers(survivor.id) if b.description]
    included = set(projection.keys())
    for item in candidates:  # values whose category the consent leaves out
        if item.key not in included and item.text.strip():
            values[item.key.replace(".", "_")] = [item.text]
    return {k: [v for v in vs if v and v.strip()] for k, vs in values.items()}


def _require_sharer(session: Session, survivor: Survivor, action: str) -> None:
    """The survivor's case manager, or a coordinator (who works with the employers)."""
    session.require(action)
    if session.account.role is Role.COORDINATOR and survivor.status.value == "active":
        return
    access.require_case_edit(session, survivor, action)


def _prepare(session: Session, kind: ExportKind, case_number: str, employer_name: str,
             position: str = "") -> PreparedExport:
    survivor = access.find(session, case_number)
    _require_sharer(session, survivor, f"preparing a {kind.value.replace('_', ' ')}")
    employer = find_employer(session, employer_name)
    today = access.today()
    try:
        consent = active_consent(session, survivor, employer.id, today)
    except ConsentRequiredError:
        session.audit("export.refused", survivor.case_number, kind=kind.value,
                      recipient=employer.name, reason="no active consent")
        raise
    candidates = _candidates(session, survivor, today)
    projection = project(candidates, EXPORT_PROFILES[kind] & consent.categories,
                         employer.name, consent)
    head = letterhead(session)
    if kind is ExportKind.EMPLOYER_PROFILE:
        pdf = employer_profile(projection, head, today)
    else:
        template = letter_template(session)
        context = LetterContext(employer.name, employer.contact_name, position, today)
        pdf = render_letter(projection, head, context, template)
    allowed_text = " ".join([*(i.text for i in projection.items), employer.name,
                             employer.contact_name, head.organisation, head.address,
                             head.phone, head.signer, position])
    try:
        leak_guard.check(pdf, withheld_values(session, survivor, projection, candidates),
                         allowed_text=allowed_text, whole_only=WHOLE_ONLY)
    except leak_guard.LeakError as exc:
        session.audit("export.blocked", survivor.case_number, kind=kind.value,
                      recipient=employer.name, field=exc.field)
        raise
    reasons = tuple((i.label, f"{i.category.value}: consented on "
                     f"{consent.signed_on.isoformat()}, until {consent.expires_on.isoformat()}")
                    for i in projection.items)
    return PreparedExport(kind.value, survivor.id, survivor.case_number, employer.name,
                          consent, projection.keys(), reasons, pdf)


def prepare_employer_profile(session: Session, case_number: str,
                             employer: str) -> PreparedExport:
    return _prepare(session, ExportKind.EMPLOYER_PROFILE, case_number, employer)


def prepare_referral_letter(session: Session, case_number: str, employer: str,
                            position: str = "") -> PreparedExport:
    return _prepare(session, ExportKind.REFERRAL_LETTER, case_number, employer, position)


def save(session: Session, prepared: PreparedExport, out: Path) -> str:
    """Write the checked PDF atomically, log it and audit it; return its SHA-256."""
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, prepared.pdf)
    record = ExportRecord(str(uuid.uuid4()), utc_now(), session.account.name,
                          prepared.survivor_id, prepared.kind, prepared.recipient,
                          prepared.fields, prepared.sha256,
                          prepared.consent.id if prepared.consent else None)
    with session.changing():
        SharingRepository(session.conn).log_export(record)
        session.audit("export." + prepared.kind, prepared.case_number,
                      recipient=prepared.recipient, fields=list(prepared.fields),
                      sha256=prepared.sha256)
    return prepared.sha256


def export_log(session: Session, case_number: str | None = None) -> list[ExportRecord]:
    """Every export and letter (supervisors), or one survivor's (their staff)."""
    if case_number is None:
        session.require("reading the export log", Role.SUPERVISOR)
        return SharingRepository(session.conn).exports()
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading the export log")
    return SharingRepository(session.conn).exports(survivor.id)


def prepare_plan(session: Session, case_number: str, language: str = "en") -> PreparedExport:
    """The survivor's own plan: goals, milestones, next steps, in English or Spanish."""
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "printing a survivor's plan")
    today = access.today()
    goals = [g for g in PlanRepository(session.conn).goals(survivor.id)
             if g.status is GoalStatus.OPEN]
    plan_goals = [PlanGoal(g.specific, g.target_date,
                           [(m.description, m.due_date, m.done) for m in g.milestones])
                  for g in goals]
    upcoming = sorted(((t.title, t.due_date) for t in
                       NoteRepository(session.conn).tasks(survivor.id) if not t.done),
                      key=lambda pair: pair[1])[:6]
    pdf = render_plan(survivor.preferred_name, plan_goals, upcoming,
                      survivor.assigned_to or session.account.name, letterhead(session), today,
                      "es" if language == "es" else "en")
    return PreparedExport("survivor_plan", survivor.id, survivor.case_number, "the survivor",
                          None, ("goal.specific", "milestone.description", "task.title"), (),
                          pdf)
