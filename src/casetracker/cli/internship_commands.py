"""Commands for paid internships as they run: show, change, weekly check-ins, the end, and
those ending in the next two weeks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from casetracker.cli.common import (
    AddCommand,
    Context,
    add_ending_arguments,
    add_people_arguments,
    print_rows,
)
from casetracker.domain.employment import parse_wage
from casetracker.domain.errors import UsageError
from casetracker.domain.internships import Internship
from casetracker.domain.validation import parse_date
from casetracker.services import internships

_OPTIONS: dict[str, tuple[str, Callable[[str], Any]]] = {  # option -> (field, reader)
    "start": ("starts_on", lambda v: parse_date(v, "starts_on")),
    "end": ("ends_on", lambda v: parse_date(v, "ends_on")),
    "hours": ("hours_per_week", int),
    "wage": ("hourly_wage_cents", parse_wage),
    "supervisor": ("employer_supervisor", str),
    "supervisor_contact": ("employer_supervisor_contact", str),
    "mentor": ("employer_mentor", str),
    "mentor_contact": ("employer_mentor_contact", str),
}


def _row(case: str, i: Internship) -> dict[str, Any]:
    return {"case": case, "starts": i.starts_on.isoformat(), "ends": i.ends_on.isoformat(),
            "hours": i.hours_per_week if i.hours_per_week is not None else "-",
            "wage": (f"${i.hourly_wage_cents / 100:.2f}" if i.hourly_wage_cents is not None
                     else "-"),
            "supervisor": i.employer_supervisor or "-", "mentor": i.employer_mentor or "-",
            "outcome": i.outcome.value or "running",
            "ended": i.ended_on.isoformat() if i.ended_on else "-"}


_COLUMNS = ["case", "starts", "ends", "hours", "wage", "supervisor", "mentor", "outcome",
            "ended"]


def cmd_show(ctx: Context) -> int:
    with ctx.unlock() as session:
        found = internships.internships(session, ctx.args.case)
        weeks = internships.weeks(session, ctx.args.case) if found else []
    print_rows([_row(ctx.args.case, i) for i in found], _COLUMNS, as_json=ctx.args.json)
    if weeks and not ctx.args.json:
        print()
    print_rows([{"week_of": w.week_of.isoformat(), "hours_worked": w.hours_worked,
                 "note": w.note} for w in weeks], ["week_of", "hours_worked", "note"],
               as_json=ctx.args.json)
    return 0


def cmd_set(ctx: Context) -> int:
    changes = {field: read(getattr(ctx.args, option))
               for option, (field, read) in _OPTIONS.items()
               if getattr(ctx.args, option) is not None}
    if not changes:
        raise UsageError("say what to change: " + ", ".join(
            "--" + o.replace("_", "-") for o in _OPTIONS))
    with ctx.unlock() as session:
        internships.update(session, ctx.args.case, **changes)
    return 0


def cmd_week(ctx: Context) -> int:
    week_of = parse_date(ctx.args.week_of, "week_of") if ctx.args.week_of else None
    with ctx.unlock() as session:
        internships.record_week(session, ctx.args.case, ctx.args.hours, week_of=week_of,
                                note=ctx.args.note or "")
    return 0


def cmd_finish(ctx: Context) -> int:
    on = parse_date(ctx.args.date, "ended_on") if ctx.args.date else None
    with ctx.unlock() as session:
        internships.finish(session, ctx.args.case, completed=ctx.args.completed, on=on,
                           reason=ctx.args.reason or "")
    return 0


def cmd_ending(ctx: Context) -> int:
    with ctx.unlock() as session:
        found = internships.ending_soon(session)
    print_rows([_row(case, i) for case, i in found], _COLUMNS, as_json=ctx.args.json)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    """Add the `internship` command to the parser."""
    group = commands.add_parser("internship", help="paid internships as they run")
    actions = group.add_subparsers(dest="internship_command", metavar="ACTION", required=True)
    cmd = add(actions, "show", cmd_show,
              "a survivor's internships, newest first, and the newest one's weekly check-ins")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "set", cmd_set, "change the newest internship (the case manager or a "
              "coordinator); the employer's supervisor and mentor are the employer's people")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--start", metavar="YYYY-MM-DD")
    cmd.add_argument("--end", metavar="YYYY-MM-DD")
    cmd.add_argument("--hours", type=int, metavar="N", help="hours a week")
    cmd.add_argument("--wage", metavar="DOLLARS", help="an hour, such as 16.50")
    add_people_arguments(cmd)
    cmd = add(actions, "week", cmd_week, "the weekly check-in: hours worked and a short note")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--hours", type=int, required=True, metavar="N", help="hours worked")
    cmd.add_argument("--week-of", metavar="YYYY-MM-DD", help="a day of that week "
                     "(default: this week)")
    cmd.add_argument("--note", metavar="TEXT")
    cmd = add(actions, "finish", cmd_finish, "record how the newest internship ended")
    add_ending_arguments(cmd)
    cmd = add(actions, "ending", cmd_ending,
              "running internships that end in the next two weeks (supervisors: all; case "
              "managers: their own cases)")
    cmd.add_argument("--json", action="store_true")
