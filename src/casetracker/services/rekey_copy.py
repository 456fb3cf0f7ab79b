"""A rekey that can be stopped: a copy under a new data key, swapped in only when complete.

`keyring.rekey` re-encrypts the database in place (`PRAGMA rekey`), which cannot be stopped
part way. `rekey_by_copy` (used when an account is removed) instead:

1. takes the database's write lock on a connection of its own and holds it to the end, so no
   change made meanwhile by another window or command can be lost by the swap (they wait, or
   are told the database is busy); the write-ahead log is emptied first (step 5 needs it);
2. exports the database into a staging file beside it (`.NAME.rekeying`) under a new data key;
3. makes the change that needs the new key (the account's removal) in that copy only, where
   it also records the rekey as pending, and checks every page of the copy;
4. writes the key file with the new key sealed, as "next", to every slot the copy still knows
   (the removed account's slot gets none and keeps only the old key);
5. renames the copy over the database (one atomic rename), then removes the old file's empty
   log and shared-memory names, so the copy never reads the old file's;
6. opens the copy and finishes as `keyring` does: next keys become current, slots the
   database no longer knows (the removed account's) are dropped, the pending mark is cleared.

Until step 4 begins, `progress` may stop it (Cancel): the staging files are deleted and the
database, its key file and its account are exactly as they were. A process killed before the
rename leaves the old database in place; the next unlock drops the unrecorded next keys
(`keyring.reconcile`) and the staging files are swept as crash leftovers
(`copies.crash_leftovers`). Killed after the rename, the next unlock opens the copy with the
next key and finishes step 6. The new key never exists on disk outside the copy's key file
seals, so a leftover staging file opens for no one.

Windows does not let an open file be replaced, so there the change is made in place and the
database rekeyed in place (`keyring.rekey`), which cannot be stopped part way.

Another process that had the old file open before the swap and writes after it would write
to the replaced file; so that it fails loudly instead of losing its change, the old file is
left with every table refusing writes before the lock is released (`_refuse_writes`).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

from casetracker.domain.errors import OperationCancelledError, UsageError
from casetracker.security import keyslots
from casetracker.security.atomic import fsync_directory
from casetracker.security.keyslots import KeyFile
from casetracker.services import keyring
from casetracker.services.errors import readable_storage_errors
from casetracker.services.session import Session, VaultPaths
from casetracker.storage import connection as db
from casetracker.storage.repositories import MetaRepository

# `progress(fraction)` is told how far the work is (0..1, or None) and answers whether to go
# on; False stops it before the swap and leaves everything as it was (as `backup.Progress`).
Progress = Callable[[float | None], bool]

# Windows refuses to rename over a file that SQLite holds open (see the module).
SWAP_SUPPORTED = os.name != "nt"

# Tests set this to stop (or kill) the process at a named step: "exported", "changed",
# "checked", "keys_written", "renamed". Nothing in the program sets it.
step_hook: Callable[[str], None] | None = None


def staging(paths: VaultPaths) -> VaultPaths:
    """Where the copy under the new key is written before it is swapped in."""
    return VaultPaths(paths.db.with_name(f".{paths.db.name}.rekeying"))


def leftovers(paths: VaultPaths) -> list[Path]:
    """Staging files a stopped or killed rekey left beside the database (only safe to remove
    under the database's write lock, which a running rekey holds throughout)."""
    stage = staging(paths)
    found = [p for p in (stage.db, stage.wal, stage.shm, stage.keys) if p.exists()]
    found += stage.db.parent.glob(f".{stage.keys.name}.*.tmp")
    return sorted(found)


def _discard(paths: VaultPaths) -> None:
    for path in leftovers(paths):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _step(name: str) -> None:
    if step_hook is not None:
        step_hook(name)


def _go_on(progress: Progress | None, fraction: float | None) -> bool:
    return progress is None or progress(fraction)


def _stop_if_asked(progress: Progress | None, fraction: float | None) -> None:
    if not _go_on(progress, fraction):
        raise OperationCancelledError("stopped; nothing was changed")


def _write_lock(session: Session) -> db.Connection:
    """A connection of our own holding the write lock, with the write-ahead log emptied."""
    for _attempt in range(3):
        # An empty log: the copy renamed over the database must not find the old file's
        # pages in a log of the same name. Emptying needs no other reader in a transaction.
        busy, _log, _done = session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        lock = db.connect(session.paths.db, session.data_key)
        try:
            lock.execute("BEGIN IMMEDIATE")
            wal = session.paths.wal
            if not busy and (not wal.exists() or wal.stat().st_size == 0):
                return lock
            lock.execute("ROLLBACK")
        except BaseException:
            lock.close()
            raise
        lock.close()  # something wrote between the two steps: once more
    raise UsageError("the database is busy in another Case Tracker window or command; finish "
                     "or close that one and try again (nothing was changed)")


@readable_storage_errors()
def rekey_by_copy(session: Session, reason: str, change: Callable[[Session], None],
                  progress: Progress | None = None) -> None:
    """Move the database to a new data key with `change(copy_session)` made in the copy, so
    that both land together or neither does (see the module). `session` is reconnected to
    the swapped-in database, under the new key, when this returns."""
    paths = session.paths
    stage = staging(paths)
    _stop_if_asked(progress, 0.0)
    if not SWAP_SUPPORTED:
        change(session)
        keyring.rekey(session, reason)
        return
    lock = _write_lock(session)
    swapped = False
    try:
        _discard(paths)  # a killed earlier attempt's files: the lock says none is running
        new_key = os.urandom(db.KEY_BYTES)
        total = max(1, paths.db.stat().st_size)

        def copied() -> bool:  # the copy grows towards the database's size
            try:
                done = stage.db.stat().st_size / total
            except OSError:
                done = 0.0
            return _go_on(progress, min(0.7, 0.7 * done))

        from casetracker.storage.migrations import schema_version  # not at start-up

        try:
            with db.watching(session.conn, copied, every=2000):
                db.export_copy(session.conn, stage.db, new_key, schema_version(session.conn))
            _step("exported")
            _stop_if_asked(progress, 0.7)
            _prepare(session, stage, new_key, reason, change)
            _step("changed")
            _stop_if_asked(progress, 0.75)
            _check(stage, new_key, progress)
            _step("checked")
            _stop_if_asked(progress, 0.95)
        except BaseException as exc:
            _discard(paths)
            if db.is_database_error(exc) and "interrupt" in str(exc):
                raise OperationCancelledError("stopped; nothing was changed") from exc
            raise
        # From here on it is not stopped: the next steps take milliseconds, and a crash in
        # them is finished or undone at the next unlock (see the module).
        old_keys = KeyFile.load(paths.keys)
        try:
            if stage.wal.exists() and stage.wal.stat().st_size > 0:
                # The copy's pages must all be in its file: only the file is renamed.
                raise UsageError("the re-encrypted copy was not complete; nothing was changed")
            _seal_next(session, stage, new_key)
        except BaseException:
            _discard(paths)
            raise
        _step("keys_written")
        try:
            stage.db.replace(paths.db)
        except BaseException:  # refused (on Windows, an open file cannot be replaced)
            with contextlib.suppress(Exception):
                old_keys.save(paths.keys)
            _discard(paths)
            raise
        swapped = True
        for name in (paths.wal, paths.shm):  # the old file's, empty: the copy makes its own
            with contextlib.suppress(FileNotFoundError):
                name.unlink()
        fsync_directory(paths.db.parent)
        _step("renamed")
        _discard(paths)  # the copy's key file, and the empty log its checks left
        _refuse_writes(lock)
    finally:
        with contextlib.suppress(Exception):
            lock.execute("COMMIT" if swapped else "ROLLBACK")
        lock.close()
    session.reconnect(new_key, session.slot_secrets)
    keyring.finish_rekey(session, new_key)
    if progress is not None:
        progress(1.0)


def _prepare(session: Session, stage: VaultPaths, new_key: bytes, reason: str,
             change: Callable[[Session], None]) -> None:
    """Record the pending rekey and make `change` in the copy, on a session of the copy."""
    KeyFile.load(session.paths.keys).save(stage.keys)
    conn = db.connect(stage.db, new_key, probed=True)
    try:
        copy = Session(stage, conn, session.account, data_key=new_key,
                       vault_id=session.vault_id, slot_secrets=session.slot_secrets,
                       kdf=session.kdf, policy=session.policy)
    except BaseException:
        conn.close()
        raise
    with copy:
        with copy.changing():
            # Only a rekey recorded in the database is finished at unlock (`keyring`).
            MetaRepository(copy.conn).set(keyring.PENDING_REKEY,
                                          keyring.key_hash(new_key).encode())
            copy.audit("vault.rekey_started", None, reason=reason)
        change(copy)
    # Closing the copy's last connection folds its log into the file and deletes the log.


def _check(stage: VaultPaths, new_key: bytes, progress: Progress | None) -> None:
    conn = db.connect_readonly(stage.db, new_key)
    try:
        with db.watching(conn, lambda: _go_on(progress, None)):
            problems = db.integrity_problems(conn)
    finally:
        conn.close()
    if problems:
        raise UsageError(f"the re-encrypted copy did not check ({problems[0]}); nothing was "
                         "changed")


def _seal_next(session: Session, stage: VaultPaths, new_key: bytes) -> None:
    """The key file with the new key sealed, as next, to every slot the copy knows. The
    others (the removed account's) keep the old key only, which opens the old file and
    nothing after the swap; the audit head stays the old file's (the copy holds it too)."""
    copy = db.connect_readonly(stage.db, new_key)
    try:
        keyfile = KeyFile.load(session.paths.keys)
        keyfile.slots = [
            keyslots.reseal_slot(slot, session.vault_id, new_key, session.signing_key,
                                 as_next=True)
            if keyring.slot_is_recorded(copy, slot) else slot
            for slot in keyfile.slots]
    finally:
        copy.close()
    keyfile.save(session.paths.keys)


def _refuse_writes(lock: db.Connection) -> None:
    """Make every table of the replaced file refuse writes, so that a connection another
    process opened before the swap fails instead of writing where nothing reads."""
    tables = [name for name, sql in lock.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'")
        if sql and not sql.upper().startswith("CREATE VIRTUAL")]
    message = "this database was re-encrypted and replaced; open it again"
    for number, table in enumerate(tables):
        for event in ("INSERT", "UPDATE", "DELETE"):
            with contextlib.suppress(Exception):  # a table that takes no trigger is skipped
                lock.execute(
                    f'CREATE TRIGGER "_replaced_{number}_{event.lower()}" BEFORE {event} ON '
                    f'"{table}" BEGIN SELECT RAISE(ABORT, \'{message}\'); END')
