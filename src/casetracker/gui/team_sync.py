"""Team use in the main window: "Sync now", automatic sync every few minutes while unlocked
once a folder is set, and the Conflicts window.

Each exchange runs through the same service as `casetracker sync` and shows its one-line
summary (counts only) in the status bar; a problem is shown there too, in words without any
record's value.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMainWindow

from casetracker.domain.accounts import Role
from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.messages import error_text
from casetracker.services import conflicts, devices
from casetracker.services import sync as team
from casetracker.services.session import Session

if TYPE_CHECKING:
    from casetracker.gui.laptops import Enrollment

AUTO_SYNC_MINUTES = 5
STATUS_MS = 15_000


class TeamSync(QObject):
    """The actions and the timer; `synced` says that records may have changed."""

    synced = Signal()

    def __init__(self, window: QMainWindow, session: Session) -> None:
        super().__init__(window)
        self.window = window
        self.session = session
        self.conflicts_window: QObject | None = None
        self.sync_action = QAction(self.tr("S&ync now"), window)
        self.sync_action.setToolTip(self.tr("Exchange changes with the program's other laptops "
                                            "through the sync folder"))
        self.sync_action.triggered.connect(self.sync_now)
        self.conflicts_action = QAction(self.tr("&Conflicts…"), window)
        self.conflicts_action.triggered.connect(self.open_conflicts)
        self.conflicts_action.setVisible(
            session.account.role in (Role.CASE_MANAGER, Role.SUPERVISOR))
        supervisor = session.account.role is Role.SUPERVISOR
        self.active_dialog: QDialog | None = None  # the enrolling or laptops window open
        self.enroll_action = QAction(self.tr("E&nroll a laptop…"), window)
        self.enroll_action.setToolTip(self.tr("Write an enrollment file from which another "
                                              "laptop joins this program"))
        self.enroll_action.triggered.connect(self.open_enroll)
        self.enroll_action.setVisible(supervisor)
        self.laptops_action = QAction(self.tr("&Laptops…"), window)
        self.laptops_action.triggered.connect(self.open_laptops)
        self.laptops_action.setVisible(supervisor)
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_SYNC_MINUTES * 60 * 1000)
        self.timer.timeout.connect(self.auto_sync)
        self.refresh()

    def refresh(self) -> None:
        """After the settings change: sync only in a program, automatically once a folder
        is set."""
        joined = team.in_program(self.session)
        self.sync_action.setVisible(joined)
        if joined and team.folder_setting(self.session) is not None:
            self.timer.start()
        else:
            self.timer.stop()

    def stop(self) -> None:
        self.timer.stop()

    def sync_now(self) -> str:
        """One exchange; the summary (or what went wrong) goes to the status bar."""
        try:
            report = team.sync_now(self.session)
        except CaseTrackerError as exc:
            message = self.tr("Sync: {0}").format(error_text(exc))
        except OSError:
            message = self.tr("Sync: the sync folder could not be read or written")
        else:
            message = self._summary(report)
            self.synced.emit()
        self.window.statusBar().showMessage(message, STATUS_MS)
        return message

    def auto_sync(self) -> None:
        """The timer's slot: an exchange while unlocked (the window closes on locking)."""
        if self.session.closed:
            self.timer.stop()
            return
        self.sync_now()

    def _summary(self, report: team.RoundReport) -> str:
        received = sum(report.received.values())
        text = self.tr("Synced: sent %n change(s)", "", report.sent_changes)
        text += self.tr(", received %n change(s)", "", received)
        text += self.tr(", %n conflict(s) waiting", "", conflicts.count(self.session))
        if report.refused:
            text += self.tr("; %n bundle(s) refused (see casetracker sync)", "",
                            len(report.refused))
        if report.waiting:
            text += self.tr("; %n bundle(s) waiting", "", len(report.waiting))
        return text

    def open_conflicts(self) -> None:
        from casetracker.gui.conflicts_window import ConflictsWindow

        window = ConflictsWindow(self.session, self.window)
        window.settled.connect(self.synced)
        self.conflicts_window = window
        window.show()

    # -- the program's laptops (supervisors) -------------------------------------------------

    def open_enroll(self) -> None:
        from casetracker.gui.laptops import EnrollDialog

        dialog = EnrollDialog(self.window)
        done: list[tuple[devices.Enrolled, Enrollment]] = []

        def enroll(request: Enrollment) -> None:
            done.append((devices.enroll(self.session, request.name, request.out), request))

        dialog.submit = enroll
        dialog.accepted.connect(lambda: self._show_code(*done[-1]))
        self.active_dialog = dialog
        dialog.open()

    def _show_code(self, enrolled: devices.Enrolled, request: Enrollment) -> None:
        from casetracker.gui.laptops import EnrollmentCodeDialog

        self.refresh()  # the first enrollment starts the program: Sync now appears
        dialog = EnrollmentCodeDialog(enrolled, request.out, self.window)
        self.active_dialog = dialog
        dialog.open()

    def open_laptops(self) -> None:
        from casetracker.gui.laptops import LaptopsWindow

        window = LaptopsWindow(self.session, self.window)
        self.active_dialog = window
        window.show()
