"""Sharing with employers: the redacted projection, the leak guard, the export log.

An export carries the catalog's shareable fields ∩ the export's profile ∩ the categories of
an active consent for that recipient, and nothing else. The produced PDF is read back and
refused if any withheld value shows up; only then is it written, logged and audited.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Collection
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.catalog import SHAREABLE, Category, spec
from casetracker.domain.consent import EXPORT_PROFILES, Consent, ExportKind, ExportRecord
from casetracker.domain.eligibility import i9_readiness
from casetracker.domain.employment import (
    WORKSHOP_LABELS,
    Employer,
    Position,
    Stage,
)
from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.notes import Task
from casetracker.domain.plans import GoalDomain, GoalStatus
from casetracker.domain.survivors import Survivor, Transport, reading_language
from casetracker.domain.validation import ValidationError
from casetracker.export import leak_guard
from casetracker.export.documents import LetterContext, PlanGoal, employer_profile
from casetracker.export.documents import referral_letter as render_letter
from casetracker.export.documents import survivor_plan as render_plan
from casetracker.export.leak_guard import Kind, Withheld
from casetracker.export.letter_words import lower_first, upper_first
from casetracker.export.pdf_common import long_date
from casetracker.export.projection import Item, Letterhead, Projection
from casetracker.security.atomic import atomic_write
from casetracker.services import access
from casetracker.services.employers import find_employer, find_position, positions
from casetracker.services.session import Session
from casetracker.services.sharing_support import letterhead, usable_letter_template
from casetracker.storage.employment_repo import ClearanceRepository, EmploymentRepository
from casetracker.storage.records_repo import DocumentRepository, NoteRepository, PlanRepository
from casetracker.storage.reports_repo import ReviewRepository
from casetracker.storage.sharing_repo import SharingRepository
from casetracker.storage.staff_repo import StaffNameRepository
from casetracker.storage.survivors_repo import SurvivorRepository


class ConsentRequiredError(CaseTrackerError):
    """No active consent covers this recipient."""


# Clauses that follow the person's name in a letter, so no pronoun ("has a vehicle").
TRANSPORT_WORDS = {Transport.PUBLIC_TRANSIT: "travels by public transit",
                   Transport.OWN_VEHICLE: "has a vehicle",
                   Transport.WALK_OR_BIKE: "walks or bikes", Transport.NEEDS_RIDE: "needs a ride",
                   Transport.UNKNOWN: ""}

HISTORY_WORDS = {Stage.INTERNSHIP: "an internship", Stage.APPRENTICESHIP: "an apprenticeship",
                 Stage.PLACED: "a job"}


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
    position: str = ""  # the position a letter is for (its title), or none in particular

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()


def active_consent(session: Session, survivor: Survivor, employer: Employer,
                   day: date) -> Consent:
    """The consent that covers this employer today. Several active ones share only the
    categories they all allow; a consent follows the name the survivor agreed to, so an
    employer renamed since then is not covered."""
    matching = [c for c in SharingRepository(session.conn).consents(survivor.id)
                if c.recipient_employer_id == employer.id and c.active_on(day)]
    if not matching:
        raise ConsentRequiredError(
            "nothing was shared: there is no active consent from this survivor for this "
            "employer (it may be missing, expired or revoked); record one on the Consent tab "
            "first")
    if any(c.recipient_name.casefold() != employer.name.casefold() for c in matching):
        raise ConsentRequiredError(
            f"nothing was shared: the survivor agreed to share with "
            f"{matching[0].recipient_name}, and this employer is now called {employer.name}; "
            "ask the survivor again")
    newest = max(matching, key=lambda c: (c.signed_on, c.created_at))
    categories = frozenset.intersection(*(c.categories for c in matching))
    return replace(newest, categories=categories)


def _candidates(session: Session, survivor: Survivor, today: date) -> list[Item]:
    """Every value sharing could ever draw on, each named by its catalog field."""
    employment = EmploymentRepository(session.conn)
    topics = sorted(employment.completed_topics(survivor.id), key=list(WORKSHOP_LABELS).index)
    workshops = tuple(lower_first(WORKSHOP_LABELS[t]) for t in topics)
    a = survivor.availability
    start = a.earliest_start
    availability = "; ".join(p for p in [
        f"{a.hours_per_week} hours a week" if a.hours_per_week else "",
        ("can start now" if start <= today else f"can start {long_date(start)}")
        if start else "", TRANSPORT_WORDS[a.transport]] if p)
    clauses = tuple(p for p in [
        f"is available {a.hours_per_week} hours a week" if a.hours_per_week else "",
        ("can start now" if start <= today else f"can start on {long_date(start)}")
        if start else "", TRANSPORT_WORDS[a.transport]] if p)
    goals = tuple(g.specific for g in PlanRepository(session.conn).goals(survivor.id)
                  if g.domain is GoalDomain.EMPLOYMENT and g.status is not GoalStatus.DROPPED)
    names = {e.id: e.name for e in employment.employers()}
    steps = [s for s in employment.steps(survivor.id)
             if s.stage in HISTORY_WORDS]
    # "a job", not the stage's label: "Placed" glued to a name would read as an address's
    # "Place" to the leak guard, and refuse an honest letter.
    history_parts = tuple(
        f"{HISTORY_WORDS[s.stage]} with {names.get(s.employer_id or '', 'an employer')} "
        f"({s.on.year})" for s in steps)
    history = [upper_first(p.split(" ", 1)[1]) for p in history_parts]
    ready = i9_readiness(DocumentRepository(session.conn).documents(survivor.id), today).ready
    return [
        Item("survivor.preferred_name", Category.ALIAS, "Preferred name",
             survivor.preferred_name),
        Item("survivor.skills", Category.READINESS, "Skills and certifications",
             ", ".join(survivor.skills), tuple(survivor.skills)),
        Item("workshops.completed", Category.READINESS, "Workshops completed",
             ", ".join(workshops), workshops),
        Item("survivor.availability", Category.AVAILABILITY, "Availability", availability,
             clauses),
        Item("goal.specific", Category.EMPLOYMENT_GOALS, "Employment goals", "; ".join(goals),
             goals),
        Item("placement.history", Category.WORK_HISTORY, "Work through the program",
             "; ".join(history), history_parts),
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


def withheld_values(session: Session, survivor: Survivor, projection: Projection,
                    candidates: list[Item]) -> list[Withheld]:
    """Everything about the survivor that the document must not show, by kind."""
    dob = survivor.date_of_birth
    dates = [] if dob is None else [
        dob.isoformat(), dob.strftime("%m/%d/%Y"), dob.strftime("%m/%d/%y"),
        dob.strftime("%d.%m.%Y"), dob.strftime("%d/%m/%Y"),
        dob.strftime("%B %d %Y"), dob.strftime("%d %B %Y"), dob.strftime("%b %d %Y")]
    items = [
        Withheld("legal_first_name", Kind.IDENTITY, (survivor.legal_first_name,)),
        Withheld("legal_last_name", Kind.IDENTITY, (survivor.legal_last_name,)),
        Withheld("address", Kind.IDENTITY, tuple(survivor.address.replace(",", "\n")
                                                 .splitlines())),
        Withheld("date_of_birth", Kind.EXACT, tuple(dates)),
        Withheld("phone", Kind.EXACT, (survivor.phone,)),
        Withheld("email", Kind.EXACT, (survivor.email,)),
        Withheld("case_number", Kind.EXACT, (survivor.case_number,)),
        Withheld("referral_source", Kind.EXACT, (survivor.referral_source,)),
        Withheld("safe_contact", Kind.EXACT, (survivor.safe_contact.safe_times,)),
    ]
    details = SurvivorRepository(session.conn).sensitive(survivor.id)
    for name in ("history_notes", "criminal_record_notes", "immigration_status",
                 "health_notes", "safety_plan"):
        items.append(Withheld(name, Kind.SENSITIVE, (getattr(details, name),)))
    items.append(_clearance_reasons(session, survivor))
    labels = [details.trafficking_type.value.replace("_", " "),
              details.vacatur_status.value.replace("_", " ")]
    items.append(Withheld("sensitive_status", Kind.EXACT, tuple(
        f"{word} trafficking" for word in labels[:1] if word) + tuple(
        f"vacatur {word}" for word in labels[1:] if word)))
    notes_repo, plans_repo = NoteRepository(session.conn), PlanRepository(session.conn)
    case_text = {
        "case_notes": [n.text for n in notes_repo.notes(survivor.id)],
        "tasks": [t.title for t in notes_repo.tasks(survivor.id)],
        "document_details": [
            text for d in DocumentRepository(session.conn).documents(survivor.id)
            for text in (d.issuer, d.original_location, d.notes) if text],
        "barriers": [b.description for b in SurvivorRepository(session.conn).barriers(
            survivor.id) if b.description],
    }
    goals = plans_repo.goals(survivor.id)
    case_text["goals"] = [text for g in goals for text in (
        [g.measurable, g.achievable, g.relevant, *(m.description for m in g.milestones)]
        + ([] if g.domain is GoalDomain.EMPLOYMENT else [g.specific]))]
    case_text["check_ins"] = [c.note for g in goals for c in plans_repo.checkins(g.id)]
    included = set(projection.keys())
    for item in candidates:  # values whose category the consent leaves out
        if item.key not in included and item.text.strip():
            case_text[item.key.replace(".", "_")] = [item.text]
    items += [Withheld(name, Kind.CASE_TEXT, tuple(values)) for name, values in
              case_text.items()]
    return [Withheld(i.field, i.kind, tuple(v for v in i.values if v and v.strip()))
            for i in items]


def _clearance_reasons(session: Session, survivor: Survivor) -> Withheld:
    """Why the case manager cleared the survivor for a restricted employer, or did not: as
    sensitive as the record it weighs."""
    return Withheld("clearance_reason", Kind.SENSITIVE, tuple(
        c.reason for c in ClearanceRepository(session.conn).of_survivor(survivor.id)))


def _require_sharer(session: Session, survivor: Survivor, action: str) -> None:
    """The survivor's case manager, or a coordinator (who works with the employers)."""
    session.require(action)
    if session.account.role is Role.COORDINATOR and survivor.status.value == "active":
        return
    access.require_case_edit(session, survivor, action)


