"""Outcome reports of periods of different lengths cannot be subtracted from one another to
work out a count shown as "<5": a fiscal year minus three of its quarters, a quarter minus
its months. The attacker asks for every period the program offers and subtracts."""

from __future__ import annotations

import csv
import io
import itertools
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.employment import WorkshopTopic
from casetracker.domain.reports import (
    UNDER_FIVE,
    WITH_OTHER_FIGURES,
    WITH_SHORTER_PERIOD,
    PeriodKind,
    ReportingPeriod,
    nested_periods,
    period_containing,
    suppress_outcomes,
)
from casetracker.services import dashboard, placement, survivors
from tests.conftest import Team

PARTICIPANTS = "Took part in readiness workshops"
COMPLETIONS = "Workshop completions, all topics"


def report(team: Team, period: ReportingPeriod) -> dict[str, str]:
    data = dashboard.outcome_report(team.supervisor, period.label, "csv").decode()
    return {row[0].strip(): row[1] for row in csv.reader(io.StringIO(data)) if row}


@pytest.fixture
def fiscal_year(team: Team) -> ReportingPeriod:
    """The last fiscal year that is over: five people in the first month of each of its first
    three quarters, and two in the last month of its fourth."""
    year = period_containing(PeriodKind.FISCAL_YEAR, clock.today()).previous()
    quarters = [p for p in nested_periods(year) if p.kind is PeriodKind.QUARTER]
    counter = itertools.count()
    for quarter, size in zip(quarters, (5, 5, 5, 2), strict=True):
        people = [survivors.create_survivor(team.case_manager, survivors.draft(
            f"CT-{n}", f"Person {n}")).case_number for n in itertools.islice(counter, size)]
        day = quarter.start + timedelta(days=2) if size >= 5 else quarter.end
        placement.record_session(team.coordinator, WorkshopTopic.SMART_GOALS, day,
                                 [placement.AttendanceEntry(c, True, True) for c in people])
    return year


def test_a_fiscal_year_minus_three_quarters_does_not_give_the_fourth(
        team: Team, fiscal_year: ReportingPeriod) -> None:
    quarters = [p for p in nested_periods(fiscal_year) if p.kind is PeriodKind.QUARTER]
    shown = [report(team, q)[PARTICIPANTS] for q in quarters]
    assert shown == ["5", "5", "5", "<5"]
    whole = report(team, fiscal_year)
    # 17 - 5 - 5 - 5 would be the two people of the last quarter.
    assert whole[PARTICIPANTS] == "*"
    assert whole[COMPLETIONS] == "*"


def test_no_subtraction_of_any_offered_periods_gives_a_small_group(
        team: Team, fiscal_year: ReportingPeriod) -> None:
    """Every period inside the fiscal year, of every kind, asked for and subtracted: a
    period minus one inside it, and a period minus all but one of a partition of it."""
    periods = [fiscal_year, *nested_periods(fiscal_year)]
    exact = {p.label: {k: int(v) for k, v in report(team, p).items() if v.isdigit()}
             for p in periods}
    for outer in periods:
        inner = nested_periods(outer)
        for measure, total in exact[outer.label].items():
            for part in inner:
                if measure in exact[part.label]:
                    assert not 0 < total - exact[part.label][measure] < 5, (
                        outer.label, part.label, measure)
            for kind in {p.kind for p in inner}:
                parts = [p for p in inner if p.kind is kind]
                if sum((p.end - p.start).days + 1 for p in parts) \
                        != (outer.end - outer.start).days + 1:
                    continue  # not a partition of the outer period
                known = [exact[p.label].get(measure) for p in parts]
                if known.count(None) == 1:
                    rest = total - sum(k for k in known if k is not None)
                    assert not 0 < rest < 5, (outer.label, kind, measure)


def test_withheld_elsewhere_means_withheld_here_with_its_complements() -> None:
    """A figure forced hidden by another period still gets its complements in this one, so
    the total minus the others does not give it back."""
    measures = {"participants": 40, "completed_a_workshop": 30, "internships": 9,
                "placements": 20, "retained_30": 15, "retained_60": 10, "retained_90": 5,
                "topic:a": 10, "topic:b": 12, "topic:c": 8, "topics_total": 30}
    assert suppress_outcomes(measures, frozenset()) == frozenset()
    hidden = suppress_outcomes(measures, frozenset({"topic:b", "completed_a_workshop"}))
    assert {"topic:b", "topic:c", "completed_a_workshop"} <= hidden


def reasons(team: Team, period: ReportingPeriod) -> dict[str, str]:
    data = dashboard.outcome_report(team.supervisor, period.label, "csv").decode()
    return {row[0].strip(): row[2] for row in csv.reader(io.StringIO(data)) if len(row) > 2}


def test_each_withheld_count_says_why_beside_it(team: Team, fiscal_year: ReportingPeriod,
                                                 tmp_path: Path) -> None:
    quarters = [p for p in nested_periods(fiscal_year) if p.kind is PeriodKind.QUARTER]
    assert reasons(team, quarters[0])[PARTICIPANTS] == ""  # shown: no reason
    assert reasons(team, quarters[3])[PARTICIPANTS] == UNDER_FIVE
    # 17 is no small count; it is withheld because the quarters' reports would give the 2.
    assert reasons(team, fiscal_year)[PARTICIPANTS] == WITH_SHORTER_PERIOD
    pdf = tmp_path / "year.pdf"
    pdf.write_bytes(dashboard.outcome_report(team.supervisor, fiscal_year.label, "pdf"))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   check=True, text=True).stdout.split())
    assert "Why not shown" in text
    assert " ".join(WITH_SHORTER_PERIOD.split()) in text


def test_a_count_withheld_within_one_report_says_so(team: Team) -> None:
    month = period_containing(PeriodKind.MONTH, clock.today()).previous()
    people = [survivors.create_survivor(team.case_manager, survivors.draft(
        f"CT-M{n}", f"Person {n}")).case_number for n in range(7)]
    # 7 took part and 5 completed: 7 - 5 would give the 2 who did not.
    placement.record_session(team.coordinator, WorkshopTopic.SMART_GOALS, month.start,
                             [placement.AttendanceEntry(c, True, n < 5)
                              for n, c in enumerate(people)])
    shown = report(team, month)
    assert (shown[PARTICIPANTS], shown["Completed at least one workshop"]) == ("7", "*")
    assert reasons(team, month)["Completed at least one workshop"] == WITH_OTHER_FIGURES
