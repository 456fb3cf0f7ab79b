"""Sharing with an employer: preview the redacted PDF in memory, see what it holds and why,
then save it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from casetracker.domain.catalog import Category
from casetracker.domain.errors import CaseTrackerError
from casetracker.gui.labels import category_name, label, letterhead_words
from casetracker.gui.record.documents_tab import pdf_view
from casetracker.gui.theme import Chip, ErrorLabel, ToneLabel
from casetracker.gui.widgets import dated_name, save_file_name, show_day
from casetracker.services.sharing import PreparedExport

Prepare = Callable[[str, str, str | None], PreparedExport]  # (kind, employer, position id)
Positions = Callable[[str], list[tuple[str, str]]]  # employer -> its open (id, title)
Save = Callable[[PreparedExport, str], str]


# What an export may include, as the sharing service names it (its English labels).
SHARED_ITEMS = {
    "survivor.preferred_name": QT_TRANSLATE_NOOP("labels", "Preferred name"),
    "survivor.skills": QT_TRANSLATE_NOOP("labels", "Skills and certifications"),
    "workshops.completed": QT_TRANSLATE_NOOP("labels", "Workshops completed"),
    "survivor.availability": QT_TRANSLATE_NOOP("labels", "Availability"),
    "goal.specific": QT_TRANSLATE_NOOP("labels", "Employment goals"),
    "placement.history": QT_TRANSLATE_NOOP("labels", "Work through the program"),
    "survivor.accommodations": QT_TRANSLATE_NOOP("labels", "Supports at work"),
    "document.ready_for_i9": QT_TRANSLATE_NOOP("labels", "Documents ready for I-9"),
}


class ExportDialog(QDialog):
    KINDS = (("employer_profile", QT_TRANSLATE_NOOP("labels", "Candidate profile")),
             ("referral_letter", QT_TRANSLATE_NOOP("labels", "Referral letter")))

    def reasons(self, prepared: PreparedExport) -> list[str]:
        """Each included field and the consent that allows it, in the interface language."""
        consent = prepared.consent
        if consent is None:
            return [f"{field} — {why}" for field, why in prepared.reasons]
        lines = []
        for key, (english, why) in zip(prepared.fields, prepared.reasons, strict=True):
            value = why.split(":", 1)[0]  # the service says "<category>: consented on …"
            lines.append(self.tr("{0} — {1}: consented on {2}, until {3}").format(
                label(SHARED_ITEMS.get(key, english)),
                category_name(Category(value)) if value in set(Category) else value,
                show_day(consent.signed_on), show_day(consent.expires_on)))
        return lines

    def __init__(self, employers: list[str], prepare: Prepare, save: Save,
                 parent: QWidget | None = None, positions: Positions | None = None,
                 missing_letterhead: list[str] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Share with an employer"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._prepare, self._save = prepare, save
        self._positions = positions or (lambda _employer: [])
        self.prepared: PreparedExport | None = None
        self.employer = QComboBox(self)
        self.employer.setAccessibleName(self.tr("Employer"))
        self.employer.addItems(employers)
        self.kind = QComboBox(self)
        self.kind.setAccessibleName(self.tr("Document"))
        for value, text in self.KINDS:
            self.kind.addItem(label(text), value)
        # A letter names one of the employer's open positions, never typed text.
        self.position = QComboBox(self)
        self.position.setAccessibleName(self.tr("Position (for a letter)"))
        self.employer.currentTextChanged.connect(self._fill_positions)
        self._fill_positions(self.employer.currentText())
        self.preview_button = QPushButton(self.tr("Preview"), self)
        self.preview_button.clicked.connect(self.preview)
        self.save_button = QPushButton(self.tr("Save PDF…"), self)
        self.save_button.clicked.connect(self.choose_file)
        self.save_button.setEnabled(False)
        self.error = ErrorLabel(self)
        self.fields = QListWidget(self)
        self.fields.setAccessibleName(self.tr("Included, and why"))
        self.fields.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        # Letters are written without what the letterhead lacks, never with a placeholder.
        self.letterhead_notice = ToneLabel(self.tr(
            "The organisation's {0} is not set yet: documents go out without it. A "
            "supervisor sets it in Settings.").format(
            ", ".join(letterhead_words(missing_letterhead or []))), self, chip=Chip.NOTICE,
            extra="padding: 6px; border-radius: 4px;")
        self.letterhead_notice.setWordWrap(True)
        self.letterhead_notice.setVisible(bool(missing_letterhead))
        form = QFormLayout()
        form.addRow(self.tr("Employer"), self.employer)
        form.addRow(self.tr("Document"), self.kind)
        form.addRow(self.tr("Position (for a letter)"), self.position)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        side = QWidget(self)
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(self.letterhead_notice)
        side_layout.addLayout(form)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.error)
        side_layout.addWidget(QLabel(self.tr("Included, and why:"), side))
        side_layout.addWidget(self.fields, 1)
        side_layout.addWidget(self.status)
        self.preview_area = QWidget(self)
        QVBoxLayout(self.preview_area)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.preview_area)
        self.splitter.setSizes([360, 620])
        self.close_buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.close_buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.close_buttons)
        self.resize(1000, 760)

    def _fill_positions(self, employer: str) -> None:
        self.position.clear()
        self.position.addItem(self.tr("No position in particular"), None)
        for position_id, title in self._positions(employer) if employer else []:
            self.position.addItem(title, position_id)

    def preview(self) -> None:
        self.error.clear_error()
        self.fields.clear()
        self.save_button.setEnabled(False)
        try:
            prepared = self._prepare(self.kind.currentData(), self.employer.currentText(),
                                     self.position.currentData())
        except CaseTrackerError as exc:
            self.prepared = None
            self.error.show_error(exc)
            return
        self.prepared = prepared
        for line in self.reasons(prepared):
            self.fields.addItem(line)
        layout = self.preview_area.layout()
        while layout.count():
            old = layout.takeAt(0).widget()
            if old is not None:
                old.deleteLater()
        preview = pdf_view(prepared.pdf, self.preview_area)
        layout.addWidget(preview)
        # Made after the Close button, the preview still comes before it when tabbing.
        for shown in preview.findChildren(QWidget):
            if shown.focusPolicy() & Qt.FocusPolicy.TabFocus:
                QWidget.setTabOrder(shown, self.close_buttons.button(
                    QDialogButtonBox.StandardButton.Close))
        self.status.setText(self.tr("Checked: nothing withheld appears in this document."))
        self.save_button.setEnabled(True)

    def choose_file(self) -> None:
        if self.prepared is None:
            return
        stem = (self.tr("referral-letter") if self.prepared.kind == "referral_letter"
                else self.tr("candidate-profile"))
        path = save_file_name(self, self.tr("Save the PDF"), dated_name(stem),
                              [(self.tr("PDF (*.pdf)"), "pdf")])
        if path:
            self.save_to(path)

    def save_to(self, path: str) -> None:
        assert self.prepared is not None
        try:
            digest = self._save(self.prepared, path)
        except CaseTrackerError as exc:
            self.error.show_error(exc)
            return
        self.status.setText(self.tr("Saved and recorded in the export log ({0}…).").format(
            digest[:12]))
