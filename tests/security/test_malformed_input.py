"""Malformed input: files in the wrong encoding, huge cells, scans that lie about what they
are, dates no case can hold. Each gets a clear error and leaves the database as it was."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain import clock
from casetracker.domain.documents import MAX_SCAN_BYTES, DocumentStatus
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import Availability
from casetracker.domain.validation import ValidationError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import documents, importer, notes, plans, survivors
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE

HEADER = "case_number,preferred_name,legal_last_name,date_of_birth,email,skills\n"
TODAY = clock.today()


def database_state(session: Session, *, with_audit: bool = True) -> str:
    """A digest of every row of every table (the audit trail and its keys and checkpoints too,
    unless told)."""
    digest = hashlib.sha256()
    tables = [r[0] for r in session.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        if with_audit or not r[0].startswith("audit_")]
    for table in tables:
        digest.update(table.encode())
        for row in sorted(map(repr, session.conn.execute(f"SELECT * FROM {table}"))):
            digest.update(row.encode())
    return digest.hexdigest()


def refused(session: Session, attempt: Callable[[], object],
            error: type[Exception] = ValidationError) -> str:
    """Run `attempt`, expecting `error`; the database must not change. Returns the message."""
    before = database_state(session)
    with pytest.raises(error) as info:
        attempt()
    assert database_state(session) == before
    return str(info.value)


def import_bytes(session: Session, tmp_path: Path, raw: bytes,
                 decisions: importer.Decisions | None = None) -> importer.ImportResult:
    """Import a file the way the command line and the wizard do: open it, then import."""
    path = tmp_path / "people.csv"
    path.write_bytes(raw)
    return importer.import_survivors(session, importer.open_file(path), decisions=decisions)


@pytest.fixture
def lena(team: Team) -> str:
    return survivors.create_survivor(team.case_manager, survivors.draft(
        "CT-1", "Lena", legal_last_name="Ortega")).case_number


# -- CSV encodings --------------------------------------------------------------------------

def test_the_encodings_spreadsheets_save_are_read(team: Team, tmp_path: Path) -> None:
    """UTF-8 with or without its mark, UTF-16 with or without one, and Windows-1252 (what
    Excel saves as plain "CSV" on Windows) all arrive with their accents intact. (The same
    names again are likely duplicates: the import is told they are new people.)"""
    cm = team.case_manager
    again = {2: importer.NEW_PERSON}
    import_bytes(cm, tmp_path, ("\ufeff" + HEADER + "CT-2,José,Núñez,,,\n").encode("utf-8"))
    for codec, case in (("utf-16", "CT-3"), ("utf-16-be", "CT-4"), ("utf-16-le", "CT-5")):
        raw = (HEADER + f"{case},Zoë,Ødegård,,,\n").encode(codec)
        if codec == "utf-16-be":
            raw = b"\xfe\xff" + raw
        import_bytes(cm, tmp_path, raw, again)
    import_bytes(cm, tmp_path, (HEADER + "CT-6,José,Núñez,,,\n").encode("cp1252"), again)
    people = {r.case_number: (s.preferred_name, s.legal_last_name)
              for r in survivors.caseload(cm)
              for s in [survivors.get_survivor(cm, r.case_number)]}
    assert people == {"CT-2": ("José", "Núñez"), "CT-3": ("Zoë", "Ødegård"),
                      "CT-4": ("Zoë", "Ødegård"), "CT-5": ("Zoë", "Ødegård"),
                      "CT-6": ("José", "Núñez")}


@pytest.mark.parametrize(("raw", "reason"), [
    ((HEADER + "CT-2,Ro\0sa,,,,\n").encode(), "row 2: preferred_name: holds control characters"),
    ((HEADER + "CT-2,Rosa,,,,fork\0lift\n").encode(), "row 2: skills: holds control characters"),
    (b"\x7fELF\x02\x01\x01\0\0\0" + bytes(range(256)),
     "the file is not text in UTF-8, UTF-16 or Windows-1252"),
    (b"\xff\xfe" + "case_number\0".encode("utf-16-le"),
     "row 1: no column fills preferred_name, which is required"),
])
def test_files_that_are_not_text_or_hold_nul_bytes_are_refused_by_row(
        team: Team, lena: str, tmp_path: Path, raw: bytes, reason: str) -> None:
    message = refused(team.case_manager, lambda: import_bytes(team.case_manager, tmp_path, raw),
                      importer.ImportRejectedError)
    assert reason in message


def test_a_ten_megabyte_cell_is_refused_by_line(team: Team, lena: str, tmp_path: Path) -> None:
    huge = "x" * 10_000_000
    # The row named is the spreadsheet's row, as Excel shows it: a cell spanning lines
    # is still one row.
    for raw, line in (((HEADER + f"CT-2,Rosa,,,,\nCT-3,Lia,{huge},,,\n").encode(), 3),
                      ((HEADER + f'CT-2,Rosa,,,,\nCT-3,"Lia\n{huge}",,,,\n').encode(), 3)):
        message = refused(team.case_manager,
                          lambda raw=raw: import_bytes(team.case_manager, tmp_path, raw),
                          importer.ImportRejectedError)
        assert f"row {line}: a cell is longer than 128 KiB" in message
    # Below the CSV reader's limit, the field's own limit names the field.
    message = refused(team.case_manager, lambda: import_bytes(
        team.case_manager, tmp_path, (HEADER + f"CT-2,{'y' * 100_000},,,,\n").encode()),
        importer.ImportRejectedError)
    assert "row 2: preferred_name: is longer than 80 characters" in message


def test_control_characters_in_fields_typed_in_are_refused(team: Team, lena: str) -> None:
    cm = team.case_manager
    assert "email" in refused(cm, lambda: survivors.update_survivor(cm, lena,
                                                                    email="a\0b@example.org"))
    assert "skills: holds control characters" in refused(
        cm, lambda: survivors.update_survivor(cm, lena, skills=("fork\x1blift",)))


def test_the_cli_import_of_a_bad_file_fails_cleanly(team: Team, lena: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    before = database_state(team.supervisor, with_audit=False)
    team.close()
    secret = tmp_path / "pp.txt"
    secret.write_text(CASE_MANAGER_PASSPHRASE)
    path = tmp_path / "people.csv"
    path.write_bytes(b"\x7fELF\x02\x01\x01\0\0\0" + bytes(range(256)))
    assert main(["import", "survivors", str(path), "--db", str(team.vault.paths.db), "--user",
                 CASE_MANAGER, "--passphrase-file", str(secret)], kdf=FAST_INSECURE) == 1
    err = capsys.readouterr().err
    assert "nothing was imported" in err
    assert "Traceback" not in err
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        # Unlocking is audited; every other row is as it was.
        assert database_state(session, with_audit=False) == before


# -- attachments ------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content"), [
    ("passport.pdf", b"MZ\x90\0\x03\0\0\0" + bytes(200)),  # a Windows executable
    ("passport.pdf", b"\x7fELF\x02\x01\x01" + bytes(200)),  # a Linux executable
    ("passport.pdf", b"<html><script>alert(1)</script>%PDF-1.7"),
    ("passport.png", b"#!/bin/sh\nrm -rf ~\n"),
    ("passport.jpg", b""),
])
def test_scans_are_judged_by_their_content_not_their_name(team: Team, lena: str, name: str,
                                                          content: bytes) -> None:
    cm = team.case_manager
    document = documents.documents(cm, lena)[0]
    message = refused(cm, lambda: documents.attach_scan(cm, document.id, name, content))
    assert "must be a PDF, PNG or JPEG" in message or "is empty" in message


def test_a_scan_whose_name_lies_is_stored_as_what_it_is(team: Team, lena: str) -> None:
    cm = team.case_manager
    document = documents.documents(cm, lena)[0]
    png = b"\x89PNG\r\n\x1a\n" + bytes(64)
    attachment = documents.attach_scan(cm, document.id, "../../passport.pdf", png)
    assert attachment.media_type == "image/png"
    assert attachment.filename == "passport.pdf"  # no path survives
    stored, content = documents.read_scan(cm, attachment.id)
    assert (stored.media_type, content) == ("image/png", png)


def test_a_scan_over_the_limit_is_refused_with_its_size(team: Team, lena: str) -> None:
    cm = team.case_manager
    document = documents.documents(cm, lena)[0]
    content = b"%PDF-1.7\n" + bytes(MAX_SCAN_BYTES)
    message = refused(cm, lambda: documents.attach_scan(cm, document.id, "id.pdf", content))
    assert f"is {len(content):,} bytes; at most 10 MiB" in message
    # Exactly at the limit is kept.
    documents.attach_scan(cm, document.id, "id.pdf", content[:MAX_SCAN_BYTES])


# -- dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "reason"), [
    ("0000-01-01", "is not a date"),
    ("2025-02-30", "is not a date"),
    ("2024-13-01", "is not a date"),
    ("31/12/1990", "is not a date"),
    ("0001-01-01", "is before 1900"),
    ("1899-12-31", "is before 1900"),
    ("9999-12-31", "is in the future"),
    ((TODAY + timedelta(days=1)).isoformat(), "is in the future"),
])
def test_impossible_birth_dates_in_an_import_are_named(team: Team, lena: str, tmp_path: Path,
                                                       cell: str, reason: str) -> None:
    raw = (HEADER + f"CT-2,Rosa,,1990-01-01,,\nCT-3,Lia,,{cell},,\n").encode()
    message = refused(team.case_manager,
                      lambda: import_bytes(team.case_manager, tmp_path, raw),
                      importer.ImportRejectedError)
    assert f"row 3: date_of_birth: {reason}" in message.replace(f"{cell!r} ", "")


def test_dates_out_of_range_are_refused_everywhere(team: Team, lena: str) -> None:
    cm = team.case_manager
    far, ancient = date(9999, 12, 31), date(1, 1, 1)
    assert "is in the future" in refused(
        cm, lambda: survivors.update_survivor(cm, lena, date_of_birth=TODAY + timedelta(1)))
    assert "is before 1900" in refused(
        cm, lambda: survivors.update_survivor(cm, lena, intake_date=ancient))
    assert "is after 2199" in refused(cm, lambda: survivors.update_survivor(
        cm, lena, availability=Availability(20, far)))
    assert "is after 2199" in refused(cm, lambda: plans.add_goal(
        cm, lena, domain=GoalDomain.EMPLOYMENT, specific="A job", measurable="An offer",
        achievable="Training", relevant="Income", target_date=far))
    goal = plans.add_goal(cm, lena, domain=GoalDomain.EMPLOYMENT, specific="A job",
                          measurable="An offer", achievable="Training", relevant="Income",
                          target_date=TODAY + timedelta(days=60))
    assert "is before 1900" in refused(cm, lambda: plans.add_milestone(cm, goal.id, "Call",
                                                                       ancient))
    assert "is before 1900" in refused(cm, lambda: notes.add_note(cm, lena, "Met",
                                                                  written_on=ancient))
    assert "is after 2199" in refused(cm, lambda: notes.add_task(cm, lena, "Call", far))
    document = documents.documents(cm, lena)[0]
    assert "is after 2199" in refused(cm, lambda: documents.update_details(
        cm, document.id, expires_on=far))
    assert "is in the future" in refused(cm, lambda: documents.set_status(
        cm, document.id, DocumentStatus.RECOVERED, on=TODAY + timedelta(1)))
