"""Every window and dialog of the application, opened one after another on a vault.

`walk()` yields `(name, widget)` with the widget shown; when the caller asks for the next
one, the previous widget is closed. Screenshots, the accessibility test and the translation
test all walk the same screens, so a new dialog added here is checked everywhere.
Dialogs are opened through the same methods the application's buttons call, so the walk
sees what a person sees.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from casetracker.domain.accounts import Role
from casetracker.gui.dashboard_window import DashboardWindow
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.dialogs.passphrase_dialog import PassphraseDialog
from casetracker.gui.dialogs.settings_dialog import SettingsDialog
from casetracker.gui.first_run import FirstRunDialog, RecoveryKeyDialog
from casetracker.gui.laptops import EnrollDialog, EnrollmentCodeDialog, JoinDialog
from casetracker.gui.lock_screen import LockScreen
from casetracker.gui.main_window import MainWindow
from casetracker.gui.record.documents_tab import ScanViewer
from casetracker.gui.record.view import RecordView
from casetracker.gui.recovery_dialog import RecoveryDialog
from casetracker.gui.retention_window import RetentionWindow
from casetracker.gui.safety import ClipboardGuard
from casetracker.gui.widgets import error_box
from casetracker.services import devices, settings, sharing_support, staff_names
from casetracker.services.session import Session
from casetracker.services.vault import Vault

Screen = tuple[str, QWidget]

SAMPLE_KEY = "ABCDEF-GHIJKL-MNOPQR-STUVWX-YZ2345-67ABCD"
SAMPLE_ONE_TIME = "abcd-efgh-jkmn-pqrs-tuvw"
SAMPLE_ENROLLMENT_CODE = "ABCDE-FGHJK-MNPQR-STVWX"


def settle(seconds: float = 0.0) -> None:
    """Let Qt lay out and paint what was just shown; wait `seconds` more for work Qt does
    in the background (a PDF page is rendered on another thread)."""
    QApplication.processEvents()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(0.05)
        QApplication.processEvents()


def _close(widget: QWidget) -> None:
    with contextlib.suppress(RuntimeError):  # already deleted by Qt (WA_DeleteOnClose)
        widget.close()
        widget.hide()  # some refuse to close, like the recovery key before it is confirmed
        widget.deleteLater()


def _shown(name: str, widget: QWidget, *, close: bool = True) -> Iterator[Screen]:
    """Show `widget`, hand it out, close it when the caller moves on (unless told not to)."""
    try:
        widget.show()
        settle()
        yield name, widget
    finally:
        if close:
            _close(widget)


def _opened(name: str, owner: object, opener: Callable[[], object]) -> Iterator[Screen]:
    """Call the owner's own opener (a button's slot), then walk the dialog it opened."""
    opener()
    dialog = getattr(owner, "active_dialog", None)
    if isinstance(dialog, QWidget):
        yield from _shown(name, dialog)
        setattr(owner, "active_dialog", None)  # noqa: B010 - the owner's public attribute


def walk(vault: Vault, session: Session | None = None, *,
         preview: bool = True) -> Iterator[Screen]:
    """Every screen: the locked ones from `vault`, then (with a session) the unlocked ones.
    `preview=False` shows the sharing dialog without rendering a PDF preview."""
    yield from locked_screens(vault)
    if session is not None:
        yield from unlocked_screens(vault, session, preview=preview)


def locked_screens(vault: Vault) -> Iterator[Screen]:
    """What shows before anyone is signed in: lock screen, first run, recovery."""
    lock = LockScreen(vault.account_names())
    lock.resize(720, 520)
    try:
        yield from _shown("lock-screen", lock, close=False)
        yield from _shown("dialog-recovery", RecoveryDialog(vault.account_names(), lock))
        yield from _shown("dialog-new-passphrase", PassphraseDialog(QCoreApplication.translate(
            "AppController", "A supervisor set a temporary passphrase for this account. "
            "Choose your own before going on."), lock))
        yield from _shown("message-error", error_box(lock, QCoreApplication.translate(
            "LockScreen", "The passphrase does not match this account.")))
    finally:
        _close(lock)
    yield from _shown("dialog-first-run", FirstRunDialog(str(vault.paths.db)))
    yield from _shown("dialog-recovery-key", RecoveryKeyDialog(SAMPLE_KEY))
    yield from _shown("dialog-join-program", JoinDialog(str(vault.paths.db.with_name(
        "joined.db"))))


def unlocked_screens(vault: Vault, session: Session, *,
                     preview: bool = True) -> Iterator[Screen]:
    """The main window, a record's every tab and dialog, and every window the toolbar opens."""
    window = MainWindow(session, ClipboardGuard())
    window.resize(1280, 800)
    try:
        yield from _main_window(window, session, preview)
    finally:
        window.close()
        window.deleteLater()
        settle()


