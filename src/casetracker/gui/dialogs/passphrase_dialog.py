"""Choosing a new passphrase (after a supervisor's reset, or any time)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from casetracker.domain.errors import UsageError
from casetracker.gui.widgets import FormDialog, passphrase_fields


class PassphraseDialog(FormDialog):
    def __init__(self, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Choose a new passphrase"), parent)
        intro = QLabel(reason, self)
        intro.setWordWrap(True)
        self.passphrase, self.repeat = passphrase_fields(
            self, self.tr("New passphrase"), self.tr("Repeat the new passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("New passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        self.body.addWidget(intro)
        self.body.addLayout(form)

    def data(self) -> str:
        if self.passphrase.text() != self.repeat.text():
            raise UsageError(self.tr("The two passphrases differ."))
        return self.passphrase.text()
