"""Schema 12: services delivered to survivors, recorded as they happen (funders' counts)."""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(12)
def create_service_log(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE service_contacts (
            id            TEXT PRIMARY KEY,
            survivor_id   TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
            delivered_on  TEXT NOT NULL,
            kind          TEXT NOT NULL,
            minutes       INTEGER CHECK (minutes IS NULL OR minutes BETWEEN 1 AND 1440),
            note          TEXT NOT NULL DEFAULT '',
            recorded_by   TEXT,
            created_at    TEXT NOT NULL
        )""")
    # A record's services, newest first; a period's services for the funder report.
    conn.execute("CREATE INDEX service_contacts_survivor ON service_contacts "
                 "(survivor_id, delivered_on)")
    conn.execute("CREATE INDEX service_contacts_period ON service_contacts "
                 "(delivered_on, kind, survivor_id)")
