"""Attacks on the failed-attempt throttle: copy the files, restore them elsewhere, compare
what restore says, plant cheap key slots.

Failures are counted per key slot (a tag from its salt and public key) in two stores: beside
the database and in the user's data directory (each test has its own, see conftest). What no
test here can show, because it is not so: someone holding the files and running Argon2id
themselves is not slowed at all (README, "How your data is protected").
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain.accounts import Role
from casetracker.domain.errors import AuthenticationError, KeyFileError, ThrottledError
from casetracker.security.kdf import (
    FAST_INSECURE,
    MINIMUM,
    PRODUCTION,
    KdfParams,
    weakest_accepted,
)
from casetracker.security.keyslots import KeyFile, KeySlot
from casetracker.security.lockout import delay_after, user_store_path
from casetracker.services import accounts, audit, backup
from casetracker.services.vault import Vault
from tests.conftest import Created
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
    snapshot,
)

WRONG = "not the passphrase at all, a guess"


def copy_files(vault: Vault, folder: Path, *, with_lockout: bool = False) -> Vault:
    """The database and its key file (and, if asked, its lockout file) copied elsewhere, as
    anyone who can read the folder could."""
    folder.mkdir(parents=True)
    for path in (vault.paths.db, vault.paths.keys,
                 *([vault.paths.lockout] if with_lockout else [])):
        shutil.copy2(path, folder / path.name)
    return Vault(folder / vault.paths.db.name, kdf=vault.kdf, clock=vault.clock)


def fail(vault: Vault, times: int, name: str = SUPERVISOR) -> None:
    """`times` wrong passphrases in a row, each after the wait the one before imposed."""
    clock = vault.clock
    assert isinstance(clock, FakeClock)
    for n in range(times):
        clock.advance(delay_after(n))
        with pytest.raises(AuthenticationError, match="wrong passphrase"):
            vault.unlock(name, WRONG)


def slot_of(vault: Vault, name: str) -> KeySlot:
    slot = KeyFile.load(vault.paths.keys).user_slot(name)
    assert slot is not None
    return slot


def test_failures_carry_over_to_a_copy_at_a_new_path(created: Created, tmp_path: Path,
                                                     clock: FakeClock) -> None:
    created.session.close()
    fail(created.vault, 4)  # the fourth makes the next attempt wait 2 s
    copy = copy_files(created.vault, tmp_path / "elsewhere")
    assert not copy.paths.lockout.exists()
    with pytest.raises(ThrottledError, match="wait 2 seconds"):
        copy.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    clock.advance(2)
    fail(copy, 1)  # and failures on the copy count against the original too
    with pytest.raises(ThrottledError, match="wait 4 seconds"):
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    clock.advance(4)
    copy.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE).close()


def test_the_lockout_file_travels_with_a_copy_to_another_user(
        created: Created, tmp_path: Path) -> None:
    """A copy taken with its lockout file, opened by another OS account (another user
    store), still waits: the file counts by slot, not by path."""
    created.session.close()
    fail(created.vault, 4)
    copy = copy_files(created.vault, tmp_path / "usb", with_lockout=True)
    elsewhere = Vault(copy.paths.db, kdf=copy.kdf, clock=copy.clock,
                      attempts_store=tmp_path / "another-user" / "attempts.lockout")
    with pytest.raises(ThrottledError):
        elsewhere.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_what_a_copy_does_reset(created: Created, tmp_path: Path) -> None:
    """The honest limit: a copy without its lockout file, opened by another OS account,
    starts from zero. (And the files alone allow guessing with no program at all.)"""
    created.session.close()
    fail(created.vault, 6)
    copy = copy_files(created.vault, tmp_path / "usb")
    elsewhere = Vault(copy.paths.db, kdf=copy.kdf, clock=copy.clock,
                      attempts_store=tmp_path / "another-user" / "attempts.lockout")
    elsewhere.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE).close()


def test_one_slots_failures_do_not_hold_up_another(created: Created) -> None:
    accounts.add_account(created.session, CASE_MANAGER, Role.CASE_MANAGER,
                         CASE_MANAGER_PASSPHRASE)
    created.session.close()
    fail(created.vault, 5)
    created.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE).close()
    with pytest.raises(ThrottledError):
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_the_same_name_in_another_database_is_not_held_up(created: Created,
                                                          tmp_path: Path) -> None:
    """Counted by slot, not by name: 'sam' of another program's database is someone else."""
    other = Vault(tmp_path / "partner" / "case.db", kdf=created.vault.kdf,
                  clock=created.vault.clock)
    other.create(SUPERVISOR, "the partner's supervisor passphrase")[0].close()
    created.session.close()
    fail(created.vault, 6)
    other.unlock(SUPERVISOR, "the partner's supervisor passphrase").close()


