"""The audit log viewer: filter, verify the chain, export the view; and the export log."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.audit import AuditEntry, subject_case
from casetracker.gui.audit_words import entry_cells, trail_words
from casetracker.gui.demo_banner import add_demo_banner
from casetracker.gui.labels import export_field_words, export_kind_words, export_recipient_words
from casetracker.gui.progress import ServiceProgress
from casetracker.gui.theme import Tone, ToneLabel
from casetracker.gui.widgets import DateField, dated_name, save_file_name
from casetracker.services import audit
from casetracker.services.session import Session


class AuditWindow(QDialog):
    COLUMNS = ("#", QT_TRANSLATE_NOOP("AuditWindow", "When"),
               QT_TRANSLATE_NOOP("AuditWindow", "Who"),
               QT_TRANSLATE_NOOP("AuditWindow", "What"),
               QT_TRANSLATE_NOOP("AuditWindow", "Case"),
               QT_TRANSLATE_NOOP("AuditWindow", "Concerns"),
               QT_TRANSLATE_NOOP("AuditWindow", "Details"),
               QT_TRANSLATE_NOOP("AuditWindow", "Action"))
    export_progressed = Signal(int)  # rows written so far, while exporting the view

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit log"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.progress_dialog: ServiceProgress | None = None
        self.actor = QLineEdit(self)
        self.actor.setAccessibleName(self.tr("User"))
        self.actor.setPlaceholderText(self.tr("User"))
        self.subject = QLineEdit(self)
        self.subject.setAccessibleName(self.tr("Case"))
        self.subject.setPlaceholderText(self.tr("Case number"))
        self.action = QLineEdit(self)
        self.action.setAccessibleName(self.tr("Action starts with"))
        self.action.setPlaceholderText(self.tr("Action starts with, e.g. export"))
        self.since = DateField(None, optional=True, label=self.tr("From"), parent=self)
        self.until = DateField(None, optional=True, label=self.tr("To"), parent=self)
        self.filter_button = QPushButton(self.tr("Show"), self)
        self.filter_button.clicked.connect(self.refresh)
        self.verify_button = QPushButton(self.tr("Verify chain"), self)
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(self.tr("Export view…"), self)
        self.export_button.clicked.connect(self.choose_export)
        self.result = ToneLabel("", self)
        self.result.setWordWrap(True)
        self.result.setAccessibleDescription(self.tr("Verification result"))
        self.table = QTableWidget(0, len(self.COLUMNS), self)
        self.table.setAccessibleName(self.tr("Audit entries"))
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(
            self.DETAILS, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((50, 150, 90, 190, 90, 150, 0, 150)):
            if width:
                self.table.setColumnWidth(column, width)
        self.exports = QTableWidget(0, 8, self)
        self.exports.setAccessibleName(self.tr("Exports and letters"))
        self.exports.setHorizontalHeaderLabels([
            self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Case"),
            self.tr("Recipient"), self.tr("Position"), self.tr("Fields"),
            self.tr("File hash (SHA-256)")])
        self.exports.verticalHeader().hide()
        self.exports.horizontalHeader().setStretchLastSection(True)
        self.exports.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        filters = QFormLayout()
        row = QHBoxLayout()
        for widget in (self.actor, self.subject, self.action):
            row.addWidget(widget)
        filters.addRow(self.tr("User, case, action"), row)
        dates = QHBoxLayout()
        dates.addWidget(self.since)
        dates.addWidget(self.until)
        dates.addWidget(self.filter_button)
        filters.addRow(self.tr("From, to"), dates)
        buttons = QHBoxLayout()
        buttons.addWidget(self.verify_button)
        buttons.addWidget(self.export_button)
        buttons.addStretch(1)
        log_page = QWidget(self)
        log_layout = QVBoxLayout(log_page)
        log_layout.addLayout(filters)
        log_layout.addLayout(buttons)
        log_layout.addWidget(self.result)
        log_layout.addWidget(self.table, 1)
        tabs = QTabWidget(self)
        tabs.setAccessibleName(self.tr("Audit"))
        tabs.addTab(log_page, self.tr("Audit trail"))
        tabs.addTab(self.exports, self.tr("Exports and letters"))
        QVBoxLayout(self).addWidget(tabs)
        self.entries: list[AuditEntry] = []
        self.resize(1100, 700)
        self.demo_banner = add_demo_banner(self, session)
        self.refresh()
        self._load_exports()

    def refresh(self) -> None:
        self.entries = audit.search(
            self.session, actor=self.actor.text().strip() or None,
            subject=self.subject.text().strip() or None,
            action=self.action.text().strip() or None, since=self.since.value(),
            until=self.until.value(), limit=5000)
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(reversed(self.entries)):
            for column, text in enumerate(self._cells(entry)):
                self.table.setItem(row, column, QTableWidgetItem(text))

    DETAILS = 6  # the column that takes the room left

    @staticmethod
    def _cells(entry: AuditEntry) -> list[str]:
        # Words for people, in the interface language; the action's short name last, for
        # searching ("Action starts with").
        what, concerned, details = entry_cells(entry)
        return [str(entry.seq), entry.at[:19].replace("T", " "), entry.actor or "—",
                what, subject_case(entry), concerned, details, entry.action]

    def verify(self) -> None:
        report = audit.verify_trail(self.session)
        self.result.setText(trail_words(report.summary()))
        self.result.set_tone(Tone.SUCCESS if report.ok else Tone.ERROR)

    def choose_export(self) -> None:
        path = save_file_name(self, self.tr("Export the view"), dated_name(self.tr("audit-log")),
                              [(self.tr("CSV (*.csv)"), "csv")])
        if path:
            self.export_to(path)

    def export_to(self, path: str) -> None:
        # The audit trail names cases, not people; the file is what a supervisor asked for.
        headings = [self.table.horizontalHeaderItem(c).text() for c in range(len(self.COLUMNS))]
        rows = [headings, *(self._cells(e) for e in self.entries)]
        # A view can hold 100,000 entries: the dialog appears if writing takes a while.
        self.progress_dialog = ServiceProgress(self.tr("Exporting the audit view…"), self)
        self.progress_dialog.progressed.connect(self.export_progressed)
        try:
            audit.write_view(Path(path), rows, self.progress_dialog)
        except audit.ExportCancelledError:
            pass  # the person cancelled; nothing was written
        finally:
            self.progress_dialog.close()

    def _load_exports(self) -> None:
        lines = audit.export_lines(self.session)
        self.exports.setRowCount(len(lines))
        for row, line in enumerate(lines):
            # In the interface's words: the kind, "the person" for the survivor's own plan,
            # and each field by its name rather than its id.
            for column, text in enumerate([
                    line.at[:19].replace("T", " "), line.actor,
                    export_kind_words(line.kind, line.what), line.case_number,
                    export_recipient_words(line.kind, line.recipient), line.position,
                    ", ".join(export_field_words(line.kind, f) for f in line.fields),
                    line.sha256]):
                self.exports.setItem(row, column, QTableWidgetItem(text))
