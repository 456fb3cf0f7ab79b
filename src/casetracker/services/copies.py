"""The copies of a database the program itself made, found again when they must be dealt with.

Three kinds exist. An upgrade makes `case.db.schemaN-STAMP.bak` (with its `.bak.keys`) before
its first step; it is removed at the end of the first unlock after which the upgraded file
has opened and passed a full check, since every extra copy is one that a purge or an
account's removal would have to chase. A crash can leave a half-written key file
(`.case.db.keys.*.tmp`) or a half-copied restore (`.case.db.restoring`) beside the database.
And `backup` writes a pair of files wherever a supervisor chooses, recorded in the audit trail
(with the full path since this version).

When an account is removed or a case purged, the program removes the first two kinds, takes
the removed account's slot out of every backup's key file it can reach, and lists the backups
that still hold the old data key or the case, so that the supervisor can destroy them: the
program never deletes a backup someone chose to make. Copies made outside the program (a file
manager, a sync tool, a restore to another path) are not known to it.
"""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from casetracker.domain.accounts import Role
from casetracker.domain.errors import CaseTrackerError, UsageError
from casetracker.security.keyslots import KeyFile
from casetracker.services import rekey_copy
from casetracker.services.session import Session, VaultPaths
from casetracker.storage import connection as db
from casetracker.storage.repositories import AuditRepository

_ALL = 10**9  # every entry: backups are made at most a few times a day


def upgrade_backups(paths: VaultPaths) -> list[Path]:
    """The copies an upgrade made beside the database, with their key files."""
    name = glob.escape(paths.db.name)
    return sorted(p for p in paths.db.parent.glob(f"{name}.schema*-*.bak*")
                  if p.name.endswith((".bak", ".bak.keys")))


def crash_leftovers(paths: VaultPaths) -> list[Path]:
    """Half-written key files and half-copied restores a crash left beside the database.

    Only safe to remove while the database's write lock is held: every key file is written
    under it, so no other process is in the middle of writing one.
    """
    folder, keys = paths.db.parent, glob.escape(paths.keys.name)
    found = list(folder.glob(f".{keys}.*.tmp"))
    found += [p for p in (folder / f".{paths.db.name}.restoring",
                          folder / f".{paths.keys.name}.restoring") if p.exists()]
    found += rekey_copy.leftovers(paths)  # a removal's copy under a key no one holds
    return sorted(found)


def _remove(files: list[Path]) -> tuple[list[Path], list[Path]]:
    removed, kept = [], []
    for path in files:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError:
            kept.append(path)
        else:
            removed.append(path)
    return removed, kept


def after_unlock(session: Session) -> None:
    """Remove the upgrade's copies once the upgraded database opens and every page checks.

    A database that fails the check keeps them (and the audit trail says so) until it passes.
    """
    if rekey_copy.leftovers(session.paths):  # a stopped or killed removal's staging copy
        with session.changing():  # the lock: no rekey is running (it holds it throughout)
            _remove(rekey_copy.leftovers(session.paths))
    files = upgrade_backups(session.paths)
    if not files:
        return
    problems = db.integrity_problems(session.conn)
    if problems:
        session.audit("vault.upgrade_copy_kept", None, files=[p.name for p in files],
                      problems=len(problems))
        return
    removed, kept = _remove(files)
    session.audit("vault.upgrade_copy_removed", None, files=[p.name for p in removed],
                  could_not_remove=[p.name for p in kept])


@dataclass(frozen=True, slots=True)
class RemainingCopy:
    """A copy the program made that still holds what was meant to go."""

    path: Path
    made_at: str
    found: bool  # at `path` now; False when it was moved, deleted, or its folder unrecorded
    slot_removed: bool = False  # the removed account's slot was taken out of its key file


@dataclass(frozen=True, slots=True)
class CopiesReport:
    """What became of the program's copies when an account was removed or a case purged."""

    holds: str  # what the remaining copies still hold, in words
    removed: tuple[Path, ...] = ()
    remaining: tuple[RemainingCopy, ...] = ()

    def lines(self) -> list[str]:
        """One line per file that remains, for the supervisor to deal with."""
        out = []
        for copy in self.remaining:
            made = f"made {copy.made_at[:10]}" if copy.made_at else "date unknown"
            if copy.found:
                taken = "; the account's key slot was taken out of its key file" \
                    if copy.slot_removed else ""
                out.append(f"still holds {self.holds}: backup {copy.path} ({made}{taken}); "
                           "destroy it (and its .keys file) once a newer backup exists")
            else:
                out.append(f"may still hold {self.holds}: backup {copy.path} ({made}), no "
                           "longer at that path; wherever it is now, destroy it and its "
                           ".keys file once a newer backup exists")
        return out


