"""The case manager's decisions for employers with hiring restrictions, on the Sensitive tab.

Coordinators see only "cleared" for a candidate (`services/clearances.py`); the reason stays
here, with the sensitive details.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.employment import ClearanceDecision
from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.labels import label
from casetracker.gui.theme import ErrorLabel
from casetracker.gui.widgets import show_day
from casetracker.services import clearances
from casetracker.services.session import Session

UNDECIDED = ""
DECISION_LABELS = {
    UNDECIDED: QT_TRANSLATE_NOOP("labels", "Not decided"),
    ClearanceDecision.CLEARED.value: QT_TRANSLATE_NOOP("labels", "Cleared"),
    ClearanceDecision.NOT_SUITABLE.value: QT_TRANSLATE_NOOP("labels", "Not suitable"),
}


class ClearancesBox(QGroupBox):
    """One line per employer with record restrictions, and a row to decide for one."""

    def __init__(self, session: Session, case_number: str, *, editable: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Employers with hiring restrictions"), parent)
        self.session, self.case_number = session, case_number
        hint = QLabel(self.tr("Decide whether each of these employers fits this survivor. "
                              "Coordinators see only “cleared”; for everyone else they are "
                              "told to ask you. The reason stays here."), self)
        hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Decisions for employers with hiring restrictions"))
        self.list.setMaximumHeight(90)
        self.list.currentRowChanged.connect(self._chosen)
        self.employer = QComboBox(self)
        self.employer.setAccessibleName(self.tr("Employer"))
        self.decision = QComboBox(self)
        self.decision.setAccessibleName(self.tr("Decision"))
        for value, text in DECISION_LABELS.items():
            self.decision.addItem(label(text), value)
        self.reason = QLineEdit(self)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.reason.setPlaceholderText(self.tr("Reason (kept with the sensitive details)"))
        self.save_button = QPushButton(self.tr("Record decision"), self)
        self.save_button.clicked.connect(self.save)
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.employer)
        row.addWidget(self.decision)
        row.addWidget(self.reason, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list)
        if editable:
            layout.addLayout(row)
            layout.addWidget(self.error)
        else:
            for widget in (self.employer, self.decision, self.reason, self.save_button,
                           self.error):
                widget.hide()
        self.refresh()

    def refresh(self) -> None:
        found = {c.employer_id: c for c in clearances.decisions(self.session,
                                                                self.case_number)}
        self._employers = clearances.restricted_employers(self.session)
        self.list.clear()
        self.employer.clear()
        for employer in self._employers:
            self.employer.addItem(employer.name, employer.id)
            clearance = found.get(employer.id)
            if clearance is None:
                text = f"{employer.name}: {label(DECISION_LABELS[UNDECIDED])}"
            else:
                text = (f"{employer.name}: {label(DECISION_LABELS[clearance.decision.value])}"
                        f" ({show_day(clearance.decided_on)})"
                        + (f" · {clearance.reason}" if clearance.reason else ""))
            self.list.addItem(text)
        self._found = found
        self.setVisible(bool(self._employers))

    def _chosen(self, row: int) -> None:
        if not 0 <= row < len(self._employers):
            return
        employer = self._employers[row]
        self.employer.setCurrentIndex(row)
        clearance = self._found.get(employer.id)
        value = clearance.decision.value if clearance else UNDECIDED
        self.decision.setCurrentIndex(self.decision.findData(value))
        self.reason.setText(clearance.reason if clearance else "")

    def save(self) -> None:
        employer_id = self.employer.currentData()
        if employer_id is None:
            return
        value = self.decision.currentData()
        try:
            if value == UNDECIDED:
                if employer_id in self._found:
                    clearances.withdraw(self.session, self.case_number, employer_id)
            else:
                clearances.record(self.session, self.case_number, employer_id,
                                  ClearanceDecision(value), self.reason.text())
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        self.error.clear_error()
        self.reason.clear()
        self.refresh()
