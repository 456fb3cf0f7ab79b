"""Enrolling a laptop and joining with its file: the new laptop's own database, every account
unlocking there with its usual passphrase, and records flowing both ways."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.domain.errors import AlreadyExistsError, AuthenticationError
from casetracker.security import enrollment_file
from casetracker.security.enrollment_file import EnrollmentFileError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.security.keyslots import KeyFile
from casetracker.services import devices, survivors
from casetracker.services import sync as team
from casetracker.services.vault import Vault
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE, SUPERVISOR_PASSPHRASE
from tests.sync.enrolled import enroll, enrolled_program, join
from tests.sync_laptops import new_laptop, sync_all, take_in


def test_a_joined_laptop_gets_the_records_and_sends_back(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        take_in(a, "CT-A-1")
        a.sync()
        report = b.sync()
        assert report.refused == []
        assert report.waiting == []
        assert survivors.get_survivor(b.case_manager, "CT-A-1").preferred_name == "Rosa"
        take_in(b, "CT-B-1", "Bea")
        b.sync()
        a.sync()
        assert survivors.get_survivor(a.case_manager, "CT-B-1").preferred_name == "Bea"
        assert a.digest() == b.digest()


def test_three_laptops_enrolled_by_the_first_all_converge(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 3) as (a, b, c):
        take_in(c, "CT-C-1", "Cam")  # c has never heard from b: b learns c from a's bundle
        take_in(b, "CT-B-1", "Bea")
        sync_all([c, b, a], rounds=2)
        for laptop in (a, b, c):
            for case_number in ("CT-C-1", "CT-B-1"):
                assert survivors.get_survivor(laptop.supervisor, case_number)
        assert a.digest() == b.digest() == c.digest()


def test_the_new_laptop_has_its_own_data_key_and_identity(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        assert a.supervisor.data_key != b.supervisor.data_key
        assert a.laptop_id != b.laptop_id
        assert team.identity(a.supervisor).verify_key != team.identity(b.supervisor).verify_key
        assert [r.name for r in devices.laptops(b.supervisor)] == ["b", "first laptop"]
        assert sorted(KeyFile.load(b.vault.paths.keys).user_names()) == sorted(
            KeyFile.load(a.vault.paths.keys).user_names())


def test_the_code_is_shown_once_as_four_groups(tmp_path: Path) -> None:
    a = new_laptop(tmp_path, "a", tmp_path)
    try:
        _file, code = enroll(a, "b", tmp_path)
        assert len(code) == 23
        assert code.count("-") == 3
        assert enrollment_file.normalise_code(code.lower().replace("-", " ")) == code.replace(
            "-", "")
    finally:
        a.close()


def test_wrong_code_damaged_file_or_existing_database_write_nothing(tmp_path: Path) -> None:
    a = new_laptop(tmp_path, "a", tmp_path)
    try:
        file, code = enroll(a, "b", tmp_path)
    finally:
        a.close()
    target = tmp_path / "b" / "case.db"
    wrong = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(EnrollmentFileError, match="code does not open"):
        devices.join(target, file.read_bytes(), wrong)
    data = bytearray(file.read_bytes())
    data[-5] ^= 1
    with pytest.raises(EnrollmentFileError, match="code does not open"):
        devices.join(target, bytes(data), code)
    with pytest.raises(EnrollmentFileError, match="not a Case Tracker enrollment file"):
        devices.join(target, b"hello", code)
    with pytest.raises(EnrollmentFileError, match="20 letters"):
        devices.join(target, file.read_bytes(), "12345")
    assert not (tmp_path / "b").exists()
    existing = tmp_path / "a" / "case.db"
    before = existing.read_bytes()
    with pytest.raises(AlreadyExistsError):
        devices.join(existing, file.read_bytes(), code)
    assert existing.read_bytes() == before


def test_every_account_unlocks_with_its_usual_passphrase(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (_a, b):
        vault = Vault(b.vault.paths.db, kdf=FAST_INSECURE)
        vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE).close()
        with pytest.raises(AuthenticationError):
            vault.unlock(CASE_MANAGER, SUPERVISOR_PASSPHRASE)


def test_enrolling_twice_the_same_name_is_refused(tmp_path: Path) -> None:
    a = new_laptop(tmp_path, "a", tmp_path)
    try:
        enroll(a, "b", tmp_path)
        with pytest.raises(Exception, match="already named"):
            devices.enroll(a.supervisor, "B", tmp_path / "again", kdf=FAST_INSECURE)
        assert not (tmp_path / "again").exists()
        # joined as it was by the first laptop
        assert join is not None
    finally:
        a.close()
