"""The main window: the caseload on the left, the open record on the right.

Its title names the program and the account, never a survivor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.accounts import Role
from casetracker.domain.survivors import CaseStatus, Survivor
from casetracker.gui.audit_window import AuditWindow
from casetracker.gui.caseload_model import CaseloadModel
from casetracker.gui.dashboard_window import DashboardWindow
from casetracker.gui.dialogs.duplicates import MergeDialog
from casetracker.gui.dialogs.import_wizard import ImportWizard
from casetracker.gui.dialogs.survivor_dialog import SurvivorDialog
from casetracker.gui.dialogs.template_dialog import TemplateDialog
from casetracker.gui.dialogs.workshop_dialog import (
    RecordedWorkshop,
    SessionInput,
    WorkshopDialog,
)
from casetracker.gui.employers_window import EmployersWindow
from casetracker.gui.labels import label, letterhead_words
from casetracker.gui.record.view import RecordView
from casetracker.gui.safety import ClipboardGuard
from casetracker.gui.search_runner import SearchRunner
from casetracker.gui.theme import Chip, chip_style
from casetracker.gui.widgets import label_combo_boxes
from casetracker.services import (
    consent,
    duplicates,
    importer,
    search,
    sharing_support,
    survivors,
)
from casetracker.services.session import Session

ROLE_LABELS = {
    Role.CASE_MANAGER: QT_TRANSLATE_NOOP("labels", "case manager"),
    Role.COORDINATOR: QT_TRANSLATE_NOOP("labels", "coordinator"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("labels", "supervisor"),
}


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quick_exit_requested = Signal()
    settings_requested = Signal()

    def __init__(self, session: Session, clipboard: ClipboardGuard,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.clipboard = clipboard
        self.setWindowTitle(self.tr("Case Tracker — {0} ({1})").format(
            session.account.name, label(ROLE_LABELS[session.account.role])))
        self.undo_stack = QUndoStack(self)
        self.active_dialog: QWidget | None = None
        self.record: RecordView | None = None

        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search case numbers, names and notes"))
        self.search.setAccessibleName(self.tr("Search"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(150)
        self._search_timer.timeout.connect(self._run_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        # Searches run on a thread of their own; the newest one's answer is the one shown.
        self.searches = SearchRunner(search.BackgroundSearch(session), self)
        self.searches.found.connect(self._search_found)
        self.searches.failed.connect(lambda _what: self.model.set_query(self.search.text()))
        self.status_filter = QComboBox(self)
        self.status_filter.setAccessibleName(self.tr("Show"))
        self.status_filter.addItem(self.tr("Active cases"), CaseStatus.ACTIVE)
        self.status_filter.addItem(self.tr("Closed cases"), CaseStatus.CLOSED)
        self.status_filter.addItem(self.tr("All cases"), None)
        # Qt hands item data back as a plain str, so it is turned into a status again.
        self.status_filter.currentIndexChanged.connect(
            lambda _i: self.model.set_status(
                CaseStatus(self.status_filter.currentData())
                if self.status_filter.currentData() else None))
        if session.account.role is Role.COORDINATOR:
            self.status_filter.hide()

        self.model = CaseloadModel(session, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Caseload"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(CaseloadModel.COL_CASE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        # Tab leaves the caseload for the record (the arrows move between cases): with Qt's
        # default, Tab went round the cells and a keyboard never reached the record.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        for column, width in self.model.column_widths(self.table).items():
            self.table.setColumnWidth(column, width)  # heading and contents uncut
        self.table.selectionModel().currentRowChanged.connect(self._row_chosen)
        self.count = QLabel(self)
        self.model.modelReset.connect(self._update_count)
        self._update_count()

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.status_filter)
        left_layout.addLayout(top)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count)
        self.placeholder = QLabel(self.tr("Choose a survivor from the caseload."), self)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.placeholder)
        self.splitter.setSizes([600, 680])
        self.setCentralWidget(self.splitter)
        self._build_toolbar()
        self.expiring = QLabel(self)
        self.expiring.setAccessibleDescription(self.tr("Releases expiring soon"))
        self.statusBar().addPermanentWidget(self.expiring)
        self.show_expiring_consents()
        self.letterhead_notice = QLabel(self)  # supervisors: letters lack the organisation
        self.statusBar().addPermanentWidget(self.letterhead_notice)
        self.show_letterhead_notice()
        self._show_backup_reminder()  # issue 23
        self.resize(1280, 780)
        label_combo_boxes(self)
        from casetracker.gui.demo_banner import add_demo_banner

        self.demo_banner = add_demo_banner(self, session)  # a demo says so on every screen
        self.search.setFocus()

    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Main"), self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        self.addToolBar(bar)
        self.new_action = QAction(self.tr("&New survivor…"), self)
        self.new_action.setShortcut(QKeySequence.StandardKey.New)
        self.new_action.triggered.connect(self.open_intake)
        self.new_action.setVisible(self.session.account.role is Role.CASE_MANAGER)
        self.import_action = QAction(self.tr("&Import…"), self)
        self.import_action.setToolTip(self.tr("Import survivors from a spreadsheet"))
        self.import_action.triggered.connect(self.open_import)
        self.import_action.setVisible(importer.may_import(self.session))
        # Fixed words on the buttons, the change itself in the tooltip: QUndoStack's own
        # actions name the change on the button, which then grows with every undoable action.
        self.undo_action = self._undo_redo_action(
            self.tr("Undo"), QKeySequence.StandardKey.Undo, self.undo_stack.undo,
            self.undo_stack.canUndoChanged, self.undo_stack.undoTextChanged)
        self.redo_action = self._undo_redo_action(
            self.tr("Redo"), QKeySequence.StandardKey.Redo, self.undo_stack.redo,
            self.undo_stack.canRedoChanged, self.undo_stack.redoTextChanged)
        self.employers_action = QAction(self.tr("&Employers…"), self)
        self.employers_action.triggered.connect(self.open_employers)
        self.workshop_action = QAction(self.tr("&Workshop attendance…"), self)
        self.workshop_action.triggered.connect(self.open_workshop)
        self.workshop_action.setVisible(
            self.session.account.role in (Role.CASE_MANAGER, Role.COORDINATOR))
        self.template_action = QAction(self.tr("Letter &template…"), self)
        self.template_action.triggered.connect(self.open_template)
        self.template_action.setVisible(
            self.session.account.role in (Role.COORDINATOR, Role.SUPERVISOR))
        supervisor = self.session.account.role is Role.SUPERVISOR
        self.dashboard_action = QAction(self.tr("&Dashboard…"), self)
        self.dashboard_action.triggered.connect(self.open_dashboard)
        self.dashboard_action.setVisible(supervisor)
        self.audit_action = QAction(self.tr("&Audit log…"), self)
        self.audit_action.triggered.connect(self.open_audit)
        self.audit_action.setVisible(supervisor)
        self.settings_action = QAction(self.tr("&Settings…"), self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.triggered.connect(self.settings_requested)
        self.lock_action = QAction(self.tr("&Lock"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock_requested)
        self.quick_exit_action = QAction(self.tr("&Quick exit"), self)
        self.quick_exit_action.setToolTip(self.tr("Hide everything and lock (or press Esc twice)"))
        self.quick_exit_action.triggered.connect(self.quick_exit_requested)
        for action in (self.new_action, self.import_action, self.undo_action, self.redo_action,
                       self.dashboard_action, self.audit_action, self.employers_action,
                       self.workshop_action, self.template_action, self.settings_action,
                       self.lock_action):
            bar.addAction(action)
            self.addAction(action)
        from casetracker.gui.team_sync import TeamSync

        self.team_sync = TeamSync(self, self.session)
        self.team_sync.synced.connect(self.model.reload)
        self._build_menus()
        self._build_quick_exit_button()

    def _build_quick_exit_button(self) -> None:
        """Quick exit in the menu bar's own corner, where nothing can push it out of sight.

        In the toolbar, a wider Undo or a longer language pushed it into the toolbar's
        overflow menu at ordinary laptop widths. The menu bar lays out its corner widget first
        and folds its menus, never the corner, when space runs short.
        """
        menus = self.menuBar()
        # A desktop's global menu (outside the window) does not show corner widgets.
        menus.setNativeMenuBar(False)
        # A one-button toolbar of its own: its button is a toolbar button like the others
        # (no Tab stop; from the keyboard it is Esc twice, or the Case menu).
        corner = QToolBar(menus)
        corner.setObjectName("quickExitBar")
        corner.setMovable(False)
        corner.setStyleSheet("QToolBar#quickExitBar { border: none; padding: 0; spacing: 0; }")
        corner.addAction(self.quick_exit_action)
        self.quick_exit_button = corner.widgetForAction(self.quick_exit_action)
        self.quick_exit_button.setObjectName("quickExit")
        # The same white on red in light and dark themes: it must be found at a glance.
        self.quick_exit_button.setStyleSheet(
            "QToolButton#quickExit { " + chip_style(Chip.DANGER)
            + " font-weight: bold; padding: 1px 16px; margin: 1px 6px; border-radius: 4px; }")
        menus.setCornerWidget(corner, Qt.Corner.TopRightCorner)

    def _undo_redo_action(self, text: str, key: QKeySequence.StandardKey,
                          slot: Callable[[], None], enabled: SignalInstance,
                          detail: SignalInstance) -> QAction:
        action = QAction(text, self)
        action.setShortcut(key)
        action.setEnabled(False)
        action.triggered.connect(slot)
        enabled.connect(action.setEnabled)
        detail.connect(lambda change: action.setToolTip(f"{text}: {change}" if change else text))
        return action

    def _build_menus(self) -> None:
        """Every toolbar action, reachable from the keyboard: Alt and the underlined letter."""
        menus = self.menuBar()
        case = menus.addMenu(self.tr("&Case"))
        case.addActions([self.new_action, self.import_action, self.workshop_action])
        case.addSeparator()
        case.addActions([self.lock_action, self.quick_exit_action])
        edit = menus.addMenu(self.tr("&Edit"))
        edit.addActions([self.undo_action, self.redo_action])
        tools = menus.addMenu(self.tr("&Tools"))
        tools.addActions([self.employers_action, self.dashboard_action, self.audit_action,
                          self.template_action, self.settings_action])
        tools.addSeparator()
        tools.addActions([self.team_sync.sync_action, self.team_sync.conflicts_action,
                          self.team_sync.enroll_action, self.team_sync.laptops_action])
        self._build_admin_menus(tools)  # issue 23: administration and Help

    def show_expiring_consents(self) -> None:
        """Releases ending within two weeks: in the status bar, and as the case manager's
        tasks (made once per release)."""
        consent.remind_expiring(self.session)
        soon = consent.expiring(self.session)
        self.expiring.setVisible(bool(soon))
        # A count after a colon: no plural forms to wait for in any language.
        self.expiring.setText(self.tr("Releases ending within 14 days: {0}").format(len(soon)))
        self.expiring.setToolTip("\n".join(
            f"{case}: {item.recipient_name}, {item.expires_on.isoformat()}"
            for case, item in soon))

    def show_letterhead_notice(self) -> None:
        """Supervisors see, until it is set, that letters lack the organisation's details."""
        missing = (sharing_support.missing_letterhead(self.session)
                   if self.session.account.role is Role.SUPERVISOR else [])
        self.letterhead_notice.setVisible(bool(missing))
        self.letterhead_notice.setText(self.tr(
            "Letterhead incomplete: set the organisation's {0} in Settings").format(
            ", ".join(letterhead_words(missing))))

    # -- caseload -------------------------------------------------------------------------------

    def _update_count(self) -> None:
        self.count.setText(self.tr("%n case(s)", "", self.model.total))

    def _run_search(self) -> None:
        text = self.search.text().strip()
        if text:
            self.searches.submit(text, CaseloadModel.PAGE)
        else:
            self.searches.cancel()
            self.model.show_hits("", [])

    def _search_found(self, text: str, hits: list[search.SearchHit]) -> None:
        self.model.show_hits(text, hits)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        # A search typed just before locking must not run on the closed session, and the
        # search thread's connection closes before the session does.
        self._search_timer.stop()
        self.searches.stop()
        self.team_sync.stop()
        super().closeEvent(event)

    def _row_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.open_record(self.model.row_at(current.row()).case_number)

    def open_record(self, case_number: str) -> None:
        self.undo_stack.clear()
        part = self.record.current_part() if self.record is not None else None
        record = RecordView(self.session, case_number, clipboard=self.clipboard,
                            undo=self.undo_stack, parent=self)
        record.show_part(part)  # the same tab as on the last survivor (Consent stays Consent)
        record.changed.connect(lambda: self.model.refresh_row(record.survivor_id))
        record.purged.connect(self._record_purged)
        record.status_changed.connect(self._status_changed)
        old = self.splitter.widget(1)
        self.splitter.replaceWidget(1, record)
        if old is not None and old is not self.placeholder:
            old.deleteLater()
        self.placeholder.hide()
        self.record = record

    def _status_changed(self, case_number: str) -> None:
        # Deferred: the record being replaced is the one whose button was clicked.
        QTimer.singleShot(0, lambda: self._reopen(case_number))

    def _reopen(self, case_number: str) -> None:
        self.model.reload()
        self.open_record(case_number)

    def _record_purged(self, _case_number: str) -> None:
        """The record is gone: show the placeholder again and drop it from the list."""
        self.undo_stack.clear()
        old = self.splitter.widget(1)
        self.splitter.replaceWidget(1, self.placeholder)
        self.placeholder.show()
        if old is not None and old is not self.placeholder:
            old.deleteLater()
        self.record = None
        self.model.reload()

    # -- intake ---------------------------------------------------------------------------------

    def open_intake(self) -> None:
        dialog = SurvivorDialog(None, self)
        dialog.submit = lambda survivor: self._take_in(survivor, dialog.not_a_duplicate)
        dialog.open_requested.connect(self.open_record)
        self.active_dialog = dialog
        dialog.open()

    def _take_in(self, survivor: Survivor, not_a_duplicate: bool = False) -> None:
        saved = survivors.create_survivor(self.session, survivor, check_duplicates=True,
                                          not_a_duplicate=not_a_duplicate)
        self.model.reload()
        self.open_record(saved.case_number)

    def open_import(self) -> None:
        wizard = ImportWizard(self.session, self)
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.finished.connect(self._imported)
        self.active_dialog = wizard
        wizard.open()

    def _imported(self, _result: int) -> None:
        # The wizard also closes when the app locks; by then the caseload is gone with it.
        if not self.session.closed:
            self.model.reload()

    # -- Safe Jobs --------------------------------------------------------------------------------

    def open_employers(self) -> None:
        window = EmployersWindow(self.session, self)
        window.record_requested.connect(self.bring_record)  # from a match or a consent
        self.active_dialog = window
        window.show()

    def bring_record(self, case_number: str) -> None:
        """Open a case and bring the main window in front of the window that asked."""
        self.open_record(case_number)
        self.raise_()
        self.activateWindow()

    def open_workshop(self) -> None:
        people = survivors.caseload(self.session, limit=5000)
        dialog = WorkshopDialog(people, self)
        dialog.submit = self._save_workshop
        self.active_dialog = dialog
        dialog.open()

    def _save_workshop(self, data: SessionInput) -> None:
        recorded = RecordedWorkshop(self.session, data, self._workshop_changed)
        self.undo_stack.push(recorded)  # Edit ▸ Undo removes the session again
        self.statusBar().showMessage(recorded.summary(), 15000)
        self._workshop_changed()

    def _workshop_changed(self) -> None:
        if self.record is not None and hasattr(self.record, "placement"):
            self.record.placement.refresh()

    def open_template(self) -> None:
        dialog = TemplateDialog(sharing_support.letter_template(self.session), self)
        dialog.submit = lambda text: sharing_support.set_letter_template(self.session, text)
        self.active_dialog = dialog
        dialog.open()

    # -- supervision ---------------------------------------------------------------------------

    def open_dashboard(self) -> None:
        window = DashboardWindow(self.session, self.bring_record, self)
        self.active_dialog = window
        window.show()

    def open_audit(self) -> None:
        window = AuditWindow(self.session, self)
        self.active_dialog = window
        window.show()

    # -- administration and help (issue 23) --------------------------------------------------

    def open_merge(self) -> None:
        """A supervisor merges two records of one person (issue 20)."""
        dialog = MergeDialog(self.session, self)
        dialog.submit = self._merge
        self.active_dialog = dialog
        dialog.open()

    def _merge(self, chosen: tuple[str, str, str]) -> None:
        keep, other, confirmation = chosen
        report = duplicates.merge(self.session, keep, other, confirmation)
        self.model.reload()
        self.open_record(report.kept)  # in place of whichever record was open

    def _build_admin_menus(self, tools: QMenu) -> None:
        supervisor = self.session.account.role is Role.SUPERVISOR
        self.accounts_action = QAction(self.tr("Staff acc&ounts…"), self)
        self.accounts_action.triggered.connect(self.open_accounts)
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.triggered.connect(self.open_backups)
        self.recovery_key_action = QAction(self.tr("New &recovery key…"), self)
        self.recovery_key_action.triggered.connect(self.open_recovery_key)
        self.check_action = QAction(self.tr("C&heck the database…"), self)
        self.check_action.triggered.connect(self.open_check)
        self.merge_action = QAction(self.tr("&Merge duplicate records…"), self)
        self.merge_action.triggered.connect(self.open_merge)
        admin = (self.accounts_action, self.backups_action, self.recovery_key_action,
                 self.check_action, self.merge_action)
        for action in admin:
            action.setVisible(supervisor)
        if supervisor:
            tools.addSeparator()
            tools.addActions(list(admin))
        self.guide_action = QAction(self.tr("&User guide"), self)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.triggered.connect(self.open_guide)
        self.about_action = QAction(self.tr("&About Case Tracker"), self)
        self.about_action.triggered.connect(self.open_about)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addActions([self.guide_action, self.about_action])
        self.addAction(self.guide_action)

    def _show_backup_reminder(self) -> None:
        self.backup_reminder = QLabel(self)
        self.backup_reminder.setObjectName("backupReminder")
        self.statusBar().addWidget(self.backup_reminder)
        self.refresh_backup_reminder()

    def refresh_backup_reminder(self) -> None:
        from casetracker.gui.dialogs.backups_window import reminder_text

        if self.session.closed:
            return
        text = reminder_text(self.session, self)
        self.backup_reminder.setText(text)
        self.backup_reminder.setVisible(bool(text))

    def open_accounts(self) -> None:
        from casetracker.gui.dialogs.accounts_window import AccountsWindow

        window = AccountsWindow(self.session, self)
        self.active_dialog = window
        window.show()

    def open_backups(self) -> None:
        from casetracker.gui.dialogs.backups_window import BackupsWindow

        window = BackupsWindow(self.session, self)
        window.finished.connect(lambda _r: self.refresh_backup_reminder())
        self.active_dialog = window
        window.show()

    def open_recovery_key(self, *, ask: bool = True) -> None:
        from casetracker.gui.dialogs import recovery_key

        if ask and not recovery_key.ask_to_replace(self):
            return
        dialog = recovery_key.replace(self.session, self)
        self.active_dialog = dialog
        dialog.open()

    def open_check(self) -> None:
        from casetracker.gui.dialogs.check_window import CheckWindow

        window = CheckWindow(self.session, self)
        self.active_dialog = window
        window.show()

    def open_guide(self) -> None:
        from casetracker.gui.dialogs.help_window import HelpWindow

        window = HelpWindow(self.session.account.role, self)
        self.active_dialog = window
        window.show()

    def open_about(self) -> None:
        from casetracker.gui.dialogs.help_window import AboutDialog

        dialog = AboutDialog(self.session.paths.db, self)
        self.active_dialog = dialog
        dialog.open()
