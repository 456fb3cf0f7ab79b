"""The employer directory with each partner's positions, and matching for a position."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
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
    QListWidget,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.catalog import Category
from casetracker.domain.employment import (
    MAX_TERM_MONTHS,
    TRACK_LABELS,
    ApprenticeshipTrack,
    Employer,
    Industry,
    Position,
    PositionKind,
    Practice,
    Restriction,
    SelfAssessment,
    Shift,
    Standing,
    assessment_due,
    assessment_due_on,
    new_position_defaults,
    parse_wage,
    parse_wage_steps,
    show_wage,
    standing,
)
from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.date_field import DateField
from casetracker.gui.demo_banner import add_demo_banner
from casetracker.gui.dialogs.share_for_case import share_dialog
from casetracker.gui.labels import POSITION_KIND_LABELS, category_name, label
from casetracker.gui.messages import MATCH_REASONS, translate_message
from casetracker.gui.theme import Tone, text_colour
from casetracker.gui.widgets import FormDialog, label_combo_boxes, report, show_day
from casetracker.services import consent, employers, matching
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
    Practice.TRAUMA_INFORMED_SUPERVISION:
        QT_TRANSLATE_NOOP("labels", "Trauma-informed supervision"),
    Practice.SUPERVISOR_RESILIENCE_TRAINING:
        QT_TRANSLATE_NOOP("labels", "Stress, trauma and resilience training for supervisors"),
    Practice.LEADERSHIP_COMMITMENT: QT_TRANSLATE_NOOP("labels", "Leadership commitment"),
    Practice.CUSTOMER_ENGAGEMENT: QT_TRANSLATE_NOOP("labels", "Customer engagement"),
}
SHIFT_LABELS = {
    Shift.ANY: QT_TRANSLATE_NOOP("labels", "Any shift"),
    Shift.DAY: QT_TRANSLATE_NOOP("labels", "Day"),
    Shift.EVENING: QT_TRANSLATE_NOOP("labels", "Evening"),
    Shift.NIGHT: QT_TRANSLATE_NOOP("labels", "Night"),
    Shift.WEEKEND: QT_TRANSLATE_NOOP("labels", "Weekend"),
    Shift.ROTATING: QT_TRANSLATE_NOOP("labels", "Rotating"),
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
    def __init__(self, parent: QWidget | None = None,
                 employer: Employer | None = None) -> None:
        super().__init__(self.tr("Edit employer partner") if employer is not None
                         else self.tr("New employer partner"), parent)
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
        practices = QGroupBox(self.tr("Commitments and practices adopted"), self)
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
        if employer is not None:
            self.name.setText(employer.name)
            self.industry.setCurrentIndex(max(0, self.industry.findData(employer.industry.value)))
            self.contact_name.setText(employer.contact_name)
            self.contact_phone.setText(employer.contact_phone)
            self.contact_email.setText(employer.contact_email)
            for practice, box in self.practices.items():
                box.setChecked(practice in employer.practices)
            for restriction, box in self.restrictions.items():
                box.setChecked(restriction in employer.restrictions)
            self.restriction_notes.setText(employer.restriction_notes)

    def data(self) -> EmployerInput:
        return EmployerInput(
            self.name.text(), Industry(self.industry.currentData()), self.contact_name.text(),
            self.contact_phone.text(), self.contact_email.text(),
            frozenset(p for p, box in self.practices.items() if box.isChecked()),
            frozenset(r for r, box in self.restrictions.items() if box.isChecked()),
            self.restriction_notes.text())


@dataclass(frozen=True)
class AssessmentInput:
    assessed_on: date | None
    practices: frozenset[Practice]
    note: str


class AssessmentDialog(FormDialog):
    """The employer's yearly self-assessment: the checklist of practices, dated, with the
    earlier ones listed below."""

    def __init__(self, employer: Employer, earlier: list[SelfAssessment],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Self-assessment: {0}").format(employer.name), parent)
        self.day = DateField(clock.today(), label=self.tr("Date of the self-assessment"),
                             parent=self)
        form = QFormLayout()
        form.addRow(self.tr("Date"), self.day)
        self.body.addLayout(form)
        checklist = QGroupBox(self.tr("What the employer has in place"), self)
        grid = QGridLayout(checklist)
        self.practices: dict[Practice, QCheckBox] = {}
        for index, (practice, text) in enumerate(PRACTICE_LABELS.items()):
            box = QCheckBox(label(text), checklist)
            box.setChecked(practice in employer.practices)
            self.practices[practice] = box
            grid.addWidget(box, index // 2, index % 2)
        self.body.addWidget(checklist)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Optional: who answered, what is planned"))
        self.body.addWidget(self.note)
        self.standing = QLabel(self)
        self.body.addWidget(self.standing)
        for box in self.practices.values():
            box.toggled.connect(self._show_standing)
        self._show_standing()
        self.earlier = QListWidget(self)
        self.earlier.setAccessibleName(self.tr("Earlier self-assessments"))
        for past in earlier:
            self.earlier.addItem(self.tr("{0}: {1} of {2} practices, {3}").format(
                show_day(past.assessed_on), len(past.practices), len(PRACTICE_LABELS),
                label(STANDING_LABELS[standing(past.practices)])))
        if earlier:
            self.body.addWidget(QLabel(self.tr("Earlier self-assessments"), self))
            self.body.addWidget(self.earlier)
        else:
            self.earlier.hide()

    def chosen(self) -> frozenset[Practice]:
        return frozenset(p for p, box in self.practices.items() if box.isChecked())

    def _show_standing(self) -> None:
        self.standing.setText(self.tr("Standing with these answers: {0}").format(
            label(STANDING_LABELS[standing(self.chosen())])))

    def data(self) -> AssessmentInput:
        return AssessmentInput(self.day.value(), self.chosen(), self.note.text())


def fit_columns(table: QTableWidget, caps: dict[int, int]) -> None:
    """Each column as wide as what it holds, but no wider than its cap in `caps`: there the
    text wraps onto more lines (rows grow to fit), so nothing is cut off and both sides of the
    window fit at 1024 pixels."""
    header = table.horizontalHeader()
    header.setStretchLastSection(False)  # so the last column's own width is its content's
    table.resizeColumnsToContents()
    for column, cap in caps.items():
        if table.columnWidth(column) > cap:
            table.setColumnWidth(column, cap)
    header.setStretchLastSection(True)
    table.resizeRowsToContents()


class EmployersWindow(QDialog):
    """Partners and the chosen partner's details on the left; on the right its positions with
    a match list, and the survivors whose consent allows a referral to it."""

    # Widest a column grows before its text wraps (longer than any one word it shows).
    PARTNER_COLUMN_CAPS: ClassVar[dict[int, int]] = {0: 120, 1: 90, 2: 125}
    POSITION_COLUMN_CAPS: ClassVar[dict[int, int]] = {0: 150, 4: 110}

    record_requested = Signal(str)  # a case number to open in the main window

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Employer partners"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.active_dialog: QWidget | None = None
        keeper = session.account.role in (Role.COORDINATOR, Role.SUPERVISOR)
        # The directory by standing and industry.
        self.standing_filter = QComboBox(self)
        self.standing_filter.setAccessibleName(self.tr("Show standing"))
        self.standing_filter.addItem(self.tr("Any standing"), None)
        for value, text in STANDING_LABELS.items():
            self.standing_filter.addItem(label(text), value.value)
        self.industry_filter = QComboBox(self)
        self.industry_filter.setAccessibleName(self.tr("Show industry"))
        self.industry_filter.addItem(self.tr("Any industry"), None)
        for value, text in INDUSTRY_LABELS.items():
            self.industry_filter.addItem(label(text), value.value)
        for combo in (self.standing_filter, self.industry_filter):
            combo.currentIndexChanged.connect(lambda *_: self.refresh())
        self.table = QTableWidget(0, 3, self)
        self.table.setAccessibleName(self.tr("Employer partners"))
        # Restrictions are in the partner's details below (and each row's tip): a fourth
        # column did not fit beside the positions at 1200 pixels.
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Industry"),
                                              self.tr("Standing")])
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
        self.edit_button = QPushButton(self.tr("Edit partner…"), self)
        self.edit_button.clicked.connect(self.open_edit_dialog)
        self.edit_button.setVisible(keeper)
        self.assess_button = QPushButton(self.tr("Self-&assessment…"), self)
        self.assess_button.clicked.connect(self.open_assessment_dialog)
        self.assess_button.setVisible(keeper)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.positions = QTableWidget(0, 7, self)
        self.positions.setAccessibleName(self.tr("Positions"))
        self.positions.setHorizontalHeaderLabels([self.tr("Position"), self.tr("Kind"),
                                                  self.tr("Hours"), self.tr("Shift"),
                                                  self.tr("Area"), self.tr("Wage"),
                                                  self.tr("Open")])
        self.positions.horizontalHeader().setStretchLastSection(True)
        # The stretched last column ("Open") is no wider than it needs (the default, 100
        # pixels, pushed the table past its width at 1024 pixels).
        self.positions.horizontalHeader().setDefaultSectionSize(50)
        self.positions.verticalHeader().hide()
        self.positions.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.positions.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for column, width in enumerate((240, 80, 60, 70)):
            self.positions.setColumnWidth(column, width)
        self.position_title = QLineEdit(self)
        self.position_title.setAccessibleName(self.tr("New position title"))
        self.position_title.setPlaceholderText(self.tr("New position title"))
        self.position_title.setMinimumWidth(170)
        self.position_kind = QComboBox(self)
        self.position_kind.setAccessibleName(self.tr("Kind"))
        self.position_kind.addItem(self.tr("Internship (12 weeks, 20 h/week, paid)"),
                                   PositionKind.INTERNSHIP.value)
        self.position_kind.addItem(self.tr("Job"), PositionKind.JOB.value)
        self.position_kind.addItem(self.tr("Apprenticeship"), PositionKind.APPRENTICESHIP.value)
        # An apprenticeship's own details, shown when that kind is chosen.
        self.apprenticeship_track = QComboBox(self)
        self.apprenticeship_track.setAccessibleName(self.tr("Apprenticeship track"))
        for track, text in TRACK_LABELS.items():
            self.apprenticeship_track.addItem(label(text), track.value)
        self.apprenticeship_track.setCurrentIndex(1)
        self.apprenticeship_term = QSpinBox(self)
        self.apprenticeship_term.setRange(1, MAX_TERM_MONTHS)
        self.apprenticeship_term.setValue(12)
        self.apprenticeship_term.setSuffix(self.tr(" months"))
        self.apprenticeship_term.setAccessibleName(self.tr("Term in months"))
        self.apprenticeship_sponsor = QLineEdit(self)
        self.apprenticeship_sponsor.setAccessibleName(self.tr("Sponsor"))
        self.apprenticeship_sponsor.setPlaceholderText(self.tr("Sponsor"))
        self.apprenticeship_steps = QLineEdit(self)
        self.apprenticeship_steps.setAccessibleName(self.tr("Wage steps"))
        self.apprenticeship_steps.setPlaceholderText(self.tr("Wage steps, e.g. 6:17.50, 12:19"))
        self.apprenticeship_steps.setToolTip(self.tr(
            "Raises after the starting wage: months into the term, a colon, the hourly wage"))
        self.apprenticeship_row = QWidget(self)
        apprenticeship_layout = QHBoxLayout(self.apprenticeship_row)
        apprenticeship_layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.apprenticeship_track, self.apprenticeship_term,
                       self.apprenticeship_sponsor, self.apprenticeship_steps):
            apprenticeship_layout.addWidget(widget)
        self.apprenticeship_row.hide()
        self.position_hours = QSpinBox(self)
        self.position_hours.setRange(1, 80)
        self.position_hours.setValue(20)
        self.position_hours.setAccessibleName(self.tr("Hours per week"))
        self.position_kind.currentIndexChanged.connect(self._default_hours)
        self.position_wage = QLineEdit(self)
        self.position_wage.setPlaceholderText(self.tr("Hourly wage"))
        self.position_wage.setAccessibleName(self.tr("Hourly wage"))
        self.position_shift = QComboBox(self)
        self.position_shift.setAccessibleName(self.tr("Shift"))
        for value, text in SHIFT_LABELS.items():
            self.position_shift.addItem(label(text), value.value)
        self.position_area = QLineEdit(self)
        self.position_area.setAccessibleName(self.tr("Location area"))
        self.position_area.setPlaceholderText(self.tr("Area, e.g. Port terminal"))
        self.position_skills = QLineEdit(self)
        self.position_skills.setAccessibleName(self.tr("Skills wanted"))
        self.position_skills.setPlaceholderText(self.tr("Skills wanted, separated by ;"))
        self.add_position_button = QPushButton(self.tr("Add position"), self)
        self.add_position_button.clicked.connect(self.add_position)
        self.match_button = QPushButton(self.tr("Find matches"), self)
        self.match_button.clicked.connect(self.show_matches)
        self.close_position_button = QPushButton(self.tr("&Close position"), self)
        self.close_position_button.clicked.connect(self.toggle_position_open)
        self.close_position_button.setVisible(keeper)
        self.positions.currentCellChanged.connect(lambda *_: self._position_chosen())
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
        self.matches.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.matches.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.match_record_button = QPushButton(self.tr("Open record"), self)
        self.match_record_button.clicked.connect(
            lambda: self._open_record(self._chosen_case(self.matches)))
        self.match_letter_button = QPushButton(self.tr("Referral letter…"), self)
        self.match_letter_button.clicked.connect(self.letter_for_match)
        self._matched: list[matching.Match] = []
        # Who may be referred to this partner: active consents naming it.
        self.referrals = QTableWidget(0, 4, self)
        self.referrals.setAccessibleName(self.tr("Who may be referred"))
        self.referrals.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Preferred name"),
                                                  self.tr("Until"), self.tr("Shares")])
        self.referrals.horizontalHeader().setStretchLastSection(True)
        self.referrals.verticalHeader().hide()
        self.referrals.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.referrals.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.referrals.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.referral_record_button = QPushButton(self.tr("Open record"), self)
        self.referral_record_button.clicked.connect(
            lambda: self._open_record(self._chosen_case(self.referrals)))
        self.referral_letter_button = QPushButton(self.tr("Referral letter…"), self)
        self.referral_letter_button.clicked.connect(self.letter_for_referral)
        self.referrals_note = QLabel(self.tr(
            "Survivors whose consent to share with this partner is active today. A letter "
            "holds only what each consent allows."), self)
        self.referrals_note.setWordWrap(True)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        filters = QFormLayout()  # one above the other: side by side, they widened the side
        for text, combo in ((self.tr("S&tanding"), self.standing_filter),
                            (self.tr("In&dustry"), self.industry_filter)):
            caption = QLabel(text, left)
            caption.setBuddy(combo)
            filters.addRow(caption, combo)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.table, 3)
        partner_buttons = QHBoxLayout()
        partner_buttons.addWidget(self.add_button)
        partner_buttons.addWidget(self.edit_button)
        partner_buttons.addWidget(self.assess_button)
        partner_buttons.addStretch(1)
        left_layout.addLayout(partner_buttons)
        details_box = QGroupBox(self.tr("Partner details"), left)
        QVBoxLayout(details_box).addWidget(self.details)
        left_layout.addWidget(details_box, 2)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.positions, 1)
        for widgets in ((self.position_title, self.position_kind, self.position_hours),
                        (self.position_shift, self.position_area, self.position_wage),
                        (self.position_skills, self.add_position_button)):
            row = QHBoxLayout()
            for widget in widgets:
                widget.setVisible(keeper)
                row.addWidget(widget, 1 if widget in (self.position_title, self.position_area,
                                                      self.position_skills) else 0)
            right_layout.addLayout(row)
        right_layout.addWidget(self.apprenticeship_row)
        position_buttons = QHBoxLayout()
        position_buttons.addWidget(self.match_button)
        position_buttons.addWidget(self.close_position_button)
        position_buttons.addStretch(1)
        right_layout.addLayout(position_buttons)
        right_layout.addWidget(self.matches, 2)
        match_buttons = QHBoxLayout()
        match_buttons.addWidget(self.match_record_button)
        match_buttons.addWidget(self.match_letter_button)
        match_buttons.addStretch(1)
        right_layout.addLayout(match_buttons)
        consented = QWidget(self)
        consented_layout = QVBoxLayout(consented)
        consented_layout.addWidget(self.referrals_note)
        consented_layout.addWidget(self.referrals, 1)
        referral_buttons = QHBoxLayout()
        referral_buttons.addWidget(self.referral_record_button)
        referral_buttons.addWidget(self.referral_letter_button)
        referral_buttons.addStretch(1)
        consented_layout.addLayout(referral_buttons)
        self.sections = QTabWidget(self)
        self.sections.setAccessibleName(self.tr("Partner"))
        self.sections.addTab(right, self.tr("Positions and matches"))
        self.sections.addTab(consented, self.tr("Who may be referred"))
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.sections)
        # The partners' side keeps its width; the positions' side takes what the window
        # gains or loses (at 1024 pixels wide, every column of both still shows whole).
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([370, 830])
        QVBoxLayout(self).addWidget(splitter)
        self.resize(1200, 720)
        label_combo_boxes(self)
        self.demo_banner = add_demo_banner(self, session)
        self._partners: list[Employer] = []
        self.refresh()

    def refresh(self, select: str | None = None) -> None:
        """Reload the partners; `select` (an employer id) becomes the chosen one."""
        chosen = self.current_employer()
        keep = select or (chosen.id if chosen is not None else None)
        standing_value = self.standing_filter.currentData()
        industry_value = self.industry_filter.currentData()
        self._partners = employers.employers(
            self.session, standing=Standing(standing_value) if standing_value else None,
            industry=Industry(industry_value) if industry_value else None)
        self._assessed = employers.last_assessed(self.session)
        self.table.setRowCount(len(self._partners))
        for row, employer in enumerate(self._partners):
            restrictions = ", ".join(label(RESTRICTION_LABELS[r]) for r in
                                     sorted(employer.restrictions)) or "—"
            due = assessment_due(self._assessed.get(employer.id), clock.today())
            for column, text in enumerate([employer.name,
                                           label(INDUSTRY_LABELS[employer.industry]),
                                           label(STANDING_LABELS[employer.standing])]):
                item = QTableWidgetItem(text)
                tip = self.tr("Hiring restrictions: {0}").format(restrictions)
                if due:  # the reminder: a mark on the standing, in words in its tip
                    tip += "\n" + self.tr("Self-assessment due")
                    if column == 2:
                        item.setIcon(self.style().standardIcon(
                            QStyle.StandardPixmap.SP_MessageBoxInformation))
                        item.setData(Qt.ItemDataRole.AccessibleDescriptionRole,
                                     self.tr("Self-assessment due"))
                item.setToolTip(tip)
                self.table.setItem(row, column, item)
        fit_columns(self.table, self.PARTNER_COLUMN_CAPS)  # no name or word cut off
        ids = [p.id for p in self._partners]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        elif self._partners and self.table.currentRow() < 0:
            self.table.selectRow(0)
        self._show_positions()

    def current_employer(self) -> Employer | None:
        row = self.table.currentRow()
        return self._partners[row] if 0 <= row < len(self._partners) else None

    def _show_details(self, employer: Employer | None) -> None:
        self.edit_button.setEnabled(employer is not None)
        self.assess_button.setEnabled(employer is not None)
        if employer is None:
            self.details.setText("")
            return
        contact = ", ".join(p for p in (employer.contact_name, employer.contact_phone,
                                        employer.contact_email) if p) or "—"
        practices = [label(PRACTICE_LABELS[p]) for p in PRACTICE_LABELS
                     if p in employer.practices]
        restrictions = [label(RESTRICTION_LABELS[r]) for r in RESTRICTION_LABELS
                        if r in employer.restrictions]
        lines = [self.tr("Contact: {0}").format(contact),
                 self.tr("Standing: {0}").format(label(STANDING_LABELS[employer.standing])),
                 self.tr("Practices adopted ({0} of {1}): {2}").format(
                     len(practices), len(PRACTICE_LABELS), "; ".join(practices) or "—"),
                 self._assessment_line(employer),
                 self.tr("Hiring restrictions: {0}").format("; ".join(restrictions) or "—")]
        if employer.restriction_notes:
            lines.append(self.tr("In the employer's words: {0}").format(
                employer.restriction_notes))
        self.details.setText("\n".join(lines))

    def _assessment_line(self, employer: Employer) -> str:
        last = self._assessed.get(employer.id)
        due_on = assessment_due_on(last)
        if last is None or due_on is None:
            return self.tr("Self-assessment: none recorded yet; due now")
        if due_on <= clock.today():
            return self.tr("Self-assessment: last on {0}; a year has passed, due now").format(
                show_day(last))
        return self.tr("Self-assessment: last on {0}; next due on {1}").format(
            show_day(last), show_day(due_on))

    def _show_referrals(self, employer: Employer | None) -> None:
        self._referred = ([] if employer is None
                          else consent.referrals(self.session, employer.id))
        self.referrals.setRowCount(len(self._referred))
        for row, item in enumerate(self._referred):
            shares = ", ".join(category_name(c) for c in sorted(item.categories,
                                                                 key=list(Category).index))
            for column, text in enumerate([item.case_number, item.preferred_name,
                                           show_day(item.expires_on), shares]):
                self.referrals.setItem(row, column, QTableWidgetItem(text))
        self.referrals.resizeColumnsToContents()
        self.sections.setTabText(1, self.tr("Who may be referred ({0})").format(
            len(self._referred)))
        if self._referred:
            self.referrals.selectRow(0)

    def _show_positions(self, keep_row: int = 0) -> None:
        employer = self.current_employer()
        self._show_details(employer)
        self._show_referrals(employer)
        self.matches.setRowCount(0)
        self._matched = []
        rows = [p for p in employers.positions(self.session)
                if employer is not None and p.employer_id == employer.id]
        self._positions = rows
        self.positions.setRowCount(len(rows))
        for row, position in enumerate(rows):
            for column, text in enumerate([
                    position.title, label(POSITION_KIND_LABELS[position.kind]),
                    str(position.hours_per_week), label(SHIFT_LABELS[position.shift]),
                    position.location_area, show_wage(position.hourly_wage_cents),
                    self.tr("Yes") if position.is_open else self.tr("No")]):
                item = QTableWidgetItem(text)
                item.setToolTip(text if column or not position.skills_wanted else
                                self.tr("{0}; skills wanted: {1}").format(
                                    text, ", ".join(position.skills_wanted)))
                self.positions.setItem(row, column, item)
        fit_columns(self.positions, self.POSITION_COLUMN_CAPS)
        if rows:
            self.positions.selectRow(min(max(keep_row, 0), len(rows) - 1))
        self._position_chosen()

    def current_position(self) -> Position | None:
        row = self.positions.currentRow()
        return self._positions[row] if 0 <= row < len(self._positions) else None

    def _position_chosen(self) -> None:
        position = self.current_position()
        self.close_position_button.setEnabled(position is not None)
        self.match_button.setEnabled(position is not None and position.is_open)
        self.close_position_button.setText(
            self.tr("Re&open position") if position is not None and not position.is_open
            else self.tr("&Close position"))

    def toggle_position_open(self) -> None:
        """Close the chosen position (no new interviews, internships or offers), or open a
        closed one again."""
        position = self.current_position()
        if position is None:
            return
        try:
            employers.set_position_open(self.session, position.id, not position.is_open)
        except CaseTrackerError as exc:
            report(self, exc)
            return
        self._show_positions(keep_row=self.positions.currentRow())

    def _default_hours(self) -> None:
        kind = PositionKind(self.position_kind.currentData())
        defaults = new_position_defaults(kind)
        self.position_hours.setValue(int(str(defaults["hours_per_week"])))
        self.apprenticeship_row.setVisible(kind is PositionKind.APPRENTICESHIP)

    def open_employer_dialog(self) -> None:
        dialog = EmployerDialog(self)
        dialog.submit = self._save_employer
        self.active_dialog = dialog
        dialog.open()

    def _save_employer(self, data: EmployerInput) -> None:
        added = employers.add_employer(self.session, data.name, data.industry,
                                       contact_name=data.contact_name.strip(),
                                       contact_phone=data.contact_phone.strip(),
                                       contact_email=data.contact_email.strip(),
                                       practices=data.practices,
                                       restrictions=data.restrictions,
                                       restriction_notes=data.restriction_notes.strip())
        self.refresh(select=added.id)  # "Add position" now goes to the new partner

    def open_edit_dialog(self) -> None:
        employer = self.current_employer()
        if employer is None:
            return
        dialog = EmployerDialog(self, employer)
        dialog.submit = lambda data: self._update_employer(employer.id, data)
        self.active_dialog = dialog
        dialog.open()

    def _update_employer(self, employer_id: str, data: EmployerInput) -> None:
        employers.update_employer(
            self.session, employer_id, name=data.name, industry=data.industry,
            contact_name=data.contact_name.strip(), contact_phone=data.contact_phone.strip(),
            contact_email=data.contact_email.strip(), practices=data.practices,
            restrictions=data.restrictions, restriction_notes=data.restriction_notes.strip())
        self.refresh(select=employer_id)

    def open_assessment_dialog(self) -> None:
        employer = self.current_employer()
        if employer is None:
            return
        dialog = AssessmentDialog(employer, employers.assessments(self.session, employer.id),
                                  self)
        dialog.submit = lambda data: self._record_assessment(employer.id, data)
        self.active_dialog = dialog
        dialog.open()

    def _record_assessment(self, employer_id: str, data: AssessmentInput) -> None:
        employers.record_assessment(self.session, employer_id, data.practices,
                                    on=data.assessed_on, note=data.note)
        self.refresh(select=employer_id)

    # -- from a match or a consent, one step to the record or the letter ----------------------

    def _chosen_case(self, table: QTableWidget) -> str | None:
        row = table.currentRow()
        item = table.item(row, 0) if row >= 0 else None
        return item.text() if item is not None else None

    def _open_record(self, case_number: str | None) -> None:
        if case_number:
            self.record_requested.emit(case_number)

    def _open_letter(self, case_number: str | None, position_id: str | None) -> None:
        employer = self.current_employer()
        if not case_number or employer is None:
            return
        dialog = share_dialog(self.session, case_number, [employer.name], self,
                              employer=employer.name, position_id=position_id)
        self.active_dialog = dialog
        dialog.show()

    def letter_for_match(self) -> None:
        row = self.positions.currentRow()
        position = self._positions[row].id if 0 <= row < len(self._positions) else None
        self._open_letter(self._chosen_case(self.matches), position)

    def letter_for_referral(self) -> None:
        row = self.positions.currentRow()
        position = self._positions[row].id if 0 <= row < len(self._positions) else None
        self._open_letter(self._chosen_case(self.referrals), position)

    def add_position(self) -> None:
        employer = self.current_employer()
        if employer is None:
            return
        kind = PositionKind(self.position_kind.currentData())
        apprenticeship: dict[str, Any] = {}
        try:
            if kind is PositionKind.APPRENTICESHIP:
                apprenticeship = {
                    "track": ApprenticeshipTrack(self.apprenticeship_track.currentData()),
                    "term_months": self.apprenticeship_term.value(),
                    "sponsor": self.apprenticeship_sponsor.text(),
                    "wage_steps": parse_wage_steps(self.apprenticeship_steps.text())}
            employers.add_position(self.session, employer.id, self.position_title.text(),
                                   kind, hours_per_week=self.position_hours.value(),
                                   hourly_wage_cents=parse_wage(self.position_wage.text()),
                                   shift=Shift(self.position_shift.currentData()),
                                   location_area=self.position_area.text(),
                                   skills_wanted=tuple(
                                       s.strip() for s in self.position_skills.text().split(";")
                                       if s.strip()),
                                   **apprenticeship)
        except CaseTrackerError as exc:
            report(self, exc)
            return
        self.position_title.clear()
        self.apprenticeship_sponsor.clear()
        self.apprenticeship_steps.clear()
        self.position_area.clear()
        self.position_skills.clear()
        self._show_positions(keep_row=len(self._positions))

    def show_matches(self) -> None:
        row = self.positions.currentRow()
        if not 0 <= row < len(self._positions):
            return
        found = matching.rank(self.session, self._positions[row].id)
        self._matched = found
        self.matches.setRowCount(len(found))
        for index, match in enumerate(found):
            why = "; ".join(translate_message(r, MATCH_REASONS) for r in match.reasons) or "—"
            if match.restriction_flag:  # after the reasons, which it would hide; whole in the tip
                mark = "✓ " if match.restriction_flag == matching.CLEARED_FLAG else "⚠ "
                why = why + "  " + mark + translate_message(match.restriction_flag, MATCH_REASONS)
            warn = match.restriction_flag not in (None, matching.CLEARED_FLAG)
            for column, text in enumerate([match.case_number, match.preferred_name,
                                           str(match.score), why]):
                item = QTableWidgetItem(text)
                item.setToolTip(why if column == 3 else text)
                if warn:
                    item.setForeground(text_colour(Tone.ERROR))
                self.matches.setItem(index, column, item)
        if found:
            self.matches.selectRow(0)
