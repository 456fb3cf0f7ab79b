"""The import wizard, driven page by page; what it did is checked through the services."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.import_wizard import ImportWizard
from casetracker.services import survivors
from tests.conftest import Team
from tests.gui.test_app import unlock, verify
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
)


def intake_workbook(path: Path) -> Path:
    book = Workbook()
    book.active.title = "Summary"
    book.active.append(["Totals live here"])
    sheet = book.create_sheet("Intake 2025")
    sheet.append(["Client ID", "Name", "DOB", "Phone #", "Colour"])
    sheet.append(["CT-1", "Rosa", datetime(1990, 2, 3), 5551234, "red"])
    sheet.append(["CT-2", "Lena", "03/04/1991", None, "blue"])
    sheet.append(["CT-3", "Mei", None, None, None])
    book.save(path)
    return path


def open_wizard(qtbot: QtBot, controller: AppController) -> ImportWizard:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert window.import_action.isVisible()
    window.import_action.trigger()
    wizard = window.active_dialog
    assert isinstance(wizard, ImportWizard)
    return wizard


def choose_file(qtbot: QtBot, wizard: ImportWizard, path: Path) -> None:
    page = wizard.file_page
    page.path.clear()
    qtbot.keyClicks(page.path, str(path))
    page.path.editingFinished.emit()


def next_enabled(wizard: ImportWizard) -> bool:
    button = QWizard.WizardButton.CommitButton if wizard.currentPage().isCommitPage() \
        else QWizard.WizardButton.NextButton
    return wizard.button(button).isEnabled()


def test_wizard_maps_checks_lets_the_mapping_be_fixed_then_imports_all(
        qtbot: QtBot, team: Team, controller: AppController, tmp_path: Path) -> None:
    wizard = open_wizard(qtbot, controller)
    assert not next_enabled(wizard)
    choose_file(qtbot, wizard, tmp_path / "missing.xlsx")
    assert wizard.file_page.error.isVisible()
    assert not next_enabled(wizard)

    choose_file(qtbot, wizard, intake_workbook(tmp_path / "people.xlsx"))
    page = wizard.file_page
    assert [page.sheet.itemText(i) for i in range(page.sheet.count())] == [
        "Summary", "Intake 2025"]
    page.sheet.setCurrentText("Intake 2025")
    page.sheet.activated.emit(1)
    assert page.about.text() == "Excel workbook, sheet 'Intake 2025'; 5 columns."
    page.path.editingFinished.emit()  # focus leaving the file name keeps the sheet
    assert page.about.text() == "Excel workbook, sheet 'Intake 2025'; 5 columns."
    wizard.next()

    mapping = wizard.mapping_page
    assert wizard.currentPage() is mapping
    assert wizard.mapping == ["case_number", None, "date_of_birth", "phone", None]
    # "Name" is not guessed (it may be a legal name); the preferred name is required.
    assert not next_enabled(wizard)
    assert mapping.problems.text() == "row 1: no column fills “Preferred name”, which is required"
    mapping.set_field("Name", "preferred_name")
    assert next_enabled(wizard)
    preview = mapping.preview
    assert [preview.horizontalHeaderItem(c).text() for c in range(preview.columnCount())] == [
        "Case number", "Preferred name", "Date of birth", "Phone"]
    assert [preview.verticalHeaderItem(r).text() for r in range(preview.rowCount())] == [
        "2", "3", "4"]
    assert [preview.item(0, c).text() for c in range(4)] == [
        "CT-1", "Rosa", "1990-02-03", "5551234"]
    wizard.next()

    check = wizard.check_page
    assert wizard.currentPage() is check
    assert [check.list.item(i).text() for i in range(check.list.count())] == [
        "row 3: DOB: '03/04/1991' is not a date (use YYYY-MM-DD)"]
    assert not next_enabled(wizard)  # nothing imported while a problem remains
    assert survivors.caseload_size(verify(team)) == 0

    wizard.back()
    mapping.set_date_order("DD/MM/YYYY")  # the sheet's text dates are day first
    assert preview.item(1, 2).text() == "1991-04-03"
    wizard.next()
    assert check.list.count() == 0
    assert check.summary.text() == "Rows checked: 3. No problems: press Import to import them all."
    assert next_enabled(wizard)
    wizard.next()

    assert wizard.currentPage() is wizard.summary_page
    assert wizard.summary_page.text.text() == (
        "Survivors imported: 3, from Excel workbook, sheet 'Intake 2025'.\n"
        "Columns not imported: Colour.")
    session = verify(team)
    rows = survivors.caseload(session)
    assert [(r.case_number, r.preferred_name, r.assigned_to) for r in rows] == [
        ("CT-1", "Rosa", CASE_MANAGER), ("CT-2", "Lena", CASE_MANAGER),
        ("CT-3", "Mei", CASE_MANAGER)]
    assert [survivors.get_survivor(session, case).date_of_birth for case in ("CT-1", "CT-2")] == [
        date(1990, 2, 3), date(1991, 4, 3)]


def test_cancelling_the_import_imports_nothing(qtbot: QtBot, team: Team,
                                               controller: AppController,
                                               tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_bytes(("Número de caso;Nombre preferido\r\n" + "".join(
        f"CT-{n};Persona {n}\r\n" for n in range(1, 451))).encode("cp1252"))
    wizard = open_wizard(qtbot, controller)
    choose_file(qtbot, wizard, path)
    assert wizard.file_page.about.text() == "CSV, Windows-1252, semicolon-separated; 2 columns."
    wizard.next()
    assert next_enabled(wizard)
    wizard.next()
    assert wizard.check_page.summary.text().startswith("Rows checked: 450. No problems")

    def cancel(rows: int) -> None:
        if rows >= 200 and wizard.progress_dialog is not None:
            wizard.progress_dialog.cancel()

    wizard.progressed.connect(cancel)
    wizard.next()
    assert wizard.currentPage() is wizard.check_page
    assert wizard.check_page.summary.text().startswith("Cancelled: nothing was imported.")
    assert survivors.caseload_size(verify(team)) == 0
    wizard.progressed.disconnect(cancel)
    wizard.check_page.again.click()
    wizard.next()
    assert wizard.currentPage() is wizard.summary_page
    assert survivors.caseload_size(verify(team)) == 450


def test_coordinators_are_not_offered_the_import(qtbot: QtBot, team: Team,
                                                 controller: AppController) -> None:
    window = unlock(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    assert not window.import_action.isVisible()


def test_every_control_is_named(qtbot: QtBot, team: Team, controller: AppController,
                                tmp_path: Path) -> None:
    wizard = open_wizard(qtbot, controller)
    choose_file(qtbot, wizard, intake_workbook(tmp_path / "people.xlsx"))
    wizard.next()
    for page in (wizard.file_page, wizard.mapping_page, wizard.check_page):
        for kind in (QLineEdit, QComboBox, QTableWidget, QListWidget, QAbstractButton):
            for widget in page.findChildren(kind):
                if (isinstance(widget, QAbstractButton) and widget.text()) or \
                        widget.objectName().startswith("qt_"):  # Qt's own table corner
                    continue
                assert widget.accessibleName(), f"{kind.__name__} on {page.title()}"


def test_locking_during_an_import_imports_nothing(qtbot: QtBot, team: Team,
                                                  controller: AppController,
                                                  tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("case_number,preferred_name\n"
                    + "".join(f"CT-{n},Person {n}\n" for n in range(1, 451)))
    wizard = open_wizard(qtbot, controller)
    choose_file(qtbot, wizard, path)
    wizard.next()
    wizard.next()
    assert next_enabled(wizard)

    def quick_exit(rows: int) -> None:
        if rows >= 200 and controller.session is not None:
            controller.quick_exit_now()

    wizard.progressed.connect(quick_exit)
    wizard.next()
    assert controller.session is None
    assert survivors.caseload_size(verify(team)) == 0
