"""Enrolling laptops on the desktop: a supervisor's "Enroll a laptop…" shows the one-time code
once; "Join a program…" on another laptop's lock screen makes its database from the file and
the code (a wrong code or a damaged file writes nothing); "Laptops…" revokes one after its
name is typed. Everything is checked through the services."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from casetracker.gui.controller import AppController
from casetracker.gui.laptops import (
    EnrollDialog,
    EnrollmentCodeDialog,
    JoinDialog,
    LaptopsWindow,
    RevokeDialog,
)
from casetracker.gui.main_window import MainWindow
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import devices
from casetracker.services.session import VaultPaths
from casetracker.services.vault import Vault
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
)
from tests.sync_laptops import Laptop, new_laptop

SHOTS = Path(os.environ.get("CASETRACKER_SHOTS", "")) if os.environ.get(
    "CASETRACKER_SHOTS") else None


def shot(widget: object, name: str) -> None:
    if SHOTS is not None:
        widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Laptop]:
    """The supervisor's laptop, not yet in a program."""
    folder = tmp_path / "folder"
    folder.mkdir()
    laptop = new_laptop(tmp_path, "office", folder)
    yield laptop
    laptop.close()


def unlock(qtbot: QtBot, controller: AppController, name: str,
           passphrase: str) -> MainWindow:
    screen = controller.lock_screen
    assert screen is not None
    screen.account.setCurrentText(name)
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None, screen.error.text()
    qtbot.addWidget(controller.window)
    return controller.window


def desktop(qtbot: QtBot, vault: Vault, name: str = SUPERVISOR,
            passphrase: str = SUPERVISOR_PASSPHRASE) -> tuple[AppController, MainWindow]:
    controller = AppController(vault, clock=FakeClock(1000.0))
    controller.start()
    return controller, unlock(qtbot, controller, name, passphrase)


def enroll_from_window(qtbot: QtBot, window: MainWindow, name: str, out: Path,
                       monkeypatch: pytest.MonkeyPatch) -> EnrollmentCodeDialog:
    offered: list[str] = []

    def save_dialog(_parent: object, _title: str, suggested: str,
                    filters: str) -> tuple[str, str]:
        offered.append(suggested)
        assert "*.enrollment" in filters
        return str(out), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    window.team_sync.enroll_action.trigger()
    dialog = window.team_sync.active_dialog
    assert isinstance(dialog, EnrollDialog)
    qtbot.keyClicks(dialog.name, name)
    qtbot.mouseClick(dialog.browse_button, Qt.MouseButton.LeftButton)
    assert offered
    assert offered[0].endswith(".enrollment")
    assert dialog.out.text() == str(out)
    shot(dialog, "dialog-enroll-laptop")
    dialog.accept()
    shown = window.team_sync.active_dialog
    assert isinstance(shown, EnrollmentCodeDialog), dialog.error.text()
    return shown


