"""Finding records that may be the same person (by the full-text index of names), and moving
every row of one survivor to another when a supervisor merges two records."""

from __future__ import annotations

import json

from casetracker.storage.connection import Connection
from casetracker.storage.search_rows import SEQ_MASK, SLOT_SHIFT, SOURCE_OF_SLOT

_NAMES, _NOTE = SOURCE_OF_SLOT.index("names"), SOURCE_OF_SLOT.index("note")

# Tables whose rows name their survivor in a `survivor_id` column that is not part of the
# row's key: a merge moves them with one UPDATE each (change capture sends the new value).
# Rows below them (milestones, attachments, review actions, internship weeks) follow their
# parent. `tests/unit/test_duplicates_merge.py` fails when a table with a survivor_id column
# is in neither this list nor `KEYED_BY_SURVIVOR`.
MOVED_TABLES: tuple[str, ...] = (
    "barriers", "goals", "documents", "notes", "tasks", "placement_steps", "consents",
    "exports", "reviews", "service_contacts", "internships", "legal_holds", "apprenticeships",
    "placement_people", "employer_coaching",
)
# Tables whose key includes the survivor: a merge copies the row under the kept survivor
# (unless it has one already) and deletes the other's, since a key never changes in team use.
KEYED_BY_SURVIVOR: tuple[str, ...] = (
    "survivor_sensitive", "workshop_attendance", "restriction_clearances", "case_closures",
)
# This laptop's own rows about a case (conflicts waiting to be settled): moved, not sent.
LOCAL_TABLES: tuple[str, ...] = ("sync_conflicts",)


class DuplicatesRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def name_candidates(self, query: str, *, assigned_to: str | None,
                        limit: int) -> list[str]:
        """Ids of up to `limit` survivors whose names match the FTS5 `query` (in the order
        the cases were opened), only `assigned_to`'s when given."""
        low, high = _NAMES << SLOT_SHIFT, (_NAMES + 1) << SLOT_SHIFT
        owner = "AND s.assigned_to = ?" if assigned_to is not None else ""
        params = (assigned_to,) if assigned_to is not None else ()
        cursor = self._conn.execute(f"""
            SELECT s.id FROM search_index si
            CROSS JOIN survivors s ON s.seq = si.rowid & {SEQ_MASK} {owner}
            WHERE search_index MATCH ? AND si.rowid >= ? AND si.rowid < ?
            ORDER BY si.rowid LIMIT ?""", (*params, query, low, high, limit))
        return [row[0] for row in cursor]

    # -- merging ----------------------------------------------------------------------------

    def move_rows(self, from_id: str, to_id: str) -> dict[str, int]:
        """Point every row of `MOVED_TABLES` at `to_id`; how many each table moved."""
        moved: dict[str, int] = {}
        for table in MOVED_TABLES:
            n = self._conn.execute(f"UPDATE {table} SET survivor_id = ? WHERE survivor_id = ?",
                                   (to_id, from_id)).rowcount
            if n:
                moved[table] = int(n)
        for table in LOCAL_TABLES:
            self._conn.execute(f"UPDATE {table} SET survivor_id = ? WHERE survivor_id = ?",
                               (to_id, from_id))
        # The index rows of the notes moved name their survivor too.
        self._conn.execute(
            "UPDATE search_index SET survivor_id = ? WHERE rowid IN (SELECT "
            f"({_NOTE} << {SLOT_SHIFT}) | seq FROM notes WHERE survivor_id = ?)", (to_id, to_id))
        return moved

    def move_keyed_rows(self, from_id: str, to_id: str) -> dict[str, int]:
        """Copy the rows of `KEYED_BY_SURVIVOR` to `to_id` where it has none (attendance at a
        workshop both attended is combined), then delete `from_id`'s; how many were copied.
        Sensitive details and closures are the caller's (`merge_sensitive`)."""
        conn, moved = self._conn, {}
        # Attended or completed on either record counts.
        conn.execute(
            "UPDATE workshop_attendance AS k SET attended = max(k.attended, o.attended), "
            "completed = max(k.completed, o.completed) FROM workshop_attendance o "
            "WHERE k.survivor_id = ? AND o.survivor_id = ? AND o.workshop_id = k.workshop_id "
            "AND (o.attended > k.attended OR o.completed > k.completed)", (to_id, from_id))
        n = conn.execute(
            "INSERT INTO workshop_attendance (workshop_id, survivor_id, attended, completed) "
            "SELECT workshop_id, ?, attended, completed FROM workshop_attendance o "
            "WHERE survivor_id = ? AND NOT EXISTS (SELECT 1 FROM workshop_attendance k "
            "WHERE k.survivor_id = ? AND k.workshop_id = o.workshop_id)",
            (to_id, from_id, to_id)).rowcount
        if n:
            moved["workshop_attendance"] = int(n)
        n = conn.execute(
            "INSERT INTO restriction_clearances (survivor_id, employer_id, decision, reason, "
            "decided_on, decided_by) SELECT ?, employer_id, decision, reason, decided_on, "
            "decided_by FROM restriction_clearances o WHERE survivor_id = ? AND NOT EXISTS "
            "(SELECT 1 FROM restriction_clearances k WHERE k.survivor_id = ? "
            "AND k.employer_id = o.employer_id)", (to_id, from_id, to_id)).rowcount
        if n:
            moved["restriction_clearances"] = int(n)
        for table in KEYED_BY_SURVIVOR:
            conn.execute(f"DELETE FROM {table} WHERE survivor_id = ?", (from_id,))
        return moved

    def scanned_documents(self, *survivor_ids: str) -> set[str]:
        """Ids of the survivors' documents that have a scan."""
        return {r[0] for r in self._conn.execute(
            "SELECT DISTINCT a.document_id FROM attachments a JOIN documents d "
            "ON d.id = a.document_id WHERE d.survivor_id IN (SELECT value FROM json_each(?))",
            (json.dumps(survivor_ids),))}

    def delete_document(self, document_id: str) -> None:
        self._conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def survivor_linked_tables(self) -> set[str]:
        """Every table with a `survivor_id` column (for the test that a merge misses none)."""
        tables = [r[0] for r in self._conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE '%VIRTUAL%'")]
        return {t for t in tables if any(
            c[1] == "survivor_id" for c in self._conn.execute(f"PRAGMA table_info({t})"))}