def test_the_users_store_counts_slots_and_keeps_no_names(created: Created) -> None:
    created.session.close()
    fail(created.vault, 2)
    with pytest.raises(AuthenticationError, match="no account"):
        created.vault.unlock("my passphrase typed as a name", WRONG)
    store = user_store_path()
    assert store == created.vault.attempts_store
    data = json.loads(store.read_text())
    assert data["accounts"][slot_of(created.vault, SUPERVISOR).throttle_tag]["failures"] == 2
    assert "pending_audit" not in data
    assert SUPERVISOR not in store.read_text()
    assert "typed as a name" not in store.read_text()


# -- restore -----------------------------------------------------------------------------------


@pytest.fixture
def backed_up(created: Created, tmp_path: Path) -> Path:
    """A backup holding a supervisor, a case manager and a coordinator."""
    accounts.add_account(created.session, CASE_MANAGER, Role.CASE_MANAGER,
                         CASE_MANAGER_PASSPHRASE)
    accounts.add_account(created.session, COORDINATOR, Role.COORDINATOR,
                         COORDINATOR_PASSPHRASE)
    result = backup.create_backup(created.session, tmp_path / "backups" / "monday.db")
    created.session.close()
    return result.path


def target(created: Created, tmp_path: Path, n: int) -> Vault:
    return Vault(tmp_path / f"target{n}" / "case.db", kdf=created.vault.kdf,
                 clock=created.vault.clock)


def test_restoring_to_new_paths_does_not_reset_the_count(
        created: Created, backed_up: Path, tmp_path: Path, clock: FakeClock) -> None:
    for n in range(4):
        clock.advance(delay_after(n))
        with pytest.raises(AuthenticationError, match="as a supervisor"):
            backup.restore_backup(backed_up, target(created, tmp_path, n), SUPERVISOR, WRONG)
    with pytest.raises(ThrottledError, match="wait 2 seconds"):
        backup.restore_backup(backed_up, target(created, tmp_path, 9), SUPERVISOR,
                              SUPERVISOR_PASSPHRASE)
    # The backup's slot is the live database's slot: guessing through restore slows both.
    with pytest.raises(ThrottledError):
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    for n in range(10):  # and no failed restore left anything at its target
        assert not (tmp_path / f"target{n}").exists()
    clock.advance(2)
    with backup.restore_backup(backed_up, target(created, tmp_path, 9), SUPERVISOR,
                               SUPERVISOR_PASSPHRASE) as session:
        entry = [e for e in audit.recent_entries(session, 5) if e.action == "backup.restore"]
        assert entry[0].details["failed_attempts_before"] == 4


def _refusals(created: Created, backed_up: Path, tmp_path: Path,
              clock: FakeClock) -> dict[str, str]:
    """What restore says to each kind of failure, with the name given taken out."""
    tries = {
        "wrong passphrase of a supervisor": (SUPERVISOR, WRONG),
        "right passphrase of a case manager": (CASE_MANAGER, CASE_MANAGER_PASSPHRASE),
        "wrong passphrase of a case manager": (CASE_MANAGER, WRONG),
        "right passphrase of a coordinator": (COORDINATOR, COORDINATOR_PASSPHRASE),
        "an unknown name": ("mallory", WRONG),
    }
    said = {}
    for n, (what, (name, passphrase)) in enumerate(tries.items()):
        clock.advance(3600)  # never throttled here: only the answers are compared
        with pytest.raises(AuthenticationError) as info:
            backup.restore_backup(backed_up, target(created, tmp_path, n), name, passphrase)
        assert type(info.value) is AuthenticationError, what
        said[what] = str(info.value).replace(repr(name), "NAME")
        assert not (tmp_path / f"target{n}").exists()
    return said


