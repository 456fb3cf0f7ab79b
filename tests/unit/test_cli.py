"""The command line, run in-process with fast key derivation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain.audit import ACTION_WORDS
from casetracker.security.kdf import FAST_INSECURE
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
)


class Cli:
    def __init__(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.dir = tmp_path
        self.capsys = capsys
        self.db = str(tmp_path / "case.db")
        self.clock = FakeClock()
        self.files: dict[str, str] = {}

    def secret(self, text: str) -> str:
        path = self.dir / f"secret-{len(self.files)}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        self.files[text] = str(path)
        return str(path)

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        code = main(list(argv), kdf=FAST_INSECURE, clock=self.clock)
        out, err = self.capsys.readouterr()
        return code, out, err

    def as_supervisor(self, *argv: str) -> tuple[int, str, str]:
        return self(*argv, "--db", self.db, "--user", SUPERVISOR,
                    "--passphrase-file", self.secret(SUPERVISOR_PASSPHRASE))


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    return Cli(tmp_path, capsys)


@pytest.fixture
def initialised(cli: Cli) -> Cli:
    code, out, err = cli("init", "--db", cli.db, "--user", SUPERVISOR,
                         "--passphrase-file", cli.secret(SUPERVISOR_PASSPHRASE))
    assert code == 0, err
    cli.recovery_key = out.strip()  # type: ignore[attr-defined]
    return cli


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("casetracker: error: ")
    return lines[0]


def test_help(cli: Cli) -> None:
    with pytest.raises(SystemExit) as info:
        cli("--help")
    assert info.value.code == 0
    assert "usage: casetracker" in cli.capsys.readouterr().out


def test_no_command_without_a_screen_explains_itself(cli: Cli,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    code, _, err = cli()
    assert code == 2
    assert "no screen" in one_error_line(err)


def test_only_shared_options_start_the_desktop_app_and_anything_else_is_a_command(
        cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    from casetracker.cli import gui_commands

    started: list[object] = []
    monkeypatch.setattr(gui_commands, "launch", lambda ctx: started.append(ctx.args.db) or 0)
    assert cli("--db", "some.db")[0] == 0
    assert cli("--user", "dana", "--db", "other.db")[0] == 0
    assert started == ["some.db", "other.db"]
    # An option missing its value, an unknown one or a command goes to the full parser.
    with pytest.raises(SystemExit) as info:
        cli("--db")
    assert info.value.code == 2
    assert "expected one argument" in cli.capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli("--colour")
    assert "unrecognized arguments: --colour" in cli.capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli("--db", "some.db", "survivor")  # a command group without its command
    assert "survivor: error" in cli.capsys.readouterr().err
    assert cli("--db", "some.db", "survivor", "list")[0] == 1  # a command: no such database
    assert started == ["some.db", "other.db"]


def test_init_prints_only_the_recovery_key_on_stdout(initialised: Cli) -> None:
    key = initialised.recovery_key  # type: ignore[attr-defined]
    assert len(key.split("-")) == 6
    assert Path(initialised.db).exists()
    assert Path(initialised.db + ".keys").exists()


def test_init_refuses_to_overwrite(initialised: Cli) -> None:
    before = Path(initialised.db).read_bytes()
    code, _, err = initialised("init", "--db", initialised.db, "--user", "other",
                               "--passphrase-file", initialised.secret("another long phrase ok"))
    assert code == 1
    assert "refusing to overwrite" in one_error_line(err)
    assert Path(initialised.db).read_bytes() == before


def test_options_go_before_or_after_the_command(initialised: Cli) -> None:
    pp = initialised.secret(SUPERVISOR_PASSPHRASE)
    assert initialised("--db", initialised.db, "--passphrase-file", pp, "user", "list")[0] == 0
    assert initialised("user", "list", "--db", initialised.db, "--passphrase-file", pp)[0] == 0
    assert initialised("--db", initialised.db, "user", "list", "--passphrase-file", pp)[0] == 0


def test_environment_defaults(initialised: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASETRACKER_DB", initialised.db)
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", SUPERVISOR_PASSPHRASE)
    code, out, _ = initialised("user", "list", "--json")
    assert code == 0
    assert [json.loads(line)["name"] for line in out.splitlines()] == [SUPERVISOR]


def test_user_add_list_and_roles(initialised: Cli) -> None:
    code, _, err = initialised.as_supervisor(
        "user", "add", CASE_MANAGER, "--role", "case-manager",
        "--new-passphrase-file", initialised.secret(CASE_MANAGER_PASSPHRASE))
    assert (code, err) == (0, "")
    code, out, _ = initialised.as_supervisor("user", "list")
    lines = out.splitlines()
    assert lines[0].split() == ["NAME", "ROLE", "CREATED", "STATUS"]
    assert [line.split()[:2] for line in lines[1:]] == [
        [CASE_MANAGER, "case_manager"], [SUPERVISOR, "supervisor"]]
    code, _, err = initialised("user", "list", "--db", initialised.db, "--user", CASE_MANAGER,
                               "--passphrase-file", initialised.secret(CASE_MANAGER_PASSPHRASE))
    assert code == 1
    assert "needs a supervisor" in one_error_line(err)


def test_usage_mistakes_exit_2(initialised: Cli) -> None:
    code, _, err = initialised.as_supervisor("user", "add", "dee", "--role", "boss",
                                             "--new-passphrase-file",
                                             initialised.secret("a long enough phrase here"))
    assert code == 2
    assert "unknown role" in one_error_line(err)
    with pytest.raises(SystemExit) as info:
        initialised("frobnicate")
    assert info.value.code == 2


def test_wrong_passphrase_and_missing_database_are_one_line(initialised: Cli,
                                                             tmp_path: Path) -> None:
    code, _, err = initialised("user", "list", "--db", initialised.db,
                               "--passphrase-file", initialised.secret("wrong wrong wrong wrong"))
    assert code == 1
    assert "wrong passphrase" in one_error_line(err)
    code, _, err = initialised("user", "list", "--db", str(tmp_path / "nope.db"),
                               "--user", SUPERVISOR)
    assert code == 1
    assert "no database" in one_error_line(err)


def test_no_passphrase_and_no_terminal_is_a_usage_error(initialised: Cli,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CASETRACKER_PASSPHRASE", raising=False)
    code, _, err = initialised("user", "list", "--db", initialised.db)
    assert code == 2
    assert "no Passphrase" in one_error_line(err) or "no passphrase" in err.lower()


def test_passphrase_file_keeps_spaces(cli: Cli) -> None:
    spaced = "  leading and trailing spaces count  "
    assert cli("init", "--db", cli.db, "--user", SUPERVISOR,
               "--passphrase-file", cli.secret(spaced))[0] == 0
    assert cli("user", "list", "--db", cli.db, "--passphrase-file",
               cli.secret(spaced.strip()))[0] == 1
    assert cli("user", "list", "--db", cli.db, "--passphrase-file", cli.secret(spaced))[0] == 0


def test_audit_verify_names_the_first_bad_entry(initialised: Cli) -> None:
    from casetracker.services.vault import Vault

    vault = Vault(initialised.db, kdf=FAST_INSECURE, clock=initialised.clock)
    with vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        session.conn.execute("UPDATE audit_log SET actor = 'nobody' WHERE seq = 2")
    code, out, err = initialised.as_supervisor("audit", "verify")
    assert (code, out) == (1, "")
    chain, checkpoints = err.strip().splitlines()
    assert chain == ("audit trail damaged at entry 2: its content or position was changed "
                     "(MAC does not match)")
    # The supervisors' checkpoint was made before the edit: it does not see the edit by
    # itself (it signs the MACs, which were left as they were); the chain's check does.
    assert checkpoints.startswith("countersigned through entry")


def test_audit_verify_and_list(initialised: Cli) -> None:
    code, out, _ = initialised.as_supervisor("audit", "verify")
    assert code == 0
    assert out.startswith("audit trail intact")
    code, out, _ = initialised.as_supervisor("audit", "list", "--json")
    actions = [json.loads(line)["action"] for line in out.splitlines()]
    assert actions[:2] == ["vault.create", "account.add"]  # codes, for programs
    # For people: the words the desktop's audit window shows, the code last to search by.
    code, out, _ = initialised.as_supervisor("audit", "list")
    assert code == 0
    header, *lines = out.splitlines()
    assert header.split() == ["SEQ", "AT", "ACTOR", "ACTION", "CASE", "CONCERNS", "DETAILS",
                              "CODE"]
    created = next(line for line in lines if line.rstrip().endswith(" vault.create"))
    assert ACTION_WORDS["vault.create"] in created
    added = next(line for line in lines if line.rstrip().endswith(" account.add"))
    assert ACTION_WORDS["account.add"] in added
    assert all("{" not in line for line in lines)  # details in words, not JSON


def test_backup_restore_and_check(initialised: Cli, tmp_path: Path) -> None:
    out_file = str(tmp_path / "backups" / "b.db")
    assert initialised.as_supervisor("backup", "--out", out_file)[:2] == (0, "")
    restored = str(tmp_path / "restored" / "case.db")
    code, _, err = initialised("restore", out_file, "--db", restored, "--user", SUPERVISOR,
                               "--passphrase-file", initialised.secret(SUPERVISOR_PASSPHRASE))
    assert code == 0, err
    code, _, err = initialised("check", "--db", restored, "--passphrase-file",
                               initialised.secret(SUPERVISOR_PASSPHRASE))
    assert (code, err) == (0, "")
    code, _, err = initialised("restore", out_file, "--db", restored, "--user", SUPERVISOR,
                               "--passphrase-file", initialised.secret(SUPERVISOR_PASSPHRASE))
    assert code == 1
    assert "already exists" in one_error_line(err)


def test_recover_with_the_recovery_key(initialised: Cli) -> None:
    key_file = initialised.secret(initialised.recovery_key)  # type: ignore[attr-defined]
    new = initialised.secret("the new passphrase after recovery")
    code, out, err = initialised("recover", "--db", initialised.db, "--recovery-key-file",
                                 key_file, "--new-passphrase-file", new)
    assert code == 0, err
    assert out.strip() != initialised.recovery_key  # type: ignore[attr-defined]
    code, _, err = initialised("recover", "--db", initialised.db, "--recovery-key-file",
                               key_file, "--new-passphrase-file", new)
    assert code == 1
    assert "works once" in one_error_line(err)
    assert initialised("user", "list", "--db", initialised.db, "--passphrase-file", new)[0] == 0


def test_passwd_and_remove(initialised: Cli) -> None:
    initialised.as_supervisor("user", "add", CASE_MANAGER, "--role", "case_manager",
                              "--new-passphrase-file",
                              initialised.secret(CASE_MANAGER_PASSPHRASE))
    new = initialised.secret("my brand new passphrase words")
    code, _, err = initialised("user", "passwd", "--db", initialised.db, "--user", CASE_MANAGER,
                               "--passphrase-file", initialised.secret(CASE_MANAGER_PASSPHRASE),
                               "--new-passphrase-file", new)
    assert (code, err) == (0, "")
    assert initialised("user", "passwd", "--db", initialised.db, "--user", CASE_MANAGER,
                       "--passphrase-file", new, "--new-passphrase-file",
                       initialised.secret("short"))[0] == 1
    assert initialised.as_supervisor("user", "remove", CASE_MANAGER)[:2] == (0, "")
    code, _, err = initialised("user", "list", "--db", initialised.db, "--user", CASE_MANAGER,
                               "--passphrase-file", new)
    assert code == 1
    assert "no account named" in one_error_line(err)


def test_init_with_the_passphrase_in_the_environment(cli: Cli,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", SUPERVISOR_PASSPHRASE)
    code, _, err = cli("init", "--db", cli.db, "--user", SUPERVISOR)
    assert code == 0, err
    assert cli("user", "list", "--db", cli.db)[0] == 0


def test_end_of_input_at_a_prompt_is_a_usage_error(cli: Cli,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    import getpass
    import sys

    def eof(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.delenv("CASETRACKER_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(getpass, "getpass", eof)
    code, _, err = cli("init", "--db", cli.db, "--user", SUPERVISOR)
    assert code == 2
    assert "entered" in one_error_line(err)


def test_undecodable_passphrase_in_the_environment_is_one_line(
        initialised: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", "caf\udce9 au lait with milk")
    code, _, err = initialised("user", "list", "--db", initialised.db)
    assert code == 1
    assert "UTF-8" in one_error_line(err)


def test_passphrase_file_keeps_unusual_separators(cli: Cli) -> None:
    odd = "line\u2028separator and form\x0cfeed inside"
    assert cli("init", "--db", cli.db, "--user", SUPERVISOR,
               "--passphrase-file", cli.secret(odd))[0] == 0
    assert cli("user", "list", "--db", cli.db, "--passphrase-file", cli.secret(odd))[0] == 0
    crlf = cli.dir / "crlf.txt"
    crlf.write_bytes(odd.encode() + b"\r\n")
    assert cli("user", "list", "--db", cli.db, "--passphrase-file", str(crlf))[0] == 0


def test_recovery_key_command_replaces_the_key(initialised: Cli) -> None:
    code, out, _ = initialised.as_supervisor("recovery-key")
    assert code == 0
    new_key = out.strip()
    assert new_key != initialised.recovery_key  # type: ignore[attr-defined]
    old = initialised.secret(initialised.recovery_key)  # type: ignore[attr-defined]
    assert initialised("recover", "--db", initialised.db, "--recovery-key-file", old,
                       "--new-passphrase-file", initialised.secret("some new long phrase"))[0] == 1
    assert initialised("recover", "--db", initialised.db, "--recovery-key-file",
                       initialised.secret(new_key), "--new-passphrase-file",
                       initialised.secret("some new long phrase"))[0] == 0


def test_a_huge_audit_list_limit_is_no_traceback(initialised: Cli) -> None:
    code, _, err = initialised.as_supervisor("audit", "list", "--limit", "1" + "0" * 20)
    assert code == 0, err


def test_a_busy_database_says_so(initialised: Cli) -> None:
    from casetracker.services.vault import Vault

    vault = Vault(initialised.db, kdf=FAST_INSECURE, clock=initialised.clock)
    session = vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)
    session.conn.execute("PRAGMA busy_timeout = 0")
    session.conn.execute("BEGIN IMMEDIATE")
    try:
        code, _, err = initialised.as_supervisor("user", "list")
    finally:
        session.conn.execute("ROLLBACK")
        session.close()
    assert code == 1
    assert "busy in another Case Tracker window" in one_error_line(err)
