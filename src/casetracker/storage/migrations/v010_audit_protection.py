"""Schema 10: the audit trail protected from insiders.

- A key per audit subject (a case number), destroyed when the case is purged. Entries written
  before this step keep their details as they were: the chain covers them, and rewriting them
  would rewrite history.
- Audit signers (each signed by the one before it), their private keys sealed to each
  supervisor's slot, supervisors' endorsements, and the signed checkpoints
  (`security.audit_signing`).
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(10)
def protect_the_audit_trail(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE audit_subject_keys (
            subject  TEXT PRIMARY KEY COLLATE NOCASE,
            key      BLOB NOT NULL
        )""")
    conn.execute("""
        CREATE TABLE audit_signers (
            id              TEXT PRIMARY KEY,
            public_key      BLOB NOT NULL,
            previous_id     TEXT REFERENCES audit_signers (id),
            succession      BLOB,
            created_at      TEXT NOT NULL
        )""")
    conn.execute("""
        CREATE TABLE audit_signer_seals (
            signer_id       TEXT NOT NULL REFERENCES audit_signers (id) ON DELETE CASCADE,
            slot_public_key BLOB NOT NULL,
            sealed          TEXT NOT NULL,
            PRIMARY KEY (signer_id, slot_public_key)
        )""")
    conn.execute("""
        CREATE TABLE audit_endorsements (
            slot_public_key BLOB NOT NULL,
            signer_id       TEXT NOT NULL REFERENCES audit_signers (id) ON DELETE CASCADE,
            mac             BLOB NOT NULL,
            PRIMARY KEY (slot_public_key, signer_id)
        )""")
    conn.execute("""
        CREATE TABLE audit_checkpoints (
            seq             INTEGER NOT NULL,
            mac             BLOB NOT NULL,
            at              TEXT NOT NULL,
            account         TEXT NOT NULL,
            signer_id       TEXT NOT NULL,
            signature       BLOB NOT NULL
        )""")
    conn.execute("CREATE INDEX audit_checkpoints_seq ON audit_checkpoints (seq)")
