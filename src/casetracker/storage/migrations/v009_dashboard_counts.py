"""Schema 9: running totals for the supervisor's dashboard, kept by triggers.

At 50,000 survivors, counting the figures from the case tables took about 0.5 s however they
were indexed, because every figure visits every active case. `dashboard_counts` holds, per
figure and case manager, how many items fall on each date (a milestone's due date, a document's
or a consent's expiry, a survivor's last contact...). A figure is then the sum of the rows
on one side of a date: `overdue_milestones` counts the milestones due before today,
`no_contact_30_days` the survivors last reached before thirty days ago. The dashboard reads a
few thousand rows instead of the caseload, and "today" may move on without any total being
rewritten.

The triggers change the totals in the same transaction as the change itself, so the totals can
never disagree with the cases (a test replays random changes and compares them with a count made
from scratch). Two ways of keeping them:

- A row that contributes on its own (a milestone, a document, a task, a consent) is subtracted
  before it changes or goes, and added after it is inserted or changed.
- A figure that depends on a whole case (its manager, its status, its latest contact, the
  furthest placement step) is recomputed for that case: its old contribution is subtracted
  before the change and its new one added after. After an insert, the old contribution is the
  one computed without the new row, because an upsert that ends as an update fires no AFTER
  INSERT trigger but does fire BEFORE INSERT: only AFTER INSERT triggers are used.

Deleting a survivor subtracts the whole case first; the cascaded deletes of its rows then find
no survivor and subtract nothing more (SQLite removes the parent row before the cascade).
"""

from __future__ import annotations

from casetracker.domain.employment import PIPELINE
from casetracker.storage import rules_sql
from casetracker.storage.connection import Connection, transaction
from casetracker.storage.migrations.registry import step

_MANAGER = "coalesce(s.assigned_to, '')"
_FURTHEST = " ".join(f"WHEN '{stage.value}' THEN {index}" for index, stage in enumerate(PIPELINE))

# Each figure's contribution, as rows (figure, manager, on_date, n). `{case}` picks the cases
# (a condition on survivors s), `{row}` narrows to one row of the figure's own table, and
# `{without}` leaves one row out (the "before" of an insert). `{reached}`, `{outstanding}` and
# `{recovered}` are the domain's rules (storage/rules_sql.py), filled in when a statement is
# made, so the triggers follow the domain and `rebuild_if_stale` brings old databases along.
FIGURES: dict[str, str] = {
    "survivors": (
        "SELECT 'survivors' AS figure, '' AS manager, '' AS on_date, count(*) AS n "
        "FROM survivors s WHERE {case} GROUP BY 2"),
    "active_cases": (
        f"SELECT 'active_cases' AS figure, {_MANAGER} AS manager, '' AS on_date, count(*) AS n "
        "FROM survivors s WHERE {case} AND s.status = 'active' GROUP BY 2"),
    "no_contact_30_days": (
        f"SELECT 'no_contact_30_days' AS figure, {_MANAGER} AS manager, "
        "max(s.intake_date, coalesce((SELECT max(n.written_on) FROM notes n "
        "WHERE n.survivor_id = s.id AND n.contact_type IN {reached} {without}), '')) "
        "AS on_date, count(*) AS n "
        "FROM survivors s WHERE {case} AND s.status = 'active' GROUP BY 2, 3"),
    "overdue_milestones": (
        f"SELECT 'overdue_milestones' AS figure, {_MANAGER} AS manager, m.due_date AS on_date, "
        "count(*) AS n FROM survivors s "
        "JOIN goals g ON g.survivor_id = s.id AND g.status = 'open' "
        "JOIN milestones m ON m.goal_id = g.id AND m.completed_on IS NULL "
        "WHERE {case} AND s.status = 'active' {row} GROUP BY 2, 3"),
    # Documents of an outstanding status count from the start (''); a recovered one from the
    # day after it expires (`Document.outstanding_on`).
    "documents_outstanding": (
        f"SELECT 'documents_outstanding' AS figure, {_MANAGER} AS manager, "
        "CASE WHEN d.status = {recovered} THEN d.expires_on ELSE '' END AS on_date, "
        "count(*) AS n FROM survivors s JOIN documents d ON d.survivor_id = s.id "
        "WHERE {case} AND s.status = 'active' AND (d.status IN {outstanding} "
        "OR (d.status = {recovered} AND d.expires_on IS NOT NULL)) {row} "
        "GROUP BY 2, 3"),
    "tasks_overdue": (
        f"SELECT 'tasks_overdue' AS figure, {_MANAGER} AS manager, t.due_date AS on_date, "
        "count(*) AS n FROM survivors s JOIN tasks t ON t.survivor_id = s.id "
        "AND t.done_on IS NULL WHERE {case} AND s.status = 'active' {row} GROUP BY 2, 3"),
    # A consent counts while its expiry date lies ahead (signing dates are never in the
    # future, so the day it was signed does not matter).
    "consents_expiring": (
        f"SELECT 'consents_expiring' AS figure, {_MANAGER} AS manager, c.expires_on AS on_date, "
        "count(*) AS n FROM survivors s JOIN consents c ON c.survivor_id = s.id "
        "AND c.revoked_on IS NULL WHERE {case} AND s.status = 'active' {row} GROUP BY 2, 3"),
    # The funnel: each person once, at the furthest step reached (any status), as '00'...
    "furthest_step": (
        "SELECT 'furthest_step' AS figure, '' AS manager, printf('%02d', f.furthest) "
        "AS on_date, count(*) AS n FROM (SELECT (SELECT "
        f"max(CASE p.stage {_FURTHEST} ELSE 0 END) FROM placement_steps p "
        "WHERE p.survivor_id = s.id {without}) AS furthest FROM survivors s WHERE {case}) f "
        "WHERE f.furthest IS NOT NULL GROUP BY 3"),
}
WHOLE_CASE = tuple(FIGURES)
NEW_CASE = ("survivors", "active_cases", "no_contact_30_days")


