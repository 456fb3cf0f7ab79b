"""A SMART goal, each part asked for on its own, with its milestones."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.plans import GoalDomain
from casetracker.domain.validation import ValidationError, parse_date
from casetracker.gui.labels import label
from casetracker.gui.widgets import DateField, FormDialog

DOMAIN_LABELS = {
    GoalDomain.EMPLOYMENT: QT_TRANSLATE_NOOP("labels", "Employment"),
    GoalDomain.EDUCATION: QT_TRANSLATE_NOOP("labels", "Education"),
    GoalDomain.HOUSING: QT_TRANSLATE_NOOP("labels", "Housing"),
    GoalDomain.DOCUMENTS: QT_TRANSLATE_NOOP("labels", "Documents"),
    GoalDomain.LEGAL: QT_TRANSLATE_NOOP("labels", "Legal"),
    GoalDomain.HEALTH: QT_TRANSLATE_NOOP("labels", "Health"),
    GoalDomain.FINANCIAL: QT_TRANSLATE_NOOP("labels", "Financial"),
}


@dataclass(frozen=True)
class GoalInput:
    domain: GoalDomain
    specific: str
    measurable: str
    achievable: str
    relevant: str
    target_date: date
    milestones: list[tuple[str, date]] = field(default_factory=list)


class GoalDialog(FormDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("New SMART goal"), parent)
        self.domain = QComboBox(self)
        self.domain.setAccessibleName(self.tr("Domain"))
        for value, text in DOMAIN_LABELS.items():
            self.domain.addItem(label(text), value)
        self.specific = self._part(self.tr("Specific"), self.tr("What exactly will be done?"))
        self.measurable = self._part(self.tr("Measurable"),
                                     self.tr("How will we know it is done?"))
        self.achievable = self._part(self.tr("Achievable"),
                                     self.tr("Why is it within reach now?"))
        self.relevant = self._part(self.tr("Relevant"),
                                   self.tr("Why does it matter to the person?"))
        form = QFormLayout()
        form.addRow(self.tr("Domain"), self.domain)
        for edit in (self.specific, self.measurable, self.achievable, self.relevant):
            form.addRow(edit.accessibleName(), edit)
        self.target_date = DateField(clock.today() + timedelta(days=90),
                                     label=self.tr("Time-bound: target date"), parent=self)
        form.addRow(self.tr("Time-bound: target date"), self.target_date)
        self.body.addLayout(form)

        self.body.addWidget(QLabel(self.tr("Milestones (steps on the way, by date)"), self))
        self.milestones = QTableWidget(0, 2, self)
        self.milestones.setAccessibleName(self.tr("Milestones"))
        self.milestones.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Due (YYYY-MM-DD)")])
        self.milestones.horizontalHeader().setStretchLastSection(True)
        self.milestones.setColumnWidth(0, 300)
        self.body.addWidget(self.milestones)
        row = QHBoxLayout()
        self.add_milestone_button = QPushButton(self.tr("Add milestone"), self)
        self.add_milestone_button.clicked.connect(lambda: self.add_milestone("", None))
        self.remove_milestone_button = QPushButton(self.tr("Remove milestone"), self)
        self.remove_milestone_button.clicked.connect(
            lambda: self.milestones.removeRow(self.milestones.currentRow()))
        row.addWidget(self.add_milestone_button)
        row.addWidget(self.remove_milestone_button)
        row.addStretch(1)
        self.body.addLayout(row)
        self.resize(600, 560)

    def _part(self, label: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(hint)
        edit.setAccessibleName(label)
        return edit

    def add_milestone(self, text: str, due: date | None) -> None:
        row = self.milestones.rowCount()
        self.milestones.insertRow(row)
        self.milestones.setItem(row, 0, QTableWidgetItem(text))
        day = due or min(self.target_date.value() or clock.today(),
                         clock.today() + timedelta(days=30))
        self.milestones.setItem(row, 1, QTableWidgetItem(day.isoformat()))

    def data(self) -> GoalInput:
        milestones = []
        for row in range(self.milestones.rowCount()):
            text_item, due_item = self.milestones.item(row, 0), self.milestones.item(row, 1)
            text = text_item.text().strip() if text_item else ""
            if not text:
                continue
            due_text = due_item.text() if due_item else ""
            try:
                milestones.append((text, parse_date(due_text, f"milestone {row + 1}")))
            except ValidationError:
                raise ValidationError(
                    {f"milestone_{row + 1}": f"{due_text!r} is not a date"}) from None
        target = self.target_date.value()
        assert target is not None
        return GoalInput(GoalDomain(self.domain.currentData()), self.specific.text(),
                         self.measurable.text(), self.achievable.text(), self.relevant.text(),
                         target, milestones)
