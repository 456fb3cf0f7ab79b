"""Schema 2: survivors, their sensitive details, barriers, goals, documents, notes, tasks,
and a full-text index, all inside the encrypted database."""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step

_TABLES = [
    # `seq` is a stable integer key (an INTEGER PRIMARY KEY survives VACUUM) from which the
    # search index's row ids are made; `id` is the random key that lets two laptops merge.
    """CREATE TABLE survivors (
        seq               INTEGER PRIMARY KEY,
        id                TEXT NOT NULL UNIQUE,
        case_number       TEXT NOT NULL UNIQUE COLLATE NOCASE,
        preferred_name    TEXT NOT NULL,
        legal_first_name  TEXT NOT NULL DEFAULT '',
        legal_last_name   TEXT NOT NULL DEFAULT '',
        date_of_birth     TEXT,
        pronouns          TEXT NOT NULL DEFAULT '',
        primary_language  TEXT NOT NULL DEFAULT '',
        phone             TEXT NOT NULL DEFAULT '',
        email             TEXT NOT NULL DEFAULT '',
        address           TEXT NOT NULL DEFAULT '',
        ok_to_call        INTEGER NOT NULL DEFAULT 0,
        ok_to_text        INTEGER NOT NULL DEFAULT 0,
        ok_to_voicemail   INTEGER NOT NULL DEFAULT 0,
        safe_times        TEXT NOT NULL DEFAULT '',
        referral_source   TEXT NOT NULL DEFAULT '',
        intake_date       TEXT NOT NULL,
        assigned_to       TEXT REFERENCES users (name),
        status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed')),
        skills            TEXT NOT NULL DEFAULT '[]',
        hours_per_week    INTEGER,
        earliest_start    TEXT,
        transport         TEXT NOT NULL DEFAULT '',
        accommodations    TEXT NOT NULL DEFAULT '',
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
    )""",
    "CREATE INDEX survivors_caseload ON survivors (assigned_to, status, case_number)",
    """CREATE TABLE survivor_sensitive (
        survivor_id            TEXT PRIMARY KEY REFERENCES survivors (id) ON DELETE CASCADE,
        trafficking_type       TEXT NOT NULL DEFAULT '',
        history_notes          TEXT NOT NULL DEFAULT '',
        criminal_record_notes  TEXT NOT NULL DEFAULT '',
        vacatur_status         TEXT NOT NULL DEFAULT '',
        immigration_status     TEXT NOT NULL DEFAULT '',
        health_notes           TEXT NOT NULL DEFAULT '',
        safety_plan            TEXT NOT NULL DEFAULT '',
        updated_at             TEXT NOT NULL
    )""",
    """CREATE TABLE barriers (
        id           TEXT PRIMARY KEY,
        survivor_id  TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        kind         TEXT NOT NULL,
        description  TEXT NOT NULL DEFAULT '',
        resolved_on  TEXT,
        created_at   TEXT NOT NULL
    )""",
    "CREATE INDEX barriers_survivor ON barriers (survivor_id)",
    """CREATE TABLE goals (
        id           TEXT PRIMARY KEY,
        survivor_id  TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        domain       TEXT NOT NULL,
        specific     TEXT NOT NULL,
        measurable   TEXT NOT NULL,
        achievable   TEXT NOT NULL,
        relevant     TEXT NOT NULL,
        target_date  TEXT NOT NULL,
        status       TEXT NOT NULL DEFAULT 'open',
        created_at   TEXT NOT NULL
    )""",
    "CREATE INDEX goals_survivor ON goals (survivor_id)",
    """CREATE TABLE milestones (
        id            TEXT PRIMARY KEY,
        goal_id       TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
        description   TEXT NOT NULL,
        due_date      TEXT NOT NULL,
        completed_on  TEXT
    )""",
    "CREATE INDEX milestones_goal ON milestones (goal_id, due_date)",
    "CREATE INDEX milestones_open ON milestones (due_date) WHERE completed_on IS NULL",
    """CREATE TABLE checkins (
        id          TEXT PRIMARY KEY,
        goal_id     TEXT NOT NULL REFERENCES goals (id) ON DELETE CASCADE,
        checked_on  TEXT NOT NULL,
        note        TEXT NOT NULL,
        author      TEXT,
        created_at  TEXT NOT NULL
    )""",
    "CREATE INDEX checkins_goal ON checkins (goal_id, checked_on)",
    """CREATE TABLE documents (
        id                 TEXT PRIMARY KEY,
        survivor_id        TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        kind               TEXT NOT NULL,
        label              TEXT NOT NULL DEFAULT '',
        status             TEXT NOT NULL DEFAULT 'missing',
        requested_on       TEXT,
        recovered_on       TEXT,
        expires_on         TEXT,
        issuer             TEXT NOT NULL DEFAULT '',
        original_location  TEXT NOT NULL DEFAULT '',
        notes              TEXT NOT NULL DEFAULT '',
        updated_at         TEXT NOT NULL
    )""",
    "CREATE INDEX documents_survivor ON documents (survivor_id, status)",
    """CREATE TABLE attachments (
        id           TEXT PRIMARY KEY,
        document_id  TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
        filename     TEXT NOT NULL,
        media_type   TEXT NOT NULL,
        size         INTEGER NOT NULL,
        sha256       TEXT NOT NULL,
        content      BLOB NOT NULL,
        added_at     TEXT NOT NULL,
        added_by     TEXT
    )""",
    "CREATE INDEX attachments_document ON attachments (document_id)",
    """CREATE TABLE notes (
        seq           INTEGER PRIMARY KEY,
        id            TEXT NOT NULL UNIQUE,
        survivor_id   TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        written_on    TEXT NOT NULL,
        contact_type  TEXT NOT NULL,
        text          TEXT NOT NULL,
        author        TEXT,
        created_at    TEXT NOT NULL
    )""",
    "CREATE INDEX notes_survivor ON notes (survivor_id, written_on)",
    """CREATE TABLE tasks (
        id           TEXT PRIMARY KEY,
        survivor_id  TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        title        TEXT NOT NULL,
        due_date     TEXT NOT NULL,
        assignee     TEXT REFERENCES users (name),
        done_on      TEXT,
        created_by   TEXT,
        created_at   TEXT NOT NULL
    )""",
    "CREATE INDEX tasks_survivor ON tasks (survivor_id)",
    "CREATE INDEX tasks_open ON tasks (assignee, due_date) WHERE done_on IS NULL",
    # One row per searchable text; `source` says which (so a coordinator's search can be
    # limited to case numbers and preferred names). Accents are folded: Gonzalez finds González.
    # Row ids: survivor seq*4 + 0 (case number), + 1 (preferred name alone, all a coordinator
    # may search), + 2 (preferred and legal names together, so "first last" finds a person
    # whichever of the names each word comes from); note seq*4 + 3.
    """CREATE VIRTUAL TABLE search_index USING fts5 (
        survivor_id UNINDEXED, source UNINDEXED, text,
        tokenize = 'unicode61 remove_diacritics 2'
    )""",
    # Deleted text is removed from the index's pages, not merely marked as deleted.
    "INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1)",
]

