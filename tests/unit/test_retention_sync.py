"""Team use: the retention policy, legal holds, closures and the figures a purge keeps travel
with the purge, so every laptop decides alike and reports the same past figures."""

from __future__ import annotations

from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.employment import WorkshopTopic
from casetracker.domain.reports import PeriodKind, period_containing
from casetracker.domain.retention import RetentionPolicy, add_months
from casetracker.domain.survivors import CaseStatus
from casetracker.services import dashboard, placement, retention, survivors
from tests.sync_laptops import program_of, sync_all, take_in

TODAY = clock.today()


def test_policy_holds_and_kept_figures_travel(tmp_path: Path) -> None:
    long_ago = add_months(TODAY, -14)
    month = period_containing(PeriodKind.MONTH, long_ago).label
    with program_of(tmp_path, 2) as (a, b):
        for case in ("CT-1", "CT-2"):
            take_in(a, case)
        with clock.using(clock.FixedClock(long_ago)):
            placement.record_session(a.case_manager, WorkshopTopic.SMART_GOALS, long_ago, [
                placement.AttendanceEntry(c, True, True) for c in ("CT-1", "CT-2")])
            for case in ("CT-1", "CT-2"):
                survivors.set_status(a.case_manager, case, CaseStatus.CLOSED)
        retention.set_policy(a.supervisor, closed_months=13)
        sync_all([a, b])
        assert retention.policy(b.supervisor) == RetentionPolicy(closed_months=13)
        retention.hold(b.supervisor, "CT-2", "Audit by the funder")
        sync_all([a, b])
        assert retention.held_cases(a.supervisor) == ["CT-2"]
        assert [d.case_number for d in retention.due(a.supervisor)] == ["CT-1"]
        assert [d.case_number for d in retention.due(b.supervisor)] == ["CT-1"]
        before = dashboard.outcomes(b.supervisor, month)
        assert before.participants == 2
        retention.purge_due(a.supervisor, 1)
        sync_all([a, b])
        assert a.digest() == b.digest()
        for laptop in (a, b):
            assert [c.case_number for c in survivors.caseload(laptop.supervisor, status=None)] \
                == ["CT-2"]
            assert dashboard.outcomes(laptop.supervisor, month) == before
