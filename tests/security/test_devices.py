"""Attacks on enrollment and revocation: a stolen enrollment file without its code, a wrong
code, a revoked laptop's bundles, what a revoked laptop can read after the key rotated, and
membership records that no supervisor of an enrolled laptop made."""

from __future__ import annotations

import base64
import json
import struct
from pathlib import Path

import pytest

from casetracker.domain.errors import NotFoundError, UsageError
from casetracker.security import enrollment_file
from casetracker.security.enrollment_file import EnrollmentFileError
from casetracker.security.kdf import PRODUCTION, KdfParams
from casetracker.services import devices, survivors
from casetracker.storage.repositories import UserRepository
from casetracker.storage.sync_repo import SyncRepository
from casetracker.storage.team_repo import TeamLaptop, TeamRepository
from casetracker.sync import bundle, keys
from tests.helpers import CASE_MANAGER, SUPERVISOR
from tests.sync.enrolled import enroll, enrolled_program
from tests.sync_laptops import new_laptop, take_in


def test_a_stolen_enrollment_file_shows_nothing_without_its_code(tmp_path: Path) -> None:
    a = new_laptop(tmp_path, "a", tmp_path)
    try:
        file, code = enroll(a, "outreach laptop", tmp_path)
        program = SyncRepository(a.supervisor.conn).program()
        assert program is not None
    finally:
        a.close()
    data = file.read_bytes()
    for secret in (program.sync_key, program.program_id.encode(), SUPERVISOR.encode(),
                   CASE_MANAGER.encode(), b"outreach", b"supervisor"):
        for form in (secret, secret.hex().encode(), base64.b64encode(secret)):
            assert form not in data
    # The code is 100 random bits (guessing it offline is out of reach) and never stored.
    assert len(enrollment_file.ALPHABET) ** enrollment_file.CODE_CHARACTERS >= 2 ** 100
    assert code.replace("-", "").encode() not in data
    assert len({enrollment_file.new_code() for _ in range(50)}) == 50


def test_a_wrong_code_opens_nothing(tmp_path: Path) -> None:
    payload = {"secret": "x"}
    data = enrollment_file.seal(payload, enrollment_file.new_code(), KdfParams(8, 1, 1),
                                expires_at="2099-01-01T00:00:00.000+00:00")
    for _ in range(5):
        with pytest.raises(EnrollmentFileError, match="code does not open"):
            enrollment_file.open_file(data, enrollment_file.new_code())


def test_the_file_is_sealed_at_production_cost_outside_tests() -> None:
    code = enrollment_file.new_code()
    data = enrollment_file.seal({"k": 1}, code, PRODUCTION,
                                expires_at="2099-01-01T00:00:00.000+00:00")
    assert f'"memory_kib":{PRODUCTION.memory_kib}'.encode() in data.split(b"\n")[1]
    assert enrollment_file.open_file(data, code) == {
        "k": 1, "expires_at": "2099-01-01T00:00:00.000+00:00"}


def test_a_revoked_laptop_is_refused_everywhere_and_reads_nothing_after(
        tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 3) as (a, b, c):
        take_in(a, "CT-1")
        for laptop in (a, b, c, a, b, c):
            assert laptop.sync().refused == []
        old = SyncRepository(c.supervisor.conn).program()
        assert old is not None
        devices.revoke(a.supervisor, "c")
        take_in(a, "CT-AFTER", "Secret")
        a.sync()
        assert b.sync().refused == []  # b takes the new key from a's bundle, and the revocation
        take_in(b, "CT-B-AFTER", "Other")
        b.sync()
        # c holds only the old key: everything written since is closed to it.
        report = c.sync()
        assert any("not given" in line for line in report.waiting), report
        for case_number in ("CT-AFTER", "CT-B-AFTER"):
            with pytest.raises(NotFoundError):
                survivors.get_survivor(c.supervisor, case_number)
        # Neither the bundles written since nor the key grant in a's headers open with what c
        # holds: the old key, and its own X25519 key (left out of the grant).
        folder = tmp_path / "folder"
        for laptop in (a, b):
            newest = max((folder / laptop.laptop_id).iterdir(),
                         key=lambda p: int(p.name.split("-")[0]))
            data = newest.read_bytes()
            start = len(bundle.MAGIC) + 4
            (length,) = struct.unpack(">I", data[len(bundle.MAGIC):start])
            header_bytes = data[start:start + length]
            header = json.loads(header_bytes)
            assert header["key_id"] != old.key_id
            assert c.laptop_id not in header.get("grant", {}).get("to", {b.laptop_id: 1})
            sender = SyncRepository(c.supervisor.conn).laptop(laptop.laptop_id)
            assert sender is not None
            assert keys.open_grant(c.supervisor.conn, old, header["key_id"],
                                   header.get("grant", {}), sender) is None
            sealed = bundle.Verified(bundle.Header(**header), header_bytes,
                                     data[start + length:-64], "")
            for key in (old.sync_key, *dict(old.known_keys).values()):
                with pytest.raises(bundle.BundleRefusedError, match="does not decrypt"):
                    bundle.open_body(sealed, key)
        # c's new bundle is refused by both others.
        take_in(c, "CT-C-AFTER", "Cam")
        c.sync()
        for laptop in (a, b):
            report = laptop.sync()
            assert any("revoked" in line for line in report.refused), report
            with pytest.raises(NotFoundError):
                survivors.get_survivor(laptop.supervisor, "CT-C-AFTER")
        listed = {r.name: r for r in devices.laptops(b.supervisor)}
        assert listed["c"].revoked_at is not None
        assert listed["first laptop"].last_heard is not None


