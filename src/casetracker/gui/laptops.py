"""The laptops of a team program on the desktop: "Enroll a laptop…" and "Laptops…" (what
each laptop sent and what arrived here, the content digest, Revoke…) for supervisors, and
"Join a program…" on the lock screen.

Every dialog calls `services.devices`, as `casetracker device …` does; the services check
the role and audit. The one-time code is shown once, in its own window, and kept nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import AlreadyExistsError, CaseTrackerError, UsageError
from casetracker.gui import jobs
from casetracker.gui.messages import error_text
from casetracker.gui.widgets import FormDialog, TypeToConfirmDialog
from casetracker.services import devices
from casetracker.services import sync as team
from casetracker.services.session import Session

EXTENSION = ".enrollment"


def _file_row(parent: QWidget, field: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return row


def _filter(_parent: QWidget) -> str:
    return QCoreApplication.translate(
        "JoinDialog", "Case Tracker enrollment files (*.enrollment);;All files (*)")


# -- enrolling -------------------------------------------------------------------------------

@dataclass(frozen=True)
class Enrollment:
    name: str
    out: Path


class EnrollDialog(FormDialog):
    """Asks the new laptop's name and where its enrollment file goes; OK enrolls it (the
    caller's `submit`)."""

    def __init__(self, parent: QWidget | None = None, *, folder: Path | None = None) -> None:
        super().__init__(self.tr("Enroll a laptop"), parent)
        self.folder = folder or Path.home()
        intro = QLabel(self.tr(
            "Enrolling writes a file from which the new laptop makes its own copy of the "
            "program's database: every account there unlocks with its usual passphrase. The "
            "file opens only with a one-time code, shown once after this. Carry the file to "
            "the laptop (a USB stick, the sync folder) and give the code separately."), self)
        intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("The new laptop's name"))
        self.name.setPlaceholderText(self.tr("as outreach laptop 2"))
        self.name.setMaxLength(40)
        self.out = QLineEdit(self)
        self.out.setAccessibleName(self.tr("Enrollment file"))
        self.browse_button = QPushButton(self.tr("Choose…"), self)
        self.browse_button.setAccessibleName(self.tr("Choose the enrollment file"))
        self.browse_button.clicked.connect(self.browse)
        form = QFormLayout()
        form.addRow(self.tr("The new laptop's name"), self.name)
        form.addRow(self.tr("Enrollment file"), _file_row(self, self.out, self.browse_button))
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Enroll"))
        self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def _suggested(self) -> str:
        # A file name from the laptop's name (no survivor's data is in either).
        stem = "".join(c if c.isalnum() else "-" for c in self.name.text().strip()) or "laptop"
        return str(self.folder / f"{stem}{EXTENSION}")

    def browse(self) -> None:
        # An existing file is refused by the service, with its reason.
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Where should the enrollment file go?"),
            self.out.text().strip() or self._suggested(), _filter(self))
        if path:
            self.out.setText(path)

    def data(self) -> Enrollment:
        name = devices.laptop_name(self.name.text()) if self.name.text().strip() else ""
        if not name:
            raise UsageError(self.tr("Type the new laptop's name."))
        text = self.out.text().strip()
        if not text:
            raise UsageError(self.tr("Choose where the enrollment file goes."))
        out = Path(text).expanduser()
        if not out.is_absolute():
            raise UsageError(self.tr("Give the whole path of the enrollment file, or use "
                                     "Choose…"))
        if not out.suffix:
            out = out.with_suffix(EXTENSION)
        if out.exists():
            raise AlreadyExistsError(self.tr(
                "{0} already exists. Case Tracker never overwrites it: choose another "
                "name.").format(str(out)))
        if not out.parent.is_dir():
            raise UsageError(self.tr("The folder {0} does not exist.").format(str(out.parent)))
        return Enrollment(name, out)


