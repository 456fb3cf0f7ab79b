"""First run: create the database and its supervisor account, then show the recovery key."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.errors import UsageError
from casetracker.gui.widgets import FormDialog, passphrase_fields


@dataclass(frozen=True)
class NewVault:
    supervisor: str
    passphrase: str


class FirstRunDialog(FormDialog):
    """Asks for the first (supervisor) account's name and passphrase."""

    def __init__(self, location: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Set up Case Tracker"), parent)
        intro = QLabel(self.tr(
            "There is no database yet. Case Tracker will create an encrypted one at:\n{0}\n\n"
            "The first account is a supervisor, who then adds the staff. Choose a passphrase "
            "of at least 15 characters: a few unrelated words are easy to type and hard to "
            "guess.").format(location), self)
        intro.setWordWrap(True)
        self.name = QLineEdit(self)
        self.name.setAccessibleName(self.tr("Account name"))
        self.passphrase, self.repeat = passphrase_fields(
            self, self.tr("Passphrase"), self.tr("Repeat the passphrase"))
        form = QFormLayout()
        form.addRow(self.tr("Account name"), self.name)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Repeat it"), self.repeat)
        self.body.addWidget(intro)
        self.body.addLayout(form)

    def data(self) -> NewVault:
        if self.passphrase.text() != self.repeat.text():
            raise UsageError(self.tr("The two passphrases differ."))
        return NewVault(self.name.text().strip(), self.passphrase.text())


class RecoveryKeyDialog(QDialog):
    """Shows a recovery key once, offers to print it, and waits for a confirmation."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recovery key"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._key = key
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
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Continue"))
        self.ok_button.setEnabled(False)
        self.confirm.toggled.connect(self.ok_button.setEnabled)
        self.buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for widget in (explain, self.key_label, self.print_button, self.confirm, self.buttons):
            layout.addWidget(widget)

    def reject(self) -> None:
        # Closing without confirming would lose the only copy: only Continue closes.
        if self.confirm.isChecked():
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
