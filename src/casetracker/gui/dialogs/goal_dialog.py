"""A SMART goal, each part asked for on its own, with its milestones; and one milestone."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.plans import Goal, GoalDomain, Milestone
from casetracker.domain.validation import ValidationError
from casetracker.gui.labels import label
from casetracker.gui.widgets import DateField, FormDialog, show_day

DOMAIN_LABELS = {
    GoalDomain.EMPLOYMENT: QT_TRANSLATE_NOOP("labels", "Employment"),
    GoalDomain.EDUCATION: QT_TRANSLATE_NOOP("labels", "Education"),
    GoalDomain.HOUSING: QT_TRANSLATE_NOOP("labels", "Housing"),
    GoalDomain.DOCUMENTS: QT_TRANSLATE_NOOP("labels", "Documents"),
    GoalDomain.LEGAL: QT_TRANSLATE_NOOP("labels", "Legal"),
    GoalDomain.HEALTH: QT_TRANSLATE_NOOP("labels", "Health"),
    GoalDomain.FINANCIAL: QT_TRANSLATE_NOOP("labels", "Financial"),
}

# The services' words for a milestone after its goal (domain/plans.py), shown translated.
AFTER_TARGET = "{0} is after the goal's target date {1}"


@dataclass(frozen=True)
class GoalInput:
    domain: GoalDomain
    specific: str
    measurable: str
    achievable: str
    relevant: str
    target_date: date
    milestones: list[tuple[str, date]] = field(default_factory=list)
    survivor_wording: str = ""


@dataclass(frozen=True)
class MilestoneInput:
    description: str
    due_date: date
    survivor_wording: str = ""


def suggested_due(target: date | None, after: date | None = None) -> date:
    """A first guess at a new step's due date: two weeks after the last step (or from today),
    never after the goal's target date. The person changes it; nothing is saved unseen."""
    start = max(after or clock.today(), clock.today())
    guess = start + timedelta(days=14)
    return min(guess, target) if target is not None else guess


