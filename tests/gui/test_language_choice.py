"""Each person's language (issue 22): kept with their account, used from their next unlock, and
when it cannot be loaded the program says so instead of quietly staying in English; the
services' own messages reach the person through the same translation."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import Survivor
from casetracker.gui import i18n
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.settings_dialog import SettingsDialog
from casetracker.gui.messages import error_text
from casetracker.services import plans, settings
from tests.conftest import Team
from tests.gui.test_app import unlock
from tests.gui.test_translations import TS_FILE, qt_tool
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    OTHER_CASE_MANAGER,
    OTHER_CASE_MANAGER_PASSPHRASE,
    top_level_widgets,
)


@pytest.fixture(autouse=True)
def english_afterwards(qapp: QApplication) -> Iterator[None]:
    """Whatever a test installs, the next one starts in English."""
    yield
    translators = qapp.findChildren(QTranslator)
    i18n.uninstall(translators)
    for translator in translators:
        translator.setParent(None)


def compiled(ts_file: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    subprocess.run([qt_tool("pyside6-lrelease"), "-silent", str(ts_file), "-qm",
                    str(folder / "casetracker_es.qm")], check=True)
    return folder


def language_notices() -> list[QMessageBox]:
    return [w for w in top_level_widgets()
            if isinstance(w, QMessageBox) and w.objectName() == "languageUnavailable"
            and w.isVisible()]


def test_a_chosen_language_that_cannot_be_loaded_is_said_so_at_start(tmp_path: Path) -> None:
    i18n.save_language("es")
    notice = i18n.start(folder=tmp_path)  # a source checkout: the .ts only, no .qm
    assert notice is not None
    assert notice.startswith("No se pudo cargar la traducción al español")
    assert "Español was chosen, but its translation (casetracker_es.qm) could not be loaded" in (
        notice)
    assert QCoreApplication.translate("LockScreen", "Unlock") == "Unlock"
    # English, or a language that loads, has nothing to say.
    i18n.save_language("en")
    assert i18n.start(folder=tmp_path) is None
    i18n.save_language("es")
    assert i18n.start(folder=compiled(TS_FILE, tmp_path / "qm")) is None


def choose_in_settings(qtbot: QtBot, controller: AppController, language: str) -> None:
    controller.open_settings()
    dialog = controller.active_dialog
    assert isinstance(dialog, SettingsDialog)
    dialog.language.setCurrentIndex(dialog.language.findData(language))
    dialog.accept()
    assert not dialog.isVisible(), dialog.error.text()


def test_each_account_keeps_its_own_language(
        qtbot: QtBot, team: Team, controller: AppController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "translations_folder", lambda: compiled(TS_FILE, tmp_path))
    unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    choose_in_settings(qtbot, controller, "es")
    controller.lock()
    unlock(qtbot, controller, OTHER_CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE)
    choose_in_settings(qtbot, controller, "en")
    for name, passphrase, new_survivor in [
            (CASE_MANAGER, CASE_MANAGER_PASSPHRASE, "Nueva persona…"),
            (OTHER_CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE, "New survivor…"),
            (CASE_MANAGER, CASE_MANAGER_PASSPHRASE, "Nueva persona…")]:
        controller.lock()
        window = unlock(qtbot, controller, name, passphrase)
        assert window.new_action.text().replace("&", "") == new_survivor, name
    assert language_notices() == []
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        assert settings.own_language(session) == "es"


def test_an_accounts_language_that_cannot_be_loaded_is_said_so_at_unlock(
        qtbot: QtBot, team: Team, controller: AppController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(i18n, "translations_folder", lambda: tmp_path)  # no .qm in it
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        settings.set_own_language(session, "es")
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    [notice] = language_notices()
    assert notice.parent() is window
    assert "No se pudo cargar la traducción al español" in notice.text()


def test_a_services_message_reaches_the_person_in_their_language(
        team: Team, rosa: Survivor, tmp_path: Path) -> None:
    """The service words its refusal in English; the screen shows it through the translation
    of its template (here a one-message translation, as the real file may not have it yet)."""
    ts_file = tmp_path / "casetracker_es.ts"
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
        '<TS version="2.1" language="es" sourcelanguage="en"><context><name>errors</name>'
        "<message><source>{0} is after the goal's target date {1}</source>"
        "<translation>{0} es posterior a la fecha meta del objetivo, {1}</translation>"
        "</message><message><source>{0}: {1}</source><translation>{0}: {1}</translation>"
        "</message><message><source>Milestone due date</source>"
        "<translation>Fecha límite del hito</translation></message></context></TS>\n",
        encoding="utf-8")
    translators = i18n.install("es", folder=compiled(ts_file, tmp_path / "qm"))
    assert translators
    target = clock.today() + timedelta(days=30)
    goal = plans.add_goal(team.case_manager, rosa.case_number, domain=GoalDomain.EMPLOYMENT,
                          specific="s", measurable="m", achievable="a", relevant="r",
                          target_date=target)
    late = target + timedelta(days=1)
    with pytest.raises(CaseTrackerError) as refused:
        plans.add_milestone(team.case_manager, goal.id, "Interview", late)
    assert error_text(refused.value) == (
        f"Fecha límite del hito: {late.isoformat()} es posterior a la fecha meta del "
        f"objetivo, {target.isoformat()}")
