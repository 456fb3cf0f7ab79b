"""Commands for identity documents: the checklist with I-9 readiness and what each missing
document waits on, status changes, and scans kept inside the encrypted database."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context, print_rows
from casetracker.domain.documents import DocumentKind, DocumentStatus, check_scan_size
from casetracker.domain.validation import parse_date
from casetracker.services import documents

_WHICH = ("KIND", "the document's kind (" + ", ".join(k.value for k in DocumentKind)
          + "), or its id from 'document list' when the case tracks two of a kind")


def _day(value: Any) -> str:
    return value.isoformat() if value else "-"


def cmd_document_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        checklist = documents.checklist(session, ctx.args.case)
    next_kind = checklist.readiness.next_document
    rows = []
    for d in checklist.documents:
        waits = [r.label for r in checklist.waiting.get(d.id, ())]
        kind = d.kind.value if ctx.args.json or not d.label else f"{d.kind.value}: {d.label}"
        rows.append({"id": d.id, "kind": kind, "document": d.title,
                     "status": d.status.value, "requested": _day(d.requested_on),
                     "recovered": _day(d.recovered_on), "expires": _day(d.expires_on),
                     "waits_on": waits if ctx.args.json else "; ".join(waits) or "-",
                     "next_for_i9": d.kind is next_kind})
    print_rows(rows, ["id", "kind", "status", "requested", "recovered", "expires",
                      "waits_on"], as_json=ctx.args.json)
    if not ctx.args.json:
        print(checklist.readiness.explain())
    return 0


def cmd_document_set(ctx: Context) -> int:
    on = parse_date(ctx.args.date, "date") if ctx.args.date else None
    expires = parse_date(ctx.args.expires, "expires_on") if ctx.args.expires else None
    with ctx.unlock() as session:
        document = documents.document_to_change(session, ctx.args.case, ctx.args.kind,
                                                "changing a document's status")
        documents.record_step(session, document.id, DocumentStatus(ctx.args.status), on,
                              expires)
    return 0


def cmd_document_attach(ctx: Context) -> int:
    path = Path(ctx.args.file)
    check_scan_size(path.stat().st_size)  # before reading a file too large to keep
    content = path.read_bytes()
    with ctx.unlock() as session:
        document = documents.document_to_change(session, ctx.args.case, ctx.args.kind,
                                                "attaching a scan")
        attachment = documents.attach_scan(session, document.id, path.name, content)
    print(attachment.id)
    # The point of keeping the scan inside is that no readable copy stays on the laptop.
    print(f"{PROG}: the scan is kept, encrypted, in the database; {path} is still on disk "
          "as it was, readable by anyone with the laptop: delete it", file=sys.stderr)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    """Add the `document` commands to the parser."""
    group = commands.add_parser("document", help="identity documents")
    actions = group.add_subparsers(dest="document_command", metavar="ACTION", required=True)
    cmd = add(actions, "list", cmd_document_list,
              "a survivor's documents, what each outstanding one waits on, and whether they "
              "are ready for I-9 (with --json: next_for_i9 marks the one document that would "
              "make them ready)")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "set", cmd_document_set,
              "move a document along: missing → requested → recovered (or expired, "
              "not_needed)")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("kind", metavar=_WHICH[0], help=_WHICH[1])
    cmd.add_argument("status", metavar="STATUS", choices=[s.value for s in DocumentStatus],
                     help=", ".join(s.value for s in DocumentStatus))
    cmd.add_argument("--date", metavar="YYYY-MM-DD",
                     help="the day it was requested or recovered (default: today)")
    cmd.add_argument("--expires", metavar="YYYY-MM-DD", help="the document's expiry date")
    cmd = add(actions, "attach", cmd_document_attach,
              "keep a scan (PDF, PNG or JPEG, at most 10 MiB) inside the encrypted database; "
              "the file on disk is left where it was: delete it afterwards")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("kind", metavar=_WHICH[0], help=_WHICH[1])
    cmd.add_argument("file", metavar="FILE")
