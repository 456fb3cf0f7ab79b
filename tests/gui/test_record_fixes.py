"""Two faults the canary session found: editing a profile, and locking mid-search."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.survivor_dialog import SurvivorDialog
from casetracker.services import audit, survivors
from tests.conftest import Team
from tests.gui.test_app import unlock, verify
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE


def test_the_profile_editor_saves_the_changes(qtbot: QtBot, team: Team, rosa: Survivor,
                                             controller: AppController) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.table.selectRow(0)
    assert window.record is not None
    profile = window.record.profile
    profile.open_editor()
    dialog = profile.active_dialog
    assert isinstance(dialog, SurvivorDialog)
    dialog.address.setPlainText("12 Harbour Road")
    dialog.accept()
    assert not dialog.isVisible(), dialog.error.text()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert survivors.get_survivor(session, rosa.case_number).address == "12 Harbour Road"
        [change] = [e for e in audit.recent_entries(session, 100)
                    if e.action == "survivor.update"]
        assert change.details == {"fields": ["address"]}


def test_locking_right_after_typing_a_search_runs_no_search(
        qtbot: QtBot, rosa: Survivor, controller: AppController) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    qtbot.keyClicks(window.search, "ros")
    timer = window._search_timer
    assert timer.isActive()
    fired: list[bool] = []
    timer.timeout.connect(lambda: fired.append(True))
    # Locking closes the window and deletes it later; the pending search must die with it,
    # never having run. Waiting for the window's end, not a guessed time, shows that.
    with qtbot.waitSignal(window.destroyed):
        controller.lock()
        assert not timer.isActive()  # it would search the closed session once it fired
    assert fired == []
    assert controller.session is None
