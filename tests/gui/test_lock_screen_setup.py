"""The lock screen's own doors: set up a program database, open another, hide the names; and
the demonstration band on every window of a demo database. Checked through the services."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWidget
from pytestqt.qtbot import QtBot

from casetracker.domain.accounts import Role
from casetracker.domain.errors import DatabaseInUseError
from casetracker.gui import lock_screen as lock_settings
from casetracker.gui.controller import AppController
from casetracker.gui.demo_banner import OBJECT_NAME
from casetracker.gui.first_run import FirstRunDialog, RecoveryKeyDialog, suggested_location
from casetracker.gui.lock_screen import LockScreen
from casetracker.gui.recovery_dialog import RecoveryDialog
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import accounts, demo, demo_mark, settings
from casetracker.services.vault import Vault
from tests.conftest import Team
from tests.gui.test_app import unlock
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
    confirm_recovery_key,
    snapshot,
)

NEW_PASSPHRASE = "a lamp on the quiet river"
DEMO_PASSPHRASE = "demo passphrase for the tests"


@pytest.fixture
def held(controller: AppController) -> Iterator[AppController]:
    """The controller holding its database, as the running app does."""
    with controller.holding():
        yield controller


def screen_of(controller: AppController) -> LockScreen:
    assert controller.lock_screen is not None
    return controller.lock_screen


def banner(window: QWidget) -> QLabel | None:
    """The band shown in `window` itself (not in a window opened from it)."""
    return next((found for found in window.findChildren(QLabel, OBJECT_NAME)
                 if found.window() is window and found.isVisibleTo(window)), None)


# -- setting up a program database ------------------------------------------------------------

def test_a_program_database_is_set_up_where_chosen_and_unlocks(
        qtbot: QtBot, team: Team, held: AppController, tmp_path: Path) -> None:
    held.default_db = tmp_path / "data" / "case.db"
    screen = screen_of(held)
    qtbot.mouseClick(screen.setup_button, Qt.MouseButton.LeftButton)
    dialog = held.active_dialog
    assert isinstance(dialog, FirstRunDialog)
    assert dialog.location is not None
    assert dialog.location.text() == str(tmp_path / "data" / "case.db")  # the suggestion
    chosen = tmp_path / "program" / "shelter.db"
    dialog.location.setText(str(chosen))
    qtbot.keyClicks(dialog.name, "rita")
    qtbot.keyClicks(dialog.passphrase, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.repeat, NEW_PASSPHRASE)
    qtbot.keyClicks(dialog.organisation_name, "Harbor Safe Jobs")
    qtbot.keyClicks(dialog.organisation_phone, "555-0100")
    dialog.accept()
    key_dialog = held.active_dialog
    assert isinstance(key_dialog, RecoveryKeyDialog)
    confirm_recovery_key(key_dialog, qtbot)
    key_dialog.accept()
    assert held.window is not None
    assert held.session is not None
    assert held.session.paths.db == chosen
    kept = settings.get_settings(held.session)  # the letterhead, typed at set-up
    assert (kept.organisation_name, kept.organisation_address, kept.organisation_phone) == (
        "Harbor Safe Jobs", "", "555-0100")
    assert not (tmp_path / "data" / "case.db").exists()  # only where chosen
    held.lock()
    # The new database is the one the lock screen now opens, and it unlocks.
    assert screen_of(held).account.currentText() == "rita"
    with Vault(chosen, kdf=FAST_INSECURE).unlock("rita", NEW_PASSPHRASE) as session:
        assert session.account.role is Role.SUPERVISOR
        assert [a.name for a in accounts.list_accounts(session)] == ["rita"]
        assert not demo_mark.is_demo(session)
    assert lock_settings.remembered_database() == chosen.resolve()  # opened next time
    # The window holds the new database now and let go of the old one.
    with pytest.raises(DatabaseInUseError), Vault(chosen).hold_window():
        pass
    with team.vault.hold_window():
        pass


def test_set_up_refuses_to_overwrite_an_existing_database(
        qtbot: QtBot, team: Team, held: AppController) -> None:
    paths = team.vault.paths
    before = snapshot(paths.db, paths.keys)
    qtbot.mouseClick(screen_of(held).setup_button, Qt.MouseButton.LeftButton)
    dialog = held.active_dialog
    assert isinstance(dialog, FirstRunDialog)
    assert dialog.location is not None
    for existing in (paths.db, paths.db.with_suffix("")):  # typed with or without .db
        dialog.location.setText(str(existing))
        dialog.name.setText("rita")
        dialog.passphrase.setText(NEW_PASSPHRASE)
        dialog.repeat.setText(NEW_PASSPHRASE)
        dialog.accept()
        assert dialog.isVisible()
        assert "never overwrites" in dialog.error.text()
    assert held.session is None
    assert snapshot(paths.db, paths.keys) == before
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert "rita" not in [a.name for a in accounts.list_accounts(session)]


def test_a_relative_or_empty_location_is_refused_with_the_reason(
        qtbot: QtBot, held: AppController, tmp_path: Path) -> None:
    qtbot.mouseClick(screen_of(held).setup_button, Qt.MouseButton.LeftButton)
    dialog = held.active_dialog
    assert isinstance(dialog, FirstRunDialog)
    assert dialog.location is not None
    dialog.name.setText("rita")
    dialog.passphrase.setText(NEW_PASSPHRASE)
    dialog.repeat.setText(NEW_PASSPHRASE)
    dialog.location.setText("case.db")
    dialog.accept()
    assert "whole path" in dialog.error.text()
    dialog.location.setText("  ")
    dialog.accept()
    assert "Choose where" in dialog.error.text()
    assert held.session is None


def test_choose_fills_in_the_location(qtbot: QtBot, held: AppController, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    picked = tmp_path / "elsewhere" / "ours.db"
    asked: list[str] = []

    def save_dialog(_parent: object, _title: str, start: str, *_a: object,
                    **_k: object) -> tuple[str, str]:
        asked.append(start)
        return str(picked), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    qtbot.mouseClick(screen_of(held).setup_button, Qt.MouseButton.LeftButton)
    dialog = held.active_dialog
    assert isinstance(dialog, FirstRunDialog)
    assert dialog.browse_button is not None
    assert dialog.location is not None
    suggested = dialog.location.text()
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert asked == [suggested]
    assert dialog.location.text() == str(picked)


def test_the_suggested_place_is_the_users_data_directory(tmp_path: Path) -> None:
    from platformdirs import user_data_dir

    assert suggested_location().parent == Path(user_data_dir("CaseTracker", appauthor=False))
    default = tmp_path / "case.db"
    assert suggested_location(default) == default
    default.write_bytes(b"")
    assert suggested_location(default) == tmp_path / "case-2.db"  # never the taken one
    (tmp_path / "case-2.db.keys").write_bytes(b"")
    assert suggested_location(default) == tmp_path / "case-3.db"


# -- opening another database ------------------------------------------------------------------

@pytest.fixture
def other(tmp_path: Path) -> Vault:
    """Another program's database with two accounts."""
    vault = Vault(tmp_path / "other" / "partner.db", kdf=FAST_INSECURE, clock=FakeClock())
    session, _key = vault.create("olga", NEW_PASSPHRASE)
    with session:
        accounts.add_account(session, "pat", Role.CASE_MANAGER, "pat's own long passphrase")
    return vault


