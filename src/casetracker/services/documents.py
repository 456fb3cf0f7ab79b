"""Identity documents: the checklist, status changes, details, and scans kept inside the
encrypted database (never written to disk in the clear)."""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from pathlib import PurePath

from casetracker.domain import clock
from casetracker.domain.document_needs import (
    NeedsRulesError,
    Requirement,
    next_steps,
    parse_rules,
    waiting_on,
)
from casetracker.domain.documents import (
    Attachment,
    Document,
    DocumentKind,
    DocumentStatus,
    check_transition,
    sniff_scan_type,
)
from casetracker.domain.eligibility import I9Readiness, i9_readiness
from casetracker.domain.errors import NotFoundError, UsageError
from casetracker.domain.survivors import Survivor
from casetracker.domain.validation import Checker, ValidationError
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.records_repo import DocumentRepository


def documents(session: Session, case_number: str) -> list[Document]:
    survivor = access.find(session, case_number)
    access.require_full_read(session, survivor, "reading documents")
    session.audit_view(survivor.case_number, "documents")
    return DocumentRepository(session.conn).documents(survivor.id)


def readiness(session: Session, case_number: str) -> I9Readiness:
    """Ready for I-9, and if not, which one document would make it so (staff only)."""
    return i9_readiness(documents(session, case_number), clock.today())


@dataclass(frozen=True, slots=True)
class Checklist:
    """A case's documents, its I-9 readiness, and what each outstanding document waits on
    (by document id; empty when nothing stands in its way)."""

    documents: list[Document]
    readiness: I9Readiness
    waiting: dict[str, tuple[Requirement, ...]]
    # Outstanding documents in the order to work on them, with how many others each unblocks.
    next_steps: list[tuple[Document, int]]


def checklist(session: Session, case_number: str) -> Checklist:
    """The documents screen in one read (staff only, audited like `documents`)."""
    found = documents(session, case_number)
    today = clock.today()
    rules = needs_rules()
    return Checklist(found, i9_readiness(found, today), waiting_on(found, today, rules),
                     next_steps(found, today, rules))


NEEDS_FILE = "documents/needs.toml"


@cache
def needs_rules() -> dict[DocumentKind, tuple[Requirement, ...]]:
    """The program's rules of which document waits on which (`resources/documents/`)."""
    from importlib import resources

    source = resources.files("casetracker.resources") / "documents" / "needs.toml"
    try:
        return parse_rules(source.read_text(encoding="utf-8"))
    except NeedsRulesError as exc:
        raise NeedsRulesError(f"the document rules ({NEEDS_FILE}) cannot be read: {exc}") from None


def document_to_change(session: Session, case_number: str, which: str,
                       action: str) -> Document:
    """The case's document named by `which` (a kind with one document, or a document's id),
    once the acting account may do `action` to the case."""
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, action)
    found = DocumentRepository(session.conn).documents(survivor.id)
    by_id = [d for d in found if d.id == which.strip()]
    if by_id:
        return by_id[0]
    try:
        kind = DocumentKind(which.strip().lower())
    except ValueError:
        raise UsageError(f"{which!r} is neither a document kind nor one of the case's document "
                         "ids; the kinds are " + ", ".join(k.value for k in DocumentKind)
                         ) from None
    of_kind = [d for d in found if d.kind is kind]
    if not of_kind:
        raise NotFoundError(f"case {survivor.case_number} has no {kind.value} document")
    if len(of_kind) > 1:
        raise UsageError(f"case {survivor.case_number} tracks {len(of_kind)} documents of kind "
                         f"{kind.value}; name one by its id: "
                         + ", ".join(f"{d.id} ({d.title})" for d in of_kind))
    return of_kind[0]


def _for_edit(session: Session, document_id: str, action: str) -> tuple[Document, Survivor]:
    document = DocumentRepository(session.conn).document(document_id)
    if document is None:
        raise NotFoundError("that document no longer exists")
    survivor = access.find_by_id(session, document.survivor_id)
    access.require_case_edit(session, survivor, action)
    return document, survivor


def set_status(session: Session, document_id: str, status: DocumentStatus,
               on: date | None = None) -> Document:
    """Move a document along missing → requested → recovered (or expired, not needed);
    the date of the step is recorded where it has one."""
    document, survivor = _for_edit(session, document_id, "changing a document's status")
    check_transition(document.status, status)
    day = on or clock.today()
    check = Checker()
    check.not_future("date", day, clock.today())
    check.done()
    updated = replace(document, status=status, updated_at=clock.now_iso())
    if status is DocumentStatus.REQUESTED:
        updated = replace(updated, requested_on=day)
    elif status is DocumentStatus.RECOVERED:
        if document.requested_on is not None and day < document.requested_on:
            raise ValidationError({"date": "is before the document was requested"})
        updated = replace(updated, recovered_on=day)
    with session.changing():
        DocumentRepository(session.conn).save(updated)
        session.audit("document.status", survivor.case_number, document=document.kind.value,
                      status=status.value, previous=document.status.value)
    return updated


