"""Case reviews: a supervisor's findings and required actions, which become tasks for the
case manager. Reviewing is the supervisor's own work; it changes no case content."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.notes import Task
from casetracker.domain.validation import Checker
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.records_repo import NoteRepository
from casetracker.storage.reports_repo import ReviewRepository

ACTION_DAYS = 14


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
    actions = [a.strip() for a in actions if a.strip()]
    check = Checker()
    check.required("findings", findings, max_length=10_000)
    check.not_future("reviewed_on", day, clock.today())
    for action in actions:
        check.length("action", action, 300)
    check.done()
    review_id = str(uuid.uuid4())
    reviews = ReviewRepository(session.conn)
    tasks = NoteRepository(session.conn)
    with session.changing():
        reviews.add(review_id, survivor.id, day, findings.strip(), session.account.name,
                    signed_off, clock.now_iso())
        for action in actions:
            task = Task(str(uuid.uuid4()), survivor.id, f"Case review: {action}",
                        day + timedelta(days=ACTION_DAYS), survivor.assigned_to,
                        created_by=session.account.name, created_at=clock.now_iso())
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
