"""Full-text search (scoped by role) and the all-or-nothing CSV import."""

from __future__ import annotations

from datetime import date

import pytest

from casetracker.domain.errors import PermissionDeniedError
from casetracker.domain.notes import ContactType
from casetracker.domain.survivors import CaseStatus
from casetracker.services import audit, importer, notes, search, sensitive, survivors
from casetracker.services.search import fts_query
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, OTHER_CASE_MANAGER

HEADER = ("case_number,preferred_name,legal_first_name,legal_last_name,date_of_birth,phone,"
          "email,address,primary_language,skills,availability_hours,trafficking_type,"
          "history_notes,immigration_status,criminal_record_notes,assigned_to")


def row(case: str, name: str, **values: str) -> str:
    cells = dict.fromkeys(HEADER.split(","), "")
    cells.update(case_number=case, preferred_name=name, **values)
    return ",".join(f'"{v}"' for v in cells.values())


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


@pytest.fixture
def people(team: Team) -> Team:
    # Each case manager imports their own caseload.
    text = csv_text(
        row("CT-1", "Rosa", legal_first_name="María", legal_last_name="González",
            assigned_to=CASE_MANAGER, skills="forklift; customer service"),
        row("CT-3", "Tomás", legal_last_name="Reyes", assigned_to=CASE_MANAGER))
    assert importer.import_survivors(team.case_manager, text).imported == 2
    assert importer.import_survivors(team.other_case_manager, csv_text(
        row("CT-2", "Lena", legal_last_name="Okafor", assigned_to=OTHER_CASE_MANAGER),
    )).imported == 1
    notes.add_note(team.case_manager, "CT-3", "Interested in hospitality; met at shelter",
                   ContactType.IN_PERSON)
    return team


def cases(hits: list[search.SearchHit]) -> list[str]:
    return [h.case_number for h in hits]


def test_search_finds_names_case_numbers_and_notes_with_prefixes_and_accents(
        people: Team) -> None:
    sup = people.supervisor
    assert cases(search.search(sup, "gonz")) == ["CT-1"]
    assert cases(search.search(sup, "Gonzalez")) == ["CT-1"]  # accent folded
    assert cases(search.search(sup, "ct-2")) == ["CT-2"]
    assert cases(search.search(sup, "hospit")) == ["CT-3"]
    assert cases(search.search(sup, "tomas reyes")) == ["CT-3"]
    assert search.search(sup, "   ") == []


def test_search_is_limited_to_what_the_account_may_see(people: Team) -> None:
    assert cases(search.search(people.case_manager, "okafor")) == []
    assert set(cases(search.search(people.case_manager, "ct"))) == {"CT-1", "CT-3"}
    # Coordinators find by case number or preferred name, never by legal name or notes.
    assert cases(search.search(people.coordinator, "rosa")) == ["CT-1"]
    assert search.search(people.coordinator, "gonzalez") == []
    assert search.search(people.coordinator, "hospitality") == []


def test_search_ranks_names_above_notes_and_gives_snippets_when_asked(people: Team) -> None:
    notes.add_note(people.case_manager, "CT-1", "Asked about Tomás's shift swap at the "
                   "warehouse; will call back Tuesday", ContactType.PHONE)
    hits = search.search(people.supervisor, "tomas", snippets=True)
    # The name is a short text wholly about the word; the note mentions it once in passing.
    assert [(h.case_number, h.matched) for h in hits] == [("CT-3", "preferred_name"),
                                                          ("CT-1", "note")]
    assert [h.snippet for h in hits] == ["[Tomás]", "Asked about [Tomás]'s shift swap at the…"]
    assert all(h.snippet == "" for h in search.search(people.supervisor, "tomas"))
    # A case manager's search by legal name shows the names it matched.
    (hit,) = search.search(people.case_manager, "reyes", snippets=True)
    assert (hit.case_number, hit.matched) == ("CT-3", "names")
    assert hit.snippet.split() == ["Tomás", "[Reyes]"]  # no legal first name was given


def test_search_syntax_cannot_be_injected(people: Team) -> None:
    for text in ['"', "rosa OR lena", "NEAR(rosa lena)", "legal_name:gonz", "*", "a AND"]:
        search.search(people.supervisor, text)  # no error
    assert fts_query('xy" OR "yz') == '"xy"* "OR"* "yz"*'
    assert fts_query("a") is None  # searching starts at the second letter
    assert fts_query("7") == '"7"*'


def test_search_follows_renames_and_closing(people: Team) -> None:
    survivors.update_survivor(people.case_manager, "CT-1", legal_last_name="Quintero")
    assert search.search(people.supervisor, "gonzalez") == []
    assert cases(search.search(people.supervisor, "quintero")) == ["CT-1"]
    survivors.set_status(people.case_manager, "CT-1", CaseStatus.CLOSED)
    assert search.search(people.coordinator, "rosa") == []


