"""An audit log a person can read (issue 24): views audited per tab opened, lock and unlock
recorded, and the audit window in words with the case and what else an entry concerns."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from casetracker.domain.survivors import Survivor
from casetracker.gui.audit_window import AuditWindow
from casetracker.gui.controller import AppController
from casetracker.services import audit
from casetracker.services.session import Session
from tests.conftest import Team
from tests.gui.test_app import open_first_record, unlock, verify
from tests.helpers import CASE_MANAGER, CASE_MANAGER_PASSPHRASE, SUPERVISOR, SUPERVISOR_PASSPHRASE


def parts_viewed(team: Team, case_number: str) -> list[str]:
    with verify(team) as session:  # type: ignore[attr-defined]
        assert isinstance(session, Session)
        return sorted(e.details["part"] for e in audit.search(
            session, actor=CASE_MANAGER, subject=case_number, action="survivor.view_part"))


def actions_by(team: Team, name: str, action: str) -> list[str]:
    with verify(team) as session:  # type: ignore[attr-defined]
        assert isinstance(session, Session)
        return [e.action for e in audit.search(session, actor=name, action=action)
                if e.action == action]


def test_a_record_audits_the_tabs_that_were_opened_once_each(
        qtbot: QtBot, team: Team, rosa: Survivor, controller: AppController) -> None:
    window, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    # Opening the record shows its profile: no other part was looked at.
    assert parts_viewed(team, rosa.case_number) == []
    assert record.documents.table.rowCount() == 0  # nothing of it on screen either
    record.tabs.setCurrentWidget(record.documents)
    assert record.documents.table.rowCount() > 0
    record.tabs.setCurrentWidget(record.notes)
    record.tabs.setCurrentWidget(record.documents)
    assert parts_viewed(team, rosa.case_number) == ["documents", "notes"]
    # The caseload, sorted and reloaded, is one look at it in this session.
    window.model.sort(1)
    window.model.reload()
    assert actions_by(team, CASE_MANAGER, "caseload.view") == ["caseload.view"]


def test_lock_and_unlock_each_leave_one_entry(qtbot: QtBot, team: Team, rosa: Survivor,
                                              controller: AppController) -> None:
    logins = len(actions_by(team, CASE_MANAGER, "login"))  # the fixtures' own sessions
    unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert len(actions_by(team, CASE_MANAGER, "login")) == logins + 1
    controller.lock()
    assert actions_by(team, CASE_MANAGER, "session.lock") == ["session.lock"]
    unlock(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    assert len(actions_by(team, CASE_MANAGER, "login")) == logins + 2
    assert actions_by(team, CASE_MANAGER, "session.lock") == ["session.lock"]


def test_the_audit_window_reads_in_words(qtbot: QtBot, team: Team, rosa: Survivor,
                                         controller: AppController, tmp_path: Path) -> None:
    _, record = open_first_record(qtbot, controller, CASE_MANAGER, CASE_MANAGER_PASSPHRASE)
    record.tabs.setCurrentWidget(record.documents)
    controller.lock()
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.resize(1280, 800)
    window.open_audit()
    viewer = window.active_dialog
    assert isinstance(viewer, AuditWindow)
    viewer.resize(1280, 800)
    rows = [[viewer.table.item(r, c).text() for c in range(viewer.table.columnCount())]
            for r in range(viewer.table.rowCount())]
    headings = [viewer.table.horizontalHeaderItem(c).text()
                for c in range(viewer.table.columnCount())]
    assert headings[2:7] == ["Who", "What", "Case", "Concerns", "Details"]
    viewed = next(r for r in rows if r[3] == "viewed documents")
    assert viewed[2] == CASE_MANAGER
    assert viewed[4] == rosa.case_number
    assert next(r for r in rows if r[3] == "locked")[6] == "Why: asked."
    added = next(r for r in rows if r[3] == "added an account" and r[5] == "account cole")
    assert added[4] == ""
    assert all("{" not in r[6] for r in rows)
    viewer.grab().save(str(tmp_path / "audit-window-1280.png"))  # to look at
