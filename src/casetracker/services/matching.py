"""Matching: who fits an open position best, and where a hiring restriction may bite.

Whether a restriction may apply to someone depends on their criminal record, a sensitive
detail. Case managers and supervisors, who may read it, see the flag where it applies, or the
case manager's recorded decision (`services/clearances.py`). Coordinators see "cleared by the
case manager" for a candidate the case manager cleared for that employer, and the same
neutral "ask the case manager" on every other candidate there (undecided or not suitable
alike), so the flag tells them nothing about anyone's record. Employers never learn why.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.eligibility import i9_readiness
from casetracker.domain.employment import (
    LOOKING,
    RECORD_RESTRICTIONS,
    Clearance,
    ClearanceDecision,
    Stage,
)
from casetracker.domain.survivors import CaseStatus, Survivor
from casetracker.services.employers import find_employer, find_position
from casetracker.services.session import Session
from casetracker.storage.employment_repo import ClearanceRepository, EmploymentRepository
from casetracker.storage.records_repo import DocumentRepository
from casetracker.storage.survivors_repo import SurvivorRepository

RESTRICTION_FLAG = ("This employer's hiring restrictions may apply. Talk with the case "
                    "manager before referring (a vacatur petition may help). The employer is "
                    "never told why.")


ASK_FLAG = ("This employer has hiring restrictions: ask the survivor's case manager whether "
            "this referral fits before making it.")
CLEARED_FLAG = "Cleared by the case manager for this employer."
NOT_SUITABLE_FLAG = ("You recorded that this employer is not suitable for this survivor; "
                     "the reason is on the record's Sensitive tab.")


@dataclass(frozen=True, slots=True)
class Match:
    case_number: str
    preferred_name: str
    score: int
    reasons: tuple[str, ...]
    ready_for_i9: bool
    restriction_flag: str | None = None


def rank(session: Session, position_id: str, *, limit: int = 50) -> list[Match]:
    """Active survivors still looking for work, best fit first (case managers: their own)."""
    session.require("matching survivors to a position")
    position = find_position(session, position_id)
    employer = find_employer(session, position.employer_id)
    role = session.account.role
    owner = session.account.name if role is Role.CASE_MANAGER else None
    people = SurvivorRepository(session.conn)
    employment = EmploymentRepository(session.conn)
    stages = employment.current_stages()
    wanted = {s.casefold() for s in position.skills_wanted}
    restricted = bool(employer.restrictions & RECORD_RESTRICTIONS)
    decided = ClearanceRepository(session.conn).for_employer(employer.id) if restricted else {}
    today = clock.today()
    matches = []
    for row in people.caseload(assigned_to=owner, status=CaseStatus.ACTIVE.value, limit=10**6,
                               today=today):
        if stages.get(row.id, Stage.READINESS) not in LOOKING:
            continue
        survivor = people.by_id(row.id)
        assert survivor is not None
        score, reasons = _fit(survivor, position.hours_per_week, position.start_date, wanted)
        topics = employment.completed_topics(survivor.id)
        if topics:
            score += len(topics)
            reasons.append(f"{len(topics)} readiness workshop{'s' if len(topics) > 1 else ''}")
        ready = i9_readiness(DocumentRepository(session.conn).documents(survivor.id),
                             today).ready
        if ready:
            score += 3
            reasons.append("ready for I-9")
        flag = _flag(people, survivor.id, role, decided.get(survivor.id)) if restricted \
            else None
        matches.append(Match(survivor.case_number, survivor.preferred_name, score,
                             tuple(reasons), ready, flag))
    matches.sort(key=lambda m: (-m.score, m.case_number))
    session.audit("matching.rank", None, position=position.id, candidates=len(matches))
    return matches[:limit]


def _flag(people: SurvivorRepository, survivor_id: str, role: Role,
          clearance: Clearance | None) -> str | None:
    cleared = clearance is not None and clearance.decision is ClearanceDecision.CLEARED
    if role is Role.COORDINATOR:  # the decision "cleared", or nothing at all
        return CLEARED_FLAG if cleared else ASK_FLAG
    if clearance is not None:
        return CLEARED_FLAG if cleared else NOT_SUITABLE_FLAG
    return (RESTRICTION_FLAG if people.sensitive(survivor_id).has_trafficking_related_record
            else None)


def _fit(survivor: Survivor, hours: int, start: date | None,
         wanted: set[str]) -> tuple[int, list[str]]:
    score, reasons = 0, []
    available = survivor.availability.hours_per_week
    if available is not None and available >= hours:
        score += 3
        reasons.append(f"available {available} h/week")
    elif available is not None and available >= hours * 0.75:
        score += 1
        reasons.append(f"available {available} h/week (a little short)")
    earliest = survivor.availability.earliest_start
    if earliest is not None and start is not None and earliest <= start:
        score += 1
        reasons.append("can start in time")
    skills = [s for s in survivor.skills if s.casefold() in wanted]
    if skills:
        score += 2 * len(skills)
        reasons.append("skills: " + ", ".join(skills))
    return score, reasons
