"""Which document to work on next (issue 21 §5): the chain is data, and the documents that
nothing stands in the way of come first, those that unblock the most before the others."""

from __future__ import annotations

from datetime import date

from casetracker.domain.document_needs import next_steps, parse_rules
from casetracker.domain.documents import Document, DocumentKind, DocumentStatus

TODAY = date(2026, 12, 2)
RULES = parse_rules("""
state_id = [["birth_certificate", "passport"], ["Proof of address"]]
social_security_card = [["state_id", "passport"]]
passport = [["birth_certificate"], ["state_id"]]
""")


def doc(kind: DocumentKind, status: DocumentStatus = DocumentStatus.MISSING,
        label: str = "") -> Document:
    return Document(f"{kind.value}-{label}", "s", kind, status, label,
                    recovered_on=TODAY if status is DocumentStatus.RECOVERED else None)


def order(documents: list[Document]) -> list[tuple[str, int]]:
    return [(d.title, n) for d, n in next_steps(documents, TODAY, RULES)]


def test_what_unblocks_the_most_comes_first_and_what_waits_comes_last() -> None:
    documents = [doc(DocumentKind.SOCIAL_SECURITY_CARD), doc(DocumentKind.STATE_ID),
                 doc(DocumentKind.PASSPORT), doc(DocumentKind.BIRTH_CERTIFICATE),
                 doc(DocumentKind.OTHER, label="Proof of address"),
                 doc(DocumentKind.DIPLOMA)]
    assert order(documents) == [
        ("Birth certificate", 2),  # state ID and passport wait on it
        ("Proof of address", 1),
        ("Diploma or certificate", 0),
        # waiting: each of these two unblocks the card and the other
        ("Passport", 2), ("State ID or driver's license", 2), ("Social Security card", 0)]


def test_a_recovered_document_drops_out_and_frees_what_waited_on_it() -> None:
    documents = [doc(DocumentKind.STATE_ID), doc(DocumentKind.SOCIAL_SECURITY_CARD),
                 doc(DocumentKind.BIRTH_CERTIFICATE, DocumentStatus.RECOVERED),
                 doc(DocumentKind.OTHER, DocumentStatus.RECOVERED, "proof of ADDRESS")]
    assert order(documents) == [("State ID or driver's license", 1),
                                ("Social Security card", 0)]
