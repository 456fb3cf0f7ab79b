"""The current placement at work (internship, apprenticeship or job) of a case: the
apprenticeship's end, the employer's onsite supervisor and mentor (employer data), and the case
manager's coaching contacts with the employer. Every change goes through
`services.apprenticeships` and `services.placement_contacts`; an error shows under its part."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.apprenticeships import COACHING_LABELS, CoachingTopic, Outcome
from casetracker.domain.employment import STAGE_LABELS, TRACK_LABELS, Stage
from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.demo_banner import add_demo_banner
from casetracker.gui.labels import label
from casetracker.gui.theme import ErrorLabel
from casetracker.gui.widgets import DateField, show_day
from casetracker.services import apprenticeships, employers, placement_contacts
from casetracker.services.session import Session


class PlacementWorkDialog(QDialog):
    def __init__(self, session: Session, case_number: str, *, editable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number = case_number
        self.setWindowTitle(self.tr("Placement at work"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)

        # The apprenticeship, when the placement is one.
        self.apprenticeship = QGroupBox(self.tr("Apprenticeship"), self)
        self.apprenticeship_text = QLabel(self)
        self.apprenticeship_text.setWordWrap(True)
        self.completed = QRadioButton(self.tr("&Completed"), self)
        self.ended_early = QRadioButton(self.tr("Ended &early"), self)
        self.outcome = QButtonGroup(self)
        self.outcome.addButton(self.completed)
        self.outcome.addButton(self.ended_early)
        self.ended_on = DateField(clock.today(), label=self.tr("Last day"), parent=self)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Why it ended early"))
        self.reason.setPlaceholderText(self.tr("Why it ended early"))
        self.finish_button = QPushButton(self.tr("Record the e&nd"), self)
        self.finish_button.clicked.connect(self.finish)
        self.finish_error = ErrorLabel(self)
        box = QVBoxLayout(self.apprenticeship)
        box.addWidget(self.apprenticeship_text)
        end_row = QHBoxLayout()
        for widget in (self.completed, self.ended_early, self.ended_on, self.reason,
                       self.finish_button):
            end_row.addWidget(widget)
        box.addLayout(end_row)
        box.addWidget(self.finish_error)

        # The employer's people.
        self.supervisor = QLineEdit(self)
        self.supervisor.setAccessibleName(self.tr("Onsite supervisor"))
        self.supervisor_contact = QLineEdit(self)
        self.supervisor_contact.setAccessibleName(self.tr("Supervisor's work phone or email"))
        self.supervisor_contact.setPlaceholderText(self.tr("Work phone or email"))
        self.mentor = QLineEdit(self)
        self.mentor.setAccessibleName(self.tr("Mentor at the employer"))
        self.mentor_contact = QLineEdit(self)
        self.mentor_contact.setAccessibleName(self.tr("Mentor's work phone or email"))
        self.mentor_contact.setPlaceholderText(self.tr("Work phone or email"))
        self.save_button = QPushButton(self.tr("&Save the people"), self)
        self.save_button.clicked.connect(self.save_people)
        self.people_error = ErrorLabel(self)
        people = QGroupBox(self.tr("The employer's people (employer details, never shared "
                                   "about the survivor)"), self)
        form = QFormLayout(people)
        for text, name, contact in ((self.tr("Onsite supervisor"), self.supervisor,
                                     self.supervisor_contact),
                                    (self.tr("Mentor"), self.mentor, self.mentor_contact)):
            row = QHBoxLayout()
            row.addWidget(name)
            row.addWidget(contact)
            form.addRow(text, row)
        form.addRow(self.people_error)
        form.addRow(self.save_button)

        # Coaching contacts with the employer.
        self.contacted_on = DateField(clock.today(), label=self.tr("Date"), parent=self)
        self.with_whom = QLineEdit(self)
        self.with_whom.setAccessibleName(self.tr("With whom at the employer"))
        self.with_whom.setPlaceholderText(self.tr("With whom"))
        self.topic = QComboBox(self)
        self.topic.setAccessibleName(self.tr("Topic"))
        for topic in CoachingTopic:
            self.topic.addItem(label(COACHING_LABELS[topic]), topic.value)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("A short note"))
        self.note.setPlaceholderText(self.tr("A short note"))
        self.coach_button = QPushButton(self.tr("&Add the contact"), self)
        self.coach_button.clicked.connect(self.add_coaching)
        self.coaching_error = ErrorLabel(self)
        self.contacts = QListWidget(self)
        self.contacts.setAccessibleName(self.tr("Coaching contacts with the employer"))
        coaching = QGroupBox(self.tr("Coaching contacts with the employer"), self)
        coach_layout = QVBoxLayout(coaching)
        entry = QHBoxLayout()
        entry.addWidget(self.contacted_on)
        entry.addWidget(self.with_whom, 1)
        entry.addWidget(self.topic)
        coach_layout.addLayout(entry)
        entry = QHBoxLayout()
        entry.addWidget(self.note, 1)
        entry.addWidget(self.coach_button)
        coach_layout.addLayout(entry)
        coach_layout.addWidget(self.coaching_error)
        coach_layout.addWidget(self.contacts)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        for part in (self.apprenticeship, people, coaching):
            layout.addWidget(part)
        layout.addWidget(close)
        if not editable:
            for widget in (self.finish_button, self.save_button, self.coach_button,
                           self.contacted_on, self.with_whom, self.topic, self.note):
                widget.hide()
            for widget in (people, self.completed, self.ended_early, self.ended_on,
                           self.reason):
                widget.setEnabled(False)
        add_demo_banner(self, session)
        self.resize(820, 600)
        self.refresh()

    def refresh(self) -> None:
        step = placement_contacts.placement(self.session, self.case_number)
        if step is None:
            self.heading.setText(self.tr("No placement at work yet."))
            return
        names = {e.id: e.name for e in employers.employers(self.session)}
        self.heading.setText(self.tr("{0} at {1}, since {2}").format(
            label(STAGE_LABELS[step.stage]), names.get(step.employer_id or "", "?"),
            show_day(step.on)))
        found = (apprenticeships.apprenticeships(self.session, self.case_number)
                 if step.stage is Stage.APPRENTICESHIP else [])
        current = next((a for a in found if a.step_id == step.id), None)
        self.apprenticeship.setVisible(current is not None)
        if current is not None:
            state = {Outcome.RUNNING: self.tr("running"), Outcome.COMPLETED: self.tr("completed"),
                     Outcome.ENDED_EARLY: self.tr("ended early")}[current.outcome]
            self.apprenticeship_text.setText(self.tr("{0}: {1} to {2} (the term), {3}").format(
                label(TRACK_LABELS.get(current.track, "")), show_day(current.starts_on),
                show_day(current.ends_on), state))
            if current.outcome is Outcome.COMPLETED:
                self.completed.setChecked(True)
            elif current.outcome is Outcome.ENDED_EARLY:
                self.ended_early.setChecked(True)
                self.reason.setText(current.end_reason)
            if current.ended_on:
                self.ended_on.set_value(current.ended_on)
        people = placement_contacts.people(self.session, self.case_number)
        if people is not None:
            self.supervisor.setText(people.supervisor)
            self.supervisor_contact.setText(people.supervisor_contact)
            self.mentor.setText(people.mentor)
            self.mentor_contact.setText(people.mentor_contact)
        self.contacts.clear()
        for contact in placement_contacts.coaching(self.session, self.case_number):
            self.contacts.addItem(
                f"{show_day(contact.contacted_on)} · {contact.with_whom} · "
                f"{label(COACHING_LABELS[contact.topic])}"
                + (f" · {contact.note}" if contact.note else ""))

    def _try(self, error: ErrorLabel, action: Callable[[], Any]) -> bool:
        try:
            action()
        except CaseTrackerError as exc:
            error.show_error(exc)
            return False
        error.clear_error()
        self.refresh()
        return True

    def finish(self) -> None:
        self._try(self.finish_error, lambda: apprenticeships.finish(
            self.session, self.case_number, completed=self.completed.isChecked(),
            on=self.ended_on.value(), reason=self.reason.text()))

    def save_people(self) -> None:
        self._try(self.people_error, lambda: placement_contacts.set_people(
            self.session, self.case_number, supervisor=self.supervisor.text(),
            supervisor_contact=self.supervisor_contact.text(), mentor=self.mentor.text(),
            mentor_contact=self.mentor_contact.text()))

    def add_coaching(self) -> None:
        if self._try(self.coaching_error, lambda: placement_contacts.add_coaching(
                self.session, self.case_number, self.with_whom.text(),
                CoachingTopic(self.topic.currentData()), on=self.contacted_on.value(),
                note=self.note.text())):
            self.note.clear()
