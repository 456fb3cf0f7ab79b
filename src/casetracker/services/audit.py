"""Reading and verifying the audit trail (supervisors only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from casetracker.domain.accounts import Role
from casetracker.domain.audit import AuditEntry, ChainReport
from casetracker.domain.errors import CaseTrackerError
from casetracker.export.reports import write_csv
from casetracker.security.atomic import atomic_write
from casetracker.services.session import Session
from casetracker.storage.repositories import AuditRepository

_CHUNK = 5000


def verify_chain(session: Session) -> ChainReport:
    """Verify the whole chain and its head; the check itself is audited."""
    session.require("verifying the audit trail", Role.SUPERVISOR)
    report = session.verify_audit_chain()
    session.audit("audit.verify", None, ok=report.ok, entries=report.entries,
                  first_bad=report.first_bad_seq)
    return report


def recent_entries(session: Session, limit: int = 100) -> list[AuditEntry]:
    """The newest `limit` entries, oldest first."""
    session.require("reading the audit trail", Role.SUPERVISOR)
    limit = max(1, min(limit, 1_000_000))
    session.audit("audit.view", None, limit=limit)
    return AuditRepository(session.conn).recent(limit)


def search(session: Session, *, actor: str | None = None, subject: str | None = None,
           action: str | None = None, since: date | None = None, until: date | None = None,
           limit: int = 1000) -> list[AuditEntry]:
    """The audit log viewer's filters: who, which case, which action, which dates."""
    session.require("reading the audit trail", Role.SUPERVISOR)
    entries = AuditRepository(session.conn).search(
        actor=actor, subject=subject, action=action,
        since=since.isoformat() if since else None,
        until=(until + timedelta(days=1)).isoformat() if until else None,
        limit=max(1, min(limit, 100_000)))
    session.audit("audit.view", None, filters={"actor": actor, "subject": subject,
                                               "action": action})
    return entries


def write_view(out: Path, rows: list[list[str]],
               progress: Callable[[int, float | None], bool] | None = None) -> None:
    """The audit log viewer's rows as CSV, with formula-like cells made harmless.

    `progress(rows done, fraction)` is called every few thousand rows; returning False stops,
    and nothing is written (`ExportCancelledError`)."""
    parts: list[str] = []
    for start in range(0, len(rows), _CHUNK):
        parts.append(write_csv(rows[start:start + _CHUNK]))
        done = min(len(rows), start + _CHUNK)
        if progress is not None and progress(done, done / len(rows)) is False:
            raise ExportCancelledError("the export was cancelled; nothing was written")
    atomic_write(out, "".join(parts).encode("utf-8"))


class ExportCancelledError(CaseTrackerError):
    """The person cancelled an export; no file was written."""
