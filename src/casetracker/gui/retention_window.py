"""The retention schedule for supervisors: the written policy, what is due for purge and since
when (case numbers and dates only, no names), and the purge of all of it in one step after
typing how many cases it touches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.retention import DuePart, Part, cases_of
from casetracker.gui.demo_banner import add_demo_banner
from casetracker.gui.widgets import TypeToConfirmDialog, show_day
from casetracker.services import copies, retention
from casetracker.services.session import Session


class ConfirmDuePurgeDialog(TypeToConfirmDialog):
    """OK stays disabled until the number of cases is typed; `data()` is that number (the
    service checks it again against what is due then)."""

    def __init__(self, cases: int, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, title=self.tr("Purge what is due"), warning=self.tr(
                "This purges {0} case(s) for good: whole records whose time has come, and only "
                "the sensitive details or scans of the others. It cannot be undone, and backups "
                "made earlier still hold what it removes. Past report figures are kept as "
                "de-identified counts.").format(cases),
            prompt=self.tr("Type the number of cases to confirm:"),
            typed_name=self.tr("Number of cases to confirm"), expected=str(cases),
            action=self.tr("Purge for good"))
        self.cases = cases

    def data(self) -> int:  # type: ignore[override]
        return int(self.typed.text().strip())


class RetentionWindow(QDialog):
    """What is due for purge under the policy, and the one-step purge (supervisors)."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retention"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self.part_names = {Part.RECORD: self.tr("Whole record"),
                           Part.SENSITIVE: self.tr("Sensitive details"),
                           Part.SCANS: self.tr("Scans of recovered documents")}
        self.policy_label = QLabel(self)
        self.policy_label.setWordWrap(True)
        self.table = QTableWidget(0, 4, self)
        self.table.setAccessibleName(self.tr("Due for purge"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Part"), self.tr("Due since"), self.tr("Items")])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.backups = QLabel(self)
        self.backups.setWordWrap(True)
        self.purge_button = QPushButton(self.tr("Purge all due…"), self)
        self.purge_button.clicked.connect(self.open_purge)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.policy_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.backups)
        layout.addLayout(buttons)
        self.active_dialog: ConfirmDuePurgeDialog | None = None
        self.due: list[DuePart] = []
        add_demo_banner(self, session)
        self.resize(640, 460)
        self.refresh()

    def refresh(self) -> None:
        policy = retention.policy(self.session)
        self.policy_label.setText(self.tr(
            "Policy: closed records kept {0} months; sensitive details {1} months after "
            "closure; scans {2} months after a document is recovered; de-identified figures "
            "{3} years.").format(policy.closed_months, policy.sensitive_months,
                                 policy.scans_months, policy.figures_years))
        self.due = retention.due(self.session)
        self.table.setRowCount(len(self.due))
        for row, part in enumerate(self.due):
            for column, text in enumerate((part.case_number, self.part_names[part.part],
                                           show_day(part.since), str(part.items))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        count = len(cases_of(self.due))
        self.purge_button.setEnabled(count > 0)
        self.summary.setText(self.tr("{0} case(s) due for purge.").format(count) if count
                             else self.tr("Nothing is due for purge."))
        old = [b for b in copies.known_backups(self.session) if b.past_policy and b.found]
        self.backups.setVisible(bool(old))
        self.backups.setText(self.tr(
            "{0} backup(s) made before a purge still hold what it removed; make a new "
            "backup, then prune the old ones ('casetracker backup --prune').").format(len(old)))

    def open_purge(self) -> None:
        dialog = ConfirmDuePurgeDialog(len(cases_of(self.due)), self)
        dialog.submit = self._purge
        self.active_dialog = dialog
        dialog.open()

    def _purge(self, confirmed: int) -> None:
        report = retention.purge_due(self.session, confirmed)
        self.refresh()
        self.summary.setText(self.tr("Purged {0} case(s) ({1} whole). {2}").format(
            len(cases_of(report.parts)), sum(1 for p in report.parts if p.part is Part.RECORD),
            self.summary.text()))