def record_step(session: Session, document_id: str, status: DocumentStatus,
                on: date | None = None, expires_on: date | None = None) -> Document:
    """`set_status`, and the expiry date of the document in hand, saved together or not at
    all (a document recovered at a clinic day, with the date printed on it)."""
    with session.changing():
        updated = set_status(session, document_id, status, on)
        if expires_on is not None:
            updated = update_details(session, document_id, expires_on=expires_on)
    return updated


def update_details(session: Session, document_id: str, *, issuer: str | None = None,
                   original_location: str | None = None, expires_on: date | None = None,
                   notes: str | None = None, label: str | None = None) -> Document:
    document, survivor = _for_edit(session, document_id, "changing a document")
    updated = replace(
        document,
        issuer=document.issuer if issuer is None else issuer.strip(),
        original_location=(document.original_location if original_location is None
                           else original_location.strip()),
        expires_on=expires_on if expires_on is not None else document.expires_on,
        notes=document.notes if notes is None else notes.strip(),
        label=document.label if label is None else label.strip(),
        updated_at=clock.now_iso())
    check = Checker()
    for name, limit in (("issuer", 200), ("original_location", 300), ("notes", 5000),
                        ("label", 200)):
        check.length(name, getattr(updated, name), limit)
    check.plausible("expires_on", updated.expires_on)
    check.done()
    with session.changing():
        DocumentRepository(session.conn).save(updated)
        session.audit("document.update", survivor.case_number, document=document.kind.value)
    return updated


def add_document(session: Session, case_number: str, kind: DocumentKind,
                 label: str = "") -> Document:
    """Track one more document (an 'other' one, or a second of a kind)."""
    survivor = access.find(session, case_number)
    access.require_case_edit(session, survivor, "adding a document")
    check = Checker()
    if kind is DocumentKind.OTHER:
        check.required("label", label, max_length=200)
    check.done()
    document = Document(str(uuid.uuid4()), survivor.id, kind, label=label.strip(),
                        updated_at=clock.now_iso())
    with session.changing():
        DocumentRepository(session.conn).save(document)
        session.audit("document.add", survivor.case_number, document=kind.value)
    return document


def attach_scan(session: Session, document_id: str, filename: str, content: bytes) -> Attachment:
    """Keep a scan (PDF, PNG or JPEG, at most 10 MiB) inside the encrypted database."""
    document, survivor = _for_edit(session, document_id, "attaching a scan")
    media_type = sniff_scan_type(content)
    attachment = Attachment(str(uuid.uuid4()), document.id, PurePath(filename).name[:200],
                            media_type, len(content), hashlib.sha256(content).hexdigest(),
                            clock.now_iso(), session.account.name)
    with session.changing():
        DocumentRepository(session.conn).add_attachment(attachment, content)
        session.audit("document.scan_add", survivor.case_number, document=document.kind.value,
                      sha256=attachment.sha256, size=attachment.size)
    return attachment


def scans(session: Session, document_id: str) -> list[Attachment]:
    repo = DocumentRepository(session.conn)
    document = repo.document(document_id)
    if document is None:
        raise NotFoundError("that document no longer exists")
    access.require_full_read(session, access.find_by_id(session, document.survivor_id),
                             "listing scans")
    return repo.attachments(document_id)


def read_scan(session: Session, attachment_id: str) -> tuple[Attachment, bytes]:
    """A scan's bytes, for showing in memory (audited as a view)."""
    repo = DocumentRepository(session.conn)
    found = repo.attachment(attachment_id)
    if found is None:
        raise NotFoundError("that scan no longer exists")
    attachment, content = found
    document = repo.document(attachment.document_id)
    assert document is not None
    survivor = access.find_by_id(session, document.survivor_id)
    access.require_full_read(session, survivor, "viewing a scan")
    session.audit("document.scan_view", survivor.case_number, document=document.kind.value)
    return attachment, content


def restore(session: Session, previous: Document) -> Document:
    """Put a document back exactly as it was before a change (undo)."""
    current, survivor = _for_edit(session, previous.id, "undoing a document change")
    restored = replace(previous, updated_at=clock.now_iso())
    with session.changing():
        DocumentRepository(session.conn).save(restored)
        session.audit("document.undo", survivor.case_number, document=current.kind.value,
                      status=restored.status.value, previous=current.status.value)
    return restored
