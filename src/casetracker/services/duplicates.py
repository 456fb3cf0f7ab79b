"""One person, one record: likely duplicates found at intake and import, and a supervisor's
merge of two records into one.

What a case manager learns about another caseload is one sentence, `ELSEWHERE`, and it
depends only on the names typed (two name words in common with a record there, nicknames and
near spellings counted): a date of birth or a phone number changes the score of records in
their own caseload and nothing else, so trying dates or numbers one by one tells them nothing.
The same candidates are read and compared whoever they belong to.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.domain.documents import Document, DocumentStatus
from casetracker.domain.duplicates import (
    FILLED_FIELDS,
    Likeness,
    Nicknames,
    compare,
    name_words,
    parse_nicknames,
    variants,
)
from casetracker.domain.errors import CaseTrackerError, UsageError
from casetracker.domain.survivors import SensitiveDetails, Survivor, TraffickingType, VacaturStatus
from casetracker.security import audit_sealing
from casetracker.services import access
from casetracker.services.session import Session
from casetracker.storage.duplicates_repo import DuplicatesRepository
from casetracker.storage.records_repo import DocumentRepository
from casetracker.storage.repositories import AuditRepository, AuditSubjectKeys
from casetracker.storage.survivors_repo import SurvivorRepository

ELSEWHERE = "a possible duplicate is in another caseload — ask your supervisor"
# Candidates read per check: enough for the commonest names in a large program.
CANDIDATES = 400
_SENSITIVE_TEXTS = ("history_notes", "criminal_record_notes", "immigration_status",
                    "health_notes", "safety_plan")


class LikelyDuplicateError(CaseTrackerError):
    """A new record looks like one already kept; nothing was saved."""

    def __init__(self, check: DuplicateCheck) -> None:
        self.check = check
        super().__init__(check.summary())


@dataclass(frozen=True, slots=True)
class DuplicateMatch:
    """A record in the person's own caseload (or any, for a supervisor) that may be the
    same person, and how alike the two are."""

    survivor: Survivor
    likeness: Likeness


@dataclass(frozen=True, slots=True)
class DuplicateCheck:
    """What a check found: records the person may see, best first, and whether another
    caseload holds a possible duplicate (no more than that)."""

    matches: tuple[DuplicateMatch, ...] = ()
    elsewhere: bool = False

    @property
    def found(self) -> bool:
        return bool(self.matches) or self.elsewhere

    def summary(self) -> str:
        parts = []
        if self.matches:
            cases = ", ".join(f"{m.survivor.case_number} ({m.likeness.score}%: "
                              f"{', '.join(FIELD_WORDS[f] for f in m.likeness.fields)})"
                              for m in self.matches)
            parts.append(f"likely the same person as {cases}")
        if self.elsewhere:
            parts.append(ELSEWHERE)
        return "; ".join(parts)


FIELD_WORDS = {"name": "name", "date_of_birth": "date of birth", "phone": "phone"}


@cache
def nicknames() -> Nicknames:
    """The program's nickname groups (`resources/names/nicknames.txt`)."""
    source = resources.files("casetracker.resources") / "names" / "nicknames.txt"
    return parse_nicknames(source.read_text(encoding="utf-8"))


def _group(word: str, names: Nicknames) -> str:
    terms = sorted(f'"{v}"' for v in variants(word, names))
    if len(word) >= 5:  # a typo after the fourth letter still finds the record
        terms.append(f'"{word[:4]}"*')
    return "(" + " OR ".join(terms) + ")"


def full_name_query(words: tuple[str, ...], names: Nicknames) -> str | None:
    """FTS5: records sharing two of the name words (None for a name of one word)."""
    words = words[:6]
    if len(words) < 2:
        return None
    return " OR ".join(f"({_group(a, names)} AND {_group(b, names)})"
                       for a, b in itertools.combinations(words, 2))