def _main_window(window: MainWindow, session: Session, preview: bool = True,
                 ) -> Iterator[Screen]:
    window.show()
    settle()
    yield "caseload", window
    if window.model.rowCount() > 0:
        window.table.selectRow(0)
        settle()
        assert window.record is not None
        yield from record_screens(window, window.record)
    yield from _share_preview(window, preview)
    actions = [(window.new_action, "dialog-new-survivor", window.open_intake),
               (window.import_action, "dialog-import", window.open_import),
               (window.dashboard_action, "dashboard", window.open_dashboard),
               (window.audit_action, "audit-log", window.open_audit),
               (window.workshop_action, "dialog-workshop", window.open_workshop),
               (window.template_action, "dialog-letter-template", window.open_template)]
    for action, name, opener in actions:
        if action.isVisible():
            if name == "dashboard":
                yield from _dashboard(window)
            else:
                yield from _opened(name, window, opener)
    yield from _employers(window)
    yield from _shown("dialog-settings", SettingsDialog(
        settings.get_settings(session), editable=session.account.role is Role.SUPERVISOR,
        parent=window, own_name=staff_names.staff_name(session),
        logo=sharing_support.logo(session)))
    yield from _administration(window, session)  # issue 23
    yield from _laptops(window, session)


def _laptops(window: MainWindow, session: Session) -> Iterator[Screen]:
    """Enrolling a laptop, its one-time code and the program's laptops (supervisors)."""
    if session.account.role is not Role.SUPERVISOR:
        return
    yield from _shown("dialog-enroll-laptop", EnrollDialog(window))
    yield from _shown("dialog-enrollment-code", EnrollmentCodeDialog(
        devices.Enrolled("0" * 32, "outreach laptop 2", SAMPLE_ENROLLMENT_CODE, False),
        Path("/media/usb/outreach-laptop-2.enrollment"), window))
    yield from _opened("laptops", window.team_sync, window.team_sync.open_laptops)


def _administration(window: MainWindow, session: Session) -> Iterator[Screen]:
    """Help and About for everyone; staff accounts, backups and the check for supervisors."""
    yield from _opened("help-guide", window, window.open_guide)
    yield from _opened("dialog-about", window, window.open_about)
    if session.account.role is not Role.SUPERVISOR:
        return
    window.open_accounts()
    accounts_window = window.active_dialog
    assert accounts_window is not None
    try:
        yield from _shown("staff-accounts", accounts_window, close=False)
        yield from _opened("dialog-add-account", accounts_window, accounts_window.open_add)
        other = next((a.name for a in accounts_window.model.accounts
                      if a.name != session.account.name), None)
        if other is not None:
            accounts_window.select(other)
            yield from _opened("dialog-change-role", accounts_window, accounts_window.open_role)
            yield from _opened("dialog-one-time-passphrase", accounts_window,
                               lambda: accounts_window.show_one_time(other, SAMPLE_ONE_TIME))
    finally:
        _close(accounts_window)
        window.active_dialog = None
    window.open_backups()
    backups_window = window.active_dialog
    assert backups_window is not None
    try:
        yield from _shown("backups", backups_window, close=False)
        yield from _opened("dialog-restore", backups_window, backups_window.open_restore)
    finally:
        _close(backups_window)
        window.active_dialog = None
    window.open_check()
    check_window = window.active_dialog
    assert check_window is not None
    try:
        job = check_window.run_check()
        while job.isRunning() or check_window.job is not None:
            settle(0.05)
        yield from _shown("check-database", check_window, close=False)
    finally:
        _close(check_window)
        window.active_dialog = None


