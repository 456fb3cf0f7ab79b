"""Case reviews: a supervisor's findings and required actions, which become tasks for the
case manager. Reviewing is the supervisor's own work; it changes no case content."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.notes import Task
from casetracker.domain.validation import Checker, ValidationError
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.records_repo import NoteRepository
from casetracker.storage.reports_repo import ReviewRepository

ACTION_DAYS = 14
# "Request the state ID by 2026-12-20": an action's own due date, at the end of its line; in
# Spanish, as the review dialog's example says it, "Pedir la identificación para el 2026-12-20".
_DUE = re.compile(r"^(?P<text>.*?)\s+(?:by|para el|para|antes del)\s+"
                  r"(?P<day>\d{4}-\d{2}-\d{2})\s*$", re.IGNORECASE)


def split_due(action: str, default: date) -> tuple[str, date]:
    """An action's words and when it is due: the date after a final "by YYYY-MM-DD" (or
    "para el YYYY-MM-DD"), or `default` (14 days after the review). A date that is not one
    is refused."""
    found = _DUE.match(action.strip())
    if found is None:
        return action.strip(), default
    try:
        due = date.fromisoformat(found["day"])
    except ValueError:
        raise ValidationError({"action": f"{found['day']} is not a date"}) from None
    return found["text"].strip(), due


@dataclass(frozen=True, slots=True)
class Review:
    id: str
    reviewed_on: date
    findings: str
    reviewer: str
    signed_off: bool
    actions: tuple[str, ...]


def add_review(session: Session, case_number: str, findings: str, actions: list[str], *,
               signed_off: bool, reviewed_on: date | None = None) -> Review:
    session.require("reviewing a case", Role.SUPERVISOR)
    survivor = access.find(session, case_number)
    day = reviewed_on or clock.today()
    planned = [split_due(a, day + timedelta(days=ACTION_DAYS)) for a in actions if a.strip()]
    actions = [text for text, _due in planned]
    check = Checker()
    check.required("findings", findings, max_length=10_000)
    check.not_future("reviewed_on", day, clock.today())
    for action, due in planned:
        check.length("action", action, 300)
        if due < day:
            check.fail("action", f"{action!r} would be due before the review")
    check.done()
    review_id = str(uuid.uuid4())
    reviews = ReviewRepository(session.conn)
    tasks = NoteRepository(session.conn)
    with session.changing():
        reviews.add(review_id, survivor.id, day, findings.strip(), session.account.name,
                    signed_off, clock.now_iso())
        for action, due in planned:
            # The action's own words: the interface says that it comes from a case review,
            # in the reader's language (`Task.from_review`).
            task = Task(str(uuid.uuid4()), survivor.id, action, due, survivor.assigned_to,
                        created_by=session.account.name, created_at=clock.now_iso(),
                        from_review=True)
            tasks.save_task(task)
            reviews.add_action(str(uuid.uuid4()), review_id, action, task.id)
        session.audit("review.add", survivor.case_number, actions=len(actions),
                      signed_off=signed_off)
    return Review(review_id, day, findings.strip(), session.account.name, signed_off,
                  tuple(actions))


def reviews(session: Session, case_number: str) -> list[Review]:
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading case reviews")
    session.audit_view(survivor.case_number, "reviews")
    return [_review(r) for r in ReviewRepository(session.conn).reviews(survivor.id)]


def caseload_reviews(session: Session) -> list[tuple[str, Review]]:
    """Every review a person may read, with its case number, newest first: a case manager's
    own cases, every case for a supervisor (coordinators read no reviews)."""
    session.require("reading case reviews", Role.CASE_MANAGER, Role.SUPERVISOR)
    owner = session.account.name if session.account.role is Role.CASE_MANAGER else None
    rows = ReviewRepository(session.conn).reviews_of_caseload(owner)
    session.audit("reviews.view", None, count=len(rows))
    return [(r[6], _review(r)) for r in rows]


def _review(r: tuple[Any, ...]) -> Review:
    return Review(r[0], date.fromisoformat(r[1]), r[2], r[3], bool(r[4]),
                  tuple((r[5] or "").split("\n")) if r[5] else ())
