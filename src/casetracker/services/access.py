"""Who may see and change which survivor: the role rules every case service applies.

A case manager works only the survivors assigned to them; a supervisor reads every record and
changes no case content; a coordinator sees the employment-relevant view and never the
sensitive details. A refusal is audited and raises `PermissionDeniedError`.
"""

from __future__ import annotations

from casetracker.domain.accounts import Role
from casetracker.domain.errors import NotFoundError
from casetracker.domain.survivors import CaseStatus, Survivor
from casetracker.services.session import Session
from casetracker.storage.survivors_repo import SurvivorRepository


def find(session: Session, case_number: str) -> Survivor:
    """The survivor with this case number (no access check: callers check next)."""
    survivor = SurvivorRepository(session.conn).by_case_number(case_number)
    if survivor is None:
        raise NotFoundError(f"there is no case {case_number!r}")
    return survivor


def find_by_id(session: Session, survivor_id: str) -> Survivor:
    survivor = SurvivorRepository(session.conn).by_id(survivor_id)
    if survivor is None:
        raise NotFoundError("that record no longer exists")
    return survivor


def owns(session: Session, survivor: Survivor) -> bool:
    return (session.account.role is Role.CASE_MANAGER
            and survivor.assigned_to is not None
            and survivor.assigned_to.casefold() == session.account.name.casefold())


def require_full_read(session: Session, survivor: Survivor, action: str) -> None:
    """The whole record: the assigned case manager, or a supervisor."""
    session.require(action)
    if session.account.role is Role.SUPERVISOR or owns(session, survivor):
        return
    if session.account.role is Role.COORDINATOR:
        session.deny(action, survivor.case_number,
                     f"{action}: coordinators see the employment profile, not the case record")
    session.deny(action, survivor.case_number,
                 f"{action}: case {survivor.case_number} is not in your caseload")


def require_employment_read(session: Session, survivor: Survivor, action: str) -> None:
    """The employment-relevant view: coordinators too (active cases), besides the above."""
    session.require(action)
    if session.account.role is Role.COORDINATOR and survivor.status is CaseStatus.ACTIVE:
        return
    require_full_read(session, survivor, action)


def require_pipeline_edit(session: Session, survivor: Survivor, action: str) -> None:
    """The placement pipeline and what hangs on it (internships): the survivor's case
    manager, or a coordinator (who places people), on an open case."""
    session.require(action)
    if session.account.role is Role.COORDINATOR and survivor.status is CaseStatus.ACTIVE:
        return
    require_case_edit(session, survivor, action)


def require_case_edit(session: Session, survivor: Survivor, action: str) -> None:
    """Changing case content: only the assigned case manager, and only on an open case."""
    session.require(action)
    if session.account.role is Role.SUPERVISOR:
        session.deny(action, survivor.case_number,
                     f"{action}: supervisors read case records but do not change them")
    if not owns(session, survivor):
        session.deny(action, survivor.case_number,
                     f"{action}: case {survivor.case_number} is not in your caseload")
    if survivor.status is CaseStatus.CLOSED:
        session.deny(action, survivor.case_number,
                     f"{action}: case {survivor.case_number} is closed; reopen it first")
