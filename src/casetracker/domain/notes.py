"""Case notes, and tasks and follow-ups."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casetracker.domain.validation import Checker

NOTE_MAX_LENGTH = 20_000


def note_problems(text: str, written_on: date, today: date) -> dict[str, str]:
    """What is wrong with a case note as typed (nothing: an empty dict), by field."""
    check = Checker()
    check.required("text", text, max_length=NOTE_MAX_LENGTH)
    check.not_future("written_on", written_on, today)
    return check.problems


class ContactType(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    TEXT = "text"
    EMAIL = "email"
    VIDEO = "video"
    COLLATERAL = "collateral"  # with another agency or an employer, about the survivor
    NO_CONTACT = "no_contact"  # an attempt that did not reach the person
    OTHER = "other"


# Contacts that count as reaching the survivor (for "no contact in 30 days").
REACHED = frozenset({ContactType.IN_PERSON, ContactType.PHONE, ContactType.TEXT,
                     ContactType.EMAIL, ContactType.VIDEO})


@dataclass(frozen=True, slots=True)
class CaseNote:
    id: str
    survivor_id: str
    written_on: date
    contact_type: ContactType
    text: str
    author: str | None = None
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Task:
    id: str
    survivor_id: str
    title: str
    due_date: date
    assignee: str | None = None
    done_on: date | None = None
    created_by: str | None = None
    created_at: str = ""
    # A step the case manager chose for the survivor's own plan; every other task is staff
    # work and never printed for the survivor.
    for_survivor: bool = False
    # Made from a supervisor's case review: `title` holds the action's own words, and each
    # interface says "Case review: …" in its language when it shows the task (read from
    # `review_actions`, not stored with the task).
    from_review: bool = False

    @property
    def done(self) -> bool:
        return self.done_on is not None

    def overdue_on(self, day: date) -> bool:
        return not self.done and self.due_date < day