def test_revoking_is_a_supervisors(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, _b):
        with pytest.raises(Exception, match="supervisor"):
            devices.revoke(a.case_manager, "b")
        with pytest.raises(UsageError, match="itself"):
            devices.revoke(a.supervisor, "first laptop")


def test_a_membership_record_from_an_unknown_laptop_is_refused(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        # A laptop nobody enrolled, given the program's id and key, enrolls itself and
        # writes into the folder.
        rogue = new_laptop(tmp_path, "rogue", tmp_path / "folder")
        try:
            program = SyncRepository(a.supervisor.conn).program()
            assert program is not None
            from casetracker.services import sync as team

            team.join_program(rogue.supervisor, program)
            devices.enroll(rogue.supervisor, "friend", tmp_path / "friend.enrollment")
            take_in(rogue, "CT-ROGUE")
            rogue.sync()
        finally:
            rogue.close()
        for laptop in (a, b):
            report = laptop.sync()
            assert any("does not know" in line for line in report.refused), report
            names = {lt.name for lt in SyncRepository(laptop.supervisor.conn).laptops()}
            assert "friend" not in names


def test_a_membership_record_not_made_by_a_supervisor_is_refused(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        b.sync()
        # Forged by hand on b, acting as its case manager: a laptop b "enrolls".
        with b.case_manager.changing():
            TeamRepository(b.case_manager.conn).add(TeamLaptop(
                "f" * 32, "forged", b"\1" * 32, b"\2" * 32, "2026-01-01", None, None, None))
        b.sync()
        report = a.sync()
        # Refused by the role rules on arrival (sync/rules.py), or by the membership check.
        assert any("only a supervisor" in line or "breaks the role rules" in line
                   for line in report.refused), report
        assert SyncRepository(a.supervisor.conn).laptop("f" * 32) is None


def test_a_membership_record_changing_a_laptops_key_is_refused(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        b.sync()
        a.sync()  # b's first exchange sent its joining note
        before = SyncRepository(a.supervisor.conn).laptop(b.laptop_id)
        with b.supervisor.changing():
            b.supervisor.conn.execute("UPDATE team_laptops SET verify_key = ? WHERE id = ?",
                                      (b"\3" * 32, a.laptop_id))
        b.sync()
        report = a.sync()
        assert any("never change" in line for line in report.refused), report
        assert SyncRepository(a.supervisor.conn).laptop(b.laptop_id) == before


def test_an_account_promoting_itself_is_refused(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        b.sync()
        # Forged by hand on b: the case manager makes its own account a supervisor.
        with b.case_manager.changing():
            b.case_manager.conn.execute(
                "UPDATE team_accounts SET role = 'supervisor' WHERE name = ?", (CASE_MANAGER,))
        b.sync()
        report = a.sync()
        # Refused by the role rules on arrival (sync/rules.py), or by the membership check.
        assert any("only a supervisor adds" in line or "breaks the role rules" in line
                   for line in report.refused), report
        assert a.case_manager.account.role.value == "case_manager"
        account = UserRepository(a.supervisor.conn).by_name(CASE_MANAGER)
        assert account is not None
        assert account.role.value == "case_manager"


def test_an_account_replacing_anothers_key_slot_is_refused(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        b.sync()
        with b.case_manager.changing():
            own = b.case_manager.conn.execute(
                "SELECT slot FROM team_accounts WHERE name = ?", (CASE_MANAGER,)).fetchone()[0]
            b.case_manager.conn.execute(
                "UPDATE team_accounts SET slot = ? WHERE name = ?", (own, SUPERVISOR))
        b.sync()
        report = a.sync()
        assert any("only a supervisor adds" in line for line in report.refused), report
