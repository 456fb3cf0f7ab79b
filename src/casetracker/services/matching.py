"""Matching: who fits an open position best, why, and where a hiring restriction may bite.

Those who completed the program's readiness track ("ready to match") come first. The fit counts
the hours a person is available against the position's, whether they can start in time, the
skills it wants that they have, whether their employment goal names the employer's industry,
the position's shift or its location area (and whether they have a way to get there), the
readiness workshops they completed, and readiness for I-9 only where
their consent lets this employer know it. Each point comes with its reason.

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
from casetracker.domain.catalog import Category
from casetracker.domain.eligibility import i9_readiness
from casetracker.domain.employment import (
    LOOKING,
    RECORD_RESTRICTIONS,
    Clearance,
    ClearanceDecision,
    Industry,
    Position,
    Shift,
    Stage,
    ready_to_match,
)
from casetracker.domain.plans import GoalDomain, GoalStatus
from casetracker.domain.survivors import CaseStatus, Survivor, Transport
from casetracker.services.employers import find_employer, find_position
from casetracker.services.session import Session
from casetracker.services.settings import readiness_track
from casetracker.storage.employment_repo import ClearanceRepository, EmploymentRepository
from casetracker.storage.records_repo import DocumentRepository, PlanRepository
from casetracker.storage.sharing_repo import SharingRepository
from casetracker.storage.survivors_repo import SurvivorRepository

RESTRICTION_FLAG = ("This employer's hiring restrictions may apply. Talk with the case "
                    "manager before referring (a vacatur petition may help). The employer is "
                    "never told why.")


ASK_FLAG = ("This employer has hiring restrictions: ask the survivor's case manager whether "
            "this referral fits before making it.")
CLEARED_FLAG = "Cleared by the case manager for this employer."
NOT_SUITABLE_FLAG = ("You recorded that this employer is not suitable for this survivor; "
                     "the reason is on the record's Sensitive tab.")


# Words in an employment goal that name an industry ("a 12-week paid internship in
# hospitality", "a full-time warehouse job"): the survivor's industry preference.
INDUSTRY_WORDS: dict[Industry, tuple[str, ...]] = {
    Industry.HOSPITALITY: ("hospitality", "hotel", "kitchen", "restaurant", "food", "cook",
                           "housekeeping", "catering", "barista"),
    Industry.AVIATION: ("airport", "aviation", "airline", "flight"),
    Industry.MARITIME: ("maritime", "port", "ship", "vessel", "harbor", "terminal"),
    Industry.RETAIL: ("retail", "store", "shop", "cashier", "sales"),
    Industry.WAREHOUSE_LOGISTICS: ("warehouse", "logistics", "forklift", "picking",
                                   "delivery", "shipping"),
    Industry.LEGAL: ("legal", "law", "paralegal", "court"),
    Industry.HEALTHCARE: ("health", "clinic", "hospital", "care", "nursing", "medical"),
}


def _words(goals: list[str]) -> set[str]:
    return {w.strip(".,;:()").casefold() for goal in goals for w in goal.split()}


def goal_industries(goals: list[str]) -> set[Industry]:
    """The industries an employment goal's words name."""
    words = _words(goals)
    return {industry for industry, names in INDUSTRY_WORDS.items()
            if any(name in words or f"{name}s" in words for name in names)}


# Words in an employment goal that name a shift ("evening shifts only", "weekday mornings").
SHIFT_WORDS: dict[Shift, tuple[str, ...]] = {
    Shift.DAY: ("day", "days", "daytime", "morning", "mornings", "weekday", "weekdays"),
    Shift.EVENING: ("evening", "evenings", "afternoon", "afternoons"),
    Shift.NIGHT: ("night", "nights", "overnight", "overnights"),
    Shift.WEEKEND: ("weekend", "weekends", "saturday", "saturdays", "sunday", "sundays"),
    Shift.ROTATING: ("rotating", "rotation", "any"),
}


