"""Faults and hostile input: killed writers, no network, formula injection."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from casetracker.cli import main
from casetracker.export.reports import safe_cell, write_csv
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import audit, notes, survivors
from casetracker.services.vault import Vault
from casetracker.storage import connection as db
from tests.conftest import Created, Team
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)

WRITER = """
import sys
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import notes
from casetracker.services.vault import Vault
session = Vault(sys.argv[1], kdf=FAST_INSECURE).unlock(sys.argv[2], sys.argv[3])
n = 0
while True:
    notes.add_note(session, "K-1", f"acknowledged note {n}")
    print(n, flush=True)  # printed only after the commit returned
    n += 1
"""


def _case_manager_with_kay(created: Created) -> Vault:
    """The vault with a case manager and one survivor of theirs, K-1, every session closed."""
    from casetracker.domain.accounts import Role
    from casetracker.services import accounts

    accounts.add_account(created.session, CASE_MANAGER, Role.CASE_MANAGER,
                         CASE_MANAGER_PASSPHRASE)
    created.session.close()
    with created.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft("K-1", "Kay"))
    return created.vault


@pytest.mark.parametrize("run", range(4))
def test_a_killed_writer_loses_no_acknowledged_commit(created: Created, run: int) -> None:
    vault = _case_manager_with_kay(created)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(vault.paths.db), CASE_MANAGER,
         CASE_MANAGER_PASSPHRASE], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    first = writer.stdout.readline()  # blocks until the writer has committed once
    assert first, "the writer died before its first commit"
    acknowledged = int(first)
    # Kill it at a different moment of its write loop on each run.
    deadline = time.monotonic() + 0.05 + 0.07 * run
    while time.monotonic() < deadline:
        line = writer.stdout.readline()
        if not line:
            break
        acknowledged = int(line)
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait()
    with vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        texts = {n.text for n in notes.notes(session, "K-1")}
        assert {f"acknowledged note {i}" for i in range(acknowledged + 1)} <= texts
        assert db.integrity_problems(session.conn) == []
    # The writer may die between a commit and copying the head: the chain must still verify.
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as supervisor:
        assert audit.verify_chain(supervisor).ok


FULL_DISK_WRITER = """
import os, resource, signal, sys
from casetracker.domain.errors import CaseTrackerError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import notes
from casetracker.services.errors import readable_storage_errors
from casetracker.services.vault import Vault
session = Vault(sys.argv[1], kdf=FAST_INSECURE).unlock(sys.argv[2], sys.argv[3])
# From here on no file may grow past this size: the disk is "full" (SQLite sees EFBIG).
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = os.path.getsize(sys.argv[1]) + 96 * 1024
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
n = 0
try:
    with readable_storage_errors():
        while n < 10_000:
            notes.add_note(session, "K-1", f"acknowledged note {n} " + "x" * 3000)
            print(n, flush=True)
            n += 1
except CaseTrackerError as exc:
    print("refused:", exc, flush=True)
