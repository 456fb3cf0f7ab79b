"""Removing an account rekeys by copy (`services.rekey_copy`): stopped, or killed, before the
swap, everything is as it was; after it, the old key opens nothing and everyone else unlocks."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from casetracker.domain.accounts import Role
from casetracker.domain.errors import AuthenticationError, OperationCancelledError
from casetracker.services import accounts, audit, rekey_copy, survivors
from casetracker.services.vault import Vault
from casetracker.storage import connection as db
from tests.conftest import Created
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    OTHER_CASE_MANAGER,
    OTHER_CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def staffed(created: Created) -> Created:
    accounts.add_account(created.session, CASE_MANAGER, Role.CASE_MANAGER,
                         CASE_MANAGER_PASSPHRASE)
    accounts.add_account(created.session, COORDINATOR, Role.COORDINATOR, COORDINATOR_PASSPHRASE)
    accounts.add_account(created.session, OTHER_CASE_MANAGER, Role.CASE_MANAGER,
                         OTHER_CASE_MANAGER_PASSPHRASE)
    with created.vault.unlock(OTHER_CASE_MANAGER, OTHER_CASE_MANAGER_PASSPHRASE) as other:
        for n in range(30):  # enough pages that the export reports progress part way
            survivors.create_survivor(other, survivors.draft(f"CT-{n:04d}", f"Person {n}"))
    return created


def _slots(path: Path) -> str:
    """The key file's slots (an unlock moves its audit head, not its slots)."""
    return json.dumps(json.loads(path.read_text())["slots"], sort_keys=True)


def _can_unlock(vault: Vault, name: str, passphrase: str) -> bool:
    try:
        vault.unlock(name, passphrase).close()
    except (AuthenticationError, db.WrongKeyError) as exc:
        del exc
        return False
    except Exception as exc:  # the key file's key no longer opens the database
        if "does not open" in str(exc):
            return False
        raise
    return True


