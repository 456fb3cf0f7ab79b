"""Schema 25: each account signs its own changes.

A laptop's key proves which laptop wrote a bundle, not which account was at the keyboard:
anyone who can unlock a laptop holds its key. So each account also signs the changes it
makes (`sync/signatures.py`), with an Ed25519 key derived from its key slot's private key,
which only its passphrase (or the recovery key) opens, on whichever laptop it unlocks.

- `team_accounts.sign_key`, `team_recovery.sign_key` (replicated): each account's signing
  public key, and the recovery key's, as the supervisor who made the account (or the account
  itself, the first time) published it.
- `sync_signing_keys` (this laptop's own): every signing key ever accepted for an account
  (`holder` = the account's name, lower case) or for the recovery key (`@recovery`), filled by
  triggers as the rows above change here or arrive. A change signed with an account's earlier
  key still counts: its laptop may not have heard of the new one when it was made.
- `slot_signing_keys` (this laptop's own): the signing public key of each key slot this laptop
  made or opened, by the slot's fingerprint, so a supervisor who makes an account publishes
  its key with it.
- `sync_attestations` (this laptop's own): each run of an account's changes waiting to be
  sent, with the digests of its changes and the account's signature over them.
- `sync_identity.signed_from`: this laptop's first change that carries an account's
  signature (the changes it had logged before this step travel as they did, on the laptop's
  signature alone); `sync_laptops.signed_from` records what each laptop declared.
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step

RECOVERY_HOLDER = "@recovery"

KEY_TRIGGERS = (
    """CREATE TRIGGER team_account_key_in AFTER INSERT ON team_accounts
       WHEN NEW.sign_key IS NOT NULL BEGIN
         INSERT OR IGNORE INTO sync_signing_keys (holder, sign_key)
         VALUES (lower(NEW.name), NEW.sign_key);
       END""",
    """CREATE TRIGGER team_account_key_changed AFTER UPDATE OF sign_key ON team_accounts
       WHEN NEW.sign_key IS NOT NULL BEGIN
         INSERT OR IGNORE INTO sync_signing_keys (holder, sign_key)
         VALUES (lower(NEW.name), NEW.sign_key);
       END""",
    f"""CREATE TRIGGER team_recovery_key_in AFTER INSERT ON team_recovery
       WHEN NEW.sign_key IS NOT NULL BEGIN
         INSERT OR IGNORE INTO sync_signing_keys (holder, sign_key)
         VALUES ('{RECOVERY_HOLDER}', NEW.sign_key);
       END""",
    f"""CREATE TRIGGER team_recovery_key_changed AFTER UPDATE OF sign_key ON team_recovery
       WHEN NEW.sign_key IS NOT NULL BEGIN
         INSERT OR IGNORE INTO sync_signing_keys (holder, sign_key)
         VALUES ('{RECOVERY_HOLDER}', NEW.sign_key);
       END""",
)


@step(25)
def account_signatures(conn: Connection) -> None:
    conn.execute("ALTER TABLE team_accounts ADD COLUMN sign_key BLOB")
    conn.execute("ALTER TABLE team_recovery ADD COLUMN sign_key BLOB")
    conn.execute("""
        CREATE TABLE sync_signing_keys (
            holder    TEXT NOT NULL,
            sign_key  BLOB NOT NULL,
            PRIMARY KEY (holder, sign_key)
        ) WITHOUT ROWID""")
    conn.execute("""
        CREATE TABLE slot_signing_keys (
            key_sha256  TEXT PRIMARY KEY,
            sign_key    BLOB NOT NULL
        ) WITHOUT ROWID""")
    conn.execute("""
        CREATE TABLE sync_attestations (
            first_seq  INTEGER PRIMARY KEY,
            last_seq   INTEGER NOT NULL,
            actor      TEXT NOT NULL,
            salt       BLOB,            -- NULL once a change of the run was dropped:
            keys       BLOB,            -- then each kept change's key (16 bytes) instead
            digests    BLOB NOT NULL,   -- 32 bytes per change, first_seq..last_seq
            signature  BLOB NOT NULL
        )""")
    conn.execute("ALTER TABLE sync_identity ADD COLUMN signed_from INTEGER NOT NULL DEFAULT 1")
    conn.execute("ALTER TABLE sync_laptops ADD COLUMN signed_from INTEGER")
    # Changes already logged here (in a program before this step) travel as before.
    conn.execute("UPDATE sync_identity SET signed_from = coalesce((SELECT seq + 1 FROM "
                 "sqlite_sequence WHERE name = 'sync_changes'), 1)")
    for trigger in KEY_TRIGGERS:
        conn.execute(trigger)