_TRIGGERS = [
    """CREATE TRIGGER survivors_index_insert AFTER INSERT ON survivors BEGIN
        INSERT INTO search_index (rowid, survivor_id, source, text) VALUES
            (new.seq * 4, new.id, 'case_number', new.case_number),
            (new.seq * 4 + 1, new.id, 'preferred_name', new.preferred_name),
            (new.seq * 4 + 2, new.id, 'names', new.preferred_name || ' ' ||
             new.legal_first_name || ' ' || new.legal_last_name);
    END""",
    """CREATE TRIGGER survivors_index_update AFTER UPDATE OF case_number, preferred_name,
            legal_first_name, legal_last_name ON survivors BEGIN
        DELETE FROM search_index WHERE rowid IN (old.seq * 4, old.seq * 4 + 1, old.seq * 4 + 2);
        INSERT INTO search_index (rowid, survivor_id, source, text) VALUES
            (new.seq * 4, new.id, 'case_number', new.case_number),
            (new.seq * 4 + 1, new.id, 'preferred_name', new.preferred_name),
            (new.seq * 4 + 2, new.id, 'names', new.preferred_name || ' ' ||
             new.legal_first_name || ' ' || new.legal_last_name);
    END""",
    """CREATE TRIGGER survivors_index_delete AFTER DELETE ON survivors BEGIN
        DELETE FROM search_index WHERE rowid IN (old.seq * 4, old.seq * 4 + 1, old.seq * 4 + 2);
    END""",
    """CREATE TRIGGER notes_index_insert AFTER INSERT ON notes BEGIN
        INSERT INTO search_index (rowid, survivor_id, source, text)
        VALUES (new.seq * 4 + 3, new.survivor_id, 'note', new.text);
    END""",
    """CREATE TRIGGER notes_index_update AFTER UPDATE OF text ON notes BEGIN
        DELETE FROM search_index WHERE rowid = old.seq * 4 + 3;
        INSERT INTO search_index (rowid, survivor_id, source, text)
        VALUES (new.seq * 4 + 3, new.survivor_id, 'note', new.text);
    END""",
    """CREATE TRIGGER notes_index_delete AFTER DELETE ON notes BEGIN
        DELETE FROM search_index WHERE rowid = old.seq * 4 + 3;
    END""",
]


@step(2)
def create_case_tables(conn: Connection) -> None:
    for statement in (*_TABLES, *_TRIGGERS):
        conn.execute(statement)
