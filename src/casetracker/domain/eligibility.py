"""Ready for I-9: the US employment eligibility check every new hire passes.

Recovered and unexpired, either one List A document, or one List B plus one List C document.
Employers only ever learn yes or no; staff also learn which one document would make it yes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from casetracker.domain.documents import Document, DocumentKind

# A US passport and an employment authorization document (the card a T-visa holder receives)
# establish both identity and work authorization. A permanent resident card is List A too;
# programs record it as an "other" document, which this check does not guess about.
LIST_A = frozenset({DocumentKind.PASSPORT, DocumentKind.WORK_AUTHORIZATION})
LIST_B = frozenset({DocumentKind.STATE_ID})
LIST_C = frozenset({DocumentKind.SOCIAL_SECURITY_CARD, DocumentKind.BIRTH_CERTIFICATE})


@dataclass(frozen=True, slots=True)
class I9Readiness:
    ready: bool
    # The single document that would make the survivor ready (None when ready).
    next_document: DocumentKind | None = None

    def explain(self) -> str:
        if self.ready:
            return "Ready for I-9"
        assert self.next_document is not None
        return f"Not ready for I-9: recovering the {self.next_document.label.lower()} would do"


def i9_readiness(documents: Iterable[Document], today: date) -> I9Readiness:
    """Whether the usable documents satisfy I-9, and if not, the one that would."""
    documents = list(documents)
    usable = {d.kind for d in documents if d.usable_on(today)}
    if usable & LIST_A or (usable & LIST_B and usable & LIST_C):
        return I9Readiness(True)
    if usable & LIST_B:
        return I9Readiness(False, DocumentKind.SOCIAL_SECURITY_CARD)
    if usable & LIST_C:
        return I9Readiness(False, DocumentKind.STATE_ID)
    return I9Readiness(False, DocumentKind.WORK_AUTHORIZATION
                       if DocumentKind.WORK_AUTHORIZATION in _in_progress(documents)
                       else DocumentKind.PASSPORT)


def _in_progress(documents: list[Document]) -> set[DocumentKind]:
    return {d.kind for d in documents if d.status.value in {"requested", "expired"}}
