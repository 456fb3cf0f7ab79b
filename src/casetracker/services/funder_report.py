"""The funder report (supervisors): counts for one reporting period that is over, as PDF or
CSV, small counts suppressed; no person is ever listed. Purging never changes a past period's
figures: `keeping_figures` keeps what a purge takes from them, and the report adds it back."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.funder_report import (
    HOST_PREFIX,
    KEPT_PREFIX,
    FunderFigures,
    add_kept,
    contribution,
    kept_kinds,
    measures,
    suppress_funder,
)
from casetracker.domain.reports import (
    PeriodKind,
    ReportingPeriod,
    check_reportable,
    hidden_across_periods,
    parse_period,
    period_containing,
)
from casetracker.export import funder_report as render
from casetracker.services.session import Session
from casetracker.services.sharing_support import letterhead
from casetracker.storage.connection import Connection
from casetracker.storage.funder_repo import FunderRepository
from casetracker.storage.retention_repo import RetentionScheduleRepository


def figures(session: Session, period: str) -> FunderFigures:
    """The unsuppressed counts (for the report's own rendering and its tests), with what
    purged cases left behind added."""
    session.require("preparing the funder report", Role.SUPERVISOR)
    chosen = parse_period(period)
    check_reportable(chosen, clock.today())
    return _figures_of(session.conn)(chosen)


def _figures_of(conn: Connection) -> Callable[[ReportingPeriod], FunderFigures]:
    """A period's figures: of the people here, plus what purged ones left behind."""
    repo, kept = FunderRepository(conn), RetentionScheduleRepository(conn)
    kinds = kept_kinds(kept.kept_measures(KEPT_PREFIX))
    return lambda p: add_kept(repo.figures(p), kept.kept_figures(p.label, KEPT_PREFIX),
                              repo.hosts(p), kinds)


def withheld(session: Session, found: FunderFigures) -> frozenset[str]:
    """The figures to withhold, across the shorter periods inside this one too: a reader may
    ask for those reports as well, and subtract (each with what purged cases left)."""
    figures_of = _figures_of(session.conn)
    return hidden_across_periods(
        found.period, lambda p: measures(found if p == found.period else figures_of(p)),
        suppress_funder)


def _shares(conn: Connection, who: str) -> Counter[tuple[str, date, str]]:
    """One survivor's share of the funder report of every period (of every kind) in which
    anything counted happened with them: (period label, its last day, kept measure) -> n."""
    repo = FunderRepository(conn)
    days = repo.days(who)
    found: Counter[tuple[str, date, str]] = Counter()
    for period in {period_containing(kind, day) for kind in PeriodKind for day in days}:
        share = contribution(repo.figures(period, who), repo.hosts(period, who))
        for measure, n in share.items():
            found[(period.label, period.end, KEPT_PREFIX + measure)] += n
    return found


@contextmanager
def keeping_figures(conn: Connection, who: str) -> Iterator[None]:
    """Around removing some or all of a survivor's rows (inside the caller's transaction):
    keep, as de-identified counts, whatever the removal takes from the funder report of any
    period, so that past reports print the same (`domain.funder_report`, "what purged cases
    leave behind"). A difference can be negative: removing sensitive details moves the
    survivor from their kind of trafficking to "not recorded"."""
    before = _shares(conn, who)
    yield
    after = _shares(conn, who)
    kept = RetentionScheduleRepository(conn)
    change: Counter[tuple[str, date, str]] = Counter()
    for key in before.keys() | after.keys():
        n = before[key] - after[key]
        label, _end, measure = key
        if measure.startswith(KEPT_PREFIX + HOST_PREFIX) and (
                n <= 0 or kept.has_figure(label, measure)):
            continue  # an employer is kept once per period, not once per person it hosted
        change[key] = n
    kept.keep_figures(change)


def report(session: Session, period: str, fmt: str) -> bytes:
    found = figures(session, period)
    hidden = withheld(session, found)
    data = (render.funder_pdf(found, hidden, letterhead(session), clock.today())
            if fmt == "pdf" else render.funder_csv(found, hidden).encode("utf-8"))
    session.audit("report.funder", None, format=fmt, period=found.period.label)
    return data
