"""Commands for the retention policy: show and set it, legal holds, what is due, the purge."""

from __future__ import annotations

import argparse
import sys
from dataclasses import fields
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context, print_rows
from casetracker.domain.errors import UsageError
from casetracker.domain.retention import PART_LABELS, RetentionPolicy, cases_of
from casetracker.services import copies, retention

_OPTIONS = {"closed_months": "--closed-months", "sensitive_months": "--sensitive-months",
            "scans_months": "--scans-months", "figures_years": "--figures-years"}
_MEANING = {
    "closed_months": "months a closed case's record is kept",
    "sensitive_months": "months sensitive details are kept after closure",
    "scans_months": "months scans are kept once a document is recovered",
    "figures_years": "years de-identified figures are kept",
}


def cmd_policy(ctx: Context) -> int:
    changes = {name: getattr(ctx.args, name) for name in _OPTIONS
               if getattr(ctx.args, name) is not None}
    with ctx.unlock() as session:
        current = (retention.set_policy(session, **changes) if changes
                   else retention.policy(session))
    if not changes:
        print_rows([{"setting": f.name, "value": getattr(current, f.name),
                     "meaning": _MEANING[f.name]} for f in fields(RetentionPolicy)],
                   ["setting", "value", "meaning"], as_json=ctx.args.json)
    return 0


def cmd_hold(ctx: Context) -> int:
    with ctx.unlock() as session:
        retention.hold(session, ctx.args.case, ctx.args.reason)
    return 0


def cmd_release(ctx: Context) -> int:
    with ctx.unlock() as session:
        retention.release(session, ctx.args.case)
    return 0


def cmd_holds(ctx: Context) -> int:
    with ctx.unlock() as session:
        holds = retention.legal_holds(session)
    print_rows([{"case": h.case_number, "since": h.placed_on.isoformat(), "by": h.placed_by,
                 "reason": h.reason} for h in holds],
               ["case", "since", "by", "reason"], as_json=ctx.args.json)
    return 0


def cmd_due(ctx: Context) -> int:
    with ctx.unlock() as session:
        due = retention.due(session)
        backups = [b for b in copies.known_backups(session) if b.past_policy and b.found]
    print_rows([{"case": d.case_number, "part": d.part.value, "due_since": d.since.isoformat(),
                 "items": d.items} for d in due],
               ["case", "part", "due_since", "items"], as_json=ctx.args.json)
    if not ctx.args.json:
        count = len(cases_of(due))
        print(f"{count} case{'' if count == 1 else 's'} due for purge; purge them with "
              f"'retention purge --due --confirm {count}'" if count else
              "nothing is due for purge")
    for b in backups:
        print(f"{PROG}: warning: backup {b.path} (made {b.made_at[:10]}) was made before a "
              "purge and still holds what it removed; 'backup --prune' removes it once a "
              "newer backup exists", file=sys.stderr)
    return 0


def cmd_purge(ctx: Context) -> int:
    if not ctx.args.due:
        raise UsageError("retention purge takes --due: it purges what 'retention due' lists "
                         "(one closed case: 'survivor purge CASE')")
    if ctx.args.confirm is None:
        raise UsageError("purging cannot be undone: confirm with --confirm N, N being the "
                         "number of cases 'retention due' lists")
    with ctx.unlock() as session:
        report = retention.purge_due(session, ctx.args.confirm)
    note = ("" if report.checkpointed else "; another program has the database open, so the "
            "removed data leaves the write-ahead log when it closes")
    print(f"{report.summary()}{note}", file=sys.stderr)
    for part in report.parts:
        print(f"  {part.case_number}: {PART_LABELS[part.part]}", file=sys.stderr)
    for line in report.copies.lines():
        print(f"{PROG}: {line}", file=sys.stderr)
    return 0


def _months(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def register(commands: Any, add: AddCommand) -> None:
    group = commands.add_parser("retention", help="the retention policy, legal holds and "
                                "the scheduled purge (supervisors)")
    actions = group.add_subparsers(dest="retention_command", metavar="ACTION", required=True)
    cmd = add(actions, "policy", cmd_policy,
              "show the retention policy, or set it with the options (supervisors)")
    for name, option in _OPTIONS.items():
        cmd.add_argument(option, dest=name, type=_months, metavar="N", help=_MEANING[name])
    cmd.add_argument("--json", action="store_true")
    cmd = add(actions, "hold", cmd_hold,
              "place a legal hold on a case: nothing of it is purged until it is released")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--reason", required=True, metavar="TEXT")
    cmd = add(actions, "release", cmd_release, "lift a case's legal hold")
    cmd.add_argument("case", metavar="CASE")
    cmd = add(actions, "holds", cmd_holds,
              "the cases under legal hold, since when, by whom and why")
    cmd.add_argument("--json", action="store_true")
    cmd = add(actions, "due", cmd_due,
              "the cases or parts past the policy, and since when (supervisors)")
    cmd.add_argument("--json", action="store_true")
    cmd = add(actions, "purge", cmd_purge,
              "purge what is due: whole records, or only the parts whose time has come")
    cmd.add_argument("--due", action="store_true", help="purge everything 'retention due' lists")
    cmd.add_argument("--confirm", type=_months, metavar="N",
                     help="the number of cases 'retention due' lists")
