"""Rendering every screen and dialog offscreen to PNG files, for the README and for review."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.goal_dialog import GoalDialog
from casetracker.gui.dialogs.passphrase_dialog import PassphraseDialog
from casetracker.gui.dialogs.placement_dialog import PlacementDialog
from casetracker.gui.dialogs.settings_dialog import SettingsDialog
from casetracker.gui.dialogs.survivor_dialog import SurvivorDialog
from casetracker.gui.dialogs.workshop_dialog import WorkshopDialog
from casetracker.gui.employers_window import EmployerDialog
from casetracker.gui.first_run import FirstRunDialog, RecoveryKeyDialog
from casetracker.gui.lock_screen import LockScreen
from casetracker.gui.main_window import MainWindow
from casetracker.gui.recovery_dialog import RecoveryDialog
from casetracker.gui.safety import ClipboardGuard
from casetracker.services import employers, settings, survivors
from casetracker.services.vault import Vault

SAMPLE_KEY = "ABCDEF-GHIJKL-MNOPQR-STUVWX-YZ2345-67ABCD"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _save(widget: QWidget, out: Path, name: str, written: list[Path]) -> None:
    widget.show()
    QApplication.processEvents()
    path = out / f"{len(written) + 1:02d}-{name}.png"
    widget.grab().save(str(path))
    written.append(path)


def render_all(vault: Vault, name: str, passphrase: str, out: Path) -> list[Path]:
    """Write one PNG per screen and dialog into `out`; return their paths."""
    app = QApplication.instance() or QApplication([])
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    lock = LockScreen(vault.account_names())
    lock.resize(720, 520)
    _save(lock, out, "lock-screen", written)
    lock.close()

    session = vault.unlock(name, passphrase)
    try:
        window = MainWindow(session, ClipboardGuard())
        window.resize(1280, 800)
        window.show()
        app.processEvents()
        _save(window, out, "caseload", written)
        if window.model.rowCount() > 0:
            window.table.selectRow(0)
            app.processEvents()
            record = window.record
            assert record is not None
            for index in range(record.tabs.count()):
                record.tabs.setCurrentIndex(index)
                app.processEvents()
                _save(window, out, "record-" + _slug(record.tabs.tabText(index)), written)
        _share_preview(window, out, written)
        if window.dashboard_action.isVisible():
            for opener, label in ((window.open_dashboard, "dashboard"),
                                  (window.open_audit, "audit-log")):
                opener()
                assert window.active_dialog is not None
                _save(window.active_dialog, out, label, written)
                window.active_dialog.close()
        window.open_employers()
        employers_window = window.active_dialog
        assert employers_window is not None
        employers_window.resize(1120, 680)
        if hasattr(employers_window, "show_matches"):
            employers_window.show_matches()
        _save(employers_window, out, "employers", written)
        employers_window.hide()
        record = window.record
        dialogs: list[tuple[str, QWidget]] = [
            ("dialog-new-survivor", SurvivorDialog(None, window)),
            ("dialog-goal", _goal_sample(window)),
            ("dialog-settings", SettingsDialog(settings.get_settings(session), editable=True,
                                               parent=window)),
            ("dialog-recovery", RecoveryDialog(vault.account_names(), window)),
            ("dialog-first-run", FirstRunDialog(str(vault.paths.db), window)),
            ("dialog-recovery-key", RecoveryKeyDialog(SAMPLE_KEY, window)),
            ("dialog-workshop", WorkshopDialog(survivors.caseload(session, limit=12), window)),
            ("dialog-employer", EmployerDialog(window)),
            ("dialog-new-passphrase", PassphraseDialog(
                "A supervisor set a temporary passphrase for this account.", window)),
        ]
        if record is not None and hasattr(record, "placement"):
            dialogs.append(("dialog-next-step", PlacementDialog(
                record.placement.current_stage(), employers.employers(session),
                employers.positions(session, open_only=True), window)))
        for label, dialog in dialogs:
            _save(dialog, out, label, written)
            dialog.hide()
        window.close()
    finally:
        session.close()
    return written


def _goal_sample(parent: QWidget) -> GoalDialog:
    dialog = GoalDialog(parent)
    dialog.specific.setText("Complete a 12-week paid internship in hospitality")
    dialog.measurable.setText("12 weekly timesheets signed by the supervisor")
    dialog.achievable.setText("20 hours a week fits around childcare")
    dialog.relevant.setText("Leads to a front-desk job")
    dialog.add_milestone("Finish the readiness workshops", None)
    dialog.add_milestone("Interview with the employer partner", None)
    return dialog


def _share_preview(window: MainWindow, out: Path, written: list[Path]) -> None:
    """The sharing dialog with a preview, for the first case that has an active consent."""
    for row in range(min(window.model.rowCount(), 40)):
        window.table.selectRow(row)
        QApplication.processEvents()
        record = window.record
        if record is None or not hasattr(record, "consent"):
            continue
        record.consent.open_export_dialog()
        dialog = record.consent.active_dialog
        if isinstance(dialog, ExportDialog) and dialog.employer.count():
            dialog.preview()
            QApplication.processEvents()
            _save(dialog, out, "dialog-share-preview", written)
            dialog.close()
            return
        if dialog is not None:
            dialog.close()
