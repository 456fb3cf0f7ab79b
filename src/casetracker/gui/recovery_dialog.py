"""Unlocking with the recovery key, which always sets a new passphrase."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from casetracker.domain.errors import UsageError
from casetracker.gui.widgets import FormDialog, passphrase_fields


@dataclass(frozen=True)
class Recovery:
    account: str
    recovery_key: str
    new_passphrase: str


class RecoveryDialog(FormDialog):
    def __init__(self, accounts: list[str], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Unlock with the recovery key"), parent)
        intro = QLabel(self.tr(
            "Type the recovery key and choose a new passphrase for the account. The recovery "
            "key then stops working and a new one is shown."), self)
        intro.setWordWrap(True)
        self.account = QComboBox(self)
        self.account.addItems(accounts)
        self.account.setAccessibleName(self.tr("Account"))
        self.key = QLineEdit(self)
        self.key.setAccessibleName(self.tr("Recovery key"))
        self.key.setPlaceholderText("XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX-XXXXXX")
        self.passphrase, self.repeat = passphrase_fields(
            self, self.tr("New passphrase"), self.tr("Repeat the new passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("Account"), self.account)
        form.addRow(self.tr("Recovery key"), self.key)
        form.addRow(self.tr("New passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        self.body.addWidget(intro)
        self.body.addLayout(form)

    def data(self) -> Recovery:
        if self.passphrase.text() != self.repeat.text():
            raise UsageError(self.tr("The two passphrases differ."))
        return Recovery(self.account.currentText(), self.key.text(), self.passphrase.text())
