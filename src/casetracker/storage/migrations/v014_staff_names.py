"""Schema 14: each account's display name and job title, which sign letters and name people
where a login name would read badly ("Questions? Talk with ana.")."""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(14)
def add_staff_names(conn: Connection) -> None:
    conn.execute("ALTER TABLE users ADD COLUMN display_name TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE users ADD COLUMN job_title TEXT NOT NULL DEFAULT ''")
