"""Dates typed into the real program's date fields, with real key presses (see conftest.py):
a date of birth typed as 1995-03-14 was once saved as 1995-12-03."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from casetracker.security.kdf import MINIMUM
from casetracker.services import survivors
from casetracker.services.vault import Vault
from tests.x11.conftest import PASSPHRASE, RunningApp, wait_for


def take_in(app: RunningApp, name: str, typed_birthday: str) -> None:
    """Case ▸ New survivor (Ctrl+N): the preferred name and the date of birth, then OK."""
    main = app.wait_for_window("the main window", lambda w: w.title.startswith("Case Tracker — "))
    app.focus(main)
    app.key("ctrl+n")
    dialog = app.wait_for_window("the intake dialog", lambda w: w.title == "New survivor")
    app.focus(dialog)
    # From the case number (left empty: numbered automatically) to the preferred name, past
    # the two legal names to the date of birth.
    app.key("Tab")
    app.type(name)
    app.key("Tab", "Tab", "Tab")
    app.type(typed_birthday)
    app.key("Return")
    wait_for("the intake dialog to close",
             lambda: all(w.title != "New survivor" for w in app.windows()),
             describe=app.report)


def test_a_date_of_birth_typed_in_each_form_is_saved_as_typed(
        start_app: Callable[[], RunningApp]) -> None:
    app = start_app()
    app.unlock("ana")
    take_in(app, "Xiomara", "1995-03-14")  # ISO
    take_in(app, "Yolanda", "14/03/1996")  # the locale's own order (here C.UTF-8: day first)
    app.stop()
    with Vault(app.db, kdf=MINIMUM).unlock("ana", PASSPHRASE) as session:
        born = {row.preferred_name: survivors.get_survivor(session, row.case_number)
                .date_of_birth for row in survivors.caseload(session, limit=100)
                if row.preferred_name in {"Xiomara", "Yolanda"}}
    assert born == {"Xiomara": date(1995, 3, 14), "Yolanda": date(1996, 3, 14)}, app.report()
