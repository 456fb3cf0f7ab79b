"""Schema 3: program settings (auto-lock time, organisation details for letterheads)."""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(3)
def create_settings(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE settings (
            key    TEXT PRIMARY KEY,
            value  TEXT NOT NULL
        ) WITHOUT ROWID""")
