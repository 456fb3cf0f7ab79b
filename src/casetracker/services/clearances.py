"""Clearances: the case manager's decision whether a survivor fits an employer with hiring
restrictions (no one with a criminal record, a background check...).

Whether a restriction may bite depends on the survivor's criminal record, a sensitive detail.
The case manager, who reads it, records "cleared" or "not suitable" with the reason; the
reason stays with the record's sensitive part. Coordinators learn one thing only: that a
candidate was cleared for that employer. Every other candidate there (not yet decided, or
not suitable) shows them the same neutral "ask the case manager", so a coordinator cannot
tell "no" from "not asked yet", nor either from a record: the case manager may clear anyone,
with a record or without, and clears people with none the same way.
"""

from __future__ import annotations

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.employment import (
    RECORD_RESTRICTIONS,
    Clearance,
    ClearanceDecision,
    Employer,
)
from casetracker.domain.validation import Checker, ValidationError
from casetracker.services import access
from casetracker.services.employers import employers, find_employer
from casetracker.services.session import Session
from casetracker.storage.employment_repo import ClearanceRepository


def restricted(employer: Employer) -> bool:
    """Whether the employer's hiring restrictions concern criminal records."""
    return bool(employer.restrictions & RECORD_RESTRICTIONS)


def restricted_employers(session: Session) -> list[Employer]:
    """The employers a clearance can be recorded for."""
    return [e for e in employers(session) if restricted(e)]


def decisions(session: Session, case_number: str) -> list[Clearance]:
    """The survivor's clearances, with their reasons (those who read the whole record)."""
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading clearances for restricted employers")
    session.audit_view(survivor.case_number, "clearances")
    return ClearanceRepository(session.conn).of_survivor(survivor.id)


def record(session: Session, case_number: str, employer_name: str,
           decision: ClearanceDecision, reason: str = "") -> Clearance:
    """Record (or change) the survivor's case manager's decision for one employer with
    hiring restrictions. The reason is kept with the record; the audit trail names only the
    decision."""
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "deciding a clearance for a restricted employer")
    employer = find_employer(session, employer_name)
    check = Checker()
    if not restricted(employer):
        check.fail("employer", f"{employer.name} has no hiring restrictions about records; "
                   "nothing needs clearing")
    check.length("reason", reason, 1000)
    check.done()
    clearance = Clearance(survivor.id, employer.id, decision, reason.strip(), clock.today(),
                          session.account.name)
    with session.changing():
        ClearanceRepository(session.conn).save(clearance)
        session.audit("clearance.record", survivor.case_number, employer=employer.name,
                      decision=decision.value)
    return clearance


def withdraw(session: Session, case_number: str, employer_name: str) -> None:
    """Take a decision back: the candidate is undecided again for that employer."""
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "withdrawing a clearance")
    employer = find_employer(session, employer_name)
    repo = ClearanceRepository(session.conn)
    if not any(c.employer_id == employer.id for c in repo.of_survivor(survivor.id)):
        raise ValidationError({"employer": f"there is no decision for {employer.name} to "
                               "withdraw"})
    with session.changing():
        repo.remove(survivor.id, employer.id)
        session.audit("clearance.withdraw", survivor.case_number, employer=employer.name)


def coordinator_may_refer(session: Session, clearance: Clearance | None) -> bool:
    """What a coordinator learns from a decision: cleared, or nothing."""
    assert session.account.role is Role.COORDINATOR
    return clearance is not None and clearance.decision is ClearanceDecision.CLEARED
