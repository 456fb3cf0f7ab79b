"""Schema 24: consents become releases of information.

A release also holds its purpose (written with the survivor), whether the recipient may share
it further, a minor's non-abusive parent or guardian and that both signed, how it was revoked
and by whom, and the case manager's task to renew it. Consents recorded before keep what they
said: no purpose (shown as not recorded), not to be shared further, and their method in the
new words ("written" was a signed paper form; "electronic" an electronic signature; a spoken
consent with a witness stays as it was, readable, and is never accepted for a new release).
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step

COLUMNS = (
    "purpose TEXT NOT NULL DEFAULT ''",
    "may_share_further INTEGER NOT NULL DEFAULT 0",
    "guardian_name TEXT NOT NULL DEFAULT ''",
    "guardian_signed INTEGER NOT NULL DEFAULT 0",
    "revoked_how TEXT",
    "revoked_by TEXT",
    "reminder_task_id TEXT",
)


@step(24)
def make_consents_releases(conn: Connection) -> None:
    for column in COLUMNS:
        conn.execute(f"ALTER TABLE consents ADD COLUMN {column}")
    conn.execute("UPDATE consents SET method = 'signed_paper' WHERE method = 'written'")
    conn.execute("UPDATE consents SET method = 'signed_electronic' WHERE method = 'electronic'")
    # A consent revoked before says nothing of how or by whom (the audit trail has who):
    # both stay empty rather than guessed.
