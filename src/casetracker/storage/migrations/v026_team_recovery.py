"""Schema 26: the program's recovery key travels (`team_recovery`, replicated).

One row (id 'recovery'): the recovery key's slot as it travels, without any data key (its
public key and its private key wrapped under the recovery key), and when it was made. When a
supervisor makes a new recovery key on one laptop, the row follows, and every laptop puts the
new slot in its key file in place of the old one (`services/team_accounts.adopt`), so the old
recovery key stops opening every laptop's database, not only the one it was replaced on.
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(26)
def create_team_recovery(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE team_recovery (
            id           TEXT PRIMARY KEY,   -- 'recovery': the same row on every laptop
            slot         TEXT NOT NULL,      -- JSON: the key slot without a sealed data key
            replaced_at  TEXT NOT NULL
        ) WITHOUT ROWID""")
