"""Spreadsheet migration: encodings, workbooks, the guessed mapping, row checks, all or nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from casetracker.domain.errors import PermissionDeniedError
from casetracker.services import importer, sensitive, spreadsheet, survivors
from casetracker.services.import_mapping import check_mapping, guess_mapping
from casetracker.services.spreadsheet import open_table
from tests.conftest import Team
from tests.helpers import CASE_MANAGER


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


@pytest.mark.parametrize(("codec", "label"), [
    ("utf-8", "UTF-8"),
    ("utf-8-sig", "UTF-8 with BOM"),
    ("utf-16", "UTF-16 (little-endian)"),
    ("cp1252", "Windows-1252"),
])
def test_csv_encodings_are_detected_and_named(team: Team, tmp_path: Path, codec: str,
                                              label: str) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes("Case #,Preferred name,Last name\r\nCT-1,José,Núñez\r\n".encode(codec))
    table = open_table(path)
    assert table.description == f"CSV, {label}, comma-separated"
    assert importer.import_survivors(team.case_manager, table).imported == 1
    table.close()
    rosa = survivors.get_survivor(team.supervisor, "CT-1")
    assert (rosa.preferred_name, rosa.legal_last_name) == ("José", "Núñez")


def test_semicolons_excel_sep_line_and_utf16_tabs(team: Team, tmp_path: Path) -> None:
    semi = tmp_path / "es.csv"
    semi.write_bytes("sep=;\nNúmero de caso;Nombre preferido;Fecha de nacimiento\n"
                     "CT-1;Rosa;1990-02-03\nCT-2;Lena;31/12/1990\n".encode("cp1252"))
    table = open_table(semi)
    assert table.description == "CSV, Windows-1252, semicolon-separated"
    # The `sep=` line is hidden by Excel: the header is row 1, Lena row 3.
    assert importer.check_survivors(team.case_manager, table) == [
        "row 3: Fecha de nacimiento: '31/12/1990' is not a date (use YYYY-MM-DD)"]
    tabs = tmp_path / "unicode.txt"  # Excel's "Unicode Text": UTF-16, tab-separated
    tabs.write_bytes("case_number\tpreferred_name\nCT-3\tMei\n".encode("utf-16"))
    table = open_table(tabs)
    assert table.description == "CSV, UTF-16 (little-endian), tab-separated"
    assert importer.import_survivors(team.case_manager, table).imported == 1


def test_headings_in_english_and_spanish_are_guessed() -> None:
    assert guess_mapping(["Case #", "First Name", "Last Name", "DOB", "Phone #", "E-mail",
                          "Preferred name", "Shoe size", "Hours per week", "Case Manager"]) == [
        "case_number", "legal_first_name", "legal_last_name", "date_of_birth", "phone",
        "email", "preferred_name", None, "availability_hours", "assigned_to"]
    assert guess_mapping(["Nº de caso", "Nombre", "Apellidos", "Fecha de Nacimiento",
                          "Teléfono", "Correo electrónico", "Dirección", "Idioma",
                          "Habilidades", "Apodo", "Asignado a"]) == [
        "case_number", "legal_first_name", "legal_last_name", "date_of_birth", "phone", "email",
        "address", "primary_language", "skills", "preferred_name", "assigned_to"]
    # The exact field names, and a second column for a taken field is left out.
    assert guess_mapping(["case_number", "preferred_name", "Phone", "Cell"]) == [
        "case_number", "preferred_name", "phone", None]
    # A bare "Name" may be a legal name: never guessed as the shareable preferred name.
    assert guess_mapping(["Name"]) == [None]


def test_mapping_problems_are_on_row_one() -> None:
    header = ["Case", "Alias", "Also alias"]
    assert check_mapping(header, ["case_number", "preferred_name", "preferred_name"]) == [
        "row 1: columns 'Alias', 'Also alias' all fill preferred_name; choose one"]
    assert check_mapping(header, [None, None, "phone"]) == [
        "row 1: no column fills case_number, which is required",
        "row 1: no column fills preferred_name, which is required"]


def test_workbook_dates_numbers_formulas_and_row_numbers(team: Team, tmp_path: Path) -> None:
    path = workbook(tmp_path / "people.xlsx", {
        "Notes": [["not this sheet"]],
        "Intake": [
            ["Case #", "Preferred name", "DOB", "Phone #", "Hours", "Skills", "Colour"],
            ["CT-1", "Rosa", datetime(1990, 2, 3), 5551234, 20.0, "cooking; sewing", "red"],
            [],
            ["CT-2", '=HYPERLINK("http://x.test","Lena")', date(1991, 1, 1), None, None,
             "=1+1", None],
            ["CT-3", "Mei", "1992-04-05", None, None, None, None],
        ]})
    table = open_table(path, "Intake")
    assert table.description == "Excel workbook, sheet 'Intake'"
    result = importer.import_survivors(team.case_manager, table)
    table.close()
    assert (result.imported, result.ignored_columns) == (3, ("Colour",))
    rosa = survivors.get_survivor(team.supervisor, "CT-1")
    assert (rosa.date_of_birth, rosa.phone, rosa.availability.hours_per_week, rosa.skills) == (
        date(1990, 2, 3), "5551234", 20, ("cooking", "sewing"))
    lena = survivors.get_survivor(team.supervisor, "CT-2")
    # Formulas arrive as their text and are stored as text, never evaluated.
    assert lena.preferred_name == '=HYPERLINK("http://x.test","Lena")'
    assert lena.skills == ("=1+1",)
    assert lena.date_of_birth == date(1991, 1, 1)
    assert survivors.get_survivor(team.supervisor, "CT-3").date_of_birth == date(1992, 4, 5)


def test_workbook_problems_count_rows_as_the_spreadsheet_does(team: Team,
                                                              tmp_path: Path) -> None:
    path = workbook(tmp_path / "people.xlsx", {"Sheet": [
        [], ["Case #", "Preferred name", "DOB", "E-mail"],  # the header may start lower
        ["CT-1", "Rosa", "3 Feb 1990", "rosa@example.org"],
        [],
        ["CT-2", None, None, "not an email"],
        ["CT-1", "Again", None, None, "extra"],
    ]})
    table = open_table(path)
    assert importer.check_survivors(team.case_manager, table) == [
        "row 3: DOB: '3 Feb 1990' is not a date (use YYYY-MM-DD)",
        "row 5: Preferred name: is required",
        "row 5: E-mail: 'not an email' is not an email address",
        # A cell under no heading is in an ignored column: workbooks do not shift cells.
        "row 6: Case #: CT-1 repeats row 3",
    ]
    table.close()
    with pytest.raises(importer.ImportRejectedError, match="no sheet 'Other'"):
        open_table(path, "Other")


def test_a_problem_on_the_last_row_leaves_nothing_imported(team: Team, tmp_path: Path) -> None:
    rows = "".join(f"CT-{n},Person {n},labor\n" for n in range(1, 251))
    path = tmp_path / "many.csv"
    path.write_text("case_number,preferred_name,trafficking_type\n" + rows + "CT-999,Last,x\n")
    with pytest.raises(importer.ImportRejectedError) as info:
        importer.import_survivors(team.case_manager, open_table(path))
    assert info.value.problems == [
        "row 252: trafficking_type: 'x' is not one of Labor, Sex, Labor and sex, At risk, "
        "Not recorded"]
    assert survivors.caseload_size(team.supervisor) == 0


def test_progress_is_reported_and_cancel_imports_nothing(team: Team, tmp_path: Path) -> None:
    path = tmp_path / "many.csv"
    path.write_text("case_number,preferred_name\n"
                    + "".join(f"CT-{n},Person {n}\n" for n in range(1, 351)))
    seen: list[tuple[int, float | None]] = []

    def record(rows: int, fraction: float | None) -> bool:
        seen.append((rows, fraction))
        return True

    assert importer.import_survivors(team.case_manager, open_table(path),
                                     progress=record).imported == 350
    assert [rows for rows, _ in seen] == [100, 200, 300, 350]
    fractions = [f for _, f in seen]
    assert all(f is not None for f in fractions)
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0

    again = tmp_path / "again.csv"
    again.write_text("case_number,preferred_name\n"
                     + "".join(f"CX-{n},Person {n}\n" for n in range(1, 351)))
    with pytest.raises(importer.ImportCancelledError):
        importer.import_survivors(team.case_manager, open_table(again),
                                  progress=lambda rows, _f: rows < 200)
    assert survivors.caseload_size(team.supervisor) == 350


def test_spanish_values_sensitive_fields_and_who_may_import(team: Team, tmp_path: Path) -> None:
    path = workbook(tmp_path / "es.xlsx", {"Hoja1": [
        ["Número de caso", "Nombre preferido", "Tipo de trata", "Estatus migratorio"],
        ["CT-1", "Rosa", "laboral", "T-visa pending"]]})
    assert importer.may_import(team.case_manager)
    # Supervisors change no case content, and importing creates it: case managers import.
    assert not importer.may_import(team.supervisor)
    assert not importer.may_import(team.coordinator)
    for session in (team.coordinator, team.supervisor):
        with pytest.raises(PermissionDeniedError):
            importer.check_survivors(session, open_table(path))
    assert importer.import_survivors(team.case_manager, open_table(path)).imported == 1
    assert survivors.get_survivor(team.case_manager, "CT-1").assigned_to == CASE_MANAGER
    details = sensitive.get_sensitive(team.case_manager, "CT-1")
    assert (details.trafficking_type.value, details.immigration_status) == (
        "labor", "T-visa pending")


def test_preview_shows_rows_as_they_will_be_imported(tmp_path: Path) -> None:
    path = workbook(tmp_path / "p.xlsx", {"S": [
        ["Case #", "Alias", "DOB", "Ignored"],
        ["CT-1", " Rosa ", datetime(1990, 2, 3), "x"], [], ["CT-2", "Lena", None, "y"],
        ["CT-3", "Mei", None, None]]})
    table = open_table(path)
    mapping = guess_mapping(table.header)
    rows = importer.first_rows(table, 2)
    table.close()
    assert [number for number, _ in rows] == [2, 4]
    assert importer.preview_row(table.header, mapping, rows[0][1]) == {
        "case_number": "CT-1", "preferred_name": "Rosa", "date_of_birth": "1990-02-03"}


def test_damaged_and_swollen_workbooks_are_refused(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "fake.xlsx"
    fake.write_text("case_number,preferred_name\n")
    with pytest.raises(importer.ImportRejectedError,
                       match="row 1: the file cannot be read as an Excel workbook"):
        open_table(fake)
    path = workbook(tmp_path / "big.xlsx", {"S": [["Case #", "Alias", "x" * 5000]]})
    monkeypatch.setattr(spreadsheet, "MAX_UNPACKED_BYTES", 20_000)
    with pytest.raises(importer.ImportRejectedError, match="unpacks to more than"):
        open_table(path)


def test_dates_typed_as_text_in_the_sheets_order(team: Team, tmp_path: Path) -> None:
    path = tmp_path / "us.csv"
    path.write_text("Case #,Alias,DOB\nCT-1,Rosa,12/31/1990\nCT-2,Lena,1991-04-03\n"
                    "CT-3,Mei,31/12/1990\nCT-4,Ana,2/3/1992\n")
    assert importer.check_survivors(team.case_manager, open_table(path),
                                    date_order="MM/DD/YYYY") == [
        "row 4: DOB: '31/12/1990' is not a date (use MM/DD/YYYY)"]
    assert importer.check_survivors(team.case_manager, open_table(path),
                                    date_order="DD/MM/YYYY") == [
        "row 2: DOB: '12/31/1990' is not a date (use DD/MM/YYYY)"]
    path.write_text("Case #,Alias,DOB\nCT-1,Rosa,12/31/1990\nCT-2,Lena,1991-04-03\n"
                    "CT-4,Ana,2/3/1992\n")
    importer.import_survivors(team.case_manager, open_table(path), date_order="MM/DD/YYYY")
    assert [survivors.get_survivor(team.supervisor, case).date_of_birth
            for case in ("CT-1", "CT-2", "CT-4")] == [
        date(1990, 12, 31), date(1991, 4, 3), date(1992, 2, 3)]
