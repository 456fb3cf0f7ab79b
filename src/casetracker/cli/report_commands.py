"""Commands for supervisors' reports (case reviews: review_commands.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from casetracker.cli.common import AddCommand, Context, print_rows
from casetracker.domain.errors import UsageError
from casetracker.domain.reports import METRIC_LABELS, METRICS, PERIOD_FORMS, parse_period
from casetracker.services import dashboard, funder_report


def _format(out: str) -> str:
    suffix = Path(out).suffix.lower()
    if suffix not in {".pdf", ".csv"}:
        raise UsageError("--out must end in .pdf or .csv")
    return suffix[1:]


def cmd_report_caseload(ctx: Context) -> int:
    fmt = _format(ctx.args.out)
    with ctx.unlock() as session:
        data = dashboard.caseload_report(session, fmt)
        dashboard.write_report(Path(ctx.args.out), data)
    return 0


def cmd_report_outcomes(ctx: Context) -> int:
    # Any range of dates would let two reports be subtracted to work out a "<5": a report
    # covers one fixed period, and the old options say so instead of being ignored.
    if ctx.args.from_ is not None or ctx.args.to is not None:
        raise UsageError("report outcomes takes --period, not --from and --to: a report covers "
                         f"one fixed period that is over, {PERIOD_FORMS}")
    if ctx.args.period is None:
        raise UsageError(f"report outcomes needs --period: {PERIOD_FORMS}")
    fmt = _format(ctx.args.out)
    period = parse_period(ctx.args.period)  # a mistake in it is told before the passphrase
    with ctx.unlock() as session:
        data = dashboard.outcome_report(session, period.label, fmt)
        dashboard.write_report(Path(ctx.args.out), data)
    return 0


def cmd_report_funder(ctx: Context) -> int:
    if ctx.args.period is None:
        raise UsageError(f"report funder needs --period: {PERIOD_FORMS}")
    fmt = _format(ctx.args.out)
    period = parse_period(ctx.args.period)
    with ctx.unlock() as session:
        data = funder_report.report(session, period.label, fmt)
        dashboard.write_report(Path(ctx.args.out), data)
    return 0


def cmd_dashboard(ctx: Context) -> int:
    # The cases behind a figure are one case manager's cases counted by one figure: either
    # option alone would be ignored, or answer a question nobody asked.
    if ctx.args.metric is not None and ctx.args.case_manager is None:
        raise UsageError(f"--metric {ctx.args.metric} needs --case-manager NAME: it lists the "
                         "cases behind one case manager's figure")
    if ctx.args.case_manager is not None and ctx.args.metric is None:
        raise UsageError(f"--case-manager needs --metric M, the figure whose cases to list: "
                         f"{', '.join(METRICS)}")
    with ctx.unlock() as session:
        if ctx.args.case_manager is not None:
            rows = [{"case": case, "name": name} for case, name in dashboard.cases_behind(
                session, ctx.args.case_manager, ctx.args.metric)]
            print_rows(rows, ["case", "name"], as_json=ctx.args.json)
            return 0
        figures = dashboard.manager_figures(session)
        funnel = dashboard.funnel(session)
    print_rows([{"case_manager": f.case_manager or "(unassigned)",
                 **{m: getattr(f, m) for m in METRICS}} for f in figures],
               ["case_manager", *METRICS], as_json=ctx.args.json)
    if not ctx.args.json:
        print("funnel: " + ", ".join(f"{label} {count}" for label, count in funnel.steps()))
    return 0


def register(commands: Any, add: AddCommand) -> None:
    group = commands.add_parser("report", help="reports for supervision and funders")
    actions = group.add_subparsers(dest="report_command", metavar="KIND", required=True)
    cmd = add(actions, "caseload", cmd_report_caseload,
              "the caseload audit per case manager (PDF or CSV)")
    cmd.add_argument("--out", required=True, metavar="FILE.pdf|FILE.csv")
    cmd = add(actions, "outcomes", cmd_report_outcomes,
              "counts for funders for one reporting period that is over, small counts shown "
              "as <5 (PDF or CSV)")
    cmd.add_argument("--period", metavar="PERIOD",
                     help="2026-05 (a month), 2026-Q2 (a quarter), 2026-H1 (a half year) or "
                          "FY2026 (the federal fiscal year, October 2025 to September 2026)")
    cmd.add_argument("--out", required=True, metavar="FILE.pdf|FILE.csv")
    # Gone: refused with a clear message (above) rather than an "unrecognized argument".
    cmd.add_argument("--from", dest="from_", help=argparse.SUPPRESS)
    cmd.add_argument("--to", help=argparse.SUPPRESS)
    cmd = add(actions, "funder", cmd_report_funder,
              "the funder report for one reporting period that is over: clients served, "
              "services by type, placement outcomes, employers by industry (PDF or CSV)")
    cmd.add_argument("--period", metavar="PERIOD",
                     help="2026-05, 2026-Q2, 2026-H1 or FY2026, as for report outcomes")
    cmd.add_argument("--out", required=True, metavar="FILE.pdf|FILE.csv")
    cmd = add(commands, "dashboard", cmd_dashboard,
              "figures per case manager and the funnel; with --case-manager and --metric, the "
              "cases behind a figure")
    cmd.add_argument("--case-manager", metavar="NAME")
    cmd.add_argument("--metric", choices=METRICS, default=None,
                     help="; ".join(f"{m}: {METRIC_LABELS[m]}" for m in METRICS))
    cmd.add_argument("--json", action="store_true")