def test_enroll_then_join_from_a_lock_screen_and_unlock_with_the_same_passphrase(
        qtbot: QtBot, office: Laptop, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "outreach-2.enrollment"
    controller, window = desktop(qtbot, office.vault)
    try:
        assert window.team_sync.enroll_action.isVisible()
        assert not window.team_sync.sync_action.isVisible()  # not in a program yet
        code_dialog = enroll_from_window(qtbot, window, "outreach 2", out, monkeypatch)
        code = code_dialog.code_label.text()
        assert out.is_file()
        # Shown once, selectable, and said to be given apart from the file.
        assert code_dialog.code_label.textInteractionFlags() & (
            Qt.TextInteractionFlag.TextSelectableByMouse)
        words = " ".join(label.text() for label in code_dialog.findChildren(type(
            code_dialog.code_label)))
        assert "separately" in words
        assert "Sync now" in words
        assert code.encode() not in out.read_bytes()
        shot(code_dialog, "dialog-enrollment-code")
        code_dialog.close()
        assert window.team_sync.sync_action.isVisible()  # the program has started
        assert [d.name for d in devices.laptops(office.supervisor)][1:] == ["outreach 2"]
    finally:
        controller.lock()

    # The new laptop: a lock screen (of some database), "Join a program…".
    new_db = tmp_path / "new laptop" / "case.db"
    stranger = new_laptop(tmp_path, "stranger", tmp_path / "folder")
    stranger.close()
    joiner = AppController(stranger.vault, clock=FakeClock(1000.0), default_db=new_db)
    joiner.start()
    screen = joiner.lock_screen
    assert screen is not None
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *_a, **_k: (str(out), ""))
    qtbot.mouseClick(screen.join_button, Qt.MouseButton.LeftButton)
    dialog = joiner.active_dialog
    assert isinstance(dialog, JoinDialog)
    assert dialog.location.text() == str(new_db)  # the suggested place, as set-up's
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert dialog.file.text() == str(out)

    wrong = ("A" if code[0] != "A" else "B") + code[1:]
    qtbot.keyClicks(dialog.code, wrong)
    dialog.accept()  # a wrong code: the service's error, nothing written
    assert dialog.isVisible()
    assert "code" in dialog.error.text() or "enrollment file" in dialog.error.text()
    paths = VaultPaths(new_db)
    assert not paths.db.exists()
    assert not paths.keys.exists()

    damaged = tmp_path / "damaged.enrollment"
    data = bytearray(out.read_bytes())
    data[-5] ^= 0x01
    damaged.write_bytes(bytes(data))
    dialog.file.setText(str(damaged))
    dialog.code.setText(code)
    dialog.accept()  # a damaged file: refused the same way
    assert dialog.isVisible()
    assert dialog.error.text()
    assert not paths.db.exists()
    assert not paths.keys.exists()

    dialog.file.setText(str(out))
    shot(dialog, "dialog-join-program")
    dialog.accept()
    assert not dialog.isVisible(), dialog.error.text()
    assert paths.db.is_file()
    assert paths.keys.is_file()
    # The new database's lock screen, which unlocks with the supervisor's usual passphrase.
    assert joiner.vault.paths.db.resolve() == new_db.resolve()
    window = unlock(qtbot, joiner, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    try:
        rows = devices.laptops(window.session)
        assert rows[0].this_laptop
        assert rows[0].name == "outreach 2"
    finally:
        joiner.lock()
        if joiner.lock_screen is not None:
            joiner.lock_screen.close()
    with Vault(new_db, kdf=FAST_INSECURE).unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as cm:
        assert cm.account.name == CASE_MANAGER


def test_revoking_a_laptop_asks_for_its_name_typed(
        qtbot: QtBot, office: Laptop, tmp_path: Path) -> None:
    devices.enroll(office.supervisor, "outreach 2", tmp_path / "o2.enrollment",
                   kdf=FAST_INSECURE)
    controller, window = desktop(qtbot, office.vault)
    try:
        window.team_sync.laptops_action.trigger()
        laptops = window.team_sync.active_dialog
        assert isinstance(laptops, LaptopsWindow)
        assert laptops.table.rowCount() == 2
        laptops.table.selectRow(0)  # this laptop cannot be revoked from here
        assert not laptops.revoke_button.isEnabled()
        laptops.table.selectRow(1)
        assert laptops.table.item(1, 0).text() == "outreach 2"
        assert laptops.table.item(1, LaptopsWindow.REVOKED).text() == "no"
        shot(laptops, "window-laptops")
        qtbot.mouseClick(laptops.revoke_button, Qt.MouseButton.LeftButton)
        confirm = laptops.active_dialog
        assert isinstance(confirm, RevokeDialog)
        qtbot.keyClicks(confirm.typed, "outreach")
        assert not confirm.ok_button.isEnabled()  # not its name yet
        assert devices.laptops(office.supervisor)[1].revoked_at is None
        qtbot.keyClicks(confirm.typed, " 2")
        assert confirm.ok_button.isEnabled()
        shot(confirm, "dialog-revoke-laptop")
        qtbot.mouseClick(confirm.ok_button, Qt.MouseButton.LeftButton)
        assert not confirm.isVisible(), confirm.error.text()
        assert devices.laptops(office.supervisor)[1].revoked_at is not None
        assert laptops.table.item(1, LaptopsWindow.REVOKED).text() != "no"  # shown at once
        laptops.table.selectRow(1)
        assert not laptops.revoke_button.isEnabled()
    finally:
        controller.lock()
        if controller.lock_screen is not None:
            controller.lock_screen.close()


def test_a_laptop_that_never_joined_in_its_week_shows_as_revoked_unused(
        qtbot: QtBot, office: Laptop, tmp_path: Path) -> None:
    """Unlocking the enrolling laptop after the week revokes a laptop never heard from; the
    Laptops window says why (no survivor data in it)."""
    from datetime import date, timedelta

    from casetracker.domain import clock as program_clock

    moment = program_clock.FixedClock(date(2031, 5, 6))
    with program_clock.using(moment):
        devices.enroll(office.supervisor, "outreach 3", tmp_path / "o3.enrollment",
                       kdf=FAST_INSECURE)
        moment.advance(timedelta(days=devices.ENROLLMENT_DAYS, minutes=1))
        controller, window = desktop(qtbot, office.vault)
        try:
            window.team_sync.laptops_action.trigger()
            laptops = window.team_sync.active_dialog
            assert isinstance(laptops, LaptopsWindow)
            assert laptops.table.item(1, 0).text() == "outreach 3"
            assert laptops.table.item(1, LaptopsWindow.REVOKED).text() == (
                "2031-05-13 10:31 (enrollment expired unused)")
            laptops.table.selectRow(1)
            assert not laptops.revoke_button.isEnabled()
        finally:
            controller.lock()
            if controller.lock_screen is not None:
                controller.lock_screen.close()


def test_only_supervisors_enroll_or_see_the_laptops(qtbot: QtBot, office: Laptop) -> None:
    controller, window = desktop(qtbot, office.vault, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    try:
        assert not window.team_sync.enroll_action.isVisible()
        assert not window.team_sync.laptops_action.isVisible()
    finally:
        controller.lock()
        if controller.lock_screen is not None:
            controller.lock_screen.close()


def test_a_laptop_without_a_database_joins_from_first_run(
        qtbot: QtBot, office: Laptop, tmp_path: Path) -> None:
    out = tmp_path / "fresh.enrollment"
    code = devices.enroll(office.supervisor, "fresh", out, kdf=FAST_INSECURE).code
    where = tmp_path / "fresh laptop" / "case.db"
    controller = AppController(Vault(where, kdf=FAST_INSECURE), clock=FakeClock(1000.0))
    controller.start()  # no database here: first run, which offers joining instead
    first_run = controller.active_dialog
    assert first_run is not None
    assert controller.lock_screen is None
    qtbot.mouseClick(first_run.join_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    dialog = controller.active_dialog
    assert isinstance(dialog, JoinDialog)
    assert dialog.location.text() == str(where)  # where the app looks first
    dialog.reject()  # changed their mind: first run is back
    assert first_run.isVisible()
    qtbot.mouseClick(first_run.join_button, Qt.MouseButton.LeftButton)  # type: ignore[attr-defined]
    dialog = controller.active_dialog
    assert isinstance(dialog, JoinDialog)
    dialog.file.setText(str(out))
    qtbot.keyClicks(dialog.code, code)
    dialog.accept()
    assert not dialog.isVisible(), dialog.error.text()
    assert VaultPaths(where).db.is_file()
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    try:
        assert devices.laptops(window.session)[0].name == "fresh"
    finally:
        controller.lock()
        if controller.lock_screen is not None:
            controller.lock_screen.close()