"""


def test_a_full_disk_refuses_the_write_and_loses_nothing(created: Created) -> None:
    vault = _case_manager_with_kay(created)
    done = subprocess.run(
        [sys.executable, "-c", FULL_DISK_WRITER, str(vault.paths.db), CASE_MANAGER,
         CASE_MANAGER_PASSPHRASE], capture_output=True, text=True, timeout=120)
    lines = done.stdout.splitlines()
    assert lines, done.stderr[-2000:]
    assert lines[-1].startswith("refused:"), done.stdout[-500:] + done.stderr[-2000:]
    assert "nothing was saved" in lines[-1]
    acknowledged = [int(line) for line in lines[:-1]]
    assert acknowledged, "the disk filled before the first note: the test proves nothing"
    with vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        texts = {n.text.split(" x")[0] for n in notes.notes(session, "K-1")}
        assert {f"acknowledged note {i}" for i in acknowledged} <= texts
        assert db.integrity_problems(session.conn) == []
        notes.add_note(session, "K-1", "written once there is room again")
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as supervisor:
        assert audit.verify_chain(supervisor).ok


FULL_DISK_CLI = """
import resource, signal, sys
from casetracker.cli import main
from casetracker.security.kdf import FAST_INSECURE
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (int(sys.argv[1]), resource.RLIM_INFINITY))
sys.exit(main(sys.argv[2:], kdf=FAST_INSECURE))
"""


@pytest.fixture
def filled(team: Team) -> Created:
    """A vault of a few hundred KB, with every session closed."""
    for number in range(60):
        survivors.create_survivor(team.case_manager, survivors.draft(f"F-{number}", "Fay"))
        notes.add_note(team.case_manager, f"F-{number}", f"met Fay {number} " * 200)
    team.close()
    return Created(team.vault, team.supervisor, "")


def _cli_with_file_size_limit(limit: int, vault_db: Path,
                              *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", FULL_DISK_CLI, str(limit), *args, "--db", str(vault_db),
         "--user", SUPERVISOR],
        env={**os.environ, "CASETRACKER_PASSPHRASE": SUPERVISOR_PASSPHRASE},
        capture_output=True, text=True, timeout=120)


def _assert_intact(vault: Vault) -> None:
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert db.integrity_problems(session.conn) == []
        assert survivors.caseload_size(session) == 60
        assert audit.verify_chain(session).ok


def test_a_backup_onto_a_full_disk_leaves_no_partial_file(filled: Created,
                                                          tmp_path: Path) -> None:
    size = filled.vault.paths.db.stat().st_size
    assert size > 256 * 1024
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    done = _cli_with_file_size_limit(size // 2, filled.vault.paths.db, "backup", "--out",
                                     str(out_dir / "copy.db"))
    assert done.returncode == 1, done.stdout + done.stderr
    assert "the disk refused a write" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr
    assert list(out_dir.iterdir()) == []
    _assert_intact(filled.vault)


def test_opening_on_a_full_disk_blames_the_disk_not_the_file(filled: Created) -> None:
    done = _cli_with_file_size_limit(16 * 1024, filled.vault.paths.db, "survivor", "list")
    assert done.returncode == 1, done.stdout + done.stderr
    assert "the disk refused" in done.stderr, done.stderr
    assert "damaged" not in done.stderr
    _assert_intact(filled.vault)


def test_an_export_onto_a_full_disk_leaves_no_partial_file(
        filled: Created, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import errno
    import io

    from casetracker.security import atomic

    class FullDisk(io.BytesIO):
        def write(self, data: Any) -> int:
            raise OSError(errno.ENOSPC, "No space left on device")

    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        # Only files opened in the export folder are on the "full" disk.
        if Path(f"/proc/self/fd/{fd}").readlink().parent != out_dir:
            return real_fdopen(fd, *args, **kwargs)
        os.close(fd)
        return FullDisk()

    out_dir = tmp_path / "out"
    out_dir.mkdir()
    monkeypatch.setattr(atomic.os, "fdopen", fdopen)
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", SUPERVISOR_PASSPHRASE)
    status = main(["report", "caseload", "--out", str(out_dir / "caseload.pdf"),
                   "--db", str(filled.vault.paths.db), "--user", SUPERVISOR],
                  kdf=FAST_INSECURE)
    monkeypatch.setattr(atomic.os, "fdopen", real_fdopen)
    assert status == 1
    assert "No space left on device" in capsys.readouterr().err
    assert list(out_dir.iterdir()) == []
    _assert_intact(filled.vault)


def test_the_program_opens_no_network_connection(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a network socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", "try the demo safely")
    db_path = str(tmp_path / "d.db")
    assert main(["demo", "--db", db_path, "--survivors", "12", "--seed", "1",
                 "--passphrase-file", str(_write(tmp_path, "try the demo safely"))],
                kdf=FAST_INSECURE) == 0
    for argv in (["survivor", "list", "--user", "ana"], ["search", "a", "--user", "ana"],
                 ["dashboard", "--user", "dana"], ["match", "--user", "cole", "x"],
                 ["report", "outcomes", "--period", "FY2020",
                  "--out", str(tmp_path / "o.pdf"), "--user", "dana"],
                 ["backup", "--out", str(tmp_path / "b.db"), "--user", "dana"]):
        main([*argv, "--db", db_path], kdf=FAST_INSECURE)
    capsys.readouterr()


def _write(folder: Path, text: str) -> Path:
    path = folder / "pp.txt"
    path.write_text(text)
    return path


@pytest.mark.parametrize("cell", ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1)",
                                  "\tx", "\rx"])
def test_formula_like_cells_are_made_harmless_in_csv(cell: str) -> None:
    assert safe_cell(cell).startswith("'")
    assert write_csv([[cell]]).startswith("'") or write_csv([[cell]]).startswith('"\'')
    assert safe_cell("Rosa") == "Rosa"


def test_a_formula_in_an_imported_name_is_escaped_in_the_audit_export(
        created: Created, tmp_path: Path) -> None:
    created.session.audit("test.entry", '=HYPERLINK("http://x")')
    out = tmp_path / "audit.csv"
    audit.write_view(out, [["subject"], ['=HYPERLINK("http://x")']])
    assert "'=HYPERLINK" in out.read_text()


HOLDER = """
import sys, time
from pathlib import Path
from casetracker.security.instance import single_instance
with single_instance(Path(sys.argv[1])):
    print("holding", flush=True)
    time.sleep(60)
"""


def test_one_window_per_database_and_a_killed_one_frees_it(tmp_path: Path) -> None:
    from casetracker.domain.errors import DatabaseInUseError
    from casetracker.security.instance import single_instance

    lock_file = tmp_path / "v.db.instance"
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(lock_file)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None
    assert holder.stdout.readline() == "holding\n"
    with pytest.raises(DatabaseInUseError, match="already open"), single_instance(lock_file):
        pass
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    # A second window in the same process is refused too.
    with single_instance(lock_file), pytest.raises(DatabaseInUseError), single_instance(lock_file):
        pass
    assert lock_file.read_bytes() == b""  # the lock file never holds anything
