"""Field-level validation shared by every record: errors name the field and say what is wrong."""

from __future__ import annotations

import re
from datetime import date

from casetracker.domain.errors import CaseTrackerError


class ValidationError(CaseTrackerError):
    """One or more fields are not acceptable; `problems` maps field name to reason."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = dict(problems)
        super().__init__("; ".join(f"{field}: {reason}" for field, reason in problems.items()))


_EMAIL = re.compile(r"^[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+\.[^@\s\x00-\x1f\x7f]+$")
# Dates a case can plausibly hold: nothing before 1900 (a birth date or a record), nothing
# past 2199 (a target, a due date, an expiry); outside that, a slip of the keyboard.
EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
_PHONE = re.compile(r"^[0-9+()\-.\s]{7,25}(\s*(x|ext\.?)\s*\d{1,6})?$", re.IGNORECASE)
_CASE_NUMBER = re.compile(r"^[A-Za-z0-9][A-Za-z0-9\-_/.]{0,31}$")


def parse_date(text: str, field: str) -> date:
    """Read an ISO date (YYYY-MM-DD), or raise `ValidationError` naming `field`."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError({field: f"{text!r} is not a date (use YYYY-MM-DD)"}) from None


class Checker:
    """Collects problems so a person sees all of them at once, not one per attempt."""

    def __init__(self) -> None:
        self.problems: dict[str, str] = {}

    def fail(self, field: str, reason: str) -> None:
        self.problems.setdefault(field, reason)

    def required(self, field: str, value: str | None, *, max_length: int = 200) -> None:
        if value is None or not value.strip():
            self.fail(field, "is required")
        else:
            self.length(field, value, max_length)

    def length(self, field: str, value: str | None, max_length: int) -> None:
        if value and len(value) > max_length:
            self.fail(field, f"is longer than {max_length} characters")
        elif value and any(ord(ch) < 32 and ch not in "\n\t" for ch in value):
            self.fail(field, "holds control characters")

    def email(self, field: str, value: str) -> None:
        if value and not _EMAIL.match(value):
            self.fail(field, f"{value!r} is not an email address")

    def phone(self, field: str, value: str) -> None:
        if value and not _PHONE.match(value):
            self.fail(field, f"{value!r} is not a phone number")

    def case_number(self, field: str, value: str) -> None:
        if not _CASE_NUMBER.match(value or ""):
            self.fail(field, "use 1-32 letters, digits, '-', '_', '/' or '.'")

    def not_future(self, field: str, value: date | None, today: date) -> None:
        if value is not None and value > today:
            self.fail(field, "is in the future")
        self.plausible(field, value)

    def plausible(self, field: str, value: date | None) -> None:
        if value is not None and value < EARLIEST:
            self.fail(field, f"is before {EARLIEST.year}")
        elif value is not None and value > LATEST:
            self.fail(field, f"is after {LATEST.year}")

    def range(self, field: str, value: int | None, low: int, high: int) -> None:
        if value is not None and not (low <= value <= high):
            self.fail(field, f"must be between {low} and {high}")

    def done(self) -> None:
        if self.problems:
            raise ValidationError(self.problems)
