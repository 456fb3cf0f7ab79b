"""Attacks on the copies the program makes: after a purge or an account's removal, walk every
file the program left (upgrade copies, crash leftovers, backups) and try to read the purged
case or open a key with the removed account's passphrase.

Each copy is either gone, or no longer opens for the removed account, or named to the
supervisor in the report (and on the command line): nothing is left silently.
"""

from __future__ import annotations

import contextlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain.accounts import Role
from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.notes import ContactType
from casetracker.domain.survivors import CaseStatus
from casetracker.security.kdf import FAST_INSECURE
from casetracker.security.keyslots import KeyFile
from casetracker.security.sealed import SealError
from casetracker.services import accounts, backup, notes, retention, survivors
from casetracker.services.session import Session
from casetracker.services.vault import Vault
from casetracker.storage import connection as db
from casetracker.storage.migrations import schema_version
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE, SUPERVISOR, SUPERVISOR_PASSPHRASE
from tests.security.test_purge import database_plaintext, forms, wal_plaintext

CASE = "CT-COPY-1"
CANARIES = {"preferred_name": "Zyquorith", "legal_last_name": "Quaxmortlebee",
            "note": "Kwibbledorf"}


def take_in(team: Team) -> str:
    cm = team.case_manager
    survivors.create_survivor(cm, survivors.draft(
        CASE, CANARIES["preferred_name"], legal_last_name=CANARIES["legal_last_name"]))
    notes.add_note(cm, CASE, f"Met at {CANARIES['note']}", ContactType.IN_PERSON)
    return CASE


@dataclass
class Leftovers:
    upgrade_copy: Path
    upgrade_keys: Path
    half_written_keys: Path
    half_restored: Path

    def all(self) -> set[Path]:
        return {self.upgrade_copy, self.upgrade_keys, self.half_written_keys,
                self.half_restored}


def leave_copies(session: Session) -> Leftovers:
    """What an older release (which kept its upgrade copies) and two crashes left beside the
    database, each holding the data key's slots and the case as they are now."""
    paths = session.paths
    folder = paths.db.parent
    left = Leftovers(folder / f"{paths.db.name}.schema2-20240101T000000Z.bak",
                     folder / f"{paths.db.name}.schema2-20240101T000000Z.bak.keys",
                     folder / f".{paths.keys.name}.0123456789ab.tmp",
                     folder / f".{paths.db.name}.restoring")
    for target in (left.upgrade_copy, left.half_restored):
        db.export_copy(session.conn, target, session.data_key, schema_version(session.conn))
    for target in (left.upgrade_keys, left.half_written_keys):
        shutil.copyfile(paths.keys, target)
    return left


