"""One line of a caseload list: what a case manager scans for without opening a record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class CaseloadRow:
    """One line of a caseload list: what a case manager scans for, without opening a record."""

    id: str
    case_number: str
    preferred_name: str
    status: str
    assigned_to: str | None
    next_milestone_due: date | None
    last_contact: date | None  # the latest note of a kind in `notes.REACHED`
    documents_outstanding: int  # documents for which `Document.outstanding_on(today)`
    stage: str = "readiness"
    # At readiness, with every workshop of the program's readiness track completed.
    ready_to_match: bool = False
