"""Likely duplicates on screen: the panel the new-survivor dialog shows before saving, and the
supervisor's dialog that merges two records of one person.

What another caseload holds is never shown: the panel says one sentence for it, whatever
matched (`services/duplicates.py` decides it from the names alone).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import CaseTrackerError, UsageError
from casetracker.domain.survivors import Survivor
from casetracker.gui.theme import ErrorLabel
from casetracker.gui.widgets import FormDialog
from casetracker.services import duplicates, survivors
from casetracker.services.duplicates import DuplicateCheck
from casetracker.services.session import Session

SHOWN = ("preferred_name", "legal_first_name", "legal_last_name", "date_of_birth", "phone",
         "email", "assigned_to")
# Which shown field each kind of agreement is about (a name agrees across the name fields).
_MATCHED = {"name": ("preferred_name", "legal_first_name", "legal_last_name"),
            "date_of_birth": ("date_of_birth",), "phone": ("phone",)}


class SideBySide(QTableWidget):
    """Records in columns, one field a row; the fields that agree in bold."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setAccessibleName(self.tr("Records side by side"))
        self.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def field_names(self) -> dict[str, str]:
        return {"preferred_name": self.tr("Preferred name"),
                "legal_first_name": self.tr("Legal first name"),
                "legal_last_name": self.tr("Legal last name"),
                "date_of_birth": self.tr("Date of birth"), "phone": self.tr("Phone"),
                "email": self.tr("Email"), "assigned_to": self.tr("Case manager")}

    def show_records(self, columns: list[tuple[str, Survivor]],
                     matched: tuple[str, ...] = ()) -> None:
        names = self.field_names()
        bold = {field for kind in matched for field in _MATCHED.get(kind, ())}
        self.setRowCount(len(SHOWN))
        self.setColumnCount(len(columns))
        self.setHorizontalHeaderLabels([title for title, _ in columns])
        self.setVerticalHeaderLabels([names[f] for f in SHOWN])
        for col, (_, survivor) in enumerate(columns):
            for row, field in enumerate(SHOWN):
                value = getattr(survivor, field)
                item = QTableWidgetItem("" if value is None else str(value))
                if field in bold:
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
                self.setItem(row, col, item)


class DuplicatesPanel(QGroupBox):
    """What a check found before saving: each likely duplicate in the case manager's own
    caseload beside the new record, with a button to open it; one sentence for another
    caseload; and a button to save a new record anyway."""

    open_requested = Signal(str)
    save_anyway = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Possible duplicates"), parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.elsewhere = QLabel(self.tr("A possible duplicate is in another caseload — ask "
                                        "your supervisor."), self)
        self.elsewhere.setWordWrap(True)
        self.table = SideBySide(self)
        self.open_buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("Save as a &new person"), self)
        self.save_button.setToolTip(self.tr("This is someone else: save the new record"))
        self.save_button.clicked.connect(self.save_anyway)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(self.open_buttons)
        layout.addWidget(self.elsewhere)
        layout.addWidget(self.save_button)
        self.buttons: list[QPushButton] = []
        self.hide()

    def show_check(self, new: Survivor, check: DuplicateCheck) -> None:
        for button in self.buttons:
            self.open_buttons.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        matches = check.matches[:3]  # the likeliest; the rest would not fit
        self.summary.setVisible(bool(matches))
        self.table.setVisible(bool(matches))
        if matches:
            self.summary.setText(self.tr(
                "This may be someone already in your caseload. Open their record, or save "
                "a new one if this is someone else."))
            self.table.show_records(
                [(self.tr("New record"), new)] + [
                    (self.tr("{0} ({1}% alike)").format(m.survivor.case_number,
                                                        m.likeness.score), m.survivor)
                    for m in matches],
                tuple({f for m in matches for f in m.likeness.fields}))
        for number, match in enumerate(matches, start=1):
            case = match.survivor.case_number
            button = QPushButton(self.tr("Open &{0}: {1}").format(number, case), self)
            button.clicked.connect(lambda _=False, c=case: self.open_requested.emit(c))
            self.open_buttons.addWidget(button)
            self.buttons.append(button)
        self.elsewhere.setVisible(check.elsewhere)
        self.show()


