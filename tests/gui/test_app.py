"""The desktop application, driven through its real widgets; results checked via the services."""

from __future__ import annotations

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.notes import ContactType
from casetracker.domain.survivors import Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dialogs.goal_dialog import GoalDialog
from casetracker.gui.dialogs.survivor_dialog import SurvivorDialog
from casetracker.gui.main_window import MainWindow
from casetracker.gui.record.view import RecordView
from casetracker.services import audit, documents, notes, plans, survivors
from tests.conftest import Team
from tests.helpers import (
    CASE_MANAGER,
    CASE_MANAGER_PASSPHRASE,
    COORDINATOR,
    COORDINATOR_PASSPHRASE,
    SUPERVISOR,
    SUPERVISOR_PASSPHRASE,
    FakeClock,
    confirm_recovery_key,
    top_level_widgets,
)


def unlock(qtbot: QtBot, controller: AppController, name: str, passphrase: str) -> MainWindow:
    screen = controller.lock_screen
    assert screen is not None
    screen.account.setCurrentText(name)
    qtbot.keyClicks(screen.passphrase, passphrase)
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    assert controller.window is not None, screen.error.text()
    qtbot.addWidget(controller.window)
    return controller.window


def open_first_record(qtbot: QtBot, controller: AppController, name: str,
                      passphrase: str) -> tuple[MainWindow, RecordView]:
    """Unlock as `name` and open the first case of the caseload."""
    window = unlock(qtbot, controller, name, passphrase)
    window.table.selectRow(0)
    record = window.record
    assert record is not None
    return window, record


def verify(team: Team) -> object:
    """A fresh supervisor session, to check what the GUI did."""
    return team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE)


def test_wrong_then_right_passphrase(qtbot: QtBot, rosa: Survivor,
                                     controller: AppController) -> None:
    screen = controller.lock_screen
    assert screen is not None
    assert screen.windowTitle() == "Case Tracker"
    screen.account.setCurrentText(CASE_MANAGER)
    qtbot.keyClicks(screen.passphrase, "not the right passphrase")
    qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert controller.session is None
    assert "wrong passphrase" in screen.error.text().lower()
    assert screen.passphrase.text() == ""
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert controller.session is not None
    assert window.model.rowCount() == 1


def test_throttling_is_shown_and_counts_down(qtbot: QtBot, rosa: Survivor,
                                             controller: AppController) -> None:
    screen = controller.lock_screen
    assert screen is not None
    screen.account.setCurrentText(CASE_MANAGER)
    for _ in range(4):
        qtbot.keyClicks(screen.passphrase, "not the right passphrase")
        qtbot.keyClick(screen.passphrase, Qt.Key.Key_Return)
    assert not screen.unlock_button.isEnabled()
    assert "wait" in screen.unlock_button.text().lower()
    assert "too many failed attempts" in screen.error.text().lower()


