"""Editing the referral letter template (coordinators)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

from casetracker.gui.widgets import FormDialog

PLACEHOLDERS = ("$preferred_name", "$employer", "$employer_contact", "$position", "$date",
                "$skills", "$workshops", "$availability", "$goals", "$readiness_sentence",
                "$availability_sentence", "$goals_sentence", "$eligibility_sentence")


class TemplateDialog(FormDialog):
    def __init__(self, template: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Referral letter template"), parent)
        help_text = QLabel(self.tr(
            "Placeholders are filled only with what the survivor consented to share: {0}. "
            "Anything else typed here is printed as it stands, and a letter that would show "
            "a withheld detail is refused.").format(", ".join(PLACEHOLDERS)), self)
        help_text.setWordWrap(True)
        self.text = QPlainTextEdit(template, self)
        self.text.setAccessibleName(self.tr("Template"))
        self.body.addWidget(help_text)
        self.body.addWidget(self.text)
        self.resize(640, 520)

    def data(self) -> str:
        return self.text.toPlainText()