def record_screens(window: MainWindow, record: RecordView) -> Iterator[Screen]:
    """Each tab of the open record in the main window, and the dialogs its buttons open."""
    for index in range(record.tabs.count()):
        record.tabs.setCurrentIndex(index)
        settle()
        yield "record-" + _slug(record.tabs.tabText(index)), window
    if hasattr(record, "profile"):
        record.tabs.setCurrentWidget(record.profile)
        yield from _opened("dialog-edit-survivor", record.profile, record.profile.open_editor)
    if hasattr(record, "goals"):
        record.tabs.setCurrentWidget(record.goals)
        yield from _opened("dialog-goal", record.goals, record.goals.open_goal_dialog)
        record.goals.tree.setCurrentItem(record.goals.tree.topLevelItem(0))
        yield from _opened("dialog-milestone", record.goals, record.goals.add_milestone)
        yield from _opened("dialog-change-goal", record.goals, record.goals.edit_selected)
        yield from _shown("dialog-check-in", record.goals.checkin_prompt())
        yield from _opened("dialog-plan-choice", record.goals, record.goals.save_plan)
    if hasattr(record, "documents"):
        record.tabs.setCurrentWidget(record.documents)
        yield from _shown("dialog-scan", ScanViewer("scan.png", "image/png", sample_scan(),
                                                    record.documents))
    if hasattr(record, "placement"):
        record.tabs.setCurrentWidget(record.placement)
        yield from _opened("dialog-next-step", record.placement,
                           record.placement.open_step_dialog)
    if hasattr(record, "consent"):
        record.tabs.setCurrentWidget(record.consent)
        yield from _opened("dialog-consent", record.consent,
                           record.consent.open_consent_dialog)
    if hasattr(record, "reviews"):
        record.tabs.setCurrentWidget(record.reviews)
        yield from _opened("dialog-review", record.reviews, record.reviews.open_review_dialog)
    if record.session.account.role is Role.SUPERVISOR:
        # Offered on closed cases only; the dialog is the same whichever case opens it.
        yield from _opened("dialog-purge", record, record.open_purge)


def _share_preview(window: MainWindow, preview: bool = True) -> Iterator[Screen]:
    """The sharing dialog, with a preview for the first case that has an active consent."""
    fallback: ExportDialog | None = None
    for row in range(min(window.model.rowCount(), 40)):
        window.table.selectRow(row)
        settle()
        record = window.record
        if record is None or not hasattr(record, "consent"):
            continue
        record.consent.open_export_dialog()
        dialog = record.consent.active_dialog
        record.consent.active_dialog = None
        if not isinstance(dialog, ExportDialog):
            continue
        if dialog.employer.count() and preview:
            if fallback is not None:
                _close(fallback)
            dialog.show()
            dialog.preview()
            settle(0.5)
            yield from _shown("dialog-share-preview", dialog)
            return
        if fallback is None:
            fallback = dialog
        else:
            _close(dialog)
    if fallback is not None:
        yield from _shown("dialog-share", fallback)


def _dashboard(window: MainWindow) -> Iterator[Screen]:
    window.open_dashboard()
    dashboard = window.active_dialog
    assert dashboard is not None
    try:
        yield from _shown("dashboard", dashboard, close=False)
        if dashboard.table.rowCount() and dashboard.table.columnCount() > 1:
            yield from _opened("dialog-cases-behind", dashboard,
                               lambda: dashboard.drill_down(0, 1))
        yield from _retention(dashboard)
    finally:
        _close(dashboard)
        window.active_dialog = None


def _retention(dashboard: QWidget) -> Iterator[Screen]:
    """The retention window, and its policy and legal hold dialogs."""
    if not isinstance(dashboard, DashboardWindow):
        return
    dashboard.open_retention()
    retention = dashboard.active_dialog
    if not isinstance(retention, RetentionWindow):
        return
    try:
        yield from _shown("retention", retention, close=False)
        yield from _opened("dialog-retention-policy", retention, retention.open_policy)
        yield from _opened("dialog-legal-hold", retention, retention.open_hold)
    finally:
        _close(retention)
        dashboard.active_dialog = None


def _employers(window: MainWindow) -> Iterator[Screen]:
    window.open_employers()
    employers_window = window.active_dialog
    assert employers_window is not None
    employers_window.resize(1200, 720)
    employers_window.show_matches()
    try:
        yield from _shown("employers", employers_window, close=False)
        yield from _opened("dialog-employer", employers_window,
                           employers_window.open_employer_dialog)
    finally:
        _close(employers_window)
        window.active_dialog = None


def sample_scan() -> bytes:
    """A small PNG made in memory, standing in for a scanned document."""
    image = QImage(480, 320, QImage.Format.Format_RGB32)
    image.fill(QColor(Qt.GlobalColor.lightGray))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())