class GoalDialog(FormDialog):
    """A new goal with its milestones, or (given `goal`) a change to an existing goal's parts
    and target date; its milestones are then changed one by one in the goals tab."""

    def __init__(self, parent: QWidget | None = None, goal: Goal | None = None) -> None:
        super().__init__(self.tr("Change the goal") if goal else self.tr("New SMART goal"),
                         parent)
        self.goal = goal
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
        self.target_date = DateField(goal.target_date if goal
                                     else clock.today() + timedelta(days=90),
                                     label=self.tr("Time-bound: target date"), parent=self)
        form.addRow(self.tr("Time-bound: target date"), self.target_date)
        # The goal as the person reads it on their own plan, in their language; the plan
        # prints it instead of the staff wording above.
        self.survivor_wording = self._part(
            self.tr("On the person’s plan"),
            self.tr("In the person’s own words and language (optional)"))
        form.addRow(self.survivor_wording.accessibleName(), self.survivor_wording)
        self.body.addLayout(form)

        self.milestones = QTableWidget(0, 2, self)
        self.milestones.setAccessibleName(self.tr("Milestones"))
        self.milestones.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Due")])
        self.milestones.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        # Room for the date, its calendar button and the date in words beside it.
        self.milestones.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.Fixed)
        self.milestones.setColumnWidth(1, 440)
        self.milestones.verticalHeader().hide()
        self.add_milestone_button = QPushButton(self.tr("Add milestone"), self)
        self.add_milestone_button.clicked.connect(lambda: self.add_milestone("", None))
        self.remove_milestone_button = QPushButton(self.tr("Remove milestone"), self)
        self.remove_milestone_button.clicked.connect(
            lambda: self.milestones.removeRow(self.milestones.currentRow()))
        if goal is None:
            self.body.addWidget(QLabel(self.tr("Milestones (steps on the way, each with its "
                                               "own due date)"), self))
            self.body.addWidget(self.milestones)
            row = QHBoxLayout()
            row.addWidget(self.add_milestone_button)
            row.addWidget(self.remove_milestone_button)
            row.addStretch(1)
            self.body.addLayout(row)
            self.resize(820, 600)
        else:
            self.domain.setCurrentIndex(self.domain.findData(goal.domain))
            for edit, text in ((self.specific, goal.specific),
                               (self.measurable, goal.measurable),
                               (self.achievable, goal.achievable),
                               (self.relevant, goal.relevant),
                               (self.survivor_wording, goal.survivor_wording)):
                edit.setText(text)
            for widget in (self.milestones, self.add_milestone_button,
                           self.remove_milestone_button):
                widget.hide()
            self.resize(700, 360)

    def _part(self, label: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(hint)
        edit.setAccessibleName(label)
        return edit

    def due_field(self, row: int) -> DateField:
        widget = self.milestones.cellWidget(row, 1)
        assert isinstance(widget, DateField)
        return widget

    def add_milestone(self, text: str, due: date | None) -> None:
        """A new row: the step, and its own due date (a guess until the person sets it)."""
        row = self.milestones.rowCount()
        last = None
        if row:
            try:
                last = self.due_field(row - 1).value()
            except ValidationError:
                last = None
        try:
            target = self.target_date.value()
        except ValidationError:
            target = None
        self.milestones.insertRow(row)
        self.milestones.setItem(row, 0, QTableWidgetItem(text))
        field = DateField(due or suggested_due(target, last),
                          label=self.tr("Due date of milestone {0}").format(row + 1),
                          parent=self.milestones)
        self.milestones.setCellWidget(row, 1, field)
        self.milestones.setRowHeight(row, field.edit.sizeHint().height() + 8)
        field.changed.connect(self._edited)

    def data(self) -> GoalInput:
        target = self.target_date.value()
        assert target is not None
        milestones = []
        for row in range(self.milestones.rowCount()):
            text_item = self.milestones.item(row, 0)
            text = text_item.text().strip() if text_item else ""
            if not text:
                continue
            name = self.tr("Milestone {0}").format(row + 1)
            try:
                due = self.due_field(row).value()
            except ValidationError as exc:  # named by its row, as the person counts them
                raise ValidationError({name: next(iter(exc.problems.values()))}) from None
            assert due is not None
            if due > target:
                raise ValidationError({name: AFTER_TARGET.format(due.isoformat(),
                                                                 target.isoformat())})
            milestones.append((text, due))
        return GoalInput(GoalDomain(self.domain.currentData()), self.specific.text(),
                         self.measurable.text(), self.achievable.text(), self.relevant.text(),
                         target, milestones, self.survivor_wording.text().strip())


class MilestoneDialog(FormDialog):
    """One milestone of a goal: the step and its own due date, inside the goal's target date.
    Given `milestone`, a change to it."""

    def __init__(self, goal: Goal, milestone: Milestone | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change the milestone") if milestone
                         else self.tr("Add milestone"), parent)
        self.goal = goal
        self.description = QLineEdit(milestone.description if milestone else "", self)
        self.description.setAccessibleName(self.tr("Step"))
        self.description.setPlaceholderText(self.tr("What will be done on the way?"))
        self.survivor_wording = QLineEdit(milestone.survivor_wording if milestone else "",
                                          self)
        self.survivor_wording.setAccessibleName(self.tr("On the person’s plan"))
        self.survivor_wording.setPlaceholderText(
            self.tr("In the person’s own words and language (optional)"))
        last = max((m.due_date for m in goal.milestones), default=None)
        self.due_date = DateField(milestone.due_date if milestone
                                  else suggested_due(goal.target_date, last),
                                  label=self.tr("Due"), parent=self)
        self.target_note = QLabel(self.tr("The goal's target date: {0}").format(
            show_day(goal.target_date)), self)
        self.target_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Step"), self.description)
        form.addRow(self.tr("On the person’s plan"), self.survivor_wording)
        form.addRow(self.tr("Due"), self.due_date)
        form.addRow("", self.target_note)
        self.body.addLayout(form)
        self.resize(640, 210)

    def data(self) -> MilestoneInput:
        due = self.due_date.value()
        assert due is not None
        if due > self.goal.target_date:
            raise ValidationError({"milestone_due_date": AFTER_TARGET.format(
                due.isoformat(), self.goal.target_date.isoformat())})
        if not self.description.text().strip():
            raise ValidationError({"milestone": "is required"})
        return MilestoneInput(self.description.text().strip(), due,
                              self.survivor_wording.text().strip())
