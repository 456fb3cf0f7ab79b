"""Intake and profile editing: who the person is to the program, and how to reach them safely."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QWidget,
)

from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.survivors import (
    GENDER_LABELS,
    Availability,
    Gender,
    SafeContact,
    Survivor,
    Transport,
)
from casetracker.gui.dialogs.duplicates import DuplicatesPanel
from casetracker.gui.labels import label
from casetracker.gui.widgets import DateField, FormDialog
from casetracker.services import survivors
from casetracker.services.duplicates import LikelyDuplicateError

TRANSPORT_LABELS = {
    Transport.UNKNOWN: QT_TRANSLATE_NOOP("labels", "Not known yet"),
    Transport.PUBLIC_TRANSIT: QT_TRANSLATE_NOOP("labels", "Public transit"),
    Transport.OWN_VEHICLE: QT_TRANSLATE_NOOP("labels", "Own vehicle"),
    Transport.WALK_OR_BIKE: QT_TRANSLATE_NOOP("labels", "Walks or bikes"),
    Transport.NEEDS_RIDE: QT_TRANSLATE_NOOP("labels", "Needs a ride"),
}


class SurvivorDialog(FormDialog):
    """`data()` is the `Survivor` as entered (a new draft, or the edited record).

    At intake, a save refused for likely duplicates (`LikelyDuplicateError` from `submit`)
    shows them in `duplicates`; the person opens one (`open_requested`) or saves a new record
    anyway (`not_a_duplicate` is then True while `submit` runs again)."""

    open_requested = Signal(str)

    def __init__(self, survivor: Survivor | None = None, parent: QWidget | None = None) -> None:
        title = self.tr("New survivor") if survivor is None else self.tr("Edit profile")
        super().__init__(title, parent)
        self._original = survivor or survivors.draft()
        s = self._original
        tabs = QTabWidget(self)
        tabs.setAccessibleName(self.tr("Survivor details"))
        tabs.addTab(self._identity(s), self.tr("Person"))
        tabs.addTab(self._contact(s), self.tr("Safe contact"))
        tabs.addTab(self._work(s), self.tr("Work"))
        self.body.addWidget(tabs)
        self.not_a_duplicate = False
        self.duplicates = DuplicatesPanel(self)
        self.duplicates.open_requested.connect(self._open_existing)
        self.duplicates.save_anyway.connect(self._save_anyway)
        self.body.addWidget(self.duplicates)
        self.resize(560, 480)

    def accept(self) -> None:
        try:
            value = self.data()
            if self.submit is not None:
                self.submit(value)
        except LikelyDuplicateError as exc:
            self.error.clear_error()
            self.duplicates.show_check(value, exc.check)
            if exc.check.matches:
                self.resize(self.width(), max(self.height(), 720))
            return
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        QDialog.accept(self)

    def _save_anyway(self) -> None:
        self.not_a_duplicate = True
        try:
            self.accept()
        finally:
            self.not_a_duplicate = False

    def _open_existing(self, case_number: str) -> None:
        self.reject()
        self.open_requested.emit(case_number)

    def _line(self, value: str, name: str) -> QLineEdit:
        edit = QLineEdit(value, self)
        edit.setAccessibleName(name)
        return edit

    def _identity(self, s: Survivor) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.case_number = self._line(s.case_number, self.tr("Case number"))
        self.case_number.setPlaceholderText(self.tr("Leave empty to number it automatically"))
        self.preferred_name = self._line(s.preferred_name, self.tr("Preferred name"))
        self.legal_first_name = self._line(s.legal_first_name, self.tr("Legal first name"))
        self.legal_last_name = self._line(s.legal_last_name, self.tr("Legal last name"))
        self.date_of_birth = DateField(s.date_of_birth, optional=True,
                                       label=self.tr("Date of birth"), parent=page)
        self.pronouns = self._line(s.pronouns, self.tr("Pronouns"))
        self.gender = QComboBox(page)
        self.gender.setAccessibleName(self.tr("Gender"))
        for value, text in GENDER_LABELS.items():
            self.gender.addItem(label(text), value.value)
        self.gender.setCurrentIndex(list(GENDER_LABELS).index(s.gender))
        self.gender.setToolTip(self.tr("Only as the person gives it; never shared"))
        self.gender_own_words = self._line(s.gender_self_described,
                                           self.tr("Gender in their own words"))
        self.gender_own_words.setPlaceholderText(self.tr("In their own words"))
        self.gender.currentIndexChanged.connect(self._gender_chosen)
        self._gender_chosen()
        self.primary_language = self._line(s.primary_language, self.tr("Primary language"))
        self.referral_source = self._line(s.referral_source, self.tr("Referral source"))
        self.intake_date = DateField(s.intake_date, label=self.tr("Intake date"), parent=page)
        form.addRow(self.tr("Case number"), self.case_number)
        form.addRow(self.tr("Preferred name"), self.preferred_name)
        form.addRow(self.tr("Legal first name"), self.legal_first_name)
        form.addRow(self.tr("Legal last name"), self.legal_last_name)
        form.addRow(self.tr("Date of birth"), self.date_of_birth)
        form.addRow(self.tr("Pronouns"), self.pronouns)
        gender_row = QHBoxLayout()
        gender_row.addWidget(self.gender)
        gender_row.addWidget(self.gender_own_words, 1)
        form.addRow(self.tr("Gender"), gender_row)
        form.addRow(self.tr("Primary language"), self.primary_language)
        form.addRow(self.tr("Referral source"), self.referral_source)
        form.addRow(self.tr("Intake date"), self.intake_date)
        return page

    def _gender_chosen(self) -> None:
        own_words = self.gender.currentData() == Gender.SELF_DESCRIBED.value
        self.gender_own_words.setEnabled(own_words)
        if not own_words:
            self.gender_own_words.clear()

    def _contact(self, s: Survivor) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.phone = self._line(s.phone, self.tr("Phone"))
        self.email = self._line(s.email, self.tr("Email"))
        self.address = QPlainTextEdit(s.address, page)
        self.address.setAccessibleName(self.tr("Address"))
        self.address.setTabChangesFocus(True)
        self.address.setMaximumHeight(70)
        rules = QGroupBox(self.tr("Safe to contact by"), page)
        row = QHBoxLayout(rules)
        self.ok_to_call = QCheckBox(self.tr("Call"), rules)
        self.ok_to_text = QCheckBox(self.tr("Text"), rules)
        self.ok_voicemail = QCheckBox(self.tr("Leave voicemail"), rules)
        for box, value in ((self.ok_to_call, s.safe_contact.ok_to_call),
                           (self.ok_to_text, s.safe_contact.ok_to_text),
                           (self.ok_voicemail, s.safe_contact.ok_to_leave_voicemail)):
            box.setChecked(value)
            row.addWidget(box)
        self.safe_times = self._line(s.safe_contact.safe_times, self.tr("Safe times"))
        hint = QLabel(self.tr("Nothing is ticked until the person says it is safe."), page)
        hint.setWordWrap(True)
        form.addRow(rules)
        form.addRow(self.tr("Safe times"), self.safe_times)
        form.addRow(hint)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Address"), self.address)
        return page

    def _work(self, s: Survivor) -> QWidget:
        page = QWidget(self)
        form = QFormLayout(page)
        self.skills = self._line("; ".join(s.skills), self.tr("Skills and certifications"))
        self.skills.setPlaceholderText(self.tr("Separate with ;"))
        self.hours = QSpinBox(page)
        self.hours.setRange(0, 80)
        self.hours.setSpecialValueText(self.tr("Not known yet"))
        self.hours.setValue(s.availability.hours_per_week or 0)
        self.hours.setAccessibleName(self.tr("Hours per week"))
        self.earliest_start = DateField(s.availability.earliest_start, optional=True,
                                        label=self.tr("Earliest start"), parent=page)
        self.transport = QComboBox(page)
        self.transport.setAccessibleName(self.tr("Transport"))
        for value, text in TRANSPORT_LABELS.items():
            self.transport.addItem(label(text), value)
        self.transport.setCurrentIndex(list(TRANSPORT_LABELS).index(s.availability.transport))
        self.accommodations = self._line(s.accommodations, self.tr("Supports at work"))
        self.accommodations.setPlaceholderText(
            self.tr("In neutral words, e.g. 'needs a predictable schedule'"))
        form.addRow(self.tr("Skills and certifications"), self.skills)
        form.addRow(self.tr("Hours per week"), self.hours)
        form.addRow(self.tr("Earliest start"), self.earliest_start)
        form.addRow(self.tr("Transport"), self.transport)
        form.addRow(self.tr("Supports at work"), self.accommodations)
        return page

    def data(self) -> Survivor:
        intake = self.intake_date.value()
        assert intake is not None
        return replace(
            self._original,
            case_number=self.case_number.text().strip(),
            preferred_name=self.preferred_name.text().strip(),
            legal_first_name=self.legal_first_name.text().strip(),
            legal_last_name=self.legal_last_name.text().strip(),
            date_of_birth=self.date_of_birth.value(), pronouns=self.pronouns.text().strip(),
            gender=Gender(self.gender.currentData()),
            gender_self_described=self.gender_own_words.text().strip(),
            primary_language=self.primary_language.text().strip(),
            referral_source=self.referral_source.text().strip(), intake_date=intake,
            phone=self.phone.text().strip(), email=self.email.text().strip(),
            address=self.address.toPlainText().strip(),
            safe_contact=SafeContact(self.ok_to_call.isChecked(), self.ok_to_text.isChecked(),
                                     self.ok_voicemail.isChecked(),
                                     self.safe_times.text().strip()),
            skills=tuple(p.strip() for p in self.skills.text().split(";") if p.strip()),
            availability=Availability(self.hours.value() or None, self.earliest_start.value(),
                                      Transport(self.transport.currentData())),
            accommodations=self.accommodations.text().strip())
