"""Removing every row that belongs to one survivor, and leaving no trace of it in the file."""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import date

from casetracker.domain.funder_report import KEPT_PREFIX as FUNDER_PREFIX
from casetracker.domain.retention import Attendance, ClosedCase, RetentionPolicy
from casetracker.storage import rules_sql
from casetracker.storage.connection import Connection

# Every table holding a survivor's rows, children before parents, each with the condition
# that picks that survivor's rows (`?` is the survivor's id). `tests/security/test_purge.py`
# checks that every table with a foreign key leading to `survivors` is listed here.
PURGED_TABLES: tuple[tuple[str, str], ...] = (
    ("legal_holds", "survivor_id = ?"),
    ("case_closures", "survivor_id = ?"),
    ("review_actions", "review_id IN (SELECT id FROM reviews WHERE survivor_id = ?)"),
    ("reviews", "survivor_id = ?"),
    ("restriction_clearances", "survivor_id = ?"),
    ("exports", "survivor_id = ?"),
    ("consents", "survivor_id = ?"),
    ("internship_weeks", "step_id IN (SELECT step_id FROM internships WHERE survivor_id = ?)"),
    ("internships", "survivor_id = ?"),
    ("employer_coaching", "survivor_id = ?"),
    ("placement_people", "survivor_id = ?"),
    ("apprenticeships", "survivor_id = ?"),
    ("service_contacts", "survivor_id = ?"),
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


class RetentionScheduleRepository:
    """The policy, closures, legal holds, what is due, the partial purges and the figures
    purged cases leave behind (schema 12)."""

    POLICY_ID = "policy"

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- policy ---------------------------------------------------------------------------

    def policy(self) -> RetentionPolicy | None:
        row = self._conn.execute(
            "SELECT closed_months, sensitive_months, scans_months, figures_years "
            "FROM retention_policy WHERE id = ?", (self.POLICY_ID,)).fetchone()
        return None if row is None else RetentionPolicy(*(int(v) for v in row))

    def save_policy(self, policy: RetentionPolicy, at: str) -> None:
        self._conn.execute(
            "INSERT INTO retention_policy (id, closed_months, sensitive_months, scans_months, "
            "figures_years, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE "
            "SET closed_months = excluded.closed_months, "
            "sensitive_months = excluded.sensitive_months, "
            "scans_months = excluded.scans_months, figures_years = excluded.figures_years, "
            "updated_at = excluded.updated_at",
            (self.POLICY_ID, policy.closed_months, policy.sensitive_months,
             policy.scans_months, policy.figures_years, at))

    # -- closures and holds ---------------------------------------------------------------

    def set_closed_on(self, survivor_id: str, closed_on: date | None) -> None:
        self._conn.execute(
            "INSERT INTO case_closures (survivor_id, closed_on) VALUES (?, ?) "
            "ON CONFLICT (survivor_id) DO UPDATE SET closed_on = excluded.closed_on "
            "WHERE closed_on IS NOT excluded.closed_on",
            (survivor_id, None if closed_on is None else closed_on.isoformat()))

    def closed_cases(self) -> list[ClosedCase]:
        """Every closed case, with the day it was closed (its last change when it was closed
        before closures were recorded) and whether it still has sensitive details."""
        rows = self._conn.execute(
            "SELECT s.case_number, coalesce(c.closed_on, substr(s.updated_at, 1, 10)), "
            "EXISTS (SELECT 1 FROM survivor_sensitive x WHERE x.survivor_id = s.id) "
            "FROM survivors s LEFT JOIN case_closures c ON c.survivor_id = s.id "
            "WHERE s.status = 'closed'").fetchall()
        return [ClosedCase(r[0], date.fromisoformat(r[1]), bool(r[2])) for r in rows]

    def recovered_scans(self) -> list[tuple[str, date]]:
        """(case number, day recovered) for each scan of a recovered document."""
        rows = self._conn.execute(
            "SELECT s.case_number, d.recovered_on FROM attachments a "
            "JOIN documents d ON d.id = a.document_id JOIN survivors s ON s.id = d.survivor_id "
            f"WHERE d.status = {rules_sql.recovered()} AND d.recovered_on IS NOT NULL"
        ).fetchall()
        return [(r[0], date.fromisoformat(r[1])) for r in rows]

    def held_cases(self) -> set[str]:
        return {r[0] for r in self._conn.execute(
            "SELECT DISTINCT s.case_number FROM legal_holds h "
            "JOIN survivors s ON s.id = h.survivor_id")}

    def all_holds(self) -> list[tuple[str, str, str, str]]:
        """(case number, reason, placed by, placed on) of every hold, oldest first."""
        return [(r[0], r[1], r[2], r[3]) for r in self._conn.execute(
            "SELECT s.case_number, h.reason, h.placed_by, h.placed_on FROM legal_holds h "
            "JOIN survivors s ON s.id = h.survivor_id ORDER BY h.placed_on, s.case_number")]

    def holds(self, survivor_id: str) -> list[tuple[str, str, str]]:
        """(reason, placed by, placed on) of the case's holds."""
        return [(r[0], r[1], r[2]) for r in self._conn.execute(
            "SELECT reason, placed_by, placed_on FROM legal_holds WHERE survivor_id = ? "
            "ORDER BY placed_on", (survivor_id,))]

    def add_hold(self, survivor_id: str, reason: str, placed_by: str, placed_on: date) -> None:
        self._conn.execute(
            "INSERT INTO legal_holds (id, survivor_id, reason, placed_by, placed_on) "
            "VALUES (?, ?, ?, ?, ?)",
            (uuid.uuid4().hex, survivor_id, reason, placed_by, placed_on.isoformat()))

    def remove_holds(self, survivor_id: str) -> int:
        return int(self._conn.execute("DELETE FROM legal_holds WHERE survivor_id = ?",
                                      (survivor_id,)).rowcount)

    # -- partial purges -------------------------------------------------------------------

    def delete_sensitive(self, survivor_id: str) -> int:
        return int(self._conn.execute("DELETE FROM survivor_sensitive WHERE survivor_id = ?",
                                      (survivor_id,)).rowcount)

    def delete_recovered_scans(self, survivor_id: str, recovered_before: date) -> int:
        """Delete the scans of the case's documents recovered on or before the day given."""
        return int(self._conn.execute(
            "DELETE FROM attachments WHERE document_id IN (SELECT id FROM documents "
            f"WHERE survivor_id = ? AND status = {rules_sql.recovered()} "
            "AND recovered_on IS NOT NULL AND recovered_on <= ?)",
            (survivor_id, recovered_before.isoformat())).rowcount)

    # -- figures --------------------------------------------------------------------------

    def activity(self, survivor_id: str) -> tuple[list[Attendance], list[tuple[str, date]]]:
        """What of a case the outcome report counts: workshop attendance and placement steps."""
        attendance = [Attendance(date.fromisoformat(r[0]), str(r[1]), bool(r[2]), bool(r[3]))
                      for r in self._conn.execute(
                          "SELECT w.held_on, w.topic, a.attended, a.completed "
                          "FROM workshop_attendance a JOIN workshops w ON w.id = a.workshop_id "
                          "WHERE a.survivor_id = ?", (survivor_id,))]
        steps = [(str(r[0]), date.fromisoformat(r[1])) for r in self._conn.execute(
            "SELECT stage, on_date FROM placement_steps WHERE survivor_id = ?",
            (survivor_id,))]
        return attendance, steps

    def keep_figures(self, counts: Counter[tuple[str, date, str]]) -> None:
        self._conn.executemany(
            "INSERT INTO kept_figures (id, period, period_end, measure, n) VALUES (?, ?, ?, ?, ?)",
            [(uuid.uuid4().hex, label, end.isoformat(), measure, n)
             for (label, end, measure), n in sorted(counts.items()) if n])

    def kept_figures(self, period: str, prefix: str = "") -> dict[str, int]:
        """The period's kept figures: the outcome report's (no `prefix`), or those of the
        report whose measures start with `prefix` (returned without it)."""
        if prefix:
            return {str(r[0])[len(prefix):]: int(r[1]) for r in self._conn.execute(
                "SELECT measure, sum(n) FROM kept_figures WHERE period = ? "
                "AND substr(measure, 1, ?) = ? GROUP BY measure",
                (period, len(prefix), prefix))}
        return {str(r[0]): int(r[1]) for r in self._conn.execute(
            "SELECT measure, sum(n) FROM kept_figures WHERE period = ? "
            "AND substr(measure, 1, ?) <> ? GROUP BY measure",
            (period, len(FUNDER_PREFIX), FUNDER_PREFIX))}

    def kept_measures(self, prefix: str) -> set[str]:
        """The names (without `prefix`) of every kept figure, of any period, starting with it."""
        return {str(r[0])[len(prefix):] for r in self._conn.execute(
            "SELECT DISTINCT measure FROM kept_figures WHERE substr(measure, 1, ?) = ?",
            (len(prefix), prefix))}

    def has_figure(self, period: str, measure: str) -> bool:
        return self._conn.execute(
            "SELECT 1 FROM kept_figures WHERE period = ? AND measure = ? LIMIT 1",
            (period, measure)).fetchone() is not None

    def drop_figures_before(self, day: date) -> int:
        """Drop the figures of periods that ended before `day`; how many rows went."""
        return int(self._conn.execute("DELETE FROM kept_figures WHERE period_end < ?",
                                      (day.isoformat(),)).rowcount)
