"""Schema upgrades: sample files from old releases, backups first, newer files refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casetracker.domain.errors import NewerVersionError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts, audit, survivors
from casetracker.services.vault import Vault
from casetracker.storage import connection as db
from casetracker.storage.migrations import LATEST, STEPS, migrate, schema_version
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE, snapshot

DATA = Path(__file__).resolve().parents[1] / "data"


def sample(tmp_path: Path, schema: int) -> Vault:
    folder = tmp_path / f"schema{schema}"
    shutil.copytree(DATA / f"schema{schema}", folder)
    return Vault(folder / "case.db", kdf=FAST_INSECURE)


def test_schema1_sample_opens_and_reaches_the_latest_schema(tmp_path: Path) -> None:
    vault = sample(tmp_path, 1)
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert schema_version(session.conn) == LATEST
        # Every table of the newest schema works on the upgraded file.
        assert survivors.caseload(session) == []
        assert [a.name for a in accounts.list_accounts(session)] == ["ana", "sam"]
        report = audit.verify_chain(session)
        assert report.ok, report.summary()
        notes = [e for e in audit.recent_entries(session, 50) if e.action == "sample.note"]
        assert notes[0].details == {"made_by": "casetracker 0.1.0"}
    recovery_key = (DATA / "schema1" / "recovery-key.txt").read_text().strip()
    vault.recover("ana", recovery_key, "a fresh passphrase for ana")[0].close()


def test_schema2_sample_opens_with_its_case_records(tmp_path: Path) -> None:
    from casetracker.services import documents, search

    vault = sample(tmp_path, 2)
    with vault.unlock("dana", "sample database for schema two") as session:
        assert schema_version(session.conn) == LATEST
        rows = survivors.caseload(session, status=None)
        assert len(rows) == 6
        record = survivors.get_survivor(session, rows[0].case_number)
        assert len(documents.documents(session, record.case_number)) == 8
        assert search.search(session, record.legal_last_name)
        assert audit.verify_chain(session).ok


def test_upgrade_makes_an_encrypted_backup_first_and_removes_it_once_opened(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The copy exists while the steps run, and goes once the upgraded file has opened and
    checked sound: a copy left behind would outlive purges and account removals."""
    vault = sample(tmp_path, 1)
    seen: list[tuple[int, bool]] = []

    def step(conn: db.Connection) -> None:
        backups = sorted(vault.paths.db.parent.glob("case.db.schema1-*.bak"))
        assert len(backups) == 1
        assert Path(f"{backups[0]}.keys").exists()
        assert backups[0].read_bytes()[:16] != b"SQLite format 3\x00"
        copy = db.connect_readonly(backups[0], data_key_of(vault))
        seen.append((schema_version(copy), copy.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'upgrade_probe'").fetchone()[0]))
        copy.close()
        conn.execute("CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY, note TEXT)")
        conn.execute("INSERT INTO upgrade_probe (note) VALUES ('added by step')")

    monkeypatch.setitem(STEPS, LATEST + 1, step)
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert schema_version(session.conn) == LATEST + 1
        assert session.conn.execute("SELECT note FROM upgrade_probe").fetchone() == (
            "added by step",)
        removed = [e for e in audit.recent_entries(session, 10)
                   if e.action == "vault.upgrade_copy_removed"]
    assert seen == [(1, 0)]  # the copy was the file as it was before any step
    assert len(removed) == 1
    bak, keys = sorted(removed[0].details["files"])
    assert bak.startswith("case.db.schema1-")
    assert bak.endswith(".bak")
    assert keys == f"{bak}.keys"
    assert list(vault.paths.db.parent.glob("case.db.schema*")) == []


def data_key_of(vault: Vault) -> bytes:
    """The sample's data key, read from its key file with the supervisor's passphrase."""
    from casetracker.security.keyslots import KeyFile

    keyfile = KeyFile.load(vault.paths.keys)
    slot = keyfile.user_slot(SUPERVISOR)
    assert slot is not None
    return slot.data_key_candidates(keyfile.vault_id,
                                    slot.unwrap(keyfile.vault_id,
                                                SUPERVISOR_PASSPHRASE.encode()))[0]


def test_an_upgrade_copy_stays_while_the_upgraded_file_fails_its_check(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from casetracker.services import copies

    vault = sample(tmp_path, 1)
    monkeypatch.setattr(copies.db, "integrity_problems", lambda conn: ["page 7: damaged"])
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        kept = [e for e in audit.recent_entries(session, 10)
                if e.action == "vault.upgrade_copy_kept"]
    assert len(kept) == 1
    assert len(list(vault.paths.db.parent.glob("case.db.schema1-*.bak"))) == 1
    monkeypatch.undo()
    vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE).close()  # sound now: the copy goes
    assert list(vault.paths.db.parent.glob("case.db.schema*")) == []


def test_a_failing_step_rolls_back_and_leaves_the_version(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "x.db", b"k" * 32, create=True)
    migrate(conn)

    def broken(c: db.Connection) -> None:
        c.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("step failed")

    with pytest.raises(RuntimeError):
        migrate(conn, steps={**STEPS, LATEST + 1: broken})
    assert schema_version(conn) == LATEST
    assert conn.execute(
        "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").fetchone() == (0,)
    conn.close()


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    vault = sample(tmp_path, 1)
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        session.conn.execute(f"PRAGMA user_version = {LATEST + 5}")
    before = snapshot(vault.paths.db, vault.paths.keys)
    with pytest.raises(NewerVersionError, match="newer Case Tracker"):
        vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert snapshot(vault.paths.db, vault.paths.keys) == before


def test_program_settings_move_to_the_table_that_travels(tmp_path: Path) -> None:
    """Schema 26: the program's settings leave `settings` for `program_settings`; this
    laptop's own (its sync folder, an account's language) stay. Outside a team program
    nothing is logged to be sent (joining sends them with the other records)."""
    conn = db.connect(tmp_path / "x.db", b"k" * 32, create=True)
    migrate(conn, steps={v: f for v, f in STEPS.items() if v < 26})
    own = {"sync.folder": "/media/usb", "language.u1": "es"}
    program = {"organisation_name": "Harbor", "readiness_track": '["feedback"]',
               "auto_lock_minutes": "9", "organisation_logo": "iVBORw0K"}
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)",
                     [*own.items(), *program.items()])
    migrate(conn)
    assert dict(conn.execute("SELECT key, value FROM settings").fetchall()) == own
    assert dict(conn.execute("SELECT key, value FROM program_settings").fetchall()) == program
    assert conn.execute("SELECT count(*) FROM sync_changes").fetchone() == (0,)
    conn.close()
