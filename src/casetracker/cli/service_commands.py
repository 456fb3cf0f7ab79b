"""Commands for the services a survivor receives (counted in funder reports)."""

from __future__ import annotations

from typing import Any

from casetracker.cli.common import AddCommand, Context, print_rows
from casetracker.cli.field_options import read_text
from casetracker.cli.ids import chained
from casetracker.domain.service_log import ServiceType, kind_label
from casetracker.domain.validation import parse_date
from casetracker.services import service_log


def cmd_service_add(ctx: Context) -> int:
    note = (ctx.args.note if ctx.args.note is not None
            else read_text(ctx.args.note_file) if ctx.args.note_file else "")
    on = parse_date(ctx.args.date, "delivered_on") if ctx.args.date else None
    with ctx.unlock() as session:
        kind = service_log.parse_kind(session, ctx.args.type)
        service = service_log.record(session, ctx.args.case, kind,
                                     on=on, minutes=ctx.args.minutes, note=note)
    print(service.id)
    return 0


def cmd_service_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        found = service_log.services(session, ctx.args.case)
    built_in = set(ServiceType)
    rows = [{"id": s.id, "date": s.delivered_on.isoformat(),
             "type": s.kind if s.kind in built_in else kind_label(s.kind),
             "minutes": "-" if s.minutes is None else s.minutes, "by": s.recorded_by or "-",
             "note": s.note} for s in found]
    print_rows(rows, ["id", "date", "type", "minutes", "by", "note"], as_json=ctx.args.json)
    return 0


def cmd_service_types(ctx: Context) -> int:
    with ctx.unlock() as session:
        rows = [{"type": kind if kind in set(ServiceType) else name, "name": name,
                 "added": "no" if kind in set(ServiceType) else "yes"}
                for kind, name in service_log.service_types(session)]
    print_rows(rows, ["type", "name", "added"], as_json=ctx.args.json)
    return 0


def cmd_service_remove(ctx: Context) -> int:
    with ctx.unlock() as session, chained("service", ctx.args.service, "service list CASE"):
        service_log.remove(session, ctx.args.service)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    """Add the `service` command to the parser."""
    group = commands.add_parser("service", help="services given to a survivor")
    actions = group.add_subparsers(dest="service_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_service_add,
              "record a service given (the case manager); prints its id")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--type", required=True, metavar="TYPE",
                     help="what kind of service: " + ", ".join(t.value for t in ServiceType)
                     + ", or the name of a type added in Settings ('service types')")
    cmd.add_argument("--minutes", type=int, metavar="N", help="how long it took")
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the day (default: today)")
    note = cmd.add_mutually_exclusive_group()
    note.add_argument("--note", metavar="TEXT")
    note.add_argument("--note-file", metavar="FILE",
                      help="read the note from a UTF-8 file, or '-' for standard input")
    cmd = add(actions, "list", cmd_service_list, "a survivor's services, newest first")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "types", cmd_service_types,
              "the service types that can be recorded (supervisors add more with "
              "'settings set --service-types')")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "remove", cmd_service_remove,
              "take back a service recorded by mistake (the case manager)")
    cmd.add_argument("service", metavar="SERVICE_ID")
