"""Accounts travel: added, passphrase changed, reset or removed on one laptop, the change
reaches the others through bundles and takes effect there."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.domain.accounts import Role
from casetracker.domain.errors import AuthenticationError, CaseTrackerError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts, survivors
from casetracker.services.vault import Vault
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
)
from tests.sync.enrolled import enrolled_program
from tests.sync_laptops import Laptop, sync_all

NEW_PASSPHRASE = "a brand new passphrase for ana"


def vault_of(laptop: Laptop) -> Vault:
    return Vault(laptop.vault.paths.db, kdf=FAST_INSECURE)


def test_an_account_added_on_one_laptop_unlocks_on_the_others(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 3) as laptops:
        a, b, c = laptops
        accounts.add_account(b.supervisor, COORDINATOR, Role.COORDINATOR,
                             COORDINATOR_PASSPHRASE)
        sync_all([b, a, c])
        for laptop in (a, c):
            session = vault_of(laptop).unlock(COORDINATOR, COORDINATOR_PASSPHRASE)
            assert session.account.role is Role.COORDINATOR
            session.close()


def test_a_changed_passphrase_works_everywhere_and_the_old_one_nowhere(
        tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        accounts.change_own_passphrase(a.case_manager, NEW_PASSPHRASE)
        sync_all([a, b])
        vault = vault_of(b)
        vault.unlock(CASE_MANAGER, NEW_PASSPHRASE).close()
        with pytest.raises(AuthenticationError):
            vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)


def test_a_reset_passphrase_travels_with_its_new_key_pair(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        accounts.reset_passphrase(b.supervisor, CASE_MANAGER, NEW_PASSPHRASE)
        sync_all([b, a])
        session = vault_of(a).unlock(CASE_MANAGER, NEW_PASSPHRASE)
        assert session.account.must_change_passphrase
        session.close()


def test_a_removed_account_stops_unlocking_everywhere(tmp_path: Path) -> None:
    with enrolled_program(tmp_path, 2) as (a, b):
        b.case_manager.close()
        accounts.remove_account(a.supervisor, CASE_MANAGER)
        sync_all([a, b])
        with pytest.raises(CaseTrackerError):
            vault_of(b).unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
        # The records stay; b's database was rekeyed without the removed account's slot.
        assert survivors is not None
        vault_of(b).unlock("sam", "orange kettle under the stairs").close()
