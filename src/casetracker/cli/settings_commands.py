"""Commands for program settings, the letterhead and the referral letter template."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from casetracker.cli.common import AddCommand, Context, print_rows
from casetracker.domain.employment import WorkshopTopic
from casetracker.domain.errors import UsageError
from casetracker.services import settings, sharing_support


def cmd_settings_show(ctx: Context) -> int:
    with ctx.unlock() as session:
        program = settings.get_settings(session)
    print_rows([{"setting": f.name,
                 "value": _shown(getattr(program, f.name)) or "-"}
                for f in fields(program)], ["setting", "value"], as_json=ctx.args.json)
    return 0


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return "; ".join(str(v) for v in value)
    return str(value).replace("\n", ", ")


def cmd_settings_set(ctx: Context) -> int:
    changes: dict[str, Any] = {name: getattr(ctx.args, name) for name in (
        "organisation_name", "organisation_address", "organisation_phone", "auto_lock_minutes",
        "backup_reminder_days")
        if getattr(ctx.args, name) is not None}
    if ctx.args.readiness_track is not None:
        changes["readiness_track"] = tuple(
            t.strip() for t in ctx.args.readiness_track.split(",") if t.strip())
    if ctx.args.service_types is not None:
        changes["service_types_added"] = tuple(
            t.strip() for t in ctx.args.service_types.split(";") if t.strip())
    if "organisation_address" in changes:
        changes["organisation_address"] = changes["organisation_address"].replace("\\n", "\n")
    logo = None
    if ctx.args.logo:
        try:
            logo = Path(ctx.args.logo).read_bytes()
        except OSError as exc:
            raise UsageError(f"cannot read {ctx.args.logo}: {exc.strerror}") from None
    if not changes and logo is None:
        raise UsageError("name at least one setting to change")
    with ctx.unlock() as session:
        if changes:
            settings.update_settings(session, **changes)
        if logo is not None:
            sharing_support.set_logo(session, logo)
    return 0


def cmd_template(ctx: Context) -> int:
    with ctx.unlock() as session:
        if ctx.args.set:
            try:
                text = Path(ctx.args.set).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise UsageError(f"cannot read {ctx.args.set} as UTF-8 text ({exc})") from None
            sharing_support.set_letter_template(session, text)
        else:
            print(sharing_support.letter_template(session))
    return 0


def register(commands: Any, add: AddCommand) -> None:
    group = commands.add_parser("settings", help="program settings and the letterhead")
    actions = group.add_subparsers(dest="settings_command", metavar="ACTION", required=True)
    cmd = add(actions, "show", cmd_settings_show, "show the program settings")
    cmd.add_argument("--json", action="store_true")
    cmd = add(actions, "set", cmd_settings_set, "change settings (supervisors)")
    cmd.add_argument("--organisation-name")
    cmd.add_argument("--organisation-address", help="lines separated by \\n")
    cmd.add_argument("--organisation-phone")
    cmd.add_argument("--auto-lock-minutes", type=int)
    cmd.add_argument("--backup-reminder-days", type=int,
                     help="remind supervisors when the newest backup is older (default 7)")
    cmd.add_argument("--readiness-track", metavar="TOPICS",
                     help="the workshops that make a survivor ready to match, comma-separated: "
                          + ", ".join(t.value for t in WorkshopTopic))
    cmd.add_argument("--service-types", metavar="NAMES",
                     help="the service types the program adds to the built-in ones, "
                          "separated by ; (replacing the list; '' for none)")
    cmd.add_argument("--logo", metavar="FILE", help="PNG or JPEG for the letterhead")
    cmd = add(commands, "letter-template", cmd_template,
              "show the referral letter template, or --set it from a file (coordinators)")
    cmd.add_argument("--set", metavar="FILE")
