"""Schema 18: team membership that travels, and sync keys that rotate.

- `team_laptops` (replicated): the program's laptops, each with its Ed25519 verify key and
  X25519 public key, who enrolled it and whether it was revoked. A row travels inside the
  bundles of the laptop that wrote it, so it is signed by an enrolled laptop; triggers copy it
  into `sync_laptops`, the list that bundles are verified against (a known laptop's key is
  never replaced, and a revocation is never undone there).
- `sync_keys`: every sync key this laptop has held (old bundles stay readable), in order;
  the current one is also in `sync_program`. A key this laptop made by rotating carries its
  `grant` (the key sealed to each remaining laptop's X25519 key), sent in bundle headers.
- `team_accounts` (replicated): each staff account as it unlocks anywhere (its key slot
  without any data key: the public key and the passphrase-wrapped private key, as one value
  so a passphrase change never arrives half), its role and whether it was removed. A trigger
  makes the `users` row of an account that arrives (so records naming it apply at once); the
  key file and every later change follow in `services/team_accounts.py`.
- Each laptop gets an X25519 key pair (`sync_identity.box_*`) that rotated keys are sealed
  to, and a name.
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step

# Not named `sync_*`: those are the capture triggers, which `install_triggers` replaces.
TRUST_TRIGGERS = (
    """CREATE TRIGGER team_laptop_trusted AFTER INSERT ON team_laptops
       WHEN NEW.id <> (SELECT laptop_id FROM sync_identity) BEGIN
         INSERT INTO sync_laptops (laptop_id, name, verify_key, box_public, revoked_at)
         VALUES (NEW.id, NEW.name, NEW.verify_key, NEW.box_public, NEW.revoked_at)
         ON CONFLICT (laptop_id) DO UPDATE SET name = excluded.name,
           box_public = coalesce(sync_laptops.box_public, excluded.box_public),
           revoked_at = coalesce(sync_laptops.revoked_at, excluded.revoked_at);
       END""",
    """CREATE TRIGGER team_laptop_changed AFTER UPDATE OF name, revoked_at ON team_laptops
       BEGIN
         UPDATE sync_laptops SET name = NEW.name,
           revoked_at = coalesce(sync_laptops.revoked_at, NEW.revoked_at)
         WHERE laptop_id = NEW.id;
       END""",
)

ACCOUNT_ARRIVES = """
    CREATE TRIGGER team_account_arrives AFTER INSERT ON team_accounts BEGIN
      INSERT INTO users (id, name, role, public_key_sha256, created_at,
                         must_change_passphrase, removed_at)
      VALUES (NEW.id, NEW.name, NEW.role, NEW.key_sha256, NEW.created_at, NEW.must_change,
              NEW.removed_at)
      ON CONFLICT DO NOTHING;
    END"""


@step(18)
def team_membership(conn: Connection) -> None:
    from casetracker.security.envelope import new_key_pair  # loads `cryptography`

    conn.execute("ALTER TABLE sync_identity ADD COLUMN name TEXT NOT NULL DEFAULT ''")
    conn.execute("ALTER TABLE sync_identity ADD COLUMN box_private BLOB")
    conn.execute("ALTER TABLE sync_identity ADD COLUMN box_public BLOB")
    conn.execute("ALTER TABLE sync_laptops ADD COLUMN box_public BLOB")
    private, public = new_key_pair()
    conn.execute("UPDATE sync_identity SET box_private = ?, box_public = ?", (private, public))
    conn.execute("""
        CREATE TABLE sync_keys (
            key_id    TEXT PRIMARY KEY,
            sync_key  BLOB NOT NULL,
            ord       INTEGER NOT NULL,   -- the later key (higher) is the one to write with
            grant_json TEXT               -- JSON: the key sealed to each laptop, if made here
        ) WITHOUT ROWID""")
    conn.execute("INSERT INTO sync_keys (key_id, sync_key, ord) "
                 "SELECT key_id, sync_key, 0 FROM sync_program")
    conn.execute("""
        CREATE TABLE team_laptops (
            id           TEXT PRIMARY KEY,
            name         TEXT NOT NULL,
            verify_key   BLOB NOT NULL,
            box_public   BLOB NOT NULL,
            enrolled_at  TEXT NOT NULL,
            enrolled_by  TEXT,
            revoked_at   TEXT,
            revoked_by   TEXT
        )""")
    conn.execute("""
        CREATE TABLE team_accounts (
            id           TEXT PRIMARY KEY,
            name         TEXT NOT NULL,
            role         TEXT NOT NULL,
            created_at   TEXT NOT NULL,
            must_change  INTEGER NOT NULL DEFAULT 0,
            removed_at   TEXT,
            key_sha256   TEXT NOT NULL,  -- the slot's public key, as `users` records it
            slot         TEXT NOT NULL   -- JSON: the key slot without a sealed data key
        )""")
    for trigger in (*TRUST_TRIGGERS, ACCOUNT_ARRIVES):
        conn.execute(trigger)
