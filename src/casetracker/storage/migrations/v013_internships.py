"""Schema 13: paid internships as they run (dates, hours, wage, the employer's supervisor and
mentor, how they ended) and their weekly check-ins."""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(13)
def create_internships(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE internships (
            step_id                      TEXT PRIMARY KEY
                                         REFERENCES placement_steps (id) ON DELETE CASCADE,
            survivor_id                  TEXT NOT NULL
                                         REFERENCES survivors (id) ON DELETE CASCADE,
            employer_id                  TEXT REFERENCES employers (id),
            starts_on                    TEXT NOT NULL,
            ends_on                      TEXT NOT NULL,
            hours_per_week               INTEGER,
            hourly_wage_cents            INTEGER,
            employer_supervisor          TEXT NOT NULL DEFAULT '',
            employer_supervisor_contact  TEXT NOT NULL DEFAULT '',
            employer_mentor              TEXT NOT NULL DEFAULT '',
            employer_mentor_contact      TEXT NOT NULL DEFAULT '',
            outcome                      TEXT NOT NULL DEFAULT '',
            ended_on                     TEXT,
            end_reason                   TEXT NOT NULL DEFAULT '',
            updated_at                   TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX internships_survivor ON internships (survivor_id)")
    # "Ending in the next two weeks": the running ones by end date.
    conn.execute("CREATE INDEX internships_running ON internships (outcome, ends_on)")
    conn.execute("""
        CREATE TABLE internship_weeks (
            id            TEXT PRIMARY KEY,
            step_id       TEXT NOT NULL REFERENCES internships (step_id) ON DELETE CASCADE,
            week_of       TEXT NOT NULL,
            hours_worked  INTEGER NOT NULL,
            note          TEXT NOT NULL DEFAULT '',
            recorded_by   TEXT,
            created_at    TEXT NOT NULL,
            UNIQUE (step_id, week_of)
        )""")
