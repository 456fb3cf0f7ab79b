"""Consent tab and the sharing dialog, through the real widgets."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.catalog import Category
from casetracker.domain.employment import Industry
from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.consent_dialog import ConsentDialog
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.services import consent, employers, sharing
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock, verify
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
)


def test_consent_then_preview_and_save_a_profile(qtbot: QtBot, team: Team, rosa: Survivor,
                                                 controller: AppController,
                                                 tmp_path: Path) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Harbor Hotel", Industry.HOSPITALITY)
    _, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    tab = record.consent
    record.tabs.setCurrentWidget(tab)
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    dialog = tab.active_dialog
    assert isinstance(dialog, ConsentDialog)
    dialog.purpose.setPlainText("Referral for a kitchen internship")
    dialog.categories[Category.ALIAS].setChecked(True)
    dialog.categories[Category.READINESS].setChecked(True)
    dialog.accept()
    assert tab.table.rowCount() == 1
    assert tab.table.item(0, 6).text() == "Active"

    qtbot.mouseClick(tab.share_button, Qt.MouseButton.LeftButton)
    share = tab.active_dialog
    assert isinstance(share, ExportDialog)
    qtbot.mouseClick(share.preview_button, Qt.MouseButton.LeftButton)
    assert share.prepared is not None, share.error.text()
    assert share.fields.count() == 1  # preferred name; no skills recorded for Rosa yet
    assert "Preferred name — preferred name: consented on" in share.fields.item(0).text()
    out = tmp_path / "profile.pdf"
    share.save_to(str(out))
    assert out.read_bytes().startswith(b"%PDF")
    with verify(team) as session:  # type: ignore[attr-defined]
        [logged] = sharing.export_log(session)
        assert logged.recipient == "Harbor Hotel"
        [saved] = consent.consents(session, rosa.case_number)
        assert saved.categories == {Category.ALIAS, Category.READINESS}


def test_sharing_without_consent_shows_why_and_saves_nothing(qtbot: QtBot, team: Team,
                                                             rosa: Survivor,
                                                             controller: AppController) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Harbor Hotel", Industry.HOSPITALITY)
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        record = consent.add_consent(session, rosa.case_number,
                                     purpose="Referral for work",
                                     categories=frozenset({Category.ALIAS}),
                                     expires_on=clock.today() + timedelta(days=60),
                                     recipient_employer="Harbor Hotel")
        consent.revoke(session, record.id)
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    window.table.selectRow(0)
    assert window.record is not None
    tab = window.record.consent
    assert not tab.add_button.isVisible()
    tab.open_export_dialog()
    share = tab.active_dialog
    assert isinstance(share, ExportDialog)
    share.employer.addItem("Harbor Hotel")  # not offered (revoked); forced to test refusal
    share.employer.setCurrentText("Harbor Hotel")
    share.preview()
    assert share.prepared is None
    assert "no active consent" in share.error.text()
    assert not share.save_button.isEnabled()


def test_previews_open_and_close_again_and_again(qtbot: QtBot, team: Team, rosa: Survivor,
                                                 controller: AppController) -> None:
    """A PDF preview once crashed the program when its dialog was closed."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Harbor Hotel", Industry.HOSPITALITY)
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        consent.add_consent(session, rosa.case_number, purpose="Referral for work",
                            categories=frozenset({Category.ALIAS}),
                            expires_on=clock.today() + timedelta(days=60),
                            recipient_employer="Harbor Hotel")
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.table.selectRow(0)
    assert window.record is not None
    tab = window.record.consent
    window.record.tabs.setCurrentWidget(tab)
    for _ in range(3):
        tab.open_export_dialog()
        share = tab.active_dialog
        assert isinstance(share, ExportDialog)
        share.preview()
        share.preview()  # a second preview replaces the first
        assert share.prepared is not None
        share.close()
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    window.open_record(rosa.case_number)  # and the record that owned them goes too
    QApplication.processEvents()


def test_the_plan_is_printed_in_spanish_from_the_goals_tab(qtbot: QtBot, rosa: Survivor,
                                                           controller: AppController,
                                                           tmp_path: Path) -> None:
    from pypdf import PdfReader

    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.table.selectRow(0)
    assert window.record is not None
    goals = window.record.goals
    goals.plan_language.setCurrentIndex(goals.plan_language.findData("es"))
    out = tmp_path / "plan.pdf"
    goals.write_plan(str(out))
    text = PdfReader(str(out)).pages[0].extract_text()
    assert "Mi plan" in text
    assert "Rosa" in text
