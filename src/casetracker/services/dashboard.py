"""The supervisor's dashboard and reports: figures per case manager, the placement funnel,
the cases behind any figure, and the funders' outcome report with small counts suppressed."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.employment import WorkshopTopic
from casetracker.domain.errors import UsageError
from casetracker.domain.reports import (
    METRICS,
    Funnel,
    ManagerFigures,
    Outcomes,
    PeriodKind,
    ReportingPeriod,
    check_reportable,
    ended_periods,
    hidden_across_periods,
    outcome_measures,
    parse_period,
)
from casetracker.domain.retention import add_kept
from casetracker.export import reports as render
from casetracker.security.atomic import atomic_write
from casetracker.services import audit_anchor
from casetracker.services.session import Session
from casetracker.services.sharing_support import letterhead
from casetracker.storage.reports_repo import ReportsRepository
from casetracker.storage.retention_repo import RetentionScheduleRepository


def manager_figures(session: Session) -> list[ManagerFigures]:
    session.require("opening the dashboard", Role.SUPERVISOR)
    session.audit("dashboard.view", None)
    return ReportsRepository(session.conn).manager_figures(clock.today())


def funnel(session: Session) -> Funnel:
    session.require("opening the dashboard", Role.SUPERVISOR)
    return ReportsRepository(session.conn).funnel()


def cases_behind(session: Session, case_manager: str, metric: str) -> list[tuple[str, str]]:
    """The cases a dashboard figure counts (the drill-down); audited as a view."""
    session.require("opening the dashboard", Role.SUPERVISOR)
    if metric not in METRICS:
        raise UsageError(f"unknown figure {metric!r}")
    cases = ReportsRepository(session.conn).cases_behind(case_manager, metric, clock.today())
    session.audit("dashboard.drill_down", None, case_manager=case_manager, metric=metric,
                  cases=len(cases))
    return cases


def counts_behind(session: Session, case_manager: str,
                  metric: str) -> list[tuple[str, str, int]]:
    """`cases_behind` with how many of the figure's items each case holds (2 overdue
    milestones...): the counts add up to the dashboard's figure."""
    session.require("opening the dashboard", Role.SUPERVISOR)
    if metric not in METRICS:
        raise UsageError(f"unknown figure {metric!r}")
    cases = ReportsRepository(session.conn).counts_behind(case_manager, metric, clock.today())
    session.audit("dashboard.drill_down", None, case_manager=case_manager, metric=metric,
                  cases=len(cases))
    return cases


def milestones_behind(session: Session, case_manager: str) -> list[tuple[str, str, str, str]]:
    """The overdue milestones the dashboard's figure counts for `case_manager`: (case number,
    preferred name, milestone, due date), as many as the figure says."""
    session.require("opening the dashboard", Role.SUPERVISOR)
    rows = ReportsRepository(session.conn).milestones_behind(case_manager, clock.today())
    session.audit("dashboard.drill_down", None, case_manager=case_manager,
                  metric="overdue_milestones", cases=len({r[0] for r in rows}))
    return rows


def outcomes(session: Session, period: str) -> Outcomes:
    """The funders' counts for one reporting period that is over (`2026-05`, `2026-Q2`,
    `2026-H1`, `FY2026`): fixed periods only, never a range of the caller's choosing, so that
    two reports cannot be subtracted to work out a count shown as "<5"."""
    session.require("preparing the outcome report", Role.SUPERVISOR)
    chosen = parse_period(period)
    check_reportable(chosen, clock.today())
    repo = ReportsRepository(session.conn)
    topics = [t.value for t in WorkshopTopic]
    # Purged cases' contributions, kept as de-identified counts: past figures never change.
    kept_repo = RetentionScheduleRepository(session.conn)

    def counts_of(p: ReportingPeriod) -> dict[str, Any]:
        return add_kept(repo.outcome_counts(p.start, p.end), kept_repo.kept_figures(p.label))

    def measures(p: ReportingPeriod) -> dict[str, int]:
        return outcome_measures(counts_of(p), topics)

    # Suppressed across the shorter periods inside this one, which a reader may also ask for.
    return Outcomes(chosen, **counts_of(chosen),
                    hidden=hidden_across_periods(chosen, measures))


def caseload_report(session: Session, fmt: str) -> bytes:
    """The caseload audit, per case manager, as PDF or CSV (no survivor is named)."""
    figures = manager_figures(session)
    data = (render.caseload_pdf(figures, funnel(session), letterhead(session), clock.today(),
                                audit_anchor.paper_line(session))
            if fmt == "pdf" else render.caseload_csv(figures).encode("utf-8"))
    session.audit("report.caseload", None, format=fmt)
    return data


def outcome_report(session: Session, period: str, fmt: str) -> bytes:
    """The funders' report for one reporting period: counts only, small ones shown as <5."""
    result = outcomes(session, period)
    data = (render.outcomes_pdf(result, letterhead(session), clock.today()) if fmt == "pdf"
            else render.outcomes_csv(result).encode("utf-8"))
    session.audit("report.outcomes", None, format=fmt, period=result.period.label,
                  start=result.start.isoformat(), end=result.end.isoformat())
    return data


def reporting_periods(kind: PeriodKind, count: int) -> list[ReportingPeriod]:
    """The periods of this kind an outcome report may cover now, newest first."""
    return ended_periods(kind, clock.today(), count)


def write_report(out: Path, data: bytes) -> None:
    """Reports name no survivor; they are written like any other file, atomically."""
    out.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(out, data)


def funnel_picture(session: Session, names: Mapping[str, str] | None = None) -> bytes:
    """The placement funnel drawn as SVG (the same chart as in the PDF report); `names`
    translates the steps' English names for the screen."""
    return render.funnel_svg(funnel(session), names)
