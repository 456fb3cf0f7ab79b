"""Backups, for supervisors: make one, list the ones the program made, restore one into a new
file, and how often to be reminded.

The same services as `casetracker backup`, `backups` and `restore`; a backup or a restore
runs on a worker thread (`gui.jobs`) with its own connection, and Cancel removes what it
began.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.errors import AlreadyExistsError, CaseTrackerError, UsageError
from casetracker.gui import jobs
from casetracker.gui.widgets import FormDialog, error_box
from casetracker.services import backup, copies, settings
from casetracker.services.session import Session, VaultPaths
from casetracker.services.vault import Vault

_Index = QModelIndex | QPersistentModelIndex


def size_text(size: int | None) -> str:
    if size is None:
        return "—"
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def holds_text(counts: dict[str, int], widget: QWidget) -> str:
    """What a backup holds, in counts only (never a name)."""
    if not counts:
        return "—"
    words = {
        "survivors": QCoreApplication.translate(
            "BackupsWindow", "%n survivor(s)", "", counts.get("survivors", 0)),
        "notes": QCoreApplication.translate(
            "BackupsWindow", "%n case note(s)", "", counts.get("notes", 0)),
        "goals": QCoreApplication.translate(
            "BackupsWindow", "%n goal(s)", "", counts.get("goals", 0)),
        "documents": QCoreApplication.translate(
            "BackupsWindow", "%n document(s)", "", counts.get("documents", 0)),
        "attachments": QCoreApplication.translate(
            "BackupsWindow", "%n scan(s)", "", counts.get("attachments", 0)),
        "consents": QCoreApplication.translate(
            "BackupsWindow", "%n consent(s)", "", counts.get("consents", 0)),
        "employers": QCoreApplication.translate(
            "BackupsWindow", "%n employer(s)", "", counts.get("employers", 0)),
        "users": QCoreApplication.translate(
            "BackupsWindow", "%n staff account(s)", "", counts.get("users", 0)),
        "audit_log": QCoreApplication.translate(
            "BackupsWindow", "%n audit entr(ies)", "", counts.get("audit_log", 0)),
    }
    return ", ".join(text for key, text in words.items() if key in counts)


def reminder_text(session: Session, widget: QWidget, *, here: bool = False) -> str:
    """For a supervisor: a line when the newest backup is older than the program's setting
    (or there is none); "" otherwise and for other roles. `here`: said in the Backups
    window, so without the way to it."""
    if session.account.role is not Role.SUPERVISOR:
        return ""
    days = copies.days_since_last_backup(session)
    limit = settings.get_settings(session).backup_reminder_days
    if days is None:
        if here:
            return QCoreApplication.translate("BackupsWindow", "No backup has been made yet.")
        return QCoreApplication.translate("BackupsWindow",
                                          "No backup made yet: make one with Tools → Backups…")
    if days > limit:
        if here:
            return QCoreApplication.translate("BackupsWindow",
                                              "The last backup is %n day(s) old.", "", days)
        return QCoreApplication.translate(
            "BackupsWindow", "The last backup is %n day(s) old: make one with Tools → Backups…",
            "", days)
    return ""


class BackupsModel(QAbstractTableModel):
    COL_MADE, COL_FILE, COL_STATE, COL_SIZE, COL_HOLDS = range(5)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.backups: list[copies.MadeBackup] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.backups = copies.program_backups(self.session)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return (self.tr("Made"), self.tr("File"), self.tr("Found"), self.tr("Size"),
                self.tr("Holds"))[section]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        made = self.backups[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_FILE:
            return str(made.path)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == self.COL_MADE:
            return made.made_at[:16].replace("T", " ")
        if column == self.COL_FILE:
            return str(made.path)
        if column == self.COL_STATE:
            return self.tr("yes") if made.found else self.tr("not at this path")
        if column == self.COL_SIZE:
            return size_text(made.size)
        return holds_text(made.counts, self.parent() or QWidget())


@dataclass(frozen=True)
class RestoreRequest:
    source: Path
    target: Path
    account: str
    passphrase: str


class RestoreDialog(FormDialog):
    """Which backup, the new file it is restored into, and a supervisor of the backup."""

    def __init__(self, source: str, target: str, open_db: Path, account: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Restore a backup"), parent)
        self._open_db = open_db
        intro = QLabel(self.tr(
            "The backup is checked (a supervisor's passphrase of the backup must open it, and "
            "every page must authenticate), then copied into a new database file. The database "
            "open now is not changed. To work in the restored one, lock and choose Open "
            "another database… on the lock screen."), self)
        intro.setWordWrap(True)
        self.source = QLineEdit(source, self)
        self.source.setAccessibleName(self.tr("Backup file"))
        self.target = QLineEdit(target, self)
        self.target.setAccessibleName(self.tr("New database file"))
        self.account = QLineEdit(account, self)
        self.account.setAccessibleName(self.tr("Supervisor account of the backup"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        browse = QPushButton(self.tr("Choose…"), self)
        browse.setAccessibleName(self.tr("Choose the backup file"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.source, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Backup file"), row)
        form.addRow(self.tr("New database file"), self.target)
        form.addRow(self.tr("Supervisor account"), self.account)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.body.addWidget(intro)
        self.body.addLayout(form)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Restore"))
        self.resize(640, self.sizeHint().height())

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a backup"),
                                              self.source.text())
        if path:
            self.source.setText(path)

    def data(self) -> RestoreRequest:
        source = Path(self.source.text().strip()).expanduser()
        target = Path(self.target.text().strip()).expanduser()
        if not self.source.text().strip() or not source.is_file():
            raise UsageError(self.tr("Choose the backup file to restore."))
        if not target.is_absolute():
            raise UsageError(self.tr("Give the whole path of the new database file."))
        if not target.suffix:
            target = target.with_suffix(".db")
        if target.resolve() == self._open_db.resolve():
            raise UsageError(self.tr(
                "That is the database open now: a backup is always restored into a new file."))
        if target.exists() or VaultPaths(target).keys.exists():
            raise AlreadyExistsError(self.tr(
                "There is already a file at {0}; choose a new name.").format(str(target)))
        return RestoreRequest(source, target, self.account.text().strip(),
                              self.passphrase.text())


class BackupsWindow(QDialog):
    """Tools → Backups…"""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Backups"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.active_dialog: QWidget | None = None
        self.job: jobs.Job | None = None
        explain = QLabel(self.tr(
            "A backup is an encrypted copy of the database and its key file (two files). Keep "
            "backups on a drive kept apart from this laptop. A backup opens with the "
            "passphrases and recovery key that were valid when it was made."), self)
        explain.setWordWrap(True)
        self.model = BackupsModel(session, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Backups the program made"))
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(BackupsModel.COL_MADE, 130)
        self.table.setColumnWidth(BackupsModel.COL_FILE, 340)
        self.table.setColumnWidth(BackupsModel.COL_STATE, 110)
        self.table.setColumnWidth(BackupsModel.COL_SIZE, 80)
        self.make_button = QPushButton(self.tr("&Make a backup…"), self)
        self.make_button.clicked.connect(self.choose_and_make)
        self.restore_button = QPushButton(self.tr("&Restore into a new file…"), self)
        self.restore_button.clicked.connect(self.open_restore)
        self.reminder = QSpinBox(self)
        self.reminder.setRange(1, 365)
        self.reminder.setValue(settings.get_settings(session).backup_reminder_days)
        self.reminder.setSuffix(self.tr(" days"))
        self.reminder.setAccessibleName(self.tr("Remind when the last backup is older than"))
        self.reminder.editingFinished.connect(self.save_reminder)
        self.result = QLabel(self)
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.due = QLabel(reminder_text(session, self, here=True), self)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.make_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        remind = QHBoxLayout()
        remind_label = QLabel(self.tr("Remind me when the last backup is older than"), self)
        remind_label.setBuddy(self.reminder)
        remind.addWidget(remind_label)
        remind.addWidget(self.reminder)
        remind.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.due)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.result)
        layout.addLayout(remind)
        layout.addWidget(close)
        self.resize(1000, 520)

    def save_reminder(self) -> None:
        value = self.reminder.value()
        if value == settings.get_settings(self.session).backup_reminder_days:
            return
        try:
            settings.update_settings(self.session, backup_reminder_days=value)
        except CaseTrackerError as exc:
            self._report(exc)
        self.due.setText(reminder_text(self.session, self, here=True))

    # -- making one -----------------------------------------------------------------------

    def suggested_path(self) -> Path:
        folder = self.session.paths.db.parent / "backups"
        stem = f"{self.session.paths.db.stem}-backup-{clock.today().isoformat()}"
        candidate, number = folder / f"{stem}.db", 1
        while candidate.exists() or Path(f"{candidate}.keys").exists():
            number += 1
            candidate = folder / f"{stem}-{number}.db"
        return candidate

    def choose_and_make(self) -> None:
        suggested = self.suggested_path()
        suggested.parent.mkdir(parents=True, exist_ok=True)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Where should the backup go?"), str(suggested),
            self.tr("Case Tracker backups (*.db)"))
        if path:
            self.make_backup(Path(path))

    def make_backup(self, out: Path) -> jobs.Job:
        session = self.session

        open_copy = session.copy_opener()

        def work(job: jobs.Job) -> backup.BackupResult:
            copy = open_copy()
            job.on_cancel(copy.interrupt)
            try:
                return backup.create_backup(copy, out, progress=job.keep_going)
            finally:
                copy.close()

        self._busy(True)
        self.result.clear()
        self.job = jobs.start(self, self.tr("Making a backup…"), work, self._made)
        return self.job

    def _made(self, job: jobs.Job) -> None:
        self.job = None
        if self.session.closed or not shiboken6.isValid(self) or not self.isVisible():
            return
        self._busy(False)
        if job.cancelled:
            self.result.setText(self.tr("Stopped. No backup was written."))
        elif job.error is not None:
            self._report(job.error)
        else:
            made: backup.BackupResult = job.result
            self.result.setText(self.tr(
                "Backup made and verified (every page authenticates): {0} and {1}, {2}. "
                "It holds {3}.").format(str(made.path), made.keys_path.name,
                                        size_text(made.size), holds_text(made.counts, self)))
        self.model.reload()
        self.due.setText(reminder_text(self.session, self, here=True))

    # -- restoring one --------------------------------------------------------------------------

    def open_restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        source = str(self.model.backups[rows[0].row()].path) if rows else ""
        # "clinic-restored-2026-03-05.db": what the file is, in the interface language.
        restored = self.tr("restored")
        stem = f"{self.session.paths.db.stem}-{restored}-{clock.today().isoformat()}"
        target = self.session.paths.db.with_name(f"{stem}.db")
        number = 1
        while target.exists():
            number += 1
            target = target.with_name(f"{stem}-{number}.db")
        dialog = RestoreDialog(source, str(target), self.session.paths.db,
                               self.session.account.name, self)
        dialog.submit = self.restore
        self.active_dialog = dialog
        dialog.open()

    def restore(self, request: RestoreRequest) -> jobs.Job:
        session = self.session
        target = Vault(request.target, kdf=session.kdf, policy=session.policy)

        def work(job: jobs.Job) -> dict[str, int]:
            restored = backup.restore_backup(request.source, target, request.account,
                                             request.passphrase, progress=job.keep_going)
            restored.close()
            return {}

        self._busy(True)
        self.result.clear()
        self.job = jobs.start(self, self.tr("Checking and restoring the backup…"), work,
                              lambda job: self._restored(job, request.target))
        return self.job

    def _restored(self, job: jobs.Job, target: Path) -> None:
        self.job = None
        if self.session.closed or not shiboken6.isValid(self) or not self.isVisible():
            return
        self._busy(False)
        if job.cancelled:
            self.result.setText(self.tr("Stopped. Nothing was restored."))
        elif job.error is not None:
            self._report(job.error)
        else:
            self.result.setText(self.tr(
                "Restored into {0}. To work in it, lock and choose Open another database… on "
                "the lock screen.").format(str(target)))

    def _busy(self, busy: bool) -> None:
        self.make_button.setEnabled(not busy)
        self.restore_button.setEnabled(not busy)

    def _report(self, error: BaseException) -> None:
        box = error_box(self, jobs.failure_text(error))
        self.active_dialog = box
        box.open()
