"""How bundles arrive through a real transport: out of order, with a gap, cut short, from a
newer Case Tracker. Each is applied once and in order, or waits saying what it waits for, or
is refused; a refused file stays where it is for inspection and is reported at every exchange.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casetracker.services import notes, survivors
from casetracker.storage.migrations import LATEST
from casetracker.storage.sync_repo import SyncRepository
from casetracker.sync import exchange
from tests.sync_laptops import Laptop, program_of, take_in


def applied_seq(reader: Laptop, writer: Laptop) -> int:
    laptop = SyncRepository(reader.supervisor.conn).laptop(writer.laptop_id)
    assert laptop is not None
    return laptop.applied_seq


def two_bundles(a: Laptop) -> list[Path]:
    """a writes a case, then a note and an edit on it: two bundles, the second needing the
    first."""
    take_in(a, "CT-1")
    a.sync()
    notes.add_note(a.case_manager, "CT-1", "called from the shelter")
    survivors.update_survivor(a.case_manager, "CT-1", pronouns="she")
    a.sync()
    return sorted((a.folder / a.laptop_id).glob("*.ctsync"),
                  key=lambda p: int(p.name.split("-")[0]))


def test_bundles_delivered_out_of_order_apply_once_in_order(tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        first, second = two_bundles(a)
        kept = tmp_path / "in-transit"
        kept.mkdir()
        shutil.move(first, kept / first.name)  # the second arrives first
        before = b.digest()
        report = b.sync()
        missing = first.name.removesuffix(".ctsync")
        assert report.received == {}
        assert report.refused == []
        assert report.waiting == [f"{a.laptop_id}: waiting for its changes {missing} "
                                  "(a bundle not yet in the folder)"]
        assert b.digest() == before
        shutil.move(kept / first.name, first)  # then the first
        report = b.sync()
        assert report.waiting == []
        assert applied_seq(b, a) == int(second.name.split("-")[1].removesuffix(".ctsync"))
        assert b.digest() == a.digest()
        assert survivors.get_survivor(b.supervisor, "CT-1").pronouns == "she"
        assert [n.text for n in notes.notes(b.supervisor, "CT-1")] == [
            "called from the shelter"]
        # Delivered again (a transport that copies twice): nothing more.
        shutil.copy2(first, kept / "again")
        shutil.copy2(kept / "again", first)
        assert b.sync().received == {}


def test_a_refused_bundle_stays_in_place_and_is_reported_until_replaced(
        tmp_path: Path) -> None:
    """A truncated copy is refused, left as it is (the folder is its author's: deleting or
    moving it there would delete it on every laptop), reported at every exchange, and the
    complete file, when it comes, applies."""
    with program_of(tmp_path, 2) as (a, b):
        (first,) = two_bundles(a)[:1]
        data = first.read_bytes()
        first.write_bytes(data[: len(data) // 2])
        before = b.digest()
        for _ in range(2):
            report = b.sync()
            assert report.received == {}
            assert report.refused == [f"{a.laptop_id}/{first.name}: its signature does not "
                                      "verify (changed, cut or forged)"]
            assert first.read_bytes() == data[: len(data) // 2]
            assert b.digest() == before
            assert applied_seq(b, a) == 0
        first.write_bytes(data)
        report = b.sync()
        assert report.refused == []
        assert b.digest() == a.digest()


def test_a_bundle_of_a_newer_schema_waits_then_applies_after_the_upgrade(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        with monkeypatch.context() as newer:  # a runs a newer Case Tracker
            newer.setattr(exchange, "schema_version", lambda _conn: LATEST + 1)
            assert a.sync().sent_bundles == 1
        before = b.digest()
        for _ in range(2):
            report = b.sync()
            assert report.received == {}
            assert report.refused == []
            (line,) = report.waiting
            assert line.endswith(f"it was written with a newer schema ({LATEST + 1}; this "
                                 f"laptop has {LATEST}): update Case Tracker on this laptop")
            assert b.digest() == before  # the older laptop changes nothing
        with monkeypatch.context() as upgraded:  # b is updated too
            upgraded.setattr(exchange, "schema_version", lambda _conn: LATEST + 1)
            report = b.sync()
        assert report.waiting == []
        assert report.received == {a.laptop_id: report.received[a.laptop_id]}
        assert b.digest() == a.digest()
        assert survivors.get_survivor(b.supervisor, "CT-1").preferred_name == "Rosa"


def test_scans_too_large_for_one_bundle_go_in_several(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader refuses a bundle file over its size limit, so the writer splits by the bytes
    of the scans as well as by the number of changes (the limit made small here)."""
    from casetracker.services import documents

    monkeypatch.setattr(exchange, "MAX_SCAN_BYTES_PER_BUNDLE", 150_000)
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        for index, document in enumerate(documents.documents(a.case_manager, "CT-1")[:3]):
            documents.attach_scan(a.case_manager, document.id, f"scan{index}.png",
                                  b"\x89PNG\r\n\x1a\n" + bytes([index]) * 100_000)
        report = a.sync()
        assert report.sent_bundles == 3
        assert max(p.stat().st_size for p in (a.folder / a.laptop_id).iterdir()) < 150_000
        b.sync()
        assert b.digest() == a.digest()
