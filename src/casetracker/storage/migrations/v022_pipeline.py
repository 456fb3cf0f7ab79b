"""Schema 22: apprenticeships, the employer's people around a placement, coaching contacts,
and gender as recorded (issue 21 §2-3).

- `positions` gains the kind 'apprenticeship' (its CHECK is rebuilt) and the apprenticeship's
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

_POSITIONS = """CREATE TABLE positions (
        id                 TEXT PRIMARY KEY,
        employer_id        TEXT NOT NULL REFERENCES employers (id),
        kind               TEXT NOT NULL
                           CHECK (kind IN ('internship', 'job', 'apprenticeship')),
        title              TEXT NOT NULL,
        hours_per_week     INTEGER NOT NULL,
        hourly_wage_cents  INTEGER,
        start_date         TEXT,
        weeks              INTEGER,
        paid               INTEGER NOT NULL DEFAULT 1,
        is_open            INTEGER NOT NULL DEFAULT 1,
        skills_wanted      TEXT NOT NULL DEFAULT '[]',
        created_at         TEXT NOT NULL,
        track              TEXT NOT NULL DEFAULT '',
        term_months        INTEGER,
        sponsor            TEXT NOT NULL DEFAULT '',
        wage_steps         TEXT NOT NULL DEFAULT '[]'
    )"""
_OLD_COLUMNS = ("id, employer_id, kind, title, hours_per_week, hourly_wage_cents, start_date, "
                "weeks, paid, is_open, skills_wanted, created_at")

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


def _rebuild_positions(conn: Connection) -> None:
    """SQLite cannot change a CHECK in place: the table is made again and its rows copied.
    With `legacy_alter_table` the rename leaves `placement_steps`' reference naming
    `positions`, which the new table then answers; its capture triggers (if the laptop is in
    a program) go with the old table and are made again after the steps
    (`v011_change_capture.rebuild_if_stale`)."""
    conn.execute("PRAGMA legacy_alter_table = ON")
    try:
        conn.execute("ALTER TABLE positions RENAME TO positions_before_22")
        conn.execute(_POSITIONS)
        conn.execute(f"INSERT INTO positions ({_OLD_COLUMNS}) "
                     f"SELECT {_OLD_COLUMNS} FROM positions_before_22")
        conn.execute("DROP TABLE positions_before_22")
        conn.execute("CREATE INDEX positions_employer ON positions (employer_id, is_open)")
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")


@step(22)
def pipeline(conn: Connection) -> None:
    _rebuild_positions(conn)
    for statement in _TABLES:
        conn.execute(statement)
