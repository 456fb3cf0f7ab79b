"""Recording a survivor's consent: to whom, which categories, until when."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE, Category
from casetracker.domain.consent import CATEGORY_DESCRIPTIONS, ConsentMethod
from casetracker.domain.employment import Employer
from casetracker.gui.labels import label
from casetracker.gui.widgets import DateField, FormDialog

METHOD_LABELS = {
    ConsentMethod.WRITTEN: QT_TRANSLATE_NOOP("labels", "Signed release form"),
    ConsentMethod.VERBAL_WITNESSED: QT_TRANSLATE_NOOP("labels", "Spoken, with a witness"),
    ConsentMethod.ELECTRONIC: QT_TRANSLATE_NOOP("labels", "Electronic signature"),
}


@dataclass(frozen=True)
class ConsentInput:
    employer_id: str | None
    agency: str | None
    categories: frozenset[Category]
    signed_on: date
    expires_on: date
    method: ConsentMethod


class ConsentDialog(FormDialog):
    def __init__(self, partners: list[Employer], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New consent to share"), parent)
        self.recipient = QComboBox(self)
        self.recipient.setAccessibleName(self.tr("Recipient"))
        for employer in partners:
            self.recipient.addItem(employer.name, employer.id)
        self.recipient.addItem(self.tr("Another agency (type its name)"), "")
        self.agency = QLineEdit(self)
        self.agency.setAccessibleName(self.tr("Agency"))
        self.agency.setPlaceholderText(self.tr("Agency name"))
        self.recipient.currentIndexChanged.connect(
            lambda _i: self.agency.setEnabled(not self.recipient.currentData()))
        self.agency.setEnabled(not self.recipient.currentData())
        self.signed_on = DateField(clock.today(), label=self.tr("Signed on"), parent=self)
        self.expires_on = DateField(clock.today() + timedelta(days=180),
                                    label=self.tr("Expires on"), parent=self)
        self.method = QComboBox(self)
        self.method.setAccessibleName(self.tr("How it was given"))
        for value, text in METHOD_LABELS.items():
            self.method.addItem(label(text), value.value)
        form = QFormLayout()
        form.addRow(self.tr("Share with"), self.recipient)
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow(self.tr("Signed on"), self.signed_on)
        form.addRow(self.tr("Expires on"), self.expires_on)
        form.addRow(self.tr("How it was given"), self.method)
        self.body.addLayout(form)
        group = QGroupBox(self.tr("What the survivor agrees to share"), self)
        column = QVBoxLayout(group)
        self.categories: dict[Category, QCheckBox] = {}
        for category in sorted(SHAREABLE, key=list(Category).index):
            box = QCheckBox(label(CATEGORY_DESCRIPTIONS[category]), group)
            self.categories[category] = box
            column.addWidget(box)
        self.body.addWidget(group)

    def data(self) -> ConsentInput:
        signed, expires = self.signed_on.value(), self.expires_on.value()
        assert signed is not None
        assert expires is not None
        employer_id = self.recipient.currentData() or None
        return ConsentInput(
            employer_id, None if employer_id else self.agency.text(),
            frozenset(c for c, box in self.categories.items() if box.isChecked()), signed,
            expires, ConsentMethod(self.method.currentData()))
