"""The smaller things people saw (issue 22): plural forms, case numbers, document names and
statuses, the consent summary's words, the sharing dialog's Close button, the profile's
footer, and text cut off at 1280 px."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.catalog import Category
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.employment import Industry
from casetracker.domain.survivors import Availability, CaseStatus, Survivor
from casetracker.gui import i18n
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.placement_dialog import PlacementDialog
from casetracker.gui.dialogs.survivor_dialog import SurvivorDialog
from casetracker.services import consent, demo, employers, retention, settings, sharing, survivors
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock
from tests.gui.test_translations import qt_tool
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)

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
                        purpose="Referral for work", categories=frozenset({Category.ALIAS}),
                        expires_on=clock.today() + timedelta(days=10),
                        recipient_agency="Harbor Legal Aid")
    team.close()
    controller = AppController(team.vault)
    controller.start()
    try:
        window, record = open_first_record(qtbot, controller, CASE_MANAGER,
                                           CASE_MANAGER_PASSPHRASE)
        assert window.count.text() == "1 case"
        assert window.expiring.text() == "Releases ending within 14 days: 1"
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


# -- documents, consent, sharing ---------------------------------------------------------------


def test_the_status_list_keeps_one_order_whatever_the_status(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    _, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    tab = record.documents
    record.tabs.setCurrentWidget(tab)

    def offered(kind: DocumentKind) -> list[str]:
        box = tab.status_boxes[kind.value]
        return [box.itemText(i) for i in range(box.count())]

    assert offered(DocumentKind.PASSPORT) == ["Missing", "Requested", "Recovered", "Not needed"]
    box = tab.status_boxes[DocumentKind.PASSPORT.value]
    box.setCurrentIndex(box.findData(DocumentStatus.REQUESTED))
    box.activated.emit(box.currentIndex())
    # Requested now: the same statuses in the same places, the current one chosen.
    assert offered(DocumentKind.PASSPORT) == ["Missing", "Requested", "Recovered", "Not needed"]
    assert tab.status_boxes[DocumentKind.PASSPORT.value].currentText() == "Requested"


def test_documents_and_shared_categories_are_named_in_plain_us_english(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        consent.add_consent(session, rosa.case_number,
                            purpose="Referral for work",
                            categories=frozenset({Category.READINESS, Category.ALIAS}),
                            expires_on=clock.today() + timedelta(days=60),
                            recipient_agency="Harbor Legal Aid")
    _, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentWidget(record.documents)  # each tab reads its part when opened
    titles = [record.documents.table.item(row, 0).text()
              for row in range(record.documents.table.rowCount())]
    assert "State ID or driver's license" in titles
    record.tabs.setCurrentWidget(record.consent)
    assert record.consent.table.item(0, 2).text() == "preferred name, workshops and skills"


def test_the_sharing_dialog_closes_with_its_close_button(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    _, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    qtbot.mouseClick(record.consent.share_button, Qt.MouseButton.LeftButton)
    share = record.consent.active_dialog
    assert isinstance(share, ExportDialog)
    close = share.close_buttons.button(QDialogButtonBox.StandardButton.Close)
    assert close.isVisible()
    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)
    assert not share.isVisible()


def test_the_profile_says_where_questions_go_and_nothing_else(team: Team,
                                                             rosa: Survivor) -> None:
    from pypdf import PdfReader

    with team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        employers.add_employer(session, "Harbor Hotel", Industry.HOSPITALITY)
    settings.update_settings(team.supervisor, organisation_name="Safe Harbor Jobs",
                             organisation_phone="555-0100")
    consent.add_consent(team.case_manager, rosa.case_number,
                        purpose="Referral for work", categories=frozenset({Category.ALIAS}),
                        expires_on=clock.today() + timedelta(days=60),
                        recipient_employer="Harbor Hotel")
    prepared = sharing.prepare_employer_profile(team.case_manager, rosa.case_number,
                                                "Harbor Hotel")
    text = " ".join(" ".join(page.extract_text().split())
                    for page in PdfReader(BytesIO(prepared.pdf)).pages)
    assert "Please direct any questions to Safe Harbor Jobs at 555-0100." in text
    assert "past" not in text


# -- nothing cut off at 1280 pixels ------------------------------------------------------------


def test_at_1280_pixels_every_tab_column_and_hint_shows_whole(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        demo.populate(session, 6, [CASE_MANAGER], seed=7)
    window, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()
    bar = record.tabs.tabBar()
    assert all(bar.rect().contains(bar.tabRect(i)) for i in range(bar.count())), (
        "tabs behind scroll arrows")
    for table in (window.table, record.documents.table):
        record.tabs.setCurrentWidget(record.documents)
        QApplication.processEvents()
        assert table.horizontalScrollBar().maximum() == 0, table.accessibleName()
        metrics = table.fontMetrics()
        model = table.model()
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                if table.indexWidget(model.index(row, column)) is not None:
                    continue  # a status box, sized on its own
                shown = str(model.data(model.index(row, column)) or "")
                assert metrics.horizontalAdvance(shown) + 6 <= table.columnWidth(column), (
                    table.accessibleName(), shown)
    record.tabs.setCurrentWidget(record.placement)
    record.placement.open_step_dialog()
    step = record.placement.active_dialog
    assert isinstance(step, PlacementDialog)
    step.show()
    QApplication.processEvents()
    for hinted in (step.wage, step.reason):
        assert hinted.fontMetrics().horizontalAdvance(hinted.placeholderText()) < (
            hinted.width() - 8), hinted.placeholderText()
