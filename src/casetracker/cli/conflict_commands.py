"""Conflicts from team use: list those waiting for you, and settle one.

`conflicts list` prints one row per value of each conflict: the value shown now on every
laptop (marked `*`) and the values waiting beside it, each with the VALUE_ID that
`conflicts resolve ID --keep VALUE_ID` takes.
"""

from __future__ import annotations

import sys
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context, print_rows
from casetracker.services import conflicts


def _text(value: Any, shown: bool) -> str:
    if not shown:
        return "(not shown to your role)"
    if value is None:
        return "(empty)"
    if isinstance(value, bytes):
        return f"({len(value)} bytes)"
    return " ".join(str(value).split())


def cmd_conflicts_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        found = conflicts.waiting(session)
        laptops = conflicts.laptop_names(session)
    rows = []
    for view in found:
        for value in view.values:
            written = "" if value.written_at is None else value.written_at.isoformat(
                timespec="minutes")
            rows.append({
                "id": view.conflict_id, "case": view.case_number or "",
                "what": view.what, "value_id": value.value_id,
                "now": "*" if value.current else "",
                "value": (value.value if ctx.args.json and not isinstance(value.value, bytes)
                          else _text(value.value, value.shown)),
                "by": value.written_by or "", "laptop": laptops.get(value.laptop,
                                                                    value.laptop[:8]),
                "written": written})
    print_rows(rows, ["id", "case", "what", "value_id", "now", "value", "by", "laptop",
                      "written"], as_json=ctx.args.json)
    return 0


def cmd_conflicts_resolve(ctx: Context) -> int:
    with ctx.unlock() as session:
        view = conflicts.resolve(session, ctx.args.id, keep=ctx.args.keep, value=ctx.args.value)
    print(f"{PROG}: conflict {view.conflict_id} settled ({view.what}); it travels with the "
          "next sync", file=sys.stderr)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    group = commands.add_parser("conflicts", help="conflicts from team use, waiting to be "
                                                  "settled")
    actions = group.add_subparsers(dest="conflicts_command", metavar="ACTION", required=True)
    cmd = add(actions, "list", cmd_conflicts_list,
              "the conflicts waiting for you (a case manager's own cases; a supervisor's, all)"
              ", one row per value; '*' marks the value every laptop shows meanwhile")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "resolve", cmd_conflicts_resolve,
              "settle a conflict: keep one of its values, or give a new one (free text only)")
    cmd.add_argument("id", metavar="ID")
    which = cmd.add_mutually_exclusive_group(required=True)
    which.add_argument("--keep", metavar="VALUE_ID", help="the value to keep")
    which.add_argument("--value", metavar="TEXT", help="a new value instead of those waiting")
