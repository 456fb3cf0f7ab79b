"""The supervisor's figures, computed in SQL so that 50,000 cases stay quick."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from casetracker.domain.employment import PIPELINE
from casetracker.domain.reports import Funnel, ManagerFigures
from casetracker.storage.connection import Connection

_REACHED = "('in_person', 'phone', 'text', 'email', 'video')"
_OUTSTANDING = ("(d.status IN ('missing', 'requested', 'expired') "
                "OR (d.status = 'recovered' AND d.expires_on < :today))")

# For each metric: the survivors it counts (WHERE on an active survivor s), and how many of
# its items one survivor contributes (a milestone, a document...).
_METRICS: dict[str, tuple[str, str]] = {
    "active_cases": ("1", "1"),
    "overdue_milestones": (
        "EXISTS (SELECT 1 FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE "
        "g.survivor_id = s.id AND g.status = 'open' AND m.completed_on IS NULL "
        "AND m.due_date < :today)",
        "(SELECT count(*) FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE "
        "g.survivor_id = s.id AND g.status = 'open' AND m.completed_on IS NULL "
        "AND m.due_date < :today)"),
    "no_contact_30_days": (
        "max(s.intake_date, coalesce((SELECT max(n.written_on) FROM notes n WHERE "
        f"n.survivor_id = s.id AND n.contact_type IN {_REACHED}), '')) < :cutoff", "1"),
    "documents_outstanding": (
        f"EXISTS (SELECT 1 FROM documents d WHERE d.survivor_id = s.id AND {_OUTSTANDING})",
        f"(SELECT count(*) FROM documents d WHERE d.survivor_id = s.id AND {_OUTSTANDING})"),
    "consents_expiring": (
        "EXISTS (SELECT 1 FROM consents c WHERE c.survivor_id = s.id AND c.revoked_on IS NULL "
        "AND c.expires_on BETWEEN :today AND :soon AND c.signed_on <= :today)",
        "(SELECT count(*) FROM consents c WHERE c.survivor_id = s.id AND c.revoked_on IS NULL "
        "AND c.expires_on BETWEEN :today AND :soon AND c.signed_on <= :today)"),
    "tasks_overdue": (
        "EXISTS (SELECT 1 FROM tasks t WHERE t.survivor_id = s.id AND t.done_on IS NULL "
        "AND t.due_date < :today)",
        "(SELECT count(*) FROM tasks t WHERE t.survivor_id = s.id AND t.done_on IS NULL "
        "AND t.due_date < :today)"),
}


def _params(today: date) -> dict[str, str]:
    return {"today": today.isoformat(), "cutoff": (today - timedelta(days=30)).isoformat(),
            "soon": (today + timedelta(days=30)).isoformat()}


class ReportsRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def manager_figures(self, today: date) -> list[ManagerFigures]:
        """One set-based count per figure, grouped by case manager (no per-case subqueries:
        each is a single pass over its own table and its index)."""
        params = _params(today)
        active = ("JOIN survivors s ON s.id = {0}.survivor_id AND s.status = 'active'")
        queries = {
            "active_cases": "SELECT s.assigned_to, count(*) FROM survivors s "
                            "WHERE s.status = 'active' GROUP BY s.assigned_to",
            # CROSS JOIN fixes the loop order (SQLite's documented planner control): from the
            # active survivors through narrow indexes, never from every overdue milestone's row.
            "overdue_milestones": (
                "SELECT s.assigned_to, count(*) FROM survivors s "
                "CROSS JOIN goals g CROSS JOIN milestones m "
                "WHERE s.status = 'active' AND g.survivor_id = s.id AND g.status = 'open' "
                "AND m.goal_id = g.id AND m.completed_on IS NULL AND m.due_date < :today "
                "GROUP BY s.assigned_to"),
            "no_contact_30_days": (
                "SELECT s.assigned_to, count(*) FROM survivors s "
                "WHERE s.status = 'active' AND s.intake_date < :cutoff AND NOT EXISTS ("
                f"SELECT 1 FROM notes n WHERE n.survivor_id = s.id AND n.contact_type IN "
                f"{_REACHED} AND n.written_on >= :cutoff) GROUP BY s.assigned_to"),
            "documents_outstanding": (
                "SELECT s.assigned_to, count(*) FROM documents d " + active.format("d")
                + f" WHERE {_OUTSTANDING} GROUP BY s.assigned_to"),
            "consents_expiring": (
                "SELECT s.assigned_to, count(*) FROM consents c " + active.format("c")
                + " WHERE c.revoked_on IS NULL AND c.signed_on <= :today "
                "AND c.expires_on BETWEEN :today AND :soon GROUP BY s.assigned_to"),
            "tasks_overdue": (
                "SELECT s.assigned_to, count(*) FROM tasks t " + active.format("t")
                + " WHERE t.done_on IS NULL AND t.due_date < :today GROUP BY s.assigned_to"),
        }
        counts: dict[str, dict[str, int]] = {}
        for metric, sql in queries.items():
            for manager, count in self._conn.execute(sql, params):
                counts.setdefault(manager or "", {})[metric] = int(count)
        return [ManagerFigures(manager, *(values.get(m, 0) for m in queries))
                for manager, values in sorted(counts.items())
                if values.get("active_cases")]

    def cases_behind(self, manager: str, metric: str, today: date) -> list[tuple[str, str]]:
        """(case number, preferred name) of the active cases a figure counts."""
        where = _METRICS[metric][0]
        rows = self._conn.execute(f"""
            SELECT s.case_number, s.preferred_name FROM survivors s
            WHERE s.status = 'active' AND coalesce(s.assigned_to, '') = :manager AND {where}
            ORDER BY s.case_number""", {**_params(today), "manager": manager}).fetchall()
        return [(r[0], r[1]) for r in rows]

    def funnel(self) -> Funnel:
        """People who reached each step or any later one (so each step holds the next)."""
        order = {stage.value: index for index, stage in enumerate(PIPELINE)}
        case = " ".join(f"WHEN '{stage}' THEN {index}" for stage, index in order.items())
        everyone = int(self._conn.execute("SELECT count(*) FROM survivors").fetchone()[0])
        rows = self._conn.execute(f"""
            SELECT furthest, count(*) FROM (
                SELECT max(CASE stage {case} ELSE 0 END) AS furthest
                FROM placement_steps GROUP BY survivor_id)
            GROUP BY furthest""").fetchall()
        reached = [0] * len(PIPELINE)
        reached[0] = everyone
        for furthest, count in rows:
            for index in range(1, int(furthest) + 1):
                reached[index] += int(count)
        by_stage = dict(zip((s.value for s in PIPELINE), reached, strict=True))
        return Funnel(by_stage["readiness"], by_stage["internship"], by_stage["placed"],
                      by_stage["retained_30"], by_stage["retained_60"], by_stage["retained_90"])

    def outcome_counts(self, start: date, end: date) -> dict[str, Any]:
        span = {"start": start.isoformat(), "end": end.isoformat()}

        def one(sql: str) -> int:
            return int(self._conn.execute(sql, span).fetchone()[0])

        steps = ("SELECT count(DISTINCT survivor_id) FROM placement_steps WHERE stage = '{0}' "
                 "AND on_date BETWEEN :start AND :end")
        topics = self._conn.execute("""
            SELECT w.topic, count(*) FROM workshop_attendance a JOIN workshops w
            ON w.id = a.workshop_id WHERE a.completed = 1
            AND w.held_on BETWEEN :start AND :end GROUP BY w.topic""", span).fetchall()
        return {
            "participants": one(
                "SELECT count(DISTINCT a.survivor_id) FROM workshop_attendance a JOIN "
                "workshops w ON w.id = a.workshop_id WHERE a.attended = 1 "
                "AND w.held_on BETWEEN :start AND :end"),
            "completed_a_workshop": one(
                "SELECT count(DISTINCT a.survivor_id) FROM workshop_attendance a JOIN "
                "workshops w ON w.id = a.workshop_id WHERE a.completed = 1 "
                "AND w.held_on BETWEEN :start AND :end"),
            "internships": one(steps.format("internship")),
            "placements": one(steps.format("placed")),
            "retained_30": one(steps.format("retained_30")),
            "retained_60": one(steps.format("retained_60")),
            "retained_90": one(steps.format("retained_90")),
            "completions_by_topic": {str(t): int(c) for t, c in topics},
        }


class ReviewRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, review_id: str, survivor_id: str, reviewed_on: date, findings: str,
            reviewer: str, signed_off: bool, created_at: str) -> None:
        self._conn.execute(
            "INSERT INTO reviews (id, survivor_id, reviewed_on, findings, reviewer, signed_off, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (review_id, survivor_id, reviewed_on.isoformat(), findings, reviewer,
             int(signed_off), created_at))

    def add_action(self, action_id: str, review_id: str, text: str, task_id: str) -> None:
        self._conn.execute(
            "INSERT INTO review_actions (id, review_id, text, task_id) VALUES (?, ?, ?, ?)",
            (action_id, review_id, text, task_id))

    def reviews(self, survivor_id: str) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._conn.execute(
            "SELECT r.id, r.reviewed_on, r.findings, r.reviewer, r.signed_off, "
            "(SELECT group_concat(a.text, char(10)) FROM review_actions a "
            "WHERE a.review_id = r.id) FROM reviews r WHERE r.survivor_id = ? "
            "ORDER BY r.reviewed_on DESC", (survivor_id,)).fetchall()
        return rows
