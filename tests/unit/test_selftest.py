"""`casetracker selftest` without its window check (no Qt here): what it checks, and that it
fails, cleans up and says so when something is wrong."""

from __future__ import annotations

import socket
import tempfile
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.services import selftest, sharing
from casetracker.services.session import Session

NAMES = ["resources", "encrypted database", "write and read a record", "PDF", "demonstration data",
         "no plaintext on disk", "no network", "clean up"]


@pytest.fixture(autouse=True)
def private_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The self-test's temporary folder is made here, so a test can see what is left."""
    folder = tmp_path / "temp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_every_check_passes_and_nothing_is_left(private_temp: Path) -> None:
    results = list(selftest.run())
    assert [r.name for r in results] == NAMES
    assert [r.status for r in results] == ["ok"] * len(NAMES), [r.line() for r in results]
    assert list(private_temp.iterdir()) == []


def test_the_window_check_gets_an_unlocked_session_with_the_test_case() -> None:
    seen: list[str] = []

    def window(session: Session) -> str:
        seen.append(session.account.name)
        return "looked"

    results = {r.name: r for r in selftest.run(window)}
    assert seen == [selftest.CASE_MANAGER]
    assert results["main window"].line() == "ok    main window: looked"


def test_a_failing_check_fails_the_run_skips_the_rest_and_still_cleans_up(
        private_temp: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object) -> sharing.PreparedExport:
        raise RuntimeError("no fonts")

    monkeypatch.setattr(sharing, "prepare_referral_letter", broken)
    results = {r.name: r for r in selftest.run()}
    assert results["PDF"].line() == "FAIL  PDF: RuntimeError: no fonts"
    assert results["no plaintext on disk"].status == "skip"
    assert results["clean up"].ok
    assert list(private_temp.iterdir()) == []


def test_a_name_written_in_plaintext_is_found() -> None:
    def leaky_window(session: Session) -> str:
        folder = session.paths.db.parent
        (folder / "thumbnail-cache").write_bytes(
            b"\x00" + selftest.LEGAL_NAME[1].encode("utf-16-le") + b"\x00")
        return "wrote a cache"

    results = {r.name: r for r in selftest.run(leaky_window)}
    assert results["no plaintext on disk"].line() == (
        "FAIL  no plaintext on disk: thumbnail-cache holds the test person's name in plaintext")


def test_a_socket_opened_during_the_run_fails_it() -> None:
    def chatty_window(_session: Session) -> str:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind(("127.0.0.1", 0))
        return "bound a socket"

    results = {r.name: r for r in selftest.run(chatty_window)}
    assert results["no network"].line() == "FAIL  no network: opened: socket.bind"
    # Outside a run, sockets are not the self-test's business.
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
    assert {r.name: r for r in selftest.run()}["no network"].ok


def test_the_command_prints_a_line_per_check(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["selftest", "--no-window"]) == 0
    out, err = capsys.readouterr()
    assert [line.split(":")[0] for line in out.splitlines()] == [
        f"ok    {name}" for name in NAMES]
    assert err == ""


def test_the_command_exits_non_zero_on_a_failure(capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(selftest, "CASE_NUMBER", "not a case number!")
    assert main(["selftest", "--no-window"]) == 1
    out, err = capsys.readouterr()
    assert "FAIL  write and read a record: " in out
    assert err == "casetracker: selftest: 1 check(s) failed\n"
