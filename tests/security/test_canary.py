"""Distinctive values imported and searched for must never reach the disk in the clear."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.security.kdf import FAST_INSECURE
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)

CANARIES = {
    "preferred_name": "Zephyrine",
    "legal_last_name": "Quaxworthington",
    "phone": "(555) 013-4477",
    "email": "zephyrine.canary@example.org",
    "address": "77 Marigold Canary Lane",
    "history_notes": "Canary history: recruited via Vexillum Staffing",
    "immigration_status": "Canary T-visa pending 2026",
    "criminal_record_notes": "Canary charge vacatur pending Okonkwo court",
}


def encodings(value: str) -> list[bytes]:
    forms = {value, value.lower(), value.upper()}
    return [f.encode(codec) for f in forms for codec in ("utf-8", "utf-16-le", "utf-16-be")]


def test_imported_values_never_appear_in_the_database_directory(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    vault_dir, input_dir, temp_dir = (tmp_path / n for n in ("vault", "input", "temp"))
    for folder in (vault_dir, input_dir, temp_dir):
        folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp_dir))
    monkeypatch.setattr(tempfile, "tempdir", str(temp_dir))
    secret = input_dir / "pp.txt"
    secret.write_text(SUPERVISOR_PASSPHRASE)
    db = str(vault_dir / "case.db")
    common = ["--db", db, "--user", SUPERVISOR, "--passphrase-file", str(secret)]
    assert main(["init", *common], kdf=FAST_INSECURE) == 0
    columns = ["case_number", *CANARIES]
    csv_file = input_dir / "people.csv"
    csv_file.write_text(",".join(columns) + "\n" + ",".join(
        ["CT-CANARY", *(f'"{v}"' for v in CANARIES.values())]) + "\n", encoding="utf-8")
    # Importing is a case manager's work; the supervisor reads it back below.
    cm_secret = input_dir / "cm.txt"
    cm_secret.write_text(CASE_MANAGER_PASSPHRASE)
    assert main(["user", "add", CASE_MANAGER, "--role", "case_manager",
                 "--new-passphrase-file", str(cm_secret), *common], kdf=FAST_INSECURE) == 0
    assert main(["import", "survivors", str(csv_file), "--db", db, "--user", CASE_MANAGER,
                 "--passphrase-file", str(cm_secret)], kdf=FAST_INSECURE) == 0
    for query in ("Quaxworthington", "Vexillum", "zephyr"):
        assert main(["search", query, *common], kdf=FAST_INSECURE) == 0
    assert main(["survivor", "show", "CT-CANARY", *common], kdf=FAST_INSECURE) == 0
    assert main(["backup", "--out", str(vault_dir / "backup.db"), *common],
                kdf=FAST_INSECURE) == 0

    files = [p for p in vault_dir.iterdir() if p.is_file()]
    assert {p.name for p in files} >= {"case.db", "case.db.keys", "backup.db",
                                       "backup.db.keys"}
    for path in files:
        content = path.read_bytes()
        for field, value in CANARIES.items():
            for form in encodings(value):
                assert form not in content, f"{field} readable in {path.name}"
    assert list(temp_dir.iterdir()) == [], "nothing may be written to the temp directory"
