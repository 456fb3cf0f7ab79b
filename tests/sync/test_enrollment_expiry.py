"""An enrollment file works for a week, and once: an expired or used file is refused with a
message that says so, and a second laptop that joined with a used file is refused at its first
exchange (the folder holds bundles under its id that it did not write)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock as program_clock
from casetracker.security import enrollment_file
from casetracker.security.enrollment_file import EnrollmentFileError
from casetracker.services import devices, survivors
from casetracker.sync.exchange import IdentityTakenError
from tests.sync.enrolled import enroll, join
from tests.sync_laptops import new_laptop, take_in


def _later(days: float) -> program_clock.FixedClock:
    now = program_clock.now()
    moved = program_clock.FixedClock(now.date(), now.timetz().replace(tzinfo=None))
    moved.advance(timedelta(days=days))
    return moved


def test_an_expired_enrollment_file_is_refused_and_writes_nothing(tmp_path: Path) -> None:
    a = new_laptop(tmp_path, "a", tmp_path)
    try:
        file, code = enroll(a, "b", tmp_path)
    finally:
        a.close()
    data = file.read_bytes()
    target = tmp_path / "b" / "case.db"
    with program_clock.using(_later(devices.ENROLLMENT_DAYS + 0.01)):
        with pytest.raises(EnrollmentFileError, match=r"expired on .*works for 7 days"):
            devices.join(target, data, code)
        # Even before the code is asked for, and whatever code is given.
        with pytest.raises(EnrollmentFileError, match="expired"):
            devices.join(target, data, enrollment_file.new_code())
    assert not (tmp_path / "b").exists()
    # A later expiry written into the header does not open: the header is authenticated.
    header_end = data.index(b"\n", len(enrollment_file.MAGIC))
    header = data[len(enrollment_file.MAGIC):header_end]
    expiry = enrollment_file.expires_at(data)
    stretched = header.replace(expiry.encode(), expiry.replace(expiry[:4], str(
        int(expiry[:4]) + 1)).encode())
    assert stretched != header
    forged = enrollment_file.MAGIC + stretched + data[header_end:]
    with program_clock.using(_later(devices.ENROLLMENT_DAYS + 0.01)), \
            pytest.raises(EnrollmentFileError, match="code does not open"):
        devices.join(target, forged, code)
    assert not (tmp_path / "b").exists()
    # Within the week it joins.
    with program_clock.using(_later(devices.ENROLLMENT_DAYS - 0.01)):
        devices.join(target, data, code)
    assert target.exists()


def test_a_used_enrollment_file_is_refused_on_the_same_account(tmp_path: Path) -> None:
    a = new_laptop(tmp_path, "a", tmp_path)
    try:
        file, code = enroll(a, "b", tmp_path)
    finally:
        a.close()
    devices.join(tmp_path / "b" / "case.db", file.read_bytes(), code)
    with pytest.raises(EnrollmentFileError, match=r"already used .* works once"):
        devices.join(tmp_path / "b2" / "case.db", file.read_bytes(), code)
    assert not (tmp_path / "b2").exists()


def test_a_second_laptop_joined_with_a_used_file_is_refused_at_its_first_exchange(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    a = new_laptop(tmp_path, "a", folder)
    laptops = [a]
    try:
        file, code = enroll(a, "b", tmp_path)
        a.sync()
        b = join(tmp_path, "b", file, code, folder)
        laptops.append(b)
        take_in(b, "CT-B-1", "Bea")
        b.sync()
        # The same file and code on another computer (its own operating-system account).
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
        thief = join(tmp_path, "thief", file, code, folder)
        laptops.append(thief)
        take_in(thief, "CT-X-1", "Xena")
        sent_before = sorted(p.name for p in (folder / b.laptop_id).iterdir())
        with pytest.raises(IdentityTakenError, match=r"did not write.*same enrollment file"):
            thief.sync()
        assert sorted(p.name for p in (folder / b.laptop_id).iterdir()) == sent_before
        # The laptop that joined first goes on as before, and its records arrive.
        take_in(b, "CT-B-2", "Bo")
        assert b.sync().sent_bundles == 1
        report = a.sync()
        assert report.refused == []
        assert survivors.get_survivor(a.case_manager, "CT-B-2").preferred_name == "Bo"
        # A crash between writing a bundle and recording it is still taken as its own.
        take_in(b, "CT-B-3", "Bim")
        from casetracker.storage.sync_repo import SyncRepository
        from casetracker.sync import exchange

        original = SyncRepository.mark_bundled
        monkeypatch.setattr(SyncRepository, "mark_bundled", lambda *_a: (_ for _ in ()).throw(
            RuntimeError("crash")))
        with pytest.raises(RuntimeError):
            exchange.write_bundles(b.supervisor.conn, folder)
        monkeypatch.setattr(SyncRepository, "mark_bundled", original)
        assert b.sync().sent_bundles == 0  # adopted, not sent again
        a.sync()
        assert survivors.get_survivor(a.case_manager, "CT-B-3").preferred_name == "Bim"
    finally:
        for laptop in laptops:
            laptop.close()
