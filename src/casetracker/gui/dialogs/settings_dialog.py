"""Program settings: auto-lock time, the organisation's details for letterheads; and each
person's own: the interface language, and the name and job title that sign their letters
(kept with their account)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.accounts import StaffName
from casetracker.domain.employment import WORKSHOP_LABELS, WorkshopTopic
from casetracker.domain.settings import ProgramSettings
from casetracker.gui.i18n import LANGUAGES, saved_language
from casetracker.gui.labels import label
from casetracker.gui.widgets import FormDialog


class SettingsDialog(FormDialog):
    def __init__(self, settings: ProgramSettings, *, editable: bool,
                 parent: QWidget | None = None, own_name: StaffName | None = None,
                 logo: bytes = b"", sync_folder: str | None = None) -> None:
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
        self.logo_preview = QLabel(self)
        self._preview_logo(logo)
        form.addRow("", self.logo_preview)
        # Until the letterhead is complete, letters go out without the missing parts.
        self.letterhead_notice = QLabel(self)
        self.letterhead_notice.setWordWrap(True)
        form.addRow("", self.letterhead_notice)
        if not editable:
            form.addRow("", QLabel(self.tr("Only a supervisor can change these."), self))
        for field in (self.organisation_name, self.organisation_phone):
            field.textChanged.connect(self._update_letterhead_notice)
        self.organisation_address.textChanged.connect(self._update_letterhead_notice)
        self._update_letterhead_notice()
        # Each person's own: how their letters are signed.
        own = own_name or StaffName("")
        self.display_name = QLineEdit(own.display_name, self)
        self.display_name.setAccessibleName(self.tr("Your name on letters"))
        self.display_name.setPlaceholderText(self.tr("Blank: your account name"))
        self.job_title = QLineEdit(own.job_title, self)
        self.job_title.setAccessibleName(self.tr("Your job title"))
        self.job_title.setPlaceholderText(self.tr("Employment coordinator"))
        name_note = QLabel(self.tr("Yours, kept with your account: your letters are signed "
                                   "with this name and title."), self)
        name_note.setWordWrap(True)
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
        form.addRow(self.tr("Your name on letters"), self.display_name)
        form.addRow(self.tr("Your job title"), self.job_title)
        form.addRow("", name_note)
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
        # In a team program (schema 26): the settings travel; say so, and what stays here.
        self.team_note = QLabel(self.tr(
            "These settings are the program's own: every laptop of the program takes them, "
            "and a supervisor's change reaches them all. What stays on this laptop: its sync "
            "folder, and each person's language and name on letters."), self)
        self.team_note.setWordWrap(True)
        if sync_folder is not None:
            self.body.addWidget(self.team_note)
        else:
            self.team_note.hide()
        self.body.addLayout(form)
        self.body.addWidget(self._program_box(settings))
        if sync_folder is not None:
            self.setMinimumWidth(560)
            self.adjustSize()
        if not editable:
            self.logo_button.setEnabled(False)
            for widget in (self.auto_lock, self.organisation_name, self.organisation_address,
                           self.organisation_phone, self.service_types,
                           *self.track.values()):
                widget.setEnabled(False)

    def _program_box(self, settings: ProgramSettings) -> QGroupBox:
        """The Safe Jobs program's own choices: its readiness track, its service types."""
        box = QGroupBox(self.tr("The program"), self)
        layout = QVBoxLayout(box)
        track_note = QLabel(self.tr("Readiness track: the workshops a survivor completes to be "
                                    "ready to match (listed first in matching)."), box)
        track_note.setWordWrap(True)
        layout.addWidget(track_note)
        grid = QGridLayout()
        self.track: dict[WorkshopTopic, QCheckBox] = {}
        chosen = set(settings.readiness_track)
        for index, (topic, text) in enumerate(WORKSHOP_LABELS.items()):
            check = QCheckBox(label(text), box)
            check.setChecked(topic.value in chosen)
            self.track[topic] = check
            grid.addWidget(check, index // 2, index % 2)
        layout.addLayout(grid)
        types_label = QLabel(self.tr("Service t&ypes the program adds (one a line):"), box)
        self.service_types = QPlainTextEdit("\n".join(settings.service_types_added), box)
        self.service_types.setAccessibleName(self.tr("Service types the program adds"))
        self.service_types.setPlaceholderText(self.tr("For example: Child care"))
        self.service_types.setTabChangesFocus(True)
        self.service_types.setMaximumHeight(70)
        types_label.setBuddy(self.service_types)
        layout.addWidget(types_label)
        layout.addWidget(self.service_types)
        return box

    def missing_letterhead(self) -> list[str]:
        """The organisation's details still blank, as typed now."""
        return [text for text, value in (
            (self.tr("name"), self.organisation_name.text()),
            (self.tr("address"), self.organisation_address.toPlainText()),
            (self.tr("phone"), self.organisation_phone.text())) if not value.strip()]

    def _update_letterhead_notice(self) -> None:
        missing = self.missing_letterhead()
        self.letterhead_notice.setVisible(bool(missing))
        self.letterhead_notice.setText(self.tr(
            "Letters and profiles go out without the organisation's {0} until it is set "
            "here.").format(", ".join(missing)))

    def _preview_logo(self, image: bytes) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QPixmap

        pixmap = QPixmap()
        if image and pixmap.loadFromData(image):
            # A picture has no text of its own to read out: it gets a name.
            self.logo_preview.setAccessibleName(self.tr("Logo preview"))
            self.logo_preview.setPixmap(pixmap.scaled(
                160, 48, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
        else:
            self.logo_preview.setAccessibleName("")
            self.logo_preview.setText(self.tr("No logo"))

    def own_name(self) -> tuple[str, str]:
        """(display name, job title) the person typed for their own letters."""
        return self.display_name.text().strip(), self.job_title.text().strip()

    def choose_logo(self) -> None:
        from pathlib import Path

        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Letterhead logo"), "",
                                              self.tr("Images (*.png *.jpg *.jpeg)"))
        if path:
            self.logo = Path(path).read_bytes()
            self.logo_label.setText(self.tr("New logo chosen ({0} KiB)").format(
                len(self.logo) // 1024 + 1))
            self._preview_logo(self.logo)

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
        return ProgramSettings(
            self.auto_lock.value(), self.organisation_name.text().strip(),
            self.organisation_address.toPlainText().strip(),
            self.organisation_phone.text().strip(),
            readiness_track=tuple(t.value for t, box in self.track.items() if box.isChecked()),
            service_types_added=tuple(
                line.strip() for line in self.service_types.toPlainText().splitlines()
                if line.strip()))
