"""A survivor's record: who, how to reach them safely, and a tab for each part of the case."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont, QUndoStack
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from casetracker.domain.accounts import Role
from casetracker.gui.i18n import safe_contact_summary
from casetracker.gui.record.consent_tab import ConsentTab
from casetracker.gui.record.documents_tab import DocumentsTab
from casetracker.gui.record.goals_tab import GoalsTab
from casetracker.gui.record.notes_tab import NotesTab, TasksTab
from casetracker.gui.record.placement_tab import PlacementTab
from casetracker.gui.record.profile_tab import EmploymentTab, ProfileTab
from casetracker.gui.record.reviews_tab import ReviewsTab
from casetracker.gui.record.sensitive_tab import BarriersTab, SensitiveTab
from casetracker.gui.safety import ClipboardGuard
from casetracker.services import survivors
from casetracker.services.session import Session


class RecordView(QWidget):
    """Opening it is a view of the record (audited by the services it calls)."""

    changed = Signal()

    def __init__(self, session: Session, case_number: str, *, clipboard: ClipboardGuard,
                 undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.heading = QLabel(self)
        font = QFont(self.heading.font())
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        self.safe_contact = QLabel(self)
        self.safe_contact.setWordWrap(True)
        self.safe_contact.setAccessibleName(self.tr("Safe-contact rules"))
        self.safe_contact.setStyleSheet(
            "background: #e8f1fb; color: #0b2e4f; padding: 6px; border-radius: 4px;")
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Record"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
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
            self.placement = PlacementTab(session, coordinator_view,
                                          editable=profile.status == "active", undo=undo,
                                          parent=self)
            self.tabs.addTab(self.placement, self.tr("Placement"))
            self.consent = ConsentTab(session, coordinator_view, editable=False, undo=undo,
                                      parent=self)
            self.tabs.addTab(self.consent, self.tr("Consent"))
            return

        survivor = survivors.get_survivor(session, case_number)
        self.survivor = survivor
        editable = survivors.can_edit(session, survivor)
        self.heading.setText(f"{survivor.preferred_name} · {survivor.case_number}"
                             + ("" if survivor.status.value == "active"
                                else " · " + self.tr("closed")))
        self.safe_contact.setText(self.tr("Safe contact: {0}").format(
            safe_contact_summary(survivor.safe_contact)))
        common = {"editable": editable, "undo": undo, "parent": self}
        self.profile = ProfileTab(session, survivor, clipboard=clipboard, **common)
        self.profile.changed.connect(self.changed)
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
        # Sensitive details load only when their tab is opened: each opening is audited.
        self.sensitive: SensitiveTab | None = None
        self._sensitive_args = (session, survivor, common)
        self.sensitive_index = self.tabs.addTab(QWidget(self), self.tr("Sensitive"))
        self.tabs.currentChanged.connect(self._tab_opened)

    def _tab_opened(self, index: int) -> None:
        if index == self.sensitive_index and self.sensitive is None:
            session, survivor, common = self._sensitive_args
            self.sensitive = SensitiveTab(session, survivor, **common)  # type: ignore[arg-type]
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, self.sensitive, self.tr("Sensitive"))
            self.tabs.setCurrentIndex(index)
            placeholder.deleteLater()

    def tab_titles(self) -> list[str]:
        return [self.tabs.tabText(i) for i in range(self.tabs.count())]