REVIEW_TASK = "Review what this survivor's profile shares with employers (a letter was refused)"


def _ask_for_review(session: Session, survivor: Survivor) -> None:
    """A coordinator's export was refused for a withheld value in the shared profile: the
    case manager gets one open task to fix it (its title names no value)."""
    if survivor.assigned_to is None:
        return
    repo = NoteRepository(session.conn)
    if any(t.title == REVIEW_TASK and not t.done for t in repo.tasks(survivor.id)):
        return
    task = Task(str(uuid.uuid4()), survivor.id, REVIEW_TASK, clock.today(),
                survivor.assigned_to, created_by=session.account.name,
                created_at=clock.now_iso())
    with session.changing():
        repo.save_task(task)
        session.audit("task.add", survivor.case_number, assignee=survivor.assigned_to,
                      reason="export refused")


def _position_title(session: Session, employer: Employer, position_id: str | None) -> str:
    if not position_id:
        return ""
    position = find_position(session, position_id)
    if position.employer_id != employer.id:
        raise ValidationError({"position": f"is not a position with {employer.name}"})
    return position.title


def _render(kind: ExportKind, projection: Projection, head: Letterhead, today: date,
            context: LetterContext, template: str) -> bytes:
    if kind is ExportKind.EMPLOYER_PROFILE:
        return employer_profile(projection, head, today)
    return render_letter(projection, head, context, template)


