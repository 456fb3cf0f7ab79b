"""Confirming the purge of a closed case: the supervisor types its case number."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from casetracker.gui.widgets import TypeToConfirmDialog


class PurgeDialog(TypeToConfirmDialog):
    """OK stays disabled until the case number is typed."""

    def __init__(self, case_number: str, parent: QWidget | None = None) -> None:
        # The title names no case: window titles can show in task bars and switchers.
        super().__init__(
            parent, title=self.tr("Purge a closed case"), warning=self.tr(
                "Purging removes case {0} and everything recorded about this survivor — "
                "profile, notes, goals, documents and scans, consents, placement and reviews — "
                "for good. It cannot be undone, and a backup made earlier still holds it. The "
                "audit trail keeps only that the case was purged, by whom and when."
            ).format(case_number),
            prompt=self.tr("Type the case number to confirm:"),
            typed_name=self.tr("Case number to confirm"), expected=case_number,
            action=self.tr("Purge for good"))
