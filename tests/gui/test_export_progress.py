"""Long exports from the GUI show progress driven by the service, and can be cancelled."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from casetracker.domain.survivors import Survivor
from casetracker.gui.audit_window import AuditWindow
from casetracker.gui.controller import AppController
from tests.gui.test_app import unlock
from tests.helpers import SUPERVISOR, SUPERVISOR_PASSPHRASE


def test_audit_export_reports_progress_and_a_cancel_writes_nothing(
        qtbot: QtBot, rosa: Survivor, controller: AppController, tmp_path: Path) -> None:
    window = unlock(qtbot, controller, SUPERVISOR, SUPERVISOR_PASSPHRASE)
    window.open_audit()
    viewer = window.active_dialog
    assert isinstance(viewer, AuditWindow)
    # A view as long as a busy year's: several chunks, so progress is reported on the way.
    viewer.entries = viewer.entries * (12_000 // max(1, len(viewer.entries)) + 1)
    seen: list[int] = []
    viewer.export_progressed.connect(seen.append)
    out = tmp_path / "audit.csv"
    viewer.export_to(str(out))
    assert seen == sorted(seen)
    assert len(seen) >= 3
    assert seen[-1] == len(viewer.entries) + 1  # the heading row too
    assert len(out.read_text().splitlines()) == len(viewer.entries) + 1

    def cancel(_rows: int) -> None:
        assert viewer.progress_dialog is not None
        viewer.progress_dialog.cancel()

    viewer.export_progressed.connect(cancel)
    cancelled = tmp_path / "cancelled.csv"
    viewer.export_to(str(cancelled))
    assert not cancelled.exists()