def choose_file(monkeypatch: pytest.MonkeyPatch, path: Path | str) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(path), ""))


def test_another_database_is_opened_and_its_accounts_listed(
        qtbot: QtBot, team: Team, held: AppController, other: Vault,
        monkeypatch: pytest.MonkeyPatch) -> None:
    first = screen_of(held)
    names = [first.account.itemText(i) for i in range(first.account.count())]
    assert "olga" not in names
    choose_file(monkeypatch, other.paths.keys)  # the key file, picked by mistake, works too
    qtbot.mouseClick(first.open_button, Qt.MouseButton.LeftButton)
    screen = screen_of(held)
    assert screen is not first
    assert [screen.account.itemText(i) for i in range(screen.account.count())] == (
        other.account_names())
    assert other.account_names() == ["olga", "pat"]
    assert "partner.db" in screen.database_label.text()
    screen.account.setCurrentText("pat")
    qtbot.keyClicks(screen.passphrase, "pat's own long passphrase")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert held.session is not None
    assert held.session.paths.db == other.paths.db
    assert held.session.account.name == "pat"
    with pytest.raises(DatabaseInUseError), other.hold_window():
        pass
    with team.vault.hold_window():  # the first database is free for another window
        pass


def test_a_file_that_is_not_a_case_database_is_refused_on_the_lock_screen(
        qtbot: QtBot, held: AppController, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    stray = tmp_path / "notes.db"
    stray.write_bytes(b"not a database")
    choose_file(monkeypatch, stray)
    first = screen_of(held)
    qtbot.mouseClick(first.open_button, Qt.MouseButton.LeftButton)
    assert screen_of(held) is first
    assert "key file" in first.error.text()
    assert held.vault.paths.db != stray
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: ("", ""))
    qtbot.mouseClick(first.open_button, Qt.MouseButton.LeftButton)  # cancelled: no change
    assert screen_of(held) is first