def contribution(figure: str, case: str, *, row: str = "", without: str = "",
                 single: bool = False) -> str:
    """The figure's rows for the cases `case` picks. `single`: one row or one new case, which
    counts once at most, so no grouping (a GROUP BY builds a temporary B-tree, which costs
    more than the rest of the statement in a trigger that runs for every inserted row)."""
    sql = FIGURES[figure].format(case=case, row=row, without=without,
                                 reached=rules_sql.reached_contacts(),
                                 outstanding=rules_sql.outstanding_statuses(),
                                 recovered=rules_sql.recovered())
    if single:
        sql = sql.replace("count(*) AS n", "1 AS n").rsplit(" GROUP BY ", 1)[0]
    return sql


def _add(select: str, sign: int) -> str:
    """Add (sign 1) or subtract (sign -1) the rows of a contribution to the totals."""
    n = "n" if sign > 0 else "-n"
    # `WHERE true` tells SQLite's parser that ON CONFLICT belongs to the INSERT.
    return ("INSERT INTO dashboard_counts (figure, manager, on_date, n) "
            f"SELECT figure, manager, on_date, {n} FROM ({select}) WHERE true "
            "ON CONFLICT (figure, manager, on_date) DO UPDATE SET n = n + excluded.n;")


def _case(expr: str) -> str:
    return f"s.id = ({expr})"


def _whole_case_triggers(table: str, figures: tuple[str, ...], survivor: str,
                         columns: str, *, inserted: str | None) -> list[str]:
    """Recompute a case's figures around each change of `table`. `survivor` finds the case of
    a row (OLD or NEW stands for `{r}`). `inserted` says what an insert changes: "case" (a new
    survivor: all of it), a condition that leaves the new row out (what the case contributed
    before it), or None (nothing: a new goal has no milestones yet)."""
    old, new = survivor.format(r="OLD"), survivor.format(r="NEW")
    # A row that moves to another case changes two cases; a survivor's own id never changes.
    moved = f" AND ({new}) IS NOT ({old})" if table != "survivors" else None

    def each(case: str, sign: int, without: str = "") -> str:
        return "\n".join(_add(contribution(f, case, without=without), sign) for f in figures)

    def both(sign: int) -> str:
        return each(_case(old), sign) + ("" if moved is None
                                         else "\n" + each(_case(new) + moved, sign))

    triggers = [
        f"CREATE TRIGGER dash_{table}_before_update BEFORE UPDATE OF {columns} ON {table} "
        f"BEGIN\n{both(-1)}\nEND",
        f"CREATE TRIGGER dash_{table}_after_update AFTER UPDATE OF {columns} ON {table} "
        f"BEGIN\n{both(1)}\nEND",
        f"CREATE TRIGGER dash_{table}_before_delete BEFORE DELETE ON {table} "
        f"BEGIN\n{each(_case(old), -1)}\nEND",
        f"CREATE TRIGGER dash_{table}_after_delete AFTER DELETE ON {table} "
        f"BEGIN\n{each(_case(old), 1)}\nEND",
    ]
    if inserted == "case":
        # A survivor just added has nothing under it yet (its rows need it to exist first),
        # so only its own figures count. Keeping the trigger short matters: SQLite compiles it
        # into every INSERT it prepares, and an import prepares one per case.
        triggers.append(f"CREATE TRIGGER dash_{table}_insert AFTER INSERT ON {table} BEGIN\n"
                        + "\n".join(_add(contribution(f, _case(new), single=True), 1)
                                     for f in NEW_CASE)
                        + "\nEND")
    elif inserted is not None:
        triggers.append(f"CREATE TRIGGER dash_{table}_insert AFTER INSERT ON {table} BEGIN\n"
                        f"{each(_case(new), -1, without=inserted)}\n{each(_case(new), 1)}\nEND")
    return triggers


