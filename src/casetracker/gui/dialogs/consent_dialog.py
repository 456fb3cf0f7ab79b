"""Recording a survivor's release of information: to whom, why, which categories, from when
until when, how it was signed (with a parent or guardian for a minor), and whether the
recipient may share it further."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE, Category
from casetracker.domain.consent import (
    CATEGORY_DESCRIPTIONS,
    DEFAULT_DAYS,
    NEW_METHODS,
    ConsentMethod,
    Revocation,
    default_expiry,
    is_minor_on,
)
from casetracker.domain.employment import Employer
from casetracker.domain.validation import ValidationError
from casetracker.gui.date_field import in_words
from casetracker.gui.labels import label
from casetracker.gui.widgets import DateField, FormDialog

METHOD_LABELS = {
    ConsentMethod.PAPER: QT_TRANSLATE_NOOP("labels", "Signed on paper"),
    ConsentMethod.ELECTRONIC: QT_TRANSLATE_NOOP("labels", "Signed electronically"),
    # Only read from consents recorded before releases; never offered for a new one.
    ConsentMethod.VERBAL_WITNESSED: QT_TRANSLATE_NOOP("labels", "Spoken, with a witness"),
}


@dataclass(frozen=True)
class ConsentInput:
    employer_id: str | None
    agency: str | None
    categories: frozenset[Category]
    signed_on: date
    expires_on: date | None  # None: 90 days after it starts
    method: ConsentMethod
    purpose: str = ""
    may_share_further: bool = False
    guardian_name: str = ""
    guardian_signed: bool = False


class ConsentDialog(FormDialog):
    def __init__(self, partners: list[Employer], parent: QWidget | None = None, *,
                 date_of_birth: date | None = None) -> None:
        super().__init__(self.tr("New release of information"), parent)
        self.date_of_birth = date_of_birth
        self.recipient = QComboBox(self)
        self.recipient.setAccessibleName(self.tr("Recipient"))
        for employer in partners:
            self.recipient.addItem(employer.name, employer.id)
        self.recipient.addItem(self.tr("A partner agency (type its name)"), "")
        self.agency = QLineEdit(self)
        self.agency.setAccessibleName(self.tr("Agency"))
        self.agency.setPlaceholderText(self.tr("Agency name"))
        self.recipient.currentIndexChanged.connect(
            lambda _i: self.agency.setEnabled(not self.recipient.currentData()))
        self.agency.setEnabled(not self.recipient.currentData())
        self.purpose = QPlainTextEdit(self)
        self.purpose.setAccessibleName(self.tr("Purpose"))
        self.purpose.setPlaceholderText(self.tr("Why it is shared, as written with the survivor"))
        self.purpose.setTabChangesFocus(True)
        self.purpose.setFixedHeight(self.purpose.fontMetrics().lineSpacing() * 3 + 14)
        self.signed_on = DateField(clock.today(), label=self.tr("Starts on (signed)"),
                                   parent=self)
        self.expires_on = DateField(None, optional=True, label=self.tr("Expires on"),
                                    parent=self)
        expiry_hint = QLabel(self.tr("Leave empty for {0} days from the start; at most a year.")
                             .format(DEFAULT_DAYS), self)
        expiry_hint.setWordWrap(True)
        self.signed_on.changed.connect(self._explain_expiry)
        self.expires_on.changed.connect(self._explain_expiry)
        self._explain_expiry()
        self.method = QComboBox(self)
        self.method.setAccessibleName(self.tr("How it was signed"))
        for value in NEW_METHODS:
            self.method.addItem(label(METHOD_LABELS[value]), value.value)
        self.shares_further = QCheckBox(self.tr("The recipient may share it &further"), self)
        form = QFormLayout()
        form.addRow(self.tr("Share with"), self.recipient)
        form.addRow(self.tr("Agency"), self.agency)
        form.addRow(self.tr("Purpose"), self.purpose)
        form.addRow(self.tr("Starts on (signed)"), self.signed_on)
        form.addRow(self.tr("Expires on"), self.expires_on)
        form.addRow("", expiry_hint)
        form.addRow(self.tr("How it was signed"), self.method)
        form.addRow("", self.shares_further)
        self.body.addLayout(form)
        # A minor signs with a non-abusive parent or guardian: asked only when the survivor
        # is under 18 on the day the release starts.
        self.minor_group = QGroupBox(self.tr("The survivor is under 18"), self)
        minor_form = QFormLayout(self.minor_group)
        self.guardian_name = QLineEdit(self.minor_group)
        self.guardian_name.setAccessibleName(self.tr("Parent or guardian"))
        self.guardian_name.setPlaceholderText(
            self.tr("A parent or guardian who has not harmed them"))
        self.guardian_signed = QCheckBox(
            self.tr("The young person and this parent or guardian &both signed"),
            self.minor_group)
        minor_form.addRow(self.tr("Parent or guardian"), self.guardian_name)
        minor_form.addRow("", self.guardian_signed)
        self.body.addWidget(self.minor_group)
        self.signed_on.changed.connect(self._show_minor)
        self._show_minor()
        group = QGroupBox(self.tr("What the survivor agrees to share"), self)
        column = QVBoxLayout(group)
        self.categories: dict[Category, QCheckBox] = {}
        for category in sorted(SHAREABLE, key=list(Category).index):
            box = QCheckBox(label(CATEGORY_DESCRIPTIONS[category]), group)
            self.categories[category] = box
            column.addWidget(box)
        never = QLabel(self.tr("History of trafficking or domestic violence is never shared."),
                       group)
        column.addWidget(never)
        self.body.addWidget(group)
        statements = QLabel(self.tr(
            "The form says that signing is voluntary and never a condition of service, and "
            "that the survivor may revoke it at any time, in writing or orally."), self)
        statements.setWordWrap(True)
        self.body.addWidget(statements)

    def is_minor(self) -> bool:
        try:
            start = self.signed_on.value()
        except ValidationError:
            start = None
        return is_minor_on(self.date_of_birth, start or clock.today())

    def _explain_expiry(self) -> None:
        """Left empty, the expiry reads as the day it will be: 90 days from the start."""
        if self.expires_on.edit.text().strip():
            return
        try:
            start = self.signed_on.value()
        except ValidationError:
            return
        if start is not None:
            self.expires_on.understood.setText(self.tr("{0} ({1} days from the start)").format(
                in_words(default_expiry(start)), DEFAULT_DAYS))

    def _show_minor(self) -> None:
        self.minor_group.setVisible(self.is_minor())

    def data(self) -> ConsentInput:
        signed, expires = self.signed_on.value(), self.expires_on.value()
        assert signed is not None
        employer_id = self.recipient.currentData() or None
        minor = self.is_minor()
        return ConsentInput(
            employer_id, None if employer_id else self.agency.text(),
            frozenset(c for c, box in self.categories.items() if box.isChecked()), signed,
            expires, ConsentMethod(self.method.currentData()),
            self.purpose.toPlainText(), self.shares_further.isChecked(),
            self.guardian_name.text() if minor else "",
            self.guardian_signed.isChecked() and minor)


REVOCATION_LABELS = {
    Revocation.ORAL: QT_TRANSLATE_NOOP("labels", "Orally (told to staff)"),
    Revocation.WRITTEN: QT_TRANSLATE_NOOP("labels", "In writing"),
}


@dataclass(frozen=True)
class RevocationInput:
    how: Revocation
    on: date


class RevokeDialog(FormDialog):
    """How and when the survivor took a release back; it stops at once either way."""

    def __init__(self, recipient: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Revoke the release to {0}").format(recipient), parent)
        self.how = QComboBox(self)
        self.how.setAccessibleName(self.tr("How it was revoked"))
        for value, text in REVOCATION_LABELS.items():
            self.how.addItem(label(text), value.value)
        self.on = DateField(clock.today(), label=self.tr("Revoked on"), parent=self)
        form = QFormLayout()
        form.addRow(self.tr("How it was revoked"), self.how)
        form.addRow(self.tr("Revoked on"), self.on)
        self.body.addLayout(form)
        note = QLabel(self.tr("It stops at once: nothing more is shared under it, and nothing "
                              "prepared under it can be saved."), self)
        note.setWordWrap(True)
        self.body.addWidget(note)

    def data(self) -> RevocationInput:
        on = self.on.value()
        assert on is not None
        return RevocationInput(Revocation(self.how.currentData()), on)
