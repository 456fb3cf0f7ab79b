"""The next step on the placement pipeline: only the steps that may follow are offered."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtWidgets import QComboBox, QFormLayout, QLineEdit, QSpinBox, QWidget

from casetracker.domain import clock
from casetracker.domain.employment import (
    NEXT_STAGES,
    STAGE_LABELS,
    Employer,
    Position,
    Stage,
    parse_wage,
)
from casetracker.gui.labels import POSITION_KIND_LABELS, label
from casetracker.gui.widgets import DateField, FormDialog


@dataclass(frozen=True)
class StepInput:
    stage: Stage
    on: date
    employer_id: str | None
    position_id: str | None
    hours_per_week: int | None
    hourly_wage_cents: int | None
    reason: str


class PlacementDialog(FormDialog):
    def __init__(self, current: Stage, partners: list[Employer], positions: list[Position],
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Next step"), parent)
        self._positions = positions
        self.stage = QComboBox(self)
        self.stage.setAccessibleName(self.tr("Stage"))
        following = sorted(NEXT_STAGES[current], key=list(Stage).index)
        if current is not Stage.EXITED:
            following.append(Stage.EXITED)
        for stage in following:
            self.stage.addItem(label(STAGE_LABELS[stage]), stage.value)
        self.on = DateField(clock.today(), label=self.tr("Date"), parent=self)
        self.employer = QComboBox(self)
        self.employer.setAccessibleName(self.tr("Employer"))
        self.employer.addItem(self.tr("(none)"), "")
        for employer in partners:
            self.employer.addItem(employer.name, employer.id)
        self.position = QComboBox(self)
        self.position.setAccessibleName(self.tr("Position"))
        self.employer.currentIndexChanged.connect(self._fill_positions)
        self.hours = QSpinBox(self)
        self.hours.setRange(0, 80)
        self.hours.setSpecialValueText(self.tr("From the position"))
        self.hours.setAccessibleName(self.tr("Hours per week"))
        self.wage = QLineEdit(self)
        self.wage.setPlaceholderText(self.tr("From the position, or e.g. 16.50"))
        self.wage.setAccessibleName(self.tr("Hourly wage"))
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason or note"))
        self.reason.setPlaceholderText(self.tr("Required when someone exits the pipeline"))
        for hinted in (self.wage, self.reason):  # the hint is read whole, not cut off
            hinted.setMinimumWidth(
                hinted.fontMetrics().horizontalAdvance(hinted.placeholderText()) + 24)
        form = QFormLayout()
        form.addRow(self.tr("Stage"), self.stage)
        form.addRow(self.tr("Date"), self.on)
        form.addRow(self.tr("Employer"), self.employer)
        form.addRow(self.tr("Position"), self.position)
        form.addRow(self.tr("Hours per week"), self.hours)
        form.addRow(self.tr("Hourly wage"), self.wage)
        form.addRow(self.tr("Reason or note"), self.reason)
        self.body.addLayout(form)
        self._fill_positions()

    def _fill_positions(self) -> None:
        employer_id = self.employer.currentData()
        self.position.clear()
        self.position.addItem(self.tr("(none)"), "")
        for position in self._positions:
            if position.employer_id == employer_id:
                kind = label(POSITION_KIND_LABELS[position.kind]).lower()
                self.position.addItem(f"{position.title} ({kind})", position.id)

    def data(self) -> StepInput:
        on = self.on.value()
        assert on is not None
        return StepInput(Stage(self.stage.currentData()), on, self.employer.currentData() or None,
                         self.position.currentData() or None, self.hours.value() or None,
                         parse_wage(self.wage.text()), self.reason.text())