@dataclass(frozen=True, slots=True)
class _Recorded:
    path: Path
    made_at: str
    path_known: bool


def _backups_since(session: Session, *, created_by: str, subject: str) -> list[_Recorded]:
    """Backups recorded in the audit trail since the entry `created_by` about `subject`
    (every recorded backup when there is none), newest path first, each path once."""
    repo = AuditRepository(session.conn)
    created = repo.search(action=created_by, subject=subject, limit=1)
    since = created[-1].seq if created else 0
    seen: dict[Path, _Recorded] = {}
    for entry in reversed(repo.search(action="backup.create", limit=_ALL)):
        if entry.seq < since or entry.action != "backup.create":
            continue
        recorded = entry.details.get("path")
        name = str(entry.details.get("file", "?"))
        path = Path(recorded) if isinstance(recorded, str) else Path(name)
        seen.setdefault(path, _Recorded(path, entry.at, isinstance(recorded, str)))
    return list(seen.values())


@dataclass(frozen=True, slots=True)
class MadeBackup:
    """A backup the program made, as the audit trail recorded it (newest first in lists)."""

    path: Path
    made_at: str
    found: bool  # still at `path`
    size: int | None  # as recorded when it was made (None before sizes were recorded)
    counts: dict[str, int]  # what it held when made (empty before counts were recorded)


def program_backups(session: Session) -> list[MadeBackup]:
    """Every backup recorded in the audit trail, newest first, each path once (supervisors)."""
    session.require("listing backups", Role.SUPERVISOR)
    seen: dict[Path, MadeBackup] = {}
    for entry in reversed(AuditRepository(session.conn).search(action="backup.create",
                                                                limit=_ALL)):
        if entry.action != "backup.create":
            continue
        recorded = entry.details.get("path")
        path = Path(recorded) if isinstance(recorded, str) else Path(
            str(entry.details.get("file", "?")))
        size = entry.details.get("size")
        counts = entry.details.get("counts")
        seen.setdefault(path, MadeBackup(
            path, entry.at, isinstance(recorded, str) and path.exists(),
            size if isinstance(size, int) else None,
            dict(counts) if isinstance(counts, dict) else {}))
    return list(seen.values())


def days_since_last_backup(session: Session) -> int | None:
    """Whole days since the newest backup the program made (None: never made one);
    supervisors, who are reminded when it is more than the program's setting."""
    from casetracker.domain import clock

    session.require("checking when the last backup was made", Role.SUPERVISOR)
    newest = AuditRepository(session.conn).search(action="backup.create", limit=1)
    if not newest:
        return None
    made = datetime.fromisoformat(newest[-1].at)
    return max(0, (clock.now() - made).days)


def _sweep_beside(session: Session) -> list[Path]:
    with session.changing():  # holds the write lock: no key file is half-written by another
        removed, _ = _remove(upgrade_backups(session.paths) + crash_leftovers(session.paths))
    return removed


def after_account_removal(session: Session, name: str) -> CopiesReport:
    """Remove the copies beside the database, take `name`'s slot out of every backup's key
    file within reach, and list the backups made while `name` held a key."""
    removed = _sweep_beside(session)
    remaining = []
    for backup in _backups_since(session, created_by="account.add", subject=name):
        found = backup.path_known and backup.path.exists()
        taken = found and _drop_slot(Path(f"{backup.path}.keys"), session.vault_id, name)
        remaining.append(RemainingCopy(backup.path, backup.made_at, found, taken))
    report = CopiesReport(f"data under a key {name} could open", tuple(removed),
                          tuple(remaining))
    _audit(session, "account.remove_copies", name, report)
    return report


def after_purge(session: Session, case_number: str) -> CopiesReport:
    """Remove the copies beside the database and list the backups made while the case
    existed: they still hold it, and only their destruction finishes the purge."""
    removed = _sweep_beside(session)
    remaining = [RemainingCopy(b.path, b.made_at, b.path_known and b.path.exists())
                 for b in _backups_since(session, created_by="survivor.create",
                                         subject=case_number)]
    report = CopiesReport(f"case {case_number}", tuple(removed), tuple(remaining))
    _audit(session, "survivor.purge_copies", case_number, report)
    return report


