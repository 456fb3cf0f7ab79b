"""A readiness workshop session and its attendance, entered for everyone at once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.caseload import CaseloadRow
from casetracker.domain.employment import WORKSHOP_LABELS, WorkshopTopic
from casetracker.gui.labels import label
from casetracker.gui.widgets import DateField, FormDialog


@dataclass(frozen=True)
class SessionInput:
    topic: WorkshopTopic
    held_on: date
    facilitator: str
    partner_organisation: str
    attendance: list[tuple[str, bool, bool]]  # (case number, attended, completed)


class WorkshopDialog(FormDialog):
    COL_CASE, COL_NAME, COL_ATTENDED, COL_COMPLETED = range(4)

    def __init__(self, people: list[CaseloadRow], parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Workshop attendance"), parent)
        self.topic = QComboBox(self)
        self.topic.setAccessibleName(self.tr("Topic"))
        for topic, text in WORKSHOP_LABELS.items():
            self.topic.addItem(label(text), topic.value)
        self.held_on = DateField(clock.today(), label=self.tr("Date"), parent=self)
        self.facilitator = QLineEdit(self)
        self.facilitator.setAccessibleName(self.tr("Facilitator"))
        self.partner = QLineEdit(self)
        self.partner.setAccessibleName(self.tr("Partner organisation"))
        form = QFormLayout()
        form.addRow(self.tr("Topic"), self.topic)
        form.addRow(self.tr("Date"), self.held_on)
        form.addRow(self.tr("Facilitator"), self.facilitator)
        form.addRow(self.tr("Partner organisation"), self.partner)
        self.body.addLayout(form)
        self.table = QTableWidget(len(people), 4, self)
        self.table.setAccessibleName(self.tr("Attendance"))
        self.table.setHorizontalHeaderLabels([self.tr("Case"), self.tr("Preferred name"),
                                              self.tr("Attended"), self.tr("Completed")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, person in enumerate(people):
            self.table.setItem(row, self.COL_CASE, QTableWidgetItem(person.case_number))
            self.table.setItem(row, self.COL_NAME, QTableWidgetItem(person.preferred_name))
            for column in (self.COL_ATTENDED, self.COL_COMPLETED):
                item = QTableWidgetItem()
                item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                item.setCheckState(Qt.CheckState.Unchecked)
                self.table.setItem(row, column, item)
        self.body.addWidget(self.table)
        self.resize(560, 620)

    def set_checked(self, case_number: str, *, attended: bool, completed: bool) -> None:
        for row in range(self.table.rowCount()):
            if self.table.item(row, self.COL_CASE).text() == case_number:
                for column, value in ((self.COL_ATTENDED, attended),
                                      (self.COL_COMPLETED, completed)):
                    self.table.item(row, column).setCheckState(
                        Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)

    def data(self) -> SessionInput:
        held = self.held_on.value()
        assert held is not None
        rows = []
        for row in range(self.table.rowCount()):
            attended = self.table.item(row, self.COL_ATTENDED).checkState() == Qt.CheckState.Checked
            completed = (self.table.item(row, self.COL_COMPLETED).checkState()
                         == Qt.CheckState.Checked)
            if attended or completed:
                rows.append((self.table.item(row, self.COL_CASE).text(), attended, completed))
        return SessionInput(WorkshopTopic(self.topic.currentData()), held,
                            self.facilitator.text(), self.partner.text(), rows)
