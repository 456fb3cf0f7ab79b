"""The newest internship of a case: its dates, hours, wage, the employer's onsite supervisor
and mentor; the weekly check-ins; and how it ended. Every change goes through
`services.internships`, and an error is shown under the part it concerns."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.employment import parse_wage, show_wage
from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.internships import Internship, InternshipOutcome
from casetracker.gui.demo_banner import add_demo_banner
from casetracker.gui.theme import ErrorLabel
from casetracker.gui.widgets import DateField, show_day
from casetracker.services import internships
from casetracker.services.session import Session


class InternshipDialog(QDialog):
    def __init__(self, session: Session, case_number: str, *, editable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number = case_number
        self.setWindowTitle(self.tr("Internship"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.starts_on = DateField(clock.today(), label=self.tr("Start"), parent=self)
        self.ends_on = DateField(clock.today(), label=self.tr("End"), parent=self)
        self.hours = QSpinBox(self)
        self.hours.setAccessibleName(self.tr("Hours a week"))
        self.hours.setRange(0, 80)
        self.hours.setSpecialValueText(self.tr("not set"))
        self.wage = QLineEdit(self)
        self.wage.setAccessibleName(self.tr("Hourly wage"))
        self.wage.setPlaceholderText("16.50")
        self.supervisor = QLineEdit(self)
        self.supervisor.setAccessibleName(self.tr("Onsite supervisor"))
        self.supervisor_contact = QLineEdit(self)
        self.supervisor_contact.setAccessibleName(self.tr("Supervisor's work phone or email"))
        self.mentor = QLineEdit(self)
        self.mentor.setAccessibleName(self.tr("Mentor at the employer"))
        self.mentor_contact = QLineEdit(self)
        self.mentor_contact.setAccessibleName(self.tr("Mentor's work phone or email"))
        self.save_button = QPushButton(self.tr("Save"), self)
        self.save_button.clicked.connect(self.save)
        self.details_error = ErrorLabel(self)
        details = QGroupBox(self.tr("Dates, hours and the employer's people"), self)
        form = QFormLayout(details)
        dates = QHBoxLayout()
        dates.addWidget(self.starts_on)
        dates.addWidget(self.ends_on)
        form.addRow(self.tr("Start and end"), dates)
        pay = QHBoxLayout()
        pay.addWidget(self.hours)
        pay.addWidget(self.wage)
        form.addRow(self.tr("Hours a week and wage"), pay)
        for text, name, contact in ((self.tr("Onsite supervisor"), self.supervisor,
                                     self.supervisor_contact),
                                    (self.tr("Mentor"), self.mentor, self.mentor_contact)):
            row = QHBoxLayout()
            row.addWidget(name)
            row.addWidget(contact)
            form.addRow(text, row)
        form.addRow(self.details_error)
        form.addRow(self.save_button)

        self.week_of = DateField(clock.today(), label=self.tr("Week of"), parent=self)
        self.worked = QSpinBox(self)
        self.worked.setAccessibleName(self.tr("Hours worked"))
        self.worked.setRange(0, 80)
        self.week_note = QLineEdit(self)
        self.week_note.setAccessibleName(self.tr("How the week went"))
        self.week_note.setPlaceholderText(self.tr("How the week went, in a few words"))
        self.week_button = QPushButton(self.tr("Record the week"), self)
        self.week_button.clicked.connect(self.record_week)
        self.weeks = QListWidget(self)
        self.weeks.setAccessibleName(self.tr("Weekly check-ins"))
        self.week_error = ErrorLabel(self)
        weekly = QGroupBox(self.tr("Weekly check-ins"), self)
        week_layout = QVBoxLayout(weekly)
        entry = QHBoxLayout()
        for widget in (self.week_of, self.worked, self.week_note):
            entry.addWidget(widget)
        entry.addWidget(self.week_button)
        week_layout.addLayout(entry)
        week_layout.addWidget(self.week_error)
        week_layout.addWidget(self.weeks)

        self.completed = QRadioButton(self.tr("Completed"), self)
        self.ended_early = QRadioButton(self.tr("Ended early"), self)
        self.outcome = QButtonGroup(self)
        self.outcome.addButton(self.completed)
        self.outcome.addButton(self.ended_early)
        self.ended_on = DateField(clock.today(), label=self.tr("Last day"), parent=self)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Why it ended early"))
        self.reason.setPlaceholderText(self.tr("Why it ended early"))
        self.finish_button = QPushButton(self.tr("Record the end"), self)
        self.finish_button.clicked.connect(self.finish)
        self.finish_error = ErrorLabel(self)
        ending = QGroupBox(self.tr("How it ended"), self)
        end_layout = QVBoxLayout(ending)
        end_row = QHBoxLayout()
        for widget in (self.completed, self.ended_early, self.ended_on, self.reason):
            end_row.addWidget(widget)
        end_row.addWidget(self.finish_button)
        end_layout.addLayout(end_row)
        end_layout.addWidget(self.finish_error)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for part in (details, weekly, ending):
            layout.addWidget(part)
        layout.addWidget(close)
        if not editable:
            for widget in (self.save_button, self.week_button, self.finish_button):
                widget.hide()
            for part in (details, ending):
                part.setEnabled(False)
            for widget in (self.week_of, self.worked, self.week_note):
                widget.hide()
        add_demo_banner(self, session)
        self.resize(760, 620)
        self.internship: Internship | None = None
        self.refresh()

    def refresh(self) -> None:
        found = internships.internships(self.session, self.case_number)
        self.internship = found[0] if found else None
        if self.internship is None:
            return
        i = self.internship
        self.starts_on.set_value(i.starts_on)
        self.ends_on.set_value(i.ends_on)
        self.hours.setValue(i.hours_per_week or 0)
        self.wage.setText(show_wage(i.hourly_wage_cents).lstrip("$"))
        self.supervisor.setText(i.employer_supervisor)
        self.supervisor_contact.setText(i.employer_supervisor_contact)
        self.mentor.setText(i.employer_mentor)
        self.mentor_contact.setText(i.employer_mentor_contact)
        self.weeks.clear()
        for week in internships.weeks(self.session, self.case_number):
            self.weeks.addItem(self.tr("Week of {0}: {1} hours").format(
                show_day(week.week_of), week.hours_worked)
                + (f" · {week.note}" if week.note else ""))
        if i.outcome is InternshipOutcome.COMPLETED:
            self.completed.setChecked(True)
        elif i.outcome is InternshipOutcome.ENDED_EARLY:
            self.ended_early.setChecked(True)
            self.reason.setText(i.end_reason)
        if i.ended_on:
            self.ended_on.set_value(i.ended_on)

    def _try(self, error: ErrorLabel, action: Callable[[], Any]) -> bool:
        try:
            action()
        except CaseTrackerError as exc:
            error.show_error(exc)
            return False
        error.clear_error()
        self.refresh()
        return True

    def save(self) -> None:
        def change() -> None:
            internships.update(
                self.session, self.case_number, starts_on=self.starts_on.value(),
                ends_on=self.ends_on.value(), hours_per_week=self.hours.value() or None,
                hourly_wage_cents=parse_wage(self.wage.text()),
                employer_supervisor=self.supervisor.text(),
                employer_supervisor_contact=self.supervisor_contact.text(),
                employer_mentor=self.mentor.text(),
                employer_mentor_contact=self.mentor_contact.text())
        self._try(self.details_error, change)

    def record_week(self) -> None:
        if self._try(self.week_error, lambda: internships.record_week(
                self.session, self.case_number, self.worked.value(),
                week_of=self.week_of.value(), note=self.week_note.text())):
            self.week_note.clear()

    def finish(self) -> None:
        self._try(self.finish_error, lambda: internships.finish(
            self.session, self.case_number, completed=self.completed.isChecked(),
            on=self.ended_on.value(), reason=self.reason.text()))
