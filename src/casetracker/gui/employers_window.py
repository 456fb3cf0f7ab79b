"""The employer directory with each partner's positions, and matching for a position."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.accounts import Role
from casetracker.domain.employment import (
    Employer,
    Industry,
    PositionKind,
    Practice,
    Restriction,
    Standing,
    new_position_defaults,
    parse_wage,
    show_wage,
)
from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.demo_banner import add_demo_banner
from casetracker.gui.labels import POSITION_KIND_LABELS, label
from casetracker.gui.messages import MATCH_REASONS, translate_message
from casetracker.gui.theme import Tone, text_colour
from casetracker.gui.widgets import FormDialog, label_combo_boxes, report
from casetracker.services import employers, matching
from casetracker.services.session import Session

INDUSTRY_LABELS = {
    Industry.HOSPITALITY: QT_TRANSLATE_NOOP("labels", "Hospitality"),
    Industry.AVIATION: QT_TRANSLATE_NOOP("labels", "Aviation"),
    Industry.MARITIME: QT_TRANSLATE_NOOP("labels", "Maritime"),
    Industry.RETAIL: QT_TRANSLATE_NOOP("labels", "Retail"),
    Industry.WAREHOUSE_LOGISTICS: QT_TRANSLATE_NOOP("labels", "Warehouse and logistics"),
    Industry.LEGAL: QT_TRANSLATE_NOOP("labels", "Legal"),
    Industry.HEALTHCARE: QT_TRANSLATE_NOOP("labels", "Healthcare"),
    Industry.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
}
PRACTICE_LABELS = {
    Practice.ORGANISATION_POLICY: QT_TRANSLATE_NOOP("labels", "Organisation-wide policy"),
    Practice.TRAVEL_POLICY: QT_TRANSLATE_NOOP("labels", "Travel policy"),
    Practice.ENTERTAINMENT_EXPENSE_POLICY:
        QT_TRANSLATE_NOOP("labels", "Entertainment and expense policy"),
    Practice.WORK_TIME_POLICY: QT_TRANSLATE_NOOP("labels", "Work time policy"),
    Practice.WORK_PROPERTIES_POLICY: QT_TRANSLATE_NOOP("labels", "Work properties policy"),
    Practice.REPORTING_PROCEDURES: QT_TRANSLATE_NOOP("labels", "Reporting procedures"),
    Practice.DISCIPLINARY_PROCEDURES: QT_TRANSLATE_NOOP("labels", "Disciplinary procedures"),
    Practice.EMPLOYEE_TRAINING: QT_TRANSLATE_NOOP("labels", "Employee training"),
    Practice.SUPPLIER_CODE_OF_CONDUCT: QT_TRANSLATE_NOOP("labels", "Supplier code of conduct"),
}
RESTRICTION_LABELS = {
    Restriction.NO_VIOLENT_OR_SEXUAL_RECORD:
        QT_TRANSLATE_NOOP("labels", "No record of violent or sexual crimes"),
    Restriction.NO_CRIMINAL_RECORD: QT_TRANSLATE_NOOP("labels", "No criminal record"),
    Restriction.BACKGROUND_CHECK: QT_TRANSLATE_NOOP("labels", "Background check"),
    Restriction.DRUG_TEST: QT_TRANSLATE_NOOP("labels", "Drug test"),
}
STANDING_LABELS = {
    Standing.SAFE: QT_TRANSLATE_NOOP("labels", "Safe employer"),
    Standing.DEVELOPING: QT_TRANSLATE_NOOP("labels", "Developing"),
    Standing.NOT_YET: QT_TRANSLATE_NOOP("labels", "Not yet assessed as safe"),
}


@dataclass(frozen=True)
class EmployerInput:
    name: str
    industry: Industry
    contact_name: str
    contact_phone: str
    contact_email: str
    practices: frozenset[Practice]
    restrictions: frozenset[Restriction]
    restriction_notes: str


class EmployerDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New employer partner"), parent)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Name"))
        self.industry = QComboBox(self)
        self.industry.setAccessibleName(self.tr("Industry"))
        for value, text in INDUSTRY_LABELS.items():
            self.industry.addItem(label(text), value.value)
        self.contact_name = QLineEdit(self)
        self.contact_name.setAccessibleName(self.tr("Contact person"))
        self.contact_phone = QLineEdit(self)
        self.contact_phone.setAccessibleName(self.tr("Contact phone"))
        self.contact_email = QLineEdit(self)
        self.contact_email.setAccessibleName(self.tr("Contact email"))
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Industry"), self.industry)
        form.addRow(self.tr("Contact person"), self.contact_name)
        form.addRow(self.tr("Contact phone"), self.contact_phone)
        form.addRow(self.tr("Contact email"), self.contact_email)
        self.body.addLayout(form)
        practices = QGroupBox(self.tr("Anti-trafficking practices adopted"), self)
        grid = QGridLayout(practices)
        self.practices: dict[Practice, QCheckBox] = {}
        for index, (practice, text) in enumerate(PRACTICE_LABELS.items()):
            box = QCheckBox(label(text), practices)
            self.practices[practice] = box
            grid.addWidget(box, index // 2, index % 2)
        self.body.addWidget(practices)
        restrictions = QGroupBox(self.tr("Hiring restrictions"), self)
        column = QVBoxLayout(restrictions)
        self.restrictions: dict[Restriction, QCheckBox] = {}
        for restriction, text in RESTRICTION_LABELS.items():
            box = QCheckBox(label(text), restrictions)
            self.restrictions[restriction] = box
            column.addWidget(box)
        self.restriction_notes = QLineEdit(restrictions)
        self.restriction_notes.setAccessibleName(self.tr("Restriction details"))
        self.restriction_notes.setPlaceholderText(self.tr("Details, in the employer's words"))
        column.addWidget(self.restriction_notes)
        self.body.addWidget(restrictions)

    def data(self) -> EmployerInput:
        return EmployerInput(
            self.name.text(), Industry(self.industry.currentData()), self.contact_name.text(),
            self.contact_phone.text(), self.contact_email.text(),
            frozenset(p for p, box in self.practices.items() if box.isChecked()),
            frozenset(r for r, box in self.restrictions.items() if box.isChecked()),
            self.restriction_notes.text())


class EmployersWindow(QDialog):
    """Partners on the left; the chosen partner's positions and a match list on the right."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Employer partners"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.active_dialog: QWidget | None = None
        keeper = session.account.role in (Role.COORDINATOR, Role.SUPERVISOR)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Employer partners"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Industry"),
                                              self.tr("Standing"), self.tr("Restrictions")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda *_: self._show_positions())
        for column, width in enumerate((150, 110, 110)):
            self.table.setColumnWidth(column, width)
        self.add_button = QPushButton(self.tr("New partner…"), self)
        self.add_button.clicked.connect(self.open_employer_dialog)
        self.add_button.setVisible(keeper)

        self.positions = QTableWidget(0, 5, self)
        self.positions.setAccessibleName(self.tr("Positions"))
        self.positions.setHorizontalHeaderLabels([self.tr("Position"), self.tr("Kind"),
                                                  self.tr("Hours"), self.tr("Wage"),
                                                  self.tr("Open")])
        self.positions.horizontalHeader().setStretchLastSection(True)
        self.positions.verticalHeader().hide()
        self.positions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.positions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for column, width in enumerate((240, 80, 60, 70)):
            self.positions.setColumnWidth(column, width)
        self.position_title = QLineEdit(self)
        self.position_title.setAccessibleName(self.tr("New position title"))
        self.position_title.setPlaceholderText(self.tr("New position title"))
        self.position_kind = QComboBox(self)
        self.position_kind.setAccessibleName(self.tr("Kind"))
        self.position_kind.addItem(self.tr("Internship (12 weeks, 20 h/week, paid)"),
                                   PositionKind.INTERNSHIP.value)
        self.position_kind.addItem(self.tr("Job"), PositionKind.JOB.value)
        self.position_hours = QSpinBox(self)
        self.position_hours.setRange(1, 80)
        self.position_hours.setValue(20)
        self.position_hours.setAccessibleName(self.tr("Hours per week"))
        self.position_kind.currentIndexChanged.connect(self._default_hours)
        self.position_wage = QLineEdit(self)
        self.position_wage.setPlaceholderText(self.tr("Hourly wage"))
        self.position_wage.setAccessibleName(self.tr("Hourly wage"))
        self.add_position_button = QPushButton(self.tr("Add position"), self)
        self.add_position_button.clicked.connect(self.add_position)
        self.match_button = QPushButton(self.tr("Find matches"), self)
        self.match_button.clicked.connect(self.show_matches)
        self.matches = QTableWidget(0, 4, self)
        self.matches.setAccessibleName(self.tr("Matches"))
        self.matches.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Preferred name"),
                                                self.tr("Fit"), self.tr("Why, and flags")])
        self.matches.horizontalHeader().setStretchLastSection(True)
        self.matches.verticalHeader().hide()
        self.matches.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for column, width in enumerate((115, 120, 40)):
            self.matches.setColumnWidth(
                column, max(width, self.matches.horizontalHeader().sectionSizeHint(column)))

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel(self.tr("Positions"), right))
        right_layout.addWidget(self.positions, 1)
        row = QHBoxLayout()
        for widget in (self.position_title, self.position_kind, self.position_hours,
                       self.position_wage, self.add_position_button):
            widget.setVisible(keeper)
            row.addWidget(widget)
        right_layout.addLayout(row)
        right_layout.addWidget(self.match_button, 0, Qt.AlignmentFlag.AlignLeft)
        right_layout.addWidget(self.matches, 2)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([430, 650])
        QVBoxLayout(self).addWidget(splitter)
        self.resize(1120, 680)
        label_combo_boxes(self)
        self.demo_banner = add_demo_banner(self, session)
        self._partners: list[Employer] = []
        self.refresh()

    def refresh(self) -> None:
        self._partners = employers.employers(self.session)
        self.table.setRowCount(len(self._partners))
        for row, employer in enumerate(self._partners):
            restrictions = ", ".join(label(RESTRICTION_LABELS[r]) for r in
                                     sorted(employer.restrictions)) or "—"
            for column, text in enumerate([employer.name,
                                           label(INDUSTRY_LABELS[employer.industry]),
                                           label(STANDING_LABELS[employer.standing]),
                                           restrictions]):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self._partners and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._show_positions()

    def current_employer(self) -> Employer | None:
        row = self.table.currentRow()
        return self._partners[row] if 0 <= row < len(self._partners) else None

    def _show_positions(self) -> None:
        employer = self.current_employer()
        rows = [p for p in employers.positions(self.session)
                if employer is not None and p.employer_id == employer.id]
        self._positions = rows
        self.positions.setRowCount(len(rows))
        for row, position in enumerate(rows):
            for column, text in enumerate([
                    position.title, label(POSITION_KIND_LABELS[position.kind]),
                    str(position.hours_per_week), show_wage(position.hourly_wage_cents),
                    self.tr("Yes") if position.is_open else self.tr("No")]):
                self.positions.setItem(row, column, QTableWidgetItem(text))
        if rows:
            self.positions.selectRow(0)

    def _default_hours(self) -> None:
        defaults = new_position_defaults(PositionKind(self.position_kind.currentData()))
        self.position_hours.setValue(int(str(defaults["hours_per_week"])))

    def open_employer_dialog(self) -> None:
        dialog = EmployerDialog(self)
        dialog.submit = self._save_employer
        self.active_dialog = dialog
        dialog.open()

    def _save_employer(self, data: EmployerInput) -> None:
        employers.add_employer(self.session, data.name, data.industry,
                               contact_name=data.contact_name.strip(),
                               contact_phone=data.contact_phone.strip(),
                               contact_email=data.contact_email.strip(),
                               practices=data.practices, restrictions=data.restrictions,
                               restriction_notes=data.restriction_notes.strip())
        self.refresh()

    def add_position(self) -> None:
        employer = self.current_employer()
        if employer is None:
            return
        try:
            employers.add_position(self.session, employer.id, self.position_title.text(),
                                   PositionKind(self.position_kind.currentData()),
                                   hours_per_week=self.position_hours.value(),
                                   hourly_wage_cents=parse_wage(self.position_wage.text()))
        except CaseTrackerError as exc:
            report(self, exc)
            return
        self.position_title.clear()
        self._show_positions()

    def show_matches(self) -> None:
        row = self.positions.currentRow()
        if not 0 <= row < len(self._positions):
            return
        found = matching.rank(self.session, self._positions[row].id)
        self.matches.setRowCount(len(found))
        for index, match in enumerate(found):
            why = "; ".join(translate_message(r, MATCH_REASONS) for r in match.reasons) or "—"
            if match.restriction_flag:
                mark = "✓ " if match.restriction_flag == matching.CLEARED_FLAG else "⚠ "
                why = (mark + translate_message(match.restriction_flag, MATCH_REASONS)
                       + "  " + why)
            warn = match.restriction_flag not in (None, matching.CLEARED_FLAG)
            for column, text in enumerate([match.case_number, match.preferred_name,
                                           str(match.score), why]):
                item = QTableWidgetItem(text)
                if warn:
                    item.setForeground(text_colour(Tone.ERROR))
                self.matches.setItem(index, column, item)
