"""The supervisor's figures, computed in SQL so that 50,000 cases stay quick."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from casetracker.domain.consent import EXPIRY_WARNING_DAYS
from casetracker.domain.employment import PIPELINE
from casetracker.domain.reports import METRICS, Funnel, ManagerFigures
from casetracker.storage import rules_sql
from casetracker.storage.connection import Connection

# An overdue milestone m (of goal g): the goal is open, m is not done and was due before today.
_OVERDUE = "g.status = 'open' AND m.completed_on IS NULL AND m.due_date < :today"
_OVERDUE_MILESTONES = (
    f"FROM milestones m JOIN goals g ON g.id = m.goal_id WHERE g.survivor_id = s.id AND {_OVERDUE}")


def _metrics() -> dict[str, tuple[str, str]]:
    """For each metric: the survivors it counts (WHERE on an active survivor s), and how many
    of its items one survivor contributes (a milestone, a document...). Made at each call from
    the domain's rules (rules_sql), so a changed rule changes the drill-down at once."""
    outstanding = rules_sql.document_outstanding("d", ":today")
    return {
        "active_cases": ("1", "1"),
        "overdue_milestones": (
            f"EXISTS (SELECT 1 {_OVERDUE_MILESTONES})",
            f"(SELECT count(*) {_OVERDUE_MILESTONES})"),
        "no_contact_30_days": (
            "max(s.intake_date, coalesce((SELECT max(n.written_on) FROM notes n WHERE "
            f"n.survivor_id = s.id AND n.contact_type IN {rules_sql.reached_contacts()}), '')) "
            "< :cutoff", "1"),
        "documents_outstanding": (
            f"EXISTS (SELECT 1 FROM documents d WHERE d.survivor_id = s.id AND {outstanding})",
            f"(SELECT count(*) FROM documents d WHERE d.survivor_id = s.id AND {outstanding})"),
        "consents_expiring": (
            "EXISTS (SELECT 1 FROM consents c WHERE c.survivor_id = s.id "
            "AND c.revoked_on IS NULL AND c.expires_on BETWEEN :today AND :soon "
            "AND c.signed_on <= :today)",
            "(SELECT count(*) FROM consents c WHERE c.survivor_id = s.id "
            "AND c.revoked_on IS NULL AND c.expires_on BETWEEN :today AND :soon "
            "AND c.signed_on <= :today)"),
        "tasks_overdue": (
            "EXISTS (SELECT 1 FROM tasks t WHERE t.survivor_id = s.id AND t.done_on IS NULL "
            "AND t.due_date < :today)",
            "(SELECT count(*) FROM tasks t WHERE t.survivor_id = s.id AND t.done_on IS NULL "
            "AND t.due_date < :today)"),
    }


def _params(today: date) -> dict[str, str]:
    return {"today": today.isoformat(), "cutoff": (today - timedelta(days=30)).isoformat(),
            "soon": (today + timedelta(days=EXPIRY_WARNING_DAYS)).isoformat()}


class ReportsRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def manager_figures(self, today: date) -> list[ManagerFigures]:
        """Read from the running totals the triggers of schema 9 keep (a few hundred rows,
        whatever the caseload's size): each figure sums the items dated before its day."""
        params = {**_params(today),
                  "past_soon": (today + timedelta(days=EXPIRY_WARNING_DAYS + 1)).isoformat()}
        counts: dict[str, dict[str, int]] = {}
        # One walk along the primary key, in (figure, manager) order: no temporary B-tree.
        # Most figures count what fell due before today; a survivor is out of contact if last
        # reached before the cutoff; a release is expiring from today to 14 days ahead.
        rows = self._conn.execute("""
            SELECT figure, manager, sum(n) FROM dashboard_counts
            WHERE figure IN ('active_cases', 'consents_expiring', 'documents_outstanding',
                             'no_contact_30_days', 'overdue_milestones', 'tasks_overdue')
              AND on_date < CASE figure WHEN 'no_contact_30_days' THEN :cutoff
                                        WHEN 'consents_expiring' THEN :past_soon
                                        ELSE :today END
              AND on_date >= CASE figure WHEN 'consents_expiring' THEN :today ELSE '' END
            GROUP BY figure, manager""", params).fetchall()
        for metric, manager, count in rows:
            counts.setdefault(manager, {})[metric] = int(count)
        return [ManagerFigures(manager, *(values.get(m, 0) for m in METRICS))
                for manager, values in sorted(counts.items())
                if values.get("active_cases")]

    def cases_behind(self, manager: str, metric: str, today: date) -> list[tuple[str, str]]:
        """(case number, preferred name) of the active cases a figure counts."""
        where = _metrics()[metric][0]
        rows = self._conn.execute(f"""
            SELECT s.case_number, s.preferred_name FROM survivors s
            WHERE s.status = 'active' AND coalesce(s.assigned_to, '') = :manager AND {where}
            ORDER BY s.case_number""", {**_params(today), "manager": manager}).fetchall()
        return [(r[0], r[1]) for r in rows]

    def counts_behind(self, manager: str, metric: str, today: date) -> list[tuple[str, str, int]]:
        """(case number, preferred name, how many of the figure's items) of the active cases a
        figure counts: a figure of milestones, documents or tasks adds up to the same number."""
        where, count = _metrics()[metric]
        rows = self._conn.execute(f"""
            SELECT s.case_number, s.preferred_name, {count} FROM survivors s
            WHERE s.status = 'active' AND coalesce(s.assigned_to, '') = :manager AND {where}
            ORDER BY s.case_number""", {**_params(today), "manager": manager}).fetchall()
        return [(r[0], r[1], int(r[2])) for r in rows]

    def milestones_behind(self, manager: str, today: date) -> list[tuple[str, str, str, str]]:
        """(case number, preferred name, milestone, due date) of each overdue milestone the
        dashboard's figure counts for `manager`, by case and due date."""
        rows = self._conn.execute(f"""
            SELECT s.case_number, s.preferred_name, m.description, m.due_date
            FROM milestones m JOIN goals g ON g.id = m.goal_id
            JOIN survivors s ON s.id = g.survivor_id
            WHERE {_OVERDUE} AND s.status = 'active' AND coalesce(s.assigned_to, '') = :manager
            ORDER BY s.case_number, m.due_date, m.description, m.id""",
                                   {**_params(today), "manager": manager}).fetchall()
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def funnel(self) -> Funnel:
        """People who reached each step or any later one (so each step holds the next), from
        the running totals: everyone, and each person once at the furthest step reached."""
        reached = [0] * len(PIPELINE)
        # Two ranges of the primary key rather than `figure IN (…)`, which would build a
        # temporary table of the two names at every call: 0.1 ms against 0.013 ms this way,
        # the difference being memory security locking and wiping each allocation.
        for figure, on_date, n in self._conn.execute(
                "SELECT figure, on_date, n FROM dashboard_counts WHERE figure = 'survivors' "
                "UNION ALL "
                "SELECT figure, on_date, n FROM dashboard_counts WHERE figure = 'furthest_step'"):
            if figure == "survivors":
                reached[0] += int(n)
            else:
                for index in range(1, int(on_date) + 1):
                    reached[index] += int(n)
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

    def is_review_task(self, task_id: str) -> bool:
        """Whether a task was made from a case review's action."""
        return self._conn.execute("SELECT 1 FROM review_actions WHERE task_id = ?",
                                  (task_id,)).fetchone() is not None

    def reviews(self, survivor_id: str) -> list[tuple[Any, ...]]:
        rows: list[tuple[Any, ...]] = self._conn.execute(
            "SELECT r.id, r.reviewed_on, r.findings, r.reviewer, r.signed_off, "
            "(SELECT group_concat(a.text, char(10)) FROM review_actions a "
            "WHERE a.review_id = r.id) FROM reviews r WHERE r.survivor_id = ? "
            "ORDER BY r.reviewed_on DESC", (survivor_id,)).fetchall()
        return rows

    def reviews_of_caseload(self, assigned_to: str | None) -> list[tuple[Any, ...]]:
        """Every review (of one case manager's cases when `assigned_to` is given), newest
        first: the columns of `reviews`, then the case number."""
        where = ""
        params: tuple[str, ...] = ()
        if assigned_to is not None:
            where, params = "WHERE s.assigned_to = ?", (assigned_to,)
        rows: list[tuple[Any, ...]] = self._conn.execute(
            "SELECT r.id, r.reviewed_on, r.findings, r.reviewer, r.signed_off, "
            "(SELECT group_concat(a.text, char(10)) FROM review_actions a "
            "WHERE a.review_id = r.id), s.case_number FROM reviews r "
            f"JOIN survivors s ON s.id = r.survivor_id {where} "
            "ORDER BY r.reviewed_on DESC, s.case_number", params).fetchall()
        return rows
