"""Schema 11: change capture for team use, and the sync tables beside it.

Every change to a replicated table (`REPLICATED`, declared once here with its columns) is
recorded by triggers made from that declaration, in the same transaction as the change, so no
service can forget it. A trigger writes one row into `sync_raw`: the row as JSON (before and
after, for an update), the clock value of the unit of work and the acting account. A delete
also removes the row's values still waiting to be sent, so no purged value stays in the log.

Clock values: `sync_clock` holds this laptop's hybrid logical clock (HLC, `sync/hlc.py`). The
session advances it to the program clock's time before each unit of work
(`SyncRepository.advance_clock`, which also records the acting account), so a change made on
Friday carries Friday's time even when it is sent on Monday; stamping when bundling would
make "last writer" mean "last to sync". `sync/capture.py` then turns the raw rows, in order,
into one change per field whose value changed, each with a clock value of its own (the unit's,
or one more than the last given), and the version (HLC and laptop) of the value it replaced,
from `sync_versions`. It runs before anything reads the changes or versions: before a bundle
is written and at the start of every bundle's application (so no applied change comes between
an edit and the version it replaced). Applying moves the clock past every value received, so a
change made after seeing another is always later than it.

`sync_versions` holds the version of every replicated row (`field` = '', also marking a
deleted row: a tombstone) and of every field changed since. When two laptops changed a field
concurrently, the values neither had seen wait in `sync_heads` and the field is listed in
`sync_conflicts` (`sync/merge.py`).

The triggers exist only in a database that has joined a team program (`install_triggers`);
one used alone carries none. Capture is also off (`sync_clock.capturing` = 0) while a bundle
is applied, inside that transaction, so applied changes are never sent back out.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from casetracker.storage.connection import Connection, transaction
from casetracker.storage.migrations.registry import step


@dataclass(frozen=True, slots=True)
class Replicated:
    """A table whose rows travel between laptops, and how its rows are named."""

    table: str
    key: tuple[str, ...]          # the columns that name a row (UUIDs), joined by a space
    columns: tuple[str, ...]      # every other column that travels
    local: tuple[str, ...] = ()   # columns that stay on this laptop (integer search keys)
    blobs: tuple[str, ...] = ()   # columns holding bytes
    case: str = "NULL"            # SQL for the survivor a row {r} belongs to, for conflicts
    # Bookkeeping that every edit touches: the latest value wins and no conflict is listed
    # (else edits of different fields on two laptops would always conflict here).
    quiet: tuple[str, ...] = ("updated_at",)

    def row_id(self, r: str) -> str:
        return " || ' ' || ".join(f"{r}.{k}" for k in self.key)


_SURVIVOR = "{r}.survivor_id"
# Parents before children: changes are applied in this order when a table's rows are
# captured all at once (`snapshot`), and foreign keys must find their parents.
REPLICATED: tuple[Replicated, ...] = (
    # The program's laptops (schema 12): first, so a laptop is trusted before what it sent.
    Replicated("team_laptops", ("id",), (
        "name", "verify_key", "box_public", "enrolled_at", "enrolled_by", "revoked_at",
        "revoked_by", "revoked_after"), blobs=("verify_key", "box_public"),
        # Two supervisors revoking one laptop at once is no conflict to settle.
        quiet=("revoked_at", "revoked_by", "revoked_after")),
    # Staff accounts as they unlock on every laptop (schema 12).
    Replicated("team_accounts", ("id",), (
        "name", "role", "created_at", "must_change", "removed_at", "key_sha256", "slot",
        "sign_key"), blobs=("sign_key",)),
    # The program's recovery key slot, one row (schema 22). A slot made on two laptops at
    # once is a conflict for a supervisor, not a silent loss of a printed recovery key.
    Replicated("team_recovery", ("id",), ("slot", "replaced_at", "sign_key"),
               quiet=("replaced_at",), blobs=("sign_key",)),
    Replicated("employers", ("id",), (
        "name", "industry", "contact_name", "contact_phone", "contact_email", "practices",
        "restrictions", "restriction_notes", "created_at")),
    Replicated("positions", ("id",), (
        "employer_id", "kind", "title", "hours_per_week", "hourly_wage_cents", "start_date",
        "weeks", "paid", "is_open", "skills_wanted", "created_at", "track", "term_months",
        "sponsor", "wage_steps", "shift", "location_area")),
    # Employers' yearly self-assessments (schema 23).
    Replicated("employer_assessments", ("id",), (
        "employer_id", "assessed_on", "practices", "note", "recorded_by", "created_at")),
    Replicated("workshops", ("id",), ("topic", "held_on", "facilitator",
                                      "partner_organisation")),
    Replicated("survivors", ("id",), (
        "case_number", "preferred_name", "legal_first_name", "legal_last_name",
        "date_of_birth", "pronouns", "primary_language", "phone", "email", "address",
        "ok_to_call", "ok_to_text", "ok_to_voicemail", "safe_times", "referral_source",
        "intake_date", "assigned_to", "status", "skills", "hours_per_week", "earliest_start",
        "transport", "accommodations", "created_at", "updated_at", "gender",
        "gender_self_described"),
        local=("seq",), case="{r}.id"),
    Replicated("survivor_sensitive", ("survivor_id",), (
        "trafficking_type", "history_notes", "criminal_record_notes", "vacatur_status",
        "immigration_status", "health_notes", "safety_plan", "updated_at"), case=_SURVIVOR),
    Replicated("barriers", ("id",), (
        "survivor_id", "kind", "description", "resolved_on", "created_at"), case=_SURVIVOR),
    Replicated("goals", ("id",), (
        "survivor_id", "domain", "specific", "measurable", "achievable", "relevant",
        "target_date", "status", "created_at", "survivor_wording"), case=_SURVIVOR),
    Replicated("milestones", ("id",), ("goal_id", "description", "due_date", "completed_on",
                                       "survivor_wording"),
               case="(SELECT survivor_id FROM goals WHERE id = {r}.goal_id)"),
    Replicated("checkins", ("id",), ("goal_id", "checked_on", "note", "author", "created_at"),
               case="(SELECT survivor_id FROM goals WHERE id = {r}.goal_id)"),
    Replicated("documents", ("id",), (
        "survivor_id", "kind", "label", "status", "requested_on", "recovered_on", "expires_on",
        "issuer", "original_location", "notes", "updated_at"), case=_SURVIVOR),
    Replicated("attachments", ("id",), (
        "document_id", "filename", "media_type", "size", "sha256", "content", "added_at",
        "added_by"), blobs=("content",),
        case="(SELECT survivor_id FROM documents WHERE id = {r}.document_id)"),
    Replicated("notes", ("id",), (
        "survivor_id", "written_on", "contact_type", "text", "author", "created_at"),
        local=("seq",), case=_SURVIVOR),
    Replicated("tasks", ("id",), (
        "survivor_id", "title", "due_date", "assignee", "done_on", "created_by", "created_at",
        "for_survivor"), case=_SURVIVOR),
    Replicated("workshop_attendance", ("workshop_id", "survivor_id"), ("attended", "completed"),
               case=_SURVIVOR),
    Replicated("placement_steps", ("id",), (
        "survivor_id", "stage", "on_date", "employer_id", "position_id", "hours_per_week",
        "hourly_wage_cents", "reason", "recorded_by", "created_at"),
        local=("seq",), case=_SURVIVOR),
    Replicated("consents", ("id",), (
        "survivor_id", "recipient_kind", "recipient_name", "recipient_employer_id",
        "categories", "signed_on", "expires_on", "method", "revoked_on", "created_by",
        "created_at", "purpose", "may_share_further", "guardian_name", "guardian_signed",
        "revoked_how", "revoked_by", "reminder_task_id"), case=_SURVIVOR),
    Replicated("exports", ("id",), (
        "at", "actor", "survivor_id", "kind", "recipient", "fields", "sha256", "consent_id"),
        case=_SURVIVOR),
    Replicated("reviews", ("id",), (
        "survivor_id", "reviewed_on", "findings", "reviewer", "signed_off", "created_at"),
        case=_SURVIVOR),
    Replicated("review_actions", ("id",), ("review_id", "text", "task_id"),
               case="(SELECT survivor_id FROM reviews WHERE id = {r}.review_id)"),
    Replicated("service_contacts", ("id",), (
        "survivor_id", "delivered_on", "kind", "minutes", "note", "recorded_by", "created_at"),
        case=_SURVIVOR),
    Replicated("internships", ("step_id",), (
        "survivor_id", "employer_id", "starts_on", "ends_on", "hours_per_week",
        "hourly_wage_cents", "employer_supervisor", "employer_supervisor_contact",
        "employer_mentor", "employer_mentor_contact", "outcome", "ended_on", "end_reason",
        "updated_at"), case=_SURVIVOR),
    Replicated("internship_weeks", ("id",), (
        "step_id", "week_of", "hours_worked", "note", "recorded_by", "created_at"),
        case="(SELECT survivor_id FROM internships WHERE step_id = {r}.step_id)"),
    # Apprenticeships, the employer's people at a placement, coaching contacts (schema 21).
    Replicated("apprenticeships", ("step_id",), (
        "survivor_id", "employer_id", "position_id", "track", "starts_on", "ends_on", "outcome",
        "ended_on", "end_reason", "updated_at"), case=_SURVIVOR),
    Replicated("placement_people", ("step_id",), (
        "survivor_id", "employer_id", "supervisor", "supervisor_contact", "mentor",
        "mentor_contact", "updated_at"), case=_SURVIVOR),
    Replicated("employer_coaching", ("id",), (
        "step_id", "survivor_id", "employer_id", "contacted_on", "with_whom", "topic", "note",
        "recorded_by", "created_at"), case=_SURVIVOR),
    Replicated("restriction_clearances", ("survivor_id", "employer_id"), (
        "decision", "reason", "decided_on", "decided_by"), case=_SURVIVOR),
    # Retention (schema 12): the policy and holds that decide a purge travel with it.
    Replicated("retention_policy", ("id",), (
        "closed_months", "sensitive_months", "scans_months", "figures_years", "updated_at")),
    Replicated("case_closures", ("survivor_id",), ("closed_on",), case=_SURVIVOR),
    Replicated("legal_holds", ("id",), ("survivor_id", "reason", "placed_by", "placed_on"),
               case=_SURVIVOR),
    Replicated("kept_figures", ("id",), ("period", "period_end", "measure", "n")),
    # The program's settings, one row per setting named by its key (schema 26).
    Replicated("program_settings", ("key",), ("value",)),
)
BY_TABLE: dict[str, Replicated] = {spec.table: spec for spec in REPLICATED}

# Tables that stay on each laptop, and why (a test checks every table is in one list or the
# other, so a new table is a decision, not an accident). Besides these: the `sync_` tables,
# SQLite's own, and the search index, which triggers keep from the replicated rows.
NOT_REPLICATED: dict[str, str] = {
    "meta": "this database's own keys and ids",
    "users": "each laptop's own; accounts travel as `team_accounts` (their key slots)",
    "slot_signing_keys": "signing keys of the slots made or opened here; published with "
                         "`team_accounts`",
    "audit_log": "each laptop's chain travels as its own chain (later)",
    "audit_subject_keys": "keys of this laptop's audit details",
    "audit_signers": "this laptop's audit signing keys",
    "audit_signer_seals": "this laptop's audit signing keys, sealed to its slots",
    "audit_endorsements": "supervisors' endorsements of this laptop's audit signers",
    "audit_checkpoints": "signed checkpoints of this laptop's audit chain",
    "settings": "this laptop's own: its sync folder and each account's interface language "
                "here (the program's settings travel as `program_settings`)",
    "dashboard_counts": "totals that triggers keep from the replicated rows",
}


def row_json(spec: Replicated, r: str, columns: tuple[str, ...] | None = None, *,
             key: bool = True) -> str:
    """SQL making a JSON object of row `r`'s key (unless not `key`) and `columns` (all by
    default), bytes in hex (`sync_repo.decode_row` reads it back)."""
    def value(column: str) -> str:
        if column in spec.blobs:
            return f"CASE WHEN {r}.{column} IS NULL THEN NULL ELSE hex({r}.{column}) END"
        return f"{r}.{column}"
    chosen = (*(spec.key if key else ()), *(spec.columns if columns is None else columns))
    return "json_object(" + ", ".join(f"'{c}', {value(c)}" for c in chosen) + ")"


# One statement per trigger and no trigger on the tables they write: SQLCipher's memory
# security makes every trigger program that runs cost about 0.3 ms, and a chain of them (each
# change split into fields by a trigger on the log, versions kept by another...) cost 2 ms
# an edit, 25 times what plain SQLite takes. The fields, versions and waiting values are
# worked out from `sync_raw` by `sync/capture.py`, before anything reads them.
def triggers(spec: Replicated, present: set[str] | None = None) -> list[str]:
    """The capture triggers of one table; `present` limits them to the columns a database
    has at the time (a migration step runs before later steps add columns)."""
    columns = tuple(c for c in spec.columns if present is None or c in present)
    t, new, old = spec.table, spec.row_id("NEW"), spec.row_id("OLD")
    capturing = "WHEN (SELECT capturing FROM sync_clock)"
    record = "INSERT INTO sync_raw (hlc, actor, tbl, row_id, op"
    return [
        f"CREATE TRIGGER sync_{t}_insert AFTER INSERT ON {t} {capturing} BEGIN "
        f"{record}, new) SELECT hlc, actor, '{t}', {new}, 'insert', "
        f"{row_json(spec, 'NEW', columns)} FROM sync_clock; END",
        f"CREATE TRIGGER sync_{t}_update AFTER UPDATE OF {', '.join(columns)} ON {t} "
        f"{capturing} BEGIN "
        f"{record}, new, old) SELECT hlc, actor, '{t}', {new}, 'update', "
        f"{row_json(spec, 'NEW', columns, key=False)}, "
        f"{row_json(spec, 'OLD', columns, key=False)} FROM sync_clock; END",
        # The row's values that wait to be sent go with it: no purged value stays in the log.
        f"CREATE TRIGGER sync_{t}_delete AFTER DELETE ON {t} {capturing} BEGIN "
        f"DELETE FROM sync_raw WHERE tbl = '{t}' AND row_id = {old}; "
        f"DELETE FROM sync_changes WHERE tbl = '{t}' AND row_id = {old}; "
        f"{record}) SELECT hlc, actor, '{t}', {old}, 'delete' FROM sync_clock; END",
    ]


_TABLES = [
    # What the triggers record, as they record it: the row as JSON (before and after, for an
    # update), the clock of the unit of work and its account (`sync/capture.py` reads it).
    """CREATE TABLE sync_raw (
        seq     INTEGER PRIMARY KEY,
        hlc     INTEGER NOT NULL,
        actor   TEXT,
        tbl     TEXT NOT NULL,
        row_id  TEXT NOT NULL,
        op      TEXT NOT NULL,
        new     TEXT,
        old     TEXT
    )""",
    "CREATE INDEX sync_raw_row ON sync_raw (tbl, row_id)",
    # This laptop's clock and whether changes are being captured (one row).
    """CREATE TABLE sync_clock (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        laptop_id  TEXT NOT NULL,
        hlc        INTEGER NOT NULL DEFAULT 0,
        capturing  INTEGER NOT NULL DEFAULT 0,
        actor      TEXT,
        stamped    INTEGER NOT NULL DEFAULT 0  -- the last clock value given to a change
    )""",
    # This laptop's signing key and the last bundle it wrote (one row).
    """CREATE TABLE sync_identity (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        laptop_id      TEXT NOT NULL,
        signing_key    BLOB NOT NULL,
        verify_key     BLOB NOT NULL,
        bundled_seq    INTEGER NOT NULL DEFAULT 0,
        bundled_hash   TEXT NOT NULL DEFAULT ''
    )""",
    # The team program this laptop belongs to and its sync key (none until it joins one).
    """CREATE TABLE sync_program (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        program_id  TEXT NOT NULL,
        key_id      TEXT NOT NULL,
        sync_key    BLOB NOT NULL,
        joined_at   TEXT NOT NULL
    )""",
    # The other laptops: their public keys and how far their bundles have been applied.
    """CREATE TABLE sync_laptops (
        laptop_id     TEXT PRIMARY KEY,
        name          TEXT NOT NULL DEFAULT '',
        verify_key    BLOB NOT NULL,
        applied_seq   INTEGER NOT NULL DEFAULT 0,
        applied_hash  TEXT NOT NULL DEFAULT '',
        last_heard    TEXT,
        revoked_at    TEXT
    ) WITHOUT ROWID""",
    # Changes made here, field by field, not yet written into a bundle. AUTOINCREMENT:
    # sequence numbers are never reused, even after the log is emptied.
    """CREATE TABLE sync_changes (
        seq            INTEGER PRIMARY KEY AUTOINCREMENT,
        hlc            INTEGER NOT NULL,
        actor          TEXT,
        tbl            TEXT NOT NULL,
        row_id         TEXT NOT NULL,
        op             TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
        field          TEXT,
        value,
        prev_hlc       INTEGER,
        prev_laptop    TEXT,
        also_replaced  TEXT
    )""",
    "CREATE INDEX sync_changes_row ON sync_changes (tbl, row_id)",
    """CREATE TABLE sync_versions (
        tbl      TEXT NOT NULL,
        row_id   TEXT NOT NULL,
        field    TEXT NOT NULL,
        hlc      INTEGER NOT NULL,
        laptop   TEXT NOT NULL,
        deleted  INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (tbl, row_id, field)
    ) WITHOUT ROWID""",
    """CREATE TABLE sync_heads (
        tbl      TEXT NOT NULL,
        row_id   TEXT NOT NULL,
        field    TEXT NOT NULL,
        hlc      INTEGER NOT NULL,
        laptop   TEXT NOT NULL,
        value,
        actor    TEXT,
        PRIMARY KEY (tbl, row_id, field, hlc, laptop)
    ) WITHOUT ROWID""",
    """CREATE TABLE sync_conflicts (
        tbl          TEXT NOT NULL,
        row_id       TEXT NOT NULL,
        field        TEXT NOT NULL,
        survivor_id  TEXT,
        found_at     TEXT NOT NULL,
        PRIMARY KEY (tbl, row_id, field)
    ) WITHOUT ROWID""",
    "CREATE INDEX sync_conflicts_case ON sync_conflicts (survivor_id)",
]


def wanted_triggers(conn: Connection | None = None) -> list[str]:
    """Every capture trigger; with `conn`, only for the columns its tables have now."""
    made: list[str] = []
    for spec in REPLICATED:
        present = None if conn is None else {
            str(row[1]) for row in conn.execute(f"PRAGMA table_info({spec.table})")}
        made += triggers(spec, present)
    return made


_STORED = ("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
           "AND name LIKE 'sync\\_%' ESCAPE '\\'")


def stored_triggers(conn: Connection) -> dict[str, str]:
    return dict(conn.execute(_STORED))


def in_program(conn: Connection) -> bool:
    """Whether this database has joined a team program (and so captures its changes)."""
    has_table = conn.execute("SELECT 1 FROM sqlite_schema WHERE type = 'table' "
                             "AND name = 'sync_program'").fetchone()
    return has_table is not None and conn.execute(
        "SELECT 1 FROM sync_program").fetchone() is not None


def install_triggers(conn: Connection) -> None:
    """Put the capture triggers in place as `REPLICATED` declares them now (inside the
    caller's transaction), replacing any made before."""
    for name in stored_triggers(conn):
        conn.execute(f'DROP TRIGGER "{name}"')
    for trigger in wanted_triggers(conn):
        conn.execute(trigger)


def rebuild_if_stale(conn: Connection) -> bool:
    """Replace the capture triggers of a database in a team program when they differ from
    those `REPLICATED` makes now (a later step added a column, or one was declared since);
    True if it did. A database outside any program has none: it pays nothing for them."""
    if not in_program(conn) or set(stored_triggers(conn).values()) == set(
            wanted_triggers(conn)):
        return False
    with transaction(conn):
        install_triggers(conn)
    return True


@step(11)
def create_change_capture(conn: Connection) -> None:
    # Loaded here: the lock screen imports the migrations without needing `cryptography`.
    from casetracker.security.envelope import new_signing_key

    for statement in _TABLES:
        conn.execute(statement)
    # The triggers come when the laptop joins a program (`install_triggers`): some eighty
    # of them take 0.1-0.3 s to create, which a database used alone need never spend.
    laptop_id = uuid.uuid4().hex
    signing_key, verify_key = new_signing_key()
    conn.execute("INSERT INTO sync_clock (id, laptop_id) VALUES (1, ?)", (laptop_id,))
    conn.execute("INSERT INTO sync_identity (id, laptop_id, signing_key, verify_key) "
                 "VALUES (1, ?, ?, ?)", (laptop_id, signing_key, verify_key))
