"""The process killed at every step of applying a bundle: after a restart the exchange
finishes, nothing lost and nothing doubled.

A kill leaves on disk exactly what the process had written so far; the page cache and the
open transaction die with it. So the test copies the laptop's files (database, its log, key
file; not the shared-memory index, which the next opening rebuilds) at the start of every SQL
statement run while a bundle is applied, and once more after it; each distinct copy (most
steps leave the files as the step before did, until a commit or a spill of the page cache
writes) is then opened as a restarted laptop would be, and exchanges with the same folder.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import audit, notes, survivors
from casetracker.services import sync as team
from casetracker.services.vault import Vault
from casetracker.storage.sync_repo import SyncRepository
from casetracker.sync import exchange
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE
from tests.sync_laptops import program_of, take_in

SUFFIXES = ("", "-wal", ".keys")


def on_disk(db: Path) -> str:
    """A digest of what a kill right now would leave."""
    digest = hashlib.sha256()
    for suffix in SUFFIXES:
        source = Path(f"{db}{suffix}")
        digest.update(source.read_bytes() if source.exists() else b"-")
    return digest.hexdigest()


def copy_files(db: Path, target: Path) -> None:
    target.mkdir(parents=True)
    for suffix in SUFFIXES:
        source = Path(f"{db}{suffix}")
        if source.exists():
            shutil.copyfile(source, target / f"{db.name}{suffix}")


@dataclass
class Kills:
    folder: Path
    steps: int  # SQL statements run while applying, each a point where a kill may fall
    copies: list[Path]  # the distinct states those kills leave on disk
    expected: dict[str, Any]


@pytest.fixture
def kills(tmp_path: Path) -> Iterator[Kills]:
    """Laptop a sends a case with a note and a changed field; laptop b applies it while its
    files are copied at every step. Yields the folder, the copies and what a holds."""
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1", "Rosa")
        take_in(a, "CT-2", "Inés")
        notes.add_note(a.case_manager, "CT-1", "called from the shelter")
        survivors.update_survivor(a.case_manager, "CT-2", pronouns="she")
        sent = a.sync()
        assert sent.sent_bundles == 1
        db = b.vault.paths.db
        copies: list[Path] = []
        seen: set[str] = set()
        steps = [0]
        original: Callable[..., Any] = exchange.apply_bundle

        def copy_now(_statement: str | None = None) -> None:
            steps[0] += 1
            state = on_disk(db)
            if state not in seen:
                seen.add(state)
                copies.append(tmp_path / "kills" / f"{steps[0]:04d}")
                copy_files(db, copies[-1])

        def watched(conn: Any, *args: Any, **kwargs: Any) -> Any:
            conn.set_trace_callback(copy_now)
            try:
                return original(conn, *args, **kwargs)
            finally:
                conn.set_trace_callback(None)
                copy_now()  # applied and committed, before anything else is written

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(exchange, "apply_bundle", watched)
            report = b.sync()
        assert report.received == {a.laptop_id: sent.sent_changes}
        expected = {"digest": a.digest(), "changes": sent.sent_changes,
                    "laptop": a.laptop_id, "seq": SyncRepository(a.supervisor.conn)
                    .identity().bundled_seq, "digest_b": b.digest()}
        assert expected["digest_b"] == expected["digest"]
        yield Kills(tmp_path / "folder", steps[0], copies, expected)


def test_a_kill_at_any_step_loses_and_doubles_nothing(kills: Kills) -> None:
    folder, copies, expected = kills.folder, kills.copies, kills.expected
    assert kills.steps > 20  # every statement of the apply, not a handful of points
    committed = 0
    for copy in copies:
        vault = Vault(copy / "case.db", kdf=FAST_INSECURE)
        with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
            repo = SyncRepository(session.conn)
            laptop = repo.laptop(expected["laptop"])
            assert laptop is not None
            before = laptop.applied_seq
            assert before in (0, expected["seq"]), copy.name  # all or nothing
            committed += before != 0
            report = team.sync_folder(session, folder)
            assert report.refused == [], (copy.name, report)
            assert report.waiting == [], (copy.name, report)
            # Exactly once: what the killed run committed plus what the restart applied is
            # the bundle, once.
            received = sum(report.received.values())
            assert received == (0 if before else expected["changes"]), copy.name
            assert team.content_digest(session) == expected["digest"], copy.name
            cases = survivors.caseload(session, status=None)
            assert sorted(c.case_number for c in cases) == ["CT-1", "CT-2"], copy.name
            assert [n.text for n in notes.notes(session, "CT-1")] == [
                "called from the shelter"], copy.name
            assert survivors.get_survivor(session, "CT-2").pronouns == "she"
            assert audit.verify_chain(session).ok, copy.name
            # A second restart finds nothing more to do.
            assert team.sync_folder(session, folder).received == {}
    # The copies span the commit: the states before it, and after.
    assert 1 <= committed < len(copies)

