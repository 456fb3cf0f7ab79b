"""Survivor records: intake, profile changes, the caseload, assignment, closing a case."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from dataclasses import fields, is_dataclass, replace
from typing import Any

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.caseload import CaseloadRow
from casetracker.domain.documents import STANDARD_CHECKLIST, Document
from casetracker.domain.eligibility import i9_readiness
from casetracker.domain.errors import AlreadyExistsError, NotFoundError, UsageError
from casetracker.domain.plans import GoalDomain, GoalStatus
from casetracker.domain.profiles import EmploymentProfile, allowed_values, employment_profile
from casetracker.domain.survivors import (
    CaseStatus,
    Gender,
    SensitiveDetails,
    Survivor,
    validate_survivor,
)
from casetracker.domain.validation import ValidationError
from casetracker.services import access, duplicates, retention
from casetracker.services.session import Session
from casetracker.services.settings import readiness_track
from casetracker.storage.records_repo import DocumentRepository, PlanRepository
from casetracker.storage.repositories import AuditRepository, UserRepository
from casetracker.storage.survivors_repo import SurvivorRepository

_NOT_EDITABLE = {"id", "created_at", "updated_at", "assigned_to", "status"}
# The profile fields `update_survivor` changes (assignment, status: `assign`, `set_status`).
EDITABLE_FIELDS = frozenset(f.name for f in fields(Survivor)) - _NOT_EDITABLE


def draft(case_number: str = "", preferred_name: str = "", **values: Any) -> Survivor:
    """A new, unsaved survivor; `intake_date` defaults to today."""
    values.setdefault("intake_date", clock.today())
    return Survivor(id=str(uuid.uuid4()), case_number=case_number,
                    preferred_name=preferred_name, **values)


def next_case_number(session: Session) -> str:
    """The number after the highest of this year's CT-YYYY-NNNN, as wide as the widest
    number already given (CT-2026-00007 after CT-2026-00006), four digits at least. Numbers
    of purged cases are not given again: the audit trail still names them."""
    year = clock.today().year
    pattern = re.compile(r"ct-(\d{4})-(\d+)")
    width, highest = 4, 0
    for taken in SurvivorRepository(session.conn).case_numbers():
        match = pattern.fullmatch(taken)
        if match:
            width = max(width, len(match.group(2)))
            if int(match.group(1)) == year:
                highest = max(highest, int(match.group(2)))
    purged = {(entry.subject or "").casefold() for entry in AuditRepository(session.conn).search(
        action="survivor.purge", limit=1_000_000)}
    number = highest + 1
    while f"ct-{year}-{number:0{width}d}" in purged:
        number += 1
    return f"CT-{year}-{number:0{width}d}"


def create_survivor(session: Session, survivor: Survivor,
                    sensitive: SensitiveDetails | None = None, *,
                    check_duplicates: bool = False,
                    not_a_duplicate: bool = False) -> Survivor:
    """Take a survivor in: into the acting case manager's caseload, with the standard
    document checklist. With `check_duplicates`, a likely duplicate raises
    `LikelyDuplicateError` and nothing is saved; `not_a_duplicate` records that the person
    saw the likely duplicates and saved anyway."""
    session.require("taking in a survivor")
    if session.account.role is not Role.CASE_MANAGER:
        session.deny("taking in a survivor", None,
                     "taking in a survivor is done by a case manager, into their own caseload")
    if survivor.assigned_to not in (None, session.account.name):
        raise UsageError("a case manager takes survivors into their own caseload")
    survivor = replace(survivor, assigned_to=session.account.name)
    found = duplicates.check_new(session, survivor) if check_duplicates else None
    if found is not None and found.found and not not_a_duplicate:
        raise duplicates.LikelyDuplicateError(found)
    with session.changing():
        created = insert(session, survivor, sensitive)
        if not_a_duplicate and (found is None or found.found):
            session.audit("survivor.not_a_duplicate", created.case_number)
        return created


def insert(session: Session, survivor: Survivor,
           sensitive: SensitiveDetails | None = None) -> Survivor:
    """Validate and store a new survivor inside the caller's transaction (intake, import)."""
    repo = SurvivorRepository(session.conn)
    if not survivor.case_number:
        survivor = replace(survivor, case_number=next_case_number(session))
    validate_survivor(survivor, clock.today())
    if repo.by_case_number(survivor.case_number) is not None:
        raise AlreadyExistsError(f"case number {survivor.case_number} is already in use")
    now = clock.now_iso()
    survivor = replace(survivor, created_at=now, updated_at=now)
    repo.add(survivor)
    if sensitive is not None:
        repo.save_sensitive(replace(sensitive, survivor_id=survivor.id, updated_at=now))
    documents = DocumentRepository(session.conn)
    for kind in STANDARD_CHECKLIST:
        documents.save(Document(str(uuid.uuid4()), survivor.id, kind, updated_at=now))
    session.audit("survivor.create", survivor.case_number)
    return survivor


