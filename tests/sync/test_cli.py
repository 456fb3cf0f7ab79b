"""`casetracker sync --folder DIR`: one exchange, one line on stdout, problems on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import documents, survivors
from tests.conftest import Created
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE
from tests.sync_laptops import Laptop, program_of, take_in


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], db: Path,
        *argv: str) -> tuple[int, str, str]:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(SUPERVISOR_PASSPHRASE + "\n", encoding="utf-8")
    code = main(["sync", *argv, "--db", str(db), "--user", SUPERVISOR,
                 "--passphrase-file", str(secret)], kdf=FAST_INSECURE)
    out, err = capsys.readouterr()
    return code, out, err


def sync(tmp_path: Path, capsys: pytest.CaptureFixture[str],
         laptop: Laptop) -> tuple[int, str, str]:
    return run(tmp_path, capsys, laptop.vault.paths.db, "--folder", str(laptop.folder))


def test_one_round_each_way(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        rows = 1 + len(documents.documents(a.case_manager, "CT-1"))  # and its checklist
        code, out, err = sync(tmp_path, capsys, a)
        assert (code, err) == (0, "")
        assert out == f"sent 1 bundle ({rows} changes); received 0 changes; 0 conflicts waiting\n"
        code, out, err = sync(tmp_path, capsys, b)
        assert (code, err) == (0, "")
        # b's first exchange sends its note that it joined, though it made nothing.
        assert out == (f"sent 1 bundle (1 change); received {rows} changes "
                       f"(laptop {a.laptop_id[:8]}: {rows}); 0 conflicts waiting\n")
        assert survivors.get_survivor(b.supervisor, "CT-1").preferred_name == "Rosa"


def test_a_refused_bundle_is_one_line_on_stderr_and_status_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        a.sync()
        (path,) = (tmp_path / "folder" / a.laptop_id).iterdir()
        path.write_bytes(path.read_bytes()[:-1])
        code, out, err = sync(tmp_path, capsys, b)
        assert code == 1
        assert out.startswith("sent 1 bundle (1 change)")  # b's note that it joined
        assert err == (f"casetracker: refused: {a.laptop_id}/{path.name}: its signature "
                       "does not verify (changed, cut or forged)\n")


def test_a_laptop_outside_any_program_is_told_so(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], created: Created) -> None:
    created.session.close()
    code, out, err = run(tmp_path, capsys, created.vault.paths.db, "--folder", str(tmp_path))
    assert (code, out) == (1, "")
    assert err == "casetracker: error: this laptop has not joined a team program yet\n"
    code, _out, err = run(tmp_path, capsys, created.vault.paths.db,
                          "--folder", str(tmp_path / "missing"))
    assert code == 2
    assert "does not exist" in err
