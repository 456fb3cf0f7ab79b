"""Checking the database (Tools → Check the database…): every page authenticates, SQLite's
structure holds, and the audit trail's chain and countersignatures verify; said in words.

The same services as `casetracker check` and `casetracker audit verify`, run on a worker
thread with a connection of its own; Cancel stops it before anything is recorded.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.accounts import Role
from casetracker.gui import jobs
from casetracker.gui.audit_words import trail_words
from casetracker.services import audit, backup
from casetracker.services.session import Session


@dataclass(frozen=True)
class CheckResult:
    problems: list[str]
    trail_ok: bool | None  # None: not a supervisor, so the trail was not read
    trail_summary: str


class CheckWindow(QDialog):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Check the database"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.job: jobs.Job | None = None
        self.last: CheckResult | None = None
        explain = QLabel(self.tr(
            "The check reads every page of the encrypted database and confirms that none was "
            "changed or damaged, then verifies the audit log's chain: that no entry was "
            "edited, removed or reordered. It changes nothing but adds a line to the audit "
            "log."), self)
        explain.setWordWrap(True)
        self.check_button = QPushButton(self.tr("&Check now"), self)
        self.check_button.clicked.connect(self.run_check)
        self.result = QTextBrowser(self)
        self.result.setAccessibleName(self.tr("Result of the check"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result, 1)
        layout.addWidget(close)
        self.resize(720, 440)

    def run_check(self) -> jobs.Job:
        session = self.session
        supervisor = session.account.role is Role.SUPERVISOR

        open_copy = session.copy_opener()

        def work(job: jobs.Job) -> CheckResult:
            copy = open_copy()
            job.on_cancel(copy.interrupt)
            try:
                problems = backup.integrity_check(copy, progress=job.keep_going)
                if not supervisor or not job.keep_going(0.8):
                    return CheckResult(problems, None, "")
                trail = audit.verify_trail(copy)
                return CheckResult(problems, trail.ok, trail.summary())
            finally:
                copy.close()

        self.check_button.setEnabled(False)
        self.result.clear()
        self.job = jobs.start(self, self.tr("Checking the database…"), work, self._checked)
        return self.job

    def _checked(self, job: jobs.Job) -> None:
        self.job = None
        if self.session.closed or not shiboken6.isValid(self) or not self.isVisible():
            return
        self.check_button.setEnabled(True)
        if job.cancelled:
            self.result.setPlainText(self.tr("Stopped before the end; nothing was recorded."))
            return
        if job.error is not None:
            self.result.setPlainText(jobs.failure_text(job.error))
            return
        result: CheckResult = job.result
        self.last = result
        lines = []
        if result.problems:
            lines.append(self.tr(
                "The database is damaged: %n problem(s) found. Stop using it, keep this laptop "
                "as it is, and restore the newest backup into a new file (Tools → Backups…).",
                "", len(result.problems)))
            lines += [f"• {problem}" for problem in result.problems[:20]]
        else:
            lines.append(self.tr("The database is sound: every page authenticates and its "
                                 "structure checks."))
        if result.trail_ok is True:
            lines.append(self.tr("The audit log verifies: no entry was edited, removed or "
                                 "reordered."))
        elif result.trail_ok is False:
            lines.append(self.tr("The audit log does NOT verify: entries may have been edited "
                                 "or removed. Open Tools → Audit log and tell whoever oversees "
                                 "the program."))
        if result.trail_summary:
            lines.append("")
            lines.append(trail_words(result.trail_summary))
        self.result.setPlainText("\n".join(lines))
