"""Accounts: passphrase changes, the recovery key, removal with rekey, roles and throttling."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casetracker.domain.accounts import Role
from casetracker.domain.errors import (
    AlreadyExistsError,
    AuthenticationError,
    DatabaseDamagedError,
    PassphraseChangeRequiredError,
    PassphrasePolicyError,
    PermissionDeniedError,
    ThrottledError,
    UsageError,
)
from casetracker.services import accounts, audit
from casetracker.services.vault import Vault
from casetracker.storage import connection as db
from tests.conftest import Created
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
)

NEW_PASSPHRASE = "a lighthouse keeper's blue notebook"


@pytest.fixture
def staffed(created: Created) -> Created:
    accounts.add_account(created.session, CASE_MANAGER, Role.CASE_MANAGER,
                         CASE_MANAGER_PASSPHRASE)
    accounts.add_account(created.session, COORDINATOR, Role.COORDINATOR, COORDINATOR_PASSPHRASE)
    return created


def slots(vault: Vault) -> dict[str, dict[str, object]]:
    data = json.loads(vault.paths.keys.read_text())
    return {s["name"] or "(recovery)": s for s in data["slots"]}


def test_first_account_is_a_supervisor(created: Created) -> None:
    assert created.session.account.role is Role.SUPERVISOR


def test_every_account_unlocks_with_its_own_passphrase(staffed: Created) -> None:
    staffed.session.close()
    for name, passphrase, role in [(SUPERVISOR, SUPERVISOR_PASSPHRASE, Role.SUPERVISOR),
                                   (CASE_MANAGER, CASE_MANAGER_PASSPHRASE, Role.CASE_MANAGER),
                                   (COORDINATOR, COORDINATOR_PASSPHRASE, Role.COORDINATOR)]:
        with staffed.vault.unlock(name, passphrase) as session:
            assert session.account.role is role
    with pytest.raises(AuthenticationError):
        staffed.vault.unlock(CASE_MANAGER, SUPERVISOR_PASSPHRASE)


def test_passphrase_change_rewraps_one_slot_and_keeps_the_data_key(staffed: Created) -> None:
    staffed.session.close()
    vault = staffed.vault
    before = slots(vault)
    session = vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    data_key = session.data_key
    accounts.change_own_passphrase(session, NEW_PASSPHRASE)
    session.close()
    after = slots(vault)
    assert after[SUPERVISOR] == before[SUPERVISOR]
    assert after[COORDINATOR] == before[COORDINATOR]
    assert after["(recovery)"] == before["(recovery)"]
    changed = after[CASE_MANAGER]
    assert changed["wrapped_private"] != before[CASE_MANAGER]["wrapped_private"]
    # Same key pair and sealed data key: the database was not rekeyed or rewritten.
    assert changed["public_key"] == before[CASE_MANAGER]["public_key"]
    assert changed["sealed_data_key"] == before[CASE_MANAGER]["sealed_data_key"]
    db.probe_key(vault.paths.db, data_key)
    with pytest.raises(AuthenticationError):
        vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    with vault.unlock(CASE_MANAGER, NEW_PASSPHRASE) as session:
        assert session.data_key == data_key
    vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE).close()
    vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE).close()


def test_new_passphrases_meet_the_policy(staffed: Created) -> None:
    with pytest.raises(PassphrasePolicyError):
        accounts.change_own_passphrase(staffed.session, "too short")
    with pytest.raises(PassphrasePolicyError):
        accounts.add_account(staffed.session, "dee", Role.CASE_MANAGER, "passwordpassword")


def test_recovery_key_works_once_and_forces_a_new_passphrase(created: Created) -> None:
    vault, key = created.vault, created.recovery_key
    created.session.close()
    with pytest.raises(PassphrasePolicyError):
        vault.recover(SUPERVISOR, key, "short")
    session, new_key = vault.recover(SUPERVISOR, key, NEW_PASSPHRASE)
    assert new_key != key
    assert session.account.name == SUPERVISOR
    session.close()
    with pytest.raises(AuthenticationError, match="works once"):
        vault.recover(SUPERVISOR, key, "another long passphrase here")
    with pytest.raises(AuthenticationError):
        vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    with vault.unlock(SUPERVISOR, NEW_PASSPHRASE) as session:
        actions = [e.action for e in audit.recent_entries(session, 20)]
    assert "login.recovery_key" in actions
    assert "recovery_key.replaced" in actions
    vault.recover(SUPERVISOR, new_key, "yet another long passphrase")[0].close()


def test_supervisor_reset_makes_the_account_choose_a_new_passphrase(staffed: Created) -> None:
    accounts.reset_passphrase(staffed.session, CASE_MANAGER, "temporary long passphrase 1")
    staffed.session.close()
    with pytest.raises(AuthenticationError):
        staffed.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    session = staffed.vault.unlock(CASE_MANAGER, "temporary long passphrase 1")
    assert session.account.must_change_passphrase
    with pytest.raises(PassphraseChangeRequiredError):
        session.require("anything")
    accounts.change_own_passphrase(session, NEW_PASSPHRASE)
    session.require("anything")
    session.close()


def test_removal_rekeys_so_an_old_key_file_opens_nothing(staffed: Created,
                                                         tmp_path: Path) -> None:
    vault = staffed.vault
    old_keys = tmp_path / "old.keys"
    shutil.copy(vault.paths.keys, old_keys)
    old_data_key = staffed.session.data_key
    accounts.remove_account(staffed.session, CASE_MANAGER)
    assert staffed.session.data_key != old_data_key
    assert CASE_MANAGER not in slots(vault)
    staffed.session.close()

    with pytest.raises(db.WrongKeyError):
        db.probe_key(vault.paths.db, old_data_key)
    # The removed account, holding a copy of the key file from before, gets nowhere.
    shutil.copy(old_keys, vault.paths.keys)
    with pytest.raises(DatabaseDamagedError):
        vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    vault.paths.keys.unlink()


def test_removal_keeps_everyone_else_and_the_recovery_key(staffed: Created) -> None:
    accounts.remove_account(staffed.session, CASE_MANAGER)
    staffed.session.close()
    vault = staffed.vault
    with pytest.raises(AuthenticationError, match="no account"):
        vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE).close()
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        names = {a.name: a.removed_at for a in accounts.list_accounts(session,
                                                                      include_removed=True)}
        assert names[CASE_MANAGER] is not None
        assert audit.verify_chain(session).ok
        with pytest.raises(AlreadyExistsError):
            accounts.add_account(session, CASE_MANAGER, Role.CASE_MANAGER, NEW_PASSPHRASE)
    vault.recover(COORDINATOR, staffed.recovery_key, NEW_PASSPHRASE)[0].close()


class CrashError(Exception):
    """Stands for the process being killed at that point."""


def _old_and_new_keys_open(vault: Vault, old_key: bytes) -> tuple[bool, bool]:
    with vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE) as session:
        assert session.conn.execute("SELECT count(*) FROM users").fetchone()[0] == 3
        current = session.data_key
    keys = json.loads(vault.paths.keys.read_text())["slots"]
    assert all("sealed_next_data_key" not in s for s in keys)
    try:
        db.probe_key(vault.paths.db, old_key)
        old_opens = True
    except db.WrongKeyError:
        old_opens = False
    return old_opens, current != old_key


def test_crash_before_the_database_is_rewritten_is_finished_at_next_unlock(
        staffed: Created, monkeypatch: pytest.MonkeyPatch) -> None:
    old_key = staffed.session.data_key

    def crash(*args: object) -> None:
        raise CrashError

    monkeypatch.setattr("casetracker.services.accounts.finish_rekey", crash)
    with pytest.raises(CrashError):
        accounts.remove_account(staffed.session, CASE_MANAGER)
    staffed.session.close()
    monkeypatch.undo()
    assert _old_and_new_keys_open(staffed.vault, old_key) == (False, True)


def test_crash_after_the_database_is_rewritten_is_finished_at_next_unlock(
        staffed: Created, monkeypatch: pytest.MonkeyPatch) -> None:
    from casetracker.services import vault as vault_module

    old_key = staffed.session.data_key
    real_apply = vault_module.apply_rekey

    def apply_then_crash(session: object, new_key: bytes) -> None:
        real_apply(session, new_key)  # type: ignore[arg-type]
        raise CrashError

    monkeypatch.setattr(vault_module, "apply_rekey", apply_then_crash)
    with pytest.raises(CrashError):
        accounts.remove_account(staffed.session, CASE_MANAGER)
    staffed.session.close()
    monkeypatch.undo()
    assert _old_and_new_keys_open(staffed.vault, old_key) == (False, True)


def test_a_next_key_planted_in_the_key_file_is_not_applied(staffed: Created) -> None:
    """Someone who can write the key file but lacks the data key seals a key they chose to
    every slot, hoping the next unlock re-encrypts the database to it."""
    from casetracker.security import envelope
    from casetracker.security.keyslots import KeyFile, KeySlot

    staffed.session.close()
    vault = staffed.vault
    chosen = b"\x42" * 32
    keyfile = KeyFile.load(vault.paths.keys)
    for slot in keyfile.slots:
        keyfile.replace_slot(KeySlot(**{
            **{f: getattr(slot, f) for f in KeySlot.__dataclass_fields__},
            "sealed_next": envelope.seal(slot.public_key, chosen, slot.seal_aad(keyfile.vault_id)),
        }))
    keyfile.save(vault.paths.keys)
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert session.data_key != chosen
        assert "vault.rekey_discarded" in [e.action for e in audit.recent_entries(session, 5)]
    with pytest.raises(db.WrongKeyError):
        db.probe_key(vault.paths.db, chosen)
    assert all("sealed_next_data_key" not in s
               for s in json.loads(vault.paths.keys.read_text())["slots"])


def test_guard_rails_on_removal(staffed: Created) -> None:
    with pytest.raises(UsageError, match="your own"):
        accounts.remove_account(staffed.session, SUPERVISOR)


@pytest.mark.parametrize(("name", "passphrase"), [(CASE_MANAGER, CASE_MANAGER_PASSPHRASE),
                                                  (COORDINATOR, COORDINATOR_PASSPHRASE)])
def test_only_supervisors_manage_accounts(staffed: Created, name: str, passphrase: str) -> None:
    staffed.session.close()
    with staffed.vault.unlock(name, passphrase) as session:
        with pytest.raises(PermissionDeniedError):
            accounts.list_accounts(session)
        with pytest.raises(PermissionDeniedError):
            accounts.add_account(session, "mallory", Role.SUPERVISOR, NEW_PASSPHRASE)
        with pytest.raises(PermissionDeniedError):
            accounts.remove_account(session, SUPERVISOR)
        with pytest.raises(PermissionDeniedError):
            audit.verify_chain(session)
    with staffed.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        denied = [e for e in audit.recent_entries(session, 50) if e.action == "access.denied"]
        assert len(denied) == 4
        assert {e.actor for e in denied} == {name}


def test_failed_attempts_slow_down_survive_restart_and_are_audited(
        created: Created, clock: FakeClock) -> None:
    created.session.close()
    vault = created.vault
    for _ in range(3):
        with pytest.raises(AuthenticationError, match="wrong passphrase"):
            vault.unlock(SUPERVISOR, "not my passphrase at all")
    with pytest.raises(ThrottledError, match="wait 1 second"):
        vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    clock.advance(1)
    with pytest.raises(AuthenticationError):
        vault.unlock(SUPERVISOR, "not my passphrase at all")
    # A new program start reads the same lockout file.
    restarted = Vault(vault.paths.db, kdf=vault.kdf, clock=clock)
    with pytest.raises(ThrottledError, match="wait 2 seconds"):
        restarted.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    clock.advance(2)
    with restarted.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        failed = [e for e in audit.recent_entries(session, 20) if e.action == "login.failed"]
        assert [e.subject for e in failed] == [SUPERVISOR] * 4
        assert all(e.actor is None for e in failed)
    # The count was reset by the successful unlock, and the failures are not audited twice.
    with restarted.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        failed = [e for e in audit.recent_entries(session, 50) if e.action == "login.failed"]
        assert len(failed) == 4
