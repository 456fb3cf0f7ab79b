"""Sensitive details (trafficking history, record, immigration, health, safety plan) and
barriers: read by the case's own staff only, never by coordinators, never exported."""

from __future__ import annotations

import uuid
from dataclasses import fields, replace
from datetime import date
from typing import Any

from casetracker.domain import clock
from casetracker.domain.errors import NotFoundError, UsageError
from casetracker.domain.survivors import (
    Barrier,
    BarrierKind,
    SensitiveDetails,
    TraffickingType,
    VacaturStatus,
)
from casetracker.domain.validation import Checker, ValidationError
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.survivors_repo import SurvivorRepository

_TEXT_LIMIT = 20_000


def get_sensitive(session: Session, case_number: str) -> SensitiveDetails:
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading sensitive details")
    session.audit("survivor.view_sensitive", survivor.case_number)
    return SurvivorRepository(session.conn).sensitive(survivor.id)


def update_sensitive(session: Session, case_number: str, **changes: Any) -> SensitiveDetails:
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "changing sensitive details")
    repo = SurvivorRepository(session.conn)
    current = repo.sensitive(survivor.id)
    known = {f.name for f in fields(SensitiveDetails)} - {"survivor_id", "updated_at"}
    if set(changes) - known:
        raise UsageError(f"unknown field: {', '.join(sorted(set(changes) - known))}")
    try:
        if "trafficking_type" in changes:
            changes["trafficking_type"] = TraffickingType(changes["trafficking_type"])
        if "vacatur_status" in changes:
            changes["vacatur_status"] = VacaturStatus(changes["vacatur_status"])
    except ValueError as exc:
        raise ValidationError({"status": str(exc)}) from None
    updated = replace(current, **changes, updated_at=clock.now_iso())
    validate_sensitive(updated)
    with session.changing():
        repo.save_sensitive(updated)
        session.audit("survivor.update_sensitive", survivor.case_number,
                      fields=sorted(changes))
    return updated


def validate_sensitive(details: SensitiveDetails) -> None:
    check = Checker()
    for name in ("history_notes", "criminal_record_notes", "immigration_status",
                 "health_notes", "safety_plan"):
        check.length(name, getattr(details, name), _TEXT_LIMIT)
    check.done()


def barriers(session: Session, case_number: str) -> list[Barrier]:
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading barriers")
    session.audit_view(survivor.case_number, "barriers")
    return SurvivorRepository(session.conn).barriers(survivor.id)


def add_barrier(session: Session, case_number: str, kind: BarrierKind,
                description: str = "") -> Barrier:
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "adding a barrier")
    check = Checker()
    check.length("description", description, 1000)
    check.done()
    barrier = Barrier(str(uuid.uuid4()), survivor.id, kind, description.strip(),
                      created_at=clock.now_iso())
    with session.changing():
        SurvivorRepository(session.conn).save_barrier(barrier)
        session.audit("barrier.add", survivor.case_number, kind=kind.value)
    return barrier


def set_barrier_resolved(session: Session, barrier_id: str, resolved_on: date | None) -> Barrier:
    """Mark a barrier resolved on a day, or (None) open again."""
    repo = SurvivorRepository(session.conn)
    barrier = repo.barrier(barrier_id)
    if barrier is None:
        raise NotFoundError("that barrier no longer exists")
    survivor = access.find_by_id(session, barrier.survivor_id)
    access.require_case_edit(session, survivor, "resolving a barrier")
    if resolved_on is not None and resolved_on > clock.today():
        raise ValidationError({"resolved_on": "is in the future"})
    updated = replace(barrier, resolved_on=resolved_on)
    with session.changing():
        repo.save_barrier(updated)
        session.audit("barrier.resolve" if resolved_on else "barrier.reopen",
                      survivor.case_number, kind=barrier.kind.value)
    return updated