def get_survivor(session: Session, case_number: str) -> Survivor:
    """The whole profile (audited as a view)."""
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "opening a survivor record")
    session.audit("survivor.view", survivor.case_number)
    return survivor


def update_survivor(session: Session, case_number: str, /, **changes: Any) -> Survivor:
    """Change profile fields; the audit names the fields changed, never their values."""
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "changing a survivor's profile")
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise UsageError(f"unknown or protected field: {', '.join(sorted(unknown))}; the "
                         f"fields are {', '.join(sorted(EDITABLE_FIELDS))}")
    if changes.get("gender", Gender.SELF_DESCRIBED) != Gender.SELF_DESCRIBED:
        changes.setdefault("gender_self_described", "")  # their own words go with the choice
    updated = replace(survivor, **changes)
    try:
        validate_survivor(updated, clock.today())
    except (TypeError, AttributeError) as exc:
        raise ValidationError({"fields": f"a value has the wrong type ({exc})"}) from None
    changed = sorted(n for n in changes if getattr(survivor, n) != getattr(updated, n))
    if not changed:
        return survivor
    repo = SurvivorRepository(session.conn)
    if "case_number" in changed:
        other = repo.by_case_number(updated.case_number)
        if other is not None and other.id != survivor.id:
            raise AlreadyExistsError(f"case number {updated.case_number} is already in use")
    updated = replace(updated, updated_at=clock.now_iso())
    with session.changing():
        repo.update(updated)
        session.audit("survivor.update", updated.case_number, fields=changed)
    return updated


def update_survivor_parts(session: Session, case_number: str, /,
                          parts: Mapping[str, Mapping[str, Any]], **changes: Any) -> Survivor:
    """`update_survivor`, with the parts of composite fields changed one by one and the rest
    of each kept (`{"availability": {"hours_per_week": 20}}` keeps the transport)."""
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "changing a survivor's profile")
    for name, values in parts.items():
        current = getattr(survivor, name, None) if name in EDITABLE_FIELDS else None
        if not is_dataclass(current):
            raise UsageError(f"{name!r} is not a field with parts")
        known = {f.name for f in fields(current)}
        if set(values) - known:
            raise UsageError(f"unknown part of {name}: {', '.join(sorted(set(values) - known))}")
        changes[name] = replace(current, **values)  # type: ignore[type-var]
    return update_survivor(session, case_number, **changes)


def set_status(session: Session, case_number: str, status: CaseStatus) -> Survivor:
    """Close or reopen a case (its case manager)."""
    survivor = access.find(session, case_number)
    action = "closing a case" if status is CaseStatus.CLOSED else "reopening a case"
    if status is CaseStatus.ACTIVE:
        # Reopening is the one change allowed on a closed case.
        survivor_for_check = replace(survivor, status=CaseStatus.ACTIVE)
        access.require_case_edit(session, survivor_for_check, action)
    else:
        access.require_case_edit(session, survivor, action)
    if survivor.status is status:
        return survivor
    updated = replace(survivor, status=status, updated_at=clock.now_iso())
    with session.changing():
        SurvivorRepository(session.conn).update(updated)
        retention.record_closure(session, updated.id, status is CaseStatus.CLOSED)
        session.audit("survivor.status", updated.case_number, status=status.value)
    return updated


