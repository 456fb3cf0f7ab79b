"""Consents: who may receive what, until when; the release form; sharing with an employer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.catalog import Category
from casetracker.domain.consent import EXPIRY_WARNING_DAYS, Consent, Revocation
from casetracker.gui.dialogs.consent_dialog import (
    ConsentDialog,
    ConsentInput,
    RevocationInput,
    RevokeDialog,
)
from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.gui.labels import category_name
from casetracker.gui.record.base import RecordTab
from casetracker.gui.widgets import dated_name, save_file_name, show_day
from casetracker.services import consent, employers, sharing, sharing_support
from casetracker.services.sharing import PreparedExport


class ConsentTab(RecordTab):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.table = QTableWidget(0, 7, self)
        self.table.setAccessibleName(self.tr("Releases of information"))
        self.table.setHorizontalHeaderLabels([self.tr("Recipient"), self.tr("Purpose"),
                                              self.tr("Shares"), self.tr("Starts"),
                                              self.tr("Expires"), self.tr("May share further"),
                                              self.tr("Status")])
        # Coordinators are never shown a release's purpose (`consent._as_seen_by`).
        self.table.setColumnHidden(1, self.session.account.role is Role.COORDINATOR)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setColumnWidth(0, 150)
        self.table.setColumnWidth(1, 180)
        self.table.setColumnWidth(2, 180)
        self.add_button = QPushButton(self.tr("New release…"), self)
        self.add_button.clicked.connect(self.open_consent_dialog)
        self.revoke_button = QPushButton(self.tr("Revoke…"), self)
        self.revoke_button.clicked.connect(self.revoke_selected)
        self.form_button = QPushButton(self.tr("Print release form…"), self)
        self.form_button.clicked.connect(self.save_release_form)
        for button in (self.add_button, self.revoke_button, self.form_button):
            button.setVisible(self.editable)
        self.share_button = QPushButton(self.tr("Share with an employer…"), self)
        self.share_button.clicked.connect(self.open_export_dialog)
        self.share_button.setVisible(
            self.editable or self.session.account.role is Role.COORDINATOR)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.revoke_button, self.form_button,
                       self.share_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._consents: list[Consent] = []
        self.refresh()

    def refresh(self) -> None:
        self._consents = consent.consents(self.session, self.case_number)
        today = clock.today()
        self.table.setRowCount(len(self._consents))
        for row, item in enumerate(self._consents):
            revoked = item.revoked_on is not None and item.revoked_on <= today
            status = (self.tr("Revoked in writing") if revoked and item.revoked_how
                      is Revocation.WRITTEN else self.tr("Revoked orally") if revoked and
                      item.revoked_how is Revocation.ORAL else self.tr("Revoked") if revoked
                      else self.tr("Active") if item.active_on(today) else self.tr("Expired"))
            if item.expiring_within(today, EXPIRY_WARNING_DAYS):
                status = self.tr("Active — expires soon")
            shares = ", ".join(category_name(c) for c in sorted(item.categories,
                                                                 key=list(Category).index))
            purpose = item.purpose or self.tr("(not recorded)")
            further = self.tr("Yes") if item.may_share_further else self.tr("No")
            for column, text in enumerate([item.recipient_name, purpose, shares,
                                           show_day(item.signed_on), show_day(item.expires_on),
                                           further, status]):
                self.table.setItem(row, column, QTableWidgetItem(text))

    def selected(self) -> Consent | None:
        row = self.table.currentRow()
        return self._consents[row] if 0 <= row < len(self._consents) else None

    def open_consent_dialog(self) -> None:
        dialog = ConsentDialog(employers.employers(self.session), self,
                               date_of_birth=self.survivor.date_of_birth)
        dialog.submit = self._save_consent
        self.active_dialog = dialog
        dialog.open()

    def _save_consent(self, data: ConsentInput) -> None:
        consent.add_consent(self.session, self.case_number, categories=data.categories,
                            purpose=data.purpose, expires_on=data.expires_on,
                            signed_on=data.signed_on, recipient_employer=data.employer_id,
                            recipient_agency=data.agency, method=data.method,
                            may_share_further=data.may_share_further,
                            guardian_name=data.guardian_name,
                            guardian_signed=data.guardian_signed)
        self.refresh()

    def revoke_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        dialog = RevokeDialog(chosen.recipient_name, self)
        dialog.submit = lambda data: self._revoke(chosen.id, data)
        self.active_dialog = dialog
        dialog.open()

    def _revoke(self, consent_id: str, data: RevocationInput) -> None:
        consent.revoke(self.session, consent_id, data.on, data.how)
        self.refresh()

    def save_release_form(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        path = save_file_name(self, self.tr("Save the release form"),
                              dated_name(self.tr("release-form")),
                              [(self.tr("PDF (*.pdf)"), "pdf")])
        if path:
            self.attempt(lambda: consent.write_release_form(self.session, chosen.id, Path(path)))

    def open_export_dialog(self) -> None:
        today = clock.today()
        names = sorted({c.recipient_name for c in self._consents
                        if c.recipient_employer_id and c.active_on(today)})
        dialog = ExportDialog(names, self._prepare, self._save, self,
                              positions=self._open_positions,
                              missing_letterhead=sharing_support.missing_letterhead(
                                  self.session))
        self.active_dialog = dialog
        dialog.show()

    def _open_positions(self, employer: str) -> list[tuple[str, str]]:
        return [(p.id, p.title) for p in sharing.open_positions(self.session, employer)]

    def _prepare(self, kind: str, employer: str, position: str | None) -> PreparedExport:
        if kind == "referral_letter":
            return sharing.prepare_referral_letter(self.session, self.case_number, employer,
                                                   position)
        return sharing.prepare_employer_profile(self.session, self.case_number, employer)

    def _save(self, prepared: PreparedExport, path: str) -> str:
        return sharing.save(self.session, prepared, Path(path))
