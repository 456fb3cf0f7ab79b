"""Commands that take a survivor in and change their profile: `survivor add` and `survivor
edit`, one option per field of the profile (the field catalog's survivor fields that a case
manager may change; the case manager and the status change through `assign`, `close` and
`reopen`)."""

from __future__ import annotations

from typing import Any

from casetracker.cli.common import AddCommand, Context
from casetracker.cli.field_options import (
    FieldOption,
    day,
    day_or_none,
    declare,
    enum_names,
    enum_value,
    flags,
    given,
    listed,
    whole_number_or_none,
    yes_no,
)
from casetracker.domain.errors import UsageError
from casetracker.domain.survivors import Availability, Gender, SafeContact, Transport
from casetracker.services import survivors

YES_NO = ("yes", "no")
COMPOSITE = {"safe_contact": SafeContact, "availability": Availability}

SURVIVOR_FIELDS: tuple[FieldOption, ...] = (
    FieldOption("case_number", "case number: 1-32 letters, digits, '-', '_', '/' or '.' "
                "(add: the next free CT-YYYY-NNNN when not given)"),
    FieldOption("preferred_name", "the name the person goes by (required; the one name an "
                "employer may ever see)"),
    FieldOption("legal_first_name", "legal first name"),
    FieldOption("legal_last_name", "legal last name"),
    FieldOption("date_of_birth", "YYYY-MM-DD ('' clears it)", day_or_none("date_of_birth"),
                metavar="DATE"),
    FieldOption("pronouns", "pronouns"),
    FieldOption("gender", "gender as the person gives it (optional; never shared)",
                enum_value(Gender, "not_recorded"), choices=enum_names(Gender, "not_recorded")),
    FieldOption("gender_self_described", "gender in the person's own words (with "
                "--gender self_described)"),
    FieldOption("primary_language", "primary language"),
    FieldOption("phone", "phone number"),
    FieldOption("email", "email address"),
    FieldOption("address", "address"),
    FieldOption("ok_to_call", "safe contact: may staff call?", yes_no, "safe_contact", YES_NO),
    FieldOption("ok_to_text", "safe contact: may staff text?", yes_no, "safe_contact", YES_NO),
    FieldOption("ok_to_leave_voicemail", "safe contact: may staff leave a voicemail?", yes_no,
                "safe_contact", YES_NO),
    FieldOption("safe_times", "safe contact: when it is safe to reach them",
                part_of="safe_contact"),
    FieldOption("referral_source", "who referred them"),
    FieldOption("intake_date", "YYYY-MM-DD (add: today when not given)", day("intake_date"),
                metavar="DATE"),
    FieldOption("skills", "skills and certifications, separated by ;", listed(";")),
    FieldOption("hours_per_week", "availability: hours a week, 0-80 ('' clears it)",
                whole_number_or_none("availability_hours"), "availability", metavar="N"),
    FieldOption("earliest_start", "availability: earliest start, YYYY-MM-DD ('' clears it)",
                day_or_none("earliest_start"), "availability", metavar="DATE"),
    FieldOption("transport", "availability: how they get to work",
                enum_value(Transport, "unknown"), "availability",
                enum_names(Transport, "unknown")),
    FieldOption("accommodations", "supports at work, in neutral words (may be shared with "
                "employers: say what helps, not why)"),
)


def cmd_survivor_add(ctx: Context) -> int:
    whole, parts = given(ctx.args, SURVIVOR_FIELDS)
    values: dict[str, Any] = dict(whole)
    for name, parts_of in parts.items():
        values[name] = COMPOSITE[name](**parts_of)
    with ctx.unlock() as session:
        survivor = survivors.create_survivor(session, survivors.draft(**values))
    print(survivor.case_number)
    return 0


def cmd_survivor_edit(ctx: Context) -> int:
    whole, parts = given(ctx.args, SURVIVOR_FIELDS)
    if not whole and not parts:
        raise UsageError(f"say which fields to change: {flags(SURVIVOR_FIELDS)}")
    with ctx.unlock() as session:
        survivors.update_survivor_parts(session, ctx.args.case, parts, **whole)
    return 0


def register(actions: Any, add: AddCommand) -> None:
    """Add `add` and `edit` to the `survivor` command's actions (made with a FieldParser)."""
    cmd = add(actions, "add", cmd_survivor_add,
              "take a survivor into your caseload (case managers), with the standard document "
              "checklist; prints the case number")
    declare(cmd, SURVIVOR_FIELDS)
    cmd = add(actions, "edit", cmd_survivor_edit,
              "change fields of a survivor's profile (their case manager); give only the "
              "fields to change")
    cmd.add_argument("case", metavar="CASE")
    declare(cmd, SURVIVOR_FIELDS)
