"""Encrypted backups (the database and its key file) and restoring one, both verified."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from casetracker.domain.accounts import Role
from casetracker.domain.errors import (
    AlreadyExistsError,
    AuthenticationError,
    CaseTrackerError,
    DatabaseDamagedError,
    KeyFileError,
    NotFoundError,
    OperationCancelledError,
    UsageError,
)
from casetracker.security import envelope
from casetracker.security.atomic import fsync_directory
from casetracker.security.keyslots import KeyFile, KeySlot, SlotSecrets
from casetracker.security.lockout import held
from casetracker.security.passphrase import secret_bytes
from casetracker.services.errors import readable_storage_errors
from casetracker.services.session import Session
from casetracker.services.vault import Vault
from casetracker.storage import connection as db
from casetracker.storage.migrations import schema_version
from casetracker.storage.repositories import UserRepository


@dataclass(frozen=True, slots=True)
class BackupResult:
    path: Path
    keys_path: Path
    sha256: str
    size: int = 0  # bytes of the database copy
    counts: dict[str, int] = field(default_factory=dict)  # what it holds (`content_counts`)


# `progress(fraction)` is told how far a long operation is (0..1, or None when unknown) and
# answers whether to go on; False stops it and undoes what it began.
Progress = Callable[[float | None], bool]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _go_on(progress: Progress | None, fraction: float | None) -> None:
    if progress is not None and not progress(fraction):
        raise OperationCancelledError("stopped; nothing was changed")


def integrity_check(session: Session, progress: Progress | None = None) -> list[str]:
    """Every page's authentication and SQLite's structural check; empty when all is sound.
    A check stopped through `progress` is not audited (it changed nothing)."""
    session.require("checking the database")
    _go_on(progress, None)
    with readable_storage_errors(), db.watching(session.conn, lambda: _still(progress)):
        problems = db.integrity_problems(session.conn)
    _go_on(progress, 1.0)  # the page check itself cannot be stopped part way
    session.audit("vault.check", None, ok=not problems, problems=len(problems))
    return problems


def _still(progress: Progress | None, fraction: float | None = None) -> bool:
    return progress is None or progress(fraction)


@readable_storage_errors()
def create_backup(session: Session, out: Path, progress: Progress | None = None,
                  ) -> BackupResult:
    """Write an encrypted copy of the database to `out` and the key file to `out.keys`,
    check every page of the copy, and count what it holds. Stopped through `progress`, it
    leaves no file behind and writes nothing to the audit trail."""
    session.require("making a backup", Role.SUPERVISOR)
    keys_out = Path(f"{out}.keys")
    for path in (out, keys_out):
        if path.exists():
            raise AlreadyExistsError(f"{path} already exists; choose another backup file name")
    folder = out.parent.absolute()
    new_folders = []
    while not folder.exists():
        new_folders.append(folder)
        folder = folder.parent
    out.parent.mkdir(parents=True, exist_ok=True)
    total = max(1, session.paths.db.stat().st_size)

    def copied() -> bool:  # the copy grows towards the database's size
        try:
            done = out.stat().st_size / total
        except OSError:
            done = 0.0
        return _still(progress, min(0.9, 0.9 * done))

    try:
        with db.watching(session.conn, copied, every=2000):
            db.export_copy(session.conn, out, session.data_key, schema_version(session.conn))
        _go_on(progress, 0.9)
        KeyFile.load(session.paths.keys).save(keys_out)
        problems = db.check_file(out, session.data_key)
        if problems:
            raise DatabaseDamagedError(f"the backup did not verify: {problems[0]}")
        _go_on(progress, 0.95)
        check = db.connect_readonly(out, session.data_key)
        try:
            counts = db.content_counts(check)
        finally:
            check.close()
    except BaseException:
        for path in (out, keys_out):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
        for made in new_folders:  # deepest first
            try:
                made.rmdir()
            except OSError:
                break
        raise
    digest = _sha256(out)
    # The full path lets a purge or an account's removal name this copy again later.
    session.audit("backup.create", None, file=out.name, path=str(out.resolve()), sha256=digest,
                  size=out.stat().st_size, counts=counts)
    return BackupResult(out, keys_out, digest, out.stat().st_size, counts)


@readable_storage_errors()
def restore_backup(source: Path, target: Vault, name: str, passphrase: str,
                   progress: Progress | None = None) -> Session:
    """Put the backup `source` (with `source.keys`) in place as `target`, which must not exist.

    The backup is checked before anything is written: the passphrase must open one of its
    supervisor slots, and every page must authenticate. Until a supervisor's passphrase has
    proved right, every failure gives the same answer (an unknown name, a wrong passphrase,
    a right one of an account that is not a supervisor, a key file or database too damaged to
    tell), so that restoring is no way to learn whether a guess was right; each counts against
    the slot tried in the user's failed-attempt store, which a new target path does not reset.
    Returns a session on the restored vault, where the restore is audited.
    """
    source_keys = Path(f"{source}.keys")
    if not source.exists():
        raise NotFoundError(f"no backup at {source}")
    if not source_keys.exists():
        raise KeyFileError(f"the backup's key file {source_keys.name} is missing beside it")
    for path in (target.paths.db, target.paths.keys):
        if path.exists():
            raise AlreadyExistsError(
                f"{path} already exists; restore to a new path, or move the old files away first")
    try:
        with source.open("rb"):
            pass  # unreadable now, not only after a right passphrase (that would tell)
    except OSError as exc:
        raise UsageError(f"cannot read the backup {source}: {exc.strerror}") from None
    source_wal = Path(f"{source}-wal")
    if source_wal.exists() and source_wal.stat().st_size > 0:
        raise UsageError(
            f"{source.name} is in use or was not closed cleanly ({source_wal.name} is beside "
            "it); close the program using it, or restore from a file made by 'backup'")
    with _undone_on_failure(target):
        return _restore(source, source_keys, target, name, passphrase, progress)


@contextlib.contextmanager
def _undone_on_failure(target: Vault) -> Iterator[None]:
    """A restore that fails leaves nothing at the target that was not there before: no
    lockout file, no half-copied file, no new folder. (Failed passphrases are counted in the
    user's store, keyed by the backup's slot, never at the target, so removing what was made
    there resets nothing.)"""
    paths = target.paths
    made = [paths.db, paths.keys, paths.lockout, paths.wal, paths.shm,
            *(_staging(p) for p in (paths.db, paths.keys))]
    before = {p for p in made if p.exists()}
    new_folders = []
    folder = paths.db.parent.absolute()
    while not folder.exists():
        new_folders.append(folder)
        folder = folder.parent
    try:
        yield
    except BaseException:
        for path in made:
            if path not in before:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
        for folder in new_folders:  # deepest first; a folder something else now uses stays
            try:
                folder.rmdir()
            except OSError:
                break
        raise


def _staging(path: Path) -> Path:
    return path.with_name(f".{path.name}.restoring")


class _RefusedError(Exception):
    """Any failure before a supervisor's passphrase is proved: answered alike."""


