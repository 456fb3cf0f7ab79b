"""Identity documents being recovered, their status changes, and scans kept with them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from casetracker.domain.validation import Checker, ValidationError


class DocumentKind(StrEnum):
    BIRTH_CERTIFICATE = "birth_certificate"
    STATE_ID = "state_id"  # state ID or driver's license
    SOCIAL_SECURITY_CARD = "social_security_card"
    PASSPORT = "passport"
    WORK_AUTHORIZATION = "work_authorization"  # employment authorization document (EAD)
    T_VISA = "t_visa"  # T-visa or Continued Presence letter
    VACATUR_ORDER = "vacatur_order"
    DIPLOMA = "diploma"  # diploma or certificate
    OTHER = "other"

    @property
    def label(self) -> str:
        return DOCUMENT_LABELS[self]


DOCUMENT_LABELS: dict[DocumentKind, str] = {
    DocumentKind.BIRTH_CERTIFICATE: "Birth certificate",
    DocumentKind.STATE_ID: "State ID or driver's license",  # US spelling: US programs
    DocumentKind.SOCIAL_SECURITY_CARD: "Social Security card",
    DocumentKind.PASSPORT: "Passport",
    DocumentKind.WORK_AUTHORIZATION: "Work authorization (EAD)",
    DocumentKind.T_VISA: "T-visa or Continued Presence letter",
    DocumentKind.VACATUR_ORDER: "Vacatur court order",
    DocumentKind.DIPLOMA: "Diploma or certificate",
    DocumentKind.OTHER: "Other document",
}
# Every new case starts with this checklist, each item missing until someone says otherwise.
STANDARD_CHECKLIST: tuple[DocumentKind, ...] = tuple(k for k in DocumentKind
                                                     if k is not DocumentKind.OTHER)


class DocumentStatus(StrEnum):
    MISSING = "missing"
    REQUESTED = "requested"
    RECOVERED = "recovered"
    EXPIRED = "expired"
    NOT_NEEDED = "not_needed"


# missing → requested → recovered, and the ways back a real case takes (a request lost in the
# mail, a card that expires or is lost again, a document that turns out to be needed).
TRANSITIONS: dict[DocumentStatus, frozenset[DocumentStatus]] = {
    DocumentStatus.MISSING: frozenset({DocumentStatus.REQUESTED, DocumentStatus.RECOVERED,
                                       DocumentStatus.NOT_NEEDED}),
    DocumentStatus.REQUESTED: frozenset({DocumentStatus.RECOVERED, DocumentStatus.MISSING,
                                         DocumentStatus.NOT_NEEDED}),
    DocumentStatus.RECOVERED: frozenset({DocumentStatus.EXPIRED, DocumentStatus.MISSING}),
    DocumentStatus.EXPIRED: frozenset({DocumentStatus.REQUESTED, DocumentStatus.RECOVERED,
                                       DocumentStatus.NOT_NEEDED}),
    DocumentStatus.NOT_NEEDED: frozenset({DocumentStatus.MISSING}),
}
# Outstanding: still to be got. A document with one of these statuses is outstanding whatever
# the date, and a recovered one from the day after its expiry date (`Document.outstanding_on`).
# The one home of this rule: the caseload's and the dashboard's SQL is built from this set
# (storage/rules_sql.py), and tests/unit/test_rules_one_home.py checks that they agree.
OUTSTANDING = frozenset({DocumentStatus.MISSING, DocumentStatus.REQUESTED,
                         DocumentStatus.EXPIRED})


def check_transition(current: DocumentStatus, new: DocumentStatus) -> None:
    """Raise `ValidationError` unless a document may go from `current` to `new`."""
    if new is not current and new not in TRANSITIONS[current]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[current]))
        raise ValidationError({"status": f"cannot go from {current.value} to {new.value} "
                                         f"(possible: {allowed})"})


@dataclass(frozen=True, slots=True)
class Document:
    id: str
    survivor_id: str
    kind: DocumentKind
    status: DocumentStatus = DocumentStatus.MISSING
    label: str = ""
    requested_on: date | None = None
    recovered_on: date | None = None
    expires_on: date | None = None
    issuer: str = ""
    original_location: str = ""
    notes: str = ""
    updated_at: str = ""

    @property
    def title(self) -> str:
        return self.label or self.kind.label

    def usable_on(self, day: date) -> bool:
        """Recovered and not past its expiry date."""
        return self.status is DocumentStatus.RECOVERED and (
            self.expires_on is None or self.expires_on >= day)

    def outstanding_on(self, day: date) -> bool:
        """Still to be got on `day`: an outstanding status, or recovered but expired."""
        return self.status in OUTSTANDING or (
            self.status is DocumentStatus.RECOVERED and not self.usable_on(day))


# A document in hand, or expired in hand: its recovery answered its latest request.
_HELD = frozenset({DocumentStatus.RECOVERED, DocumentStatus.EXPIRED})


def validate_document(document: Document, today: date) -> None:
    """The dates a document carries, as `services.documents.set_status` records them: a
    request and a recovery that have happened (not in the future), a recovery not before the
    request it answered, an expiry date a person could mean. Raise `ValidationError`."""
    check = Checker()
    check.not_future("requested_on", document.requested_on, today)
    check.not_future("recovered_on", document.recovered_on, today)
    check.plausible("expires_on", document.expires_on)
    # Only then: a new request after an expiry leaves the old recovery date behind it.
    if (document.status in _HELD and document.requested_on is not None
            and document.recovered_on is not None
            and document.recovered_on < document.requested_on):
        check.fail("recovered_on", f"{document.recovered_on.isoformat()} is before the "
                                   f"document was requested ({document.requested_on.isoformat()})")
    check.done()


MAX_SCAN_BYTES = 10 * 1024 * 1024
SCAN_TYPES: dict[str, bytes] = {
    "application/pdf": b"%PDF-",
    "image/png": b"\x89PNG\r\n\x1a\n",
    "image/jpeg": b"\xff\xd8\xff",
}


@dataclass(frozen=True, slots=True)
class Attachment:
    """A scan kept inside the encrypted database; its bytes are fetched separately."""

    id: str
    document_id: str
    filename: str
    media_type: str
    size: int
    sha256: str
    added_at: str
    added_by: str | None = None


def check_scan_size(size: int) -> None:
    """Raise `ValidationError` if a scan of `size` bytes is too large to keep (checked before
    a large file is read)."""
    if size > MAX_SCAN_BYTES:
        raise ValidationError({"scan": f"is {size:,} bytes; at most "
                                       f"{MAX_SCAN_BYTES // (1024 * 1024)} MiB "
                                       f"({MAX_SCAN_BYTES:,} bytes) are kept"})


def sniff_scan_type(content: bytes) -> str:
    """The media type of a scan from its first bytes, or raise `ValidationError`."""
    check_scan_size(len(content))
    if not content:
        raise ValidationError({"scan": "is empty"})
    for media_type, magic in SCAN_TYPES.items():
        if content.startswith(magic):
            return media_type
    raise ValidationError({"scan": "must be a PDF, PNG or JPEG file"})
