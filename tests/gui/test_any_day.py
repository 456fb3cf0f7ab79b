"""The screens hold on any day, and in each state a date can put a record in.

The rest of the suite runs on one day (today, or `CASETRACKER_TEST_DATE`). Here the screen walk
also runs on days drawn at random on each run, printed so a failure can be replayed
(`CASETRACKER_WALK_DAY=2029-03-01`), and on days that have tripped calendars before; and a record is
driven on purpose into each state its screens show differently (ready for I-9 or not, a milestone
overdue or not), instead of hoping the random demo reaches it.
"""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import SensitiveDetails
from casetracker.gui.main_window import MainWindow
from casetracker.gui.safety import ClipboardGuard
from casetracker.gui.screens import record_screens, settle, walk
from casetracker.services import demo, documents, plans, survivors
from casetracker.services.session import Session
from tests.conftest import Team
from tests.gui.test_accessibility import problems_in
from tests.helpers import CASE_MANAGER


def drawn_days() -> list[date]:
    """Two days drawn for this run (within three years either side of the run's day), or the
    one given in CASETRACKER_WALK_DAY."""
    given = os.environ.get("CASETRACKER_WALK_DAY", "").strip()
    if given:
        return [date.fromisoformat(given)]
    draw = random.Random()  # noqa: S311 - a test's choice of day, not a secret
    return [clock.today() + timedelta(days=draw.randint(-1100, 1100)) for _ in range(2)]


# Days that trip calendars: a leap day, the last day of a year, the first of a month.
FIXED_DAYS = [date(2028, 2, 29), date(2026, 12, 31)]
DAYS = FIXED_DAYS + drawn_days()


@pytest.fixture(params=DAYS, ids=[d.isoformat() for d in DAYS])
def day(request: pytest.FixtureRequest) -> Iterator[date]:
    chosen: date = request.param
    print(f"the walk's day: {chosen} (replay with CASETRACKER_WALK_DAY={chosen})")
    with clock.using(clock.FixedClock(chosen)):
        yield chosen


@pytest.mark.parametrize("role", ["case_manager", "supervisor"])
def test_the_walk_holds_on_this_day(qtbot: QtBot, team: Team, day: date, role: str) -> None:
    demo.populate(team.supervisor, 6, [CASE_MANAGER], seed=day.toordinal())
    found: dict[str, list[str]] = {}
    names = []
    # Without the PDF preview: it does not depend on the day, and each one renders on a
    # thread of its own that ten walks in a row need not start.
    for name, widget in walk(team.vault, getattr(team, role), preview=False):
        names.append(name)
        assert widget.isVisible(), name
        problems = problems_in(widget.window())
        if problems:
            found[name] = problems
    assert found == {}, f"on {day}"
    assert {"caseload", "record-documents", "dashboard" if role == "supervisor" else "caseload",
            } <= set(names)
    assert any(name.startswith("record-goals") for name in names)


def take_in(session: Session) -> str:
    survivor = survivors.create_survivor(
        session, survivors.draft("", "Rosa", legal_first_name="Rosa María",
                                 legal_last_name="Quintero"), SensitiveDetails(""))
    return survivor.case_number


def make_ready(session: Session, case_number: str) -> None:
    """A recovered passport alone is a List A document: ready for I-9."""
    passport = next(d for d in documents.documents(session, case_number)
                    if d.kind is DocumentKind.PASSPORT)
    documents.set_status(session, passport.id, DocumentStatus.REQUESTED,
                         clock.today() - timedelta(days=30))
    documents.set_status(session, passport.id, DocumentStatus.RECOVERED)
    documents.update_details(session, passport.id,
                             expires_on=clock.today() + timedelta(days=900))


def add_milestone(session: Session, case_number: str, *, overdue: bool) -> None:
    today = clock.today()
    goal = plans.add_goal(session, case_number, domain=GoalDomain.EMPLOYMENT,
                          specific="Finish a 12-week internship", measurable="12 timesheets",
                          achievable="20 hours a week", relevant="A steady income",
                          target_date=today + timedelta(days=120))
    if overdue:
        # Added while it was still ahead, then the days passed.
        with clock.using(clock.FixedClock(today - timedelta(days=20))):
            plans.add_milestone(session, goal.id, "Open a bank account",
                                today - timedelta(days=3))
    else:
        plans.add_milestone(session, goal.id, "Open a bank account", today + timedelta(days=10))


@pytest.mark.parametrize("ready", [True, False], ids=["ready", "not-ready"])
@pytest.mark.parametrize("overdue", [True, False], ids=["overdue", "on-time"])
def test_each_state_of_a_record_is_named(qtbot: QtBot, team: Team, ready: bool,
                                         overdue: bool) -> None:
    session = team.case_manager
    case_number = take_in(session)
    if ready:
        make_ready(session, case_number)
    add_milestone(session, case_number, overdue=overdue)
    assert documents.readiness(session, case_number).ready is ready

    window = MainWindow(session, ClipboardGuard())
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    settle()
    window.table.selectRow(0)
    record = window.record
    assert record is not None
    found: dict[str, list[str]] = {}
    for name, widget in record_screens(window, record):
        problems = problems_in(widget.window())
        if problems:
            found[name] = problems
    assert found == {}
    # The state was really on screen, not only in the database.
    shown = record.documents.readiness.text()
    assert shown.startswith("Ready for I-9") is ready, shown
    next_due = window.model.index(0, window.model.COL_NEXT)
    told = window.model.data(next_due, Qt.ItemDataRole.ToolTipRole)
    assert (told == "Overdue") is overdue
