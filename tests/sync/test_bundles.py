"""Attacks on and faults of bundle files: each is refused with a clear message and changes
nothing; a bundle delivered twice applies once; no survivor value is readable in the folder."""

from __future__ import annotations

import json
import shutil
import struct
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casetracker.services import notes, survivors
from casetracker.services import sync as team
from casetracker.storage.sync_repo import SyncRepository
from casetracker.sync import bundle
from tests.sync_laptops import Laptop, new_laptop, program_of, take_in

CANARY = "Zanzibar-Quokka-7741"


@dataclass
class Sent:
    """Laptop a wrote one bundle, which b has not read yet."""

    a: Laptop
    b: Laptop
    path: Path

    def state_of_b(self) -> tuple[str, int]:
        repo = SyncRepository(self.b.supervisor.conn)
        laptop = repo.laptop(self.a.laptop_id)
        assert laptop is not None
        return self.b.digest(), laptop.applied_seq

    def refused(self, data: bytes, *, name: str | None = None) -> str:
        """Put `data` in the folder in place of the bundle: b refuses it, changing nothing."""
        before = self.state_of_b()
        self.path.unlink()
        (self.path.parent / (name or self.path.name)).write_bytes(data)
        report = self.b.sync()
        assert report.received == {}
        assert self.state_of_b() == before
        assert len(report.refused) == 1, report
        return report.refused[0]


@pytest.fixture
def sent(tmp_path: Path) -> Iterator[Sent]:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1", CANARY)
        notes.add_note(a.case_manager, "CT-1", f"{CANARY} called from the shelter")
        a.sync()
        (path,) = (tmp_path / "folder" / a.laptop_id).iterdir()
        yield Sent(a, b, path)


def parts(data: bytes) -> tuple[bytes, bytes, bytes]:
    """(header, ciphertext, signature) of a bundle."""
    start = len(bundle.MAGIC) + 4
    (length,) = struct.unpack(">I", data[len(bundle.MAGIC):start])
    return data[start:start + length], data[start + length:-64], data[-64:]


def resigned(sent: Sent, data: bytes, change: Callable[[dict[str, object]], None] | None = None,
             ciphertext: Callable[[bytes], bytes] | None = None) -> bytes:
    """The bundle with its header or ciphertext changed and signed again with a's own key: an
    insider holding the laptop's signing key, but not the program's sync key."""
    header_bytes, body, _signature = parts(data)
    header = json.loads(header_bytes)
    if change is not None:
        change(header)
        header_bytes = json.dumps(header, sort_keys=True, separators=(",", ":")).encode()
    if ciphertext is not None:
        body = ciphertext(body)
    signed = bundle.MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes + body
    key = SyncRepository(sent.a.supervisor.conn).identity().signing_key
    return signed + Ed25519PrivateKey.from_private_bytes(key).sign(signed)


def flip(data: bytes, at: int) -> bytes:
    return data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1:]


def test_the_untouched_bundle_applies(sent: Sent) -> None:
    """The attacks below change one thing each; without the change, b takes the bundle."""
    report = sent.b.sync()
    assert report.received == {sent.a.laptop_id: report.received[sent.a.laptop_id]}
    assert sent.b.digest() == sent.a.digest()


@pytest.mark.parametrize("where", ["header", "ciphertext", "signature"])
def test_a_flipped_byte_is_refused(sent: Sent, where: str) -> None:
    data = sent.path.read_bytes()
    header, body, _ = parts(data)
    at = {"header": len(bundle.MAGIC) + 4 + len(header) // 2,
          "ciphertext": len(bundle.MAGIC) + 4 + len(header) + len(body) // 2,
          "signature": len(data) - 10}[where]
    message = sent.refused(flip(data, at))
    assert "signature does not verify" in message or "damaged" in message


def test_a_truncated_or_half_copied_bundle_is_refused(sent: Sent) -> None:
    data = sent.path.read_bytes()
    assert "signature does not verify" in sent.refused(data[:-100])
    assert "damaged or incomplete" in sent.refused(data[:20])


def test_syncthing_temporary_files_are_not_read(sent: Sent) -> None:
    """A half-copied file under Syncthing's temporary names is not read; the exchange says
    it waits for it, names it, and takes the bundle once the copy is complete."""
    data = sent.path.read_bytes()
    before = sent.state_of_b()
    copying = sent.path.parent / f".syncthing.{sent.path.name}.tmp"
    sent.path.rename(copying)
    (sent.path.parent / f"~syncthing~{sent.path.name}.tmp").write_bytes(data[:50])
    report = sent.b.sync()
    assert (report.received, report.refused) == ({}, [])
    assert report.waiting == [f"{sent.a.laptop_id}: waiting for {copying.name}, a file still "
                              "being copied into the folder (not read until it is complete)"]
    assert sent.state_of_b() == before
    copying.rename(sent.path)  # Syncthing renames it when the copy is complete
    report = sent.b.sync()
    assert report.received
    assert report.waiting == []