def _prepare(session: Session, kind: ExportKind, case_number: str, employer_name: str,
             position_id: str | None = None) -> PreparedExport:
    survivor = access.find(session, case_number)
    _require_sharer(session, survivor, {ExportKind.EMPLOYER_PROFILE: "preparing an employer "
                                        "profile", ExportKind.REFERRAL_LETTER:
                                        "preparing a referral letter"}[kind])
    employer = find_employer(session, employer_name)
    position = _position_title(session, employer, position_id)
    template = (usable_letter_template(session) if kind is ExportKind.REFERRAL_LETTER
                else "")
    today = clock.today()
    try:
        consent = active_consent(session, survivor, employer, today)
    except ConsentRequiredError:
        session.audit("export.refused", survivor.case_number, kind=kind.value,
                      recipient=employer.name, reason="no active consent")
        raise
    candidates = _candidates(session, survivor, today)
    projection = project(candidates, EXPORT_PROFILES[kind] & consent.categories,
                         employer.name, consent)
    head = letterhead(session)
    withheld = withheld_values(session, survivor, projection, candidates)
    context = LetterContext(employer.name, employer.contact_name, position, today)
    # The same document with nothing shared: the frame that the survivor's record does not
    # decide (template, employer, position, letterhead, the renderer's own words).
    bare = replace(projection, items=())
    frame = " ".join([leak_guard.pdf_text(_render(kind, bare, head, today, context, template)),
                      employer.name, employer.contact_name, position, template,
                      head.organisation, head.address, head.phone, head.signer,
                      head.signer_title])
    preferred = projection.value("survivor.preferred_name")
    # Coordinators do not see the record behind a refusal: the message names no field.
    reveal = session.account.role is not Role.COORDINATOR
    try:
        leak_guard.check_shared([(i.label, text) for i in projection.items
                                 for text in (i.text, *i.parts)], withheld,
                                preferred_name=preferred, reveal=reveal)
        pdf = _render(kind, projection, head, today, context, template)
        leak_guard.check(pdf, withheld, preferred_name=preferred, frame=frame,
                         shared=" ".join(text for i in projection.items
                                         for text in (i.text, *i.parts)), reveal=reveal)
    except leak_guard.LeakError as exc:
        session.audit("export.blocked", survivor.case_number, kind=kind.value,
                      recipient=employer.name, field=exc.field, shared=exc.shared)
        if not reveal:
            _ask_for_review(session, survivor)
        raise
    reasons = tuple((i.label, f"{i.category.value}: consented on "
                     f"{consent.signed_on.isoformat()}, until {consent.expires_on.isoformat()}")
                    for i in projection.items)
    return PreparedExport(kind.value, survivor.id, survivor.case_number, employer.name,
                          consent, projection.keys(), reasons, pdf, position)