def any_name_query(words: tuple[str, ...], names: Nicknames) -> str | None:
    """FTS5: records sharing any one name word."""
    return " OR ".join(_group(w, names) for w in words[:6]) or None


def _candidates(session: Session, survivor: Survivor) -> list[Survivor]:
    """Records whose names are near the new one's: any caseload sharing two name words, and
    the acting case manager's own sharing one (with a date of birth or phone, that is likely)."""
    words, names = name_words(survivor), nicknames()
    repo = DuplicatesRepository(session.conn)
    ids: dict[str, None] = {}
    full = full_name_query(words, names)
    if full is not None:
        ids.update(dict.fromkeys(repo.name_candidates(full, assigned_to=None,
                                                      limit=CANDIDATES)))
    single = any_name_query(words, names)
    if single is not None:
        owner = session.account.name if session.account.role is Role.CASE_MANAGER else None
        ids.update(dict.fromkeys(repo.name_candidates(single, assigned_to=owner,
                                                      limit=CANDIDATES)))
    ids.pop(survivor.id, None)
    found = SurvivorRepository(session.conn).by_ids(list(ids))
    return [found[i] for i in ids if i in found]


def _check(session: Session, survivor: Survivor) -> DuplicateCheck:
    names = nicknames()
    supervisor = session.account.role is Role.SUPERVISOR
    matches: list[DuplicateMatch] = []
    elsewhere = False
    for candidate in _candidates(session, survivor):
        likeness = compare(survivor, candidate, names)  # every candidate, whoever's it is
        if supervisor or access.owns(session, candidate):
            if likeness.likely:
                matches.append(DuplicateMatch(candidate, likeness))
        elif likeness.full_name:
            elsewhere = True  # the names alone decide: nothing else of the record counts
    matches.sort(key=lambda m: (-m.likeness.score, m.survivor.case_number))
    return DuplicateCheck(tuple(matches), elsewhere)


def check_new(session: Session, survivor: Survivor) -> DuplicateCheck:
    """Likely duplicates of a record about to be taken in (case managers: their caseload in
    detail, another caseload only as `elsewhere`; supervisors: every caseload)."""
    session.require("checking for duplicates", Role.CASE_MANAGER, Role.SUPERVISOR)
    check = _check(session, survivor)
    if check.found:
        # The trail says a check found something (a supervisor can then look), never what.
        session.audit("survivor.duplicate_check", None, matches=len(check.matches),
                      elsewhere=check.elsewhere)
    return check


def check_quietly(session: Session, survivor: Survivor) -> DuplicateCheck:
    """`check_new` without its audit entry, for a caller that audits the whole (an import)."""
    session.require("checking for duplicates", Role.CASE_MANAGER, Role.SUPERVISOR)
    return _check(session, survivor)


def duplicates_of(session: Session, case_number: str) -> tuple[DuplicateMatch, ...]:
    """Likely duplicates of a kept record in every caseload (supervisors, before a merge)."""
    session.require("looking for duplicate records", Role.SUPERVISOR)
    survivor = access.find(session, case_number)
    session.audit("survivor.duplicates_view", survivor.case_number)
    return _check(session, survivor).matches


# -- merging ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MergeReport:
    kept: str
    merged: str
    moved: dict[str, int]
    filled: tuple[str, ...]