def test_intake_goal_document_and_note_through_the_widgets(
        qtbot: QtBot, team: Team, controller: AppController) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.new_action.trigger()
    dialog = window.active_dialog
    assert isinstance(dialog, SurvivorDialog)
    qtbot.keyClicks(dialog.preferred_name, "Lena")
    qtbot.keyClicks(dialog.legal_last_name, "Okafor")
    dialog.ok_to_text.setChecked(True)
    dialog.accept()
    record = window.record
    assert record is not None
    assert record.heading.text().startswith("Lena · CT-")
    assert "OK to text" in record.safe_contact.text()

    record.tabs.setCurrentWidget(record.goals)  # each tab reads its part when opened
    qtbot.mouseClick(record.goals.add_button, Qt.MouseButton.LeftButton)
    goal_dialog = record.goals.active_dialog
    assert isinstance(goal_dialog, GoalDialog)
    qtbot.keyClicks(goal_dialog.specific, "Complete a 12-week paid internship")
    qtbot.keyClicks(goal_dialog.measurable, "12 weekly timesheets")
    qtbot.keyClicks(goal_dialog.achievable, "20 hours a week fits childcare")
    qtbot.keyClicks(goal_dialog.relevant, "Leads to a hospitality job")
    qtbot.mouseClick(goal_dialog.add_milestone_button, Qt.MouseButton.LeftButton)
    goal_dialog.milestones.item(0, 0).setText("Finish readiness workshops")
    goal_dialog.accept()

    record.tabs.setCurrentWidget(record.documents)
    ssc = record.documents.status_boxes[DocumentKind.SOCIAL_SECURITY_CARD.value]
    ssc.setCurrentIndex(ssc.findData(DocumentStatus.REQUESTED))
    ssc.activated.emit(ssc.currentIndex())

    qtbot.keyClicks(record.notes.text, "Met at the shelter; wants hospitality work")
    record.notes.contact.setCurrentIndex(record.notes.contact.findData(ContactType.PHONE))
    qtbot.mouseClick(record.notes.add_button, Qt.MouseButton.LeftButton)

    with verify(team) as session:  # type: ignore[attr-defined]
        case = survivors.caseload(session)[0].case_number
        lena = survivors.get_survivor(session, case)
        assert (lena.preferred_name, lena.legal_last_name) == ("Lena", "Okafor")
        assert lena.safe_contact.ok_to_text
        [goal] = plans.goals(session, case)
        assert goal.specific == "Complete a 12-week paid internship"
        assert [m.description for m in goal.milestones] == ["Finish readiness workshops"]
        statuses = {d.kind: d.status for d in documents.documents(session, case)}
        assert statuses[DocumentKind.SOCIAL_SECURITY_CARD] is DocumentStatus.REQUESTED
        [note] = notes.notes(session, case)
        assert (note.text, note.contact_type) == ("Met at the shelter; wants hospitality work",
                                                  ContactType.PHONE)


def test_a_bad_goal_keeps_the_dialog_open_with_the_reason(
        qtbot: QtBot, rosa: Survivor, controller: AppController) -> None:
    _, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentWidget(record.goals)  # each tab reads its part when opened
    qtbot.mouseClick(record.goals.add_button, Qt.MouseButton.LeftButton)
    dialog = record.goals.active_dialog
    assert isinstance(dialog, GoalDialog)
    qtbot.keyClicks(dialog.specific, "Only the first part")
    dialog.accept()
    assert dialog.isVisible()
    assert "Measurable is required" in dialog.error.text()


def test_document_status_change_can_be_undone(qtbot: QtBot, team: Team, rosa: Survivor,
                                              controller: AppController) -> None:
    window, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentWidget(record.documents)
    box = record.documents.status_boxes[DocumentKind.PASSPORT.value]
    box.setCurrentIndex(box.findData(DocumentStatus.REQUESTED))
    box.activated.emit(box.currentIndex())
    window.undo_action.trigger()
    with verify(team) as session:  # type: ignore[attr-defined]
        passport = next(d for d in documents.documents(session, rosa.case_number)
                        if d.kind is DocumentKind.PASSPORT)
        assert passport.status is DocumentStatus.MISSING
    window.redo_action.trigger()
    with verify(team) as session:  # type: ignore[attr-defined]
        passport = next(d for d in documents.documents(session, rosa.case_number)
                        if d.kind is DocumentKind.PASSPORT)
        assert passport.status is DocumentStatus.REQUESTED


def test_idle_time_locks_and_closes_the_database(qtbot: QtBot, rosa: Survivor,
                                                 controller: AppController,
                                                 monotonic: FakeClock) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    session = controller.session
    assert session is not None
    monotonic.advance(4 * 60)
    controller.idle.check()
    assert controller.session is session
    monotonic.advance(61)
    controller.idle.check()
    assert session.closed
    assert controller.session is None
    assert controller.window is None
    assert not window.isVisible()
    assert controller.lock_screen is not None


