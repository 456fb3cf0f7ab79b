"""A milestone added with its own typed date in the real program, with real key presses (see
conftest.py): the date stored is the one typed, not the suggested one nor a day and month
swapped."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from casetracker.domain import clock
from casetracker.domain.plans import GoalDomain
from casetracker.security.kdf import MINIMUM
from casetracker.services import plans, survivors
from casetracker.services.vault import Vault
from tests.x11.conftest import PASSPHRASE, RunningApp, wait_for

CASE = "CT-9999-99999"  # after every demo case number: the caseload's last row
STEP = "Ask the forklift school about evening classes"


def _a_day_after_the_twelfth(start: date) -> date:
    """A day whose day and month cannot be swapped (the 13th or later)."""
    day = start
    while day.day < 13:
        day += timedelta(days=1)
    return day


def test_a_milestone_with_its_own_typed_date_is_saved_as_typed(
        start_app: Callable[[], RunningApp]) -> None:
    app = start_app()  # on the lock screen: the database is not open in the program yet
    today = clock.today()
    with Vault(app.db, kdf=MINIMUM).unlock("ana", PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft(CASE, "Zinnia"))
        goal = plans.add_goal(
            session, CASE, domain=GoalDomain.EMPLOYMENT, specific="Work as a forklift driver",
            measurable="A forklift certificate", achievable="Classes are free",
            relevant="She asked for it", target_date=today + timedelta(days=150))
    wanted = _a_day_after_the_twelfth(today + timedelta(days=40))

    main = app.unlock("ana")
    app.focus(main)
    # Search box, status filter, caseload; Ctrl+End: the last row, whose record opens.
    app.key("Tab", "Tab", "ctrl+End")
    # The record's Close case button, then its tabs: Profile, Barriers, Goals and plans.
    app.key("Tab", "Tab", "Right", "Right")
    # Back round to the Goals tab's tree (the record's last field, before the search box).
    app.key("shift+Tab", "shift+Tab", "shift+Tab", "shift+Tab", "shift+Tab", "Home")
    # Back from the tree past Print, the plan's language, Mark achieved and Record a check-in.
    app.key("shift+Tab", "shift+Tab", "shift+Tab", "shift+Tab", "shift+Tab", "space")
    dialog = app.wait_for_window("the Add milestone dialog", lambda w: w.title == "Add milestone")
    app.focus(dialog)
    app.type(STEP)
    # Past the step's wording for the person's plan (left empty) to the due date, filled in
    # with a suggestion: replaced.
    app.key("Tab", "Tab", "ctrl+a")
    app.type(wanted.strftime("%d/%m/%Y"))  # the locale's order (C.UTF-8: day first)
    app.key("Return")
    wait_for("the dialog to close", lambda: all(w.title != "Add milestone"
                                               for w in app.windows()), describe=app.report)
    app.stop()

    with Vault(app.db, kdf=MINIMUM).unlock("ana", PASSPHRASE) as session:
        added = [m for m in plans.get_goal(session, goal.id).milestones if m.description == STEP]
    assert [m.due_date for m in added] == [wanted], app.report()
