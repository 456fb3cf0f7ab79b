"""The self-test's window check: the main window opened and closed on an unlocked session."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from casetracker.gui.safety import ClipboardGuard
from casetracker.services.selftest import CheckFailed
from casetracker.services.session import Session


def open_main_window(session: Session) -> str:
    """Show the main window, open the first record in the caseload, close it all again.

    Nothing is written to the user's settings: the controller, which saves window geometry,
    is not involved.
    """
    from casetracker.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    clipboard = ClipboardGuard()
    window = MainWindow(session, clipboard)
    try:
        window.show()
        app.processEvents()
        rows = window.model.rowCount()
        if rows < 1:
            raise CheckFailed("the caseload is empty")
        window.table.selectRow(0)
        app.processEvents()
        if window.record is None:
            raise CheckFailed("choosing the first case opened no record")
        tabs = window.record.tabs.count()
    finally:
        window.close()
        window.deleteLater()
        clipboard.clear()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return (f"opened and closed on the {app.platformName()} platform "
            f"({rows} case in the caseload, its record with {tabs} tabs)")
