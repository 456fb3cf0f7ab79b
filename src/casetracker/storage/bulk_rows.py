"""Applying a bundle of many rows without the per-row triggers that a bulk pass can replace.

Measured on a bundle of 10,000 changes (5,000 survivors and their sensitive details): the
search index's insert triggers cost about 7 s of CPU (each survivor adds three rows to the
FTS5 index out of row id order, through a trigger whose every firing SQLCipher's memory
security makes dear), the capture triggers about 1.7 s although capture is off while a
bundle is applied (their WHEN is evaluated for every row), the dashboard's about 0.5 s.
Each helper here drops its triggers inside the caller's write transaction and puts them
back, from their stored text, before it ends; DDL is transactional in SQLite, so a failure
rolls the triggers back with everything else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from casetracker.storage.connection import Connection
from casetracker.storage.migrations import v011_change_capture as capture_schema
from casetracker.storage.migrations import v015_search_prefixes as search_schema
from casetracker.storage.search_rows import SLOT_SHIFT

_INDEX_INSERTS = ("survivors_index_insert", "notes_index_insert")


def _in_transaction(conn: Connection) -> None:
    if not conn.in_transaction:
        raise RuntimeError("rows in bulk are written inside a write transaction")


@contextlib.contextmanager
def capture_set_aside(conn: Connection) -> Iterator[None]:
    """Without the capture triggers: only while capture is off, when they would do nothing."""
    _in_transaction(conn)
    if conn.execute("SELECT capturing FROM sync_clock").fetchone()[0]:
        raise RuntimeError("the capture triggers are set aside only while capture is off")
    triggers = list(capture_schema.stored_triggers(conn).items())
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield
    for _name, sql in triggers:
        conn.execute(sql)


@contextlib.contextmanager
def new_rows_indexed_at_end(conn: Connection) -> Iterator[None]:
    """Survivors and notes inserted in the block are put in the search index when it ends,
    each kind of text in row id order. The block must delete no survivor or note: the new
    rows are then exactly those numbered above the highest number before (SQLite gives a new
    row the highest number plus one). Changes and deletes keep their own triggers."""
    _in_transaction(conn)
    before = {table: int(conn.execute(f"SELECT coalesce(max(seq), 0) FROM {table}")
                         .fetchone()[0]) for table in ("survivors", "notes")}
    stored = dict(conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' "
                               "AND name IN (?, ?)", _INDEX_INSERTS))
    for name in stored:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield
    fills = {search_schema.CASE_NUMBER: ("survivors", "id", "'case_number'", "case_number"),
             search_schema.PREFERRED_NAME: ("survivors", "id", "'preferred_name'",
                                            "preferred_name"),
             search_schema.NAMES: ("survivors", "id", "'names'",
                                   "preferred_name || ' ' || legal_first_name || ' ' || "
                                   "legal_last_name"),
             search_schema.NOTE: ("notes", "survivor_id", "'note'", "text")}
    for slot, (table, survivor, source, text) in sorted(fills.items()):
        if "notes_index_insert" not in stored and table == "notes":
            continue
        if "survivors_index_insert" not in stored and table == "survivors":
            continue
        low = (slot << SLOT_SHIFT) | before[table]
        # A new row changed later in the block was indexed by its update trigger.
        conn.execute("DELETE FROM search_index WHERE rowid > ? AND rowid < ?",
                      (low, (slot + 1) << SLOT_SHIFT))
        conn.execute(f"INSERT INTO search_index (rowid, survivor_id, source, text) "
                     f"SELECT ({slot} << {SLOT_SHIFT}) | seq, {survivor}, {source}, {text} "
                     f"FROM {table} WHERE seq > ? ORDER BY seq", (before[table],))
    for name in _INDEX_INSERTS:
        if name in stored:
            conn.execute(stored[name])