def test_restore_answers_every_failure_alike(created: Created, backed_up: Path,
                                             tmp_path: Path, clock: FakeClock) -> None:
    said = _refusals(created, backed_up, tmp_path, clock)
    assert len(set(said.values())) == 1, said
    assert "supervisor" in next(iter(said.values()))


def test_a_damaged_backup_is_no_oracle_before_a_supervisor_is_proved(
        created: Created, backed_up: Path, tmp_path: Path, clock: FakeClock) -> None:
    """Damage a copy so that a right passphrase would meet the damage and a wrong one would
    not: the answers still match, as nothing is read before a supervisor is proved."""
    raw = bytearray(backed_up.read_bytes())
    for page in range(1, len(raw) // 4096):
        raw[page * 4096 + 100] ^= 0xFF  # every page but the first
    backed_up.write_bytes(bytes(raw))
    said = _refusals(created, backed_up, tmp_path, clock)
    assert len(set(said.values())) == 1, said
    # The supervisor is answered alike too: the damage hides the account's role.
    clock.advance(3600)
    with pytest.raises(AuthenticationError) as info:
        backup.restore_backup(backed_up, target(created, tmp_path, 7), SUPERVISOR,
                              SUPERVISOR_PASSPHRASE)
    assert str(info.value).replace(repr(SUPERVISOR), "NAME") in said.values()


def test_a_right_passphrase_of_a_non_supervisor_counts_as_a_failure(
        created: Created, backed_up: Path, tmp_path: Path) -> None:
    """Else a wait that does not come would tell a right guess from a wrong one."""
    for n in range(3):
        with pytest.raises(AuthenticationError, match="as a supervisor"):
            backup.restore_backup(backed_up, target(created, tmp_path, n), CASE_MANAGER,
                                  CASE_MANAGER_PASSPHRASE)
    with pytest.raises(ThrottledError):
        backup.restore_backup(backed_up, target(created, tmp_path, 5), CASE_MANAGER, WRONG)


def test_restore_on_the_command_line_says_the_same_to_every_failure(
        created: Created, backed_up: Path, tmp_path: Path, clock: FakeClock,
        capsys: pytest.CaptureFixture[str]) -> None:
    outcomes = set()
    for n, (name, passphrase) in enumerate([(SUPERVISOR, WRONG),
                                            (CASE_MANAGER, CASE_MANAGER_PASSPHRASE),
                                            (CASE_MANAGER, WRONG),
                                            ("mallory", WRONG)]):
        clock.advance(3600)
        secret = tmp_path / f"pass{n}.txt"
        secret.write_text(passphrase)
        code = main(["restore", str(backed_up), "--db", str(tmp_path / f"cli{n}" / "case.db"),
                     "--user", name, "--passphrase-file", str(secret)],
                    kdf=FAST_INSECURE, clock=clock)
        captured = capsys.readouterr()
        outcomes.add((code, captured.out, captured.err.replace(repr(name), "NAME")))
        assert not (tmp_path / f"cli{n}").exists()
    assert len(outcomes) == 1, outcomes
    code, out, err = outcomes.pop()
    assert (code, out) == (1, "")
    assert len(err.splitlines()) == 1


# -- key derivation cost --------------------------------------------------------------------


def test_the_floor_sits_between_the_test_parameters_and_production() -> None:
    assert FAST_INSECURE.costs_less_than(MINIMUM)
    assert not PRODUCTION.costs_less_than(MINIMUM)
    assert weakest_accepted(PRODUCTION) == MINIMUM
    assert weakest_accepted(FAST_INSECURE) == FAST_INSECURE
    assert weakest_accepted(KdfParams(64, 2, 1)) == FAST_INSECURE  # any test vault
    assert KdfParams(8, 1, 1) == FAST_INSECURE  # the cheapest parameters there are
    # Less memory is cheaper even with more passes; lanes cost a guesser nothing.
    assert KdfParams(8 * 1024, 64, 1).costs_less_than(MINIMUM)
    assert not KdfParams(MINIMUM.memory_kib, MINIMUM.iterations, 4).costs_less_than(MINIMUM)


def test_the_shipped_program_refuses_cheap_slots_before_trying_a_passphrase(
        created: Created, tmp_path: Path) -> None:
    """Slots at test cost (a test build's, or a key file someone made cheap to guess) are
    refused by the program as shipped: no passphrase is tried, so nothing is counted."""
    with created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        made = backup.create_backup(session, tmp_path / "b" / "b.db")
    created.session.close()
    paths = created.vault.paths
    shipped = Vault(paths.db, clock=created.vault.clock)  # kdf=PRODUCTION, as in main()
    files = (paths.db, paths.keys, paths.lockout, shipped.attempts_store)
    before = snapshot(*files)
    for passphrase in (SUPERVISOR_PASSPHRASE, WRONG):
        with pytest.raises(KeyFileError, match="below the minimum"):
            shipped.unlock(SUPERVISOR, passphrase)
    with pytest.raises(KeyFileError, match="below the minimum"):
        shipped.recover(SUPERVISOR, created.recovery_key, "a brand new passphrase here")
    with pytest.raises(KeyFileError, match="below the minimum"):
        backup.restore_backup(made.path, Vault(tmp_path / "r" / "case.db"), SUPERVISOR,
                              SUPERVISOR_PASSPHRASE)
    assert snapshot(*files) == before
    assert not (tmp_path / "r").exists()


def test_a_slot_below_the_vaults_cost_is_rewrapped_at_the_next_unlock(
        created: Created) -> None:
    """Made cheap (test cost), opened by a vault that writes dearer slots: the slot is
    rewrapped at that cost with the same passphrase and key pair; the recovery slot waits
    for its own secret."""
    created.session.close()
    dearer = KdfParams(memory_kib=64, iterations=2, lanes=1)
    vault = Vault(created.vault.paths.db, kdf=dearer, clock=created.vault.clock)
    before = KeyFile.load(vault.paths.keys)
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        raised = [e for e in audit.recent_entries(session, 5)
                  if e.action == "account.key_cost_raised"]
        assert [(e.subject, e.details["now"]["memory_kib"]) for e in raised] == [
            (SUPERVISOR, 64)]
    after = KeyFile.load(vault.paths.keys)
    slot, old = after.user_slot(SUPERVISOR), before.user_slot(SUPERVISOR)
    assert slot is not None
    assert old is not None
    assert (slot.kdf, slot.public_key, slot.id) == (dearer, old.public_key, old.id)
    assert slot.salt != old.salt
    assert after.recovery_slot() == before.recovery_slot()
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:  # once, not every time
        assert [e.action for e in audit.recent_entries(session, 50)].count(
            "account.key_cost_raised") == 1


@pytest.mark.slow
def test_a_slot_from_a_cheaper_release_is_raised_to_production_cost(tmp_path: Path) -> None:
    """At the floor (a release with a lower default), the shipped program still opens it and
    rewraps it at production cost: about 0.2 s more, once."""
    older = Vault(tmp_path / "case.db", kdf=MINIMUM, clock=FakeClock())
    older.create(SUPERVISOR, SUPERVISOR_PASSPHRASE)[0].close()
    shipped = Vault(tmp_path / "case.db", clock=FakeClock())
    shipped.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE).close()
    assert slot_of(shipped, SUPERVISOR).kdf == PRODUCTION
    shipped.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE).close()
