"""Team use on the desktop: the sync folder in Settings, "Sync now" with its one-line summary
in the status bar, the automatic sync's timer slot, and the Conflicts window's Keep buttons.
Everything is checked through the services. (The timer's slot is called directly: no test
waits for a timer.)"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.gui.controller import AppController
from casetracker.gui.main_window import MainWindow
from casetracker.services import conflicts, survivors
from casetracker.services import sync as team
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
)
from tests.sync_laptops import Laptop, program_of, sync_all, take_in

SHOTS = Path(os.environ.get("CASETRACKER_SHOTS", "")) if os.environ.get(
    "CASETRACKER_SHOTS") else None


def shot(widget: object, name: str) -> None:
    if SHOTS is not None:
        widget.grab().save(str(SHOTS / f"{name}.png"))  # type: ignore[attr-defined]


@pytest.fixture
def laptops(tmp_path: Path) -> Iterator[list[Laptop]]:
    with program_of(tmp_path, 2) as made:
        yield made


def desktop(qtbot: QtBot, laptop: Laptop, name: str, passphrase: str) -> tuple[
        AppController, MainWindow]:
    controller = AppController(laptop.vault, clock=FakeClock(1000.0))
    controller.start()
    screen = controller.lock_screen
    assert screen is not None
    screen.account.setCurrentText(name)
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None, screen.error.text()
    qtbot.addWidget(controller.window)
    return controller, controller.window


def test_the_folder_in_settings_sync_now_and_the_automatic_sync(
        qtbot: QtBot, laptops: list[Laptop]) -> None:
    a, b = laptops
    take_in(b, "CT-1")
    b.sync()
    controller, window = desktop(qtbot, a, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    try:
        assert team.folder_setting(a.supervisor) is None
        assert not window.team_sync.timer.isActive()  # no folder yet: no automatic sync
        window.settings_action.trigger()
        dialog = controller.active_dialog
        assert dialog is not None
        # In a team program the settings are the program's: the dialog says so.
        assert dialog.team_note.isVisibleTo(dialog)
        assert "every laptop of the program takes them" in dialog.team_note.text()
        assert "sync folder" in dialog.team_note.text()
        qtbot.keyClicks(dialog.sync_folder, str(a.folder / "missing"))
        dialog.accept()  # a folder that does not exist: refused, the dialog stays
        assert dialog.isVisible()
        assert team.folder_setting(a.supervisor) is None
        dialog.sync_folder.clear()
        qtbot.keyClicks(dialog.sync_folder, str(a.folder))
        shot(dialog, "settings-sync-folder")
        dialog.accept()
        assert team.folder_setting(a.supervisor) == a.folder
        assert window.team_sync.timer.isActive()
        # Sync now, from the Tools menu: b's case arrives, the summary is in the status bar.
        assert window.team_sync.sync_action.isVisible()
        window.team_sync.sync_action.trigger()
        message = window.statusBar().currentMessage()
        # (English plural forms come from the translation the lead regenerates.)
        # a's first exchange sends its note that it joined, though it made nothing.
        assert re.fullmatch(r"Synced: sent 1 change(s|\(s\))?, received [1-9][0-9]* "
                            r"change(s|\(s\)), 0 conflict(s|\(s\)) waiting", message), message
        assert survivors.get_survivor(a.supervisor, "CT-1").preferred_name == "Rosa"
        assert window.model.total == 1  # the caseload shows it
        shot(window, "main-window-synced")
        # The timer's slot: b's next change arrives without anyone asking.
        survivors.update_survivor(b.case_manager, "CT-1", pronouns="she")
        b.sync()
        window.team_sync.auto_sync()
        assert survivors.get_survivor(a.supervisor, "CT-1").pronouns == "she"
        # A folder that went away (a USB stick pulled out) is said in words.
        a.folder.rename(a.folder.with_name("elsewhere"))
        window.team_sync.auto_sync()
        assert "cannot be reached" in window.statusBar().currentMessage()
    finally:
        controller.lock()
        if controller.lock_screen is not None:
            controller.lock_screen.close()
    assert not window.team_sync.timer.isActive()  # locked: no more syncing


def test_the_conflicts_window_keeps_a_value(qtbot: QtBot, laptops: list[Laptop]) -> None:
    a, b = laptops
    take_in(a, "CT-1")
    sync_all(laptops)
    moment = clock.now()
    for minutes, laptop, phone in ((1, a, "555-0101"), (2, b, "555-0202")):
        at = moment + timedelta(minutes=minutes)
        with clock.using(clock.FixedClock(at.date(), at.time())):
            survivors.update_survivor(laptop.case_manager, "CT-1", phone=phone)
    sync_all(laptops)
    controller, window = desktop(qtbot, a, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    try:
        assert window.team_sync.conflicts_action.isVisible()
        window.team_sync.conflicts_action.trigger()
        shown = window.team_sync.conflicts_window
        assert shown is not None
        qtbot.addWidget(shown)
        (view,) = conflicts.waiting(a.supervisor)
        waiting = next(v for v in view.values if not v.current)
        assert set(shown.keep_buttons) == {(view.conflict_id, v.value_id) for v in view.values}
        assert shown.table.item(0, shown.COL_VALUE).text() == "555-0202"
        shot(shown, "conflicts-window")
        qtbot.mouseClick(shown.keep_buttons[(view.conflict_id, waiting.value_id)],
                         Qt.MouseButton.LeftButton)
        assert conflicts.waiting(a.supervisor) == []
        assert survivors.get_survivor(a.supervisor, "CT-1").phone == "555-0101"
        assert shown.empty.isVisible()
    finally:
        controller.lock()
        if controller.lock_screen is not None:
            controller.lock_screen.close()
    sync_all(laptops)
    assert survivors.get_survivor(b.supervisor, "CT-1").phone == "555-0101"
    assert conflicts.waiting(b.supervisor) == []


def test_the_laptops_window_shows_what_arrived_and_the_content_digest(
        qtbot: QtBot, laptops: list[Laptop]) -> None:
    """What `sync --status` prints, on the desktop: how far b's changes were applied here and
    how far they are in the folder (a bundle waiting shows as the difference), and the
    content digest worked out on a worker thread, equal to b's once both have exchanged."""
    from casetracker.gui import jobs
    from casetracker.gui.laptops import LaptopsWindow

    a, b = laptops
    take_in(b, "CT-1")
    b.sync()
    sent = team.status(b.supervisor, digest=False).sent_seq
    team.set_folder_setting(a.supervisor, a.folder)
    controller, window = desktop(qtbot, a, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    try:
        window.team_sync.laptops_action.trigger()
        shown = window.team_sync.active_dialog
        assert isinstance(shown, LaptopsWindow)
        row = next(i for i in range(shown.table.rowCount())
                   if shown.table.item(i, shown.NAME).text() == b.name)
        before = team.status(a.supervisor, a.folder, digest=False)
        applied = next(lt.applied_seq for lt in before.laptops if lt.laptop_id == b.laptop_id)
        assert applied < sent  # b's new bundle waits in the folder
        assert shown.table.item(row, shown.CHANGES).text() == (
            f"applied 1–{applied}" if applied else "applied none")
        assert shown.table.item(row, shown.IN_FOLDER).text() == f"1–{sent}"
        assert shown.table.item(0, shown.CHANGES).text().startswith("sent")
        window.team_sync.sync_action.trigger()
        b.sync()
        window.team_sync.sync_action.trigger()
        shown.reload()
        assert shown.table.item(row, shown.CHANGES).text() == shown.table.item(
            row, shown.IN_FOLDER).text().replace("1–", "applied 1–")
        job = shown.work_out_digest()
        qtbot.waitUntil(lambda: job not in jobs.running() and not job.isRunning(),
                        timeout=30_000)
        assert shown.digest_button.isEnabled()
        assert b.digest() == a.digest()
        assert shown.digest.text() == a.digest()
        shot(shown, "window-laptops-status")
    finally:
        controller.lock()
        if controller.lock_screen is not None:
            controller.lock_screen.close()