def open_positions(session: Session, employer_name: str) -> list[Position]:
    """The employer's open positions, which a referral letter may name."""
    employer = find_employer(session, employer_name)
    return [p for p in positions(session, open_only=True) if p.employer_id == employer.id]


def prepare_employer_profile(session: Session, case_number: str,
                             employer: str) -> PreparedExport:
    return _prepare(session, ExportKind.EMPLOYER_PROFILE, case_number, employer)


def prepare_referral_letter(session: Session, case_number: str, employer: str,
                            position_id: str | None = None) -> PreparedExport:
    """A referral letter for one of the employer's positions (by id), or for no position in
    particular: a position's title comes from the employer's positions, never typed."""
    return _prepare(session, ExportKind.REFERRAL_LETTER, case_number, employer, position_id)


def save(session: Session, prepared: PreparedExport, out: Path) -> str:
    """Log and audit the checked PDF, then write it atomically; return its SHA-256.

    The log comes first, so no file is ever written that the export log does not list; if the
    write fails, the failure is audited, nothing is left at `out`, and the error is raised.

    The release it was prepared under is read again first: one revoked (an oral revocation
    counts at once) or ended since the document was prepared lets nothing be saved."""
    _still_covered(session, prepared)
    record = ExportRecord(str(uuid.uuid4()), clock.now_iso(), session.account.name,
                          prepared.survivor_id, prepared.kind, prepared.recipient,
                          prepared.fields, prepared.sha256,
                          prepared.consent.id if prepared.consent else None)
    with session.changing():
        SharingRepository(session.conn).log_export(record)
        session.audit("export." + prepared.kind, prepared.case_number,
                      recipient=prepared.recipient, fields=list(prepared.fields),
                      sha256=prepared.sha256,
                      **({"position": prepared.position} if prepared.position else {}))
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write(out, prepared.pdf)
    except OSError as exc:
        with session.changing():
            session.audit("export.write_failed", prepared.case_number, sha256=prepared.sha256,
                          error=type(exc).__name__)
        raise
    return prepared.sha256


