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
    QT_TRANSLATE_NOOP("errors", "that document no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that consent no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that workshop no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that task no longer exists"),
    QT_TRANSLATE_NOOP("errors", "that scan no longer exists"),
    QT_TRANSLATE_NOOP("errors", "the report's end date comes before its start date"),
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
    QT_TRANSLATE_NOOP("errors", "This employer's hiring restrictions may apply. Talk with the "
                                "case manager before referring (a vacatur petition may help). "
                                "The employer is never told why."),
)

# What a form's field problem says after the field's name.
REASONS = (
    QT_TRANSLATE_NOOP("errors", "is required"),
    QT_TRANSLATE_NOOP("errors", "is longer than {0} characters"),
    QT_TRANSLATE_NOOP("errors", "holds control characters"),
    QT_TRANSLATE_NOOP("errors", "{0} is not an email address"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a phone number"),
    QT_TRANSLATE_NOOP("errors", "{0} is not a date (use YYYY-MM-DD)"),
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


def translate_message(text: str, templates: tuple[str, ...] = TEMPLATES) -> str:
    """`text` in the interface language if it is one of `templates`, else unchanged."""
    for template in templates:
        match = _pattern(template).fullmatch(text.strip())
        if match:
            return _tr(template).format(*match.groups())
    return text


def field_problem(field: str, reason: str) -> str:
    name = _tr(FIELDS[field]) if field in FIELDS else field.replace("_", " ").capitalize()
    return QCoreApplication.translate("errors", "{0} {1}").format(
        name, translate_message(reason, REASONS))


def error_text(error: Exception) -> str:
    """What went wrong, as the person reads it: in their language, starting with a capital."""
    if isinstance(error, ValidationError):
        return "\n".join(field_problem(field, reason)
                         for field, reason in error.problems.items())
    if isinstance(error, ThrottledError):
        seconds = max(1, round(error.wait_seconds))
        source = "Too many failed attempts. Wait %n second(s) and try again."
        text = QCoreApplication.translate(
            "errors", "Too many failed attempts. Wait %n second(s) and try again.", "", seconds)
        if text != source.replace("%n", str(seconds)):  # translated; else the service's words
            return text
    text = translate_message(str(error))
    return text[:1].upper() + text[1:]