def _refusal(name: str) -> AuthenticationError:
    return AuthenticationError(
        f"the backup does not open for {name!r} as a supervisor: the name or the passphrase "
        "is wrong, the account is not a supervisor of that backup, or the backup or its key "
        "file is damaged")


def _restore(source: Path, source_keys: Path, target: Vault, name: str,
             passphrase: str, progress: Progress | None = None) -> Session:
    keyfile = KeyFile.load(source_keys)
    slot = keyfile.user_slot(name)
    if slot is None:
        raise _refusal(name)  # no slot, nothing to guess against: names are no secret
    target.require_accepted_cost(slot, slot.name or name)  # the file's fault, not the guess's
    tag = slot.throttle_tag
    with held(None, target.attempts_store, target.clock) as throttle:
        throttle.check(tag)
        failures = throttle.failures(tag)
        try:
            secrets = slot.unwrap(keyfile.vault_id, secret_bytes(passphrase))
            data_key = _supervisor_key(source, keyfile, slot, secrets, slot.name or name)
        except (_RefusedError, envelope.SealError):
            throttle.record_failure(tag, name)
            raise _refusal(name) from None
        throttle.record_success(tag)
    # A supervisor's passphrase is proved: from here on, the backup's faults are named.
    _go_on(progress, 0.2)
    problems = db.check_file(source, data_key)
    if problems:
        raise DatabaseDamagedError(f"the backup is damaged: {problems[0]}")
    _go_on(progress, 0.5)
    target.paths.db.parent.mkdir(parents=True, exist_ok=True)
    staged = [(source, target.paths.db), (source_keys, target.paths.keys)]
    for src, dst in staged:
        tmp = _staging(dst)
        _copy(src, tmp, progress)
        tmp.replace(dst)
    fsync_directory(target.paths.db.parent)
    _go_on(progress, 0.9)
    session = target.unlock(name, passphrase)
    try:
        session.audit("backup.restore", None, source=source.name, sha256=_sha256(source),
                      failed_attempts_before=failures)
    except BaseException:
        session.close()
        raise
    return session


def _copy(source: Path, target: Path, progress: Progress | None) -> None:
    """Copy in blocks, asking `progress` between them (the part of 0.5..0.9 it reports)."""
    total = max(1, source.stat().st_size)
    done = 0
    with source.open("rb") as reader, target.open("wb") as writer:
        for block in iter(lambda: reader.read(1 << 22), b""):
            writer.write(block)
            done += len(block)
            _go_on(progress, 0.5 + 0.4 * min(1.0, done / total))
        writer.flush()
        os.fsync(writer.fileno())


def _supervisor_key(source: Path, keyfile: KeyFile, slot: KeySlot, secrets: SlotSecrets,
                    name: str) -> bytes:
    """The backup's data key, once its database says `name` is an active supervisor.

    Cheap on purpose (no page is checked before the role is known): a right passphrase of
    another account must cost about what a wrong one does. Every fault raises `_RefusedError`.
    """
    try:
        candidates = slot.data_key_candidates(keyfile.vault_id, secrets)
        for data_key in candidates:
            try:
                conn = db.connect_readonly(source, data_key)
            except db.WrongKeyError:
                continue
            try:
                account = UserRepository(conn).by_name(name)
            finally:
                conn.close()
            if account is not None and account.active and account.role is Role.SUPERVISOR:
                return bytes(data_key)
            raise _RefusedError
    except (_RefusedError, envelope.SealError, CaseTrackerError, OSError):
        raise _RefusedError from None
    except Exception as exc:
        if db.is_database_error(exc):
            raise _RefusedError from None
        raise
    raise _RefusedError
