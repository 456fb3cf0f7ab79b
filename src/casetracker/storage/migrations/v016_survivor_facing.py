"""Schema 16: what the survivor reads, and the case manager's clearances for restricted
employers.

- `tasks.for_survivor`: a task the case manager marked as a step for the survivor; only those
  go on the survivor's own plan (review actions and staff work never do).
- `restriction_clearances`: the case manager's decision whether a survivor fits an employer
  with hiring restrictions ("cleared" or "not_suitable"), with the reason, which stays with
  the case's sensitive details. Coordinators learn only "cleared" (`services/clearances.py`).
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(16)
def survivor_facing(conn: Connection) -> None:
    conn.execute("ALTER TABLE tasks ADD COLUMN for_survivor INTEGER NOT NULL DEFAULT 0")
    conn.execute("""
        CREATE TABLE restriction_clearances (
            survivor_id  TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
            employer_id  TEXT NOT NULL REFERENCES employers (id) ON DELETE CASCADE,
            decision     TEXT NOT NULL CHECK (decision IN ('cleared', 'not_suitable')),
            reason       TEXT NOT NULL DEFAULT '',
            decided_on   TEXT NOT NULL,
            decided_by   TEXT,
            PRIMARY KEY (survivor_id, employer_id)
        ) WITHOUT ROWID""")
