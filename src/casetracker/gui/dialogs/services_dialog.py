"""The services given to one survivor: what was recorded, newest first, and a row to record
one more in a few clicks (type, day, minutes, an optional note). Funder reports count them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.service_log import MAX_MINUTES, ServiceContact, ServiceType, kind_label
from casetracker.gui.demo_banner import add_demo_banner
from casetracker.gui.labels import label
from casetracker.gui.theme import ErrorLabel
from casetracker.gui.widgets import DateField, show_day
from casetracker.services import service_log
from casetracker.services.session import Session

SERVICE_NAMES = {
    ServiceType.CASE_MANAGEMENT: QT_TRANSLATE_NOOP("labels", "Case management"),
    ServiceType.EMPLOYMENT_READINESS: QT_TRANSLATE_NOOP("labels", "Employment readiness"),
    ServiceType.JOB_PLACEMENT: QT_TRANSLATE_NOOP("labels", "Job placement assistance"),
    ServiceType.TRANSPORTATION: QT_TRANSLATE_NOOP("labels", "Transportation"),
    ServiceType.INTERPRETATION: QT_TRANSLATE_NOOP("labels", "Interpretation"),
    ServiceType.REFERRAL_HOUSING: QT_TRANSLATE_NOOP("labels", "Referral to housing"),
    ServiceType.REFERRAL_LEGAL: QT_TRANSLATE_NOOP("labels", "Referral to legal services"),
    ServiceType.REFERRAL_HEALTH: QT_TRANSLATE_NOOP("labels", "Referral to health care"),
    ServiceType.REFERRAL_EDUCATION: QT_TRANSLATE_NOOP("labels", "Referral to education"),
    ServiceType.EMERGENCY_FINANCIAL: QT_TRANSLATE_NOOP("labels", "Emergency financial help"),
    ServiceType.ACCOMPANIMENT: QT_TRANSLATE_NOOP("labels",
                                                 "Accompaniment (court, appointments)"),
    ServiceType.EMOTIONAL_SUPPORT: QT_TRANSLATE_NOOP("labels",
                                                     "Emotional support and safety planning"),
    ServiceType.OTHER: QT_TRANSLATE_NOOP("labels", "Other"),
}
_SERVICE = Qt.ItemDataRole.UserRole


def _kind_name(kind: str) -> str:
    """A built-in type's name in the interface language; an added one's as the program named
    it."""
    try:
        return label(SERVICE_NAMES[ServiceType(kind)])
    except ValueError:
        return kind_label(kind)


class ServicesDialog(QDialog):
    """Opened from the Notes tab; records through `services.service_log` only."""

    def __init__(self, session: Session, case_number: str, *, editable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.case_number = case_number
        self.setWindowTitle(self.tr("Services given"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Service"))
        for kind, _name in service_log.service_types(session):
            self.kind.addItem(_kind_name(kind), kind)
        self.day = DateField(clock.today(), label=self.tr("Date"), parent=self)
        self.minutes = QSpinBox(self)
        self.minutes.setAccessibleName(self.tr("Minutes"))
        self.minutes.setRange(0, MAX_MINUTES)
        self.minutes.setSpecialValueText(self.tr("not noted"))
        self.minutes.setSingleStep(15)
        self.note = QLineEdit(self)
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Optional: what it was, in a few words"))
        self.record_button = QPushButton(self.tr("Record service"), self)
        self.record_button.clicked.connect(self.record)
        self.remove_button = QPushButton(self.tr("Take back the selected"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Services given"))
        self.list.currentItemChanged.connect(
            lambda *_: self.remove_button.setEnabled(self.list.currentItem() is not None))
        self.error = ErrorLabel(self)
        form = QFormLayout()
        row = QHBoxLayout()
        row.addWidget(self.kind, 1)
        row.addWidget(self.day)
        row.addWidget(self.minutes)
        form.addRow(self.tr("Service, date and minutes"), row)
        form.addRow(self.tr("Note"), self.note)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if editable:
            layout.addLayout(form)
            layout.addWidget(self.error)
            layout.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignRight)
        else:
            for widget in (self.kind, self.day, self.minutes, self.note, self.record_button,
                           self.remove_button, self.error):
                widget.hide()
        layout.addWidget(self.list, 1)
        if editable:
            layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        layout.addWidget(close)
        add_demo_banner(self, session)
        self.resize(620, 480)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for service in service_log.services(self.session, self.case_number):
            minutes = (self.tr("{0} min").format(service.minutes)
                       if service.minutes is not None else "")
            parts = [show_day(service.delivered_on), _kind_name(service.kind),
                     minutes, service.recorded_by or "", service.note]
            item = QListWidgetItem(" · ".join(p for p in parts if p))
            item.setData(_SERVICE, service)
            self.list.addItem(item)
        self.remove_button.setEnabled(False)

    def record(self) -> None:
        minutes = self.minutes.value() or None
        try:
            service_log.record(self.session, self.case_number,
                               str(self.kind.currentData()), on=self.day.value(),
                               minutes=minutes, note=self.note.text())
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.note.clear()
        self.minutes.setValue(0)
        self.refresh()

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        service: ServiceContact | None = item.data(_SERVICE) if item is not None else None
        if service is None:
            return
        try:
            service_log.remove(self.session, service.id)
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        self.refresh()
