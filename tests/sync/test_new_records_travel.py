"""This session's records travel between laptops and pass the role rules on arrival: services
given (and one taken back), an internship and its weekly check-in, a milestone added and
undone. A case manager's delete must not be refused as if only a purge deleted rows."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.plans import GoalDomain
from casetracker.domain.service_log import ServiceType
from casetracker.services import plans, service_log
from tests.sync_laptops import program_of, sync_all, take_in


def test_services_milestones_and_their_removal_arrive_everywhere(tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        kept = service_log.record(a.case_manager, "CT-1", ServiceType.TRANSPORTATION,
                                  minutes=30)
        mistaken = service_log.record(a.case_manager, "CT-1", ServiceType.OTHER)
        goal = plans.add_goal(a.case_manager, "CT-1", domain=GoalDomain.EMPLOYMENT,
                              specific="s", measurable="m", achievable="a", relevant="r",
                              target_date=clock.today() + timedelta(days=90))
        step = plans.add_milestone(a.case_manager, goal.id, "call the union hall",
                                   clock.today() + timedelta(days=10))
        sync_all([a, b])
        assert {s.id for s in service_log.services(b.supervisor, "CT-1")} == {
            kept.id, mistaken.id}
        service_log.remove(b.case_manager, mistaken.id)  # taken back on the other laptop
        plans.delete_milestone(a.case_manager, step.id)  # an added milestone undone
        sync_all([a, b])
        for laptop in (a, b):
            assert [s.id for s in service_log.services(laptop.supervisor, "CT-1")] == [kept.id]
            assert plans.get_goal(laptop.supervisor, goal.id).milestones == ()
        assert a.digest() == b.digest()