def test_a_ciphertext_changed_and_signed_again_fails_its_mac(sent: Sent) -> None:
    data = resigned(sent, sent.path.read_bytes(), ciphertext=lambda c: flip(c, len(c) // 2))
    assert "does not decrypt" in sent.refused(data)


def test_a_bundle_that_does_not_follow_the_last_one_is_refused(sent: Sent) -> None:
    data = resigned(sent, sent.path.read_bytes(),
                    change=lambda h: h.update(previous="0" * 64))
    assert "does not follow" in sent.refused(data)


def test_a_replayed_bundle_under_a_new_name_is_refused(sent: Sent) -> None:
    data = sent.path.read_bytes()
    sent.b.sync()
    before = sent.state_of_b()
    (sent.path.parent / "100-120.ctsync").write_bytes(data)
    (sent.path.parent / f"{before[1] + 1}-{before[1] + 5}.ctsync").write_bytes(data)
    report = sent.b.sync()
    assert report.received == {}
    assert any("does not match what it holds" in m for m in report.refused)
    assert sent.state_of_b() == before


def test_a_bundle_delivered_twice_applies_once(sent: Sent) -> None:
    data = sent.path.read_bytes()
    sent.b.sync()
    before = sent.state_of_b()
    sent.path.write_bytes(data)  # copied again by the transport
    report = sent.b.sync()
    assert (report.received, report.refused, report.waiting) == ({}, [], [])
    assert sent.state_of_b() == before


def test_a_bundle_of_another_program_is_refused(sent: Sent, tmp_path: Path) -> None:
    """A laptop of another program, even one whose key b trusts, cannot write into it."""
    stranger = new_laptop(tmp_path / "elsewhere", "x", sent.path.parent.parent)
    try:
        team.start_program(stranger.supervisor)
        take_in(stranger, "CT-X-1")
        team.trust_laptop(sent.b.supervisor, team.identity(stranger.supervisor), "x")
        before = sent.b.digest()
        report = stranger.sync()
        assert report.sent_bundles == 1
        report = sent.b.sync()
        assert any("another program" in m for m in report.refused)
        assert stranger.laptop_id not in report.received
    finally:
        stranger.close()
    assert before != sent.b.digest()  # a's bundle applied; the stranger's did not
    assert survivors.caseload(sent.b.supervisor, status=None)[0].case_number == "CT-1"


def test_a_bundle_from_an_unknown_laptop_is_refused(sent: Sent) -> None:
    unknown = sent.path.parent.parent / ("f" * 32)
    shutil.copytree(sent.path.parent, unknown)
    report = sent.b.sync()
    assert any("does not know" in m for m in report.refused)


def test_a_revoked_laptops_bundles_are_refused(sent: Sent) -> None:
    sent.b.supervisor.conn.execute("UPDATE sync_laptops SET revoked_at = '2026-01-01' "
                                   "WHERE laptop_id = ?", (sent.a.laptop_id,))
    report = sent.b.sync()
    assert report.received == {}
    assert any("revoked" in m for m in report.refused)


def test_a_bundle_of_a_newer_schema_waits(sent: Sent) -> None:
    data = resigned(sent, sent.path.read_bytes(), change=lambda h: h.update(schema=999))
    sent.path.write_bytes(data)
    report = sent.b.sync()
    assert report.received == {}
    assert report.refused == []
    assert "update Case Tracker on this laptop" in report.waiting[0]


def test_no_survivor_value_is_readable_in_the_folder(sent: Sent) -> None:
    sent.b.sync()
    folder = sent.path.parent.parent
    for path in folder.rglob("*"):
        assert CANARY not in str(path)
        if path.is_file():
            data = path.read_bytes()
            assert CANARY.encode() not in data
            header = json.loads(parts(data)[0])
            assert CANARY not in json.dumps(header)
            assert set(header) == {"format", "program", "laptop", "first", "last", "schema",
                                   "previous", "requires", "key_id", "nonce", "signed_from"}


def test_a_purge_arrives_with_the_same_secure_deletion(tmp_path: Path) -> None:
    """On the laptop that receives a purge, no value of the case is left in its decrypted
    file or log: rows, search index, sync tables."""
    from casetracker.domain.survivors import CaseStatus
    from casetracker.services import retention
    from tests.security.test_purge import database_plaintext, found, wal_plaintext

    canaries = {"name": CANARY, "note": "Okapi-Marmalade-2290"}
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1", CANARY)
        notes.add_note(a.case_manager, "CT-1", f"{canaries['note']} called from the shelter")
        survivors.update_survivor(a.case_manager, "CT-1", address=CANARY)  # an edit, too
        a.sync()
        b.sync()
        key, paths = b.supervisor.data_key, b.vault.paths
        b.case_manager.close()  # a reader open elsewhere would keep the log from folding
        b.supervisor.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert found(database_plaintext(paths.db, key), canaries) == set(canaries)
        survivors.set_status(a.case_manager, "CT-1", CaseStatus.CLOSED)
        retention.purge_case(a.supervisor, "CT-1", "CT-1")
        a.sync()
        report = b.sync()
        assert report.received
        assert survivors.caseload(b.supervisor, status=None) == []
        assert found(database_plaintext(paths.db, key) + wal_plaintext(paths.wal, key),
                     canaries) == set()
