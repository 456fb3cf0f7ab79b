"""The profile: identity, contact, work; edited through the profile dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from casetracker.domain.profiles import EmploymentProfile
from casetracker.domain.survivors import GENDER_LABELS, Gender, Survivor
from casetracker.gui.dialogs.survivor_dialog import TRANSPORT_LABELS, SurvivorDialog
from casetracker.gui.labels import label
from casetracker.gui.record.base import RecordTab
from casetracker.gui.safety import ClipboardGuard
from casetracker.gui.widgets import show_day
from casetracker.services import survivors


class ProfileTab(RecordTab):
    def __init__(self, *args: object, clipboard: ClipboardGuard, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._clipboard = clipboard
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, caption in [("case_number", self.tr("Case number")),
                           ("legal_name", self.tr("Legal name")),
                           ("date_of_birth", self.tr("Date of birth")),
                           ("pronouns", self.tr("Pronouns")),
                           ("gender", self.tr("Gender")),
                           ("primary_language", self.tr("Primary language")),
                           ("phone", self.tr("Phone")), ("email", self.tr("Email")),
                           ("address", self.tr("Address")),
                           ("referral_source", self.tr("Referral source")),
                           ("intake_date", self.tr("Intake date")),
                           ("assigned_to", self.tr("Case manager")),
                           ("skills", self.tr("Skills and certifications")),
                           ("availability", self.tr("Availability")),
                           ("accommodations", self.tr("Supports at work"))]:
            value = QLabel(self)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByKeyboard
                                          | Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            # Named by its form label (the Label relation); its own name is the value.
            self.values[key] = value
            self.form.addRow(caption, value)
        self.edit_button = QPushButton(self.tr("Edit profile…"), self)
        self.edit_button.clicked.connect(self.open_editor)
        self.edit_button.setVisible(self.editable)
        self.copy_phone = QPushButton(self.tr("Copy phone"), self)
        self.copy_phone.setToolTip(self.tr("Cleared from the clipboard after 30 seconds"))
        self.copy_phone.clicked.connect(lambda: self._clipboard.copy(self.survivor.phone))
        self.copy_email = QPushButton(self.tr("Copy email"), self)
        self.copy_email.setToolTip(self.tr("Cleared from the clipboard after 30 seconds"))
        self.copy_email.clicked.connect(lambda: self._clipboard.copy(self.survivor.email))
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.copy_phone, self.copy_email):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.refresh()

    def refresh(self) -> None:
        s = self.survivor
        a = s.availability
        availability = ", ".join(p for p in [
            self.tr("%n hour(s) a week", "", a.hours_per_week) if a.hours_per_week else "",
            self.tr("from {0}").format(show_day(a.earliest_start)) if a.earliest_start else "",
            label(TRANSPORT_LABELS[a.transport]) if a.transport.value else ""] if p)
        shown = {
            "case_number": s.case_number, "legal_name": s.legal_name,
            "date_of_birth": show_day(s.date_of_birth), "pronouns": s.pronouns,
            "gender": (s.gender_self_described if s.gender is Gender.SELF_DESCRIBED
                       else label(GENDER_LABELS[s.gender]) if s.gender.value else ""),
            "primary_language": s.primary_language, "phone": s.phone, "email": s.email,
            "address": s.address, "referral_source": s.referral_source,
            "intake_date": show_day(s.intake_date), "assigned_to": s.assigned_to or "",
            "skills": ", ".join(s.skills), "availability": availability,
            "accommodations": s.accommodations,
        }
        for key, text in shown.items():
            self.values[key].setText(text or "—")
        self.copy_phone.setEnabled(bool(s.phone))
        self.copy_email.setEnabled(bool(s.email))

    def open_editor(self) -> None:
        dialog = SurvivorDialog(self.survivor, self)
        dialog.case_number.setReadOnly(False)
        dialog.submit = self._save
        self.active_dialog = dialog
        dialog.open()

    def _save(self, edited: Survivor) -> None:
        changes = {name: getattr(edited, name) for name in (
            "case_number", "preferred_name", "legal_first_name", "legal_last_name",
            "date_of_birth", "pronouns", "gender", "gender_self_described",
            "primary_language", "phone", "email", "address",
            "safe_contact", "referral_source", "intake_date", "skills", "availability",
            "accommodations")}
        self.survivor = survivors.update_survivor(self.session, self.case_number, **changes)
        self._saved()


class EmploymentTab(QWidget):
    """What a coordinator sees: the employment profile, nothing else."""

    def __init__(self, profile: EmploymentProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        a = profile.availability
        rows = [
            (self.tr("Preferred name"), profile.preferred_name),
            (self.tr("Skills and certifications"), ", ".join(profile.skills) or "—"),
            (self.tr("Hours per week"), str(a.hours_per_week or "—")),
            (self.tr("Earliest start"), show_day(a.earliest_start)),
            (self.tr("Transport"), label(TRANSPORT_LABELS[a.transport])),
            (self.tr("Employment goals"), "\n".join(profile.employment_goals) or "—"),
            (self.tr("Supports at work"), profile.accommodations or "—"),
            (self.tr("Ready for I-9"), self.tr("Yes") if profile.ready_for_i9 else self.tr("No")),
            (self.tr("Case manager"), profile.assigned_to or "—"),
        ]
        for caption, value in rows:
            text = QLabel(value, self)
            text.setWordWrap(True)
            form.addRow(caption, text)
