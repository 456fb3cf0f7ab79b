"""The supervisor's administration windows, driven with real widgets and checked through the
services: staff accounts, backups, the recovery key, the database check, help and about."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from casetracker.domain.accounts import Role
from casetracker.domain.errors import AuthenticationError, PassphraseChangeRequiredError
from casetracker.gui import jobs
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.accounts_window import (
    AccountsWindow,
    AddAccountDialog,
    OneTimePassphraseDialog,
    RoleDialog,
    StaffNameDialog,
)
from casetracker.gui.dialogs.backups_window import BackupsWindow, RestoreDialog
from casetracker.gui.dialogs.check_window import CheckWindow
from casetracker.gui.dialogs.help_window import AboutDialog, HelpWindow
from casetracker.gui.first_run import RecoveryKeyDialog
from casetracker.gui.main_window import MainWindow
from casetracker.services import accounts, audit, copies, staff_names, survivors
from casetracker.services.vault import Vault
from tests.conftest import Created, Team
from tests.gui.test_app import unlock
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    confirm_recovery_key,
)


def _supervisor(qtbot: QtBot, controller: AppController) -> MainWindow:
    return unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)


def _wait(qtbot: QtBot, job: jobs.Job) -> None:
    qtbot.waitUntil(lambda: job not in jobs.running() and not job.isRunning(), timeout=30_000)


def _accounts(qtbot: QtBot, controller: AppController) -> AccountsWindow:
    window = _supervisor(qtbot, controller)
    assert window.accounts_action.isVisible()
    window.accounts_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, AccountsWindow)
    return dialog


def test_add_with_own_passphrase_then_unlock(qtbot: QtBot, team: Team,
                                             controller: AppController) -> None:
    window = _accounts(qtbot, controller)
    qtbot.mouseClick(window.add_button, Qt.MouseButton.LeftButton)
    add = window.active_dialog
    assert isinstance(add, AddAccountDialog)
    qtbot.keyClicks(add.name, "maria")
    add.role.setCurrentIndex(add.role.findData(Role.COORDINATOR.value))
    qtbot.keyClicks(add.passphrase, "marigold fields in late june")
    qtbot.keyClicks(add.repeat, "marigold fields in late june")
    add.accept()
    assert "maria" in [a.name for a in window.model.accounts]
    with team.vault.unlock("maria", "marigold fields in late june") as session:
        assert session.account.role is Role.COORDINATOR
        assert not session.account.must_change_passphrase


def test_add_with_one_time_passphrase(qtbot: QtBot, team: Team,
                                      controller: AppController) -> None:
    window = _accounts(qtbot, controller)
    window.open_add()
    add = window.active_dialog
    assert isinstance(add, AddAccountDialog)
    qtbot.keyClicks(add.name, "jo")
    add.one_time.setChecked(True)
    assert not add.passphrase.isEnabled()
    add.accept()
    shown = window.active_dialog
    assert isinstance(shown, OneTimePassphraseDialog)
    with team.vault.unlock("jo", shown.passphrase.text()) as session:
        assert session.account.must_change_passphrase
        with pytest.raises(PassphraseChangeRequiredError):
            survivors.caseload(session)


def test_reset_and_change_role(qtbot: QtBot, team: Team, controller: AppController,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    window = _accounts(qtbot, controller)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    window.select(CASE_MANAGER)
    assert window.reset_button.isEnabled()
    qtbot.mouseClick(window.reset_button, Qt.MouseButton.LeftButton)
    shown = window.active_dialog
    assert isinstance(shown, OneTimePassphraseDialog)
    with pytest.raises(AuthenticationError):
        team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    with team.vault.unlock(CASE_MANAGER, shown.passphrase.text()) as session:
        assert session.account.must_change_passphrase
    window.select(COORDINATOR)
    qtbot.mouseClick(window.role_button, Qt.MouseButton.LeftButton)
    role = window.active_dialog
    assert isinstance(role, RoleDialog)
    role.role.setCurrentIndex(role.role.findData(Role.CASE_MANAGER.value))
    role.accept()
    assert controller.session is not None
    listed = {a.name: a.role for a in accounts.list_accounts(controller.session)}
    assert listed[COORDINATOR] is Role.CASE_MANAGER


def test_a_supervisor_sets_how_a_colleague_signs_letters(qtbot: QtBot, team: Team,
                                                        controller: AppController) -> None:
    window = _accounts(qtbot, controller)
    window.select(COORDINATOR)
    qtbot.mouseClick(window.name_button, Qt.MouseButton.LeftButton)
    dialog = window.active_dialog
    assert isinstance(dialog, StaffNameDialog)
    dialog.display_name.setText("Cole Ramírez")  # QTest types ASCII only
    qtbot.keyClicks(dialog.job_title, "Employment coordinator")
    dialog.accept()
    assert controller.session is not None
    named = staff_names.staff_name(controller.session, COORDINATOR)
    assert (named.display_name, named.job_title) == ("Cole Ramírez", "Employment coordinator")
    row = next(i for i, a in enumerate(window.model.accounts) if a.name == COORDINATOR)
    shown = window.model.index(row, window.model.COL_SIGNS).data()
    assert shown == "Cole Ramírez, Employment coordinator"


def test_the_only_supervisor_is_told_why_own_account_is_locked(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    window = _accounts(qtbot, controller)
    window.select(SUPERVISOR)
    for button in (window.reset_button, window.role_button, window.remove_button):
        assert not button.isEnabled()
    assert "only supervisor" in window.notice.text()


def test_remove_rekeys_off_the_gui_thread(qtbot: QtBot, team: Team,
                                          controller: AppController) -> None:
    window = _accounts(qtbot, controller)
    assert controller.session is not None
    old_key = controller.session.data_key
    job = window.remove(CASE_MANAGER)
    _wait(qtbot, job)
    assert job.error is None, job.error
    assert CASE_MANAGER not in [a.name for a in window.model.accounts]
    assert controller.session.data_key != old_key  # the window's session reopened
    assert audit.verify_trail(controller.session).ok
    with pytest.raises(AuthenticationError):
        team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE)


def _backups(qtbot: QtBot, controller: AppController) -> BackupsWindow:
    window = _supervisor(qtbot, controller)
    window.backups_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, BackupsWindow)
    return dialog


def test_backup_then_restore_into_a_new_file(qtbot: QtBot, team: Team, rosa: object,
                                             controller: AppController, tmp_path: Path) -> None:
    window = _backups(qtbot, controller)
    main = window.parent()
    assert isinstance(main, MainWindow)
    assert main.backup_reminder.text()  # no backup yet
    out = tmp_path / "usb" / "backup.db"
    job = window.make_backup(out)
    _wait(qtbot, job)
    assert job.error is None, job.error
    assert out.exists()
    assert Path(f"{out}.keys").exists()
    assert "1 survivor" in window.result.text()
    assert "Rosa" not in window.result.text()
    assert window.model.rowCount() == 1
    assert controller.session is not None
    assert [b.path for b in copies.program_backups(controller.session)] == [out.resolve()]
    main.refresh_backup_reminder()
    assert not main.backup_reminder.isVisible()

    window.table.selectRow(0)
    window.open_restore()
    restore = window.active_dialog
    assert isinstance(restore, RestoreDialog)
    assert restore.source.text() == str(out.resolve())
    restore.target.setText(str(team.vault.paths.db))  # the open database: refused
    qtbot.keyClicks(restore.passphrase, SUPERVISOR_PASSPHRASE)
    restore.accept()
    assert "open now" in restore.error.text()
    target = tmp_path / "restored.db"
    restore.target.setText(str(target))
    restore.accept()
    assert window.job is not None
    _wait(qtbot, window.job)
    assert "Restored into" in window.result.text()
    with Vault(target, kdf=team.vault.kdf).unlock(CASE_MANAGER,
                                                  CASE_MANAGER_PASSPHRASE) as session:
        assert [s.case_number for s in survivors.caseload(session)] == ["CT-0001"]


def test_cancel_leaves_no_backup(qtbot: QtBot, team: Team, rosa: object,
                                 controller: AppController, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    window = _backups(qtbot, controller)
    release = threading.Event()
    original = jobs.Job.keep_going

    def held(self: jobs.Job, fraction: float | None = None) -> bool:
        release.wait(10)  # the worker waits here until the test has pressed Cancel
        return original(self, fraction)

    monkeypatch.setattr(jobs.Job, "keep_going", held)
    db_before = team.vault.paths.db.read_bytes()
    out = tmp_path / "usb" / "backup.db"
    job = window.make_backup(out)
    progress = job.progress_dialog  # type: ignore[attr-defined]
    progress.stop()  # the Cancel button's slot
    release.set()
    _wait(qtbot, job)
    assert job.cancelled
    assert "No backup was written" in window.result.text()
    assert not out.exists()
    assert not Path(f"{out}.keys").exists()
    assert not out.parent.exists()
    assert controller.session is not None
    assert copies.program_backups(controller.session) == []
    assert team.vault.paths.db.read_bytes() == db_before


def test_new_recovery_key_and_the_old_one_stops(qtbot: QtBot, team: Team, created: Created,
                                                controller: AppController) -> None:
    old_key = created.recovery_key
    window = _supervisor(qtbot, controller)
    window.open_recovery_key(ask=False)
    dialog = window.active_dialog
    assert isinstance(dialog, RecoveryKeyDialog)
    new_key = dialog.key_label.text()
    assert new_key != old_key
    assert not dialog.ok_button.isEnabled()
    dialog.confirm.setChecked(True)
    assert not dialog.ok_button.isEnabled()  # the groups asked for are not typed yet
    confirm_recovery_key(dialog, qtbot)
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert new_key in dialog.sheet().toPlainText()
    with pytest.raises(AuthenticationError):
        team.vault.recover(SUPERVISOR, old_key, "a brand new passphrase here")
    session, _next = team.vault.recover(SUPERVISOR, new_key, "a brand new passphrase here")
    session.close()


def test_check_says_in_words(qtbot: QtBot, team: Team, rosa: object,
                             controller: AppController) -> None:
    window = _supervisor(qtbot, controller)
    window.check_action.trigger()
    check = window.active_dialog
    assert isinstance(check, CheckWindow)
    job = check.run_check()
    _wait(qtbot, job)
    text = check.result.toPlainText()
    assert "The database is sound" in text
    assert "The audit log verifies" in text
    assert controller.session is not None
    assert audit.search(controller.session, action="vault.check")


def test_help_in_the_interface_language_and_about_after_unlock(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    window = _supervisor(qtbot, controller)
    window.guide_action.trigger()
    guide = window.active_dialog
    assert isinstance(guide, HelpWindow)
    assert "Guide for supervisors" in guide.text.toPlainText()
    guide.role.setCurrentIndex(guide.role.findData(Role.CASE_MANAGER.value))
    assert "Guide for case managers" in guide.text.toPlainText()
    spanish = HelpWindow(Role.COORDINATOR, window, language="es")
    qtbot.addWidget(spanish)
    assert "Guía para coordinadores" in spanish.text.toPlainText()
    assert "consentimiento" in spanish.text.toPlainText()
    window.open_about()
    about = window.active_dialog
    assert isinstance(about, AboutDialog)
    assert str(team.vault.paths.db) in about.body.text()
    assert "AGPL" in about.body.text()


def test_case_manager_sees_help_but_no_administration(qtbot: QtBot, team: Team,
                                                      controller: AppController) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    for action in (window.accounts_action, window.backups_action,
                   window.recovery_key_action, window.check_action):
        assert not action.isVisible()
    assert not window.backup_reminder.isVisible()
    window.open_guide()
    guide = window.active_dialog
    assert isinstance(guide, HelpWindow)
    assert "Guide for case managers" in guide.text.toPlainText()


def test_locking_while_a_backup_runs(qtbot: QtBot, team: Team, controller: AppController,
                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The lock closes the window and the session at once; the backup running on the worker's
    own connection stops, and nothing is left of it."""
    window = _backups(qtbot, controller)
    release = threading.Event()
    original = jobs.Job.keep_going

    def held(self: jobs.Job, fraction: float | None = None) -> bool:
        release.wait(10)
        return original(self, fraction)

    monkeypatch.setattr(jobs.Job, "keep_going", held)
    out = tmp_path / "backup.db"
    job = window.make_backup(out)
    controller.lock()
    assert controller.session is None
    qtbot.waitUntil(lambda: job._cancelled.is_set())  # the window's destruction cancels
    release.set()
    _wait(qtbot, job)
    assert job.cancelled
    assert not out.exists()
    assert not Path(f"{out}.keys").exists()
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert copies.program_backups(session) == []



