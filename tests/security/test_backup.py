"""Encrypted backups and restores, each verified before it is trusted."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.domain.accounts import Role
from casetracker.domain.errors import (
    AlreadyExistsError,
    AuthenticationError,
    DatabaseDamagedError,
    KeyFileError,
    PermissionDeniedError,
    UsageError,
)
from casetracker.services import accounts, audit, backup
from casetracker.services.vault import Vault
from tests.conftest import Created
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE, SUPERVISOR, SUPERVISOR_PASSPHRASE


def fresh(tmp_path: Path, created: Created, name: str) -> Vault:
    return Vault(tmp_path / name / "case.db", kdf=created.vault.kdf, clock=created.vault.clock)


def test_backup_and_restore_round_trip(created: Created, tmp_path: Path) -> None:
    accounts.add_account(created.session, CASE_MANAGER, Role.CASE_MANAGER,
                         CASE_MANAGER_PASSPHRASE)
    result = backup.create_backup(created.session, tmp_path / "backups" / "monday.db")
    assert result.path.exists()
    assert result.keys_path.exists()
    assert result.path.read_bytes()[:16] != b"SQLite format 3\x00"
    target = fresh(tmp_path, created, "restored")
    with backup.restore_backup(result.path, target, SUPERVISOR,
                               SUPERVISOR_PASSPHRASE) as session:
        names = [a.name for a in accounts.list_accounts(session)]
        assert names == [CASE_MANAGER, SUPERVISOR]
        assert audit.verify_chain(session).ok
        assert backup.integrity_check(session) == []
        assert "backup.restore" in [e.action for e in audit.recent_entries(session, 5)]
    target.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE).close()


def test_backup_is_audited_with_its_hash(created: Created, tmp_path: Path) -> None:
    result = backup.create_backup(created.session, tmp_path / "b.db")
    entry = audit.recent_entries(created.session, 2)[0]
    assert (entry.action, entry.details["sha256"]) == ("backup.create", result.sha256)


def test_backup_refuses_to_overwrite(created: Created, tmp_path: Path) -> None:
    (tmp_path / "b.db").write_text("precious")
    with pytest.raises(AlreadyExistsError):
        backup.create_backup(created.session, tmp_path / "b.db")
    assert (tmp_path / "b.db").read_text() == "precious"


def test_restore_refuses_to_overwrite_a_database(created: Created, tmp_path: Path) -> None:
    result = backup.create_backup(created.session, tmp_path / "b.db")
    with pytest.raises(AlreadyExistsError):
        backup.restore_backup(result.path, created.vault, SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_a_damaged_backup_is_not_restored(created: Created, tmp_path: Path) -> None:
    # Enough audit entries that the middle of the file is one of their pages, not the schema
    # (which, with every step's tables and triggers, spans many pages) or the accounts: a
    # damage there is "too damaged to tell", answered like a wrong passphrase.
    for n in range(1500):
        created.session.audit("filler", None, text="y" * 300, n=n)
    result = backup.create_backup(created.session, tmp_path / "b.db")
    raw = bytearray(result.path.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    result.path.write_bytes(bytes(raw))
    target = fresh(tmp_path, created, "restored")
    with pytest.raises(DatabaseDamagedError):
        backup.restore_backup(result.path, target, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert not target.paths.db.exists()
    assert not target.paths.keys.exists()


def test_restore_needs_the_key_file_a_passphrase_and_a_supervisor(
        created: Created, tmp_path: Path) -> None:
    accounts.add_account(created.session, CASE_MANAGER, Role.CASE_MANAGER,
                         CASE_MANAGER_PASSPHRASE)
    result = backup.create_backup(created.session, tmp_path / "b.db")
    target = fresh(tmp_path, created, "restored")
    with pytest.raises(AuthenticationError, match="as a supervisor"):
        backup.restore_backup(result.path, target, SUPERVISOR, "not the right passphrase")
    # A right passphrase of an account that is not a supervisor is answered alike
    # (tests/security/test_lockout_by_slot.py compares the answers).
    with pytest.raises(AuthenticationError, match="as a supervisor"):
        backup.restore_backup(result.path, target, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    result.keys_path.unlink()
    with pytest.raises(KeyFileError, match="missing"):
        backup.restore_backup(result.path, target, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert not target.paths.db.exists()


def test_only_supervisors_make_backups(created: Created, tmp_path: Path) -> None:
    accounts.add_account(created.session, CASE_MANAGER, Role.CASE_MANAGER,
                         CASE_MANAGER_PASSPHRASE)
    with created.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session, \
            pytest.raises(PermissionDeniedError):
        backup.create_backup(session, tmp_path / "b.db")
    assert not (tmp_path / "b.db").exists()


def test_restoring_a_database_that_is_open_elsewhere_is_refused(created: Created,
                                                               tmp_path: Path) -> None:
    """A live database's newest pages sit in its -wal file, which a file copy would miss."""
    created.session.audit("in.the.wal", None)
    assert created.vault.paths.wal.stat().st_size > 0
    target = fresh(tmp_path, created, "restored")
    with pytest.raises(UsageError, match="in use"):
        backup.restore_backup(created.vault.paths.db, target, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert not target.paths.db.exists()
