"""Schema 15: a search index that answers a keystroke without reading every match.

At 50,000 survivors, a two-letter search took 0.1-0.8 s (issue 25). Two causes:

- FTS5 answers a prefix such as "an"* by reading and merging the list of every word that
  starts with it (and, any, Ana, Andrade...) before it returns the first row. `prefix='2 3 4'`
  keeps a list per two-, three- and four-letter start as well, which FTS5 reads a page at a
  time and can stop reading: a keystroke costs what is shown, not what matches. (Without the
  four, "2026"*, the year of every case number, took 18 ms; the index grows by about a third.)
- The row ids held the survivor first and the kind of text second (`seq * 4 + slot`), so
  names and notes came mixed and the best matches had to be sorted out of all of them. The
  kind of text now comes first (`storage/search_rows.py`). In row id order, case numbers
  come before names and names before notes, each in the order the cases were opened, and a
  coordinator's search is one range of ids.

The index is rebuilt from the survivors and their notes; the old one is dropped (with
`secure_delete` on, its pages are overwritten).
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step
from casetracker.storage.search_rows import SLOT_SHIFT, SOURCE_OF_SLOT

CASE_NUMBER, PREFERRED_NAME, NAMES, NOTE = (SOURCE_OF_SLOT.index(source) for source in (
    "case_number", "preferred_name", "names", "note"))

_CREATE = [
    """CREATE VIRTUAL TABLE search_index USING fts5 (
        survivor_id UNINDEXED, source UNINDEXED, text,
        tokenize = 'unicode61 remove_diacritics 2',
        prefix = '2 3 4'
    )""",
    # Deleted text is removed from the index's pages, not merely marked as deleted.
    "INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1)",
]


def _row(slot: int, seq: str) -> str:
    return f"(({slot} << {SLOT_SHIFT}) | {seq})"


def _survivor_rows(who: str) -> str:
    return (f"({_row(CASE_NUMBER, f'{who}.seq')}, {who}.id, 'case_number', {who}.case_number), "
            f"({_row(PREFERRED_NAME, f'{who}.seq')}, {who}.id, 'preferred_name', "
            f"{who}.preferred_name), "
            f"({_row(NAMES, f'{who}.seq')}, {who}.id, 'names', {who}.preferred_name || ' ' || "
            f"{who}.legal_first_name || ' ' || {who}.legal_last_name)")


def _survivor_ids(who: str) -> str:
    return ", ".join(_row(slot, f"{who}.seq") for slot in (CASE_NUMBER, PREFERRED_NAME, NAMES))


TRIGGERS = [
    f"""CREATE TRIGGER survivors_index_insert AFTER INSERT ON survivors BEGIN
        INSERT INTO search_index (rowid, survivor_id, source, text) VALUES
            {_survivor_rows("new")};
    END""",
    f"""CREATE TRIGGER survivors_index_update AFTER UPDATE OF case_number, preferred_name,
            legal_first_name, legal_last_name ON survivors BEGIN
        DELETE FROM search_index WHERE rowid IN ({_survivor_ids("old")});
        INSERT INTO search_index (rowid, survivor_id, source, text) VALUES
            {_survivor_rows("new")};
    END""",
    f"""CREATE TRIGGER survivors_index_delete AFTER DELETE ON survivors BEGIN
        DELETE FROM search_index WHERE rowid IN ({_survivor_ids("old")});
    END""",
    f"""CREATE TRIGGER notes_index_insert AFTER INSERT ON notes BEGIN
        INSERT INTO search_index (rowid, survivor_id, source, text)
        VALUES ({_row(NOTE, "new.seq")}, new.survivor_id, 'note', new.text);
    END""",
    f"""CREATE TRIGGER notes_index_update AFTER UPDATE OF text ON notes BEGIN
        DELETE FROM search_index WHERE rowid = {_row(NOTE, "old.seq")};
        INSERT INTO search_index (rowid, survivor_id, source, text)
        VALUES ({_row(NOTE, "new.seq")}, new.survivor_id, 'note', new.text);
    END""",
    f"""CREATE TRIGGER notes_index_delete AFTER DELETE ON notes BEGIN
        DELETE FROM search_index WHERE rowid = {_row(NOTE, "old.seq")};
    END""",
]

_FILL = [
    # In row id order, so that FTS5 appends to its lists instead of merging out-of-order runs.
    f"""INSERT INTO search_index (rowid, survivor_id, source, text)
        SELECT {_row(CASE_NUMBER, "seq")}, id, 'case_number', case_number
        FROM survivors ORDER BY seq""",
    f"""INSERT INTO search_index (rowid, survivor_id, source, text)
        SELECT {_row(PREFERRED_NAME, "seq")}, id, 'preferred_name', preferred_name
        FROM survivors ORDER BY seq""",
    f"""INSERT INTO search_index (rowid, survivor_id, source, text)
        SELECT {_row(NAMES, "seq")}, id, 'names',
               preferred_name || ' ' || legal_first_name || ' ' || legal_last_name
        FROM survivors ORDER BY seq""",
    f"""INSERT INTO search_index (rowid, survivor_id, source, text)
        SELECT {_row(NOTE, "seq")}, survivor_id, 'note', text FROM notes ORDER BY seq""",
    # One segment: a search then reads one list per word instead of one per segment.
    "INSERT INTO search_index (search_index) VALUES ('optimize')",
]


@step(15)
def index_prefixes(conn: Connection) -> None:
    for name in ("survivors_index_insert", "survivors_index_update", "survivors_index_delete",
                 "notes_index_insert", "notes_index_update", "notes_index_delete"):
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.execute("DROP TABLE IF EXISTS search_index")
    for statement in (*_CREATE, *_FILL, *TRIGGERS):
        conn.execute(statement)
