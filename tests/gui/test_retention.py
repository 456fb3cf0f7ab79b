"""Purging a closed case from the record screen: typed confirmation, then nothing left."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from casetracker.domain import clock
from casetracker.domain.errors import NotFoundError
from casetracker.domain.retention import add_months
from casetracker.domain.survivors import CaseStatus, SensitiveDetails, Survivor
from casetracker.gui.controller import AppController
from casetracker.gui.dashboard_window import DashboardWindow
from casetracker.gui.dialogs.purge_dialog import PurgeDialog
from casetracker.gui.retention_window import (
    ConfirmDuePurgeDialog,
    HoldDialog,
    PolicyDialog,
    RetentionWindow,
)
from casetracker.services import audit, retention, sensitive, survivors
from tests.conftest import Team
from tests.gui.test_app import unlock, verify
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE, SUPERVISOR, SUPERVISOR_PASSPHRASE


@pytest.fixture
def closed(team: Team, rosa: Survivor) -> Survivor:
    survivors.create_survivor(team.case_manager, survivors.draft("CT-0002", "Lena"))
    return survivors.set_status(team.case_manager, rosa.case_number, CaseStatus.CLOSED)


def open_closed_case(qtbot: QtBot, controller: AppController, name: str, passphrase: str,
                     case_number: str) -> object:
    window = unlock(qtbot, controller, name, passphrase)
    window.status_filter.setCurrentIndex(window.status_filter.findData(CaseStatus.CLOSED))
    assert [window.model.row_at(0).case_number] == [case_number]  # only the closed case
    assert window.model.total == 1
    window.open_record(case_number)
    assert window.record is not None
    return window


def test_supervisor_purges_a_closed_case_after_typing_its_number(
        qtbot: QtBot, team: Team, closed: Survivor, controller: AppController) -> None:
    window = open_closed_case(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE,
                              closed.case_number)
    record = window.record  # type: ignore[attr-defined]
    assert record.purge_button.isVisibleTo(window)
    qtbot.mouseClick(record.purge_button, Qt.MouseButton.LeftButton)
    dialog = record.active_dialog
    assert isinstance(dialog, PurgeDialog)
    assert closed.case_number not in dialog.windowTitle()
    assert "Rosa" not in dialog.windowTitle()
    qtbot.keyClicks(dialog.typed, "CT-000")
    assert not dialog.ok_button.isEnabled()
    dialog.reject()  # cancelling removes nothing
    with verify(team) as session:  # type: ignore[attr-defined]
        assert survivors.get_survivor(session, closed.case_number).preferred_name == "Rosa"

    qtbot.mouseClick(record.purge_button, Qt.MouseButton.LeftButton)
    dialog = record.active_dialog
    qtbot.keyClicks(dialog.typed, closed.case_number.lower())
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.record is None)  # type: ignore[attr-defined]
    assert window.placeholder.isVisibleTo(window)  # type: ignore[attr-defined]
    assert window.model.total == 0  # type: ignore[attr-defined]
    with verify(team) as session:  # type: ignore[attr-defined]
        with pytest.raises(NotFoundError):
            survivors.get_survivor(session, closed.case_number)
        assert survivors.get_survivor(session, "CT-0002").preferred_name == "Lena"
        purges = [e for e in audit.recent_entries(session, 500) if e.action == "survivor.purge"]
        assert [(e.actor, e.subject) for e in purges] == [(SUPERVISOR, closed.case_number)]


def test_no_purge_button_for_the_case_manager_or_an_active_case(
        qtbot: QtBot, team: Team, closed: Survivor, controller: AppController) -> None:
    window = open_closed_case(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE,
                              closed.case_number)
    assert not window.record.purge_button.isVisibleTo(window)  # type: ignore[attr-defined]
    controller.lock()
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.open_record("CT-0002")
    assert not window.record.purge_button.isVisibleTo(window)


def test_the_case_manager_closes_and_reopens_a_case(qtbot: QtBot, team: Team, rosa: Survivor,
                                                    controller: AppController) -> None:
    window = unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    window.open_record(rosa.case_number)
    record = window.record
    assert record.status_button.text() == "Close case"
    assert not record.purge_button.isVisibleTo(window)
    qtbot.mouseClick(record.status_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.record is not record)
    assert window.record.heading.text().endswith("closed")
    assert window.record.status_button.text() == "Reopen case"
    assert not window.record.goals.add_button.isVisible()  # read-only now
    assert window.model.total == 0  # the list shows active cases
    with verify(team) as session:  # type: ignore[attr-defined]
        assert survivors.get_survivor(session, rosa.case_number).status is CaseStatus.CLOSED
    qtbot.mouseClick(window.record.status_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.record.status_button.text() == "Close case")
    with verify(team) as session:  # type: ignore[attr-defined]
        assert survivors.get_survivor(session, rosa.case_number).status is CaseStatus.ACTIVE


@pytest.fixture
def due_cases(team: Team) -> None:
    """One case whose record is due, one whose sensitive details are, one held."""
    today = clock.today()
    for case, months in (("CT-0001", 13), ("CT-0002", 4), ("CT-0003", 30)):
        survivors.create_survivor(team.case_manager, survivors.draft(case, "Rosa"),
                                  SensitiveDetails("", history_notes="Harmed"))
        with clock.using(clock.FixedClock(add_months(today, -months))):
            survivors.set_status(team.case_manager, case, CaseStatus.CLOSED)
    retention.hold(team.supervisor, "CT-0003", "Court case")


def test_supervisor_purges_what_is_due_from_the_dashboard(
        qtbot: QtBot, team: Team, due_cases: None, controller: AppController,
        tmp_path: Path) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.dashboard_action.trigger()  # type: ignore[attr-defined]
    board = window.active_dialog  # type: ignore[attr-defined]
    assert isinstance(board, DashboardWindow)
    assert board.due_for_purge.text() == "Due for purge: 2 case(s)"
    qtbot.mouseClick(board.retention_button, Qt.MouseButton.LeftButton)
    listing = board.active_dialog
    assert isinstance(listing, RetentionWindow)
    rows = [[listing.table.item(r, c).text() for c in range(2)]
            for r in range(listing.table.rowCount())]
    assert rows == [["CT-0001", "Whole record"], ["CT-0002", "Sensitive details"]]
    texts = " ".join(listing.table.item(r, c).text() for r in range(2) for c in range(4))
    assert "Rosa" not in texts
    listing.grab().save(str(tmp_path / "retention.png"))
    qtbot.mouseClick(listing.purge_button, Qt.MouseButton.LeftButton)
    dialog = listing.active_dialog
    assert isinstance(dialog, ConfirmDuePurgeDialog)
    qtbot.keyClicks(dialog.typed, "3")
    assert not dialog.ok_button.isEnabled()
    dialog.typed.clear()
    qtbot.keyClicks(dialog.typed, "2")
    dialog.grab().save(str(tmp_path / "retention-confirm.png"))
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: listing.table.rowCount() == 0)
    assert listing.summary.text().startswith("Purged 2 case(s) (1 whole).")
    listing.close()
    qtbot.waitUntil(lambda: board.due_for_purge.text() == "Due for purge: 0 case(s)")
    with verify(team) as session:  # type: ignore[attr-defined]
        with pytest.raises(NotFoundError):
            survivors.get_survivor(session, "CT-0001")
        assert sensitive.get_sensitive(session, "CT-0002").history_notes == ""
        assert sensitive.get_sensitive(session, "CT-0003").history_notes == "Harmed"


def test_supervisor_sets_the_policy_and_places_and_lifts_legal_holds(
        qtbot: QtBot, team: Team, due_cases: None, controller: AppController,
        tmp_path: Path) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.dashboard_action.trigger()  # type: ignore[attr-defined]
    board = window.active_dialog  # type: ignore[attr-defined]
    qtbot.mouseClick(board.retention_button, Qt.MouseButton.LeftButton)
    listing = board.active_dialog
    assert isinstance(listing, RetentionWindow)
    assert [listing.holds.item(r, 0).text() for r in range(listing.holds.rowCount())] == [
        "CT-0003"]
    assert listing.holds.item(0, 3).text() == "Court case"
    assert not listing.lift_button.isEnabled()  # nothing chosen yet

    # The policy: keep closed records 36 months, so CT-0001's record (closed 13 months ago)
    # is not due.
    qtbot.mouseClick(listing.policy_button, Qt.MouseButton.LeftButton)
    policy = listing.active_dialog
    assert isinstance(policy, PolicyDialog)
    assert policy.closed.value() == 12
    policy.closed.setValue(36)
    qtbot.mouseClick(policy.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not policy.isVisible())
    with verify(team) as session:  # type: ignore[attr-defined]
        assert retention.policy(session).closed_months == 36
    assert "36 months" in listing.policy_label.text()
    # Whole records are no longer due; the sensitive details of both still are.
    assert [[listing.table.item(r, c).text() for c in range(2)]
            for r in range(listing.table.rowCount())] == [
        ["CT-0001", "Sensitive details"], ["CT-0002", "Sensitive details"]]

    # A policy the service refuses keeps the dialog open with the reason.
    qtbot.mouseClick(listing.policy_button, Qt.MouseButton.LeftButton)
    policy = listing.active_dialog
    assert isinstance(policy, PolicyDialog)
    policy.closed.setValue(2)
    policy.sensitive.setValue(5)  # longer than the whole record: refused
    qtbot.mouseClick(policy.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    assert policy.isVisible()
    assert policy.error.text()
    policy.reject()
    with verify(team) as session:  # type: ignore[attr-defined]
        assert retention.policy(session).closed_months == 36

    # A hold on CT-0002 takes it off the due list; lifting CT-0003's hold leaves CT-0002's.
    qtbot.mouseClick(listing.hold_button, Qt.MouseButton.LeftButton)
    hold = listing.active_dialog
    assert isinstance(hold, HoldDialog)
    qtbot.keyClicks(hold.case, "CT-0002")
    qtbot.keyClicks(hold.reason, "Audit by the funder")
    qtbot.mouseClick(hold.buttons.button(QDialogButtonBox.StandardButton.Ok),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not hold.isVisible())
    with verify(team) as session:  # type: ignore[attr-defined]
        assert retention.held_cases(session) == ["CT-0002", "CT-0003"]
    assert [listing.table.item(r, 0).text() for r in range(listing.table.rowCount())] == [
        "CT-0001"]
    listing.grab().save(str(tmp_path / "retention-holds.png"))
    row = next(r for r in range(listing.holds.rowCount())
               if listing.holds.item(r, 0).text() == "CT-0003")
    listing.holds.selectRow(row)
    assert listing.lift_button.isEnabled()
    qtbot.mouseClick(listing.lift_button, Qt.MouseButton.LeftButton)
    with verify(team) as session:  # type: ignore[attr-defined]
        assert retention.held_cases(session) == ["CT-0002"]
    assert [listing.holds.item(r, 0).text() for r in range(listing.holds.rowCount())] == [
        "CT-0002"]
    with verify(team) as session:  # type: ignore[attr-defined]
        actions = {e.action for e in audit.recent_entries(session)}
    assert {"retention.policy", "retention.hold", "retention.release"} <= actions
    listing.close()
