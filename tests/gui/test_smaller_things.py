"""The smaller things people saw (issue 22): plural forms, case numbers, document names and
statuses, the consent summary's words, the sharing dialog's Close button, the profile's
footer, and text cut off at 1280 px."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.catalog import Category
from casetracker.domain.survivors import Availability, CaseStatus, Survivor
from casetracker.gui import i18n
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.survivor_dialog import SurvivorDialog
from casetracker.services import consent, retention, survivors
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock
from tests.gui.test_translations import qt_tool
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE

EN_TS = i18n.translations_folder() / "casetracker_en.ts"


@pytest.fixture
def english_plurals(tmp_path: Path, qapp: QApplication) -> Iterator[None]:
    """English as the program installs it: its plural forms compiled from casetracker_en.ts."""
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(EN_TS), "-qm",
                    str(tmp_path / "casetracker_en.qm")], check=True)
    assert i18n.install("en", folder=tmp_path), "English plural forms"
    yield
    translators = qapp.findChildren(QTranslator)
    i18n.uninstall(translators)
    for translator in translators:
        translator.setParent(None)


@pytest.mark.parametrize(("hours", "shown"), [(40, "40 hours a week"), (1, "1 hour a week")])
def test_counts_read_as_english_in_the_singular_and_the_plural(
        qtbot: QtBot, team: Team, rosa: Survivor, english_plurals: None, hours: int,
        shown: str) -> None:
    survivors.update_survivor(team.case_manager, rosa.case_number,
                              availability=Availability(hours_per_week=hours))
    consent.add_consent(team.case_manager, rosa.case_number,
                        categories=frozenset({Category.ALIAS}),
                        expires_on=clock.today() + timedelta(days=10),
                        recipient_agency="Harbor Legal Aid")
    team.close()
    controller = AppController(team.vault)
    controller.start()
    try:
        window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                           CASE_MANAGER_PASSPHRASE)
        assert window.count.text() == "1 case"
        assert window.expiring.text() == "1 consent expires within 30 days"
        assert record.profile.values["availability"].text() == shown
    finally:
        controller.lock()


def test_a_case_taken_in_by_hand_is_numbered_like_the_others(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    year = clock.today().year
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        for number in (3, 5):  # numbered by the program's earlier import, five digits wide
            survivors.create_survivor(session, survivors.draft(f"CT-{year}-{number:05d}", "Ana"))
        survivors.create_survivor(session, survivors.draft(f"CT-{year - 1}-00012", "Eva"))
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.new_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, SurvivorDialog)
    qtbot.keyClicks(dialog.preferred_name, "Lena")  # the case number left empty
    dialog.accept()
    assert not dialog.isVisible(), dialog.error.text()
    assert window.record is not None
    assert window.record.heading.text() == f"Lena · CT-{year}-00006"


def test_the_number_of_a_purged_case_is_not_given_again(team: Team) -> None:
    year = clock.today().year
    survivors.create_survivor(team.case_manager, survivors.draft(f"CT-{year}-0001", "Ana"))
    last = survivors.create_survivor(team.case_manager, survivors.draft("", "Eva"))
    assert last.case_number == f"CT-{year}-0002"
    survivors.set_status(team.case_manager, last.case_number, CaseStatus.CLOSED)
    retention.purge_case(team.supervisor, last.case_number, last.case_number)
    assert survivors.next_case_number(team.case_manager) == f"CT-{year}-0003"