def test_a_database_open_in_another_window_is_not_switched_to(
        qtbot: QtBot, held: AppController, other: Vault,
        monkeypatch: pytest.MonkeyPatch) -> None:
    choose_file(monkeypatch, other.paths.db)
    first = screen_of(held)
    with other.hold_window():  # another window has it
        qtbot.mouseClick(first.open_button, Qt.MouseButton.LeftButton)
    assert screen_of(held) is first
    assert "already open in another Case Tracker window" in first.error.text()
    assert held.vault.paths.db != other.paths.db


# -- the demonstration band -------------------------------------------------------------------

@pytest.fixture
def demo_vault(tmp_path: Path) -> Vault:
    path = tmp_path / "demo.db"
    demo.create_demo(path, 4, passphrase=DEMO_PASSPHRASE, kdf=FAST_INSECURE, seed=3)
    return Vault(path, kdf=FAST_INSECURE, clock=FakeClock())


def supervision_windows(qtbot: QtBot, controller: AppController, name: str,
                        passphrase: str) -> list[QWidget]:
    """Unlock as a supervisor and open every top-level window the toolbar offers."""
    window = unlock(qtbot, controller, name, passphrase)
    opened: list[QWidget] = [window]
    for action in (window.dashboard_action, window.employers_action, window.audit_action):
        action.trigger()
        assert window.active_dialog is not None
        opened.append(window.active_dialog)
    dashboard = opened[1]
    dashboard.drill_down(0, 1)  # type: ignore[attr-defined]
    opened.append(dashboard.active_dialog)  # type: ignore[attr-defined]
    return opened


def test_a_demo_database_says_so_on_every_window(qtbot: QtBot, demo_vault: Vault,
                                                 monotonic: FakeClock) -> None:
    with demo_vault.unlock("dana", DEMO_PASSPHRASE) as session:
        assert demo_mark.is_demo(session)  # recorded when the demo was made
    controller = AppController(demo_vault, clock=monotonic)
    controller.start()
    windows = supervision_windows(qtbot, controller, "dana", DEMO_PASSPHRASE)
    for window in windows:
        found = banner(window)
        assert found is not None, type(window).__name__
        assert "DEMONSTRATION DATA" in found.text()
        assert found.isVisible(), type(window).__name__
    main = windows[0]
    main.grab().save("/tmp/lock_demo_main_window.png")
    controller.lock()
    # Once it is known to be a demo, its lock screen says so too (also at the next start).
    screen = screen_of(controller)
    assert banner(screen) is not None
    assert lock_settings.known_demo(demo_vault.paths.db)
    restarted = AppController(demo_vault, clock=monotonic)
    restarted.show_lock_screen()
    assert banner(screen_of(restarted)) is not None
    assert lock_settings.remembered_database() is None  # a demo is never opened by default
    for each in (controller, restarted):
        screen_of(each).close()


def test_the_apps_own_demo_has_the_band_before_anyone_unlocks(
        qtbot: QtBot, demo_vault: Vault, monotonic: FakeClock) -> None:
    from casetracker.gui.app import demo_notice

    controller = AppController(demo_vault, notice=demo_notice(), demo=True, clock=monotonic)
    controller.start()
    screen = screen_of(controller)
    qtbot.addWidget(screen)
    screen.show()
    found = banner(screen)
    assert found is not None
    assert found.isVisible()
    assert "Set up your program's database" in screen.notice.text()
    assert "--db" not in screen.notice.text()
    screen.grab().save("/tmp/lock_demo.png")


