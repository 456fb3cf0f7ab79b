from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest

from casetracker.domain.errors import KeyFileError, NewerVersionError
from casetracker.security import envelope, keyslots
from casetracker.security.kdf import FAST_INSECURE, PRODUCTION, KdfParams, derive_key
from casetracker.security.keyslots import KeyFile

VAULT = "v" * 32
SECRET = b"orange kettle under the stairs"


def test_production_parameters_meet_the_design() -> None:
    assert PRODUCTION.memory_kib >= 64 * 1024
    assert PRODUCTION.iterations >= 3
    assert PRODUCTION.lanes >= 1


@pytest.mark.slow
def test_production_derivation_runs_once() -> None:
    key = derive_key(SECRET, b"s" * 16, PRODUCTION)
    assert len(key) == 32
    assert key == derive_key(SECRET, b"s" * 16, PRODUCTION)
    assert key != derive_key(SECRET, b"s" * 16, FAST_INSECURE)


def test_absurd_parameters_are_refused() -> None:
    with pytest.raises(KeyFileError):
        KdfParams(memory_kib=64 * 1024 * 1024, iterations=3, lanes=4)
    with pytest.raises(KeyFileError):
        KdfParams.from_dict({"alg": "pbkdf2", "memory_kib": 8, "iterations": 1, "lanes": 1})


SIGNING, VERIFY = envelope.new_signing_key()


def new(name: str, data_key: bytes) -> keyslots.KeySlot:
    return keyslots.new_slot("user", name, SECRET, data_key, VAULT, FAST_INSECURE,
                             signing_key=SIGNING, verify_key=VERIFY)[0]


def make_slot(name: str = "sam") -> tuple[keyslots.KeySlot, bytes]:
    data_key = os.urandom(32)
    return new(name, data_key), data_key


def test_slot_round_trip() -> None:
    slot, data_key = make_slot()
    loaded = KeyFile.from_bytes(KeyFile(VAULT, [slot]).to_bytes()).slots[0]
    secrets = loaded.unwrap(VAULT, SECRET)
    assert secrets.verify_key == VERIFY
    assert loaded.data_key_candidates(VAULT, secrets) == [data_key]


def test_wrong_secret_fails() -> None:
    slot, _ = make_slot()
    with pytest.raises(envelope.SealError):
        slot.unwrap(VAULT, b"not the passphrase at all")


@pytest.mark.parametrize("change", [
    {"kdf": KdfParams(memory_kib=16, iterations=1, lanes=1)},
    {"kdf": KdfParams(memory_kib=8, iterations=2, lanes=1)},
    {"name": "eve"},
    {"id": "another-slot-id"},
    {"salt": b"\x00" * 16},
])
def test_changed_slot_header_fails_authentication(change: dict[str, object]) -> None:
    slot, _ = make_slot()
    with pytest.raises(envelope.SealError):
        replace(slot, **change).unwrap(VAULT, SECRET)  # type: ignore[arg-type]


def test_ciphertext_swapped_between_slots_fails() -> None:
    sam, _ = make_slot("sam")
    ana = new("ana", os.urandom(32))
    forged = replace(ana, wrapped_nonce=sam.wrapped_nonce, wrapped_private=sam.wrapped_private)
    with pytest.raises(envelope.SealError):
        forged.unwrap(VAULT, SECRET)
    secrets = sam.unwrap(VAULT, SECRET)
    with pytest.raises(envelope.SealError):
        replace(sam, sealed=ana.sealed).data_key_candidates(VAULT, secrets)


def test_newer_key_file_format_is_refused() -> None:
    slot, _ = make_slot()
    data = json.loads(KeyFile(VAULT, [slot]).to_bytes())
    data["version"] = 99
    with pytest.raises(NewerVersionError, match="newer Case Tracker"):
        KeyFile.from_bytes(json.dumps(data).encode())


@pytest.mark.parametrize("raw", [b"", b"\xff\xfe", b"[]", b'{"format": "other"}',
                                 b'{"format": "casetracker-keys", "version": 1}'])
def test_damaged_key_files_are_refused_clearly(raw: bytes) -> None:
    with pytest.raises(KeyFileError):
        KeyFile.from_bytes(raw)


@pytest.mark.parametrize("damage", [
    lambda s: s["wrapped_private"].update(nonce=""),
    lambda s: s["kdf"].update(memory_kib=float("inf")),
    lambda s: s.update(kdf=[]),
    lambda s: s["sealed_data_key"].update(ephemeral="AAAA"),
    lambda s: s["sealed_data_key"].update(signature=None),
    lambda s: s.update(kind="admin"),
    lambda s: s.update(salt=7),
])
def test_damaged_slot_fields_are_key_file_errors(damage: object) -> None:
    slot, _ = make_slot()
    data = json.loads(KeyFile(VAULT, [slot]).to_bytes())
    damage(data["slots"][0])  # type: ignore[operator]
    with pytest.raises(KeyFileError):
        KeyFile.from_bytes(json.dumps(data).encode())


def test_all_zero_ephemeral_key_fails_as_tampering_not_a_crash() -> None:
    slot, _ = make_slot()
    secrets = slot.unwrap(VAULT, SECRET)
    zero = replace(slot, sealed=replace(slot.sealed, ephemeral=bytes(32)))
    with pytest.raises(envelope.SealError):
        zero.data_key_candidates(VAULT, secrets)


@pytest.mark.parametrize("seq", [0, -1, 10**30])
def test_out_of_range_audit_head_is_a_key_file_error(seq: int) -> None:
    slot, _ = make_slot()
    data = json.loads(KeyFile(VAULT, [slot]).to_bytes())
    data["audit_head"] = {"seq": seq, "mac": "A" * 43 + "="}
    with pytest.raises(KeyFileError):
        KeyFile.from_bytes(json.dumps(data).encode())
