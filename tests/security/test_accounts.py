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
    KeyFileError,
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


class CrashAt:
    """Kill the operation at the `n`-th key-file write or rekey, before or after it happens."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, n: int, after: bool) -> None:
        self.n, self.after, self.calls = n, after, 0
        from casetracker.security.keyslots import KeyFile
        from casetracker.services import keyring

        real_save, real_apply = KeyFile.save, keyring._apply

        def save(keyfile: KeyFile, path: Path) -> None:
            self._step(lambda: real_save(keyfile, path))

        def apply(session: object, new_key: bytes) -> None:
            self._step(lambda: real_apply(session, new_key))  # type: ignore[arg-type]

        monkeypatch.setattr(KeyFile, "save", save)
        monkeypatch.setattr(keyring, "_apply", apply)

    def _step(self, action: object) -> None:
        self.calls += 1
        if self.calls == self.n and not self.after:
            raise CrashError
        action()  # type: ignore[operator]
        if self.calls == self.n and self.after:
            raise CrashError


def _crash_points() -> list[tuple[int, bool]]:
    return [(n, after) for n in range(1, 9) for after in (False, True)]


def _run_crashing(staffed: Created, monkeypatch: pytest.MonkeyPatch, n: int, after: bool,
                  operation: object) -> bool:
    """Run `operation` with a crash injected; return False if it finished before the point."""
    crash = CrashAt(monkeypatch, n, after)
    try:
        operation()  # type: ignore[operator]
    except CrashError:
        crashed = True
    else:
        crashed = False
    staffed.session.close()
    monkeypatch.undo()
    return crashed or crash.calls >= n


def _can_unlock(vault: Vault, name: str, passphrase: str) -> bool:
    try:
        vault.unlock(name, passphrase).close()
    except AuthenticationError:
        return False
    return True


@pytest.mark.parametrize(("n", "after"), _crash_points())
def test_a_crash_anywhere_in_a_removal_loses_nothing(
        staffed: Created, monkeypatch: pytest.MonkeyPatch, n: int, after: bool) -> None:
    old_key = staffed.session.data_key
    _run_crashing(staffed, monkeypatch, n, after,
                  lambda: accounts.remove_account(staffed.session, CASE_MANAGER))
    vault = staffed.vault
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        removed = {a.name for a in accounts.list_accounts(session, include_removed=True)
                   if not a.active}
        assert audit.verify_chain(session).ok
    assert _can_unlock(vault, COORDINATOR, COORDINATOR_PASSPHRASE)
    if CASE_MANAGER in removed:
        assert not _can_unlock(vault, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
        with pytest.raises(db.WrongKeyError):
            db.probe_key(vault.paths.db, old_key)
        assert CASE_MANAGER not in slots(vault)
    else:
        assert _can_unlock(vault, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert all("sealed_next_data_key" not in s for s in slots(vault).values())


@pytest.mark.parametrize(("n", "after"), _crash_points())
def test_a_crash_anywhere_in_a_reset_leaves_a_way_in(
        staffed: Created, monkeypatch: pytest.MonkeyPatch, n: int, after: bool) -> None:
    _run_crashing(staffed, monkeypatch, n, after, lambda: accounts.reset_passphrase(
        staffed.session, CASE_MANAGER, NEW_PASSPHRASE))
    vault = staffed.vault
    assert _can_unlock(vault, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    if _can_unlock(vault, CASE_MANAGER, NEW_PASSPHRASE):
        # The supervisor's passphrase for the account is temporary, whatever the crash.
        with vault.unlock(CASE_MANAGER, NEW_PASSPHRASE) as session:
            assert session.account.must_change_passphrase
    else:
        assert _can_unlock(vault, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)


@pytest.mark.parametrize(("n", "after"), _crash_points())
def test_a_crash_anywhere_in_a_recovery_leaves_a_way_in(
        created: Created, monkeypatch: pytest.MonkeyPatch, n: int, after: bool) -> None:
    vault, key = created.vault, created.recovery_key
    created.session.close()

    def recover() -> None:
        vault.recover(SUPERVISOR, key, NEW_PASSPHRASE)[0].close()

    _run_crashing(created, monkeypatch, n, after, recover)
    ways_in = [_can_unlock(vault, SUPERVISOR, SUPERVISOR_PASSPHRASE),
               _can_unlock(vault, SUPERVISOR, NEW_PASSPHRASE)]
    if not any(ways_in):
        vault.recover(SUPERVISOR, key, "after the crash, once more").close()  # type: ignore[attr-defined]
    assert any(ways_in)


def _plant(vault: Vault, chosen: bytes, signing_key: bytes, field: str) -> None:
    from dataclasses import replace

    from casetracker.security import envelope
    from casetracker.security.keyslots import KeyFile

    keyfile = KeyFile.load(vault.paths.keys)
    for slot in keyfile.slots:
        sealed = envelope.seal(slot.public_key, chosen, slot.seal_aad(keyfile.vault_id),
                               signing_key)
        keyfile.replace_slot(replace(slot, **{field: sealed}))
    keyfile.save(vault.paths.keys)


@pytest.mark.parametrize("field", ["sealed", "sealed_next"])
def test_a_key_sealed_by_someone_without_the_vault_key_is_refused(staffed: Created,
                                                                  field: str) -> None:
    """Sealing to a public key needs no secret: an outsider who can write the key file seals
    a key they chose (and would pair it with a database of their own)."""
    from casetracker.security import envelope

    staffed.session.close()
    vault = staffed.vault
    _plant(vault, b"\x42" * 32, envelope.new_signing_key()[0], field)
    with pytest.raises(KeyFileError, match="tampered"):
        vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_a_properly_signed_next_key_not_recorded_in_the_database_is_discarded(
        staffed: Created) -> None:
    """Someone who once held the data key (and so the signing key) plants a next key, hoping
    the next unlock re-encrypts the database to a key they know."""
    signing_key = staffed.session.signing_key
    staffed.session.close()
    vault = staffed.vault
    chosen = b"\x42" * 32
    _plant(vault, chosen, signing_key, "sealed_next")
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert session.data_key != chosen
        assert "vault.rekey_discarded" in [e.action for e in audit.recent_entries(session, 5)]
    with pytest.raises(db.WrongKeyError):
        db.probe_key(vault.paths.db, chosen)
    assert all("sealed_next_data_key" not in s for s in slots(vault).values())


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
    with pytest.raises(AuthenticationError, match="no account"):
        restarted.unlock("my secret passphrase typed as a name", SUPERVISOR_PASSPHRASE)
    # The count was reset by the successful unlock, and the failures are not audited twice.
    with restarted.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        failed = [e for e in audit.recent_entries(session, 50) if e.action == "login.failed"]
        # The unknown name is kept as '?': people type passphrases into name fields.
        assert [e.subject for e in failed] == [SUPERVISOR] * 4 + ["?"]


def test_a_stale_slot_from_an_old_key_file_locks_out_only_that_account(
        staffed: Created, tmp_path: Path) -> None:
    vault = staffed.vault
    old_keys = vault.paths.keys.read_bytes()
    accounts.reset_passphrase(staffed.session, CASE_MANAGER, NEW_PASSPHRASE)
    staffed.session.close()
    vault.paths.keys.write_bytes(old_keys)  # someone "restores" yesterday's key file alone
    with pytest.raises(KeyFileError, match="supervisor can then reset"):
        vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert audit.verify_chain(session).ok
    assert CASE_MANAGER not in slots(vault)
    assert _can_unlock(vault, COORDINATOR, COORDINATOR_PASSPHRASE)
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        rekeys = [e for e in audit.recent_entries(session, 100)
                  if e.action == "vault.rekey_started"]
        assert len(rekeys) == 1  # once, not at every unlock
        accounts.reset_passphrase(session, CASE_MANAGER, "a fresh start for the account")
    assert _can_unlock(vault, CASE_MANAGER, "a fresh start for the account")


def test_an_account_added_in_another_window_during_a_rekey_keeps_working(
        staffed: Created, monkeypatch: pytest.MonkeyPatch) -> None:
    """The in-place rekey (after an account was removed on another laptop); a removal made
    here rekeys by copy and holds the write lock throughout (`test_rekey_copy`)."""
    from casetracker.services import keyring

    other = staffed.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    real_apply = keyring._apply

    def add_then_apply(session: object, new_key: bytes) -> None:
        accounts.add_account(other, "dee", Role.CASE_MANAGER, "a newcomer's long passphrase")
        other.close()
        real_apply(session, new_key)  # type: ignore[arg-type]

    monkeypatch.setattr(keyring, "_apply", add_then_apply)
    keyring.rekey(staffed.session, "a test")
    staffed.session.close()
    assert _can_unlock(staffed.vault, "dee", "a newcomer's long passphrase")
    assert _can_unlock(staffed.vault, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)


def test_mistyped_names_do_not_lock_real_accounts_out(created: Created) -> None:
    created.session.close()
    for _ in range(10):
        with pytest.raises(AuthenticationError, match="no account"):
            created.vault.unlock("nobody", "whatever was typed here")
    assert _can_unlock(created.vault, SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_a_clock_that_was_fast_does_not_extend_the_wait(created: Created,
                                                         clock: FakeClock) -> None:
    created.session.close()
    clock.advance(30 * 86400)  # the laptop's clock runs a month fast
    for _ in range(4):
        with pytest.raises(AuthenticationError):
            created.vault.unlock(SUPERVISOR, "not my passphrase at all")
    clock.advance(-30 * 86400)  # and is corrected
    with pytest.raises(ThrottledError):
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    clock.advance(2)
    assert _can_unlock(created.vault, SUPERVISOR, SUPERVISOR_PASSPHRASE)
