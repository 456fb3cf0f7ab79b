"""Removing every row that belongs to one survivor, and leaving no trace of it in the file."""

from __future__ import annotations

from casetracker.storage.connection import Connection

# Every table holding a survivor's rows, children before parents, each with the condition
# that picks that survivor's rows (`?` is the survivor's id). `tests/security/test_purge.py`
# checks that every table with a foreign key leading to `survivors` is listed here.
PURGED_TABLES: tuple[tuple[str, str], ...] = (
    ("review_actions", "review_id IN (SELECT id FROM reviews WHERE survivor_id = ?)"),
    ("reviews", "survivor_id = ?"),
    ("restriction_clearances", "survivor_id = ?"),
    ("exports", "survivor_id = ?"),
    ("consents", "survivor_id = ?"),
    ("placement_steps", "survivor_id = ?"),
    ("workshop_attendance", "survivor_id = ?"),
    ("attachments", "document_id IN (SELECT id FROM documents WHERE survivor_id = ?)"),
    ("documents", "survivor_id = ?"),
    ("checkins", "goal_id IN (SELECT id FROM goals WHERE survivor_id = ?)"),
    ("milestones", "goal_id IN (SELECT id FROM goals WHERE survivor_id = ?)"),
    ("goals", "survivor_id = ?"),
    ("notes", "survivor_id = ?"),
    ("tasks", "survivor_id = ?"),
    ("barriers", "survivor_id = ?"),
    ("survivor_sensitive", "survivor_id = ?"),
    ("survivors", "id = ?"),
)


class RetentionRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def delete_survivor(self, survivor_id: str) -> dict[str, int]:
        """Delete the survivor's rows in every table (inside the caller's transaction);
        return how many rows each table lost. Triggers take the search index rows with them."""
        removed: dict[str, int] = {}
        for table, condition in PURGED_TABLES:
            cursor = self._conn.execute(f"DELETE FROM {table} WHERE {condition}",
                                        (survivor_id,))
            if cursor.rowcount:
                removed[table] = int(cursor.rowcount)
        return removed

    def compact_search_index(self) -> None:
        """Merge the full-text index into one segment, so no superseded segment keeps
        deleted words (with `secure-delete` on, and SQLite's own `secure_delete`, the freed
        pages are overwritten)."""
        self._conn.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")

    def checkpoint(self) -> bool:
        """Copy the write-ahead log into the database and truncate it to zero bytes; False
        when another connection's reading kept part of it (it goes when that one closes)."""
        busy, _log, _done = self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return not busy
