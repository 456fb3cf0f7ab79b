"""What a new user tripped on at the command line: each mistake is one clear line on stderr
(exit 2 for a usage mistake, 1 otherwise), each success does what it says, never a traceback."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

import casetracker
from casetracker.cli import main
from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.catalog import SHAREABLE
from casetracker.domain.documents import STANDARD_CHECKLIST
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import CaseStatus
from casetracker.security import keyslots
from casetracker.security.kdf import FAST_INSECURE, MINIMUM
from casetracker.security.keyslots import KeyFile
from casetracker.services import accounts, audit, consent, notes, plans, survivors
from tests.conftest import Created, Team
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    OTHER_CASE_MANAGER,
    PASSPHRASES,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
)

TODAY = clock.today()


class Cli:
    """The command line run in-process on one database, as any of the test accounts."""

    def __init__(self, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        self.db = str(db)
        self.dir = tmp_path
        self.capsys = capsys
        self.clock = FakeClock()
        self.count = 0
        self.case = ""  # the survivor and consent `team_cli` made
        self.consent = ""

    def secret(self, text: str) -> str:
        self.count += 1
        path = self.dir / f"secret-{self.count}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        return str(path)

    def __call__(self, *argv: str) -> tuple[int, str, str]:
        code = main(list(argv), kdf=FAST_INSECURE, clock=self.clock)
        out, err = self.capsys.readouterr()
        return code, out, err

    def as_(self, name: str, *argv: str) -> tuple[int, str, str]:
        return self(*argv, "--db", self.db, "--user", name,
                    "--passphrase-file", self.secret(PASSPHRASES[name]))


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("casetracker: error: "), err
    return lines[0]


@pytest.fixture
def cli(created: Created, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """A database whose only account is the supervisor's; no session left open."""
    created.session.close()
    return Cli(created.vault.paths.db, tmp_path, capsys)