def _still_covered(session: Session, prepared: PreparedExport) -> None:
    if prepared.consent is None:
        return
    repo = SharingRepository(session.conn)
    today = clock.today()
    current = repo.consent(prepared.consent.id)
    if current is None or not current.active_on(today):
        with session.changing():
            session.audit("export.refused", prepared.case_number, kind=prepared.kind,
                          recipient=prepared.recipient, reason="release revoked or ended")
        raise ConsentRequiredError(
            "nothing was shared: the release this was prepared under has been revoked or has "
            "ended since; prepare it again if another release allows it")
    # Another release for the same recipient recorded since may allow less.
    allowed = frozenset.intersection(*(
        c.categories for c in repo.consents(prepared.survivor_id)
        if c.recipient_employer_id == current.recipient_employer_id and c.active_on(today)))
    if any(spec(field).category not in allowed for field in prepared.fields):
        with session.changing():
            session.audit("export.refused", prepared.case_number, kind=prepared.kind,
                          recipient=prepared.recipient, reason="release narrowed")
        raise ConsentRequiredError(
            "nothing was shared: the survivor's releases for this recipient allow less than "
            "when this was prepared; prepare it again")


def export_log(session: Session, case_number: str | None = None) -> list[ExportRecord]:
    """Every export and letter (supervisors), or one survivor's (their staff)."""
    if case_number is None:
        session.require("reading the export log", Role.SUPERVISOR)
        return SharingRepository(session.conn).exports()
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading the export log")
    return SharingRepository(session.conn).exports(survivor.id)


# Goals in these domains are worded for staff and may carry history ("File a vacatur petition
# for the prostitution charge"): they stay off the paper a survivor carries unless chosen.
PLAN_LEFT_OUT = frozenset({GoalDomain.LEGAL, GoalDomain.HEALTH})


def plan_withheld(session: Session, survivor: Survivor) -> list[Withheld]:
    """What the survivor's own plan must never show: the sensitive details and what
    supervisors wrote in case reviews (whose actions are also staff tasks)."""
    details = SurvivorRepository(session.conn).sensitive(survivor.id)
    items = [Withheld(name, Kind.SENSITIVE, (getattr(details, name),))
             for name in ("history_notes", "criminal_record_notes", "immigration_status",
                          "health_notes", "safety_plan")]
    items.append(_clearance_reasons(session, survivor))
    for review in ReviewRepository(session.conn).reviews(survivor.id):
        items.append(Withheld("case_review", Kind.SENSITIVE,
                              (review[2], *(review[5] or "").split("\n"))))
    return [Withheld(i.field, i.kind, tuple(v for v in i.values if v and v.strip()))
            for i in items]


@dataclass(frozen=True, slots=True)
class PlanItem:
    """Something the case manager may put on the survivor's plan: an open goal, one of its
    steps (`goal_id` names the goal), or a task marked for the survivor. `shareable` says
    whether it is ticked to begin with: never for a goal in `PLAN_LEFT_OUT` or its steps."""

    kind: str  # "goal", "step" or "task"
    id: str
    text: str  # the staff wording
    survivor_wording: str
    due: date
    done: bool = False
    domain: GoalDomain | None = None
    goal_id: str | None = None

    @property
    def shareable(self) -> bool:
        return self.domain not in PLAN_LEFT_OUT


def plan_items(session: Session, case_number: str) -> list[PlanItem]:
    """What the survivor's plan may hold, for the case manager to choose from: each open goal
    followed by its steps, then the tasks marked for the survivor (staff tasks never)."""
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "printing a survivor's plan")
    return _plan_items(session, survivor)


def _plan_items(session: Session, survivor: Survivor) -> list[PlanItem]:
    items: list[PlanItem] = []
    for g in PlanRepository(session.conn).goals(survivor.id):
        if g.status is not GoalStatus.OPEN:
            continue
        items.append(PlanItem("goal", g.id, g.specific, g.survivor_wording, g.target_date,
                              domain=g.domain))
        items += [PlanItem("step", m.id, m.description, m.survivor_wording, m.due_date,
                           m.done, g.domain, g.id) for m in g.milestones]
    items += [PlanItem("task", t.id, t.title, "", t.due_date)
              for t in NoteRepository(session.conn).tasks(survivor.id)
              if t.for_survivor and not t.done]
    return items


