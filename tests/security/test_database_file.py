"""The database on disk: encrypted, with the pragmas the design asks for, and robust to damage."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from casetracker.domain.errors import (
    AuthenticationError,
    DatabaseDamagedError,
    NotFoundError,
)
from casetracker.services.vault import Vault
from casetracker.storage import connection as db
from tests.conftest import Created
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE, snapshot


def test_file_does_not_start_like_sqlite(created: Created) -> None:
    created.session.close()
    header = created.vault.paths.db.read_bytes()[:16]
    assert header != b"SQLite format 3\x00"


def test_every_connection_has_the_security_pragmas(created: Created) -> None:
    assert db.read_pragmas(created.session.conn) == db.EXPECTED_PRAGMAS
    created.session.close()
    session = created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert db.read_pragmas(session.conn) == db.EXPECTED_PRAGMAS
    session.close()


def test_case_data_written_is_not_readable_on_disk(created: Created) -> None:
    canary = "CANARY-Maria-Gonzalez-555-0199"
    created.session.audit("test.canary", None, note=canary)
    created.session.conn.execute("PRAGMA wal_checkpoint(FULL)")
    paths = created.vault.paths
    for path in (paths.db, paths.wal, paths.keys, paths.lockout):
        if path.exists():
            assert canary.encode() not in path.read_bytes(), path.name
            assert canary.encode("utf-16-le") not in path.read_bytes(), path.name


def test_wrong_passphrase_changes_nothing_but_the_lockout_file(created: Created) -> None:
    created.session.audit("test.before", None)  # leave a WAL with content behind
    paths = created.vault.paths
    before = snapshot(paths.db, paths.wal, paths.shm, paths.keys)
    with pytest.raises(AuthenticationError, match="wrong passphrase"):
        created.vault.unlock(SUPERVISOR, "purple kettle under the stairs")
    assert snapshot(paths.db, paths.wal, paths.shm, paths.keys) == before
    assert paths.lockout.exists()


def test_wrong_raw_key_is_a_clear_error(created: Created) -> None:
    created.session.close()
    path = created.vault.paths.db
    before = snapshot(path)
    with pytest.raises(db.WrongKeyError, match="could not be decrypted"):
        db.connect(path, os.urandom(32))
    assert snapshot(path) == before


def test_a_file_that_is_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("shopping list\n" * 500)
    with pytest.raises(db.WrongKeyError):
        db.connect(path, os.urandom(32))
    with pytest.raises(NotFoundError):
        db.connect(tmp_path / "absent.db", os.urandom(32))


def test_a_foreign_file_in_place_of_the_database_is_reported_as_damaged(
        created: Created) -> None:
    created.session.close()
    created.vault.paths.db.write_bytes(os.urandom(8192))
    with pytest.raises(DatabaseDamagedError, match="passphrase is right"):
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


def _open_and_check(vault: Vault) -> None:
    """Unlock and check every page; raise `DatabaseDamagedError` for what either finds."""
    session = vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    try:
        problems = db.integrity_problems(session.conn)
    finally:
        session.close()
    if problems:
        raise DatabaseDamagedError(problems[0])


def _grow(created: Created, rows: int = 300) -> None:
    for n in range(rows):
        created.session.audit("test.filler", None, n=n, text="x" * 200)
    created.session.close()


def test_flipped_bytes_are_detected(created: Created) -> None:
    _grow(created)
    path = created.vault.paths.db
    size = path.stat().st_size
    assert size > 8 * 4096
    with path.open("r+b") as handle:
        handle.seek(size // 2)
        handle.write(b"\x00\xff\x00\xff")
    with pytest.raises(DatabaseDamagedError, match=r"HMAC|malformed"):
        _open_and_check(created.vault)


def test_flipped_bytes_on_the_first_page_are_told_apart_from_a_wrong_passphrase(
        created: Created) -> None:
    created.session.close()
    path = created.vault.paths.db
    with path.open("r+b") as handle:
        handle.seek(100)
        handle.write(b"\xff" * 4)
    with pytest.raises(DatabaseDamagedError, match="damaged"):
        created.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.99, 4096 + 100])
def test_truncated_database_is_never_accepted(created: Created, keep: float) -> None:
    _grow(created)
    path = created.vault.paths.db
    size = path.stat().st_size
    new_size = int(size * keep) if keep < 1 else int(keep)
    with path.open("r+b") as handle:
        handle.truncate(new_size)
    with pytest.raises(DatabaseDamagedError):
        _open_and_check(created.vault)


def test_missing_database_is_a_clear_error(vault: Vault) -> None:
    with pytest.raises(NotFoundError, match="casetracker init"):
        vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_copy_of_the_files_elsewhere_still_opens(created: Created, tmp_path: Path) -> None:
    created.session.close()
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.copy(created.vault.paths.db, moved / "x.db")
    shutil.copy(created.vault.paths.keys, moved / "x.db.keys")
    session = Vault(moved / "x.db", kdf=created.vault.kdf).unlock(
        SUPERVISOR, SUPERVISOR_PASSPHRASE)
    session.close()