def _row_triggers(table: str, figure: str, alias: str, survivor: str,
                  columns: str) -> list[str]:
    """Subtract a row before it changes or goes; add it after it is inserted or changed."""

    def one(r: str, sign: int) -> str:
        return _add(contribution(figure, _case(survivor.format(r=r)),
                                 row=f"AND {alias}.id = {r}.id", single=True), sign)

    return [
        f"CREATE TRIGGER dash_{table}_insert AFTER INSERT ON {table} BEGIN\n{one('NEW', 1)}\nEND",
        f"CREATE TRIGGER dash_{table}_before_update BEFORE UPDATE OF {columns} ON {table} "
        f"BEGIN\n{one('OLD', -1)}\nEND",
        f"CREATE TRIGGER dash_{table}_after_update AFTER UPDATE OF {columns} ON {table} "
        f"BEGIN\n{one('NEW', 1)}\nEND",
        f"CREATE TRIGGER dash_{table}_delete BEFORE DELETE ON {table} "
        f"BEGIN\n{one('OLD', -1)}\nEND",
    ]


def triggers() -> list[str]:
    return [
        *_whole_case_triggers("survivors", WHOLE_CASE, "{r}.id",
                              "status, assigned_to, intake_date", inserted="case"),
        *_whole_case_triggers("goals", ("overdue_milestones",), "{r}.survivor_id",
                              "survivor_id, status", inserted=None),
        *_whole_case_triggers("notes", ("no_contact_30_days",), "{r}.survivor_id",
                              "survivor_id, written_on, contact_type",
                              inserted="AND n.id IS NOT NEW.id"),
        *_whole_case_triggers("placement_steps", ("furthest_step",), "{r}.survivor_id",
                              "survivor_id, stage", inserted="AND p.id IS NOT NEW.id"),
        *_row_triggers("milestones", "overdue_milestones", "m",
                       "SELECT survivor_id FROM goals WHERE id = {r}.goal_id",
                       "goal_id, due_date, completed_on"),
        *_row_triggers("documents", "documents_outstanding", "d", "{r}.survivor_id",
                       "survivor_id, status, expires_on"),
        *_row_triggers("tasks", "tasks_overdue", "t", "{r}.survivor_id",
                       "survivor_id, due_date, done_on"),
        *_row_triggers("consents", "consents_expiring", "c", "{r}.survivor_id",
                       "survivor_id, expires_on, revoked_on"),
    ]


def recount(conn: Connection, table: str, case: str = "1") -> None:
    """Add to `table` (shaped like dashboard_counts) every figure of the cases `case` picks
    (all of them by default), counted from scratch in one pass per figure."""
    for figure in FIGURES:
        conn.execute(f"INSERT INTO {table} (figure, manager, on_date, n) "
                     f"SELECT figure, manager, on_date, sum(n) FROM ({contribution(figure, case)}) "
                     "WHERE true GROUP BY figure, manager, on_date "
                     "ON CONFLICT (figure, manager, on_date) DO UPDATE SET n = n + excluded.n")


_STORED = ("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
           "AND name LIKE 'dash\\_%' ESCAPE '\\'")


def stored_triggers(conn: Connection) -> dict[str, str]:
    """The running totals' triggers as this database holds them: name -> CREATE text."""
    return dict(conn.execute(_STORED))


def rebuild_if_stale(conn: Connection) -> bool:
    """Replace the triggers, and recount the totals, when the triggers a database holds were
    made from other rules than the domain's now (a rule changed in `domain/` after the
    database was written); True if it did. Runs at every opening, after the migrations: it
    reads a few dozen rows of the schema, and rebuilds only when a rule has changed."""
    has_totals = conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' "
                              "AND name = 'dashboard_counts'").fetchone()
    wanted = triggers()
    if has_totals is None or set(stored_triggers(conn).values()) == set(wanted):
        return False
    with transaction(conn):
        for name in stored_triggers(conn):
            conn.execute(f'DROP TRIGGER "{name}"')
        for trigger in wanted:
            conn.execute(trigger)
        conn.execute("DELETE FROM dashboard_counts")
        recount(conn, "dashboard_counts")
    return True


@step(9)
def create_dashboard_counts(conn: Connection) -> None:
    conn.execute("""CREATE TABLE dashboard_counts (
        figure   TEXT NOT NULL,
        manager  TEXT NOT NULL,
        on_date  TEXT NOT NULL,
        n        INTEGER NOT NULL,
        PRIMARY KEY (figure, manager, on_date)
    ) WITHOUT ROWID""")
    for trigger in triggers():
        conn.execute(trigger)
    recount(conn, "dashboard_counts")