def test_quick_exit_hides_and_locks(qtbot: QtBot, rosa: Survivor,
                                    controller: AppController) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.table.selectRow(0)
    session = controller.session
    assert session is not None
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert controller.session is session  # one Esc is not enough
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    assert session.closed
    assert not window.isVisible()
    assert controller.lock_screen is not None
    assert controller.lock_screen.isMinimized()


def test_quick_exit_button(qtbot: QtBot, rosa: Survivor, controller: AppController) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    qtbot.mouseClick(window.quick_exit_button, Qt.MouseButton.LeftButton)
    assert controller.session is None
    assert not window.isVisible()


def test_coordinator_never_sees_the_sensitive_tab(qtbot: QtBot, rosa: Survivor,
                                                  controller: AppController) -> None:
    window, record = open_first_record(qtbot, controller, COORDINATOR, COORDINATOR_PASSPHRASE)
    assert record.tab_titles() == ["Employment profile", "Placement", "Consent"]
    assert "Quintero" not in window.grab().toImage().text()
    assert not window.new_action.isVisible()


def test_sensitive_tab_is_read_only_for_a_supervisor_and_audited(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    _, record = open_first_record(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert "Sensitive" in record.tab_titles()
    record.tabs.setCurrentIndex(record.sensitive_index)
    assert record.sensitive is not None
    assert not record.sensitive.save_button.isVisible()
    assert record.sensitive.safety_plan.isReadOnly()
    with verify(team) as session:  # type: ignore[attr-defined]
        actions = [(e.actor, e.action) for e in audit.recent_entries(session, 30)]
    assert (SUPERVISOR, "survivor.view_sensitive") in actions


def test_no_window_title_names_a_survivor(qtbot: QtBot, rosa: Survivor,
                                          controller: AppController) -> None:
    window, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    for index in range(record.tabs.count()):
        record.tabs.setCurrentIndex(index)
    record.goals.open_goal_dialog()
    record.profile.open_editor()
    titles = [w.windowTitle() for w in top_level_widgets()] + [
        w.windowTitle() for w in window.findChildren(QDialog)]
    for name in ("Rosa", "Quintero", "CT-0001"):
        assert not any(name in title for title in titles), titles


def test_every_dialog_is_freed_when_closed(qtbot: QtBot, rosa: Survivor,
                                           controller: AppController) -> None:
    window, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    openers = [window.open_intake, record.goals.open_goal_dialog, record.profile.open_editor,
               controller.open_settings]
    for open_dialog in openers:
        open_dialog()
        dialog = (window.active_dialog if open_dialog == window.open_intake else
                  record.goals.active_dialog if open_dialog == record.goals.open_goal_dialog
                  else record.profile.active_dialog if open_dialog == record.profile.open_editor
                  else controller.active_dialog)
        assert dialog is not None
        dialog.reject()
        qtbot.waitUntil(lambda d=dialog: not shiboken6.isValid(d), timeout=2000)


def test_search_as_you_type_filters_the_caseload(qtbot: QtBot, team: Team, rosa: Survivor,
                                                 controller: AppController) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    assert window.model.rowCount() == 1
    qtbot.keyClicks(window.search, "nobody-by-that-name")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0, timeout=2000)
    window.search.clear()
    qtbot.keyClicks(window.search, "quint")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=2000)


def test_caseload_pages_in_as_the_view_scrolls(qtbot: QtBot, team: Team,
                                               controller: AppController) -> None:
    from casetracker.services import demo

    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        demo.populate(session, 450, [CASE_MANAGER], seed=5)
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.status_filter.setCurrentIndex(window.status_filter.findText("All cases"))
    model = window.model
    assert model.total == 450
    assert model.rowCount() == 200
    assert model.canFetchMore()
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 450
    assert not model.canFetchMore()
    model.sort(model.COL_NAME, Qt.SortOrder.DescendingOrder)
    names = [model.row_at(i).preferred_name.casefold() for i in range(model.rowCount())]
    assert names == sorted(names, reverse=True)