def goal_shifts(goals: list[str]) -> set[Shift]:
    """The shifts an employment goal's words name."""
    words = _words(goals)
    return {shift for shift, names in SHIFT_WORDS.items() if words & set(names)}


def _shift_and_area(position: Position, goals: list[str],
                    transport: Transport) -> tuple[int, list[str]]:
    """Points and reasons for the position's shift and location area."""
    score, reasons = 0, []
    if position.shift is not Shift.ANY:
        shifts = goal_shifts(goals)
        if position.shift in shifts:
            score += 2
            reasons.append("their employment goal names this shift")
        elif shifts:
            reasons.append("their employment goal names another shift")
    area = position.location_area.strip().casefold()
    if area:
        if any(area in goal.casefold() for goal in goals):
            score += 2
            reasons.append("their employment goal names this area")
        if transport in (Transport.OWN_VEHICLE, Transport.PUBLIC_TRANSIT):
            score += 1
            reasons.append("has a way to get to this area")
        elif transport is Transport.NEEDS_RIDE:
            reasons.append("needs a ride to this area")
    return score, reasons


@dataclass(frozen=True, slots=True)
class Match:
    case_number: str
    preferred_name: str
    score: int
    reasons: tuple[str, ...]
    ready_for_i9: bool
    restriction_flag: str | None = None
    ready_to_match: bool = False  # completed the program's readiness track


def rank(session: Session, position_id: str, *, limit: int = 50) -> list[Match]:
    """Active survivors still looking for work (case managers: their own): those who completed
    the readiness track first, then best fit first."""
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
    plans = PlanRepository(session.conn)
    sharing = SharingRepository(session.conn)
    track = readiness_track(session)

    def eligibility_shared(survivor_id: str) -> bool:
        return any(c.recipient_employer_id == employer.id and c.active_on(today)
                   and Category.WORK_ELIGIBILITY in c.categories
                   and c.recipient_name.casefold() == employer.name.casefold()
                   for c in sharing.consents(survivor_id))

    matches = []
    for row in people.caseload(assigned_to=owner, status=CaseStatus.ACTIVE.value, limit=10**6,
                               today=today):
        if stages.get(row.id, Stage.READINESS) not in LOOKING:
            continue
        survivor = people.by_id(row.id)
        assert survivor is not None
        score, reasons = _fit(survivor, position.hours_per_week, position.start_date, wanted)
        goals = [g.specific for g in plans.goals(survivor.id)
                 if g.domain is GoalDomain.EMPLOYMENT and g.status is GoalStatus.OPEN]
        wanted_industries = goal_industries(goals)
        if employer.industry in wanted_industries:
            score += 4
            reasons.append("their employment goal names this industry")
        elif wanted_industries:
            reasons.append("their employment goal names another industry")
        extra, why = _shift_and_area(position, goals, survivor.availability.transport)
        score += extra
        reasons.extend(why)
        topics = employment.completed_topics(survivor.id)
        ready_now = ready_to_match(topics, track)
        if topics:
            score += len(topics)
            reasons.append(f"{len(topics)} readiness workshop{'s' if len(topics) > 1 else ''}")
        if ready_now:
            reasons.insert(0, "ready to match: completed the readiness track")
        # Readiness for I-9 counts only where the survivor agreed to tell this employer: it
        # must not stand in for immigration status in anyone's ranking.
        ready = eligibility_shared(survivor.id) and i9_readiness(
            DocumentRepository(session.conn).documents(survivor.id), today).ready
        if ready:
            score += 3
            reasons.append("ready for I-9")
        flag = _flag(people, survivor.id, role, decided.get(survivor.id)) if restricted \
            else None
        matches.append(Match(survivor.case_number, survivor.preferred_name, score,
                             tuple(reasons), ready, flag, ready_now))
    matches.sort(key=lambda m: (not m.ready_to_match, -m.score, m.case_number))
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
