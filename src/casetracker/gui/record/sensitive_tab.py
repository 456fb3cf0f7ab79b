"""Sensitive details and barriers. Never shown to coordinators, never exported."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from casetracker.domain.survivors import Barrier, BarrierKind, TraffickingType, VacaturStatus
from casetracker.gui.labels import label
from casetracker.gui.record.base import ITEM_ROLE, RecordTab
from casetracker.gui.record.clearances_box import ClearancesBox
from casetracker.gui.theme import ErrorLabel, Tone, ToneLabel
from casetracker.services import sensitive

TRAFFICKING_LABELS = {
    TraffickingType.UNKNOWN: QT_TRANSLATE_NOOP("labels", "Not recorded"),
    TraffickingType.LABOR: QT_TRANSLATE_NOOP("labels", "Labor"),
    TraffickingType.SEX: QT_TRANSLATE_NOOP("labels", "Sex"),
    TraffickingType.LABOR_AND_SEX: QT_TRANSLATE_NOOP("labels", "Labor and sex"),
    TraffickingType.AT_RISK: QT_TRANSLATE_NOOP("labels", "At risk"),
}
VACATUR_LABELS = {
    VacaturStatus.NOT_APPLICABLE: QT_TRANSLATE_NOOP("labels", "Not applicable"),
    VacaturStatus.ELIGIBLE: QT_TRANSLATE_NOOP("labels", "Eligible"),
    VacaturStatus.PETITION_FILED: QT_TRANSLATE_NOOP("labels", "Petition filed"),
    VacaturStatus.GRANTED: QT_TRANSLATE_NOOP("labels", "Granted"),
    VacaturStatus.DENIED: QT_TRANSLATE_NOOP("labels", "Denied"),
}
BARRIER_LABELS = {
    BarrierKind.TRANSPORTATION: QT_TRANSLATE_NOOP("labels", "Transportation"),
    BarrierKind.CHILDCARE: QT_TRANSLATE_NOOP("labels", "Childcare"),
    BarrierKind.HOUSING: QT_TRANSLATE_NOOP("labels", "Housing"),
    BarrierKind.DOCUMENTATION: QT_TRANSLATE_NOOP("labels", "Documentation"),
    BarrierKind.CRIMINAL_RECORD: QT_TRANSLATE_NOOP("labels", "Criminal record"),
    BarrierKind.HEALTH: QT_TRANSLATE_NOOP("labels", "Health"),
    BarrierKind.LANGUAGE: QT_TRANSLATE_NOOP("labels", "Language"),
    BarrierKind.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
}


class SensitiveTab(RecordTab):
    """Read when opened (and audited as such); saved only with the Save button."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        warning = ToneLabel(self.tr("Sensitive: never shared, never exported. Opening this "
                                    "tab is recorded in the audit trail."), self, tone=Tone.ERROR)
        warning.setWordWrap(True)
        self.trafficking_type = self._combo(TRAFFICKING_LABELS, self.tr("Trafficking type"))
        self.vacatur_status = self._combo(VACATUR_LABELS, self.tr("Vacatur"))
        self.history_notes = self._text(self.tr("History"))
        self.criminal_record_notes = self._text(self.tr("Criminal record"))
        self.immigration_status = QLineEdit(self)
        self.immigration_status.setAccessibleName(self.tr("Immigration status"))
        self.health_notes = self._text(self.tr("Health"))
        self.safety_plan = self._text(self.tr("Safety plan"))
        form = QFormLayout()
        form.addRow(self.tr("Trafficking type"), self.trafficking_type)
        form.addRow(self.tr("History"), self.history_notes)
        form.addRow(self.tr("Criminal record"), self.criminal_record_notes)
        form.addRow(self.tr("Vacatur"), self.vacatur_status)
        form.addRow(self.tr("Immigration status"), self.immigration_status)
        form.addRow(self.tr("Health"), self.health_notes)
        form.addRow(self.tr("Safety plan"), self.safety_plan)
        self.save_button = QPushButton(self.tr("Save sensitive details"), self)
        self.save_button.clicked.connect(self.save)
        self.save_button.setVisible(self.editable)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        self.clearances = ClearancesBox(self.session, self.case_number,
                                        editable=self.editable, parent=self)
        layout.addWidget(self.clearances)
        for widget in (self.trafficking_type, self.vacatur_status, self.immigration_status):
            widget.setEnabled(self.editable)
        for edit in (self.history_notes, self.criminal_record_notes, self.health_notes,
                     self.safety_plan):
            edit.setReadOnly(not self.editable)
        self.refresh()

    def _combo(self, labels: dict[object, str], name: str) -> QComboBox:
        box = QComboBox(self)
        box.setAccessibleName(name)
        for value, text in labels.items():
            box.addItem(label(text), value)
        return box

    def _text(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self)
        edit.setAccessibleName(name)
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(80)
        return edit

    def refresh(self) -> None:
        details = sensitive.get_sensitive(self.session, self.case_number)
        self.trafficking_type.setCurrentIndex(
            self.trafficking_type.findData(details.trafficking_type.value))
        self.vacatur_status.setCurrentIndex(
            self.vacatur_status.findData(details.vacatur_status.value))
        self.history_notes.setPlainText(details.history_notes)
        self.criminal_record_notes.setPlainText(details.criminal_record_notes)
        self.immigration_status.setText(details.immigration_status)
        self.health_notes.setPlainText(details.health_notes)
        self.safety_plan.setPlainText(details.safety_plan)

    def save(self) -> None:
        from casetracker.domain.errors import CaseTrackerError

        try:
            sensitive.update_sensitive(
                self.session, self.case_number,
                trafficking_type=TraffickingType(self.trafficking_type.currentData()),
                vacatur_status=VacaturStatus(self.vacatur_status.currentData()),
                history_notes=self.history_notes.toPlainText(),
                criminal_record_notes=self.criminal_record_notes.toPlainText(),
                immigration_status=self.immigration_status.text(),
                health_notes=self.health_notes.toPlainText(),
                safety_plan=self.safety_plan.toPlainText())
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.changed.emit()