def _assert_as_before(vault: Vault, keys_before: str, data_key: bytes) -> None:
    assert _slots(vault.paths.keys) == keys_before  # every slot exactly as it was
    db.probe_key(vault.paths.db, data_key)  # the old key still opens the database
    assert _can_unlock(vault, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert not rekey_copy.leftovers(vault.paths)  # a killed attempt's, swept at that unlock
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        active = {a.name for a in accounts.list_accounts(session)}
        assert CASE_MANAGER in active
        actions = [e.action for e in audit.recent_entries(session, 200)]
        assert "account.remove" not in actions
        assert "vault.rekey_started" not in actions
        assert audit.verify_chain(session).ok
        assert survivors.caseload_size(session, status=None) == 30


@pytest.mark.parametrize("stop_at", ["during the export", "after the check"])
def test_cancel_leaves_everything_as_it_was(staffed: Created, stop_at: str) -> None:
    vault, session = staffed.vault, staffed.session
    keys_before, data_key = _slots(vault.paths.keys), session.data_key
    seen: list[float | None] = []

    def progress(fraction: float | None) -> bool:
        seen.append(fraction)
        staging = rekey_copy.staging(vault.paths).db
        if stop_at == "during the export":
            # Part way: the copy has begun and the export is still running.
            return not (staging.exists() and fraction is not None and fraction < 0.7)
        return fraction != 0.95  # the last point before the key file is touched

    with pytest.raises(OperationCancelledError):
        accounts.remove_account(session, CASE_MANAGER, progress)
    assert seen  # the hook was consulted
    assert not rekey_copy.leftovers(vault.paths)  # the copy is gone at once
    # The session that asked goes on under the old key.
    assert session.data_key == data_key
    assert survivors.caseload_size(session, status=None) == 30
    session.close()
    _assert_as_before(vault, keys_before, data_key)


def test_removal_swaps_in_a_copy_the_old_key_does_not_open(staffed: Created) -> None:
    vault, session = staffed.vault, staffed.session
    old_key = session.data_key
    # Another window (or command) with the database open before the swap.
    bystander = vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE)
    fractions: list[float | None] = []
    accounts.remove_account(session, CASE_MANAGER, lambda f: fractions.append(f) or True)
    assert fractions[-1] == 1.0
    assert session.data_key != old_key
    assert survivors.caseload_size(session, status=None) == 30  # reconnected under the new key
    # The bystander's connection is to the replaced file: a write fails rather than vanishing.
    with pytest.raises(Exception, match="replaced"):
        bystander.audit("survivor.view", None)
    bystander.close()
    session.close()

    with pytest.raises(db.WrongKeyError):
        db.probe_key(vault.paths.db, old_key)
    assert not rekey_copy.leftovers(vault.paths)
    assert not _can_unlock(vault, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert _can_unlock(vault, COORDINATOR, COORDINATOR_PASSPHRASE)
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as again:
        assert CASE_MANAGER not in {a.name for a in accounts.list_accounts(again)}
        assert survivors.caseload_size(again, status=None) == 30
        assert audit.verify_chain(again).ok
        actions = [e.action for e in audit.recent_entries(again, 50)]
        assert {"account.remove", "vault.rekey_started", "vault.rekey_completed"} <= set(actions)
    vault.recover(COORDINATOR, staffed.recovery_key, "a coordinator's brand new passphrase")[
        0].close()
    assert "sealed_next_data_key" not in vault.paths.keys.read_text()


# Run in a process of its own, which stops at a known point, says so, and waits to be killed.
_CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from casetracker.security.kdf import FAST_INSECURE
    from casetracker.services import accounts, rekey_copy
    from casetracker.services.vault import Vault

    db_path, point, name, passphrase, victim = sys.argv[1:6]
    signal_file = Path(db_path).with_name("stopped-here")
    vault = Vault(db_path, kdf=FAST_INSECURE)
    session = vault.unlock(name, passphrase)

    def stop():
        signal_file.write_text(point)
        while True:
            time.sleep(60)

    def progress(fraction):
        staging = rekey_copy.staging(vault.paths).db
        if point == "export" and staging.exists() and fraction is not None and fraction < 0.7:
            stop()
        return True

    def hook(step):
        if step == point:
            stop()

    rekey_copy.step_hook = hook
    accounts.remove_account(session, victim, progress)
    signal_file.write_text("finished")
""")


def _kill_at(vault: Vault, point: str) -> None:
    staging_seen = point in {"export", "keys_written"}
    signal_file = vault.paths.db.with_name("stopped-here")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(vault.paths.db), point, SUPERVISOR,
         SUPERVISOR_PASSPHRASE, CASE_MANAGER], env=env, cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        while not signal_file.exists():  # waits for the child to reach the point, no longer
            assert child.poll() is None, "the child ended before the point"
            assert time.monotonic() < deadline, "the child never reached the point"
            time.sleep(0.05)
        assert signal_file.read_text() == point
        assert rekey_copy.staging(vault.paths).db.exists() is staging_seen
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.wait()


@pytest.mark.parametrize("point", ["export", "keys_written"])
def test_a_process_killed_before_the_swap_leaves_the_account_and_its_key(
        staffed: Created, point: str) -> None:
    vault = staffed.vault
    data_key = staffed.session.data_key
    keys_before = _slots(vault.paths.keys)
    staffed.session.close()
    _kill_at(vault, point)
    assert rekey_copy.leftovers(vault.paths)  # the copy, under a key that died with it
    if point == "keys_written":
        # The key file holds the new key as "next" for those who stay; the next unlock
        # finds it unrecorded in the database in place and drops it.
        assert "sealed_next_data_key" in vault.paths.keys.read_text()
        vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE).close()
    _assert_as_before(vault, keys_before if point == "export" else _slots(vault.paths.keys),
                      data_key)
    assert "sealed_next_data_key" not in vault.paths.keys.read_text()


def test_a_process_killed_after_the_swap_finishes_at_the_next_unlock(
        staffed: Created) -> None:
    vault = staffed.vault
    old_key = staffed.session.data_key
    staffed.session.close()
    _kill_at(vault, "renamed")
    with pytest.raises(db.WrongKeyError):
        db.probe_key(vault.paths.db, old_key)
    assert not _can_unlock(vault, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert _can_unlock(vault, COORDINATOR, COORDINATOR_PASSPHRASE)
    assert "sealed_next_data_key" not in vault.paths.keys.read_text()
    assert CASE_MANAGER not in vault.account_names()
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert audit.verify_chain(session).ok
        assert survivors.caseload_size(session, status=None) == 30
        assert CASE_MANAGER not in {a.name for a in accounts.list_accounts(session)}
    assert not rekey_copy.leftovers(vault.paths)


def test_where_a_file_cannot_be_replaced_the_removal_rekeys_in_place(
        staffed: Created, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rekey_copy, "SWAP_SUPPORTED", False)  # as on Windows
    old_key = staffed.session.data_key
    accounts.remove_account(staffed.session, CASE_MANAGER)
    staffed.session.close()
    with pytest.raises(db.WrongKeyError):
        db.probe_key(staffed.vault.paths.db, old_key)
    assert not _can_unlock(staffed.vault, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert _can_unlock(staffed.vault, COORDINATOR, COORDINATOR_PASSPHRASE)