def test_first_run_creates_the_database_and_shows_the_recovery_key(
        qtbot: QtBot, tmp_path: object, monotonic: FakeClock) -> None:
    from pathlib import Path

    from casetracker.gui.first_run import FirstRunDialog, RecoveryKeyDialog
    from casetracker.security.kdf import FAST_INSECURE
    from casetracker.services.vault import Vault

    vault = Vault(Path(str(tmp_path)) / "new" / "case.db", kdf=FAST_INSECURE)
    app_controller = AppController(vault, clock=monotonic)
    app_controller.start()
    dialog = app_controller.active_dialog
    assert isinstance(dialog, FirstRunDialog)
    qtbot.keyClicks(dialog.name, "sam")
    qtbot.keyClicks(dialog.passphrase, "short")
    qtbot.keyClicks(dialog.repeat, "short")
    dialog.accept()
    assert "at least 15" in dialog.error.text()
    assert not vault.exists()
    dialog.passphrase.setText(SUPERVISOR_PASSPHRASE)
    dialog.repeat.setText(SUPERVISOR_PASSPHRASE)
    dialog.accept()
    key_dialog = app_controller.active_dialog
    assert isinstance(key_dialog, RecoveryKeyDialog)
    assert len(key_dialog.key_label.text().split("-")) == 6
    assert "Case Tracker recovery key" in key_dialog.sheet().toPlainText()
    key_dialog.reject()  # closing without confirming must not lose the only copy
    assert key_dialog.isVisible()
    assert not key_dialog.ok_button.isEnabled()
    key_dialog.confirm.setChecked(True)
    assert not key_dialog.ok_button.isEnabled()  # the groups asked for are not typed yet
    confirm_recovery_key(key_dialog, qtbot)
    key_dialog.accept()
    assert app_controller.window is not None
    assert app_controller.session is not None
    assert app_controller.session.account.name == "sam"
    app_controller.lock()
    app_controller.lock_screen.close()  # type: ignore[union-attr]


def test_unlocking_with_the_recovery_key(qtbot: QtBot, created: object,
                                         monotonic: FakeClock) -> None:
    from casetracker.gui.first_run import RecoveryKeyDialog
    from casetracker.gui.recovery_dialog import RecoveryDialog

    vault, key = created.vault, created.recovery_key  # type: ignore[attr-defined]
    created.session.close()  # type: ignore[attr-defined]
    app_controller = AppController(vault, clock=monotonic)
    app_controller.start()
    assert app_controller.lock_screen is not None
    qtbot.mouseClick(app_controller.lock_screen.recovery_button, Qt.MouseButton.LeftButton)
    dialog = app_controller.active_dialog
    assert isinstance(dialog, RecoveryDialog)
    qtbot.keyClicks(dialog.key, key.lower())
    qtbot.keyClicks(dialog.passphrase, "a brand new passphrase for sam")
    qtbot.keyClicks(dialog.repeat, "a brand new passphrase for sam")
    dialog.accept()
    new_key_dialog = app_controller.active_dialog
    assert isinstance(new_key_dialog, RecoveryKeyDialog)
    assert new_key_dialog.key_label.text() != key
    confirm_recovery_key(new_key_dialog, qtbot)
    new_key_dialog.accept()
    assert app_controller.session is not None
    app_controller.lock()
    vault.unlock(SUPERVISOR, "a brand new passphrase for sam").close()
    app_controller.lock_screen.close()  # type: ignore[union-attr]


def test_a_reset_account_must_choose_its_own_passphrase(qtbot: QtBot, team: Team,
                                                        controller: AppController) -> None:
    from casetracker.gui.dialogs.passphrase_dialog import PassphraseDialog
    from casetracker.services import accounts

    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as session:
        accounts.reset_passphrase(session, CASE_MANAGER, "temporary passphrase from sam")
    screen = controller.lock_screen
    assert screen is not None
    screen.account.setCurrentText(CASE_MANAGER)
    qtbot.keyClicks(screen.passphrase, "temporary passphrase from sam")
    qtbot.mouseClick(screen.unlock_button, Qt.MouseButton.LeftButton)
    dialog = controller.active_dialog
    assert isinstance(dialog, PassphraseDialog)
    assert controller.window is None
    dialog.passphrase.setText("my very own passphrase now")
    dialog.repeat.setText("my very own passphrase now")
    dialog.accept()
    assert controller.window is not None
    team.vault.unlock(CASE_MANAGER, "my very own passphrase now").close()


