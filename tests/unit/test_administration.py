"""The services behind the administration windows: roles, one-time passphrases, last unlocks,
backups that can be stopped, the backups the program made, and the backup reminder."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain import clock as program_clock
from casetracker.domain.accounts import Role
from casetracker.domain.errors import (
    AuthenticationError,
    OperationCancelledError,
    PassphraseChangeRequiredError,
    UsageError,
)
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts, audit, backup, copies, settings, survivors
from casetracker.services.vault import Vault
from tests.conftest import Team
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
)


def _backups_recorded(team: Team) -> int:
    return len(audit.search(team.supervisor, action="backup.create"))


def _fill(team: Team, count: int = 60) -> None:
    for number in range(count):
        survivors.create_survivor(team.case_manager, survivors.draft(
            f"CT-{number:04d}", f"Person {number}", legal_first_name="Legal",
            legal_last_name=f"Name {number}"))


def test_change_role_is_audited_and_the_cli_does_it_too(team: Team, tmp_path: Path) -> None:
    changed = accounts.change_role(team.supervisor, CASE_MANAGER, Role.COORDINATOR)
    assert changed.role is Role.COORDINATOR
    entry = audit.search(team.supervisor, action="account.role_changed")[-1]
    assert entry.subject == CASE_MANAGER
    passphrase = tmp_path / "p"
    passphrase.write_text(SUPERVISOR_PASSPHRASE)
    team.close()
    assert main(["user", "role", CASE_MANAGER, "case-manager", "--db", str(team.vault.paths.db),
                 "--user", SUPERVISOR, "--passphrase-file", str(passphrase)],
                kdf=FAST_INSECURE) == 0
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        assert session.account.role is Role.CASE_MANAGER


def test_role_changes_refused(team: Team) -> None:
    with pytest.raises(UsageError, match="your own role"):
        accounts.change_role(team.supervisor, SUPERVISOR, Role.CASE_MANAGER)
    with pytest.raises(Exception, match="supervisor"):
        accounts.change_role(team.case_manager, SUPERVISOR, Role.CASE_MANAGER)


def test_the_last_supervisor_keeps_the_role(team: Team) -> None:
    # Only reachable when the acting account is no longer a supervisor in the database
    # (another window demoted it): the rule itself must still hold.
    accounts.add_account(team.supervisor, "lee", Role.SUPERVISOR, "a long passphrase for lee")
    lee = team.vault.unlock("lee", "a long passphrase for lee")
    try:
        accounts.change_role(lee, SUPERVISOR, Role.CASE_MANAGER)
        with pytest.raises(UsageError, match="last supervisor"):
            accounts.change_role(team.supervisor, "lee", Role.CASE_MANAGER)
        with pytest.raises(UsageError, match="last supervisor"):
            accounts.remove_account(team.supervisor, "lee")
    finally:
        lee.close()


def test_one_time_passphrase_must_be_changed_at_first_unlock(team: Team) -> None:
    passphrase = accounts.one_time_passphrase()
    assert len(passphrase) >= 15
    accounts.add_account(team.supervisor, "new.person", Role.CASE_MANAGER, passphrase,
                         one_time=True)
    with team.vault.unlock("new.person", passphrase) as session:
        assert session.account.must_change_passphrase
        with pytest.raises(PassphraseChangeRequiredError):
            survivors.caseload(session)
        accounts.change_own_passphrase(session, "my very own passphrase now")
        assert not session.account.must_change_passphrase


def test_last_unlocks_come_from_the_audit_trail(team: Team) -> None:
    last = accounts.last_unlocks(team.supervisor)
    assert CASE_MANAGER in last
    assert SUPERVISOR not in last  # made the database, never unlocked it since
    with pytest.raises(Exception, match="supervisor"):
        accounts.last_unlocks(team.case_manager)


def test_backup_reports_size_and_counts_and_is_listed(team: Team, tmp_path: Path) -> None:
    _fill(team, 3)
    made = backup.create_backup(team.supervisor, tmp_path / "b" / "one.db")
    assert made.size == made.path.stat().st_size > 0
    assert made.counts["survivors"] == 3
    assert made.counts["users"] == 4
    listed = copies.program_backups(team.supervisor)
    assert [b.path for b in listed] == [made.path.resolve()]
    assert listed[0].found
    assert listed[0].size == made.size
    assert listed[0].counts == made.counts


def test_a_stopped_backup_leaves_no_file_and_no_record(team: Team, tmp_path: Path) -> None:
    _fill(team)
    out = tmp_path / "new-folder" / "stopped.db"
    calls: list[float | None] = []

    def stop_midway(fraction: float | None) -> bool:
        calls.append(fraction)
        return len(calls) < 3

    before = _backups_recorded(team)
    with pytest.raises(OperationCancelledError):
        backup.create_backup(team.supervisor, out, progress=stop_midway)
    assert len(calls) >= 3
    assert not out.exists()
    assert not Path(f"{out}.keys").exists()
    assert not out.parent.exists()  # the folder it made is gone too
    assert _backups_recorded(team) == before
    # Checked on a fresh connection: a connection that did not write the survivors keeps a
    # stale view of the search index, which SQLite's check reports as a checksum mismatch.
    with team.supervisor.open_copy() as fresh:
        assert backup.integrity_check(fresh) == []


def test_a_stopped_check_records_nothing(team: Team) -> None:
    before = len(audit.search(team.supervisor, action="vault.check"))
    with pytest.raises(OperationCancelledError):
        backup.integrity_check(team.supervisor, progress=lambda _f: False)
    assert len(audit.search(team.supervisor, action="vault.check")) == before


def test_a_stopped_restore_leaves_nothing_at_the_target(team: Team, tmp_path: Path) -> None:
    made = backup.create_backup(team.supervisor, tmp_path / "b.db")
    target = Vault(tmp_path / "restored" / "case.db", kdf=FAST_INSECURE)
    seen: list[float | None] = []

    def stop_while_copying(fraction: float | None) -> bool:
        seen.append(fraction)
        return fraction is None or fraction < 0.5

    with pytest.raises(OperationCancelledError):
        backup.restore_backup(made.path, target, SUPERVISOR, SUPERVISOR_PASSPHRASE,
                              progress=stop_while_copying)
    assert not (tmp_path / "restored").exists()
    restored = backup.restore_backup(made.path, target, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    restored.close()
    with target.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        assert session.account.role is Role.CASE_MANAGER


def test_backup_reminder_follows_the_setting(team: Team, tmp_path: Path) -> None:
    assert copies.days_since_last_backup(team.supervisor) is None
    assert settings.get_settings(team.supervisor).backup_reminder_days == 7
    backup.create_backup(team.supervisor, tmp_path / "b.db")
    assert copies.days_since_last_backup(team.supervisor) == 0
    later = program_clock.FixedClock(program_clock.today() + timedelta(days=9))
    with program_clock.using(later):
        assert copies.days_since_last_backup(team.supervisor) == 9
    settings.update_settings(team.supervisor, backup_reminder_days=14)
    assert settings.get_settings(team.supervisor).backup_reminder_days == 14
    with pytest.raises(Exception, match="between"):
        settings.update_settings(team.supervisor, backup_reminder_days=0)


def test_session_copy_rekey_then_reconnect(team: Team) -> None:
    """A removal done on a copy's own connection (as the window does on its worker thread);
    the first session then reopens under the new key and goes on working."""
    copy = team.supervisor.open_copy()
    try:
        accounts.remove_account(copy, CASE_MANAGER)
        new_key, secrets = copy.data_key, copy.slot_secrets
    finally:
        copy.close()
    assert new_key != team.supervisor.data_key
    team.supervisor.reconnect(new_key, secrets)
    assert CASE_MANAGER not in [a.name for a in accounts.list_accounts(team.supervisor)]
    assert audit.verify_trail(team.supervisor).ok
    with pytest.raises(AuthenticationError):
        team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