def merge(session: Session, keep: str, other: str, confirmation: str) -> MergeReport:
    """Make two records of one person one: every row of `other` moves to `keep`, blank
    profile fields of `keep` are filled from `other`, and `other` is removed. Supervisors;
    `confirmation` is `other`'s case number typed again."""
    session.require("merging two records", Role.SUPERVISOR)
    kept, gone = access.find(session, keep), access.find(session, other)
    if kept.id == gone.id:
        raise UsageError("a record cannot be merged into itself")
    if confirmation.strip().casefold() != gone.case_number.casefold():
        raise UsageError(f"to merge, confirm with the case number of the record that goes "
                         f"({gone.case_number})")
    repo, now = SurvivorRepository(session.conn), clock.now_iso()
    moves = DuplicatesRepository(session.conn)
    with session.changing():
        filled = tuple(name for name in FILLED_FIELDS
                       if not getattr(kept, name) and getattr(gone, name))
        if filled:
            repo.update(replace(kept, updated_at=now,
                                **{name: getattr(gone, name) for name in filled}))
        _merge_sensitive(repo, kept.id, gone.id, now)
        _drop_blank_checklist(session, kept.id, gone.id)
        moved = moves.move_rows(gone.id, kept.id)
        moved.update(moves.move_keyed_rows(gone.id, kept.id))
        repo.delete(gone.id)
        session.audit("survivor.merge", kept.case_number, merged=gone.case_number,
                      moved=moved, filled=list(filled))
        session.audit("survivor.merged_into", gone.case_number, into=kept.case_number)
    return MergeReport(kept.case_number, gone.case_number, moved, filled)


def _merge_sensitive(repo: SurvivorRepository, keep_id: str, other_id: str, now: str) -> None:
    """The kept record's sensitive details, with what only the other holds added to them."""
    kept, other = repo.sensitive(keep_id), repo.sensitive(other_id)
    if other == SensitiveDetails(other_id):
        return
    changes: dict[str, Any] = {}
    for name in _SENSITIVE_TEXTS:
        mine, theirs = getattr(kept, name), getattr(other, name)
        if theirs and theirs != mine:
            changes[name] = f"{mine}\n\n{theirs}" if mine else theirs
    if kept.trafficking_type is TraffickingType.UNKNOWN:
        changes["trafficking_type"] = other.trafficking_type
    if kept.vacatur_status is VacaturStatus.NOT_APPLICABLE:
        changes["vacatur_status"] = other.vacatur_status
    repo.save_sensitive(replace(kept, survivor_id=keep_id, updated_at=now, **changes))


def _blank(document: Document) -> bool:
    return (document.status is DocumentStatus.MISSING and not document.label
            and not document.notes and not document.issuer and not document.original_location
            and document.requested_on is None and document.recovered_on is None
            and document.expires_on is None)


def _drop_blank_checklist(session: Session, keep_id: str, other_id: str) -> None:
    """Both records began with the standard checklist: of two rows for one kind of
    document, a blank one ('missing', nothing written, no scan) goes, so that the kept record
    lists each document once."""
    documents, moves = DocumentRepository(session.conn), DuplicatesRepository(session.conn)
    kept = documents.documents(keep_id)
    scanned = moves.scanned_documents(keep_id, other_id)
    for theirs in documents.documents(other_id):
        mine = next((d for d in kept if d.kind is theirs.kind and not d.label), None)
        if mine is None or theirs.label:
            continue
        if _blank(theirs) and theirs.id not in scanned:
            moves.delete_document(theirs.id)
        elif _blank(mine) and mine.id not in scanned:
            moves.delete_document(mine.id)
            kept.remove(mine)


def merged_case_numbers(session: Session, case_number: str) -> list[str]:
    """The case numbers merged into this case, and into those, from the audit trail (its
    history reads as one: `audit.search` by case includes them, a purge shreds them too)."""
    found: list[str] = []
    waiting = [case_number]
    repo, keys = AuditRepository(session.conn), AuditSubjectKeys(session.conn)
    while waiting:
        subject = waiting.pop()
        key = keys.get(subject)
        for entry in repo.search(subject=subject, action="survivor.merge", limit=10_000):
            if entry.action != "survivor.merge":  # not survivor.merged_into
                continue
            details = entry.details
            if entry.subject and audit_sealing.is_sealed(details):
                details = audit_sealing.open_sealed(key, entry.subject, entry.seq, details)
            merged = details.get("merged")
            if isinstance(merged, str) and merged.casefold() not in {
                    f.casefold() for f in [case_number, *found]}:
                found.append(merged)
                waiting.append(merged)
    return found
