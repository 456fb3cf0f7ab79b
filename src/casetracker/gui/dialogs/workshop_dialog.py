"""A readiness workshop session and its attendance, entered for everyone at once."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.caseload import CaseloadRow
from casetracker.domain.employment import WORKSHOP_LABELS, WorkshopTopic
from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.labels import label
from casetracker.gui.widgets import DateField, FormDialog, report, show_day
from casetracker.services import placement
from casetracker.services.session import Session


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
        self.search = QLineEdit(self)
        self.search.setAccessibleName(self.tr("Find a person"))
        self.search.setPlaceholderText(self.tr("Find by case number or name"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.body.addWidget(self.search)
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
        self.count = QLabel(self)
        self.body.addWidget(self.count)
        self.table.itemChanged.connect(self._ticked)
        self._update_count()
        self.resize(560, 640)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.table.rowCount()):
            shown = not wanted or any(
                wanted in self.table.item(row, column).text().casefold()
                for column in (self.COL_CASE, self.COL_NAME))
            self.table.setRowHidden(row, not shown)

    def _ticked(self, item: QTableWidgetItem) -> None:
        """Completing implies attending; no longer attending means not completing either."""
        row, checked = item.row(), item.checkState() == Qt.CheckState.Checked
        other = None
        if item.column() == self.COL_COMPLETED and checked:
            other = self.table.item(row, self.COL_ATTENDED)
        elif item.column() == self.COL_ATTENDED and not checked:
            other = self.table.item(row, self.COL_COMPLETED)
        if other is not None and (other.checkState() == Qt.CheckState.Checked) != checked:
            other.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self._update_count()

    def _update_count(self) -> None:
        marked = sum(1 for row in range(self.table.rowCount())
                     if self.table.item(row, self.COL_ATTENDED) is not None
                     and self.table.item(row, self.COL_ATTENDED).checkState()
                     == Qt.CheckState.Checked)
        self.count.setText(self.tr("%n person(s) marked as attending", "", marked))

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


class RecordedWorkshop(QUndoCommand):
    """A workshop session just recorded (through the services); Undo removes it again and
    Redo records it once more."""

    def __init__(self, session: Session, data: SessionInput,
                 changed: Callable[[], None]) -> None:
        super().__init__(QCoreApplication.translate("workshops", "Record workshop attendance"))
        self._session, self._data, self._changed = session, data, changed
        self.workshop_id = self._record()
        self._skip_first = True  # QUndoStack.push redoes at once: it is already recorded
        self.people = len(data.attendance)

    def _record(self) -> str:
        return placement.record_session(
            self._session, self._data.topic, self._data.held_on,
            [placement.AttendanceEntry(case, attended, completed)
             for case, attended, completed in self._data.attendance],
            facilitator=self._data.facilitator.strip(),
            partner_organisation=self._data.partner_organisation.strip()).id

    def summary(self) -> str:
        return QCoreApplication.translate(
            "workshops", "Workshop recorded: %n person(s) at {0} on {1}. Edit ▸ Undo takes "
            "it back.", "", self.people).format(label(WORKSHOP_LABELS[self._data.topic]),
                                                show_day(self._data.held_on))

    def redo(self) -> None:
        if self._skip_first:
            self._skip_first = False
            return
        self._attempt(lambda: setattr(self, "workshop_id", self._record()))

    def undo(self) -> None:
        self._attempt(lambda: placement.remove_session(self._session, self.workshop_id))

    def _attempt(self, action: Callable[[], object]) -> None:
        try:
            action()
        except CaseTrackerError as exc:
            report(None, exc)
        self._changed()