def test_cancel_a_removal_leaves_the_account_and_the_key(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    from casetracker.services import rekey_copy

    window = _accounts(qtbot, controller)
    assert controller.session is not None
    old_key = controller.session.data_key
    keys_before = team.vault.paths.keys.read_bytes()
    holder: list[jobs.Job] = []
    started = threading.Event()

    def press_cancel(step: str) -> None:  # the copy is made: Cancel, as the person would
        if step == "exported":  # (on the worker thread; the GUI thread handles the press)
            assert started.wait(30)
            job = holder[0]
            job.progress_dialog.canceled.emit()  # type: ignore[attr-defined]
            assert job._cancelled.wait(30)

    rekey_copy.step_hook = press_cancel
    try:
        holder.append(window.remove(CASE_MANAGER))
        started.set()
        _wait(qtbot, holder[0])
    finally:
        rekey_copy.step_hook = None
    job = holder[0]
    assert job.cancelled
    assert "not removed" in window.notice.text()
    assert CASE_MANAGER in [a.name for a in window.model.accounts]
    assert controller.session.data_key == old_key
    assert not rekey_copy.leftovers(team.vault.paths)
    assert team.vault.paths.keys.read_bytes() == keys_before
    window.grab().save("/tmp/rekey-cancelled.png")
    team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE).close()
