"""Commands for what only the case's own staff read: sensitive details (trafficking history,
record, immigration, health, safety plan; never coordinators, every view audited) and
barriers to work."""

from __future__ import annotations

import json
from typing import Any

from casetracker.cli.common import AddCommand, Context, print_rows
from casetracker.cli.field_options import (
    FieldOption,
    FieldParser,
    declare,
    enum_names,
    enum_value,
    flags,
    given,
    one_from_stdin,
    text_or_stdin,
)
from casetracker.cli.ids import chained
from casetracker.domain import clock
from casetracker.domain.employment import ClearanceDecision
from casetracker.domain.errors import UsageError
from casetracker.domain.survivors import BarrierKind, TraffickingType, VacaturStatus
from casetracker.domain.validation import parse_date
from casetracker.services import clearances, employers, sensitive

_STDIN = " ('-' reads it from standard input, out of the shell's history)"
SENSITIVE_FIELDS: tuple[FieldOption, ...] = (
    FieldOption("trafficking_type", "type of trafficking",
                enum_value(TraffickingType, "unknown"),
                choices=enum_names(TraffickingType, "unknown")),
    FieldOption("history_notes", "history" + _STDIN, text_or_stdin),
    FieldOption("criminal_record_notes", "criminal record" + _STDIN, text_or_stdin),
    FieldOption("vacatur_status", "vacatur petition",
                enum_value(VacaturStatus, "not_applicable"),
                choices=enum_names(VacaturStatus, "not_applicable")),
    FieldOption("immigration_status", "immigration status" + _STDIN, text_or_stdin),
    FieldOption("health_notes", "health" + _STDIN, text_or_stdin),
    FieldOption("safety_plan", "safety plan" + _STDIN, text_or_stdin),
)
# How an empty enum value is shown and typed.
_BLANK = {"trafficking_type": "unknown", "vacatur_status": "not_applicable"}


def cmd_sensitive_show(ctx: Context) -> int:
    with ctx.unlock() as session:
        details = sensitive.get_sensitive(session, ctx.args.case)
    record: dict[str, Any] = {"case": ctx.args.case}
    for option in SENSITIVE_FIELDS:
        value = str(getattr(details, option.attribute))
        record[option.attribute] = value or _BLANK.get(option.attribute, "")
    if ctx.args.json:
        print(json.dumps(record, ensure_ascii=False))
        return 0
    width = max(len(k) for k in record)
    for key, value in record.items():
        print(f"{key.replace('_', ' '):<{width}}  {value}")
    return 0


def cmd_sensitive_set(ctx: Context) -> int:
    one_from_stdin(ctx.args, SENSITIVE_FIELDS)
    whole, _ = given(ctx.args, SENSITIVE_FIELDS)
    if not whole:
        raise UsageError(f"say which fields to change: {flags(SENSITIVE_FIELDS)}")
    with ctx.unlock() as session:
        sensitive.update_sensitive(session, ctx.args.case, **whole)
    return 0


def cmd_barrier_add(ctx: Context) -> int:
    with ctx.unlock() as session:
        barrier = sensitive.add_barrier(session, ctx.args.case, BarrierKind(ctx.args.kind),
                                        ctx.args.description or "")
    print(barrier.id)
    return 0


def cmd_barrier_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        found = sensitive.barriers(session, ctx.args.case)
    rows = [{"id": b.id, "kind": b.kind.value, "description": b.description or "-",
             "resolved": b.resolved_on.isoformat() if b.resolved_on else "-"}
            for b in found if ctx.args.all or not b.resolved]
    print_rows(rows, ["id", "kind", "description", "resolved"], as_json=ctx.args.json)
    return 0


def cmd_barrier_resolve(ctx: Context) -> int:
    on = parse_date(ctx.args.date, "date") if ctx.args.date else clock.today()
    with ctx.unlock() as session, chained("barrier", ctx.args.barrier, "barrier list CASE"):
        sensitive.set_barrier_resolved(session, ctx.args.barrier, on)
    return 0


def cmd_clearance_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        names = {e.id: e.name for e in employers.employers(session)}
        found = clearances.decisions(session, ctx.args.case)
    rows = [{"employer": names.get(c.employer_id, "?"), "decision": c.decision.value,
             "on": c.decided_on.isoformat(), "by": c.decided_by or "-",
             "reason": c.reason or "-"} for c in found]
    print_rows(rows, ["employer", "decision", "on", "by", "reason"], as_json=ctx.args.json)
    return 0


def cmd_clearance_set(ctx: Context) -> int:
    reason = text_or_stdin(ctx.args.reason or "")
    with ctx.unlock() as session:
        clearances.record(session, ctx.args.case, ctx.args.employer,
                          ClearanceDecision(ctx.args.decision), reason)
    return 0


def cmd_clearance_withdraw(ctx: Context) -> int:
    with ctx.unlock() as session:
        clearances.withdraw(session, ctx.args.case, ctx.args.employer)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    """Add the `sensitive`, `clearance` and `barrier` commands to the parser."""
    group = commands.add_parser("sensitive", help="sensitive details (never coordinators)")
    actions = group.add_subparsers(dest="sensitive_command", metavar="ACTION", required=True,
                                   parser_class=FieldParser)
    cmd = add(actions, "show", cmd_sensitive_show,
              "show a survivor's sensitive details (their case manager or a supervisor; "
              "every view is audited)")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object")
    cmd = add(actions, "set", cmd_sensitive_set,
              "change sensitive details (their case manager); give only the fields to change")
    cmd.add_argument("case", metavar="CASE")
    declare(cmd, SENSITIVE_FIELDS)

    group = commands.add_parser("clearance", help="whether a survivor fits an employer with "
                                "hiring restrictions (the case manager decides)")
    actions = group.add_subparsers(dest="clearance_command", metavar="ACTION", required=True)
    cmd = add(actions, "list", cmd_clearance_list,
              "a survivor's decisions for restricted employers, with the reasons (their case "
              "manager or a supervisor)")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "set", cmd_clearance_set,
              "record whether a survivor fits an employer with hiring restrictions (their "
              "case manager); coordinators see only 'cleared'")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--employer", required=True, metavar="NAME")
    cmd.add_argument("--decision", required=True,
                     choices=[d.value for d in ClearanceDecision])
    cmd.add_argument("--reason", metavar="TEXT", help="why (kept with the sensitive details)"
                     + _STDIN)
    cmd = add(actions, "withdraw", cmd_clearance_withdraw,
              "take a decision back: the survivor is undecided again for that employer")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--employer", required=True, metavar="NAME")

    group = commands.add_parser("barrier", help="barriers to work")
    actions = group.add_subparsers(dest="barrier_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_barrier_add,
              "record a barrier to work (their case manager); prints its id")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--kind", required=True, choices=[k.value for k in BarrierKind])
    cmd.add_argument("--description", metavar="TEXT")
    cmd = add(actions, "list", cmd_barrier_list, "a survivor's open barriers")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--all", action="store_true", help="resolved ones too")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "resolve", cmd_barrier_resolve, "mark a barrier resolved")
    cmd.add_argument("barrier", metavar="BARRIER_ID")
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the day it was resolved (default: "
                     "today)")
