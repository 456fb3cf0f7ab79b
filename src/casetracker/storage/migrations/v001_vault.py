"""Schema 1: vault metadata, staff accounts and the audit trail."""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(1)
def create_vault_tables(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE meta (
            key   TEXT PRIMARY KEY,
            value BLOB NOT NULL
        ) WITHOUT ROWID""")
    conn.execute("""
        CREATE TABLE users (
            id                      TEXT PRIMARY KEY,
            name                    TEXT NOT NULL UNIQUE COLLATE NOCASE,
            role                    TEXT NOT NULL
                                    CHECK (role IN ('case_manager', 'coordinator', 'supervisor')),
            public_key_sha256       TEXT NOT NULL,
            -- A new key slot being put in place; accepted like the current one until the
            -- key file is confirmed to hold it (crash safety for passphrase resets).
            pending_public_key_sha256 TEXT,
            created_at              TEXT NOT NULL,
            must_change_passphrase  INTEGER NOT NULL DEFAULT 0,
            removed_at              TEXT
        )""")
    conn.execute("""
        CREATE TABLE audit_log (
            seq      INTEGER PRIMARY KEY,
            at       TEXT NOT NULL,
            actor    TEXT,
            action   TEXT NOT NULL,
            subject  TEXT,
            details  TEXT NOT NULL,
            mac      BLOB NOT NULL
        )""")
    conn.execute("CREATE INDEX audit_log_actor ON audit_log (actor, seq)")
    conn.execute("CREATE INDEX audit_log_subject ON audit_log (subject, seq)")
