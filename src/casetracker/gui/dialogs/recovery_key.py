"""Making a new recovery key (Tools → New recovery key…): the old one stops working, the new
one is shown and printed once (`first_run.RecoveryKeyDialog`), like `casetracker recovery-key`."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from casetracker.gui.first_run import RecoveryKeyDialog
from casetracker.services import accounts
from casetracker.services.session import Session


def ask_to_replace(parent: QWidget) -> bool:
    answer = QMessageBox.question(parent, QCoreApplication.translate(
        "RecoveryKey", "New recovery key"), QCoreApplication.translate(
        "RecoveryKey",
        "Make a new recovery key? The one printed before stops working at once. Have a printer "
        "or pen and paper ready: the new key is shown only once."))
    return answer == QMessageBox.StandardButton.Yes


def replace(session: Session, parent: QWidget) -> RecoveryKeyDialog:
    """Replace the recovery key and show the new one (not yet opened: the caller opens it)."""
    key = accounts.replace_recovery_key(session)
    return RecoveryKeyDialog(key, parent)
