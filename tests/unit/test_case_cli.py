"""The case commands of the CLI: demo, import, survivor list and show, search."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain import clock
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import audit, survivors
from casetracker.services.vault import Vault

LINE = re.compile(r"^account (\S+) \((case_manager|coordinator|supervisor)\): (.+)$")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv), kdf=FAST_INSECURE)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, dict[str, str]]:
    db = str(tmp_path / "demo.db")
    code, out, err = run(capsys, "demo", "--db", db, "--survivors", "40", "--seed", "7")
    assert code == 0, err
    accounts = {}
    for line in out.splitlines():
        match = LINE.match(line)
        assert match, line
        accounts[match.group(1)] = match.group(3)
    return db, accounts


SAM_PASSPHRASE = "orange kettle under the stairs"


@pytest.fixture
def empty_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[str]]:
    """A new database whose supervisor is sam, and the options that act as sam on it."""
    db, pp = tmp_path / "c.db", tmp_path / "pp"
    pp.write_text(SAM_PASSPHRASE)
    common = ["--db", str(db), "--user", "sam", "--passphrase-file", str(pp)]
    assert run(capsys, "init", *common)[0] == 0
    return db, common


ANA_PASSPHRASE = "violet bicycle near the harbour"


@pytest.fixture
def import_db(empty_db: tuple[Path, list[str]], tmp_path: Path,
              capsys: pytest.CaptureFixture[str]) -> tuple[Path, list[str]]:
    """`empty_db` with a case manager, ana (importing is a case manager's work), and the
    options that act as ana on it."""
    db, common = empty_db
    pp = tmp_path / "ana-pp"
    pp.write_text(ANA_PASSPHRASE)
    assert run(capsys, "user", "add", "ana", "--role", "case_manager", "--new-passphrase-file",
               str(pp), *common)[0] == 0
    return db, ["--db", str(db), "--user", "ana", "--passphrase-file", str(pp)]


def test_demo_prints_one_line_per_account_of_each_role(demo_db: tuple[str, dict[str, str]],
                                                       tmp_path: Path) -> None:
    db, accounts = demo_db
    assert len(accounts) == 5
    vault = Vault(db, kdf=FAST_INSECURE)
    roles = set()
    total = 0
    for name, passphrase in accounts.items():
        with vault.unlock(name, passphrase) as session:
            roles.add(session.account.role.value)
            if session.account.role.value == "case_manager":
                total += survivors.caseload_size(session, status=None)
            if session.account.role.value == "supervisor":
                assert survivors.caseload_size(session, status=None) == 40
                assert audit.verify_chain(session).ok
    assert roles == {"case_manager", "coordinator", "supervisor"}
    assert total == 40


def test_demo_with_a_shared_passphrase_file(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    shared = tmp_path / "pp"
    shared.write_text("one passphrase for the whole demo\n")
    db = str(tmp_path / "d.db")
    code, out, _ = run(capsys, "demo", "--db", db, "--survivors", "3",
                       "--passphrase-file", str(shared))
    assert code == 0
    assert {LINE.match(line).group(3) for line in out.splitlines()} == {  # type: ignore[union-attr]
        "one passphrase for the whole demo"}
    code, _, err = run(capsys, "demo", "--db", db, "--survivors", "3")
    assert code == 1
    assert "already exists" in err


def test_survivor_list_show_and_search(demo_db: tuple[str, dict[str, str]],
                                       capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    db, accounts = demo_db
    monkeypatch.setenv("CASETRACKER_DB", db)
    monkeypatch.setenv("CASETRACKER_USER", "ana")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", accounts["ana"])
    code, out, _ = run(capsys, "survivor", "list", "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    assert all(r["case_manager"] == "ana" for r in rows)
    case = rows[0]["case"]
    code, out, _ = run(capsys, "survivor", "show", case, "--json")
    record = json.loads(out)
    assert record["case_number"] == case
    assert "legal_last_name" in record
    assert "ready_for_i9" in record
    code, out, _ = run(capsys, "search", record["legal_last_name"], "--json")
    assert case in [json.loads(line)["case"] for line in out.splitlines()]

    monkeypatch.setenv("CASETRACKER_USER", "cole")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", accounts["cole"])
    code, out, _ = run(capsys, "survivor", "show", case, "--json")
    profile = json.loads(out)
    assert set(profile) == {"case_number", "preferred_name", "status", "assigned_to", "skills",
                            "availability", "accommodations", "employment_goals",
                            "ready_for_i9"}
    assert record["legal_last_name"] not in out

    monkeypatch.setenv("CASETRACKER_USER", "luis")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", accounts["luis"])
    code, _, err = run(capsys, "survivor", "show", case)
    assert code == 1
    assert err.strip() == (f"casetracker: error: opening a survivor record: case {case} is "
                           "not in your caseload")


def test_import_command_reports_every_row(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          import_db: tuple[Path, list[str]]) -> None:
    _, common = import_db
    bad = tmp_path / "bad.csv"
    bad.write_text("case_number,preferred_name,date_of_birth\nCT-1,Rosa,1990-13-01\n"
                   "CT-2,,\n")
    code, _, err = run(capsys, "import", "survivors", str(bad), *common)
    assert code == 1
    assert err.splitlines() == [
        "casetracker: error: nothing was imported; fix these and try again:",
        "row 2: date_of_birth: '1990-13-01' is not a date (use YYYY-MM-DD)",
        "row 3: preferred_name: is required"]
    good = tmp_path / "good.csv"
    good.write_text("\ufeffcase_number,preferred_name\nCT-1,Rosa\nCT-2,Lena\n")
    code, _, err = run(capsys, "import", "survivors", str(good), *common)
    assert (code, err.strip()) == (0, "imported 2 survivors")
    code, out, _ = run(capsys, "survivor", "list", *common)
    assert [line.split()[0] for line in out.splitlines()[1:]] == ["CT-1", "CT-2"]
    code, _, err = run(capsys, "import", "survivors", str(tmp_path / "missing.csv"), *common)
    assert code == 1
    assert "No such file" in err


def test_employment_commands(demo_db: tuple[str, dict[str, str]],
                             capsys: pytest.CaptureFixture[str],
                             monkeypatch: pytest.MonkeyPatch) -> None:
    db, accounts = demo_db
    monkeypatch.setenv("CASETRACKER_DB", db)
    monkeypatch.setenv("CASETRACKER_USER", "cole")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", accounts["cole"])
    assert run(capsys, "employer", "add", "--name", "Tide Freight", "--industry",
               "warehouse")[:2] == (0, "")
    code, _, err = run(capsys, "employer", "add", "--name", "X", "--industry", "mining")
    assert code == 2
    assert "unknown industry" in err
    code, out, _ = run(capsys, "employer", "list", "--json")
    assert "Tide Freight" in [json.loads(line)["name"] for line in out.splitlines()]
    code, out, _ = run(capsys, "position", "add", "--employer", "Tide Freight", "--title",
                       "Picker intern", "--kind", "internship", "--wage", "17.25")
    assert code == 0
    position = out.strip()
    code, out, _ = run(capsys, "match", position, "--json")
    assert code == 0
    candidates = [json.loads(line) for line in out.splitlines()]
    assert candidates
    case = candidates[0]["case"]
    assert run(capsys, "placement", "advance", case, "exited", "--reason", "Moved away")[0] == 0
    code, out, _ = run(capsys, "placement", "show", case, "--json")
    assert json.loads(out.splitlines()[-1])["stage"] == "Exited"
    code, _, err = run(capsys, "placement", "advance", case, "placed")
    assert code == 1
    assert "cannot go from exited to placed" in err
    monkeypatch.setenv("CASETRACKER_USER", "ana")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", accounts["ana"])
    code, _, err = run(capsys, "employer", "add", "--name", "Y", "--industry", "retail")
    assert code == 1
    assert "needs a coordinator or supervisor" in err


def test_sharing_commands(demo_db: tuple[str, dict[str, str]], tmp_path: Path,
                          capsys: pytest.CaptureFixture[str],
                          monkeypatch: pytest.MonkeyPatch) -> None:
    from datetime import timedelta

    db, accounts = demo_db
    monkeypatch.setenv("CASETRACKER_DB", db)
    monkeypatch.setenv("CASETRACKER_USER", "ana")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", accounts["ana"])
    code, out, _ = run(capsys, "survivor", "list", "--json")
    case = json.loads(out.splitlines()[0])["case"]
    expires = (clock.today() + timedelta(days=90)).isoformat()
    form = tmp_path / "form.pdf"
    code, out, err = run(capsys, "consent", "add", "--survivor", case, "--recipient-employer",
                         "Harbor Hotel Group", "--categories", "alias,readiness,availability",
                         "--purpose", "Referral for a job at the hotel",
                         "--expires", expires, "--form", str(form))
    assert code == 0, err
    consent_id = out.strip()
    assert form.read_bytes().startswith(b"%PDF")
    profile = tmp_path / "profile.pdf"
    code, _, err = run(capsys, "export", "employer-profile", "--survivor", case, "--employer",
                       "Harbor Hotel Group", "--out", str(profile))
    assert code == 0, err
    assert "survivor.preferred_name" in err
    assert profile.read_bytes().startswith(b"%PDF")
    plan = tmp_path / "plan.pdf"
    assert run(capsys, "plan", "--survivor", case, "--lang", "es", "--out", str(plan))[0] == 0
    assert run(capsys, "consent", "revoke", consent_id, "--how", "written")[0] == 0
    again = tmp_path / "again.pdf"
    code, _, err = run(capsys, "export", "employer-profile", "--survivor", case, "--employer",
                       "Harbor Hotel Group", "--out", str(again))
    assert code == 1
    assert "no active consent" in err
    assert not again.exists()
    code, _, err = run(capsys, "consent", "add", "--survivor", case, "--recipient-employer",
                       "Harbor Hotel Group", "--categories", "alias,legal_name", "--expires",
                       expires, "--purpose", "Referral")
    assert code == 1
    assert "unknown category" in err
    monkeypatch.setenv("CASETRACKER_USER", "cole")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", accounts["cole"])
    letter = tmp_path / "letter.pdf"
    code, _, err = run(capsys, "letter", "--survivor", case, "--employer",
                       "Harbor Hotel Group", "--out", str(letter))
    assert code == 1  # revoked above
    monkeypatch.setenv("CASETRACKER_USER", "dana")
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", accounts["dana"])
    code, out, _ = run(capsys, "export", "log", "--json")
    kinds = [json.loads(line)["kind"] for line in out.splitlines()]
    assert kinds.count("employer_profile") == 1
    assert "survivor_plan" in kinds


def test_import_command_reads_workbooks_and_names_ignored_columns(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        import_db: tuple[Path, list[str]]) -> None:
    from openpyxl import Workbook

    db, common = import_db
    book = Workbook()
    book.active.title = "Old"
    book.active.append(["nothing here"])
    sheet = book.create_sheet("Intake")
    sheet.append(["Case #", "Preferred name", "DOB", "Shoe size"])
    sheet.append(["CT-1", "Rosa", "1990-13-01", 38])
    sheet.append(["CT-2", None, None, 40])
    path = tmp_path / "people.xlsx"
    book.save(path)
    code, _, err = run(capsys, "import", "survivors", str(path), "--sheet", "Intake", *common)
    assert code == 1
    assert err.splitlines() == [
        "casetracker: error: nothing was imported; fix these and try again:",
        "row 2: DOB: '1990-13-01' is not a date (use YYYY-MM-DD)",
        "row 3: Preferred name: is required"]
    sheet["C2"] = "12/01/1990"
    sheet["B3"] = "Lena"
    book.save(path)
    code, _, err = run(capsys, "import", "survivors", str(path), "--sheet", "Intake",
                       "--dates", "DD/MM/YYYY", *common)
    assert (code, err.strip()) == (0, "imported 2 survivors; ignored column 'Shoe size'")
    with Vault(db, kdf=FAST_INSECURE).unlock("sam", SAM_PASSPHRASE) as s:
        assert str(survivors.get_survivor(s, "CT-1").date_of_birth) == "1990-01-12"
    code, _, err = run(capsys, "import", "survivors", str(path), "--sheet", "Nope", *common)
    assert code == 1
    assert "the workbook has no sheet 'Nope'" in err


def test_import_command_takes_a_chosen_mapping_and_checks_without_importing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        import_db: tuple[Path, list[str]]) -> None:
    db, common = import_db
    # This program's sheet keeps the name people go by under "First Name".
    path = tmp_path / "intake.csv"
    path.write_text("Client ID,First Name,Last Name,Nickname,Intake date\n"
                    "CT-1,Rosa,Quintero,Ro,2026-02-30\nCT-2,Lena,Okafor,,2026-03-01\n")
    chosen = ["--map", "first name=preferred_name", "--map", "Intake date="]
    code, out, err = run(capsys, "import", "survivors", str(path), "--check", *chosen,
                         *common)
    assert code == 0
    assert [line.split() for line in out.splitlines()] == [
        ["COLUMN", "FIELD"], ["Client", "ID", "case_number"],
        ["First", "Name", "preferred_name"], ["Last", "Name", "legal_last_name"],
        ["Nickname", "(left", "out)"], ["Intake", "date", "(left", "out)"]]
    assert err.strip() == "no problems; run it again without --check to import"
    # Without the choice, the guess sends Nickname to the preferred name: CT-2 has none.
    code, _, err = run(capsys, "import", "survivors", str(path), "--check", *common)
    assert code == 1
    assert err.splitlines() == ["row 3: Nickname: is required",
                                "1 problem; nothing was imported"]
    assert run(capsys, "survivor", "list", *common)[1].splitlines()[1:] == []
    for choice, message in (
            ("Shoe size=skills", "columns headed 'Shoe size': 0, where one was expected; the "
                                 "headings are 'Client ID', 'First Name'"),
            ("Nickname=nickname", "'nickname' is not a field; the fields are case_number"),
            ("Nickname", "'Nickname': write HEADING=FIELD")):
        code, _, err = run(capsys, "import", "survivors", str(path), "--map", choice, *common)
        assert code == 2
        assert message in err
    code, _, err = run(capsys, "import", "survivors", str(path), *chosen, *common)
    assert (code, err.strip()) == (0, "imported 2 survivors; ignored columns 'Nickname', "
                                      "'Intake date'")
    with Vault(db, kdf=FAST_INSECURE).unlock("sam", SAM_PASSPHRASE) as s:
        rosa = survivors.get_survivor(s, "CT-1")
        assert (rosa.preferred_name, rosa.legal_first_name) == ("Rosa", "")