def test_an_unmarked_demo_the_app_made_earlier_is_marked_at_unlock(
        qtbot: QtBot, team: Team, monotonic: FakeClock) -> None:
    team.close()
    controller = AppController(team.vault, demo=True, clock=monotonic)  # found by its path
    controller.start()
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert banner(window) is not None
    controller.lock()
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert demo_mark.is_demo(session)
    screen_of(controller).close()


def test_a_real_database_has_no_band_anywhere(qtbot: QtBot, team: Team,
                                              controller: AppController) -> None:
    screen = screen_of(controller)
    screen.show()
    assert banner(screen) is None
    screen.grab().save("/tmp/lock_real.png")
    from casetracker.services import survivors

    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft("CT-0001", "Rosa"))
    for window in supervision_windows(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE):
        assert window.findChildren(QLabel, OBJECT_NAME) == [], type(window).__name__
    controller.window.grab().save("/tmp/lock_real_main_window.png")  # type: ignore[union-attr]
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        assert not demo_mark.is_demo(session)


# -- not listing the account names --------------------------------------------------------------

def test_hidden_names_are_typed_instead(qtbot: QtBot, team: Team,
                                        controller: AppController) -> None:
    screen = screen_of(controller)
    screen.show()
    assert screen.account.count() == 4
    qtbot.mouseClick(screen.hide_names, Qt.MouseButton.LeftButton)
    assert lock_settings.names_hidden()  # kept for this computer, outside the database
    assert screen.account.count() == 0
    assert not screen.account.isVisible()
    assert screen.account_name.isVisible()
    screen.grab().save("/tmp/lock_names_hidden.png")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert "Type your account name" in screen.error.text()
    assert controller.session is None
    qtbot.keyClicks(screen.account_name, CASE_MANAGER)
    qtbot.keyClicks(screen.passphrase, CASE_MANAGER_PASSPHRASE)
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert controller.session is not None
    assert controller.session.account.name == CASE_MANAGER
    controller.lock()
    # The next lock screen, and the recovery dialog, list no names either.
    screen = screen_of(controller)
    assert screen.hide_names.isChecked()
    assert screen.account.count() == 0
    assert not any(name in label.text() for label in screen.findChildren(QLabel)
                   for name in (SUPERVISOR, CASE_MANAGER))
    qtbot.mouseClick(screen.recovery_button, Qt.MouseButton.LeftButton)
    recovery = controller.active_dialog
    assert isinstance(recovery, RecoveryDialog)
    assert recovery.account.count() == 0
    assert recovery.account.isEditable()
    recovery.close()
    qtbot.mouseClick(screen.hide_names, Qt.MouseButton.LeftButton)  # listed again
    assert not lock_settings.names_hidden()
    assert screen.account.count() == 4


# -- where the app starts ------------------------------------------------------------------------

def test_the_app_starts_with_the_database_last_unlocked_here(tmp_path: Path,
                                                             other: Vault) -> None:
    from casetracker.gui.app import choose_database

    default = tmp_path / "data" / "case.db"
    default.parent.mkdir()
    default.write_bytes(b"")  # the program's database in the data directory
    assert choose_database(None, default, FAST_INSECURE) == (default, "")
    assert choose_database(None, default, FAST_INSECURE, other.paths.db) == (other.paths.db, "")
    gone = tmp_path / "moved.db"
    assert choose_database(None, default, FAST_INSECURE, gone) == (default, "")
    named = tmp_path / "named.db"
    assert choose_database(named, default, FAST_INSECURE, other.paths.db) == (named, "")


def test_tab_order_of_the_set_up_dialog(qtbot: QtBot, tmp_path: Path) -> None:
    from tests.gui.test_accessibility import names_in_tab_order

    dialog = FirstRunDialog(str(tmp_path / "case.db"), choose_location=True)
    qtbot.addWidget(dialog)
    dialog.show()
    assert names_in_tab_order(dialog) == [
        "Database file", "Choose the database file", "Account name", "Passphrase",
        "Repeat the passphrase", "Organisation's name", "Organisation's address",
        "Organisation's phone", "OK", "Cancel"]
