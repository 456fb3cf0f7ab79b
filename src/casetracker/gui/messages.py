"""The program's error messages in the interface language.

The layers below the GUI (no Qt) word their errors in English, for the CLI and the logs of
a script. The GUI shows them through `error_text`, which recognises the messages people meet
at the desk (unlocking, passphrases, forms, records that changed meanwhile) by their English
template and shows the translation, with the template's `{0}`, `{1}` filled from the
message. A message it does not know is shown as it is, in English.
"""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from casetracker.domain.errors import ThrottledError
from casetracker.domain.validation import ValidationError

CONTEXT = "errors"

# The leak guard's refusal, told to staff who may see the record: {0} the withheld field,
# {1} the shared value it showed in (both named in the interface's language).
LEAK_IN = QT_TRANSLATE_NOOP("errors", "nothing was written: the survivor's {0} shows in its {1}, "
                                      "which is shared; change that on the record first")
LEAK = QT_TRANSLATE_NOOP("errors", "nothing was written: the survivor's {0} shows, which is "
                                   "shared; change that on the record first")

# Whole messages, as the services word them; `{n}` stands for any text.
TEMPLATES = (
    QT_TRANSLATE_NOOP("errors", "wrong passphrase for {0}"),
    QT_TRANSLATE_NOOP("errors", "there is no account named {0} in this database"),
    QT_TRANSLATE_NOOP("errors", "there is no active account named {0}"),
    QT_TRANSLATE_NOOP("errors", "the account {0} has been removed"),
    QT_TRANSLATE_NOOP("errors", "that recovery key does not open this database (each recovery "
                                "key works once; after use it is replaced by a new one)"),
    QT_TRANSLATE_NOOP("errors", "the passphrase has {0} characters; use at least {1} (a few "
                                "unrelated words work well)"),
    QT_TRANSLATE_NOOP("errors", "the passphrase has {0} characters; at most {1} are accepted"),
    QT_TRANSLATE_NOOP("errors", "the passphrase repeats one or two characters; choose words"),
    QT_TRANSLATE_NOOP("errors", "that passphrase is on the list of commonly used ones; "
                                "choose another"),
    QT_TRANSLATE_NOOP("errors", "the passphrase must not be the account name"),
    QT_TRANSLATE_NOOP("errors", "the passphrase holds bytes that are not text; UTF-8 is "
                                "expected"),
    QT_TRANSLATE_NOOP("errors", "this database is already open in another Case Tracker "
                                "window; switch to that window, or close it and try again "
                                "(nothing was changed)"),
    QT_TRANSLATE_NOOP("errors", "there is no case {0}"),
    QT_TRANSLATE_NOOP("errors", "case number {0} is already in use"),
    QT_TRANSLATE_NOOP("errors", "an employer named {0} is already listed"),
    QT_TRANSLATE_NOOP("errors", "there is no employer partner {0}"),
    QT_TRANSLATE_NOOP("errors", "that goal no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that milestone no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that document no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that consent no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that workshop no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that task no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that scan no longer exists"),
    QT_TRANSLATE_NOOP("errors", "the report's end date comes before its start date"),
    # Closing, reopening and purging a case (services/survivors.py, services/retention.py).
    QT_TRANSLATE_NOOP("errors", "to purge case {0}, type its case number exactly; nothing was "
                                "removed"),
    QT_TRANSLATE_NOOP("errors", "case {0} is still active: its case manager closes it first; "
                                "nothing was removed"),
    QT_TRANSLATE_NOOP("errors", "closing a case: case {0} is not in your caseload"),
    QT_TRANSLATE_NOOP("errors", "reopening a case: case {0} is not in your caseload"),
    QT_TRANSLATE_NOOP("errors", "closing a case: case {0} is closed; reopen it first"),
    # Sharing (services/sharing.py, export/leak_guard.py, services/consent.py).
    LEAK_IN,
    LEAK,
    QT_TRANSLATE_NOOP("errors", "nothing was written: this survivor's shared profile needs a "
                                "review by their case manager before it can be shared; they "
                                "have been asked to review it"),
    QT_TRANSLATE_NOOP("errors", "there is no consent {0}"),
    # A file the import wizard cannot open (the system's words).
    QT_TRANSLATE_NOOP("errors", "No such file or directory"),
    QT_TRANSLATE_NOOP("errors", "Permission denied"),
    QT_TRANSLATE_NOOP("errors", "Is a directory"),
)

