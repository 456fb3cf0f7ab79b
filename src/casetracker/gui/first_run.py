"""First run: create the database and its supervisor account, then show the recovery key.

The same dialog sets up a program's database from the lock screen, where it also asks where
the file goes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import AlreadyExistsError, UsageError
from casetracker.domain.settings import ProgramSettings, validate_settings
from casetracker.gui.widgets import FormDialog, passphrase_fields
from casetracker.services.session import VaultPaths


@dataclass(frozen=True)
class NewVault:
    supervisor: str
    passphrase: str
    location: Path | None = None  # chosen in the dialog; None: the one it was opened for
    # The organisation's details for letters and profiles (may be left for Settings…).
    organisation: ProgramSettings = field(default_factory=ProgramSettings)


def suggested_location(default: Path | None = None) -> Path:
    """Where a new program database goes unless the person chooses otherwise: `default`
    (the user's data directory, as the command line uses), or a free name beside it."""
    if default is None:
        from platformdirs import user_data_dir

        default = Path(user_data_dir("CaseTracker", appauthor=False)) / "case.db"
    candidate, number = default, 1
    while _taken(candidate):
        number += 1
        candidate = default.with_name(f"{default.stem}-{number}{default.suffix}")
    return candidate


def _taken(path: Path) -> bool:
    paths = VaultPaths(path)
    return paths.db.exists() or paths.keys.exists()


def new_database_location(text: str) -> Path:
    """A new database's file as typed: a whole path, ".db" added when it has no extension,
    never a place that holds a database or folder already (also used by "Join a program")."""
    from PySide6.QtCore import QCoreApplication

    text = text.strip()
    if not text:
        raise UsageError(QCoreApplication.translate(
            "FirstRunDialog", "Choose where the database file goes."))
    path = Path(text).expanduser()
    if not path.is_absolute():
        raise UsageError(QCoreApplication.translate(
            "FirstRunDialog", "Give the whole path of the database file, or use Choose…"))
    if not path.suffix:
        path = path.with_suffix(".db")
    if path.is_dir() or _taken(path):
        raise AlreadyExistsError(QCoreApplication.translate(
            "FirstRunDialog", "There is already a database or folder at {0}. Case Tracker "
            "never overwrites one: choose another name or place.").format(str(path)))
    return path


class FirstRunDialog(FormDialog):
    """Asks for the first (supervisor) account's name and passphrase, and with
    `choose_location` where the new database file goes."""

    def __init__(self, location: str, parent: QWidget | None = None, *,
                 choose_location: bool = False) -> None:
        super().__init__(self.tr("Set up Case Tracker"), parent)
        if choose_location:
            intro = QLabel(self.tr(
                "Case Tracker will create a new, encrypted database for your program. Choose "
                "where its file goes; the suggested place is your account's own data folder, "
                "where Case Tracker looks first when it starts.\n\n"
                "The first account is a supervisor, who then adds the staff. Choose a passphrase "
                "of at least 15 characters: a few unrelated words are easy to type and hard to "
                "guess."), self)
        else:
            intro = QLabel(self.tr(
                "There is no database yet. Case Tracker will create an encrypted one at:\n{0}\n\n"
                "The first account is a supervisor, who then adds the staff. Choose a passphrase "
                "of at least 15 characters: a few unrelated words are easy to type and hard to "
                "guess.").format(location), self)
        intro.setWordWrap(True)
        self.location: QLineEdit | None = None
        self.browse_button: QPushButton | None = None
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Account name"))
        self.passphrase, self.repeat = passphrase_fields(
            self, self.tr("Passphrase"), self.tr("Repeat the passphrase"))
        form = QFormLayout()
        if choose_location:
            self.location = QLineEdit(location, self)
            self.location.setAccessibleName(self.tr("Database file"))
            self.browse_button = QPushButton(self.tr("Choose…"), self)
            self.browse_button.setAccessibleName(self.tr("Choose the database file"))
            self.browse_button.clicked.connect(self.browse)
            row = QHBoxLayout()
            row.addWidget(self.location, 1)
            row.addWidget(self.browse_button)
            form.addRow(self.tr("Database file"), row)
        form.addRow(self.tr("Account name"), self.name)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        # Letters and profiles carry these on their letterhead; they can wait for Settings….
        self.organisation_name = QLineEdit(self)
        self.organisation_name.setAccessibleName(self.tr("Organisation's name"))
        self.organisation_address = QLineEdit(self)
        self.organisation_address.setAccessibleName(self.tr("Organisation's address"))
        self.organisation_phone = QLineEdit(self)
        self.organisation_phone.setAccessibleName(self.tr("Organisation's phone"))
        organisation = QLabel(self.tr(
            "Your organisation, as letters and profiles name it (you can also set this later "
            "in Settings…):"), self)
        organisation.setWordWrap(True)
        form.addRow(organisation)
        form.addRow(self.tr("Name"), self.organisation_name)
        form.addRow(self.tr("Address"), self.organisation_address)
        form.addRow(self.tr("Phone"), self.organisation_phone)
        self.body.addWidget(intro)
        self.body.addLayout(form)
        # On a laptop with no database yet, it may be joining a program rather than starting
        # one: "Join a program…" is offered here too (the controller connects it).
        self.join_button: QPushButton | None = None
        if not choose_location:
            self.join_button = QPushButton(self.tr("Join a program instead…"), self)
            self.join_button.setToolTip(self.tr(
                "For a laptop a supervisor enrolled: make its database from the enrollment "
                "file and its one-time code"))
            self.body.addWidget(self.join_button)
        if self.location is not None:
            self.resize(max(self.sizeHint().width(), 560), self.sizeHint().height())

    def browse(self) -> None:
        assert self.location is not None
        # Overwriting is refused in `data()` with the reason, so the dialog need not ask.
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Where should the new database go?"), self.location.text(),
            self.tr("Case Tracker databases (*.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite)
        if path:
            self.location.setText(path)

    def chosen_location(self) -> Path | None:
        """The new database's file, as typed or chosen (None when it is not asked)."""
        if self.location is None:
            return None
        return new_database_location(self.location.text())

    def data(self) -> NewVault:
        location = self.chosen_location()
        if self.passphrase.text() != self.repeat.text():
            raise UsageError(self.tr("The two passphrases differ."))
        organisation = ProgramSettings(
            organisation_name=self.organisation_name.text().strip(),
            organisation_address=self.organisation_address.text().strip(),
            organisation_phone=self.organisation_phone.text().strip())
        validate_settings(organisation)  # before anything is created
        return NewVault(self.name.text().strip(), self.passphrase.text(), location,
                        organisation)


class RecoveryKeyDialog(QDialog):
    """Shows a recovery key once, offers to print it, and asks for two of its groups back
    (typed from the paper, so the key was kept) before Continue is allowed."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        import secrets

        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery key"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._key = key
        self._groups = key.split("-")
        explain = QLabel(self.tr(
            "This recovery key opens the database if every passphrase is forgotten. It is "
            "shown only now. Print it or write it down, and keep it locked away from the "
            "laptop."), self)
        explain.setWordWrap(True)
        self.key_label = QLabel(key, self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(font.pointSize() + 6)
        font.setWeight(QFont.Weight.Bold)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.key_label.setAccessibleDescription(self.tr("Recovery key"))
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.print_button = QPushButton(self.tr("Print…"), self)
        self.print_button.clicked.connect(self.print_key)
        self.confirm = QCheckBox(self.tr("I have printed or written down the recovery key"), self)
        # Two different groups, by number, to be typed back from the paper.
        first = secrets.randbelow(len(self._groups))
        second = (first + 1 + secrets.randbelow(len(self._groups) - 1)) % len(self._groups)
        self.asked = tuple(sorted((first, second)))
        self.check_fields: list[QLineEdit] = []
        check = QFormLayout()
        for index in self.asked:
            field = QLineEdit(self)
            field.setMaxLength(len(self._groups[index]) + 2)
            title = self.tr("Group {0} of the key").format(index + 1)
            field.setAccessibleName(title)
            field.textChanged.connect(self._update)
            self.check_fields.append(field)
            check.addRow(title, field)
        check_intro = QLabel(self.tr(
            "To be sure it was kept, type these groups from your paper (the key's groups are "
            "counted from the left):"), self)
        check_intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Continue"))
        self.ok_button.setEnabled(False)
        self.confirm.toggled.connect(self._update)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (explain, self.key_label, self.print_button, self.confirm, check_intro):
            layout.addWidget(widget)
        layout.addLayout(check)
        layout.addWidget(self.buttons)

    def kept(self) -> bool:
        """The box is ticked and the groups asked for were typed back right."""
        typed = [f.text().strip().upper() for f in self.check_fields]
        return self.confirm.isChecked() and typed == [self._groups[i] for i in self.asked]

    def _update(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.kept())

    def accept(self) -> None:
        if self.kept():
            super().accept()

    def reject(self) -> None:
        # Closing without confirming would lose the only copy: only Continue closes.
        if self.kept():
            super().reject()

    def sheet(self) -> QTextDocument:
        """The printable recovery sheet (no survivor data, no account names)."""
        document = QTextDocument(self)
        document.setHtml(self.tr(
            "<h1>Case Tracker recovery key</h1><p style='font-size:20pt; "
            "font-family:monospace'>{0}</p><p>Keep this sheet locked away, apart from the "
            "laptop. It opens the database when every passphrase is forgotten; after it is "
            "used, Case Tracker shows a new one.</p>").format(self._key))
        return document

    def print_key(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.sheet().print_(printer)
