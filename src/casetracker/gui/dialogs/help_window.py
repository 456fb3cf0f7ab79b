"""Help → User guide and Help → About.

The guides are Markdown files in `resources/help/<language>/<role>.md`, one per role, in each
interface language (English when a language has none), shown in a QTextBrowser.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

import casetracker
from casetracker.domain.accounts import Role
from casetracker.gui.i18n import SOURCE_LANGUAGE, current_language
from casetracker.gui.labels import label

LICENCE = "AGPL-3.0-or-later"


def guide_text(role: Role, language: str) -> str:
    """The Markdown guide for `role` in `language` (English when there is none)."""
    root = resources.files("casetracker.resources") / "help"
    for folder in (language, SOURCE_LANGUAGE):
        guide = root / folder / f"{role.value}.md"
        if guide.is_file():
            return guide.read_text(encoding="utf-8")
    raise FileNotFoundError(f"no help for {role.value}")


class HelpWindow(QDialog):
    """The user guide for a role (the reader's own first), in the interface language."""

    def __init__(self, role: Role, parent: QWidget | None = None, *,
                 language: str | None = None) -> None:
        from casetracker.gui.main_window import ROLE_LABELS

        super().__init__(parent)
        self.setWindowTitle(self.tr("User guide"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.language = language or current_language()
        self.role = QComboBox(self)
        self.role.setAccessibleName(self.tr("Guide for"))
        for each in (role, *(r for r in Role if r is not role)):
            self.role.addItem(label(ROLE_LABELS[each]), each.value)
        self.role.currentIndexChanged.connect(self._show)
        self.text = QTextBrowser(self)
        self.text.setAccessibleName(self.tr("User guide"))
        self.text.setOpenLinks(False)  # no link leaves the program
        form = QFormLayout()
        form.addRow(self.tr("Guide for"), self.role)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(close)
        self.resize(760, 640)
        self._show()

    def _show(self, *_args: object) -> None:
        self.text.setMarkdown(guide_text(Role(self.role.currentData()), self.language))


class AboutDialog(QDialog):
    """Version, licence, and (only once unlocked) where the data is."""

    def __init__(self, database: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Case Tracker"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        title = QLabel(self.tr("<h2>Case Tracker {0}</h2>").format(casetracker.__version__),
                       self)
        text = self.tr(
            "An offline, encrypted case tracker for programs that help survivors of human "
            "trafficking into safe jobs. It never connects to a network.\n\n"
            "Licence: {0}. You may use, study, share and change it under that licence.").format(
            LICENCE)
        if database is not None:
            text += "\n\n" + self.tr(
                "The data is in the encrypted database {0}, with its key file {1} beside it. "
                "Back up both with Tools → Backups….").format(
                str(database), f"{database.name}.keys")
        self.body = QLabel(text, self)
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.body)
        layout.addWidget(close)
        self.resize(560, self.sizeHint().height())
