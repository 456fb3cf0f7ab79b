"""The exception hook: an error in a slot shows a dialog naming its type, never its text, and
the program goes on answering (locked, when the error came while a database was open)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from casetracker.domain.errors import UsageError
from casetracker.domain.survivors import Survivor
from casetracker.gui import error_dialog
from casetracker.gui.controller import AppController
from casetracker.gui.error_dialog import ErrorDialog, ExceptionHook, describe
from casetracker.gui.main_window import MainWindow
from casetracker.services import audit
from tests.conftest import Team
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    top_level_widgets,
)

# What a record could hold: it must never reach the dialog, the clipboard or stderr.
SECRET = "Rosa María Quintero"

pytestmark = pytest.mark.qt_no_exception_capture  # the hook under test catches them


@pytest.fixture
def hook(controller: AppController) -> Iterator[ExceptionHook]:
    previous = sys.excepthook
    with error_dialog.installed(controller) as installed:
        assert sys.excepthook is installed
        yield installed
        if installed.dialog is not None:
            installed.dialog.close()
    assert sys.excepthook is previous  # put back when the app ends


def unlock(qtbot: QtBot, controller: AppController, name: str, passphrase: str) -> MainWindow:
    """Unlock through the lock screen (the window is the controller's to close: locking
    deletes it, so it is not handed to qtbot)."""
    screen = controller.lock_screen
    assert screen is not None
    screen.account.setCurrentText(name)
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None, screen.error.text()
    return controller.window


def failing_button(qtbot: QtBot, error: Exception) -> QPushButton:
    """A button whose slot raises `error`, with a record's value in a local variable too."""
    button = QPushButton("Do it")
    qtbot.addWidget(button)

    def slot() -> None:
        legal_name = SECRET  # a frame's variable the report must not carry
        assert legal_name
        raise error

    button.clicked.connect(slot)
    button.show()
    return button


def shown_dialog(qtbot: QtBot, hook: ExceptionHook) -> ErrorDialog:
    qtbot.waitUntil(lambda: hook.dialog is not None and hook.dialog.isVisible())
    assert hook.dialog is not None
    return hook.dialog


def test_an_unexpected_error_shows_its_type_not_its_text_and_locks(
        qtbot: QtBot, rosa: Survivor, controller: AppController, hook: ExceptionHook,
        capsys: pytest.CaptureFixture[str]) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert window.isVisible()
    button = failing_button(qtbot, KeyError(SECRET))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, hook)
    words = dialog.message.text() + dialog.details.toPlainText() + dialog.windowTitle()
    assert "KeyError" in words
    assert "Rosa" not in words
    assert "Quintero" not in words
    assert "test_error_hook.py:" in dialog.details.toPlainText()  # where, by file and line
    assert "locked itself" in dialog.message.text()
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert copied == dialog.report.details
    assert copied.startswith("KeyError\n")
    assert "Rosa" not in copied
    assert "Rosa" not in capsys.readouterr().err
    # Locked: the database is closed, the lock screen is back and still unlocks.
    assert controller.session is None
    assert controller.window is None
    assert controller.lock_screen is not None
    assert controller.lock_screen.isVisible()
    dialog.close()
    unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert controller.session is not None
    assert controller.window is not None
    assert controller.window.model.rowCount() == 1


def test_the_programs_own_error_is_shown_in_its_words_and_nothing_locks(
        qtbot: QtBot, team: Team, controller: AppController, hook: ExceptionHook) -> None:
    unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    session = controller.session
    button = failing_button(qtbot, UsageError("the report's end date comes before its start date"))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, hook)
    assert "end date comes before its start date" in dialog.message.text()
    assert "locked itself" not in dialog.message.text()
    assert controller.session is session
    assert not session.closed  # type: ignore[union-attr]
    dialog.close()
    # The program still answers: a service call through the open session works.
    assert audit.search(session, limit=1)  # type: ignore[arg-type]


def test_an_error_on_the_lock_screen_leaves_it_working(
        qtbot: QtBot, rosa: Survivor, controller: AppController, hook: ExceptionHook) -> None:
    button = failing_button(qtbot, RuntimeError(SECRET))
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = shown_dialog(qtbot, hook)
    assert "RuntimeError" in dialog.message.text()
    assert "Rosa" not in dialog.message.text() + dialog.details.toPlainText()
    assert "locked itself" not in dialog.message.text()  # nothing was open
    dialog.grab().save("/tmp/lock_error_dialog.png")
    dialog.close()
    unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert controller.session is not None


def test_a_burst_of_errors_gives_one_dialog(qtbot: QtBot, rosa: Survivor,
                                            controller: AppController,
                                            hook: ExceptionHook) -> None:
    button = failing_button(qtbot, ValueError(SECRET))
    for _ in range(3):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    first = shown_dialog(qtbot, hook)
    qtbot.wait(20)
    assert hook.dialog is first
    assert hook.repeats == 2
    assert [w for w in top_level_widgets()
            if isinstance(w, ErrorDialog) and w.isVisible()] == [first]


def test_a_report_names_types_and_lines_of_chained_errors_only() -> None:
    try:
        try:
            {}[SECRET]
        except KeyError as inner:
            raise ValueError(f"could not read {SECRET}") from inner
    except ValueError as exc:
        report = describe(type(exc), exc, exc.__traceback__)
    assert report.details.splitlines()[0] == "ValueError"
    assert "caused by KeyError" in report.details
    assert SECRET not in report.details
    assert "Rosa" not in report.details
    assert not report.expected
    assert report.message == ""
    # Files are named from the package (or the test's own name), not from the home folder.
    assert str(Path.home()) not in report.details
    assert all(":" in line for line in report.details.splitlines()[1:] if line.startswith(" "))


def test_the_app_runs_with_the_hook_and_puts_the_old_one_back(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    from casetracker.gui import app
    from casetracker.security.kdf import FAST_INSECURE

    seen: list[object] = []

    def exec_(_self: object) -> int:
        seen.append(sys.excepthook)
        return 0

    monkeypatch.setattr(QApplication, "exec", exec_)
    previous = sys.excepthook
    team.close()
    assert app.run(team.vault.paths.db, team.vault.paths.db, kdf=FAST_INSECURE) == 0
    assert len(seen) == 1
    assert isinstance(seen[0], ExceptionHook)
    assert sys.excepthook is previous
    with team.vault.hold_window():  # and the window let go of its database
        pass
    for widget in top_level_widgets():
        widget.close()
