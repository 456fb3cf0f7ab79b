"""Reading and verifying the audit trail (supervisors only)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from casetracker.domain.accounts import Role
from casetracker.domain.audit import AuditEntry, ChainReport, action_words
from casetracker.domain.errors import CaseTrackerError
from casetracker.export.reports import write_csv
from casetracker.security import audit_sealing
from casetracker.security.atomic import atomic_write
from casetracker.services import audit_anchor, duplicates, sharing
from casetracker.services.audit_anchor import AnchorReport
from casetracker.services.session import Session
from casetracker.storage.connection import is_database_error
from casetracker.storage.repositories import AuditRepository, AuditSubjectKeys

_CHUNK = 5000


def verify_chain(session: Session) -> ChainReport:
    """Verify the whole chain and its head; the check itself is audited."""
    session.require("verifying the audit trail", Role.SUPERVISOR)
    report = session.verify_audit_chain()
    session.audit("audit.verify", None, ok=report.ok, entries=report.entries,
                  first_bad=report.first_bad_seq)
    return report


@dataclass(frozen=True, slots=True)
class TrailReport:
    """The chain's MACs and head, and how far supervisors countersigned it."""

    chain: ChainReport
    anchor: AnchorReport

    @property
    def ok(self) -> bool:
        return self.chain.ok and self.anchor.ok

    def summary(self) -> str:
        return f"{self.chain.summary()}\n{self.anchor.summary()}"


def verify_trail(session: Session) -> TrailReport:
    """`verify_chain`, then the supervisors' checkpoints against it (`audit_anchor`)."""
    chain = verify_chain(session)
    return TrailReport(chain, audit_anchor.verify(session))


def record_lock(session: Session, why: str) -> None:
    """Audit the locking of the desktop app (`why`: asked, idle, quick exit) just before its
    session closes. Locking never fails for it: a database that cannot take the entry (read
    only, damaged) is closed all the same."""
    try:
        session.audit("session.lock", None, why=why)
    except CaseTrackerError:
        pass
    except Exception as exc:
        if not is_database_error(exc):
            raise


def recent_entries(session: Session, limit: int = 100) -> list[AuditEntry]:
    """The newest `limit` entries, oldest first."""
    session.require("reading the audit trail", Role.SUPERVISOR)
    limit = max(1, min(limit, 1_000_000))
    session.audit("audit.view", None, limit=limit)
    return opened(session, AuditRepository(session.conn).recent(limit))


def search(session: Session, *, actor: str | None = None, subject: str | None = None,
           action: str | None = None, since: date | None = None, until: date | None = None,
           limit: int = 1000) -> list[AuditEntry]:
    """The audit log viewer's filters: who, which case, which action, which dates."""
    session.require("reading the audit trail", Role.SUPERVISOR)
    limit = max(1, min(limit, 100_000))
    # A case's history includes the records merged into it, under their old numbers.
    subjects = [subject, *duplicates.merged_case_numbers(session, subject)] if subject else [None]
    entries = sorted({entry.seq: entry for one in subjects for entry in AuditRepository(
        session.conn).search(actor=actor, subject=one, action=action,
                             since=since.isoformat() if since else None,
                             until=(until + timedelta(days=1)).isoformat() if until else None,
                             limit=limit)}.values(), key=lambda e: e.seq)[-limit:]
    session.audit("audit.view", None, filters={"actor": actor, "subject": subject,
                                               "action": action})
    return opened(session, entries)


@dataclass(frozen=True, slots=True)
class ExportLine:
    """One line of the export log as the audit viewer lists it."""

    at: str
    actor: str
    what: str
    case_number: str
    recipient: str
    position: str
    fields: tuple[str, ...]
    sha256: str
    kind: str = ""  # the export's kind (`ExportRecord.kind`), for an interface's own words


def export_lines(session: Session) -> list[ExportLine]:
    """Every export and letter, newest first, with its case number and position (from the
    audit entry that logged it, matched by the file's hash) and the file's hash."""
    session.require("reading the export log", Role.SUPERVISOR)
    logged: dict[str, AuditEntry] = {}
    for entry in opened(session, AuditRepository(session.conn).search(
            action="export.", limit=100_000)):
        sha = entry.details.get("sha256")
        if isinstance(sha, str) and entry.action != "export.write_failed":
            logged[sha] = entry
    lines = []
    for record in sharing.export_log(session):
        found = logged.get(record.sha256)
        position = found.details.get("position", "") if found else ""
        lines.append(ExportLine(
            record.at, record.actor, action_words("export." + record.kind),
            (found.subject or "") if found else "", record.recipient,
            position if isinstance(position, str) else "", record.fields, record.sha256,
            record.kind))
    return lines


def opened(session: Session, entries: list[AuditEntry]) -> list[AuditEntry]:
    """Entries with their details unsealed; a purged case's details read as removed."""
    keys = AuditSubjectKeys(session.conn)
    found: dict[str, bytes | None] = {}
    result = []
    for entry in entries:
        if entry.subject and audit_sealing.is_sealed(entry.details):
            if entry.subject.casefold() not in found:
                found[entry.subject.casefold()] = keys.get(entry.subject)
            details = audit_sealing.open_sealed(found[entry.subject.casefold()],
                                                entry.subject, entry.seq, entry.details)
            entry = replace(entry, details=details)
        result.append(entry)
    return result


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
