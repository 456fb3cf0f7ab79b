"""The funder report, like the outcome report, cannot be subtracted across periods of
different lengths: a fiscal year minus three of its quarters must not give the fourth's small
count. The attacker asks for every period offered and subtracts."""

from __future__ import annotations

import csv
import io
import itertools
from datetime import timedelta

from casetracker.domain import clock
from casetracker.domain.reports import (
    PeriodKind,
    ReportingPeriod,
    nested_periods,
    period_containing,
)
from casetracker.domain.service_log import ServiceType
from casetracker.services import funder_report, service_log, survivors
from tests.conftest import Team

SERVED = ("Clients served", "Survivors served")
TRANSPORT = ("Services (people)", "Transportation")


def report(team: Team, period: ReportingPeriod) -> dict[tuple[str, str], str]:
    data = funder_report.report(team.supervisor, period.label, "csv").decode()
    return {(row[0], row[1]): row[2] for row in csv.reader(io.StringIO(data)) if len(row) == 3}


def test_a_fiscal_year_minus_three_quarters_does_not_give_the_fourth(team: Team) -> None:
    year = period_containing(PeriodKind.FISCAL_YEAR, clock.today()).previous()
    quarters = [p for p in nested_periods(year) if p.kind is PeriodKind.QUARTER]
    counter = itertools.count()
    for quarter, size in zip(quarters, (5, 5, 5, 2), strict=True):
        day = quarter.start + timedelta(days=2) if size >= 5 else quarter.end
        for n in itertools.islice(counter, size):
            case = survivors.create_survivor(team.case_manager, survivors.draft(
                f"CT-{n}", f"Person {n}", intake_date=year.start - timedelta(days=30)))
            service_log.record(team.case_manager, case.case_number,
                               ServiceType.TRANSPORTATION, on=day)
    shown = [report(team, q)[SERVED] for q in quarters]
    assert shown == ["5", "5", "5", "<5"]
    whole = report(team, year)
    # 17 - 5 - 5 - 5 would be the two people served in the last quarter.
    assert whole[SERVED] == "*"
    assert whole[TRANSPORT] == "*"
    periods = [year, *nested_periods(year)]
    exact = {p.label: {k: int(v) for k, v in report(team, p).items() if v.isdigit()}
             for p in periods}
    for outer in periods:
        for inner in nested_periods(outer):
            for measure, total in exact[outer.label].items():
                if measure in exact[inner.label]:
                    assert not 0 < total - exact[inner.label][measure] < 5, (
                        outer.label, inner.label, measure)
