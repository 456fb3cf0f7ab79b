"""Commands for case records: import, list, show, search, and the demonstration database."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import date
from pathlib import Path
from typing import Any

from casetracker.cli import survivor_commands
from casetracker.cli.common import (
    PROG,
    AddCommand,
    Context,
    print_rows,
    read_secret_file,
)
from casetracker.cli.field_options import FieldParser
from casetracker.domain.accounts import Role
from casetracker.domain.errors import AlreadyExistsError, UsageError
from casetracker.domain.survivors import CaseStatus
from casetracker.services import (
    demo,
    documents,
    importer,
    notes,
    plans,
    retention,
    search,
    survivors,
)
from casetracker.services.import_mapping import FIELDS, Mapping, choose, guess_mapping
from casetracker.services.session import Session
from casetracker.services.spreadsheet import Table


def cmd_import_survivors(ctx: Context) -> int:
    table = importer.open_file(Path(ctx.args.file), ctx.args.sheet)
    try:
        mapping = choose(table.header, guess_mapping(table.header), ctx.args.map)
        with ctx.unlock() as session:
            if ctx.args.check:
                return _check_import(session, table, mapping, ctx)
            result = importer.import_survivors(session, table, mapping,
                                               date_order=ctx.args.dates,
                                               decisions=_decisions(ctx))
    finally:
        table.close()
    names = result.ignored_columns
    ignored = (f"; ignored column{'s' if len(names) > 1 else ''} "
               + ", ".join(repr(name) for name in names)) if names else ""
    print(f"imported {result.imported} survivor{'s' if result.imported != 1 else ''}{ignored}",
          file=sys.stderr)
    return 0


def _check_import(session: Session, table: Table, mapping: Mapping,
                  ctx: Context) -> int:
    """Which column fills which field (stdout), then every problem (stderr); nothing written."""
    print_rows([{"column": heading or "(no heading)", "field": field or "(left out)"}
                for heading, field in zip(table.header, mapping, strict=True)],
               ["column", "field"], as_json=ctx.args.json)
    problems = importer.check_survivors(session, table, mapping, date_order=ctx.args.dates,
                                        decisions=_decisions(ctx))
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}; nothing was imported"
          if problems else "no problems; run it again without --check to import",
          file=sys.stderr)
    return 1 if problems else 0


def _decisions(ctx: Context) -> importer.Decisions:
    """The rows said to be new people despite a likely duplicate, and the rows left out."""
    decided: importer.Decisions = {}
    for rows, decision in ((ctx.args.not_a_duplicate, importer.NEW_PERSON),
                           (ctx.args.leave_out, importer.LEAVE_OUT)):
        for row in rows:
            if decided.setdefault(row, decision) != decision:
                raise UsageError(f"row {row} is either a new person or left out, not both")
    return decided


def cmd_survivor_list(ctx: Context) -> int:
    status = None if ctx.args.all else CaseStatus(ctx.args.status)
    with ctx.unlock() as session:
        rows = survivors.caseload(session, status=status, limit=ctx.args.limit)
    print_rows([{"case": r.case_number, "name": r.preferred_name, "status": r.status,
                 "stage": "ready_to_match" if r.ready_to_match else r.stage,
                 "case_manager": r.assigned_to or "-",
                 "next_milestone": _day(r.next_milestone_due),
                 "last_contact": _day(r.last_contact),
                 "documents_outstanding": r.documents_outstanding} for r in rows],
               ["case", "name", "status", "stage", "case_manager", "next_milestone",
                "last_contact", "documents_outstanding"], as_json=ctx.args.json)
    return 0


def _day(day: date | None) -> str:
    return day.isoformat() if day else "-"


def cmd_survivor_show(ctx: Context) -> int:
    with ctx.unlock() as session:
        if session.account.role is Role.COORDINATOR:
            record: dict[str, Any] = asdict(survivors.get_employment_profile(
                session, ctx.args.case))
        else:
            survivor = survivors.get_survivor(session, ctx.args.case)
            record = asdict(survivor)
            record["goals"] = [
                {"domain": g.domain.value, "specific": g.specific,
                 "target_date": g.target_date, "progress": "{}/{}".format(*g.progress)}
                for g in plans.goals(session, survivor.case_number)]
            record["documents"] = {d.title: d.status.value
                                   for d in documents.documents(session, survivor.case_number)}
            record["ready_for_i9"] = documents.readiness(session, survivor.case_number).explain()
            record["notes"] = len(notes.notes(session, survivor.case_number))
    if ctx.args.json:
        print(json.dumps(record, default=str, ensure_ascii=False))
        return 0
    width = max(len(k) for k in record)
    for key, value in record.items():
        shown = (json.dumps(value, default=str, ensure_ascii=False)
                 if isinstance(value, dict | list | tuple) else value)
        print(f"{key.replace('_', ' '):<{width}}  {'' if shown is None else shown}")
    return 0


def cmd_survivor_status(ctx: Context) -> int:
    status = CaseStatus.CLOSED if ctx.args.survivor_command == "close" else CaseStatus.ACTIVE
    with ctx.unlock() as session:
        survivors.set_status(session, ctx.args.case, status)
    return 0


def cmd_survivor_purge(ctx: Context) -> int:
    confirmation = ctx.args.confirm
    if confirmation is None:
        if not sys.stdin.isatty():
            raise UsageError("purging cannot be undone: repeat the case number with "
                             f"--confirm {ctx.args.case}")
        try:
            confirmation = input(f"This removes case {ctx.args.case} and everything recorded "
                                 "about the survivor, for good. Type the case number to "
                                 "confirm: ")
        except EOFError:
            raise UsageError("nothing was typed; nothing was removed") from None
    with ctx.unlock() as session:
        report = retention.purge_case(session, ctx.args.case, confirmation)
    # It cannot be undone: say what went (counts only), on stderr like every other message.
    note = ("" if report.checkpointed else "; another program has the database open, so the "
            "removed data leaves the write-ahead log when it closes")
    print(f"{report.summary()}{note}", file=sys.stderr)
    for line in report.copies.lines():  # backups that still hold the case, each named
        print(f"{PROG}: {line}", file=sys.stderr)
    return 0


def cmd_search(ctx: Context) -> int:
    with ctx.unlock() as session:
        hits = search.search(session, " ".join(ctx.args.text), limit=ctx.args.limit,
                             snippets=True)
    print_rows([{"case": h.case_number, "name": h.preferred_name, "matched": h.matched,
                 "snippet": h.snippet.replace("\n", " ")} for h in hits],
               ["case", "name", "matched", "snippet"], as_json=ctx.args.json)
    return 0


def cmd_demo(ctx: Context) -> int:
    path = ctx.vault.paths.db
    if path.exists():
        raise AlreadyExistsError(f"{path} already exists; the demo makes a new database")
    if ctx.args.survivors < 0:
        raise UsageError("--survivors must be 0 or more")
    passphrase_file = getattr(ctx.args, "passphrase_file", None)
    shared = read_secret_file(passphrase_file, "passphrase") if passphrase_file else None
    staff = demo.create_demo(path, ctx.args.survivors, passphrase=shared, kdf=ctx.vault.kdf,
                             seed=ctx.args.seed)
    for account in staff:
        print(f"account {account.name} ({account.role.value}): {account.passphrase}")
    print(f"{PROG}: made {path} with {ctx.args.survivors} synthetic survivors; these "
          "passphrases are shown only now", file=sys.stderr)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    """Add the case commands to the parser."""
    imports = commands.add_parser("import", help="bring records in from a file")
    kinds = imports.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    cmd = add(kinds, "survivors", cmd_import_survivors,
              "import survivors from a CSV file or an Excel workbook (.xlsx): every row "
              "or none; problems are reported as 'row N: reason'")
    cmd.add_argument("file", metavar="FILE.csv|FILE.xlsx")
    cmd.add_argument("--sheet", metavar="NAME", default=None,
                     help="the workbook's sheet to read (default: the first)")
    cmd.add_argument("--dates", choices=importer.DATE_ORDERS, default="YYYY-MM-DD",
                     help="how dates typed as text are written (default: YYYY-MM-DD, always "
                          "accepted); date cells in a workbook need no help")
    cmd.add_argument("--map", metavar="HEADING=FIELD", action="append", default=[],
                     help="fill FIELD from the column headed HEADING instead of the guess "
                          "(repeat for more; HEADING= leaves a column out); fields: "
                          + ", ".join(FIELDS))
    cmd.add_argument("--check", action="store_true",
                     help="show which column fills which field and every problem; import "
                          "nothing")
    cmd.add_argument("--json", action="store_true", help="with --check: one JSON object per "
                     "column")
    cmd.add_argument("--not-a-duplicate", metavar="ROW", type=_count, action="append",
                     default=[], help="import row ROW as a new person although it looks like "
                     "someone already kept or an earlier row (repeat for more rows)")
    cmd.add_argument("--leave-out", metavar="ROW", type=_count, action="append", default=[],
                     help="leave row ROW out (a likely duplicate of someone already kept)")

    survivor = commands.add_parser("survivor", help="survivor records")
    actions = survivor.add_subparsers(dest="survivor_command", metavar="ACTION", required=True,
                                      parser_class=FieldParser)
    cmd = add(actions, "list", cmd_survivor_list, "list your caseload (supervisors: everyone's)")
    cmd.add_argument("--status", choices=[s.value for s in CaseStatus], default="active")
    cmd.add_argument("--all", action="store_true", help="active and closed cases")
    cmd.add_argument("--limit", type=int, default=1000)
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "show", cmd_survivor_show,
              "show one record (audited; coordinators see the employment profile)")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object")

    for name, text in (("close", "close a case in your caseload (it becomes read-only)"),
                       ("reopen", "reopen a closed case in your caseload")):
        cmd = add(actions, name, cmd_survivor_status, text)
        cmd.add_argument("case", metavar="CASE")
    cmd = add(actions, "purge", cmd_survivor_purge,
              "remove a closed case and everything about the survivor for good (supervisors; "
              "the audit trail keeps only that it happened)")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--confirm", metavar="CASE",
                     help="the case number again, to confirm without being asked")
    survivor_commands.register(actions, add)

    cmd = add(commands, "search", cmd_search, "search case numbers, names and notes")
    cmd.add_argument("text", nargs="+", metavar="TEXT")
    cmd.add_argument("--limit", type=int, default=50)
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")

    cmd = add(commands, "demo", cmd_demo,
              "make a new database of synthetic survivors, one account of each role")
    cmd.add_argument("--survivors", type=_count, default=200, metavar="N")
    cmd.add_argument("--seed", type=int, default=None, help="repeatable data")
    cmd.set_defaults(output_cut_off="the accounts' passphrases were not shown in full; remove "
                                    "the new database (and its .keys file) and make it again")


def _count(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
