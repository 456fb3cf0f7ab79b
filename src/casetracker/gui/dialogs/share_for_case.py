"""The sharing dialog for one survivor, opened from wherever a coordinator meets them (a
match, a consent listed under an employer), with the employer and position chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from casetracker.gui.dialogs.export_dialog import ExportDialog
from casetracker.services import sharing, sharing_support
from casetracker.services.session import Session
from casetracker.services.sharing import PreparedExport


def share_dialog(session: Session, case_number: str, employers: list[str],
                 parent: QWidget | None = None, *, employer: str | None = None,
                 position_id: str | None = None,
                 kind: str = "referral_letter") -> ExportDialog:
    """An `ExportDialog` for `case_number`, set to `kind` for `employer` and `position_id`."""

    def prepare(chosen_kind: str, chosen: str, position: str | None) -> PreparedExport:
        if chosen_kind == "referral_letter":
            return sharing.prepare_referral_letter(session, case_number, chosen, position)
        return sharing.prepare_employer_profile(session, case_number, chosen)

    def save(prepared: PreparedExport, path: str) -> str:
        return sharing.save(session, prepared, Path(path))

    def positions(chosen: str) -> list[tuple[str, str]]:
        return [(p.id, p.title) for p in sharing.open_positions(session, chosen)]

    dialog = ExportDialog(employers, prepare, save, parent, positions=positions,
                          missing_letterhead=sharing_support.missing_letterhead(session))
    if employer is not None and dialog.employer.findText(employer) >= 0:
        dialog.employer.setCurrentIndex(dialog.employer.findText(employer))
    dialog.kind.setCurrentIndex(max(0, dialog.kind.findData(kind)))
    if position_id is not None:
        dialog.position.setCurrentIndex(max(0, dialog.position.findData(position_id)))
    return dialog
