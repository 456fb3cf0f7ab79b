"""Likely duplicates in the desktop app: the new-survivor dialog shows them before saving
(own caseload side by side, another caseload as one sentence), the person opens the existing
record or saves anyway; a supervisor merges two records; the import wizard asks for a
decision on each likely duplicate."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.duplicates import MergeDialog
from casetracker.gui.dialogs.survivor_dialog import SurvivorDialog
from casetracker.services import audit, notes, survivors
from casetracker.services.duplicates import ELSEWHERE
from tests.conftest import Team
from tests.gui.test_app import unlock, verify
from tests.gui.test_import_wizard import choose_file
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    OTHER_CASE_MANAGER,
    OTHER_CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)


def _intake(qtbot: QtBot, controller: AppController, name: str, passphrase: str,
            first: str, last: str) -> SurvivorDialog:
    window = unlock(qtbot, controller, name, passphrase)
    window.new_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, SurvivorDialog)
    qtbot.keyClicks(dialog.preferred_name, first)
    dialog.legal_last_name.insert(last)  # keyClicks types ASCII only
    dialog.accept()
    return dialog


def test_my_likely_duplicate_is_shown_side_by_side_and_opened(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    dialog = _intake(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE,
                     "Rosa Maria", "Quintéro")
    panel = dialog.duplicates
    assert dialog.isVisible()
    assert panel.isVisible()
    assert not panel.elsewhere.isVisible()
    table = panel.table
    assert table.horizontalHeaderItem(1).text().startswith("CT-0001 (")
    names = [table.item(r, 1).text() for r in range(table.rowCount())]
    assert "Quintero" in names
    assert "Rosa" in names
    assert table.item(2, 0).text() == "Quintéro"
    assert table.item(2, 0).font().bold()
    dialog.grab().save("/tmp/dupes-intake.png")
    window = controller.window
    assert window is not None
    qtbot.mouseClick(panel.buttons[0], Qt.MouseButton.LeftButton)
    assert window.record is not None
    assert window.record.heading.text().endswith("· CT-0001")
    with verify(team) as session:  # type: ignore[attr-defined]
        assert survivors.caseload_size(session) == 1  # nothing was saved


def test_saving_anyway_takes_the_person_in(qtbot: QtBot, team: Team, rosa: Survivor,
                                           controller: AppController) -> None:
    dialog = _intake(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE,
                     "Rosa", "Quintero")
    qtbot.mouseClick(dialog.duplicates.save_button, Qt.MouseButton.LeftButton)
    window = controller.window
    assert window is not None
    assert window.record is not None
    assert not window.record.heading.text().endswith("· CT-0001")
    with verify(team) as session:  # type: ignore[attr-defined]
        assert survivors.caseload_size(session) == 2
        assert audit.search(session, action="survivor.not_a_duplicate")


def test_another_caseload_is_one_sentence(qtbot: QtBot, team: Team, rosa: Survivor,
                                          controller: AppController) -> None:
    dialog = _intake(qtbot, controller, OTHER_CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE,
                     "Rosa", "Quintero")
    panel = dialog.duplicates
    assert panel.isVisible()
    assert panel.elsewhere.isVisible()
    assert panel.elsewhere.text().rstrip(".").lower() == ELSEWHERE.lower()
    assert not panel.table.isVisible()
    assert panel.buttons == []
    shown = dialog.grab().toImage()
    assert "CT-0001" not in "".join(label.text() for label in panel.findChildren(type(
        panel.summary)))
    assert shown.width() > 0
    dialog.grab().save("/tmp/dupes-elsewhere.png")


@pytest.fixture
def rosie(team: Team, rosa: Survivor) -> Survivor:
    """Rosa again, taken in twice by mistake, with a note."""
    other = survivors.create_survivor(team.case_manager, survivors.draft(
        "CT-0002", "Rosie", legal_first_name="Rosa", legal_last_name="Quintero",
        date_of_birth=date(1990, 2, 3)), not_a_duplicate=True)
    notes.add_note(team.case_manager, other.case_number, "met at the clinic")
    return other


def test_a_supervisor_merges_two_records(qtbot: QtBot, team: Team, rosie: Survivor,
                                         controller: AppController) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert window.merge_action.isVisible()
    window.merge_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, MergeDialog)
    qtbot.keyClicks(dialog.keep, "CT-0001")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert "CT-0002" in dialog.found.text()
    assert dialog.other.text() == "CT-0002"
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    assert dialog.table.isVisible()
    assert dialog.table.item(3, 1).text() == "1990-02-03"
    dialog.grab().save("/tmp/dupes-merge.png")
    dialog.accept()  # not confirmed yet
    assert dialog.isVisible()
    assert "CT-0002" in dialog.error.text()
    qtbot.keyClicks(dialog.confirm, "CT-0002")
    dialog.accept()
    assert not dialog.isVisible()
    assert window.record is not None
    assert window.record.heading.text().endswith("· CT-0001")
    with verify(team) as session:  # type: ignore[attr-defined]
        assert survivors.caseload_size(session) == 1
        assert [n.text for n in notes.notes(session, "CT-0001")] == ["met at the clinic"]
        assert survivors.get_survivor(session, "CT-0001").date_of_birth == date(1990, 2, 3)


def test_the_import_wizard_asks_about_each_likely_duplicate(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController,
        tmp_path: Path) -> None:
    from casetracker.gui.dialogs.import_wizard import CheckPage, ImportWizard

    path = tmp_path / "people.csv"
    path.write_text("case_number,preferred_name,legal_last_name\n"
                    "I-1,Rosa,Quintero\nI-2,Kim,Park\nI-3,Kim,Park\n", encoding="utf-8")
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.open_import()
    wizard = window.active_dialog
    assert isinstance(wizard, ImportWizard)
    choose_file(qtbot, wizard, path)
    wizard.next()
    wizard.next()
    page = wizard.check_page
    assert isinstance(page, CheckPage)
    assert wizard.currentPage() is page
    assert page.list.count() == 0
    assert page.decisions.rowCount() == 2
    assert not page.isComplete()
    rows = [page.decisions.item(r, 0).text() for r in range(2)]
    assert rows[0].startswith("row 2: likely the same person as CT-0001")
    assert rows[1].startswith("row 4: likely the same person as row 3")
    wizard.grab().save("/tmp/dupes-import.png")
    combos = [page.decisions.cellWidget(r, 1) for r in range(2)]
    assert all(isinstance(c, QComboBox) for c in combos)
    combos[0].setCurrentIndex(2)  # leave out
    assert not page.isComplete()
    combos[1].setCurrentIndex(1)  # a new person
    assert page.isComplete()
    assert page.validatePage()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert survivors.caseload_size(session) == 3
