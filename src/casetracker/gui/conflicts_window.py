"""The conflicts waiting for this account (a case manager's own cases, a supervisor's all):
one row per value, the one every laptop shows meanwhile first, each with a Keep button.

Keeping a value settles the conflict with one change that has seen every value waiting; it
travels with the next sync and closes the conflict on every laptop.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.widgets import report
from casetracker.services import conflicts
from casetracker.services.session import Session


class ConflictsWindow(QDialog):
    settled = Signal()

    COL_CASE, COL_WHAT, COL_VALUE, COL_NOW, COL_BY, COL_WHEN, COL_KEEP = range(7)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Conflicts"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.intro = QLabel(self.tr(
            "Two people changed the same thing on different laptops without seeing each "
            "other's change. Every laptop shows the later value meanwhile. Keep the right "
            "one: your choice reaches the other laptops with the next sync."), self)
        self.intro.setWordWrap(True)
        self.empty = QLabel(self.tr("No conflicts wait for you."), self)
        self.table = QTableWidget(0, 7, self)
        self.table.setAccessibleName(self.tr("Conflicts"))
        self.table.setHorizontalHeaderLabels([
            self.tr("Case"), self.tr("What"), self.tr("Value"), self.tr("Shown now"),
            self.tr("Written by"), self.tr("When"), ""])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(self.COL_VALUE, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.keep_buttons: dict[tuple[str, str], QPushButton] = {}
        self.resize(980, 420)
        self.reload()

    def reload(self) -> None:
        self.table.setRowCount(0)
        self.keep_buttons.clear()
        found = conflicts.waiting(self.session)
        laptops = conflicts.laptop_names(self.session)
        self.empty.setVisible(not found)
        self.table.setVisible(bool(found))
        for view in found:
            for value in view.values:
                row = self.table.rowCount()
                self.table.insertRow(row)
                when = "" if value.written_at is None else value.written_at.astimezone().strftime(
                    "%Y-%m-%d %H:%M")
                by = value.written_by or self.tr("unknown")
                cells = [view.case_number or "", view.what, self._text(value.value, value.shown),
                         self.tr("yes") if value.current else "",
                         self.tr("{0} on {1}").format(by, laptops.get(value.laptop,
                                                                      value.laptop[:8])),
                         when]
                for column, text in enumerate(cells):
                    self.table.setItem(row, column, QTableWidgetItem(text))
                button = QPushButton(self.tr("Keep"), self.table)
                button.setAccessibleName(self.tr("Keep this value"))
                button.clicked.connect(
                    lambda _checked=False, c=view.conflict_id, v=value.value_id: self.keep(c, v))
                self.table.setCellWidget(row, self.COL_KEEP, button)
                self.keep_buttons[(view.conflict_id, value.value_id)] = button

    def _text(self, value: Any, shown: bool) -> str:
        if not shown:
            return self.tr("(not shown to your role)")
        if value is None or value == "":
            return self.tr("(empty)")
        if isinstance(value, bytes):
            return self.tr("(a file of {0} bytes)").format(len(value))
        return " ".join(str(value).split())

    def keep(self, conflict_id: str, value_id: str) -> None:
        try:
            conflicts.resolve(self.session, conflict_id, keep=value_id)
        except CaseTrackerError as exc:
            report(self, exc)
        self.reload()
        self.settled.emit()
