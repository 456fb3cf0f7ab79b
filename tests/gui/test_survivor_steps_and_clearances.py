"""The record's controls for what the survivor's plan shows (tasks marked as their steps)
and for the case manager's clearance decisions, driven through the real widgets."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.employment import ClearanceDecision, Industry, Restriction
from casetracker.gui.controller import AppController
from casetracker.services import clearances, employers, notes, survivors
from tests.conftest import Team
from tests.gui.test_app import open_first_record, verify
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
)

SHOTS = os.environ.get("CASETRACKER_SHOTS")


def test_a_task_is_put_on_the_survivors_plan_and_undone(qtbot: QtBot, team: Team,
                                                        controller: AppController) -> None:
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft("CT-0009", "Tao"))
        notes.add_task(session, "CT-0009", "Call the DMV", clock.today())
    window, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    tab = record.tasks
    qtbot.keyClicks(tab.title, "Bring two pay stubs")
    tab.for_survivor.setChecked(True)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    tab.list.setCurrentRow(next(i for i in range(tab.list.count())
                                if tab.list.item(i).text().startswith("Call the DMV")))
    assert tab.plan_button.isEnabled()
    assert not tab.plan_button.isChecked()
    qtbot.mouseClick(tab.plan_button, Qt.MouseButton.LeftButton)
    with verify(team) as session:  # type: ignore[attr-defined]
        marked = {t.title: t.for_survivor for t in notes.tasks(session, "CT-0009")}
    assert marked == {"Call the DMV": True, "Bring two pay stubs": True}
    window.undo_action.trigger()
    with verify(team) as session:  # type: ignore[attr-defined]
        marked = {t.title: t.for_survivor for t in notes.tasks(session, "CT-0009")}
    assert marked == {"Call the DMV": False, "Bring two pay stubs": True}


def test_the_case_manager_records_a_clearance_on_the_sensitive_tab(
        qtbot: QtBot, team: Team, controller: AppController, tmp_path: Path) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Bayside Logistics", Industry.WAREHOUSE_LOGISTICS,
                               restrictions=frozenset({Restriction.BACKGROUND_CHECK}))
        employers.add_employer(session, "Open Door Cafe", Industry.HOSPITALITY)
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft("CT-0009", "Tao"))
    _window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                        CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentIndex(record.sensitive_index)
    box = record.sensitive.clearances  # type: ignore[union-attr]
    # Only the employer whose restrictions concern records can be decided.
    assert [box.employer.itemText(i) for i in range(box.employer.count())] == [
        "Bayside Logistics"]
    box.decision.setCurrentIndex(box.decision.findData(ClearanceDecision.CLEARED.value))
    qtbot.keyClicks(box.reason, "Background check covers seven years; nothing found")
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    assert box.error.text() == ""
    with verify(team) as session:  # type: ignore[attr-defined]
        found = clearances.decisions(session, "CT-0009")
    assert [(c.decision, c.reason) for c in found] == [
        (ClearanceDecision.CLEARED, "Background check covers seven years; nothing found")]
    assert "Cleared" in box.list.item(0).text()
    if SHOTS:
        record.grab().save(str(Path(SHOTS) / "sensitive-clearances.png"))
    # "Not decided" takes the decision back.
    box.list.setCurrentRow(0)
    box.decision.setCurrentIndex(box.decision.findData(""))
    qtbot.mouseClick(box.save_button, Qt.MouseButton.LeftButton)
    with verify(team) as session:  # type: ignore[attr-defined]
        assert clearances.decisions(session, "CT-0009") == []


def test_the_notes_error_goes_as_soon_as_the_note_is_right(qtbot: QtBot, team: Team,
                                                           controller: AppController) -> None:
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft("CT-0009", "Tao"))
    _window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                        CASE_MANAGER_PASSPHRASE)
    tab = record.notes
    record.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)  # an empty note
    assert tab.error.isVisible()
    assert tab.error.text()
    qtbot.keyClicks(tab.text, "   ")  # still nothing written: the message stays
    assert tab.error.isVisible()
    qtbot.keyClicks(tab.text, "C")  # now it is a note: the message goes, before saving
    assert not tab.error.isVisible()
    assert tab.error.text() == ""
    with verify(team) as session:  # type: ignore[attr-defined]
        assert notes.notes(session, "CT-0009") == []