class BarriersTab(RecordTab):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Barriers"))
        self.list.itemChanged.connect(self._toggled)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Barrier"))
        for value, text in BARRIER_LABELS.items():
            self.kind.addItem(label(text), value)
        self.description = QLineEdit(self)
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setPlaceholderText(self.tr("Details (optional)"))
        self.add_button = QPushButton(self.tr("Add barrier"), self)
        self.add_button.clicked.connect(self.add_barrier)
        row = QHBoxLayout()
        row.addWidget(self.kind)
        row.addWidget(self.description, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        if self.editable:
            layout.addLayout(row)
        else:
            for widget in (self.kind, self.description, self.add_button):
                widget.hide()
        hint = QLabel(self.tr("Tick a barrier when it is resolved."), self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        self._loading = False
        self.refresh()

    def refresh(self) -> None:
        self._loading = True
        self.list.clear()
        for barrier in sensitive.barriers(self.session, self.case_number):
            text = label(BARRIER_LABELS[barrier.kind])
            if barrier.description:
                text += f": {barrier.description}"
            self.add_checkable(self.list, text, barrier, barrier.resolved)
        self._loading = False

    def _toggled(self, item: QListWidgetItem) -> None:
        barrier: Barrier | None = item.data(ITEM_ROLE)
        if self._loading or barrier is None:
            return
        self.toggle_dated(item, barrier.resolved, barrier.resolved_on,
                          lambda day: sensitive.set_barrier_resolved(self.session, barrier.id,
                                                                     day),
                          self.tr("Resolve a barrier"), self.tr("Reopen a barrier"))

    def add_barrier(self) -> None:
        self.attempt(lambda: sensitive.add_barrier(self.session, self.case_number,
                                                   BarrierKind(self.kind.currentData()),
                                                   self.description.text()))
        self.description.clear()
