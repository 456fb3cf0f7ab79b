"""`casetracker sync --status`: per laptop, the last bundle sent or applied and when, and a
digest of the replicated content, equal on laptops that have applied the same bundles."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import notes
from casetracker.services import sync as team
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE
from tests.sync_laptops import Laptop, program_of, sync_all, take_in


def status_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str], laptop: Laptop,
               *argv: str) -> tuple[int, str, str]:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(SUPERVISOR_PASSPHRASE + "\n", encoding="utf-8")
    code = main(["sync", "--status", *argv, "--db", str(laptop.vault.paths.db), "--user",
                 SUPERVISOR, "--passphrase-file", str(secret)], kdf=FAST_INSECURE)
    out, err = capsys.readouterr()
    return code, out, err


def test_digests_are_equal_on_laptops_that_saw_the_same_bundles(tmp_path: Path) -> None:
    with program_of(tmp_path, 3) as (a, b, c):
        take_in(a, "CT-1", "Wilhelmina")
        a.sync()
        b.sync()
        # c has not read a's bundle yet: its content differs, and its status says so.
        assert team.status(b.supervisor).digest == a.digest() != c.digest()
        seen = {lt.laptop_id: lt for lt in team.status(c.supervisor, a.folder).laptops}
        assert seen[a.laptop_id].applied_seq == 0
        assert seen[a.laptop_id].in_folder == team.status(a.supervisor).sent_seq > 0
        c.sync()
        assert len({team.status(x.supervisor).digest for x in (a, b, c)}) == 1
        notes.add_note(b.case_manager, "CT-1", "called")
        mine = team.status(b.supervisor)
        assert mine.unsent == 1
        assert mine.digest != a.digest()
        sync_all([a, b, c])
        states = [team.status(x.supervisor) for x in (a, b, c)]
        assert len({s.digest for s in states}) == 1
        for state in states:
            for other in state.laptops:
                sent = next(s.sent_seq for s in states if s.laptop_id == other.laptop_id)
                assert other.applied_seq == sent
                assert (other.last_heard is not None) == (sent > 0)


def test_the_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1", "Wilhelmina")
        sync_all([a, b])
        digest, a_id, b_id = a.digest(), a.laptop_id, b.laptop_id
        a.close()
        code, out, err = status_cli(tmp_path, capsys, a, "--folder", str(a.folder))
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert lines[0].split() == ["LAPTOP", "NAME", "BUNDLES", "IN_FOLDER", "LAST", "NOTE"]
        assert lines[1].startswith(a_id[:8])
        assert "this laptop" in lines[1]
        assert "0 changes not yet sent" in lines[1]
        (of_b,) = [line for line in lines if line.startswith(b_id[:8])]
        assert "applied 1-1" in of_b  # b's note that it joined: it had nothing else to send
        assert lines[-1] == f"content digest: {digest}"
        assert "Wilhelmina" not in out
        code, out, err = status_cli(tmp_path, capsys, a, "--json")
        assert code == 0
        assert out.splitlines()[-1] == f'{{"digest": "{digest}"}}'
