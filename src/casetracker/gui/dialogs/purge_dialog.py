"""Confirming the purge of a closed case: the supervisor types its case number."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QLabel, QLineEdit, QWidget

from casetracker.gui.widgets import FormDialog


class PurgeDialog(FormDialog):
    """OK stays disabled until the case number is typed; `data()` is what was typed (the
    service checks it again)."""

    def __init__(self, case_number: str, parent: QWidget | None = None) -> None:
        # The title names no case: window titles can show in task bars and switchers.
        super().__init__(self.tr("Purge a closed case"), parent)
        self.case_number = case_number
        warning = QLabel(self.tr(
            "Purging removes case {0} and everything recorded about this survivor — profile, "
            "notes, goals, documents and scans, consents, placement and reviews — for good. "
            "It cannot be undone, and a backup made earlier still holds it. The audit trail "
            "keeps only that the case was purged, by whom and when.").format(case_number), self)
        warning.setWordWrap(True)
        prompt = QLabel(self.tr("Type the case number to confirm:"), self)
        self.typed = QLineEdit(self)
        self.typed.setAccessibleName(self.tr("Case number to confirm"))
        prompt.setBuddy(self.typed)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Purge for good"))
        self.ok_button.setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setDefault(True)
        self.typed.textChanged.connect(self._typed_changed)
        for widget in (warning, prompt, self.typed):
            self.body.addWidget(widget)
        self.resize(480, 220)

    def _typed_changed(self, text: str) -> None:
        self.ok_button.setEnabled(text.strip().casefold() == self.case_number.casefold())

    def data(self) -> str:
        return self.typed.text()
