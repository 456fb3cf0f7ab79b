"""Schema 23: employers' yearly self-assessments, and positions' shift and location area.

A self-assessment is the employer's own checklist of the anti-trafficking practices
(`domain.employment.Practice`) on a date; the newest one is repeated after a year. Positions
say which shift they are and in which part of town or site, so matching can use them.
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(23)
def add_employer_commitments(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE employer_assessments (
            id           TEXT PRIMARY KEY,
            employer_id  TEXT NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
            assessed_on  TEXT NOT NULL,
            practices    TEXT NOT NULL DEFAULT '[]',
            note         TEXT NOT NULL DEFAULT '',
            recorded_by  TEXT,
            created_at   TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX employer_assessments_employer "
                 "ON employer_assessments (employer_id, assessed_on)")
    conn.execute("ALTER TABLE positions ADD COLUMN shift TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE positions ADD COLUMN location_area TEXT NOT NULL DEFAULT ''")