class EnrollmentCodeDialog(QDialog):
    """The one-time code, shown this once: large, selectable, with what to do with it."""

    def __init__(self, enrolled: devices.Enrolled, out: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("One-time code"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        lines = []
        if enrolled.started_program:
            lines.append(self.tr("This laptop has started a new team program and is its "
                                 "first laptop."))
        lines.append(self.tr("The enrollment file for {0} is written to:\n{1}").format(
            enrolled.name, str(out)))
        written = QLabel("\n\n".join(lines), self)
        written.setWordWrap(True)
        self.code_label = QLabel(enrolled.code, self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(font.pointSize() + 8)
        font.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.code_label.setAccessibleDescription(self.tr("One-time code"))
        self.code_label.setContentsMargins(0, 12, 0, 12)
        explain = QLabel(self.tr(
            "This code opens the enrollment file. It is shown only now and kept nowhere.\n\n"
            "Give it separately from the file: in person, or read it out over the phone; "
            "never in the same e-mail, message or USB stick as the file.\n\n"
            "On the new laptop, choose \"Join a program…\" on the lock screen, choose the "
            "file and type this code. Then run Sync now (Tools menu) on both laptops to "
            "exchange the program's records."), self)
        explain.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (written, self.code_label, explain, buttons):
            layout.addWidget(widget)
        self.resize(560, self.sizeHint().height())


# -- listing and revoking ----------------------------------------------------------------------

class RevokeDialog(TypeToConfirmDialog):
    """Asks for the laptop's name typed again before revoking it (the caller's `submit`)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(
            parent, title=self.tr("Revoke a laptop"), warning=self.tr(
                "After revoking {0}, every laptop of the program refuses what it sends, and the "
                "sync key changes so that it can read nothing written from now on. It cannot be "
                "undone: the laptop would have to be enrolled again.").format(name),
            prompt=self.tr("Type the laptop's name to confirm:"),
            typed_name=self.tr("The laptop's name"), expected=name, action=self.tr("Revoke"))
        self.laptop = name

    def data(self) -> str:
        return self.laptop


class LaptopsWindow(QDialog):
    """The program's laptops: when each was last heard from, how far its changes reached this
    laptop (and the sync folder), the content digest to compare between laptops (what
    `casetracker sync --status` prints), and Revoke… (supervisors)."""

    NAME, HEARD, CHANGES, IN_FOLDER, REVOKED = range(5)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.setWindowTitle(self.tr("Laptops"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.rows: list[devices.DeviceRow] = []
        self.active_dialog: QDialog | None = None
        self.job: jobs.Job | None = None
        self.warning = ""  # after a revocation: laptops left without the new sync key
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels([
            self.tr("Laptop"), self.tr("Last heard from"), self.tr("Changes"),
            self.tr("In the sync folder"), self.tr("Revoked")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column in range(self.HEARD, self.REVOKED + 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setAccessibleName(self.tr("Laptops"))
        self.table.itemSelectionChanged.connect(self._update)
        self.digest_button = QPushButton(self.tr("Compare &content"), self)
        self.digest_button.setToolTip(self.tr(
            "Work out a digest of the records this laptop holds. Laptops that have applied "
            "the same bundles show the same digest."))
        self.digest_button.clicked.connect(self.work_out_digest)
        self.digest = QLineEdit(self)  # read-only and selectable, to copy and compare
        self.digest.setReadOnly(True)
        self.digest.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.digest.setAccessibleName(self.tr("Content digest"))
        self.digest_note = QLabel(self.tr(
            "Work out this laptop's content digest and compare it with another laptop's: it is "
            "the same on laptops that have applied the same bundles (casetracker sync --status "
            "prints it too)."), self)
        self.digest_note.setWordWrap(True)
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.revoke_button.clicked.connect(self.ask_revoke)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        compare = QHBoxLayout()
        compare.addWidget(self.digest_button)
        compare.addWidget(self.digest, 1)
        row = QHBoxLayout()
        row.addWidget(self.revoke_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(self.digest_note)
        layout.addLayout(compare)
        layout.addLayout(row)
        self.resize(780, 400)
        self.reload()

    def reload(self) -> None:
        try:
            self.rows = devices.laptops(self.session)
            folder = team.folder_setting(self.session)
            if folder is not None and not folder.is_dir():
                folder = None  # a USB stick not plugged in: the column says "—"
            state = team.status(self.session, folder, digest=False)
        except CaseTrackerError as exc:
            self.rows = []
            self.note.setText(error_text(exc))
            state = None
        else:
            self.note.setText(self.warning or self.tr(
                "The laptops of this program. A laptop is heard from when its changes arrive "
                "through the sync folder. Changes are numbered per laptop: this laptop's sent, "
                "and the others' applied here. Where the sync folder holds more than was "
                "applied, a bundle waits."))
        others = {} if state is None else {lt.laptop_id: lt for lt in state.laptops}
        self.table.setRowCount(len(self.rows))
        for index, device in enumerate(self.rows):
            name = (self.tr("{0} (this laptop)").format(device.name) if device.this_laptop
                    else device.name)
            heard = ("—" if device.this_laptop
                     else (device.last_heard or "")[:16].replace("T", " ") or self.tr("never"))
            revoked = (device.revoked_at or "")[:16].replace("T", " ") or self.tr("no")
            if device.reason is not None:  # the only reason the program tells: never joined
                revoked = self.tr("{0} (enrollment expired unused)").format(revoked)
            changes, in_folder = self._changes(device, state, others.get(device.laptop_id))
            for column, text in enumerate((name, heard, changes, in_folder, revoked)):
                self.table.setItem(index, column, QTableWidgetItem(text))
        self._update()

    def _changes(self, device: devices.DeviceRow, state: team.SyncStatus | None,
                 other: team.LaptopStatus | None) -> tuple[str, str]:
        """The Changes and In the sync folder cells of one laptop."""
        if state is None:
            return "", ""
        if device.this_laptop:
            sent = (self.tr("sent 1–{0}").format(state.sent_seq) if state.sent_seq
                    else self.tr("sent none"))
            if state.unsent:
                sent = self.tr("{0}; %n not yet sent", "", state.unsent).format(sent)
            return sent, "—"
        if other is None:
            return "", "—"
        applied = (self.tr("applied 1–{0}").format(other.applied_seq) if other.applied_seq
                   else self.tr("applied none"))
        if other.in_folder is None:
            return applied, "—"
        return applied, (self.tr("1–{0}").format(other.in_folder) if other.in_folder
                         else self.tr("none"))

    def work_out_digest(self) -> jobs.Job:
        """The content digest, on a worker thread (it reads every replicated record)."""
        open_copy = self.session.copy_opener()

        def work(job: jobs.Job) -> str:
            copy = open_copy()
            job.on_cancel(copy.interrupt)
            try:
                return team.content_digest(copy)
            finally:
                copy.close()

        self.digest_button.setEnabled(False)
        self.digest.clear()
        self.job = jobs.start(self, self.tr("Working out the content digest…"), work,
                              self._digest_done)
        return self.job

    def _digest_done(self, job: jobs.Job) -> None:
        self.job = None
        if self.session.closed or not shiboken6.isValid(self) or not self.isVisible():
            return
        self.digest_button.setEnabled(True)
        if job.cancelled:
            self.digest.setPlaceholderText(self.tr("Stopped before the end."))
        elif job.error is not None:
            self.digest.setPlaceholderText(jobs.failure_text(job.error))
        else:
            self.digest.setText(job.result)

    def selected(self) -> devices.DeviceRow | None:
        index = self.table.currentRow()
        chosen = self.table.selectionModel().hasSelection()
        return self.rows[index] if chosen and 0 <= index < len(self.rows) else None

    def _update(self) -> None:
        device = self.selected()
        self.revoke_button.setEnabled(
            device is not None and not device.this_laptop and device.revoked_at is None)

    def _revoked(self, revoked: devices.Revoked) -> None:
        self.warning = "".join(self.tr(
            "{0} has no key to receive the new sync key: enroll it again.\n").format(name)
            for name in revoked.not_given).strip()

    def ask_revoke(self) -> None:
        device = self.selected()
        if device is None or device.this_laptop or device.revoked_at is not None:
            return
        dialog = RevokeDialog(device.name, self)
        dialog.submit = lambda name: self._revoked(devices.revoke(self.session, name))
        dialog.accepted.connect(self.reload)
        self.active_dialog = dialog
        dialog.open()


# -- joining (on the lock screen) -----------------------------------------------------------

@dataclass(frozen=True)
class JoinRequest:
    file: Path
    database: Path
    code: str


class JoinDialog(FormDialog):
    """Asks for the enrollment file, where this laptop's new database goes and the one-time
    code; OK joins (the caller's `submit`)."""

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Join a program"), parent)
        intro = QLabel(self.tr(
            "A supervisor enrolled this laptop on another laptop of the program and gave you "
            "an enrollment file and, separately, a one-time code. Joining makes this laptop's "
            "own encrypted database, where every account unlocks with its usual passphrase. "
            "Afterwards, set the sync folder in Settings and run Sync now to receive the "
            "program's records."), self)
        intro.setWordWrap(True)
        self.file = QLineEdit(self)
        self.file.setAccessibleName(self.tr("Enrollment file"))
        self.file_button = QPushButton(self.tr("Choose…"), self)
        self.file_button.setAccessibleName(self.tr("Choose the enrollment file"))
        self.file_button.clicked.connect(self.browse_file)
        self.location = QLineEdit(location, self)
        self.location.setAccessibleName(self.tr("Database file"))
        self.location_button = QPushButton(self.tr("Choose…"), self)
        self.location_button.setAccessibleName(self.tr("Choose the database file"))
        self.location_button.clicked.connect(self.browse_location)
        self.code = QLineEdit(self)
        self.code.setAccessibleName(self.tr("One-time code"))
        self.code.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX")
        form = QFormLayout()
        form.addRow(self.tr("Enrollment file"), _file_row(self, self.file, self.file_button))
        form.addRow(self.tr("Database file"),
                    _file_row(self, self.location, self.location_button))
        form.addRow(self.tr("One-time code"), self.code)
        self.body.addWidget(intro)
        self.body.addLayout(form)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Join"))
        self.resize(max(self.sizeHint().width(), 600), self.sizeHint().height())

    def browse_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the enrollment file"), self.file.text().strip(),
            _filter(self))
        if path:
            self.file.setText(path)

    def browse_location(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Where should the new database go?"), self.location.text(),
            self.tr("Case Tracker databases (*.db)"))
        if path:
            self.location.setText(path)

    def data(self) -> JoinRequest:
        from casetracker.gui.first_run import new_database_location

        text = self.file.text().strip()
        if not text:
            raise UsageError(self.tr("Choose the enrollment file."))
        file = Path(text).expanduser()
        if not file.is_file():
            raise UsageError(self.tr("There is no file at {0}.").format(str(file)))
        if not self.code.text().strip():
            raise UsageError(self.tr("Type the one-time code that came with the file."))
        return JoinRequest(file, new_database_location(self.location.text()),
                           self.code.text())


def join(request: JoinRequest) -> devices.Joined:
    """Join with the dialog's answers: the service makes the database, or nothing."""
    try:
        data = request.file.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the enrollment file {request.file}: "
                         f"{exc.strerror}") from None
    return devices.join(request.database, data, request.code)