def test_import_fills_profiles_and_sensitive_details(team: Team) -> None:
    text = csv_text(row("CT-9", "Ana", date_of_birth="1990-02-03", availability_hours="20",
                        trafficking_type="labor", history_notes="Recruited abroad",
                        criminal_record_notes="", assigned_to=CASE_MANAGER,
                        skills="cooking;  sewing ;"))
    importer.import_survivors(team.case_manager, text)
    rosa = survivors.get_survivor(team.case_manager, "CT-9")
    assert rosa.date_of_birth == date(1990, 2, 3)
    assert rosa.skills == ("cooking", "sewing")
    assert rosa.availability.hours_per_week == 20
    assert sensitive.get_sensitive(team.case_manager, "CT-9").history_notes == "Recruited abroad"
    assert [e.action for e in audit.recent_entries(team.supervisor, 10)].count(
        "import.survivors") == 1


def test_every_bad_row_is_reported_and_nothing_is_imported(team: Team) -> None:
    survivors.create_survivor(team.case_manager, survivors.draft("CT-OLD", "Old"))
    text = csv_text(
        row("CT-1", "Fine"),
        row("CT-2", "Bad date", date_of_birth="31/12/1990"),
        row("CT-1", "Duplicate in file"),
        row("CT-OLD", "Duplicate of existing"),
        row("CT-5", "Unknown manager", assigned_to="nobody"),
        row("CT-6", "", email="not-an-email"),
        row("CT-7", "Coordinator", assigned_to="cole"),
        row("CT-8", "Hours", availability_hours="lots"),
    )
    with pytest.raises(importer.ImportRejectedError) as info:
        importer.import_survivors(team.case_manager, text)
    problems = info.value.problems
    assert problems == [
        "row 3: date_of_birth: '31/12/1990' is not a date (use YYYY-MM-DD)",
        "row 4: case_number: CT-1 repeats row 2",
        "row 5: case_number: CT-OLD already exists",
        "row 6: assigned_to: a case manager imports into their own caseload only",
        "row 7: preferred_name: is required",
        "row 7: email: 'not-an-email' is not an email address",  # every problem of a row
        "row 8: assigned_to: a case manager imports into their own caseload only",
        "row 9: availability_hours: 'lots' is not a number",
    ]
    assert survivors.caseload_size(team.supervisor) == 1


def test_unknown_columns_are_ignored_and_header_problems_are_on_row_one(team: Team) -> None:
    result = importer.import_survivors(team.case_manager, csv_text(
        '"CT-1","Rosa","x"', header="case_number,preferred_name,shoe_size"))
    assert (result.imported, result.ignored_columns) == (1, ("shoe_size",))
    with pytest.raises(importer.ImportRejectedError) as info:
        importer.import_survivors(team.case_manager, "preferred_name\nRosa\n")
    assert info.value.problems == ["row 1: no column fills case_number, which is required"]


def test_rows_with_extra_cells_and_multiline_cells(team: Team) -> None:
    text = ('case_number,preferred_name,history_notes\n'
            '"CT-1","Rosa","first line\nsecond line"\n'
            '"CT-2","Lena","x","surplus"\n')
    with pytest.raises(importer.ImportRejectedError) as info:
        importer.import_survivors(team.case_manager, text)
    # The multi-line cell is one spreadsheet row: CT-2 is row 3, as a spreadsheet shows it.
    assert info.value.problems == ["row 3: has more cells than the header has columns"]


def test_case_managers_import_into_their_own_caseload_only(team: Team) -> None:
    with pytest.raises(importer.ImportRejectedError, match="own caseload"):
        importer.import_survivors(team.case_manager, csv_text(
            row("CT-1", "Rosa", assigned_to=OTHER_CASE_MANAGER)))
    importer.import_survivors(team.case_manager, csv_text(row("CT-1", "Rosa")))
    assert survivors.caseload(team.case_manager)[0].assigned_to == CASE_MANAGER
    for session in (team.coordinator, team.supervisor):
        with pytest.raises(PermissionDeniedError):
            importer.import_survivors(session, csv_text(row("CT-2", "Lena")))


def test_files_in_no_known_encoding_are_named(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "people.csv"
    # 0x81 is neither UTF-8 nor Windows-1252.
    path.write_bytes(b"case_number,preferred_name\nCT-1,Jos\x81\n")
    with pytest.raises(importer.ImportRejectedError) as info:
        importer.read_csv(path)
    assert info.value.problems == ["row 2: the file is not text in UTF-8, UTF-16 or "
                                   "Windows-1252 (save the spreadsheet as 'CSV UTF-8')"]
