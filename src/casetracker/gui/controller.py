"""Moves the application between locked and unlocked, and owns the safety features.

Locking closes the database, drops the session's keys, destroys every window that showed
case data and clears a sensitive value left on the clipboard.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtWidgets import QWidget

from casetracker.domain.accounts import Role
from casetracker.domain.errors import CaseTrackerError, ThrottledError
from casetracker.gui.lock_screen import (
    LockScreen,
    known_demo,
    names_hidden,
    note_demo,
    remember_database,
)
from casetracker.gui.messages import error_text
from casetracker.gui.safety import ClipboardGuard, IdleLock, QuickExit, hide_every_window
from casetracker.services.vault import Vault

# What only first run, recovery, unlocking or the settings need is imported where it is used,
# so that the lock screen appears sooner (benchmarks/README.md, start-up).
if TYPE_CHECKING:
    from casetracker.domain.settings import ProgramSettings
    from casetracker.gui.first_run import NewVault
    from casetracker.gui.main_window import MainWindow
    from casetracker.gui.recovery_dialog import Recovery
    from casetracker.services.session import Session


class AppController(QObject):
    unlocked = Signal()
    locked = Signal()
    quick_exited = Signal()  # everything hidden and locked: run() ends the program

    def __init__(self, vault: Vault, *, notice: str = "", demo: bool = False,
                 default_db: Path | None = None,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.vault = vault
        self.notice = notice
        # Before unlocking, a demonstration is known only as the app's own or as one unlocked
        # here before; the mark inside the database tells at unlock.
        self.demo = demo or known_demo(vault.paths.db)
        self.default_db = default_db  # where a new program database is suggested
        self._hold = contextlib.ExitStack()  # this window's claim on its database
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self.lock_screen: LockScreen | None = None
        self.active_dialog: QWidget | None = None
        self.clipboard = ClipboardGuard(parent=self)
        self.idle = IdleLock(300, clock=clock, parent=self)
        self.idle.idle.connect(self.lock_idle)
        self.quick_exit = QuickExit(clock=clock, active=self._on_screen, parent=self)
        self.quick_exit.triggered.connect(self.quick_exit_now)

    def start(self) -> None:
        # Quick exit from the lock screen on: it, too, tells an onlooker what this program
        # is. Installed once the screen is built and before it is shown: an application-wide
        # filter written in Python makes PySide6 wrap every object that building widgets
        # touches, which cost 25 ms before the lock screen appeared (benchmarks/README.md).
        if self.vault.exists():
            self.show_lock_screen()
        else:
            self.quick_exit.install()
            self.open_first_run()

    # -- locked -----------------------------------------------------------------------------

    def show_lock_screen(self, *, shown: bool = True) -> None:
        if self.lock_screen is None:
            self.lock_screen = LockScreen(self.vault.account_names(), notice=self.notice,
                                          demo=self.demo, location=str(self.vault.paths.db))
            self.lock_screen.unlock_requested.connect(self.try_unlock)
            self.lock_screen.recovery_requested.connect(self.open_recovery)
            self.lock_screen.setup_requested.connect(self.open_setup)
            self.lock_screen.join_requested.connect(self.open_join)
            self.lock_screen.open_requested.connect(self.open_database)
            self.lock_screen.resize(720, 520)
        if not shown:
            # After a quick exit: made but not shown, as the program is ending; minimised, so
            # that nothing showing it later brings it back full size.
            from PySide6.QtCore import Qt  # not on the way to the lock screen (15 ms)

            self.lock_screen.hide()
            self.lock_screen.setWindowState(Qt.WindowState.WindowMinimized)
        else:
            self.quick_exit.install()  # before anything is on screen (see start)
            self.lock_screen.show()
            self.lock_screen.raise_()

    def try_unlock(self, name: str, passphrase: str) -> None:
        assert self.lock_screen is not None
        try:
            session = self.vault.unlock(name, passphrase)
        except ThrottledError as exc:
            self.lock_screen.show_error(error_text(exc))
            self.lock_screen.wait(exc.wait_seconds)
            return
        except CaseTrackerError as exc:
            self.lock_screen.show_error(error_text(exc))
            return
        self.opened(session)

    def open_recovery(self) -> None:
        from casetracker.gui.recovery_dialog import RecoveryDialog

        hidden = names_hidden()
        dialog = RecoveryDialog([] if hidden else self.vault.account_names(), self.lock_screen)
        dialog.account.setEditable(hidden)  # typed, like on the lock screen
        dialog.submit = self._recover
        self.active_dialog = dialog
        dialog.open()

    def _recover(self, data: Recovery) -> None:
        session, key = self.vault.recover(data.account, data.recovery_key, data.new_passphrase)
        self._show_key_then_open(key, session)

    def open_first_run(self) -> None:
        from casetracker.gui.first_run import FirstRunDialog

        dialog = FirstRunDialog(str(self.vault.paths.db))
        dialog.submit = self._create
        if dialog.join_button is not None:
            dialog.join_button.clicked.connect(lambda: self._join_instead(dialog))
        self.active_dialog = dialog
        dialog.open()

    def _create(self, data: NewVault) -> None:
        session, key = self.vault.create(data.supervisor, data.passphrase)
        _keep_organisation(session, data)
        self._show_key_then_open(key, session)

    # -- choosing the database (from the lock screen) ------------------------------------------

    @contextlib.contextmanager
    def holding(self) -> Iterator[None]:
        """Hold the open database for the window's life (`DatabaseInUseError` if another
        window has it); a switch to another database moves the hold."""
        self._hold.enter_context(self.vault.hold_window())
        try:
            yield
        finally:
            self._hold.close()

    def _switch_to(self, vault: Vault) -> None:
        if vault.paths.db.resolve() != self.vault.paths.db.resolve():
            hold = contextlib.ExitStack()
            hold.enter_context(vault.hold_window())  # refused: nothing has changed yet
            self._hold.close()
            self._hold = hold
        self.vault, self.notice, self.demo = vault, "", known_demo(vault.paths.db)

    def _vault_at(self, path: Path) -> Vault:
        return Vault(path, kdf=self.vault.kdf, policy=self.vault.policy, clock=self.vault.clock)

    def open_setup(self) -> None:
        from casetracker.gui.first_run import FirstRunDialog, suggested_location

        dialog = FirstRunDialog(str(suggested_location(self.default_db)), self.lock_screen,
                                choose_location=True)
        dialog.submit = self._set_up
        self.active_dialog = dialog
        dialog.open()

    def _set_up(self, data: NewVault) -> None:
        assert data.location is not None
        vault = self._vault_at(data.location)
        session, key = vault.create(data.supervisor, data.passphrase)
        _keep_organisation(session, data)
        try:
            self._switch_to(vault)
        except BaseException:
            session.close()
            raise
        self._show_key_then_open(key, session)

    def open_join(self) -> None:
        """"Join a program…" on the lock screen: make this laptop's database from an
        enrollment file, then show its lock screen."""
        from casetracker.gui.first_run import suggested_location

        self._open_join(str(suggested_location(self.default_db)), self.lock_screen,
                        self.open_database)

    def _join_instead(self, first_run: QWidget) -> None:
        """From first run (no database yet): join, at the place the app looks first."""
        first_run.hide()
        self._open_join(str(self.vault.paths.db), None,
                        lambda path: self._joined_first(path, first_run),
                        cancelled=first_run.show)

    def _joined_first(self, path: str, first_run: QWidget) -> None:
        self._switch_to(self._vault_at(Path(path)))
        first_run.close()
        self.show_lock_screen()

    def _open_join(self, location: str, parent: QWidget | None,
                   joined: Callable[[str], None],
                   cancelled: Callable[[], None] | None = None) -> None:
        from casetracker.gui.laptops import JoinDialog, JoinRequest, join

        dialog = JoinDialog(location, parent)
        made: list[Path] = []

        def submit(request: JoinRequest) -> None:
            join(request)
            made.append(request.database)

        dialog.submit = submit
        dialog.accepted.connect(lambda: joined(str(made[-1])))
        if cancelled is not None:
            dialog.rejected.connect(cancelled)
        self.active_dialog = dialog
        dialog.open()

    def open_database(self, path: str) -> None:
        """Show the lock screen of the database at `path` (chosen on the lock screen)."""
        assert self.lock_screen is not None
        vault = self._vault_at(Path(path))
        try:
            vault.account_names()  # a database and key file this program can read
            self._switch_to(vault)
        except CaseTrackerError as exc:
            self.lock_screen.show_error(error_text(exc))
            return
        old, self.lock_screen = self.lock_screen, None
        self.show_lock_screen()
        assert self.lock_screen is not None
        self.lock_screen.setGeometry(old.geometry())
        old.close()
        old.deleteLater()

    def _show_key_then_open(self, key: str, session: Session) -> None:
        from casetracker.gui.first_run import RecoveryKeyDialog

        dialog = RecoveryKeyDialog(key)
        dialog.accepted.connect(lambda: self.opened(session))
        self.active_dialog = dialog
        dialog.open()

    # -- unlocked -----------------------------------------------------------------------------

    def opened(self, session: Session) -> None:
        from casetracker.services import accounts, settings

        self.session = session
        if session.account.must_change_passphrase:
            from casetracker.gui.dialogs.passphrase_dialog import PassphraseDialog

            dialog = PassphraseDialog(self.tr(
                "A supervisor set a temporary passphrase for this account. Choose your own "
                "before going on."), self.lock_screen)
            dialog.submit = lambda new: accounts.change_own_passphrase(session, new)
            dialog.accepted.connect(lambda: self.opened(session))
            dialog.rejected.connect(self.lock)
            self.active_dialog = dialog
            dialog.open()
            return
        # Loaded on first unlock, so the lock screen appears without the record screens and
        # the PDF libraries behind them.
        from casetracker.gui.main_window import MainWindow
        from casetracker.services import demo_mark

        if self.demo and not demo_mark.is_demo(session):
            demo_mark.mark(session)  # the app's demonstration, made before demos were marked
        self.demo = demo_mark.is_demo(session)
        if self.demo:
            note_demo(self.vault.paths.db)  # its lock screen says so from now on
        else:
            remember_database(self.vault.paths.db)  # opened first at the next start
        program = settings.get_settings(session)
        self.idle.timeout_seconds = program.auto_lock_minutes * 60
        from casetracker.gui import i18n

        language_notice = i18n.use_account_language(session)  # before any screen is made
        self.window = MainWindow(session, self.clipboard)
        self.window.lock_requested.connect(self.lock)
        self.window.quick_exit_requested.connect(self.quick_exit_now)
        self.window.settings_requested.connect(self.open_settings)
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        self.window.show()
        if language_notice:
            self.active_dialog = i18n.tell(language_notice, self.window)
        if self.lock_screen is not None:
            self.lock_screen.close()
            self.lock_screen.deleteLater()
            self.lock_screen = None
        self.idle.start()
        self.quick_exit.install()
        self.unlocked.emit()

    def open_settings(self) -> None:
        from casetracker.gui.dialogs.settings_dialog import SettingsDialog
        from casetracker.gui.i18n import save_language
        from casetracker.services import settings

        assert self.session is not None
        assert self.window is not None
        session = self.session
        from casetracker.services import sharing_support, staff_names
        from casetracker.services import sync as team

        folder = team.folder_setting(session) if team.in_program(session) else None
        dialog = SettingsDialog(settings.get_settings(session),
                                editable=session.account.role is Role.SUPERVISOR,
                                parent=self.window, own_name=staff_names.staff_name(session),
                                logo=sharing_support.logo(session),
                                sync_folder=None if not team.in_program(session)
                                else str(folder or ""))
        def submit(data: ProgramSettings) -> None:
            if team.in_program(session):  # this laptop's own, whoever is signed in
                chosen = dialog.chosen_sync_folder()
                team.set_folder_setting(session, Path(chosen) if chosen else None)
                if self.window is not None:
                    self.window.team_sync.refresh()
            save_language(dialog.chosen_language(), session)  # the account's own choice
            staff_names.set_staff_name(session, session.account.name, *dialog.own_name())
            self._save_settings(session, data, dialog.logo)
            if self.window is not None:
                self.window.show_letterhead_notice()

        dialog.submit = submit
        self.active_dialog = dialog
        dialog.open()

    def _save_settings(self, session: Session, data: ProgramSettings,
                       logo: bytes | None = None) -> None:
        if session.account.role is not Role.SUPERVISOR:
            return
        from casetracker.services import settings

        if logo is not None:
            from casetracker.services import sharing_support

            sharing_support.set_logo(session, logo)
        saved = settings.update_settings(
            session, auto_lock_minutes=data.auto_lock_minutes,
            organisation_name=data.organisation_name,
            organisation_address=data.organisation_address,
            organisation_phone=data.organisation_phone,
            readiness_track=data.readiness_track,
            service_types_added=data.service_types_added)
        self.idle.timeout_seconds = saved.auto_lock_minutes * 60

    def lock(self, why: str = "asked") -> None:
        """Close the database and every window that showed case data; show the lock screen."""
        self._close_unlocked(why)
        self.show_lock_screen()
        self.locked.emit()

    def lock_idle(self) -> None:
        self.lock("idle")

    def _close_unlocked(self, why: str) -> None:
        self.idle.stop()
        self.clipboard.clear()
        if self.active_dialog is not None:
            with contextlib.suppress(RuntimeError):  # already deleted by Qt
                self.active_dialog.close()
            self.active_dialog = None
        if self.window is not None:
            QSettings().setValue("window/geometry", self.window.saveGeometry())
            self.window.hide()
            self.window.close()
            self.window.deleteLater()
            self.window = None
        if self.session is not None:
            from casetracker.services import audit

            audit.record_lock(self.session, why)  # the unlock is the next "login" entry
            self.session.close()
            self.session = None

    def quick_exit_now(self) -> None:
        """Hide every window of the program at once, lock, and end the program.

        Minimising is not hiding: with no window manager a minimised window stays on screen
        full size, and with one it stays in the taskbar. So every top-level window (dialogs,
        message boxes, the dashboard and employer windows too) is hidden in one go, before the
        database is closed, and then `quick_exited` ends the program (app.run). Nothing of it
        is left on screen or in the taskbar, and the lock screen comes back only when Case
        Tracker is started again: a program left running hidden would have had to refuse that
        start as a second window on its database, with no window to switch to.
        """
        hide_every_window()
        self.quick_exit.uninstall()
        self._close_unlocked("quick exit")
        self.show_lock_screen(shown=False)
        self.locked.emit()
        self.quick_exited.emit()

    def _on_screen(self) -> bool:
        """Whether any window of this controller is showing (Esc twice acts only then)."""
        return any(widget is not None and shiboken6.isValid(widget) and widget.isVisible()
                   for widget in (self.window, self.lock_screen, self.active_dialog))


def _keep_organisation(session: Session, data: NewVault) -> None:
    """The organisation's details typed at set-up, kept as program settings (only those given:
    a blank stays for Settings…)."""
    from casetracker.services import settings

    given = {name: value for name in ("organisation_name", "organisation_address",
                                      "organisation_phone")
             if (value := getattr(data.organisation, name))}
    if given:
        settings.update_settings(session, **given)
