"""Schema 5: consents to share, and the log of every export and letter."""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(5)
def create_sharing_tables(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE consents (
            id                     TEXT PRIMARY KEY,
            survivor_id            TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
            recipient_kind         TEXT NOT NULL,
            recipient_name         TEXT NOT NULL,
            recipient_employer_id  TEXT REFERENCES employers (id),
            categories             TEXT NOT NULL,
            signed_on              TEXT NOT NULL,
            expires_on             TEXT NOT NULL,
            method                 TEXT NOT NULL,
            revoked_on             TEXT,
            created_by             TEXT,
            created_at             TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX consents_survivor ON consents (survivor_id)")
    conn.execute("CREATE INDEX consents_expiry ON consents (expires_on) WHERE revoked_on IS NULL")
    conn.execute("""
        CREATE TABLE exports (
            id           TEXT PRIMARY KEY,
            at           TEXT NOT NULL,
            actor        TEXT NOT NULL,
            survivor_id  TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
            kind         TEXT NOT NULL,
            recipient    TEXT NOT NULL,
            fields       TEXT NOT NULL,
            sha256       TEXT NOT NULL,
            consent_id   TEXT REFERENCES consents (id)
        )""")
    conn.execute("CREATE INDEX exports_survivor ON exports (survivor_id, at)")
