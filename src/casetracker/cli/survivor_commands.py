"""Commands that take a survivor in and change their profile: `survivor add` and `survivor
edit`, one option per field of the profile (the field catalog's survivor fields that a case
manager may change; the case manager and the status change through `assign`, `close` and
`reopen`)."""

from __future__ import annotations

import contextlib
import sys
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context, print_rows
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
from casetracker.domain.survivors import Availability, Gender, SafeContact, Survivor, Transport
from casetracker.services import duplicates, survivors

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


# `survivor add` exits 3 when it saved nothing because of likely duplicates: the same status
# whether they are in the case manager's own caseload or another's (the message says which).
EXIT_LIKELY_DUPLICATE = 3
SIDE_BY_SIDE = ("preferred_name", "legal_first_name", "legal_last_name", "date_of_birth",
                "phone")


def cmd_survivor_add(ctx: Context) -> int:
    whole, parts = given(ctx.args, SURVIVOR_FIELDS)
    values: dict[str, Any] = dict(whole)
    for name, parts_of in parts.items():
        values[name] = COMPOSITE[name](**parts_of)
    new = survivors.draft(**values)
    with ctx.unlock() as session:
        try:
            survivor = survivors.create_survivor(
                session, new, check_duplicates=True, not_a_duplicate=ctx.args.not_a_duplicate)
        except duplicates.LikelyDuplicateError as exc:
            _say_duplicates(new, exc.check)
            return EXIT_LIKELY_DUPLICATE
    print(survivor.case_number)
    return 0


def _say_duplicates(new: Survivor, check: duplicates.DuplicateCheck) -> None:
    """The likely duplicates on stderr: own-caseload ones field by field beside the new
    record; another caseload's as one sentence."""
    for match in check.matches:
        old = match.survivor
        agree = ", ".join(duplicates.FIELD_WORDS[f] for f in match.likeness.fields)
        print(f"{PROG}: likely the same person as {old.case_number} "
              f"({match.likeness.score}%; {agree} match)", file=sys.stderr)
        rows = [{"field": name.replace("_", " "), "new": _shown(getattr(new, name)),
                 old.case_number: _shown(getattr(old, name))} for name in SIDE_BY_SIDE]
        with contextlib.redirect_stdout(sys.stderr):
            print_rows(rows, ["field", "new", old.case_number], as_json=False)
    if check.elsewhere:
        print(f"{PROG}: {duplicates.ELSEWHERE}", file=sys.stderr)
    print(f"{PROG}: nothing was saved; open the existing record, or add again with "
          "--not-a-duplicate to save a new one", file=sys.stderr)


def _shown(value: object) -> str:
    return "" if value is None else str(value)


def cmd_survivor_merge(ctx: Context) -> int:
    confirmation = ctx.args.confirm
    if confirmation is None:
        raise UsageError("merging cannot be undone: repeat the case number of the record that "
                         f"goes with --confirm {ctx.args.other}")
    with ctx.unlock() as session:
        report = duplicates.merge(session, ctx.args.keep, ctx.args.other, confirmation)
    moved = sum(report.moved.values())
    print(f"merged {report.merged} into {report.kept}: {moved} row{'s' if moved != 1 else ''} "
          f"moved" + (f", {', '.join(f.replace('_', ' ') for f in report.filled)} filled in"
                      if report.filled else ""), file=sys.stderr)
    return 0


def cmd_survivor_duplicates(ctx: Context) -> int:
    with ctx.unlock() as session:
        matches = duplicates.duplicates_of(session, ctx.args.case)
    print_rows([{"case": m.survivor.case_number, "name": m.survivor.preferred_name,
                 "case_manager": m.survivor.assigned_to or "", "score": m.likeness.score,
                 "matched": ", ".join(m.likeness.fields)} for m in matches],
               ["case", "name", "case_manager", "score", "matched"], as_json=ctx.args.json)
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
    cmd.add_argument("--not-a-duplicate", action="store_true",
                     help="save even when likely duplicates are found (without it, they are "
                          "listed, nothing is saved and the exit status is "
                          f"{EXIT_LIKELY_DUPLICATE})")
    cmd = add(actions, "edit", cmd_survivor_edit,
              "change fields of a survivor's profile (their case manager); give only the "
              "fields to change")
    cmd.add_argument("case", metavar="CASE")
    declare(cmd, SURVIVOR_FIELDS)
    cmd = add(actions, "duplicates", cmd_survivor_duplicates,
              "list likely duplicates of a case in every caseload (supervisors)")
    cmd.add_argument("case", metavar="CASE")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(actions, "merge", cmd_survivor_merge,
              "merge OTHER into KEEP: everything recorded about OTHER moves to KEEP, blank "
              "fields of KEEP are filled from OTHER, and OTHER is removed (supervisors; "
              "audited)")
    cmd.add_argument("keep", metavar="KEEP")
    cmd.add_argument("other", metavar="OTHER")
    cmd.add_argument("--confirm", metavar="OTHER",
                     help="the case number of the record that goes, again (required)")