class MergeDialog(FormDialog):
    """A supervisor merges two records of one person. `data()` is (kept case, case that goes,
    the confirmation typed); the caller merges through the service."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Merge duplicate records"), parent)
        self.session = session
        form = QFormLayout()
        self.keep = QLineEdit(self)
        self.keep.setAccessibleName(self.tr("Case to keep"))
        self.other = QLineEdit(self)
        self.other.setAccessibleName(self.tr("Case merged into it, which goes"))
        self.find_button = QPushButton(self.tr("&Find likely duplicates"), self)
        self.find_button.clicked.connect(self.find)
        self.compare_button = QPushButton(self.tr("Co&mpare"), self)
        self.compare_button.clicked.connect(self.compare)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep, 1)
        keep_row.addWidget(self.find_button)
        other_row = QHBoxLayout()
        other_row.addWidget(self.other, 1)
        other_row.addWidget(self.compare_button)
        form.addRow(self.tr("&Keep case:"), keep_row)
        form.addRow(self.tr("Merge &into it:"), other_row)
        self.found = QLabel(self)
        self.found.setWordWrap(True)
        self.table = SideBySide(self)
        self.note = ErrorLabel(self)
        self.confirm = QLineEdit(self)
        self.confirm.setAccessibleName(self.tr("The case number of the record that goes, "
                                               "again"))
        explain = QLabel(self.tr(
            "Everything recorded about the second case (goals, documents, notes, tasks, "
            "consents, placements, services, internships, reviews) moves to the first; blank "
            "fields of the first are filled from the second; the second record is removed. "
            "This cannot be undone, and it is audited."), self)
        explain.setWordWrap(True)
        confirm_form = QFormLayout()
        confirm_form.addRow(self.tr("&Type the case number that goes:"), self.confirm)
        self.body.addLayout(form)
        self.body.addWidget(self.found)
        self.body.addWidget(self.table)
        self.body.addWidget(self.note)
        self.body.addWidget(explain)
        self.body.addLayout(confirm_form)
        for label in self.findChildren(QLabel):
            buddy = {self.tr("&Keep case:"): self.keep, self.tr("Merge &into it:"): self.other,
                     self.tr("&Type the case number that goes:"): self.confirm}.get(label.text())
            if buddy is not None:
                label.setBuddy(buddy)
        self.table.hide()
        self.resize(620, 560)

    def find(self) -> None:
        """List the likely duplicates of the case to keep, in every caseload."""
        self.note.clear_error()
        try:
            matches = duplicates.duplicates_of(self.session, self.keep.text().strip())
        except CaseTrackerError as exc:
            self.note.show_error(exc)
            return
        if not matches:
            self.found.setText(self.tr("No likely duplicates of this case."))
            return
        self.found.setText(self.tr("Likely duplicates: {0}").format(", ".join(
            f"{m.survivor.case_number} ({m.likeness.score}%)" for m in matches)))
        if not self.other.text().strip():
            self.other.setText(matches[0].survivor.case_number)

    def compare(self) -> None:
        """Both records side by side (each opening is audited as a view)."""
        self.note.clear_error()
        try:
            kept = survivors.get_survivor(self.session, self.keep.text().strip())
            other = survivors.get_survivor(self.session, self.other.text().strip())
        except CaseTrackerError as exc:
            self.note.show_error(exc)
            return
        self.table.show_records([(self.tr("Keep: {0}").format(kept.case_number), kept),
                                 (self.tr("Goes: {0}").format(other.case_number), other)])
        self.table.show()

    def data(self) -> tuple[str, str, str]:
        keep, other = self.keep.text().strip(), self.other.text().strip()
        if not keep or not other:
            raise UsageError("give the case to keep and the case merged into it")
        return keep, other, self.confirm.text().strip()
