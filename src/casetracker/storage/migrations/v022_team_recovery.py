"""Schema 22: the program's recovery key travels, and revocations say what they saw.

One row (id 'recovery'): the recovery key's slot as it travels, without any data key (its
public key and its private key wrapped under the recovery key), and when it was made. When a
supervisor makes a new recovery key on one laptop, the row follows, and every laptop puts the
new slot in its key file in place of the old one (`services/team_accounts.adopt`), so the old
recovery key stops opening every laptop's database, not only the one it was replaced on.

`team_laptops.revoked_after`: the last sequence number of the revoked laptop's changes that
the revoking laptop had applied. `sync_revocations` (this laptop's own): every revocation
applied here, with the laptop that made it and the sequence number of that change, so that a
revocation made by a laptop after what its own revoker had seen of it counts for nothing on
every laptop, whatever order the bundles arrived in (`sync/membership.py`).
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(22)
def team_recovery_and_revocations(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE team_recovery (
            id           TEXT PRIMARY KEY,   -- 'recovery': the same row on every laptop
            slot         TEXT NOT NULL,      -- JSON: the key slot without a sealed data key
            replaced_at  TEXT NOT NULL
        ) WITHOUT ROWID""")
    conn.execute("ALTER TABLE team_laptops ADD COLUMN revoked_after INTEGER")
    conn.execute("""
        CREATE TABLE sync_revocations (
            target     TEXT NOT NULL,     -- the laptop revoked
            by_laptop  TEXT NOT NULL,     -- the laptop whose signed bundle revoked it
            by_seq     INTEGER NOT NULL,  -- that change's number among by_laptop's changes
            cutoff     INTEGER NOT NULL,  -- the target's changes by_laptop had applied
            PRIMARY KEY (target, by_laptop, by_seq)
        ) WITHOUT ROWID""")