def _drop_slot(keys_path: Path, vault_id: str, name: str) -> bool:
    """Take `name`'s slot out of a backup's key file, if that file is this vault's; True when
    the file holds no slot for `name` afterwards."""
    try:
        keyfile = KeyFile.load(keys_path)
        if keyfile.vault_id != vault_id:
            return False  # another database's backup now has that name: not ours to change
        slot = keyfile.user_slot(name)
        if slot is not None:
            keyfile.slots = [s for s in keyfile.slots if s.id != slot.id]
            keyfile.save(keys_path)
    except (OSError, CaseTrackerError):
        return False  # unreadable, read-only or damaged: it is listed as it is
    return True


def _audit(session: Session, action: str, subject: str, report: CopiesReport) -> None:
    if report.removed or report.remaining:
        session.audit(action, subject, removed=[p.name for p in report.removed],
                      remaining=[str(c.path) for c in report.remaining])


def after_scheduled_purge(session: Session, whole_cases: list[str]) -> CopiesReport:
    """After a scheduled purge: remove the copies beside the database and list every backup
    the program made before it (each holds what was just purged; `backup --prune` removes
    them once a newer backup exists)."""
    removed = _sweep_beside(session)
    remaining = [RemainingCopy(b.path, b.made_at, b.found) for b in known_backups(session)]
    what = (f"{len(whole_cases)} purged case{'' if len(whole_cases) == 1 else 's'}"
            if whole_cases else "parts of cases just purged")
    report = CopiesReport(what, tuple(removed), tuple(remaining))
    if removed or remaining:
        session.audit("retention.purge_copies", None, removed=[p.name for p in removed],
                      remaining=[str(c.path) for c in remaining])
    return report


@dataclass(frozen=True, slots=True)
class KnownBackup:
    """A backup the program made: where, when, whether it is still there, and whether it
    was made before a purge (so it still holds what the policy says must go)."""

    path: Path
    made_at: str
    found: bool
    past_policy: bool


def _last_purge_seq(session: Session) -> int:
    last = AuditRepository(session.conn).search(action="survivor.purge", limit=1)
    return last[-1].seq if last else 0


def known_backups(session: Session) -> list[KnownBackup]:
    """Every backup the audit trail records (each path once, its latest), oldest first."""
    session.require("listing backups", Role.SUPERVISOR)
    purged = _last_purge_seq(session)
    latest: dict[Path, KnownBackup] = {}
    for entry in AuditRepository(session.conn).search(action="backup.create", limit=_ALL):
        if entry.action != "backup.create":
            continue
        recorded = entry.details.get("path")
        path = Path(recorded) if isinstance(recorded, str) else Path(
            str(entry.details.get("file", "?")))
        found = isinstance(recorded, str) and path.exists()
        latest.pop(path, None)
        latest[path] = KnownBackup(path, entry.at, found, entry.seq < purged)
    return list(latest.values())


def _shred(path: Path) -> None:
    """Overwrite a file with zeros, flush it to the disk and remove it. On an SSD or a
    copy-on-write file system the old blocks may survive: the backup is encrypted, and
    this only makes its removal as thorough as the disk allows."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        for _ in range(0, size, 1 << 20):
            handle.write(b"\0" * min(1 << 20, size - handle.tell()))
        handle.flush()
        os.fsync(handle.fileno())
    path.unlink()


@dataclass(frozen=True, slots=True)
class PruneReport:
    removed: tuple[Path, ...]
    could_not_remove: tuple[Path, ...]
    missing: tuple[Path, ...]  # recorded, but no longer at their path


def prune_backups(session: Session) -> PruneReport:
    """Securely delete the backups the program made before the latest purge (each still
    holds purged cases), once a backup made since then exists; supervisors, audited."""
    session.require("pruning backups", Role.SUPERVISOR)
    backups = known_backups(session)
    if not any(b.found and not b.past_policy for b in backups) and any(
            b.past_policy and b.found for b in backups):
        raise UsageError("every backup was made before the latest purge: make a new backup "
                         "first ('backup FILE'), then prune the old ones; nothing was removed")
    removed, failed, missing = [], [], []
    for backup in backups:
        if not backup.past_policy:
            continue
        if not backup.found:
            missing.append(backup.path)
            continue
        try:
            for path in (backup.path, Path(f"{backup.path}.keys")):
                if path.exists():
                    _shred(path)
        except OSError:
            failed.append(backup.path)
        else:
            removed.append(backup.path)
    report = PruneReport(tuple(removed), tuple(failed), tuple(missing))
    if removed or failed:
        with session.changing():
            session.audit("backup.prune", None, removed=[str(p) for p in removed],
                          could_not_remove=[str(p) for p in failed])
    return report
