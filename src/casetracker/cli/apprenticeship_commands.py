"""Commands for apprenticeships as they run, and for every placement at work: the employer's
onsite supervisor and mentor, and the case manager's coaching contacts with the employer."""

from __future__ import annotations

from typing import Any

from casetracker.cli.common import (
    AddCommand,
    Context,
    add_ending_arguments,
    add_people_arguments,
    print_rows,
)
from casetracker.domain.apprenticeships import COACHING_LABELS, CoachingTopic
from casetracker.domain.employment import STAGE_LABELS, TRACK_LABELS
from casetracker.domain.errors import UsageError
from casetracker.domain.validation import parse_date
from casetracker.services import apprenticeships, placement_contacts


def cmd_show(ctx: Context) -> int:
    with ctx.unlock() as session:
        found = apprenticeships.apprenticeships(session, ctx.args.case)
    print_rows([{"case": ctx.args.case, "track": TRACK_LABELS.get(a.track, "-"),
                 "starts": a.starts_on.isoformat(), "term_ends": a.ends_on.isoformat(),
                 "outcome": a.outcome.value or "running",
                 "ended": a.ended_on.isoformat() if a.ended_on else "-"} for a in found],
               ["case", "track", "starts", "term_ends", "outcome", "ended"],
               as_json=ctx.args.json)
    return 0


def cmd_finish(ctx: Context) -> int:
    on = parse_date(ctx.args.date, "ended_on") if ctx.args.date else None
    with ctx.unlock() as session:
        apprenticeships.finish(session, ctx.args.case, completed=ctx.args.completed, on=on,
                               reason=ctx.args.reason or "")
    return 0


_PEOPLE = ("supervisor", "supervisor_contact", "mentor", "mentor_contact")


def cmd_people(ctx: Context) -> int:
    changes = {name: getattr(ctx.args, name) for name in _PEOPLE
               if getattr(ctx.args, name) is not None}
    with ctx.unlock() as session:
        if changes:
            placement_contacts.set_people(session, ctx.args.case, **changes)
        step = placement_contacts.placement(session, ctx.args.case)
        people = placement_contacts.people(session, ctx.args.case)
    if step is None or people is None:
        raise UsageError(f"case {ctx.args.case} has no placement yet (an internship, "
                         "apprenticeship or job step)")
    print_rows([{"placement": STAGE_LABELS[step.stage], "since": step.on.isoformat(),
                 **{name: getattr(people, name) or "-" for name in _PEOPLE}}],
               ["placement", "since", *_PEOPLE], as_json=ctx.args.json)
    return 0


def cmd_coaching_add(ctx: Context) -> int:
    on = parse_date(ctx.args.date, "contacted_on") if ctx.args.date else None
    with ctx.unlock() as session:
        placement_contacts.add_coaching(session, ctx.args.case, ctx.args.with_whom,
                                        CoachingTopic(ctx.args.topic), on=on,
                                        note=ctx.args.note or "")
    return 0


def cmd_coaching_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        found = placement_contacts.coaching(session, ctx.args.case)
    print_rows([{"date": c.contacted_on.isoformat(), "with": c.with_whom,
                 "topic": COACHING_LABELS[c.topic], "note": c.note or "-"} for c in found],
               ["date", "with", "topic", "note"], as_json=ctx.args.json)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    """Add the `apprenticeship`, `placement-people` and `coaching` commands to the parser."""
    group = commands.add_parser("apprenticeship", help="apprenticeships as they run")
    actions = group.add_subparsers(dest="apprenticeship_command", metavar="ACTION",
                                   required=True)
    cmd = add(actions, "show", cmd_show, "a survivor's apprenticeships, newest first (one "
              "starts with 'placement advance CASE apprenticeship --position ID')")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "finish", cmd_finish, "record how the newest apprenticeship ended")
    add_ending_arguments(cmd)

    cmd = add(commands, "placement-people", cmd_people,
              "show, or name, the onsite supervisor and mentor at the employer for the "
              "current placement (employer data: never on anything for the survivor)")
    cmd.add_argument("case", metavar="CASE")
    add_people_arguments(cmd)
    cmd.add_argument("--json", action="store_true")

    group = commands.add_parser("coaching", help="coaching contacts with a placement's employer")
    actions = group.add_subparsers(dest="coaching_command", metavar="ACTION", required=True)
    cmd = add(actions, "add", cmd_coaching_add,
              "record a coaching contact with the employer about the current placement")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--with", dest="with_whom", required=True, metavar="NAME",
                     help="whom at the employer")
    cmd.add_argument("--topic", required=True, choices=[t.value for t in CoachingTopic],
                     help="; ".join(f"{t.value}: {label}" for t, label in COACHING_LABELS.items()))
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="default: today")
    cmd.add_argument("--note", metavar="TEXT", help="a short note")
    cmd = add(actions, "list", cmd_coaching_list,
              "the coaching contacts of the current placement, oldest first")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true")
