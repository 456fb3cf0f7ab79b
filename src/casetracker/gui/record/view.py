"""A survivor's record: who, how to reach them safely, and a tab for each part of the case."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProxyStyle,
    QPushButton,
    QStyle,
    QStyleOption,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.accounts import Role
from casetracker.domain.errors import CaseTrackerError
from casetracker.domain.survivors import CaseStatus
from casetracker.gui.dialogs.purge_dialog import PurgeDialog
from casetracker.gui.labels import safe_contact_summary
from casetracker.gui.record.base import RecordTab
from casetracker.gui.record.consent_tab import ConsentTab
from casetracker.gui.record.documents_tab import DocumentsTab
from casetracker.gui.record.goals_tab import GoalsTab
from casetracker.gui.record.notes_tab import NotesTab, TasksTab
from casetracker.gui.record.placement_tab import PlacementTab
from casetracker.gui.record.profile_tab import EmploymentTab, ProfileTab
from casetracker.gui.record.reviews_tab import ReviewsTab
from casetracker.gui.record.sensitive_tab import BarriersTab, SensitiveTab
from casetracker.gui.safety import ClipboardGuard
from casetracker.gui.theme import Chip, ToneLabel
from casetracker.gui.widgets import report
from casetracker.services import retention, survivors
from casetracker.services.session import Session


class CompactTabs(QProxyStyle):
    """The application's style with less padding in tabs: a record's ten tabs then fit
    beside the caseload in a 1280-pixel window instead of hiding behind scroll arrows."""

    def pixelMetric(self, metric: QStyle.PixelMetric, option: QStyleOption | None = None,  # noqa: N802
                    widget: QWidget | None = None) -> int:
        size = super().pixelMetric(metric, option, widget)
        return min(size, 10) if metric is QStyle.PixelMetric.PM_TabBarTabHSpace else size


class RecordView(QWidget):
    """Opening it is a view of the record (audited by the services it calls); each tab is a
    view of its part, audited when the tab is first opened (`RecordTab.open_tab`)."""

    changed = Signal()  # the record changed: its caseload row is out of date
    purged = Signal(str)
    status_changed = Signal(str)

    def __init__(self, session: Session, case_number: str, *, clipboard: ClipboardGuard,
                 undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.safe_contact = ToneLabel("", self, chip=Chip.INFO,
                                      extra="padding: 6px; border-radius: 4px;")
        self.safe_contact.setWordWrap(True)
        self.safe_contact.setAccessibleDescription(self.tr("Safe-contact rules"))
        # The buttons beside the heading come before the tabs, so Tab meets them first.
        self.active_dialog: PurgeDialog | None = None
        self.status_button = QPushButton(self)
        self.status_button.clicked.connect(self.toggle_status)
        self.status_button.hide()
        self.purge_button = QPushButton(self.tr("Purge case…"), self)
        self.purge_button.setToolTip(self.tr("Remove this closed case for good"))
        self.purge_button.clicked.connect(self.open_purge)
        self.purge_button.hide()
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Record"))
        self._swapping = False
        self._tab_style = CompactTabs()
        self._tab_style.setParent(self)
        self.tabs.tabBar().setStyle(self._tab_style)
        # Every tab in sight: the record asks the window for the room its tabs need.
        self.tabs.setUsesScrollButtons(False)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.status_button)
        top.addWidget(self.purge_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.safe_contact)
        layout.addWidget(self.tabs, 1)

        if session.account.role is Role.COORDINATOR:
            profile = survivors.get_employment_profile(session, case_number)
            self.heading.setText(f"{profile.preferred_name} · {profile.case_number}")
            self.safe_contact.hide()
            self.employment = EmploymentTab(profile, self)
            self.tabs.addTab(self.employment, self.tr("Employment profile"))
            # Coordinators place people: the pipeline is theirs to move along.
            coordinator_view = survivors.employment_view(session, case_number)
            self.survivor_id = coordinator_view.id
            self.placement = PlacementTab(session, coordinator_view,
                                          editable=profile.status == "active", undo=undo,
                                          parent=self)
            self.tabs.addTab(self.placement, self.tr("Placement"))
            self.placement.changed.connect(self.changed)
            self.consent = ConsentTab(session, coordinator_view, editable=False, undo=undo,
                                      parent=self)
            self.tabs.addTab(self.consent, self.tr("Consent"))
            self.tabs.currentChanged.connect(self._tab_opened)
            self._tab_opened(self.tabs.currentIndex())
            return

        survivor = survivors.get_survivor(session, case_number)
        self.survivor = survivor
        self.survivor_id = survivor.id
        editable = survivors.can_edit(session, survivor)
        self.heading.setText(f"{survivor.preferred_name} · {survivor.case_number}"
                             + ("" if survivor.status.value == "active"
                                else " · " + self.tr("closed")))
        self.safe_contact.setText(self.tr("Safe contact: {0}").format(
            safe_contact_summary(survivor.safe_contact)))
        # The case manager closes (and may reopen) their own case.
        closed = survivor.status is CaseStatus.CLOSED
        self.status_button.setText(self.tr("Reopen case") if closed else self.tr("Close case"))
        self.status_button.setVisible(survivors.can_close(session, survivor))
        # Retention is a supervisor's decision, and only once the case manager has closed it.
        self.purge_button.setVisible(session.account.role is Role.SUPERVISOR
                                     and survivor.status is CaseStatus.CLOSED)
        common = {"editable": editable, "undo": undo, "parent": self}
        self.profile = ProfileTab(session, survivor, clipboard=clipboard, **common)
        self.barriers = BarriersTab(session, survivor, **common)
        self.goals = GoalsTab(session, survivor, **common)
        self.documents = DocumentsTab(session, survivor, **common)
        self.notes = NotesTab(session, survivor, **common)
        self.tasks = TasksTab(session, survivor, **common)
        self.placement = PlacementTab(session, survivor, **common)
        self.consent = ConsentTab(session, survivor, **common)
        self.reviews = ReviewsTab(session, survivor, **common)
        self.tabs.addTab(self.profile, self.tr("Profile"))
        self.tabs.addTab(self.barriers, self.tr("Barriers"))
        self.tabs.addTab(self.goals, self.tr("Goals and plans"))
        self.tabs.addTab(self.documents, self.tr("Documents"))
        self.tabs.addTab(self.notes, self.tr("Notes"))
        self.tabs.addTab(self.tasks, self.tr("Tasks"))
        self.tabs.addTab(self.placement, self.tr("Placement"))
        self.tabs.addTab(self.consent, self.tr("Consent"))
        self.tabs.addTab(self.reviews, self.tr("Reviews"))
        for tab in (self.profile, self.barriers, self.goals, self.documents, self.notes,
                    self.tasks, self.placement, self.consent, self.reviews):
            tab.changed.connect(self.changed)
        # A review's actions become the case manager's tasks: the Tasks tab shows them.
        self.reviews.changed.connect(self.tasks.refresh)
        # Sensitive details load only when their tab is opened: each opening is audited.
        self.sensitive: SensitiveTab | None = None
        self._sensitive_args = (session, survivor, common)
        self.sensitive_index = self.tabs.addTab(QWidget(self), self.tr("Sensitive"))
        self.tabs.currentChanged.connect(self._tab_opened)
        self._tab_opened(self.tabs.currentIndex())

    def toggle_status(self) -> None:
        """Close an active case or reopen a closed one, then show the record afresh."""
        status = (CaseStatus.ACTIVE if self.survivor.status is CaseStatus.CLOSED
                  else CaseStatus.CLOSED)
        try:
            survivors.set_status(self.session, self.survivor.case_number, status)
        except CaseTrackerError as exc:
            report(self, exc)
            return
        self.status_changed.emit(self.survivor.case_number)

    def open_purge(self) -> None:
        dialog = PurgeDialog(self.survivor.case_number, self)
        dialog.submit = self._purge
        self.active_dialog = dialog
        dialog.open()

    def _purge(self, confirmation: str) -> None:
        report = retention.purge_case(self.session, self.survivor.case_number, confirmation)
        self.purged.emit(report.case_number)

    def _tab_opened(self, index: int) -> None:
        """Each tab reads (and audits) its part of the record when it is first opened."""
        if self._swapping:
            return  # the Sensitive tab replacing its placeholder: no other tab was opened
        if index == getattr(self, "sensitive_index", None) and self.sensitive is None:
            self._swapping = True
            try:
                session, survivor, common = self._sensitive_args
                self.sensitive = SensitiveTab(session, survivor, **common)  # type: ignore[arg-type]
                self.sensitive.changed.connect(self.changed)
                placeholder = self.tabs.widget(index)
                self.tabs.removeTab(index)
                self.tabs.insertTab(index, self.sensitive, self.tr("Sensitive"))
                self.tabs.setCurrentIndex(index)
            finally:
                self._swapping = False
            placeholder.deleteLater()
        tab = self.tabs.widget(index)
        if isinstance(tab, RecordTab):
            tab.open_tab()

    # The tabs a record keeps open from one survivor to the next (never Sensitive: opening it
    # is an audited view that nobody asked for on the next survivor).
    PARTS = ("employment", "profile", "barriers", "goals", "documents", "notes", "tasks",
             "placement", "consent", "reviews")

    def current_part(self) -> str | None:
        """The open tab's name (`PARTS`), to open the same tab on the next survivor."""
        widget = self.tabs.currentWidget()
        return next((name for name in self.PARTS if getattr(self, name, None) is widget), None)

    def show_part(self, name: str | None) -> None:
        widget = getattr(self, name, None) if name in self.PARTS else None
        if isinstance(widget, QWidget) and self.tabs.indexOf(widget) >= 0:
            self.tabs.setCurrentWidget(widget)

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]
