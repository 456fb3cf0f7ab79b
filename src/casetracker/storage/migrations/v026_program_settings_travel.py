"""Schema 26: the program's settings travel between its laptops.

`program_settings` (replicated, one row per setting, keyed by the setting's name, value as
text: numbers as digits, lists as JSON, the logo as base64) holds what every laptop of a
program must agree on: the letterhead and its logo, the readiness track ("ready to match"),
the service types added, the referral letter template, the auto-lock time and the backup
reminder. `settings` keeps what stays on each laptop: its sync folder and each account's
interface language there.

Upgrading moves the program's values out of `settings`. On a laptop already in a team
program they are also logged to be sent, as inserts at clock value `PRE_UPGRADE_HLC` (1)
without an account: any deliberate edit made later carries a larger clock and wins, and two
laptops that held different values meet as an ordinary conflict (the larger laptop id's
value shown on every laptop meanwhile) for a supervisor to settle, instead of one silently
overwriting the other. `sync/rules.py` accepts account-less changes at that clock only as
such inserts, and `sync/apply.py` lets them through the check that a laptop's clock never
goes back.
"""

from __future__ import annotations

import json

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step

PRE_UPGRADE_HLC = 1
TABLE = "program_settings"
# The settings that travel (as named at schema 26; later steps add to this list).
PROGRAM_KEYS = (
    "auto_lock_minutes", "organisation_name", "organisation_address", "organisation_phone",
    "backup_reminder_days", "readiness_track", "service_types_added",
    "organisation_logo", "referral_letter_template",
)


def _in_program(conn: Connection) -> bool:
    return conn.execute("SELECT 1 FROM sync_program").fetchone() is not None


@step(26)
def program_settings_travel(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE program_settings (
            key    TEXT PRIMARY KEY,   -- the setting's name: the same row on every laptop
            value  TEXT NOT NULL
        ) WITHOUT ROWID""")
    marks = ", ".join("?" * len(PROGRAM_KEYS))
    conn.execute(f"INSERT INTO program_settings (key, value) SELECT key, value FROM settings "
                 f"WHERE key IN ({marks})", PROGRAM_KEYS)
    conn.execute(f"DELETE FROM settings WHERE key IN ({marks})", PROGRAM_KEYS)
    if not _in_program(conn):
        return  # a laptop used alone: joining a program later sends them with its records
    laptop = str(conn.execute("SELECT laptop_id FROM sync_identity").fetchone()[0])
    for key, value in conn.execute("SELECT key, value FROM program_settings ORDER BY key"
                                   ).fetchall():
        conn.execute("INSERT INTO sync_changes (hlc, actor, tbl, row_id, op, value) "
                     "VALUES (?, NULL, ?, ?, 'insert', ?)",
                     (PRE_UPGRADE_HLC, TABLE, key, json.dumps({"key": key, "value": value})))
        conn.execute("INSERT INTO sync_versions (tbl, row_id, field, hlc, laptop) "
                     "VALUES (?, ?, '', ?, ?)", (TABLE, key, PRE_UPGRADE_HLC, laptop))