def default_plan_choice(items: list[PlanItem]) -> frozenset[str]:
    """What is ticked before the case manager chooses: every goal outside the legal and
    health domains with its steps, and every task marked for the survivor."""
    return frozenset(i.id for i in items if i.shareable)


def _case_manager_name(session: Session, survivor: Survivor) -> str:
    """The case manager as the survivor knows them: their display name, never a login name
    (empty when none is set, and the plan then says "your case manager")."""
    account = survivor.assigned_to or session.account.name
    named = StaffNameRepository(session.conn).get(account)
    return named.display_name.strip() if named is not None else ""


def prepare_plan(session: Session, case_number: str, language: str | None = None,
                 chosen: Collection[str] | None = None) -> PreparedExport:
    """The survivor's own plan, in English or Spanish: a projection like any export.

    It holds what the case manager chose (`chosen`: ids from `plan_items`; a step goes on only
    with its goal), by default `default_plan_choice`: the open goals outside `PLAN_LEFT_OUT`,
    their steps and the tasks marked for the survivor. Never a staff task, review text or a
    sensitive detail: the leak guard checks it before anyone sees it, whatever was chosen.
    Without `language`, it is in the survivor's own (Spanish for a Spanish speaker); a goal or
    step prints in the survivor's wording when it has one and the plan is in the survivor's
    language."""
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "printing a survivor's plan")
    today = clock.today()
    items = _plan_items(session, survivor)
    picked = default_plan_choice(items) if chosen is None else frozenset(chosen)
    unknown = picked - {i.id for i in items}
    if unknown:
        raise ValidationError({"chosen": "holds something that is not an open goal, one of "
                                         "its steps or a task for the survivor"})
    own_language = reading_language(survivor.primary_language)
    language = language or own_language

    def words(item: PlanItem) -> str:
        return (item.survivor_wording if item.survivor_wording and language == own_language
                else item.text)

    goals = [i for i in items if i.kind == "goal" and i.id in picked]
    steps_of = {g.id: [i for i in items if i.kind == "step" and i.goal_id == g.id
                       and i.id in picked] for g in goals}
    tasks = [i for i in items if i.kind == "task" and i.id in picked]
    plan_goals = [PlanGoal(words(g), g.due, [(words(m), m.due, m.done) for m in steps_of[g.id]])
                  for g in goals]
    # Next steps: the chosen goals' open steps and the chosen tasks for the survivor.
    upcoming = sorted([(words(m), m.due) for g in goals for m in steps_of[g.id] if not m.done]
                      + [(t.text, t.due) for t in tasks], key=lambda pair: pair[1])[:8]
    shared = [("goal", words(g)) for g in goals] + [
        ("step", words(m)) for g in goals for m in steps_of[g.id]] + [
        ("task", t.text) for t in tasks]
    try:
        leak_guard.check_shared(shared, plan_withheld(session, survivor),
                                preferred_name=survivor.preferred_name)
    except leak_guard.LeakError as exc:
        session.audit("export.blocked", survivor.case_number, kind="survivor_plan",
                      field=exc.field, shared=exc.shared)
        raise
    pdf = render_plan(survivor.preferred_name, plan_goals, upcoming,
                      _case_manager_name(session, survivor), letterhead(session), today,
                      language)
    reworded = [bool(i.survivor_wording) and words(i) == i.survivor_wording
                for i in (*goals, *(m for g in goals for m in steps_of[g.id]))]
    fields = tuple(name for name, used in (
        ("goal.specific", any(not r for r, i in zip(reworded, goals, strict=False))),
        ("goal.survivor_wording", any(reworded[:len(goals)])),
        ("milestone.description", any(not r for r in reworded[len(goals):])),
        ("milestone.survivor_wording", any(reworded[len(goals):])),
        ("task.title", bool(tasks))) if used)
    return PreparedExport("survivor_plan", survivor.id, survivor.case_number, "the survivor",
                          None, fields, (), pdf)
