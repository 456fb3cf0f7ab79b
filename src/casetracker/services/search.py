"""Search as you type over case numbers, names and notes, limited to what the account may see."""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass

from casetracker.domain.accounts import Role
from casetracker.services.session import Session
from casetracker.storage.connection import Connection, connect_reader, is_interrupted
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
    """The first `limit` survivors matched, one hit each (case numbers, then preferred names,
    names and notes); `snippets` adds the matched words in context."""
    session.require("searching")
    hits = _find(session, session.conn, text, limit=limit, snippets=snippets)
    if hits is not None:
        record_search(session, text, hits)
    return hits or []


def record_search(session: Session, text: str, hits: list[SearchHit]) -> None:
    """Audit a search whose results were shown (one of no words searched nothing)."""
    if fts_query(text) is None:
        return
    # The words searched for may be a name: the trail records that a search happened.
    session.audit("search", None, words=len(text.split()), hits=len(hits))


def _find(session: Session, conn: Connection, text: str, *, limit: int,
          snippets: bool = False) -> list[SearchHit] | None:
    """The hits of `text` for the session's account, read on `conn`; None for no words."""
    query = fts_query(text)
    if query is None:
        return None
    role = session.account.role
    sources = COORDINATOR_SOURCES if role is Role.COORDINATOR else ALL_SOURCES
    owner = session.account.name if role is Role.CASE_MANAGER else None
    index = SearchRepository(conn)
    found = index.search(query, sources=sources, assigned_to=owner, limit=limit)
    context = index.snippets(query, [row for _, _, row in found]) if snippets else {}
    found_survivors = SurvivorRepository(conn).by_ids([survivor_id for survivor_id, _, _ in found])
    hits = []
    for survivor_id, source, row in found:
        survivor = found_survivors.get(survivor_id)
        if survivor is None or (role is Role.COORDINATOR and survivor.status.value != "active"):
            continue
        hits.append(SearchHit(survivor.id, survivor.case_number, survivor.preferred_name,
                              source, context.get(row, "")))
    return hits


class SearchInterruptedError(Exception):
    """A search was interrupted because a later one made it stale."""


class BackgroundSearch:
    """Searches as typed, on a read-only connection of their own, so that they can run off the
    GUI thread and a search made stale by the next keystroke can be interrupted.

    Nothing is audited here: the caller records the search it shows (`record_search`) on
    the session, from the session's thread. `close()` before the session closes.
    """

    def __init__(self, session: Session) -> None:
        self._session = session
        self._conn: Connection | None = None
        self._key = b""
        self._lock = threading.Lock()  # `interrupt` and `close` come from another thread

    def find(self, text: str, *, limit: int) -> list[SearchHit]:
        """As `search`, without the audit; raises SearchInterruptedError when interrupted."""
        self._session.require("searching")  # audits nothing, so safe on any thread
        with self._lock:
            if self._conn is not None and self._key != self._session.data_key:
                # Rekeyed since (an account's removal swaps in a new file): read that one.
                self._conn.close()
                self._conn = None
            if self._conn is None:
                if self._session.closed:
                    raise SearchInterruptedError("the session is closed")
                self._key = self._session.data_key
                self._conn = connect_reader(self._session.paths.db, self._key)
            conn = self._conn
        try:
            return _find(self._session, conn, text, limit=limit) or []
        except Exception as exc:
            if is_interrupted(exc):
                raise SearchInterruptedError(str(exc)) from exc
            raise

    def interrupt(self) -> None:
        """Stop the search running now, if any, at its next step (from any thread)."""
        with self._lock:
            if self._conn is not None:
                self._conn.interrupt()

    def close(self) -> None:
        """Close the connection; call it once no search runs (a later `find` opens anew)."""
        with self._lock:
            conn, self._conn = self._conn, None
        if conn is not None:
            conn.close()
