"""`casetracker device enroll | join | list | revoke` from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.security.kdf import FAST_INSECURE
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)
from tests.sync_laptops import new_laptop, take_in


def run(tmp_path: Path, capsys: pytest.CaptureFixture[str], *argv: str,
        user: str = SUPERVISOR, passphrase: str = SUPERVISOR_PASSPHRASE) -> tuple[int, str, str]:
    secret = tmp_path / f"{user}.txt"
    secret.write_text(passphrase + "\n", encoding="utf-8")
    code = main([*argv, "--user", user, "--passphrase-file", str(secret)], kdf=FAST_INSECURE)
    out, err = capsys.readouterr()
    return code, out, err


def test_enroll_join_sync_list_and_revoke(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    a = new_laptop(tmp_path, "a", tmp_path / "folder")
    (tmp_path / "folder").mkdir()
    take_in(a, "CT-1")
    a.close()
    db_a, db_b = str(tmp_path / "a" / "case.db"), str(tmp_path / "b" / "case.db")
    enrollment = tmp_path / "b.enrollment"
    code, out, err = run(tmp_path, capsys, "device", "enroll", "laptop b", "--out",
                         str(enrollment), "--this-laptop", "office", "--db", db_a)
    assert code == 0
    assert "started a new team program" in err
    one_time = out.splitlines()[-1]
    assert len(one_time) == 23
    assert enrollment.exists()
    code_file = tmp_path / "code.txt"
    code_file.write_text("wrong-" + one_time[6:] + "\n", encoding="utf-8")
    code, out, err = run(tmp_path, capsys, "device", "join", str(enrollment), "--db", db_b,
                         "--code-file", str(code_file))
    assert code != 0
    assert "code" in err
    assert not Path(db_b).exists()
    code_file.write_text(one_time + "\n", encoding="utf-8")
    code, out, err = run(tmp_path, capsys, "device", "join", str(enrollment), "--db", db_b,
                         "--code-file", str(code_file))
    assert (code, err) == (0, "")
    assert "joined the program as laptop b" in out
    code, out, err = run(tmp_path, capsys, "device", "join", str(enrollment), "--db", db_b,
                         "--code-file", str(code_file))
    assert code == 1
    assert "already exists" in err
    folder = str(tmp_path / "folder")
    assert run(tmp_path, capsys, "sync", "--folder", folder, "--db", db_a)[0] == 0
    code, out, err = run(tmp_path, capsys, "sync", "--folder", folder, "--db", db_b,
                         user=CASE_MANAGER, passphrase=CASE_MANAGER_PASSPHRASE)
    assert (code, err) == (0, "")
    assert "received" in out
    assert run(tmp_path, capsys, "survivor", "show", "CT-1", "--db", db_b)[0] == 0
    code, out, err = run(tmp_path, capsys, "device", "list", "--db", db_a)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "LAPTOP", "LAST_HEARD", "REVOKED", "REASON"]
    assert "office (this laptop)" in out
    assert "laptop b" in out
    code, out, err = run(tmp_path, capsys, "device", "revoke", "laptop b", "--db", db_a,
                         user=CASE_MANAGER, passphrase=CASE_MANAGER_PASSPHRASE)
    assert code == 1
    assert "supervisor" in err
    assert run(tmp_path, capsys, "device", "revoke", "laptop b", "--db", db_a)[0] == 0
    code, out, err = run(tmp_path, capsys, "device", "list", "--json", "--db", db_a)
    assert '"revoked": "no"' in out.splitlines()[0]
    assert '"revoked": "no"' not in out.splitlines()[1]
    assert '"reason": ""' in out.splitlines()[1]  # revoked by hand, after it was heard from
    code, out, err = run(tmp_path, capsys, "device", "revoke", "nobody", "--db", db_a)
    assert code == 1
    assert "no laptop" in err
