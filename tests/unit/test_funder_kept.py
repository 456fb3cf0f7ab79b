"""Purging never changes the funder report of a past period (issue 20 §1 applied to issue 21):
a purged survivor's share of its figures stays as de-identified counts, whether the whole
record goes (`purge_case`, `purge_due`) or only its sensitive details (`purge_due`)."""

from __future__ import annotations

import io
import random
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader

from casetracker.domain import clock
from casetracker.domain.employment import Industry
from casetracker.domain.funder_report import KEPT_PREFIX, FunderFigures, add_kept, contribution
from casetracker.domain.reports import PeriodKind, nested_periods, parse_period, period_containing
from casetracker.domain.retention import Part, add_months
from casetracker.domain.survivors import CaseStatus, TraffickingType
from casetracker.services import access, funder_report, retention, survivors
from casetracker.services.session import Session
from tests.conftest import Team
from tests.unit.test_funder_report import PERIOD, TODAY, Truth, build

LATER = add_months(TODAY, 13)  # when the purges run: a year after the first closures


def _periods() -> list[str]:
    """The report's period, the shorter ones inside it, the longer ones around it (all over
    by `LATER`) and the quarter before."""
    around = [period_containing(kind, PERIOD.start) for kind in PeriodKind]
    return sorted({p.label for p in [*around, *nested_periods(PERIOD), PERIOD.previous()]})


def _snapshot(session: Session) -> dict[str, tuple[object, ...]]:
    """Each period's unsuppressed figures, what is withheld, the CSV and the PDF's text."""
    found: dict[str, tuple[object, ...]] = {}
    for label in _periods():
        figures = funder_report.figures(session, label)
        pdf = funder_report.report(session, label, "pdf")
        text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
        found[label] = (figures, funder_report.withheld(session, figures),
                        funder_report.report(session, label, "csv"), text)
    return found


def _served_in_period(truth: Truth) -> list[str]:
    return sorted(truth.served(), key=lambda c: int(c.rsplit("-", 1)[1]))


def _same(after: dict[str, tuple[object, ...]], before: dict[str, tuple[object, ...]]) -> None:
    for label, (figures, hidden, csv, text) in before.items():
        assert after[label][2] == csv, label  # the CSV, byte for byte
        assert after[label][3] == text, label  # the PDF's words
        assert after[label][:2] == (figures, hidden), label  # and every count behind them


@pytest.mark.parametrize("seed", [4, 5])
def test_past_funder_reports_are_the_same_after_their_cases_are_purged(
        team: Team, seed: int) -> None:
    truth = build(team, seed)
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    served = _served_in_period(truth)
    # Some cases whose sensitive details go (each with a kind of trafficking recorded), some
    # purged one by one, some by the schedule; all served in the period compared.
    told = [c for c in served if truth.kind[c] is not TraffickingType.UNKNOWN]
    in_part = rng.sample(told, 3)
    rest = [c for c in served if c not in in_part]
    by_hand = rng.sample(rest, 3)
    scheduled = rng.sample([c for c in rest if c not in by_hand], 6)
    ids = {c: access.find(team.supervisor, c).id for c in [*by_hand, *scheduled]}
    for case in [*by_hand, *scheduled]:
        survivors.set_status(team.case_manager, case, CaseStatus.CLOSED)
    with clock.using(clock.FixedClock(add_months(TODAY, 10))):
        for case in in_part:
            survivors.set_status(team.case_manager, case, CaseStatus.CLOSED)
    retention.set_policy(team.supervisor, closed_months=12, sensitive_months=3)
    with clock.using(clock.FixedClock(LATER)):
        before = _snapshot(team.supervisor)
        for case in by_hand:
            retention.purge_case(team.supervisor, case, case)
        _same(_snapshot(team.supervisor), before)
        due = retention.due(team.supervisor)
        assert {d.case_number for d in due if d.part is Part.RECORD} == set(scheduled)
        assert {d.case_number for d in due if d.part is Part.SENSITIVE} == set(in_part)
        retention.purge_due(team.supervisor, len({d.case_number for d in due}))
        after = _snapshot(team.supervisor)
    _same(after, before)
    conn = team.supervisor.conn
    assert conn.execute("SELECT count(*) FROM survivors WHERE case_number IN (?, ?)",
                        (by_hand[0], scheduled[0])).fetchone()[0] == 0
    # The removed details left their kind of trafficking behind, taken from "not recorded".
    assert conn.execute("SELECT count(*) FROM kept_figures WHERE measure = ? AND n < 0",
                        (KEPT_PREFIX + "trafficking:",)).fetchone()[0] >= 1

    # The kept rows hold no name, case number, record id or day finer than their period.
    rows = conn.execute("SELECT id, period, period_end, measure, n FROM kept_figures "
                        "WHERE measure LIKE 'funder:%'").fetchall()
    assert rows
    words = [*by_hand, *scheduled, *in_part, *ids.values()]
    words += [f"Person {c.rsplit('-', 1)[1]}" for c in [*by_hand, *scheduled, *in_part]]
    for row_id, label, end, measure, _n in rows:
        assert parse_period(label).label == label
        assert parse_period(label).end.isoformat() == end
        assert not re.search(r"\d{4}-\d{2}-\d{2}", measure), measure
        assert row_id not in ids.values()
        for word in words:  # as a word of its own (an employer's id may hold "f-7")
            assert not re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])",
                                 f"{row_id} {label} {measure}", re.IGNORECASE), word


def test_an_employer_counts_once_whoever_it_hosted_and_kept_figures_add_up() -> None:
    empty = FunderFigures(PERIOD, 0, 0, {}, {}, {}, {}, 0, 0, {30: 0, 60: 0, 90: 0})
    # Someone still here whose sensitive details went: they count as "not recorded", and the
    # kept difference puts them back under what was recorded.
    live = replace(empty, served=7, new=2, trafficking={TraffickingType.SEX: 6,
                                                        TraffickingType.UNKNOWN: 1},
                   employers_by_industry={Industry.MARITIME: 1})
    kept = {"served": 3, "new": 1, "trafficking:sex": 1, "trafficking:": -1,
            "trafficking:labor": 3, "host:e1:maritime": 2, "host:e2:aviation": 1,
            "people:added:Child care": 2, "contacts:added:Child care": 5}
    merged = add_kept(live, kept, {"e1": Industry.MARITIME})
    assert (merged.served, merged.new, merged.continuing) == (10, 3, 7)
    assert merged.trafficking == {TraffickingType.SEX: 7, TraffickingType.LABOR: 3}
    # e1 hosted someone still here and purged people: one employer, not three.
    assert merged.employers_by_industry == {Industry.MARITIME: 1, Industry.AVIATION: 1}
    assert merged.port_related == 2
    assert merged.service_people["added:Child care"] == 2
    assert merged.service_contacts == {"added:Child care": 5}
    # One person's share names no derived figure, and each employer that hosted them once.
    share = contribution(replace(empty, served=1, new=1, employers_by_industry={
        Industry.MARITIME: 1}), {"e1": Industry.MARITIME})
    assert share == {"served": 1, "new": 1, "host:e1:maritime": 1}
