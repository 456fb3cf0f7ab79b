"""The retention schedule for supervisors: the written policy, what is due for purge and since
when (case numbers and dates only, no names), and the purge of all of it in one step after
typing how many cases it touches."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.retention import (
    FEWEST_FIGURES_YEARS,
    DuePart,
    Part,
    RetentionPolicy,
    cases_of,
)
from casetracker.gui.demo_banner import add_demo_banner
from casetracker.gui.widgets import (
    FormDialog,
    TypeToConfirmDialog,
    follow_layout,
    report,
    show_day,
)
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


class PolicyDialog(FormDialog):
    """The program's written retention policy, in months and years (the service checks it)."""

    def __init__(self, policy: RetentionPolicy, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Retention policy"), parent)
        self.closed = self._spin(policy.closed_months, 1, 600, self.tr(" months"))
        self.sensitive = self._spin(policy.sensitive_months, 0, 600, self.tr(" months"))
        self.scans = self._spin(policy.scans_months, 0, 600, self.tr(" months"))
        self.figures = self._spin(policy.figures_years, FEWEST_FIGURES_YEARS, 100,
                                  self.tr(" years"))
        form = QFormLayout()
        form.addRow(self.tr("&Closed records are kept"), self.closed)
        form.addRow(self.tr("&Sensitive details, after closure"), self.sensitive)
        form.addRow(self.tr("Sca&ns, after a document is recovered"), self.scans)
        form.addRow(self.tr("De-identified &figures, after their period"), self.figures)
        note = QLabel(self.tr(
            "Sensitive details are the history, record, immigration status, health and safety "
            "plan. Federal grant rules ask for figures to be kept at least 3 years after the "
            "final report."), self)
        note.setWordWrap(True)
        self.body.addLayout(form)
        self.body.addWidget(note)

    def _spin(self, value: int, low: int, high: int, suffix: str) -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def data(self) -> dict[str, int]:
        return {"closed_months": self.closed.value(), "sensitive_months": self.sensitive.value(),
                "scans_months": self.scans.value(), "figures_years": self.figures.value()}


class HoldDialog(FormDialog):
    """Placing a legal hold: the case and why (a court case, an audit)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Place a legal hold"), parent)
        self.case = QLineEdit(self)
        self.case.setPlaceholderText(self.tr("Case number"))
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("A court case, an audit…"))
        form = QFormLayout()
        form.addRow(self.tr("&Case"), self.case)
        form.addRow(self.tr("&Reason"), self.reason)
        note = QLabel(self.tr(
            "Nothing of a case under legal hold is purged, by the schedule or by hand, until "
            "the hold is lifted."), self)
        note.setWordWrap(True)
        self.body.addLayout(form)
        self.body.addWidget(note)
        self.resize(460, self.sizeHint().height())

    def data(self) -> tuple[str, str]:
        return self.case.text().strip(), self.reason.text()


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
        self.policy_button = QPushButton(self.tr("Change the &policy…"), self)
        self.policy_button.clicked.connect(self.open_policy)
        self.holds = QTableWidget(0, 4, self)
        self.holds.setAccessibleName(self.tr("Legal holds"))
        self.holds.setHorizontalHeaderLabels(
            [self.tr("Case"), self.tr("Since"), self.tr("Placed by"), self.tr("Reason")])
        self.holds.verticalHeader().hide()
        self.holds.horizontalHeader().setStretchLastSection(True)
        self.holds.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.holds.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.holds.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.holds.itemSelectionChanged.connect(self._hold_chosen)
        self.hold_button = QPushButton(self.tr("Place a &hold…"), self)
        self.hold_button.clicked.connect(self.open_hold)
        self.lift_button = QPushButton(self.tr("&Lift the hold"), self)
        self.lift_button.clicked.connect(self.lift_hold)
        close = QPushButton(self.tr("Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        policy_row = QHBoxLayout()
        policy_row.addWidget(self.policy_label, 1)
        policy_row.addWidget(self.policy_button, 0, Qt.AlignmentFlag.AlignTop)
        hold_buttons = QHBoxLayout()
        hold_buttons.addWidget(self.hold_button)
        hold_buttons.addWidget(self.lift_button)
        hold_buttons.addStretch(1)
        holds_heading = QLabel(self.tr("Legal holds: nothing of these cases is purged"), self)
        holds_heading.setBuddy(self.holds)
        layout = QVBoxLayout(self)
        layout.addLayout(policy_row)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.summary)
        layout.addWidget(self.backups)
        layout.addWidget(holds_heading)
        layout.addWidget(self.holds, 1)
        layout.addLayout(hold_buttons)
        layout.addLayout(buttons)
        self.active_dialog: FormDialog | None = None
        self.legal_holds: list[retention.LegalHold] = []
        self.due: list[DuePart] = []
        add_demo_banner(self, session)
        self.resize(680, 600)
        follow_layout(self)  # Tab in the order the window reads, top to bottom
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
        self.legal_holds = retention.legal_holds(self.session)
        self.holds.setRowCount(len(self.legal_holds))
        for row, hold in enumerate(self.legal_holds):
            for column, text in enumerate((hold.case_number, show_day(hold.placed_on),
                                           hold.placed_by, hold.reason)):
                self.holds.setItem(row, column, QTableWidgetItem(text))
        self.holds.resizeColumnsToContents()
        self._hold_chosen()
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

    def open_policy(self) -> None:
        dialog = PolicyDialog(retention.policy(self.session), self)
        dialog.submit = self._save_policy
        self.active_dialog = dialog
        dialog.open()

    def _save_policy(self, changes: dict[str, int]) -> None:
        retention.set_policy(self.session, **changes)
        self.refresh()

    def open_hold(self) -> None:
        dialog = HoldDialog(self)
        dialog.submit = self._place_hold
        self.active_dialog = dialog
        dialog.open()

    def _place_hold(self, chosen: tuple[str, str]) -> None:
        retention.hold(self.session, *chosen)
        self.refresh()

    def _hold_chosen(self) -> None:
        self.lift_button.setEnabled(0 <= self.holds.currentRow() < len(self.legal_holds)
                                    and bool(self.holds.selectedItems()))

    def lift_hold(self) -> None:
        row = self.holds.currentRow()
        if not 0 <= row < len(self.legal_holds):
            return
        try:
            retention.release(self.session, self.legal_holds[row].case_number)
        except CaseTrackerError as exc:
            report(self, exc)
        self.refresh()
