"""The funder report (supervisors): counts for one reporting period that is over, as PDF or
CSV, small counts suppressed; no person is ever listed."""

from __future__ import annotations

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.funder_report import FunderFigures, measures, suppress_funder
from casetracker.domain.reports import check_reportable, hidden_across_periods, parse_period
from casetracker.export import funder_report as render
from casetracker.services.session import Session
from casetracker.services.sharing_support import letterhead
from casetracker.storage.funder_repo import FunderRepository


def figures(session: Session, period: str) -> FunderFigures:
    """The unsuppressed counts (for the report's own rendering and its tests)."""
    session.require("preparing the funder report", Role.SUPERVISOR)
    chosen = parse_period(period)
    check_reportable(chosen, clock.today())
    return FunderRepository(session.conn).figures(chosen)


def withheld(session: Session, found: FunderFigures) -> frozenset[str]:
    """The figures to withhold, across the shorter periods inside this one too: a reader may
    ask for those reports as well, and subtract."""
    repo = FunderRepository(session.conn)
    return hidden_across_periods(
        found.period, lambda p: measures(found if p == found.period else repo.figures(p)),
        suppress_funder)


def report(session: Session, period: str, fmt: str) -> bytes:
    found = figures(session, period)
    hidden = withheld(session, found)
    data = (render.funder_pdf(found, hidden, letterhead(session), clock.today())
            if fmt == "pdf" else render.funder_csv(found, hidden).encode("utf-8"))
    session.audit("report.funder", None, format=fmt, period=found.period.label)
    return data
