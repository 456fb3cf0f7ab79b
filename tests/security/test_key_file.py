"""Attacks on the key-slot file: lowered costs, swapped or renamed slots, damage."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casetracker.domain.accounts import Role
from casetracker.domain.errors import AuthenticationError, KeyFileError, NewerVersionError
from casetracker.services import accounts
from tests.conftest import Created
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    snapshot,
)


def edit(path: Path, change: Any) -> None:
    data = json.loads(path.read_text())
    change(data)
    path.write_text(json.dumps(data))


def slot_of(data: dict[str, Any], name: str) -> dict[str, Any]:
    return next(s for s in data["slots"] if s["name"] == name)


@pytest.fixture
def two_accounts(created: Created) -> Created:
    accounts.add_account(created.session, CASE_MANAGER, Role.CASE_MANAGER,
                         CASE_MANAGER_PASSPHRASE)
    created.session.close()
    return created


def test_slots_hold_no_passphrase_or_key_in_clear(two_accounts: Created) -> None:
    raw = two_accounts.vault.paths.keys.read_bytes()
    for secret in (SUPERVISOR_PASSPHRASE, CASE_MANAGER_PASSPHRASE):
        assert secret.encode() not in raw


@pytest.mark.parametrize("field", ["memory_kib", "iterations", "lanes"])
def test_changed_cost_parameter_is_refused(two_accounts: Created, field: str) -> None:
    def lower(data: dict[str, Any]) -> None:
        kdf = slot_of(data, SUPERVISOR)["kdf"]
        kdf[field] = kdf[field] * 2 if field != "memory_kib" else kdf[field] + 8

    edit(two_accounts.vault.paths.keys, lower)
    with pytest.raises((AuthenticationError, KeyFileError)):
        two_accounts.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_swapped_slot_names_are_refused(two_accounts: Created) -> None:
    def swap(data: dict[str, Any]) -> None:
        a, b = slot_of(data, SUPERVISOR), slot_of(data, CASE_MANAGER)
        a["name"], b["name"] = b["name"], a["name"]

    edit(two_accounts.vault.paths.keys, swap)
    # The case manager's passphrase must not unlock the supervisor account, nor the reverse.
    with pytest.raises(AuthenticationError):
        two_accounts.vault.unlock(SUPERVISOR, CASE_MANAGER_PASSPHRASE)
    with pytest.raises(AuthenticationError):
        two_accounts.vault.unlock(CASE_MANAGER, SUPERVISOR_PASSPHRASE)


def test_swapped_wrapped_keys_are_refused(two_accounts: Created) -> None:
    def swap(data: dict[str, Any]) -> None:
        a, b = slot_of(data, SUPERVISOR), slot_of(data, CASE_MANAGER)
        a["wrapped_private"], b["wrapped_private"] = b["wrapped_private"], a["wrapped_private"]

    edit(two_accounts.vault.paths.keys, swap)
    with pytest.raises(AuthenticationError):
        two_accounts.vault.unlock(SUPERVISOR, CASE_MANAGER_PASSPHRASE)


def test_whole_slot_moved_to_another_name_is_refused(two_accounts: Created) -> None:
    # The case manager's slot relabelled as the supervisor's: the name is in its associated
    # data, so even the right passphrase for that slot fails.
    def relabel(data: dict[str, Any]) -> None:
        data["slots"] = [s for s in data["slots"] if s["name"] != SUPERVISOR]
        slot_of(data, CASE_MANAGER)["name"] = SUPERVISOR

    edit(two_accounts.vault.paths.keys, relabel)
    with pytest.raises(AuthenticationError):
        two_accounts.vault.unlock(SUPERVISOR, CASE_MANAGER_PASSPHRASE)


def test_sealed_data_key_swapped_between_slots_is_refused(two_accounts: Created) -> None:
    def swap(data: dict[str, Any]) -> None:
        a, b = slot_of(data, SUPERVISOR), slot_of(data, CASE_MANAGER)
        a["sealed_data_key"], b["sealed_data_key"] = b["sealed_data_key"], a["sealed_data_key"]

    edit(two_accounts.vault.paths.keys, swap)
    with pytest.raises(KeyFileError, match="tampered"):
        two_accounts.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_key_file_from_another_vault_is_refused(created: Created, tmp_path: Path) -> None:
    from casetracker.services.vault import Vault

    created.session.close()
    other = Vault(tmp_path / "other" / "case.db", kdf=created.vault.kdf)
    other.create(SUPERVISOR, SUPERVISOR_PASSPHRASE)[0].close()
    created.vault.paths.keys.write_bytes(other.paths.keys.read_bytes())
    with pytest.raises(Exception, match=r"damaged|different database") as info:
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert not isinstance(info.value, AuthenticationError)


def test_missing_damaged_and_newer_key_files(created: Created) -> None:
    created.session.close()
    keys = created.vault.paths.keys
    original = keys.read_bytes()
    keys.write_bytes(original[: len(original) // 2])
    with pytest.raises(KeyFileError, match="damaged"):
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    keys.write_bytes(original)
    edit(keys, lambda d: d.update(version=2))
    with pytest.raises(NewerVersionError):
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    keys.unlink()
    with pytest.raises(KeyFileError, match="missing"):
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_a_refused_key_file_leaves_the_database_untouched(two_accounts: Created) -> None:
    paths = two_accounts.vault.paths
    edit(paths.keys, lambda d: slot_of(d, SUPERVISOR)["kdf"].update(iterations=2))
    before = snapshot(paths.db, paths.wal, paths.keys)
    with pytest.raises(AuthenticationError):
        two_accounts.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert snapshot(paths.db, paths.wal, paths.keys) == before
