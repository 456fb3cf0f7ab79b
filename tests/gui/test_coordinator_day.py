"""A coordinator's day, through the real widgets: naming yourself for letters, the letterhead
notice, letters in the sharing dialog, and the employers' pages."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE
from casetracker.domain.employment import Industry, PositionKind
from casetracker.domain.survivors import Survivor
from casetracker.export.leak_guard import pdf_text
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.settings_dialog import SettingsDialog
from casetracker.services import consent, employers, settings, staff_names
from tests.conftest import Team
from tests.gui.test_app import unlock, verify
from tests.unit.test_letters import text_of
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)

EMPLOYER = "Harbor Hotel"


def share_with_harbor(team: Team, case_number: str) -> None:
    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, EMPLOYER, Industry.HOSPITALITY,
                               contact_name="Hiring manager")
        employers.add_position(session, EMPLOYER, "Housekeeping intern",
                               PositionKind.INTERNSHIP)
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        consent.add_consent(session, case_number, categories=SHAREABLE,
                            expires_on=clock.today() + timedelta(days=60),
                            recipient_employer=EMPLOYER)


def test_a_coordinator_names_themselves_and_their_letter_is_signed_so(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    share_with_harbor(team, rosa.case_number)
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    controller.open_settings()
    dialog = controller.active_dialog
    assert isinstance(dialog, SettingsDialog)
    assert not dialog.organisation_name.isEnabled()  # the program's details: supervisors
    qtbot.keyClicks(dialog.display_name, "Cole Whitaker")
    qtbot.keyClicks(dialog.job_title, "Employment Partnerships Coordinator")
    dialog.accept()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert staff_names.staff_name(session, COORDINATOR).display_name == "Cole Whitaker"

    window.table.selectRow(0)
    assert window.record is not None
    tab = window.record.consent
    tab.open_export_dialog()
    share = tab.active_dialog
    assert isinstance(share, ExportDialog)
    # Nothing of the organisation is set: the preview says so, and the letter still goes.
    assert share.letterhead_notice.isVisibleTo(share)
    assert "name, address, phone" in share.letterhead_notice.text()
    share.kind.setCurrentIndex(share.kind.findData("referral_letter"))
    share.position.setCurrentIndex(1)
    qtbot.mouseClick(share.preview_button, Qt.MouseButton.LeftButton)
    assert share.prepared is not None, share.error.text()
    text = pdf_text(share.prepared.pdf)
    assert "dear hiring manager" in text
    assert "for the housekeeping intern position at harbor hotel" in text
    assert "cole whitaker employment partnerships coordinator" in text
    assert "Case Tracker" not in text_of(share.prepared.pdf)  # no made-up letterhead


def test_the_supervisor_is_told_until_the_letterhead_is_complete(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert window.letterhead_notice.isVisibleTo(window)
    controller.open_settings()
    dialog = controller.active_dialog
    assert isinstance(dialog, SettingsDialog)
    assert dialog.letterhead_notice.isVisibleTo(dialog)
    qtbot.keyClicks(dialog.organisation_name, "Bright Path Program")
    qtbot.keyClicks(dialog.organisation_address, "200 Mission Street")
    assert "phone" in dialog.letterhead_notice.text()
    qtbot.keyClicks(dialog.organisation_phone, "(415) 555-0134")
    assert not dialog.letterhead_notice.isVisibleTo(dialog)
    dialog.accept()
    assert not window.letterhead_notice.isVisibleTo(window)
    with verify(team) as session:  # type: ignore[attr-defined]
        assert settings.get_settings(session).organisation_phone == "(415) 555-0134"
