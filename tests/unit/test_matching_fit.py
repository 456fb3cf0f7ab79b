"""Matching that fits the job: the survivor's employment goal and industry, and readiness for
I-9 only where their consent lets that employer know it."""

from __future__ import annotations

from datetime import timedelta

from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE, Category
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.employment import Industry, PositionKind
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import Availability
from casetracker.services import consent, documents, employers, matching, plans, survivors
from casetracker.services.session import Session
from tests.conftest import Team


def take_in(session: Session, case: str, name: str, goal: str) -> str:
    survivors.create_survivor(session, survivors.draft(
        case, name, availability=Availability(hours_per_week=20)))
    plans.add_goal(session, case, domain=GoalDomain.EMPLOYMENT, specific=goal,
                   measurable="Hired", achievable="With support", relevant="Chosen",
                   target_date=clock.today() + timedelta(days=120))
    return case


def test_the_goal_that_names_the_industry_ranks_first_and_says_so(team: Team) -> None:
    cm = team.case_manager
    take_in(cm, "CT-1", "Hana", "Complete a 12-week paid internship in hospitality")
    take_in(cm, "CT-2", "Wes", "Get a full-time warehouse job with benefits")
    for name, industry, title in (("Harbor Hotel", Industry.HOSPITALITY, "Housekeeping"),
                                  ("Bayside Logistics", Industry.WAREHOUSE_LOGISTICS,
                                   "Picker"),
                                  ("Port Terminal", Industry.MARITIME, "Deck hand")):
        employers.add_employer(team.coordinator, name, industry)
        employers.add_position(team.coordinator, name, title, PositionKind.INTERNSHIP)
    positions = {employers.find_employer(team.coordinator, p.employer_id).name: p.id
                 for p in employers.positions(team.coordinator)}
    hotel = matching.rank(team.coordinator, positions["Harbor Hotel"])
    assert [m.case_number for m in hotel] == ["CT-1", "CT-2"]
    assert "their employment goal names this industry" in hotel[0].reasons
    assert "their employment goal names another industry" in hotel[1].reasons
    warehouse = matching.rank(team.coordinator, positions["Bayside Logistics"])
    assert [m.case_number for m in warehouse] == ["CT-2", "CT-1"]
    terminal = matching.rank(team.coordinator, positions["Port Terminal"])
    assert all(m.score == terminal[0].score for m in terminal)  # neither goal is maritime


def test_readiness_for_i9_counts_only_where_the_employer_may_know_it(team: Team) -> None:
    cm = team.case_manager
    take_in(cm, "CT-1", "Hana", "Work as a receptionist")
    for kind in (DocumentKind.STATE_ID, DocumentKind.SOCIAL_SECURITY_CARD):
        doc = next(d for d in documents.documents(cm, "CT-1") if d.kind is kind)
        documents.set_status(cm, doc.id, DocumentStatus.RECOVERED)
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    position = employers.add_position(team.coordinator, "Harbor Hotel", "Front desk",
                                      PositionKind.JOB).id

    def seen() -> tuple[bool, bool]:
        [match] = matching.rank(team.coordinator, position)
        return match.ready_for_i9, "ready for I-9" in match.reasons

    assert seen() == (False, False)
    consent.add_consent(cm, "CT-1", purpose="Referral for work",
                        categories=SHAREABLE - {Category.WORK_ELIGIBILITY},
                        expires_on=clock.today() + timedelta(days=60),
                        recipient_employer="Harbor Hotel")
    assert seen() == (False, False)
    consent.add_consent(cm, "CT-1", purpose="Referral for work",
                        categories=frozenset({Category.WORK_ELIGIBILITY}),
                        expires_on=clock.today() + timedelta(days=60),
                        recipient_employer="Harbor Hotel")
    assert seen() == (True, True)
    [staff] = matching.rank(cm, position)
    assert staff.ready_for_i9  # the same rule for the case manager