# Why a survivor fits a position (the matching service's words), and its warning.
MATCH_REASONS = (
    QT_TRANSLATE_NOOP("errors", "available {0} h/week"),
    QT_TRANSLATE_NOOP("errors", "available {0} h/week (a little short)"),
    QT_TRANSLATE_NOOP("errors", "can start in time"),
    QT_TRANSLATE_NOOP("errors", "skills: {0}"),
    QT_TRANSLATE_NOOP("errors", "{0} readiness workshop"),
    QT_TRANSLATE_NOOP("errors", "{0} readiness workshops"),
    QT_TRANSLATE_NOOP("errors", "ready for I-9"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names this industry"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names another industry"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names this shift"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names another shift"),
    QT_TRANSLATE_NOOP("errors", "their employment goal names this area"),
    QT_TRANSLATE_NOOP("errors", "has a way to get to this area"),
    QT_TRANSLATE_NOOP("errors", "needs a ride to this area"),
    QT_TRANSLATE_NOOP("errors", "ready to match: completed the readiness track"),
    QT_TRANSLATE_NOOP("errors", "This employer's hiring restrictions may apply. Talk with the "
                                "case manager before referring (a vacatur petition may help). "
                                "The employer is never told why."),
    QT_TRANSLATE_NOOP("errors", "This employer has hiring restrictions: ask the survivor's "
                                "case manager whether this referral fits before making it."),
    QT_TRANSLATE_NOOP("errors", "Cleared by the case manager for this employer."),
    QT_TRANSLATE_NOOP("errors", "You recorded that this employer is not suitable for this "
                                "survivor; the reason is on the record's Sensitive tab."),
)

# What a form's field problem says after the field's name.
REASONS = (
    QT_TRANSLATE_NOOP("errors", "is required"),
    QT_TRANSLATE_NOOP("errors", "is longer than {0} characters"),
    QT_TRANSLATE_NOOP("errors", "holds control characters"),
    QT_TRANSLATE_NOOP("errors", "{0} is not an email address"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a phone number"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a date (use YYYY-MM-DD)"),
    QT_TRANSLATE_NOOP("errors", "{0} is after the goal's target date {1}"),
    QT_TRANSLATE_NOOP("errors", "must be between {0} and {1}"),
    QT_TRANSLATE_NOOP("errors", "use 1-32 letters, digits, '-', '_', '/' or '.'"),
    QT_TRANSLATE_NOOP("errors", "is in the future"),
    QT_TRANSLATE_NOOP("errors", "is before 1900"),
    QT_TRANSLATE_NOOP("errors", "choose at least one category to share"),
    QT_TRANSLATE_NOOP("errors", "a consent lasts at most a year; ask again after that"),
    QT_TRANSLATE_NOOP("errors", "must come after the date signed"),
    QT_TRANSLATE_NOOP("errors", "internships in this program are paid"),
    QT_TRANSLATE_NOOP("errors", "say why the person left the pipeline"),
    QT_TRANSLATE_NOOP("errors", "must be in the future for a new goal"),
    QT_TRANSLATE_NOOP("errors", "must be between $0 and $1,000 an hour"),
    QT_TRANSLATE_NOOP("errors", "is before the previous step"),
    QT_TRANSLATE_NOOP("errors", "the case has already exited the pipeline"),
    QT_TRANSLATE_NOOP("errors", "list at most 50 skills of up to 100 characters"),
)

