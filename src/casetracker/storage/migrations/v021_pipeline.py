"""Schema 21: apprenticeships, the employer's people around a placement, coaching contacts,
and gender as recorded (issue 21 §2-3).

- `positions` gains the kind 'apprenticeship' (its CHECK widened) and the apprenticeship's
  track (pre- or registered), term, sponsor and wage steps.
- `apprenticeships`: one per pipeline step that started one, with how it ended.
- `placement_people`: the onsite supervisor and mentor at the employer for an apprenticeship or
  a job step (an internship keeps them in its own row). Employer data: no field catalog
  category names them, so nothing exported about a survivor can carry them.
- `employer_coaching`: the case manager's coaching contacts with the employer about a
  placement.
- `survivors.gender` and `gender_self_described`: optional, never shared.
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step

_OLD_CHECK = "CHECK (kind IN ('internship', 'job'))"
_NEW_CHECK = "CHECK (kind IN ('internship', 'job', 'apprenticeship'))"

_TABLES = [
    """CREATE TABLE apprenticeships (
        step_id      TEXT PRIMARY KEY REFERENCES placement_steps (id) ON DELETE CASCADE,
        survivor_id  TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        employer_id  TEXT REFERENCES employers (id),
        position_id  TEXT REFERENCES positions (id),
        track        TEXT NOT NULL,
        starts_on    TEXT NOT NULL,
        ends_on      TEXT NOT NULL,
        outcome      TEXT NOT NULL DEFAULT '',
        ended_on     TEXT,
        end_reason   TEXT NOT NULL DEFAULT '',
        updated_at   TEXT NOT NULL
    )""",
    "CREATE INDEX apprenticeships_survivor ON apprenticeships (survivor_id)",
    """CREATE TABLE placement_people (
        step_id             TEXT PRIMARY KEY REFERENCES placement_steps (id) ON DELETE CASCADE,
        survivor_id         TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        employer_id         TEXT REFERENCES employers (id),
        supervisor          TEXT NOT NULL DEFAULT '',
        supervisor_contact  TEXT NOT NULL DEFAULT '',
        mentor              TEXT NOT NULL DEFAULT '',
        mentor_contact      TEXT NOT NULL DEFAULT '',
        updated_at          TEXT NOT NULL
    )""",
    "CREATE INDEX placement_people_survivor ON placement_people (survivor_id)",
    """CREATE TABLE employer_coaching (
        id            TEXT PRIMARY KEY,
        step_id       TEXT NOT NULL REFERENCES placement_steps (id) ON DELETE CASCADE,
        survivor_id   TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        employer_id   TEXT REFERENCES employers (id),
        contacted_on  TEXT NOT NULL,
        with_whom     TEXT NOT NULL,
        topic         TEXT NOT NULL,
        note          TEXT NOT NULL DEFAULT '',
        recorded_by   TEXT,
        created_at    TEXT NOT NULL
    )""",
    "CREATE INDEX employer_coaching_step ON employer_coaching (step_id, contacted_on)",
    "CREATE INDEX employer_coaching_survivor ON employer_coaching (survivor_id)",
    "ALTER TABLE survivors ADD COLUMN gender TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE survivors ADD COLUMN gender_self_described TEXT NOT NULL DEFAULT ''",
]


def _widen_positions(conn: Connection) -> None:
    """Let `positions.kind` be 'apprenticeship'. Loosening a CHECK changes nothing stored, so
    the table's text is changed in place, as SQLite's ALTER TABLE page describes for such
    changes (writable_schema, then a new schema version), rather than made again: that would
    need foreign keys off, which cannot be switched inside the step's transaction."""
    version = int(conn.execute("PRAGMA schema_version").fetchone()[0])
    conn.execute("PRAGMA writable_schema = ON")
    try:
        changed = conn.execute(
            "UPDATE sqlite_schema SET sql = replace(sql, ?, ?) WHERE type = 'table' "
            "AND name = 'positions' AND instr(sql, ?) > 0",
            (_OLD_CHECK, _NEW_CHECK, _OLD_CHECK)).rowcount
        if changed != 1:
            raise RuntimeError("positions.kind is not as schema step 4 made it")
        conn.execute(f"PRAGMA schema_version = {version + 1}")
    finally:
        conn.execute("PRAGMA writable_schema = OFF")
    for column in ("track TEXT NOT NULL DEFAULT ''", "term_months INTEGER",
                   "sponsor TEXT NOT NULL DEFAULT ''", "wage_steps TEXT NOT NULL DEFAULT '[]'"):
        conn.execute(f"ALTER TABLE positions ADD COLUMN {column}")


@step(21)
def pipeline(conn: Connection) -> None:
    _widen_positions(conn)
    for statement in _TABLES:
        conn.execute(statement)
