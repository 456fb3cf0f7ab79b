"""Schema 7: covering indexes for the supervisor's figures on large caseloads.

Each lets its count read a narrow index instead of the wide rows (note texts, document
details) of its table, measured on 50,000 synthetic survivors with `benchmarks/run.py`.
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(7)
def create_report_indexes(conn: Connection) -> None:
    conn.execute("CREATE INDEX notes_contact ON notes (survivor_id, contact_type, written_on)")
    conn.execute("CREATE INDEX documents_outstanding ON documents "
                 "(survivor_id, status, expires_on)")
    conn.execute("CREATE INDEX placement_stage ON placement_steps (survivor_id, stage)")
    conn.execute("CREATE INDEX tasks_due ON tasks (survivor_id, done_on, due_date)")
