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
from casetracker.domain.survivors import Availability, Survivor
from casetracker.gui import i18n
from casetracker.gui.controller import AppController
from casetracker.services import consent, survivors
from tests.conftest import Team
from tests.gui.test_app import open_first_record
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