@pytest.fixture
def team_cli(team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    """The team's database (supervisor, two case managers, a coordinator), its sessions
    closed, with one survivor in the case manager's caseload and a consent to an agency."""
    rosa = survivors.create_survivor(team.case_manager, survivors.draft(
        preferred_name="Rosa", legal_last_name="Quintero"))
    given = consent.add_consent(team.case_manager, rosa.case_number, purpose="Referral for work",
                                categories=SHAREABLE,
                                expires_on=TODAY + timedelta(days=60),
                                recipient_agency="Northside Legal Aid")
    team.close()
    made = Cli(team.vault.paths.db, tmp_path, capsys)
    made.case, made.consent = rosa.case_number, given.id
    return made


# -- 1. consent list without saying which ------------------------------------------------------

def test_consent_list_says_it_needs_a_survivor_or_expiring(cli: Cli) -> None:
    code, out, err = cli.as_(SUPERVISOR, "consent", "list")
    assert (code, out) == (2, "")
    line = one_error_line(err)
    assert "--survivor CASE" in line
    assert "--expiring" in line
    code, out, err = cli.as_(SUPERVISOR, "consent", "list", "--survivor", "CT-1", "--expiring")
    assert (code, out) == (2, "")
    assert "not both" in one_error_line(err)
    assert cli.as_(SUPERVISOR, "consent", "list", "--expiring")[:2] == (
        0, "ID  CASE  RECIPIENT  PURPOSE  CATEGORIES  STARTS  EXPIRES  METHOD  SHARES_FURTHER"
        "  GUARDIAN  REVOKED  REVOKED_HOW  REVOKED_BY\n")


# -- 2. a closed pipe ------------------------------------------------------------------------------

def _command(cli: Cli, name: str, *argv: str,
             unbuffered: bool) -> tuple[list[str], dict[str, str]]:
    """The command as a new process runs it; its stdout buffered as a person's would be, or
    unbuffered (`PYTHONUNBUFFERED`), when every print meets the closed pipe at once."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("CASETRACKER_") and k != "PYTHONUNBUFFERED"}
    if unbuffered:
        env["PYTHONUNBUFFERED"] = "1"
    src = str(Path(casetracker.__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    # The program as shipped refuses the tests' cheap key slots: this one is rewrapped at the
    # lowest cost it accepts (which it raises again, to its own, when it opens it).
    keys = KeyFile.load(Path(f"{cli.db}.keys"))
    slot, secret = keys.user_slot(name), PASSPHRASES[name].encode()
    assert slot is not None
    keys.replace_slot(keyslots.rewrap_slot(slot, keys.vault_id,
                                           slot.unwrap(keys.vault_id, secret), secret, MINIMUM))
    keys.save(Path(f"{cli.db}.keys"))
    return ([sys.executable, "-m", "casetracker", *argv, "--db", cli.db, "--user", name,
             "--passphrase-file", cli.secret(PASSPHRASES[name])], env)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_a_reader_that_stops_after_one_line_is_no_error(cli: Cli, tmp_path: Path,
                                                        unbuffered: bool) -> None:
    """`casetracker survivor list --json | head -1`, with a real pipe in a real process."""
    csv = tmp_path / "many.csv"
    # One-word names (a line is long enough with its other columns): names of several words
    # in common would stop the import at likely duplicates.
    csv.write_text("case_number,preferred_name\n" + "".join(
        f"CT-{n:04d},{_unlike(n)}\n" for n in range(400)))
    # Importing is a case manager's work (supervisors change no case content).
    assert cli.as_(SUPERVISOR, "user", "add", CASE_MANAGER, "--role", "case_manager",
                   "--new-passphrase-file", cli.secret(CASE_MANAGER_PASSPHRASE))[0] == 0
    imported = cli.as_(CASE_MANAGER, "import", "survivors", str(csv))
    assert imported[0] == 0, imported[2]
    argv, env = _command(cli, SUPERVISOR, "survivor", "list", "--json",
                         unbuffered=unbuffered)
    read_end, write_end = os.pipe()
    try:
        import fcntl

        # As small as a pipe gets, so the listing cannot fit in it whatever the system's size.
        fcntl.fcntl(write_end, fcntl.F_SETPIPE_SZ, 4096)
    except (ImportError, AttributeError, OSError):
        pass
    child = subprocess.Popen(argv, stdout=write_end, stderr=subprocess.PIPE, env=env)
    os.close(write_end)
    first = b""
    while not first.endswith(b"\n"):
        byte = os.read(read_end, 1)
        assert byte, "the listing ended before its first line"
        first += byte
    os.close(read_end)  # what `head -1` does once it has its line
    _, err = child.communicate(timeout=120)
    assert json.loads(first)["case"] == "CT-0000"
    assert err.decode() == ""
    assert child.returncode == 0


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX pipes")
@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_a_reader_gone_before_anything_is_written_is_no_error(cli: Cli, unbuffered: bool) -> None:
    """A short listing, held in the program's buffer until it ends (`... | true`)."""
    argv, env = _command(cli, SUPERVISOR, "user", "list", unbuffered=unbuffered)
    read_end, write_end = os.pipe()
    child = subprocess.Popen(argv, stdout=write_end, stderr=subprocess.PIPE, env=env)
    os.close(write_end)
    os.close(read_end)
    _, err = child.communicate(timeout=120)
    assert err.decode() == ""
    assert child.returncode == 0


class ClosedPipe(io.StringIO):
    """A stdout whose reader has gone."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def flush(self) -> None:
        raise BrokenPipeError(32, "Broken pipe")


def test_a_recovery_key_nobody_read_is_not_passed_over_quietly(
        tmp_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A listing cut short is normal; a key shown only once and never read is not."""
    cli = Cli(tmp_path / "case.db", tmp_path, capsys)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    code, _, err = cli.as_(SUPERVISOR, "init")
    assert code == 1
    assert "Traceback" not in err
    last = err.splitlines()[-1]  # after the words that go before the key
    assert last.startswith("casetracker: error: the output's reader closed the pipe")
    assert "recovery key was not shown in full" in last
    assert Path(cli.db).exists()
    code, _, err = cli.as_(SUPERVISOR, "user", "list")
    assert (code, err) == (0, "")


# -- 3. an old copy of the key file -----------------------------------------------------------

def test_an_old_key_file_is_not_called_a_damaged_database(created: Created, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    session = created.session
    accounts.add_account(session, CASE_MANAGER, Role.CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    accounts.add_account(session, COORDINATOR, Role.COORDINATOR, COORDINATOR_PASSPHRASE)
    paths = created.vault.paths
    old_keys = tmp_path / "old.keys"
    shutil.copy(paths.keys, old_keys)
    accounts.remove_account(session, CASE_MANAGER)  # rekeys the database
    session.close()
    current_keys = tmp_path / "current.keys"
    shutil.copy(paths.keys, current_keys)
    cli = Cli(paths.db, tmp_path, capsys)

    shutil.copy(old_keys, paths.keys)
    code, out, err = cli.as_(CASE_MANAGER, "survivor", "list")
    assert (code, out) == (1, "")
    removed = one_error_line(err)
    assert "key file is out of date" in removed
    assert "account was removed" in removed
    assert "is damaged" not in removed
    # An account still active, holding the same old copy, is told exactly the same: the
    # words cannot depend on who was removed, which only the database knows.
    code, _, err = cli.as_(COORDINATOR, "survivor", "list")
    assert code == 1
    assert one_error_line(err) == removed

    # With the current key file, a first page that does not decrypt is damage.
    shutil.copy(current_keys, paths.keys)
    assert cli.as_(COORDINATOR, "survivor", "list")[0] == 0
    with paths.db.open("r+b") as handle:
        handle.seek(100)
        handle.write(b"\xff" * 4)
    code, _, err = cli.as_(COORDINATOR, "survivor", "list")
    assert code == 1
    damaged = one_error_line(err)
    assert "case.db is damaged" in damaged
    assert "out of date" not in damaged


# -- 4. init --new-passphrase-file -------------------------------------------------------------

def test_init_takes_the_new_passphrase_file_like_user_add(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str],
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("CASETRACKER_PASSPHRASE", "CASETRACKER_NEW_PASSPHRASE", "CASETRACKER_USER"):
        monkeypatch.delenv(name, raising=False)
    cli = Cli(tmp_path / "case.db", tmp_path, capsys)
    code, _, err = cli("init", "--db", cli.db, "--user", SUPERVISOR,
                       "--new-passphrase-file", cli.secret(SUPERVISOR_PASSPHRASE),
                       "--passphrase-file", cli.secret("a different passphrase, long"))
    assert code == 2
    assert "hold different passphrases" in one_error_line(err)
    assert not Path(cli.db).exists()
    code, out, err = cli("init", "--db", cli.db, "--user", SUPERVISOR,
                         "--new-passphrase-file", cli.secret(SUPERVISOR_PASSPHRASE))
    assert code == 0, err
    assert len(out.strip().split("-")) == 6  # the recovery key
    assert cli.as_(SUPERVISOR, "user", "list")[0] == 0


# -- 5. consent revoke of an id that is not there, or not yours to see ---------------------------

def test_revoking_a_consent_that_is_not_there_says_so(team_cli: Cli) -> None:
    cli = team_cli
    case, real = cli.case, cli.consent

    def refused(name: str, consent_id: str) -> str:
        code, out, err = cli.as_(name, "consent", "revoke", consent_id, "--how", "oral")
        assert (code, out) == (1, "")
        return one_error_line(err)

    assert refused(CASE_MANAGER, "NOT-AN-ID") == ("casetracker: error: there is no consent "
                                                  "'NOT-AN-ID'")
    made_up = str(uuid.uuid4())
    never = refused(OTHER_CASE_MANAGER, made_up).replace(made_up, "ID")
    # Another case manager may not see this survivor's consents: a real id gets the very
    # words a made-up one does, and nothing of the case.
    assert refused(OTHER_CASE_MANAGER, real).replace(real, "ID") == never
    # A coordinator sees an active case's consents to employers only; this one is to an agency
    # (its recipient was typed into the case), so it is not there for them either.
    agency = refused(COORDINATOR, real)
    assert agency.replace(real, "ID") == never
    assert case not in agency
    assert cli.as_(CASE_MANAGER, "consent", "revoke", real, "--how", "oral")[:3] == (0, "", "")
    assert cli.as_(CASE_MANAGER, "survivor", "close", case)[0] == 0
    # Once the case is closed a coordinator may not see it: no longer told it exists.
    assert refused(COORDINATOR, real).replace(real, "ID") == never
    assert refused(COORDINATOR, made_up).replace(made_up, "ID") == never
    # The refused attempts on the real consent are in the audit trail all the same.
    code, out, _ = cli.as_(SUPERVISOR, "audit", "list", "--json")
    assert code == 0
    denied = [json.loads(line) for line in out.splitlines()]
    denied = [e for e in denied if e["action"] == "access.denied"
              and json.loads(e["details"])["attempted"] == "revoking a consent"]
    assert [(e["actor"], e["subject"]) for e in denied] == [
        (OTHER_CASE_MANAGER, case), (COORDINATOR, case), (COORDINATOR, case)]


# -- 6. dashboard options that need each other ---------------------------------------------------

def test_dashboard_metric_and_case_manager_go_together(team_cli: Cli) -> None:
    cli = team_cli
    code, out, err = cli.as_(SUPERVISOR, "dashboard", "--metric", "overdue_milestones")
    assert (code, out) == (2, "")
    assert "--metric overdue_milestones needs --case-manager NAME" in one_error_line(err)
    code, out, err = cli.as_(SUPERVISOR, "dashboard", "--case-manager", CASE_MANAGER)
    assert (code, out) == (2, "")
    line = one_error_line(err)
    assert "--case-manager needs --metric" in line
    assert "active_cases" in line
    code, out, _ = cli.as_(SUPERVISOR, "dashboard", "--case-manager", CASE_MANAGER, "--metric",
                           "active_cases", "--json")
    assert code == 0
    assert [json.loads(line)["case"] for line in out.splitlines()] == [cli.case]
    code, out, _ = cli.as_(SUPERVISOR, "dashboard")
    assert code == 0
    assert out.splitlines()[-1].startswith("funnel: ")


# -- 7. a failed restore leaves nothing behind ------------------------------------------------

def test_a_failed_restore_leaves_nothing_at_the_target(team_cli: Cli, tmp_path: Path) -> None:
    cli = team_cli
    backup = tmp_path / "backups" / "b.db"
    assert cli.as_(SUPERVISOR, "backup", "--out", str(backup))[:3] == (0, "", "")

    def restore(target: Path, name: str, passphrase: str) -> tuple[int, str]:
        code, _, err = cli("restore", str(backup), "--db", str(target), "--user", name,
                           "--passphrase-file", cli.secret(passphrase))
        return code, err

    fresh = tmp_path / "new" / "deeper" / "case.db"
    code, err = restore(fresh, SUPERVISOR, "not the passphrase at all")
    assert code == 1
    assert "does not open for 'sam' as a supervisor" in one_error_line(err)
    assert not (tmp_path / "new").exists()
    existing = tmp_path / "existing"
    existing.mkdir()
    (existing / "notes.txt").write_text("kept")
    target = existing / "case.db"
    # Every failure is answered alike (tests/security/test_lockout_by_slot.py), so a right
    # passphrase of a case manager does not tell itself from a wrong one.
    for name, passphrase in ((SUPERVISOR, "not the passphrase at all"),
                             ("nobody", "not the passphrase at all"),
                             (CASE_MANAGER, CASE_MANAGER_PASSPHRASE)):
        code, err = restore(target, name, passphrase)
        assert code == 1
        assert f"does not open for {name!r} as a supervisor" in one_error_line(err)
        assert sorted(p.name for p in existing.iterdir()) == ["notes.txt"]
    code, err = restore(target, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert (code, err) == (0, "")
    assert {"case.db", "case.db.keys"} <= {p.name for p in existing.iterdir()}


# -- 8. purge says what it removed ----------------------------------------------------------

def test_purge_says_what_it_removed_in_counts(team: Team, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    cm = team.case_manager
    case = survivors.create_survivor(cm, survivors.draft(
        preferred_name="Zyquorith", legal_last_name="Quaxmortlebee")).case_number
    plans.add_goal(cm, case, domain=GoalDomain.EMPLOYMENT, specific="Work in a kitchen",
                   measurable="An offer", achievable="Has training", relevant="Income",
                   target_date=TODAY + timedelta(days=90),
                   milestones=[("Visit two kitchens", TODAY + timedelta(days=30)),
                               ("Apply to three", TODAY + timedelta(days=60))])
    notes.add_note(cm, case, "Met at the library")
    notes.add_note(cm, case, "Phoned about the bus pass")
    notes.add_task(cm, case, "Call back", TODAY + timedelta(days=3))
    survivors.set_status(cm, case, CaseStatus.CLOSED)
    team.close()
    cli = Cli(team.vault.paths.db, tmp_path, capsys)
    code, out, err = cli.as_(SUPERVISOR, "survivor", "purge", case, "--confirm", case)
    assert (code, out) == (0, "")
    assert err == (f"purged {case}: the record, 1 goal, 2 milestones, "
                   f"{len(STANDARD_CHECKLIST)} documents, 2 case notes, 1 task and its search "
                   "entries\n")
    assert cli.as_(SUPERVISOR, "survivor", "show", case)[0] == 1
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        purged = [e for e in audit.recent_entries(session, 20) if e.action == "survivor.purge"]
    assert purged[0].details["rows"]["goals"] == 1


def _unlike(n: int) -> str:
    """A name of one word, another for each `n`: one name word is never a likely duplicate."""
    return "Person" + "".join("abcdefghij"[int(digit)] for digit in f"{n:04d}")
