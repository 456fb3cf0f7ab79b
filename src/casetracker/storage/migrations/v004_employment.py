"""Schema 4: employer partners, positions, readiness workshops and placement steps."""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step

_STATEMENTS = [
    """CREATE TABLE employers (
        id                 TEXT PRIMARY KEY,
        name               TEXT NOT NULL UNIQUE COLLATE NOCASE,
        industry           TEXT NOT NULL,
        contact_name       TEXT NOT NULL DEFAULT '',
        contact_phone      TEXT NOT NULL DEFAULT '',
        contact_email      TEXT NOT NULL DEFAULT '',
        practices          TEXT NOT NULL DEFAULT '[]',
        restrictions       TEXT NOT NULL DEFAULT '[]',
        restriction_notes  TEXT NOT NULL DEFAULT '',
        created_at         TEXT NOT NULL
    )""",
    """CREATE TABLE positions (
        id                 TEXT PRIMARY KEY,
        employer_id        TEXT NOT NULL REFERENCES employers (id),
        kind               TEXT NOT NULL CHECK (kind IN ('internship', 'job')),
        title              TEXT NOT NULL,
        hours_per_week     INTEGER NOT NULL,
        hourly_wage_cents  INTEGER,
        start_date         TEXT,
        weeks              INTEGER,
        paid               INTEGER NOT NULL DEFAULT 1,
        is_open            INTEGER NOT NULL DEFAULT 1,
        skills_wanted      TEXT NOT NULL DEFAULT '[]',
        created_at         TEXT NOT NULL
    )""",
    "CREATE INDEX positions_employer ON positions (employer_id, is_open)",
    """CREATE TABLE workshops (
        id                    TEXT PRIMARY KEY,
        topic                 TEXT NOT NULL,
        held_on               TEXT NOT NULL,
        facilitator           TEXT NOT NULL DEFAULT '',
        partner_organisation  TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE workshop_attendance (
        workshop_id  TEXT NOT NULL REFERENCES workshops (id) ON DELETE CASCADE,
        survivor_id  TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        attended     INTEGER NOT NULL,
        completed    INTEGER NOT NULL,
        PRIMARY KEY (workshop_id, survivor_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX attendance_survivor ON workshop_attendance (survivor_id)",
    """CREATE TABLE placement_steps (
        seq                INTEGER PRIMARY KEY,
        id                 TEXT NOT NULL UNIQUE,
        survivor_id        TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        stage              TEXT NOT NULL,
        on_date            TEXT NOT NULL,
        employer_id        TEXT REFERENCES employers (id),
        position_id        TEXT REFERENCES positions (id),
        hours_per_week     INTEGER,
        hourly_wage_cents  INTEGER,
        reason             TEXT NOT NULL DEFAULT '',
        recorded_by        TEXT,
        created_at         TEXT NOT NULL
    )""",
    "CREATE INDEX placement_survivor ON placement_steps (survivor_id, seq)",
]


@step(4)
def create_employment_tables(conn: Connection) -> None:
    for statement in _STATEMENTS:
        conn.execute(statement)