def every_file(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def readable_canaries(path: Path, data_key: bytes) -> set[str]:
    """The canaries found in `path`: in its bytes, and in its pages decrypted with
    `data_key` where it is a database under that key."""
    raw = path.read_bytes()
    pages = [raw]
    if raw and len(raw) % 4096 == 0:
        # Not a database under this key: its bytes were searched above.
        with contextlib.suppress(AssertionError):
            pages += database_plaintext(path, data_key)
    if path.name.endswith("-wal"):
        pages += wal_plaintext(path, data_key)
    blob = b"\x00".join(pages)
    return {place for place, word in CANARIES.items() if any(f in blob for f in forms(word))}


def close_others(team: Team) -> None:
    for session in (team.case_manager, team.other_case_manager, team.coordinator):
        session.close()


# -- purge ----------------------------------------------------------------------------------


def test_a_purged_case_is_in_no_copy_the_program_left_unnamed(team: Team,
                                                             tmp_path: Path) -> None:
    early = backup.create_backup(team.supervisor, tmp_path / "backups" / "early.db")
    take_in(team)
    kept = backup.create_backup(team.supervisor, tmp_path / "backups" / "monday.db")
    left = leave_copies(team.supervisor)
    survivors.set_status(team.case_manager, CASE, CaseStatus.CLOSED)
    close_others(team)
    key = team.supervisor.data_key
    assert readable_canaries(left.half_restored, key) == set(CANARIES)  # the scan sees them

    report = retention.purge_case(team.supervisor, CASE, CASE)

    assert set(report.copies.removed) == left.all()
    assert [(c.path, c.found) for c in report.copies.remaining] == [
        (kept.path.resolve(), True)]  # the early backup never held the case: not named
    named = {kept.path.resolve(), kept.keys_path.resolve()}
    for path in every_file(tmp_path):
        if path.resolve() in named:
            continue
        assert readable_canaries(path, key) == set(), path
    # The one named still holds it: that is why it is named.
    assert readable_canaries(kept.path, key) == set(CANARIES)
    assert early.path.exists()  # a backup is never deleted for you
    assert kept.path.exists()
    assert any(str(kept.path.resolve()) in line and CASE in line
               for line in report.copies.lines())


def test_purge_on_the_command_line_names_each_backup_that_still_holds_the_case(
        team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    take_in(team)
    made = backup.create_backup(team.supervisor, tmp_path / "backups" / "monday.db")
    survivors.set_status(team.case_manager, CASE, CaseStatus.CLOSED)
    team.close()
    secret = tmp_path / "pp.txt"
    secret.write_text(SUPERVISOR_PASSPHRASE)
    assert main(["survivor", "purge", CASE, "--confirm", CASE, "--db", str(team.vault.paths.db),
                 "--user", SUPERVISOR, "--passphrase-file", str(secret)],
                kdf=FAST_INSECURE, clock=team.vault.clock) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0].startswith(f"purged {CASE}")
    assert lines[1:] == [
        f"casetracker: still holds case {CASE}: backup {made.path.resolve()} (made "
        f"{lines[1].split('(made ')[1][:10]}); destroy it (and its .keys file) once a newer "
        "backup exists"]


def test_a_backup_that_moved_or_predates_recorded_paths_is_named_as_unknown(
        team: Team, tmp_path: Path) -> None:
    take_in(team)
    moved = backup.create_backup(team.supervisor, tmp_path / "backups" / "monday.db")
    shutil.move(moved.path, tmp_path / "usb-stick.db")
    # What a backup made by the previous release left in the trail: its name, no folder.
    team.supervisor.audit("backup.create", None, file="old.db", sha256="0" * 64)
    survivors.set_status(team.case_manager, CASE, CaseStatus.CLOSED)
    close_others(team)
    report = retention.purge_case(team.supervisor, CASE, CASE)
    assert [(c.path, c.found) for c in report.copies.remaining] == [
        (Path("old.db"), False), (moved.path.resolve(), False)]
    assert all(line.startswith(f"may still hold case {CASE}") and "no longer at that path"
               in line for line in report.copies.lines())


# -- account removal ------------------------------------------------------------------------


def opens_for(path: Path, name: str, passphrase: str) -> bool:
    """Whether `path`, read as a key file, has a slot `name`'s passphrase opens, or still a
    slot in `name`'s name."""
    try:
        keyfile = KeyFile.from_bytes(path.read_bytes())
    except CaseTrackerError:
        return False
    for slot in keyfile.slots:
        with contextlib.suppress(SealError):
            slot.unwrap(keyfile.vault_id, passphrase.encode())
            return True
    return keyfile.user_slot(name) is not None


def test_a_removed_account_opens_no_copy_the_program_left(team: Team, tmp_path: Path) -> None:
    take_in(team)
    made = backup.create_backup(team.supervisor, tmp_path / "backups" / "monday.db")
    left = leave_copies(team.supervisor)
    kept_by_them = tmp_path / "pocket" / "case.db.keys"  # what the person copied earlier
    kept_by_them.parent.mkdir()
    shutil.copyfile(team.vault.paths.keys, kept_by_them)
    assert opens_for(made.keys_path, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    close_others(team)

    report = accounts.remove_account(team.supervisor, CASE_MANAGER)

    assert set(report.removed) == left.all()
    assert [(c.path, c.found, c.slot_removed) for c in report.remaining] == [
        (made.path.resolve(), True, True)]
    for path in every_file(tmp_path):
        if path != kept_by_them:
            assert not opens_for(path, CASE_MANAGER, CASE_MANAGER_PASSPHRASE), path
    # The honest limit, and why the backup is still named: the key file the person kept
    # opens the backup's data key, which was the database's before the removal's rekey.
    slot = KeyFile.load(kept_by_them).user_slot(CASE_MANAGER)
    assert slot is not None
    secrets = slot.unwrap(KeyFile.load(kept_by_them).vault_id, CASE_MANAGER_PASSPHRASE.encode())
    old_key = slot.data_key_candidates(KeyFile.load(kept_by_them).vault_id, secrets)[0]
    db.probe_key(made.path, old_key)
    with pytest.raises(db.WrongKeyError):
        db.probe_key(team.vault.paths.db, old_key)
    # The backup still restores for the supervisors it names.
    restored = tmp_path / "restored" / "case.db"
    target = Vault(restored, kdf=team.vault.kdf, clock=team.vault.clock)
    backup.restore_backup(made.path, target, SUPERVISOR, SUPERVISOR_PASSPHRASE).close()


def test_user_remove_on_the_command_line_names_the_backups_left(
        team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    made = backup.create_backup(team.supervisor, tmp_path / "backups" / "monday.db")
    team.close()
    secret = tmp_path / "pp.txt"
    secret.write_text(SUPERVISOR_PASSPHRASE)
    assert main(["user", "remove", CASE_MANAGER, "--db", str(team.vault.paths.db),
                 "--user", SUPERVISOR, "--passphrase-file", str(secret)],
                kdf=FAST_INSECURE, clock=team.vault.clock) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith(f"casetracker: still holds data under a key {CASE_MANAGER} could "
                           f"open: backup {made.path.resolve()} (made ")
    assert "key slot was taken out of its key file" in line


def test_a_backup_made_before_the_account_existed_is_not_named(
        team: Team, tmp_path: Path) -> None:
    close_others(team)
    backup.create_backup(team.supervisor, tmp_path / "backups" / "before.db")
    accounts.add_account(team.supervisor, "dee", Role.CASE_MANAGER,
                         "a newcomer's long passphrase")
    assert accounts.remove_account(team.supervisor, "dee").remaining == ()


def test_another_databases_backup_at_a_recorded_path_is_left_alone(
        team: Team, tmp_path: Path) -> None:
    made = backup.create_backup(team.supervisor, tmp_path / "backups" / "monday.db")
    close_others(team)
    foreign = KeyFile.load(made.keys_path)
    foreign.vault_id = "f" * 32  # a different program's file, now at that path
    foreign.save(made.keys_path)
    before = made.keys_path.read_bytes()
    report = accounts.remove_account(team.supervisor, CASE_MANAGER)
    assert made.keys_path.read_bytes() == before
    assert [(c.found, c.slot_removed) for c in report.remaining] == [(True, False)]
    assert "key slot was taken out" not in report.lines()[0]
