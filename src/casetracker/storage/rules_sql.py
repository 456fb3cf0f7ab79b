"""The SQL form of rules the domain defines, so that each rule has one home.

Which contacts reach a survivor (`domain.notes.REACHED`) and which documents are outstanding
(`domain.documents.OUTSTANDING`, and a recovered document past its expiry date) are decided in
`domain/`. Every query that counts them builds its IN-lists here, from those sets, each time a
statement is made: changing a set in `domain/` changes the caseload, the dashboard and its
drill-down alike. The dashboard's triggers keep a copy inside each database;
`v009_dashboard_counts.rebuild_if_stale` replaces that copy when it no longer matches.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from casetracker.domain import documents as document_rules
from casetracker.domain import notes as note_rules


def quote(value: str) -> str:
    """A SQL string literal."""
    return "'" + value.replace("'", "''") + "'"


def in_list(members: Iterable[StrEnum], kind: type[StrEnum]) -> str:
    """`('a', 'b')` in the order the enum declares its members, so the text (kept in the
    database's triggers) does not change with a set's iteration order."""
    chosen = set(members)
    return "(" + ", ".join(quote(m.value) for m in kind if m in chosen) + ")"


def reached_contacts() -> str:
    """The contact types that count as reaching the survivor, as an IN-list."""
    return in_list(note_rules.REACHED, note_rules.ContactType)


def outstanding_statuses() -> str:
    """The document statuses that are outstanding whatever the date, as an IN-list."""
    return in_list(document_rules.OUTSTANDING, document_rules.DocumentStatus)


def recovered() -> str:
    """The status of a document in hand, outstanding again once its expiry date is past."""
    return quote(document_rules.DocumentStatus.RECOVERED.value)


def document_outstanding(alias: str, day: str) -> str:
    """A condition on the document `alias`: outstanding on the day `day` (a parameter or an
    expression), as `Document.outstanding_on` decides it."""
    return (f"({alias}.status IN {outstanding_statuses()} "
            f"OR ({alias}.status = {recovered()} AND {alias}.expires_on < {day}))")