def test_copied_contact_details_leave_the_clipboard(qtbot: QtBot, team: Team,
                                                   controller: AppController) -> None:
    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft("CT-0002", "Lena",
                                                           phone="(555) 555-0142"))
    _, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    qtbot.mouseClick(record.profile.copy_phone, Qt.MouseButton.LeftButton)
    clipboard = QApplication.clipboard()
    assert clipboard.text() == "(555) 555-0142"
    controller.clipboard.clear()  # what the 30-second timer does
    assert clipboard.text() == ""
    qtbot.mouseClick(record.profile.copy_phone, Qt.MouseButton.LeftButton)
    controller.lock()
    assert clipboard.text() == ""


def test_settings_are_saved_by_a_supervisor(qtbot: QtBot, team: Team,
                                            controller: AppController) -> None:
    from casetracker.gui.dialogs.settings_dialog import SettingsDialog
    from casetracker.services import settings

    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.settings_action.trigger()
    dialog = controller.active_dialog
    assert isinstance(dialog, SettingsDialog)
    assert not dialog.team_note.isVisibleTo(dialog)  # a laptop used alone: no team note
    dialog.auto_lock.setValue(12)
    qtbot.keyClicks(dialog.organisation_name, "Safe Harbor Jobs")
    dialog.accept()
    assert controller.idle.timeout_seconds == 12 * 60
    with verify(team) as session:  # type: ignore[attr-defined]
        saved = settings.get_settings(session)
    assert (saved.auto_lock_minutes, saved.organisation_name) == (12, "Safe Harbor Jobs")


def test_ticking_a_task_and_a_barrier_can_be_undone(qtbot: QtBot, team: Team,
                                                    controller: AppController) -> None:
    from casetracker.domain.survivors import BarrierKind
    from casetracker.services import sensitive

    with team.vault.unlock(CASE_MANAGER, CASE_MANAGER_PASSPHRASE) as session:
        survivors.create_survivor(session, survivors.draft("CT-0009", "Tao"))
        notes.add_task(session, "CT-0009", "Call the DMV", clock.today())
        sensitive.add_barrier(session, "CT-0009", BarrierKind.CHILDCARE)
    window, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentWidget(record.tasks)
    record.tasks.list.item(0).setCheckState(Qt.CheckState.Checked)
    record.tabs.setCurrentWidget(record.barriers)
    record.barriers.list.item(0).setCheckState(Qt.CheckState.Checked)
    with verify(team) as session:  # type: ignore[attr-defined]
        assert notes.tasks(session, "CT-0009")[0].done
        assert sensitive.barriers(session, "CT-0009")[0].resolved
    window.undo_action.trigger()
    window.undo_action.trigger()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert not notes.tasks(session, "CT-0009")[0].done
        assert not sensitive.barriers(session, "CT-0009")[0].resolved


def test_a_second_window_on_the_same_database_is_told_it_is_in_use(
        team: Team, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from casetracker.gui import app
    from casetracker.security.kdf import FAST_INSECURE
    from tests.helpers import snapshot

    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda parent, title, text: warnings.append(text))
    monkeypatch.setattr(QApplication, "exec", lambda self: pytest.fail("the window started"))
    paths = team.vault.paths
    before = snapshot(paths.db, paths.keys)
    with team.vault.hold_window():  # the first window
        assert app.run(paths.db, paths.db, kdf=FAST_INSECURE) == 1
    assert len(warnings) == 1
    assert "already open in another Case Tracker window" in warnings[0]
    assert snapshot(paths.db, paths.keys) == before