def assign(session: Session, case_number: str, case_manager: str) -> Survivor:
    """Move a case to another case manager (supervisors: caseload management)."""
    session.require("assigning a case", Role.SUPERVISOR)
    survivor = access.find(session, case_number)
    account = UserRepository(session.conn).by_name(case_manager)
    if account is None or not account.active or account.role is not Role.CASE_MANAGER:
        raise NotFoundError(f"there is no active case manager named {case_manager!r}")
    updated = replace(survivor, assigned_to=account.name, updated_at=clock.now_iso())
    with session.changing():
        SurvivorRepository(session.conn).update(updated)
        session.audit("survivor.assign", survivor.case_number, to=account.name,
                      previous=survivor.assigned_to)
    return updated


def caseload(session: Session, *, status: CaseStatus | None = CaseStatus.ACTIVE,
             limit: int = 200, offset: int = 0, order_by: str = "case_number",
             descending: bool = False, ids: list[str] | None = None) -> list[CaseloadRow]:
    """A page of the caseload: a case manager's own; everyone's for supervisors and
    coordinators (coordinators see active cases only). `ids` narrows it to search hits."""
    session.require("listing the caseload")
    limit = max(1, min(limit, 100_000))
    if order_by not in SurvivorRepository.SORT_KEYS:
        raise UsageError(f"cannot sort by {order_by!r}")
    role = session.account.role
    owner = session.account.name if role is Role.CASE_MANAGER else None
    if role is Role.COORDINATOR:
        status = CaseStatus.ACTIVE
    rows = SurvivorRepository(session.conn).caseload(
        assigned_to=owner, status=status.value if status else None, limit=limit, offset=offset,
        today=clock.today(), order_by=order_by, descending=descending, ids=ids,
        track=tuple(t.value for t in readiness_track(session)))
    if offset == 0 and ids is None:
        shown = status.value if status else "all"
        # Once per filter and session: the desktop app reloads the list at each sort and
        # change; each CLI command is a session of its own, so each listing is audited.
        session.audit_once(("caseload", shown), "caseload.view", None, status=shown)
    if role is Role.COORDINATOR:
        # Milestones, contact dates and documents are case content, not the employment view.
        rows = [replace(r, next_milestone_due=None, last_contact=None, documents_outstanding=0)
                for r in rows]
    return rows


def caseload_size(session: Session, *, status: CaseStatus | None = CaseStatus.ACTIVE) -> int:
    session.require("listing the caseload")
    owner = session.account.name if session.account.role is Role.CASE_MANAGER else None
    if session.account.role is Role.COORDINATOR:
        status = CaseStatus.ACTIVE
    return SurvivorRepository(session.conn).count(assigned_to=owner,
                                                  status=status.value if status else None)


def get_employment_profile(session: Session, case_number: str) -> EmploymentProfile:
    """The employment-relevant view (coordinators, supervisors, the case's manager)."""
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "opening an employment profile")
    goals = tuple(g.specific for g in PlanRepository(session.conn).goals(survivor.id)
                  if g.domain is GoalDomain.EMPLOYMENT and g.status is GoalStatus.OPEN)
    ready = i9_readiness(DocumentRepository(session.conn).documents(survivor.id),
                         clock.today()).ready
    session.audit("survivor.view_employment", survivor.case_number)
    return employment_profile(survivor, goals, ready)


def can_edit(session: Session, survivor: Survivor) -> bool:
    """Whether the acting account may change this record (for showing or hiding controls;
    the services still check on every change)."""
    return access.owns(session, survivor) and survivor.status is CaseStatus.ACTIVE


def can_close(session: Session, survivor: Survivor) -> bool:
    """Whether the acting account may close or reopen this case (its case manager)."""
    return access.owns(session, survivor)


def by_id(session: Session, survivor_id: str) -> Survivor:
    """The profile by record id, checked and audited like `get_survivor`."""
    return get_survivor(session, access.find_by_id(session, survivor_id).case_number)


def employment_view(session: Session, case_number: str) -> Survivor:
    """The survivor with every field a coordinator may not see blanked, for screens that
    take a record (the placement tab). Not audited: callers show the employment profile."""
    survivor = access.find(session, case_number)
    access.require_employment_read(session, survivor, "opening an employment profile")
    allowed = allowed_values(survivor)
    return Survivor(id=survivor.id, case_number=survivor.case_number,
                    preferred_name=survivor.preferred_name, intake_date=survivor.intake_date,
                    **{k: v for k, v in allowed.items()
                       if k not in {"id", "case_number", "preferred_name", "intake_date"}})