# What the spreadsheet import says of a row, a column or the file, after `row N: ` and, for a
# cell, its column (services/importer.py, import_mapping.py, spreadsheet.py); a cell's problem
# may also be one of the REASONS.
IMPORT_REASONS = (
    QT_TRANSLATE_NOOP("errors", "{0} already exists"),
    QT_TRANSLATE_NOOP("errors", "{0} repeats row {1}"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a date (use MM/DD/YYYY)"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a date (use DD/MM/YYYY)"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a number"),
    QT_TRANSLATE_NOOP("errors", "{0} is not one of labor, sex, labor_and_sex, at_risk"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a case manager's account"),
    QT_TRANSLATE_NOOP("errors", "a case manager imports into their own caseload only"),
    QT_TRANSLATE_NOOP("errors", "has more cells than the header has columns"),
    QT_TRANSLATE_NOOP("errors", "the file has no rows to import"),
    QT_TRANSLATE_NOOP("errors", "no column fills {0}, which is required"),
    QT_TRANSLATE_NOOP("errors", "columns {0} all fill {1}; choose one"),
    QT_TRANSLATE_NOOP("errors", "the mapping does not match the columns"),
    QT_TRANSLATE_NOOP("errors", "the file is larger than {0} MiB"),
    QT_TRANSLATE_NOOP("errors", "the file is not text in UTF-8, UTF-16 or Windows-1252 (save "
                                "the spreadsheet as 'CSV UTF-8')"),
    QT_TRANSLATE_NOOP("errors", "the file cannot be read as CSV ({0})"),
    QT_TRANSLATE_NOOP("errors", "a cell is longer than {0} KiB; no field of a case record is "
                                "that long"),
    QT_TRANSLATE_NOOP("errors", "the file cannot be read as an Excel workbook ({0})"),
    QT_TRANSLATE_NOOP("errors", "the workbook has no worksheet"),
    QT_TRANSLATE_NOOP("errors", "the workbook has no sheet {0} (it has {1})"),
    QT_TRANSLATE_NOOP("errors", "the workbook unpacks to more than a caseload could hold; save "
                                "the sheet as CSV and import that"),
    QT_TRANSLATE_NOOP("errors", "old Excel files (.xls) cannot be read; save the spreadsheet "
                                "as .xlsx or CSV"),
)
# What a spreadsheet file is, as the import describes it.
FILE_DESCRIPTIONS = (
    QT_TRANSLATE_NOOP("errors", "CSV, {0}, comma-separated"),
    QT_TRANSLATE_NOOP("errors", "CSV, {0}, semicolon-separated"),
    QT_TRANSLATE_NOOP("errors", "CSV, {0}, tab-separated"),
    QT_TRANSLATE_NOOP("errors", "Excel workbook, sheet {0}"),
)
ROW_PROBLEM = QT_TRANSLATE_NOOP("errors", "row {0}: {1}")
CELL_PROBLEM = QT_TRANSLATE_NOOP("errors", "row {0}: {1}: {2}")
NOT_IMPORTED = QT_TRANSLATE_NOOP("errors", "nothing was imported; fix these and try again:")
MORE_PROBLEMS = QT_TRANSLATE_NOOP("errors", "… and {0} more")
SHOWN_PROBLEMS = 50  # as many as SpreadsheetError's own message shows

# The fields forms name in their problems.
FIELDS = {
    "preferred_name": QT_TRANSLATE_NOOP("errors", "Preferred name"),
    "case_number": QT_TRANSLATE_NOOP("errors", "Case number"),
    "legal_first_name": QT_TRANSLATE_NOOP("errors", "Legal first name"),
    "legal_last_name": QT_TRANSLATE_NOOP("errors", "Legal last name"),
    "date_of_birth": QT_TRANSLATE_NOOP("errors", "Date of birth"),
    "intake_date": QT_TRANSLATE_NOOP("errors", "Intake date"),
    "phone": QT_TRANSLATE_NOOP("errors", "Phone"),
    "email": QT_TRANSLATE_NOOP("errors", "Email"),
    "address": QT_TRANSLATE_NOOP("errors", "Address"),
    "skills": QT_TRANSLATE_NOOP("errors", "Skills"),
    "hours_per_week": QT_TRANSLATE_NOOP("errors", "Hours per week"),
    "specific": QT_TRANSLATE_NOOP("errors", "Specific"),
    "measurable": QT_TRANSLATE_NOOP("errors", "Measurable"),
    "achievable": QT_TRANSLATE_NOOP("errors", "Achievable"),
    "relevant": QT_TRANSLATE_NOOP("errors", "Relevant"),
    "target_date": QT_TRANSLATE_NOOP("errors", "Target date"),
    "milestone": QT_TRANSLATE_NOOP("errors", "Milestone"),
    "milestone_due_date": QT_TRANSLATE_NOOP("errors", "Milestone due date"),
    "note": QT_TRANSLATE_NOOP("errors", "Note"),
    "text": QT_TRANSLATE_NOOP("errors", "Text"),
    "title": QT_TRANSLATE_NOOP("errors", "Title"),
    "name": QT_TRANSLATE_NOOP("errors", "Name"),
    "label": QT_TRANSLATE_NOOP("errors", "Label"),
    "findings": QT_TRANSLATE_NOOP("errors", "Findings"),
    "recipient": QT_TRANSLATE_NOOP("errors", "Recipient"),
    "categories": QT_TRANSLATE_NOOP("errors", "Categories"),
    "expires_on": QT_TRANSLATE_NOOP("errors", "Expires on"),
    "date": QT_TRANSLATE_NOOP("errors", "Date"),
    "stage": QT_TRANSLATE_NOOP("errors", "Stage"),
    "employer": QT_TRANSLATE_NOOP("errors", "Employer"),
    "reason": QT_TRANSLATE_NOOP("errors", "Reason"),
    "wage": QT_TRANSLATE_NOOP("errors", "Wage"),
    "paid": QT_TRANSLATE_NOOP("errors", "Paid"),
    "assignee": QT_TRANSLATE_NOOP("errors", "Assignee"),
    "completed_on": QT_TRANSLATE_NOOP("errors", "Completed on"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


@cache
def _pattern(template: str) -> re.Pattern[str]:
    parts = re.split(r"\{\d\}", template)
    return re.compile("(.+?)".join(re.escape(part) for part in parts), re.IGNORECASE)


def _translated(text: str, templates: tuple[str, ...]) -> str | None:
    for template in templates:
        match = _pattern(template).fullmatch(text.strip())
        if match:
            return _tr(template).format(*match.groups())
    return None


def translate_message(text: str, templates: tuple[str, ...] = TEMPLATES) -> str:
    """`text` in the interface language if it is one of `templates`, else unchanged."""
    translated = _translated(text, templates)
    return text if translated is None else translated


def file_description(text: str) -> str:
    """What a spreadsheet file is (`Table.description`) in the interface language."""
    return translate_message(text, FILE_DESCRIPTIONS)


def import_problem(text: str, fields: dict[str, str] | None = None) -> str:
    """A problem the spreadsheet import found (`row N: reason`, or `row N: column: reason` for a
    cell) in the interface language. A column without a heading is named by its field's name:
    `fields` gives each field's label. Any other message is translated like `error_text`'s."""
    match = re.fullmatch(r"row (\d+): (.+)", text.strip(), re.DOTALL)
    if match is None:
        return translate_message(text)
    number, rest = match.groups()
    known = (*IMPORT_REASONS, *REASONS, *TEMPLATES)
    cut = rest.find(": ")
    while cut != -1:  # the column's heading may hold ": " too: try each place
        reason = _translated(rest[cut + 2:], known)
        if reason is not None:
            column = rest[:cut]
            return _tr(CELL_PROBLEM).format(number, (fields or {}).get(column, column), reason)
        cut = rest.find(": ", cut + 1)
    return _tr(ROW_PROBLEM).format(number, translate_message(rest, known))


# Reasons that read on from the field's name ("Measurable is required"); any other reason is a
# sentence of its own and follows the name after a colon ("Categories: choose at least one").
_CONTINUES = re.compile(r"(is|are|must|holds|has)\b")


def field_problem(field: str, reason: str) -> str:
    """"<field> <reason>", the field named in the interface language. `field` is a service's
    field name ("date_of_birth") or, from a form's own check, the label the form shows."""
    if field in FIELDS:
        name = _tr(FIELDS[field])
    elif field.isidentifier():
        name = field.replace("_", " ").capitalize()
    else:
        name = field
    if _CONTINUES.match(reason.strip()):
        return QCoreApplication.translate("errors", "{0} {1}").format(
            name, translate_message(reason, REASONS))
    return QCoreApplication.translate("errors", "{0}: {1}").format(
        name, translate_message(reason, REASONS))


def error_text(error: Exception) -> str:
    """What went wrong, as the person reads it: in their language, starting with a capital."""
    # Imported here: the lock screen shows errors too, and needs no spreadsheet reader.
    from casetracker.services.spreadsheet import SpreadsheetError

    if isinstance(error, ValidationError):
        return "\n".join(field_problem(field, reason)
                         for field, reason in error.problems.items())
    if isinstance(error, SpreadsheetError):
        lines = [_tr(NOT_IMPORTED), *map(import_problem, error.problems[:SHOWN_PROBLEMS])]
        if len(error.problems) > SHOWN_PROBLEMS:
            lines.append(_tr(MORE_PROBLEMS).format(len(error.problems) - SHOWN_PROBLEMS))
        text = "\n".join(lines)
        return text[:1].upper() + text[1:]
    if getattr(error, "revealed", False) and isinstance(getattr(error, "field", None), str):
        # The leak guard's refusal (export.leak_guard.LeakError, which the interface does not
        # import): its field names, too, in the interface's language.
        from casetracker.gui.labels import shared_value_name, withheld_field_name

        field = withheld_field_name(str(getattr(error, "field", "")))
        shared = str(getattr(error, "shared", ""))
        text = (_tr(LEAK_IN).format(field, shared_value_name(shared)) if shared
                else _tr(LEAK).format(field))
        return text[:1].upper() + text[1:]
    if isinstance(error, ThrottledError):
        seconds = max(1, round(error.wait_seconds))
        source = "Too many failed attempts. Wait %n second(s) and try again."
        text = QCoreApplication.translate(
            "errors", "Too many failed attempts. Wait %n second(s) and try again.", "", seconds)
        if text != source.replace("%n", str(seconds)):  # translated; else the service's words
            return text
    text = translate_message(str(error))
    return text[:1].upper() + text[1:]
