"""Retention: purging a closed case for good.

A case manager closes a case; a supervisor, who decides what the program keeps, purges it,
typing its case number to confirm. Every row of the survivor goes, the search index and the
write-ahead log are compacted so the words do not linger in the file, and the audit trail keeps
an entry that holds only the case number, the record id and how many rows went.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from casetracker.domain.accounts import Role
from casetracker.domain.errors import UsageError
from casetracker.domain.survivors import CaseStatus
from casetracker.services import access, copies
from casetracker.services.session import Session
from casetracker.storage.connection import transaction
from casetracker.storage.repositories import AuditSubjectKeys
from casetracker.storage.retention_repo import RetentionRepository

# How a purge's summary names each table's rows, in the order it lists them: (singular,
# plural). A table missing here is still counted, under its own name.
_ROW_NAMES: dict[str, tuple[str, str]] = {
    "survivor_sensitive": ("its sensitive details", "its sensitive details"),
    "goals": ("goal", "goals"),
    "milestones": ("milestone", "milestones"),
    "checkins": ("progress check-in", "progress check-ins"),
    "barriers": ("barrier", "barriers"),
    "documents": ("document", "documents"),
    "attachments": ("scan", "scans"),
    "notes": ("case note", "case notes"),
    "tasks": ("task", "tasks"),
    "placement_steps": ("placement step", "placement steps"),
    "workshop_attendance": ("workshop attendance", "workshop attendances"),
    "consents": ("consent", "consents"),
    "exports": ("export log entry", "export log entries"),
    "reviews": ("case review", "case reviews"),
    "review_actions": ("review action", "review actions"),
    "restriction_clearances": ("clearance for a restricted employer",
                               "clearances for restricted employers"),
}


@dataclass(frozen=True, slots=True)
class PurgeReport:
    """What a purge removed (rows per table), whether the log was emptied at once, and the
    program's copies that still hold the case (`copies.lines()` names each file)."""

    case_number: str
    rows: dict[str, int]
    checkpointed: bool
    copies: copies.CopiesReport = field(default_factory=lambda: copies.CopiesReport(""))

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def summary(self) -> str:
        """One line saying what went, in counts (no value of the record): "purged CT-1: the
        record, 3 goals, 9 documents and its search entries"."""
        parts = ["the record"] if self.rows.get("survivors") else []
        others = {table: n for table, n in self.rows.items() if n and table != "survivors"}
        for table, (one, many) in _ROW_NAMES.items():
            count = others.pop(table, 0)
            if table == "survivor_sensitive":
                parts += [one] if count else []
            elif count:
                parts.append(f"{count} {one if count == 1 else many}")
        parts += [f"{n} {table} row{'' if n == 1 else 's'}" for table, n in others.items()]
        return f"purged {self.case_number}: {', '.join(parts)} and its search entries"


def purge_case(session: Session, case_number: str, confirmation: str) -> PurgeReport:
    """Remove a closed case and everything recorded about the survivor (supervisors only).

    `confirmation` must repeat the case number; anything else removes nothing.
    """
    session.require("purging a case", Role.SUPERVISOR)
    survivor = access.find(session, case_number)
    if confirmation.strip().casefold() != survivor.case_number.casefold():
        raise UsageError(f"to purge case {survivor.case_number}, type its case number exactly; "
                         "nothing was removed")
    if survivor.status is not CaseStatus.CLOSED:
        raise UsageError(f"case {survivor.case_number} is still active: its case manager "
                         "closes it first; nothing was removed")
    repo = RetentionRepository(session.conn)
    with session.changing():
        rows = repo.delete_survivor(survivor.id)
        # What earlier entries said about the case (employers, categories, hashes) goes with
        # its key; the chain still verifies, and the purge's own entry gets a new key.
        AuditSubjectKeys(session.conn).destroy(survivor.case_number)
        session.audit("survivor.purge", survivor.case_number, record=survivor.id, rows=rows)
    with transaction(session.conn):
        repo.compact_search_index()
    checkpointed = repo.checkpoint()
    return PurgeReport(survivor.case_number, rows, checkpointed,
                       copies.after_purge(session, survivor.case_number))
