"""Search as you type over case numbers, names and notes, limited to what the account may see."""

from __future__ import annotations

import re
from dataclasses import dataclass

from casetracker.domain.accounts import Role
from casetracker.services.session import Session
from casetracker.storage.records_repo import SearchRepository
from casetracker.storage.survivors_repo import SurvivorRepository

ALL_SOURCES = ("case_number", "preferred_name", "names", "note")
# A coordinator finds people by case number or preferred name only: a hit on a legal name or
# a note would tell them something the employment view withholds.
COORDINATOR_SOURCES = ("case_number", "preferred_name")
_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class SearchHit:
    survivor_id: str
    case_number: str
    preferred_name: str
    matched: str  # which text matched: case_number, preferred_name, names or note
    snippet: str = ""  # the matched words in context, when asked for


def fts_query(text: str) -> str | None:
    """Every word of `text` as a quoted prefix term, all required; None when there are none.

    Quoting keeps FTS5's own syntax (AND, NEAR, column filters, stray quotes) out of a
    person's search box.
    """
    # A single letter would match a large share of every caseload and tell the person
    # nothing yet: searching starts at the second character of a word (digits count at once).
    tokens = [t for t in _TOKEN.findall(text)[:12] if len(t) >= 2 or t.isdigit()]
    return " ".join(f'"{t}"*' for t in tokens) or None


def search(session: Session, text: str, *, limit: int = 50,
           snippets: bool = False) -> list[SearchHit]:
    """Best matches first, one per survivor; `snippets` adds the matched words in context."""
    session.require("searching")
    query = fts_query(text)
    if query is None:
        return []
    role = session.account.role
    sources = COORDINATOR_SOURCES if role is Role.COORDINATOR else ALL_SOURCES
    owner = session.account.name if role is Role.CASE_MANAGER else None
    index = SearchRepository(session.conn)
    found = index.search(query, sources=sources, assigned_to=owner, limit=limit)
    context = index.snippets(query, [row for _, _, row in found]) if snippets else {}
    repo = SurvivorRepository(session.conn)
    hits = []
    for survivor_id, source, row in found:
        survivor = repo.by_id(survivor_id)
        if survivor is None or (role is Role.COORDINATOR and survivor.status.value != "active"):
            continue
        hits.append(SearchHit(survivor.id, survivor.case_number, survivor.preferred_name,
                              source, context.get(row, "")))
    # The words searched for may be a name: the trail records that a search happened.
    session.audit("search", None, words=len(text.split()), hits=len(hits))
    return hits
