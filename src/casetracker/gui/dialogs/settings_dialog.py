"""Program settings: auto-lock time, the organisation's details for letterheads; and the
interface language, each person's own (kept with their account)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from casetracker.domain.settings import ProgramSettings
from casetracker.gui.i18n import LANGUAGES, saved_language
from casetracker.gui.widgets import FormDialog


class SettingsDialog(FormDialog):
    def __init__(self, settings: ProgramSettings, *, editable: bool,
                 parent: QWidget | None = None, sync_folder: str | None = None) -> None:
        super().__init__(self.tr("Settings"), parent)
        self.auto_lock = QSpinBox(self)
        self.auto_lock.setRange(1, 60)
        self.auto_lock.setSuffix(self.tr(" minutes"))
        self.auto_lock.setValue(settings.auto_lock_minutes)
        self.auto_lock.setAccessibleName(self.tr("Lock after idle time"))
        self.organisation_name = QLineEdit(settings.organisation_name, self)
        self.organisation_name.setAccessibleName(self.tr("Organisation name"))
        self.organisation_address = QPlainTextEdit(settings.organisation_address, self)
        self.organisation_address.setAccessibleName(self.tr("Organisation address"))
        self.organisation_address.setTabChangesFocus(True)
        self.organisation_address.setMaximumHeight(80)
        self.organisation_phone = QLineEdit(settings.organisation_phone, self)
        self.organisation_phone.setAccessibleName(self.tr("Organisation phone"))
        form = QFormLayout()
        form.addRow(self.tr("Lock after idle time"), self.auto_lock)
        form.addRow(self.tr("Organisation name"), self.organisation_name)
        form.addRow(self.tr("Organisation address"), self.organisation_address)
        form.addRow(self.tr("Organisation phone"), self.organisation_phone)
        self.logo: bytes | None = None
        self.logo_label = QLabel(self.tr("Logo: as before"), self)
        self.logo_button = QPushButton(self.tr("Choose logo…"), self)
        self.logo_button.clicked.connect(self.choose_logo)
        form.addRow(self.logo_label, self.logo_button)
        # Each person's own, kept with their account; this computer's lock screen follows it.
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("Same as this computer"), None)
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(saved_language())))
        language_note = QLabel(self.tr("Your own choice, kept with your account: it is used "
                                       "from your next unlock."), self)
        language_note.setWordWrap(True)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", language_note)
        # This laptop's own (None: the laptop has not joined a team program).
        self.sync_folder = QLineEdit(sync_folder or "", self)
        self.sync_folder.setAccessibleName(self.tr("Sync folder"))
        self.sync_folder.setPlaceholderText(self.tr("None: this laptop does not sync"))
        self.sync_folder_button = QPushButton(self.tr("Choose folder…"), self)
        self.sync_folder_button.clicked.connect(self.choose_sync_folder)
        sync_row = QHBoxLayout()
        sync_row.addWidget(self.sync_folder, 1)
        sync_row.addWidget(self.sync_folder_button)
        sync_note = QLabel(self.tr("This laptop's own: a folder every laptop of the program "
                                   "sees. Synced every few minutes while unlocked."), self)
        sync_note.setWordWrap(True)
        if sync_folder is not None:
            form.addRow(self.tr("Sync folder"), sync_row)
            form.addRow("", sync_note)
        else:
            for widget in (self.sync_folder, self.sync_folder_button, sync_note):
                widget.hide()
        self.body.addLayout(form)
        if sync_folder is not None:
            self.setMinimumWidth(560)
            self.adjustSize()
        if not editable:
            self.logo_button.setEnabled(False)
            self.body.addWidget(QLabel(self.tr("Only a supervisor can change these."), self))
            for widget in (self.auto_lock, self.organisation_name, self.organisation_address,
                           self.organisation_phone):
                widget.setEnabled(False)

    def choose_logo(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Letterhead logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo = Path(path).read_bytes()
            self.logo_label.setText(self.tr("New logo chosen ({0} KiB)").format(
                len(self.logo) // 1024 + 1))

    def choose_sync_folder(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(self, self.tr("Sync folder"),
                                                self.sync_folder.text())
        if path:
            self.sync_folder.setText(path)

    def chosen_sync_folder(self) -> str:
        """The folder typed or chosen ('' for none)."""
        return self.sync_folder.text().strip()

    def chosen_language(self) -> str | None:
        """"en", "es", or None to follow the computer's language."""
        code = self.language.currentData()
        return code if isinstance(code, str) else None

    def data(self) -> ProgramSettings:
        return ProgramSettings(self.auto_lock.value(), self.organisation_name.text().strip(),
                               self.organisation_address.toPlainText().strip(),
                               self.organisation_phone.text().strip())
