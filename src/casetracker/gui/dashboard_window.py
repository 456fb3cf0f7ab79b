"""The supervisor's dashboard: figures per case manager (click one for the cases behind it),
the placement funnel, and the reports."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtSvgWidgets import QSvgWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.reports import (
    METRIC_LABELS,
    METRICS,
    Funnel,
    ManagerFigures,
    PeriodKind,
)
from casetracker.gui.demo_banner import add_demo_banner
from casetracker.gui.labels import label
from casetracker.gui.retention_window import RetentionWindow
from casetracker.gui.theme import CHART_PAPER
from casetracker.gui.widgets import dated_name, report, save_file_name, show_day
from casetracker.services import dashboard, employers, funder_report, internships, retention
from casetracker.services.session import Session

# Figures that count items (milestones, documents...) rather than cases: their drill-down
# shows each case's share, adding up to the figure.
ITEM_METRICS = frozenset({"overdue_milestones", "documents_outstanding", "consents_expiring",
                          "tasks_overdue"})

# How many of the latest periods of each kind the outcome report offers.
PERIODS_LISTED = {PeriodKind.MONTH: 24, PeriodKind.QUARTER: 12, PeriodKind.HALF: 8,
                  PeriodKind.FISCAL_YEAR: 7}


class DashboardWindow(QDialog):
    def __init__(self, session: Session, open_case: Callable[[str], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Dashboard"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.session = session
        self._open_case = open_case
        self.figures: list[ManagerFigures] = dashboard.manager_figures(session)
        self.table = QTableWidget(len(self.figures), len(METRICS) + 1, self)
        self.table.setAccessibleName(self.tr("Figures per case manager"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Case manager"), *(label(METRIC_LABELS[m]) for m in METRICS)])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setToolTip(self.tr("Double-click a number to see the cases behind it"))
        for row, figures in enumerate(self.figures):
            self.table.setItem(row, 0, QTableWidgetItem(figures.case_manager or "—"))
            for column, metric in enumerate(METRICS, start=1):
                item = QTableWidgetItem(str(getattr(figures, metric)))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.cellDoubleClicked.connect(self.drill_down)
        self.funnel = QSvgWidget(self)
        self.funnel.setAccessibleName(self.tr("Placement funnel"))
        # The steps' names are the domain's English; the chart shows them translated.
        steps = [name for name, _count in Funnel(0, 0, 0, 0, 0, 0).steps()]
        self.funnel.load(QByteArray(dashboard.funnel_picture(
            session, {name: label(name) for name in steps})))
        self.funnel.setMinimumSize(460, 190)
        # The chart is drawn as it prints, dark ink on paper: it keeps its paper in dark themes.
        paper = self.funnel.palette()
        paper.setColor(QPalette.ColorRole.Window, QColor(CHART_PAPER))
        self.funnel.setPalette(paper)
        self.funnel.setAutoFillBackground(True)
        figures = dashboard.funnel(session)
        rates = [figures.retention_rate(days) for days in (30, 60, 90)]
        self.retention = QLabel(" · ".join(
            self.tr("retained {0} days: {1}").format(days, "—" if rate is None
                                                     else f"{rate:.0%}")
            for days, rate in zip((30, 60, 90), rates, strict=True)), self)
        due_row = self._due_for_purge_row()  # made here: Tab follows the order made
        self.caseload_button = QPushButton(self.tr("Caseload report…"), self)
        self.caseload_button.clicked.connect(self.save_caseload_report)
        # The outcome report covers one fixed period that is over, chosen from a list: two
        # reports of ranges a few days apart would tell, by subtraction, who a "<5" hides.
        self.period_kind = QComboBox(self)
        self.period_kind.setAccessibleName(self.tr("Kind of reporting period"))
        for kind, text in ((PeriodKind.MONTH, self.tr("Month")),
                           (PeriodKind.QUARTER, self.tr("Quarter")),
                           (PeriodKind.HALF, self.tr("Half year")),
                           (PeriodKind.FISCAL_YEAR, self.tr("Federal fiscal year"))):
            self.period_kind.addItem(text, kind.value)
        self.period = QComboBox(self)
        self.period.setAccessibleName(self.tr("Reporting period"))
        self.period_kind.currentIndexChanged.connect(self._list_periods)
        self.period_kind.setCurrentIndex(self.period_kind.findData(PeriodKind.QUARTER.value))
        self._list_periods()
        self.outcomes_button = QPushButton(self.tr("Outcomes report…"), self)
        self.outcomes_button.clicked.connect(self.save_outcomes_report)
        self.funder_button = QPushButton(self.tr("Funder report…"), self)
        self.funder_button.clicked.connect(self.save_funder_report)
        reports = QHBoxLayout()
        reports.addWidget(self.caseload_button)
        reports.addStretch(1)
        period_label = QLabel(self.tr("Outcomes for"), self)
        period_label.setBuddy(self.period_kind)
        # Linux names a combo box by its buddy label: the period's is not shown (the kind's
        # label reads for both on screen).
        named = QLabel(self.tr("Reporting period"), self)
        named.setBuddy(self.period)
        named.hide()
        reports.addWidget(period_label)
        reports.addWidget(self.period_kind)
        reports.addWidget(self.period)
        reports.addWidget(self.outcomes_button)
        reports.addWidget(self.funder_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        # What the funnel covers, so that its figures are not read as this period's.
        self.funnel_caption = QLabel(self.tr(
            "Placement funnel: everyone taken in since records began, open and closed cases "
            "alike, each counted at every step up to the furthest reached"), self)
        self.funnel_caption.setWordWrap(True)
        layout.addWidget(self.funnel_caption)
        layout.addWidget(self.funnel, 1)
        layout.addWidget(self.retention)
        ending = internships.ending_soon(session)
        self.internships_ending = QLabel(
            self.tr("Internships ending in the next two weeks: {0}").format(
                ", ".join(f"{case} ({show_day(i.ends_on)})" for case, i in ending)
                or self.tr("none")), self)
        self.internships_ending.setWordWrap(True)
        layout.addWidget(self.internships_ending)
        # The employers' yearly self-assessments: a reminder once a year has passed.
        due = employers.assessments_due(session)
        self.assessments_due = QLabel(
            self.tr("Employer self-assessments due: {0}").format(
                ", ".join(e.name for e, _last in due) or self.tr("none")), self)
        self.assessments_due.setWordWrap(True)
        layout.addWidget(self.assessments_due)
        layout.addLayout(due_row)
        layout.addLayout(reports)
        self.saved_note = QLabel("", self)
        self.saved_note.setAccessibleDescription(self.tr("Where the last report was saved"))
        self.saved_note.setWordWrap(True)
        layout.addWidget(self.saved_note)
        self.active_dialog: QWidget | None = None
        self.resize(1080, 680)
        self.demo_banner = add_demo_banner(self, session)

    # -- retention (issue 20): the figure "due for purge" and the window behind it ----------

    def _due_for_purge_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.due_for_purge = QLabel(self)
        self.retention_button = QPushButton(self.tr("Retention…"), self)
        self.retention_button.setToolTip(self.tr("What is due for purge under the policy"))
        self.retention_button.clicked.connect(self.open_retention)
        row.addWidget(self.due_for_purge)
        row.addStretch(1)
        row.addWidget(self.retention_button)
        self._show_due_for_purge()
        return row

    def _show_due_for_purge(self) -> None:
        self.due_for_purge.setText(self.tr("Due for purge: {0} case(s)").format(
            retention.due_count(self.session)))

    def open_retention(self) -> None:
        window = RetentionWindow(self.session, self)
        window.finished.connect(self._show_due_for_purge)
        self.active_dialog = window
        window.show()

    def drill_down(self, row: int, column: int) -> None:
        if column == 0:
            return
        manager = self.figures[row].case_manager
        metric = METRICS[column - 1]
        cases = dashboard.counts_behind(self.session, manager, metric)
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Cases behind the figure"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        listing = QListWidget(dialog)
        listing.setAccessibleName(self.tr("Cases"))
        counted = metric in ITEM_METRICS  # milestones, documents, consents or tasks
        if metric == "overdue_milestones":  # each milestone the figure counts, by name
            for case, name, milestone, due in dashboard.milestones_behind(self.session,
                                                                          manager):
                listing.addItem(self.tr("{0} · {1} · {2}, due {3}").format(
                    case, name, milestone, show_day(date.fromisoformat(due))))
        else:
            for case, name, count in cases:
                listing.addItem(f"{case} · {name}" + (f" · {count}" if counted else ""))
        listing.itemDoubleClicked.connect(
            lambda item: self._open_case(item.text().split(" · ")[0]))
        total = sum(count for _case, _name, count in cases)
        # The figure's items and the cases holding them, so both numbers can be checked.
        heading = (self.tr("{0}: {1} {2} in %n case(s)", "", len(cases)).format(
            manager or "—", total, label(METRIC_LABELS[metric]).lower()) if counted
            else f"{manager or '—'}: {label(METRIC_LABELS[metric])} · {len(cases)}")
        self.drill_heading = QLabel(heading, dialog)
        self.drill_heading.setWordWrap(True)
        close = QPushButton(self.tr("Close"), dialog)
        close.clicked.connect(dialog.close)
        self.drill_close = close
        layout = QVBoxLayout(dialog)
        layout.addWidget(self.drill_heading)
        layout.addWidget(listing)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        add_demo_banner(dialog, self.session)
        dialog.resize(420, 420)
        self.active_dialog = dialog
        self.drill_list = listing
        dialog.show()

    def _save(self, produce: Callable[[str], bytes], title: str) -> None:
        path = save_file_name(self, title, dated_name(self.tr("report")),
                              [(self.tr("PDF (*.pdf)"), "pdf"), (self.tr("CSV (*.csv)"), "csv")])
        if path:
            self.write(produce, path)

    def write(self, produce: Callable[[str], bytes], path: str) -> None:
        fmt = "csv" if path.lower().endswith(".csv") else "pdf"
        try:
            dashboard.write_report(Path(path), produce(fmt))
        except CaseTrackerError as exc:
            report(self, exc)
            return
        # Where it went, here and in the main window's status bar.
        said = self.tr("Report saved to {0}").format(path)
        self.saved_note.setText(said)
        parent = self.parentWidget()
        if isinstance(parent, QMainWindow):
            parent.statusBar().showMessage(said, 15000)

    def save_caseload_report(self) -> None:
        self._save(lambda fmt: dashboard.caseload_report(self.session, fmt),
                   self.tr("Save the caseload report"))

    def _list_periods(self) -> None:
        """The periods of the chosen kind that are over, newest first."""
        kind = PeriodKind(self.period_kind.currentData())
        self.period.clear()
        for period in dashboard.reporting_periods(kind, PERIODS_LISTED[kind]):
            self.period.addItem(f"{period.label} ({show_day(period.start)} – "
                                f"{show_day(period.end)})", period.label)

    def outcomes_producer(self) -> Callable[[str], bytes]:
        period = str(self.period.currentData())
        return lambda fmt: dashboard.outcome_report(self.session, period, fmt)

    def save_outcomes_report(self) -> None:
        self._save(self.outcomes_producer(), self.tr("Save the outcomes report"))

    def funder_producer(self) -> Callable[[str], bytes]:
        """The funder report for the period chosen for the outcomes."""
        period = str(self.period.currentData())
        return lambda fmt: funder_report.report(self.session, period, fmt)

    def save_funder_report(self) -> None:
        self._save(self.funder_producer(), self.tr("Save the funder report"))
