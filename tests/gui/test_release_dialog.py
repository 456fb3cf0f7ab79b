"""The release of information dialog and the revocation dialog, through the real widgets:
what is typed is what the services hold."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.catalog import Category
from casetracker.domain.consent import ConsentMethod, Revocation
from casetracker.domain.employment import Industry
from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.consent_dialog import ConsentDialog, RevokeDialog
from casetracker.gui.record.consent_tab import ConsentTab
from casetracker.services import consent, employers, survivors
from tests.conftest import Team
from tests.gui.test_app import open_first_record, verify
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
)

PURPOSE = "Referral for a housekeeping job at the hotel"


def add_hotel(team: Team) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Harbor Hotel", Industry.HOSPITALITY)


def add_release(team: Team, case: str) -> None:
    add_hotel(team)
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        consent.add_consent(session, case, purpose=PURPOSE,
                            categories=frozenset({Category.ALIAS}),
                            recipient_employer="Harbor Hotel")


def open_tab(qtbot: QtBot, controller: AppController, name: str = CASE_MANAGER,
             passphrase: str = CASE_MANAGER_PASSPHRASE) -> ConsentTab:
    _, record = open_first_record(qtbot, controller, name, passphrase)
    record.tabs.setCurrentWidget(record.consent)
    return record.consent


def new_release(qtbot: QtBot, tab: ConsentTab) -> ConsentDialog:
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, ConsentDialog)
    return dialog


def test_a_release_is_recorded_with_its_purpose_and_a_90_day_end(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    add_hotel(team)
    tab = open_tab(qtbot, controller)
    dialog = new_release(qtbot, tab)
    assert not dialog.minor_group.isVisible()  # Rosa's date of birth says nothing of it
    dialog.show()
    qtbot.keyClicks(dialog.purpose, PURPOSE)
    dialog.categories[Category.ALIAS].setChecked(True)
    dialog.categories[Category.AVAILABILITY].setChecked(True)
    dialog.method.setCurrentIndex(dialog.method.findData(ConsentMethod.ELECTRONIC.value))
    qtbot.mouseClick(dialog.shares_further, Qt.MouseButton.LeftButton)
    dialog.accept()
    assert tab.table.rowCount() == 1, dialog.error.text()
    assert tab.table.item(0, 1).text() == PURPOSE
    assert tab.table.item(0, 5).text() == "Yes"
    with verify(team) as session:  # type: ignore[attr-defined]
        [saved] = consent.consents(session, rosa.case_number)
    assert saved.purpose == PURPOSE
    assert saved.recipient_name == "Harbor Hotel"
    assert saved.categories == {Category.ALIAS, Category.AVAILABILITY}
    assert saved.expires_on == saved.signed_on + timedelta(days=90) == clock.today() + timedelta(
        days=90)
    assert saved.method is ConsentMethod.ELECTRONIC
    assert saved.may_share_further is True


def test_a_release_without_a_purpose_keeps_the_dialog_open(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    tab = open_tab(qtbot, controller)
    dialog = new_release(qtbot, tab)
    dialog.recipient.setCurrentIndex(dialog.recipient.count() - 1)  # a partner agency
    qtbot.keyClicks(dialog.agency, "Casa Nueva Housing")
    dialog.categories[Category.ALIAS].setChecked(True)
    dialog.accept()
    assert dialog.isVisible()
    assert "purpose" in dialog.error.text().casefold()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert consent.consents(session, rosa.case_number) == []


def test_a_minors_release_asks_for_the_parent_or_guardian(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    today = clock.today()
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        dani = survivors.create_survivor(session, survivors.draft(
            "CT-0002", "Dani", date_of_birth=date(today.year - 15, 1, 1)))
    tab = open_tab(qtbot, controller)
    dialog = new_release(qtbot, tab)
    dialog.show()
    assert dialog.minor_group.isVisible()
    dialog.recipient.setCurrentIndex(dialog.recipient.count() - 1)
    qtbot.keyClicks(dialog.agency, "Youth Housing Network")
    qtbot.keyClicks(dialog.purpose, "Apply for youth housing")
    dialog.categories[Category.ALIAS].setChecked(True)
    dialog.accept()
    assert dialog.isVisible()  # refused: no guardian
    qtbot.keyClicks(dialog.guardian_name, "Marta Ruiz")
    dialog.accept()
    assert dialog.isVisible()  # refused: not both signed
    qtbot.mouseClick(dialog.guardian_signed, Qt.MouseButton.LeftButton)
    dialog.accept()
    assert not dialog.isVisible(), dialog.error.text()
    with verify(team) as session:  # type: ignore[attr-defined]
        [saved] = consent.consents(session, dani.case_number)
    assert (saved.guardian_name, saved.guardian_signed) == ("Marta Ruiz", True)


def test_an_oral_revocation_is_recorded_from_the_tab(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    add_release(team, rosa.case_number)
    tab = open_tab(qtbot, controller)
    tab.table.selectRow(0)
    qtbot.mouseClick(tab.revoke_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, RevokeDialog)
    dialog.how.setCurrentIndex(dialog.how.findData(Revocation.ORAL.value))
    dialog.accept()
    assert tab.table.item(0, 6).text() == "Revoked orally"
    with verify(team) as session:  # type: ignore[attr-defined]
        [saved] = consent.consents(session, rosa.case_number)
    assert (saved.revoked_on, saved.revoked_how, saved.revoked_by) == (
        clock.today(), Revocation.ORAL, CASE_MANAGER)


def test_a_coordinator_sees_no_purpose_column(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    add_release(team, rosa.case_number)
    tab = open_tab(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    assert tab.table.rowCount() == 1
    assert tab.table.isColumnHidden(1)
    texts = [tab.table.item(0, c).text() for c in range(tab.table.columnCount())]
    assert PURPOSE not in texts
