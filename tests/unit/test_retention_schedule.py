"""The retention policy: its rules, what is due, and past figures that never change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.errors import UsageError
from casetracker.domain.reports import PeriodKind, ended_periods
from casetracker.domain.retention import (
    Attendance,
    ClosedCase,
    DuePart,
    Part,
    RetentionPolicy,
    add_months,
    due_parts,
    figure_contributions,
    validate_policy,
)
from casetracker.domain.survivors import CaseStatus
from casetracker.domain.validation import ValidationError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import audit, dashboard, demo, retention, survivors
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, OTHER_CASE_MANAGER, SUPERVISOR, SUPERVISOR_PASSPHRASE

TODAY = clock.today()


def test_months_are_calendar_months() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2026, 3, 31), -13) == date(2025, 2, 28)
    assert add_months(date(2026, 5, 2), 0) == date(2026, 5, 2)


def test_policy_checks() -> None:
    validate_policy(RetentionPolicy())
    assert RetentionPolicy() == RetentionPolicy(12, 3, 3, 7)
    for bad in (RetentionPolicy(closed_months=0), RetentionPolicy(figures_years=2),
                RetentionPolicy(closed_months=6, sensitive_months=7),
                RetentionPolicy(scans_months=-1)):
        with pytest.raises(ValidationError):
            validate_policy(bad)


def test_due_parts_follow_the_policy_and_skip_held_cases() -> None:
    policy = RetentionPolicy(closed_months=12, sensitive_months=3, scans_months=2)
    today = date(2026, 6, 15)
    closed = [
        ClosedCase("CT-OLD", date(2025, 6, 15), True),        # 12 months to the day: whole
        ClosedCase("CT-YOUNG", date(2025, 6, 16), True),      # a day short: sensitive only
        ClosedCase("CT-RECENT", date(2026, 4, 1), True),      # nothing yet
        ClosedCase("CT-BARE", date(2025, 1, 1), False),       # whole
        ClosedCase("CT-NOSENS", date(2026, 1, 1), False),     # nothing left to purge in part
        ClosedCase("CT-HELD", date(2020, 1, 1), True),
    ]
    scans = [("CT-ACTIVE", date(2026, 4, 15)), ("CT-ACTIVE", date(2026, 3, 1)),
             ("CT-ACTIVE", date(2026, 4, 16)), ("CT-OLD", date(2020, 1, 1)),
             ("CT-HELD", date(2020, 1, 1))]
    due = due_parts(policy, today, closed, scans, {"CT-HELD"})
    assert due == [
        DuePart("CT-ACTIVE", Part.SCANS, date(2026, 5, 1), 2),
        DuePart("CT-BARE", Part.RECORD, date(2026, 1, 1)),
        DuePart("CT-OLD", Part.RECORD, date(2026, 6, 15)),
        DuePart("CT-YOUNG", Part.SENSITIVE, date(2025, 9, 16)),
    ]


def test_a_persons_figures_count_once_per_period_and_name_no_day() -> None:
    counts = figure_contributions(
        [Attendance(date(2026, 4, 2), "smart_goals", True, True),
         Attendance(date(2026, 5, 9), "resume", True, False)],
        [("internship", date(2026, 5, 1)), ("placed", date(2026, 8, 3)),
         ("matching", date(2026, 4, 1))])
    assert counts[("2026-Q2", date(2026, 6, 30), "participants")] == 1
    assert counts[("2026-04", date(2026, 4, 30), "participants")] == 1
    assert counts[("2026-H1", date(2026, 6, 30), "topic:smart_goals")] == 1
    assert counts[("FY2026", date(2026, 9, 30), "placements")] == 1
    assert counts[("2026-H2", date(2026, 12, 31), "placements")] == 1
    assert not any(m == "matching" for _l, _e, m in counts)
    # Labels are reporting periods, nothing finer.
    assert {label for label, _end, _m in counts} == {
        "2026-04", "2026-05", "2026-08", "2026-Q2", "2026-Q3", "2026-H1", "2026-H2",
        "FY2026"}


def test_policy_is_shown_to_all_set_by_supervisors_and_audited(team: Team) -> None:
    assert retention.policy(team.coordinator) == RetentionPolicy()
    for session in (team.case_manager, team.coordinator):
        with pytest.raises(Exception, match="supervisor"):
            retention.set_policy(session, closed_months=24)
    updated = retention.set_policy(team.supervisor, closed_months=24, figures_years=5)
    assert updated == RetentionPolicy(24, 3, 3, 5)
    assert retention.policy(team.case_manager) == updated
    with pytest.raises(ValidationError):
        retention.set_policy(team.supervisor, sensitive_months=30)
    assert retention.policy(team.supervisor) == updated  # a refused change changes nothing
    entries = [e for e in audit.recent_entries(team.supervisor, 100)
               if e.action == "retention.policy"]
    assert [(e.actor, e.details["closed_months"]) for e in entries] == [(SUPERVISOR, 24)]


def _past_periods() -> list[str]:
    """Every period (of each kind) that is over and holds demo activity."""
    labels: list[str] = []
    for kind, count in ((PeriodKind.MONTH, 40), (PeriodKind.QUARTER, 14),
                        (PeriodKind.HALF, 7), (PeriodKind.FISCAL_YEAR, 4)):
        labels += [p.label for p in ended_periods(kind, TODAY, count)]
    return labels


def _reports(session: Session, periods: list[str]) -> dict[str, bytes]:
    return {p: dashboard.outcome_report(session, p, "csv") for p in periods}


def _caseload_years_ago(team: Team, years: int, seed: int) -> None:
    """A random caseload made `years` years ago (its closed cases closed then)."""
    with clock.using(clock.FixedClock(add_months(TODAY, -12 * years))):
        demo.populate(team.supervisor, 80, [CASE_MANAGER, OTHER_CASE_MANAGER], seed=seed)
    retention.set_policy(team.supervisor, closed_months=12, sensitive_months=3)


@pytest.mark.parametrize("seed", [7, 2026])
def test_past_figures_are_the_same_after_their_cases_are_purged(team: Team, seed: int) -> None:
    _caseload_years_ago(team, 2, seed)
    periods = _past_periods()
    before = _reports(team.supervisor, periods)
    due = retention.due(team.supervisor)
    cases = {d.case_number for d in due if d.part is Part.RECORD}
    assert len(cases) >= 3  # the random caseload closed some cases two years ago
    with pytest.raises(UsageError, match="nothing was removed"):
        retention.purge_due(team.supervisor, len(cases) + 1)
    report = retention.purge_due(team.supervisor, len({d.case_number for d in due}))
    assert report.rows["survivors"] == len(cases)
    kept = team.supervisor.conn.execute("SELECT count(*) FROM kept_figures").fetchone()[0]
    assert kept > 0  # the purged cases had counted somewhere
    after = _reports(team.supervisor, periods)
    assert after == before
    # The compared reports include counts the purged cases were part of.
    marks = ",".join("?" * len(periods))
    assert team.supervisor.conn.execute(
        f"SELECT sum(n) FROM kept_figures WHERE period IN ({marks})", periods).fetchone()[0] > 20
    assert retention.due(team.supervisor) == []


def test_figures_older_than_the_policy_are_dropped(team: Team) -> None:
    _caseload_years_ago(team, 3, 11)
    retention.set_policy(team.supervisor, figures_years=3)
    n = len({d.case_number for d in retention.due(team.supervisor)})
    assert retention.purge_due(team.supervisor, n).figures_dropped > 0
    cutoff = add_months(TODAY, -36).isoformat()
    conn = team.supervisor.conn
    assert conn.execute("SELECT count(*) FROM kept_figures WHERE period_end < ?",
                        (cutoff,)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM kept_figures").fetchone()[0] > 0


def test_closing_records_the_day_and_reopening_forgets_it(team: Team) -> None:
    case = survivors.create_survivor(team.case_manager, survivors.draft("CT-9", "Ana"))
    closed_on = add_months(TODAY, -13)
    with clock.using(clock.FixedClock(closed_on)):
        survivors.set_status(team.case_manager, case.case_number, CaseStatus.CLOSED)
    assert [(d.case_number, d.part, d.since) for d in retention.due(team.supervisor)] == [
        ("CT-9", Part.RECORD, add_months(closed_on, 12))]
    survivors.set_status(team.case_manager, "CT-9", CaseStatus.ACTIVE)
    assert retention.due(team.supervisor) == []
    survivors.set_status(team.case_manager, "CT-9", CaseStatus.CLOSED)
    assert retention.due(team.supervisor) == []  # closed today: nothing due for months


def _cli(team: Team, tmp_path: Path, *args: str) -> list[str]:
    secret = tmp_path / "pp.txt"
    secret.write_text(SUPERVISOR_PASSPHRASE)
    return [*args, "--db", str(team.vault.paths.db), "--user", SUPERVISOR,
            "--passphrase-file", str(secret)]


def test_cli_policy_due_hold_and_purge(team: Team, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from casetracker.cli import main

    for number in ("CT-1", "CT-2"):
        survivors.create_survivor(team.case_manager, survivors.draft(number, "Ana"))
        with clock.using(clock.FixedClock(add_months(TODAY, -14))):
            survivors.set_status(team.case_manager, number, CaseStatus.CLOSED)
    team.close()

    def run(*args: str) -> tuple[int, str, str]:
        status = main(_cli(team, tmp_path, *args), kdf=FAST_INSECURE)
        captured = capsys.readouterr()
        return status, captured.out, captured.err

    status, out, _ = run("retention", "policy")
    assert status == 0
    assert "closed_months" in out
    assert "12" in out
    assert run("retention", "policy", "--closed-months", "13", "--figures-years", "8")[0] == 0
    assert "13" in run("retention", "policy", "--json")[1]
    with pytest.raises(SystemExit) as usage:  # argparse's own usage error
        run("retention", "policy", "--closed-months", "x")
    assert usage.value.code == 2
    assert run("retention", "hold", "CT-1", "--reason", "Court case pending")[0] == 0
    status, out, _ = run("retention", "holds")
    assert status == 0
    assert "CT-1" in out
    assert "Court case pending" in out
    status, out, _ = run("retention", "due")
    assert status == 0
    assert "CT-2" in out
    assert "CT-1" not in out
    assert "Ana" not in out
    assert "1 case due for purge" in out
    status, _, err = run("retention", "purge", "--due", "--confirm", "2")
    assert status == 2
    assert "cases due for purge: 1, not 2" in err
    assert run("retention", "purge", "--due")[0] == 2
    status, _, err = run("retention", "purge", "--due", "--confirm", "1")
    assert status == 0
    assert "CT-2" in err
    assert run("retention", "due")[1].strip().endswith("nothing is due for purge")
    assert run("retention", "release", "CT-1")[0] == 0
    assert "CT-1" not in run("retention", "holds")[1]
    assert "CT-1" in run("retention", "due")[1]
    assert run("retention", "release", "CT-1")[0] == 2  # not held any more
