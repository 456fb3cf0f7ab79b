"""The import lists likely duplicates (of records kept and of earlier rows) as problems a
person decides on: a new person, or the row left out."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import audit, importer, survivors
from casetracker.services.importer import LEAVE_OUT, NEW_PERSON, ImportRejectedError
from casetracker.services.spreadsheet import text_table
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, PASSPHRASES, FakeClock

CSV = """case_number,preferred_name,legal_first_name,legal_last_name,date_of_birth,phone
I-1,Lupe,Guadalupe,Núñez,1988-02-03,555-010-9999
I-2,Kim,Kim,Park,1990-01-01,
I-3,Kimberly,Kim,Park,1990-01-01,
I-4,Ana,Ana,Mora,,
I-5,Rosa,Rosa,Quintero,,
"""


@pytest.fixture
def kept(team: Team) -> Team:
    survivors.create_survivor(team.case_manager, survivors.draft(
        "CT-LUPE", "Lupita", legal_first_name="Guadalupe", legal_last_name="Nunez",
        date_of_birth=date(1988, 2, 3)))
    survivors.create_survivor(team.other_case_manager, survivors.draft(
        "CT-BEN", "Rosa", legal_last_name="Quintero"))
    return team


def test_likely_duplicates_are_problems_by_row(kept: Team) -> None:
    found = importer.check_import(kept.case_manager, text_table(CSV))
    assert found.problems == []
    assert [(d.row, d.problem) for d in found.duplicates] == [
        (2, "row 2: likely the same person as CT-LUPE (name, date of birth)"),
        (4, "row 4: likely the same person as row 3 (name, date of birth)"),
        (6, "row 6: a possible duplicate is in another caseload — ask your supervisor"),
    ]
    assert "CT-BEN" not in str(found)
    with pytest.raises(ImportRejectedError) as caught:
        importer.import_survivors(kept.case_manager, CSV)
    assert len(caught.value.problems) == 3
    assert survivors.caseload_size(kept.case_manager) == 1


def test_each_decision_is_the_persons(kept: Team) -> None:
    ana = kept.case_manager
    decisions = {2: LEAVE_OUT, 4: NEW_PERSON}
    assert importer.check_survivors(ana, text_table(CSV), decisions=decisions) == [
        "row 6: a possible duplicate is in another caseload — ask your supervisor"]
    decisions[6] = NEW_PERSON
    result = importer.import_survivors(ana, CSV, decisions=decisions)
    assert (result.imported, result.skipped) == (4, 1)
    assert survivors.caseload_size(ana) == 5
    entry = audit.search(kept.supervisor, action="import.survivors")[-1]
    assert (entry.details["left_out"], entry.details["not_duplicates"]) == (1, 2)


def test_the_command_line_takes_the_decisions(kept: Team, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "people.csv"
    path.write_text(CSV, encoding="utf-8")
    secret = tmp_path / "ana.pp"
    secret.write_text(PASSPHRASES[CASE_MANAGER] + "\n", encoding="utf-8")
    db = str(kept.vault.paths.db)
    kept.close()

    def run(*extra: str) -> tuple[int, str]:
        code = main(["import", "survivors", str(path), *extra, "--db", db, "--user",
                     CASE_MANAGER, "--passphrase-file", str(secret)], kdf=FAST_INSECURE,
                    clock=FakeClock())
        return code, capsys.readouterr().err

    code, err = run()
    assert code == 1
    assert "row 4: likely the same person as row 3" in err
    code, err = run("--leave-out", "2", "--not-a-duplicate", "4", "--not-a-duplicate", "6")
    assert code == 0
    assert "imported 4 survivors" in err
