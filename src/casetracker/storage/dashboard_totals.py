"""Adding many new cases at once without the dashboard's triggers firing for every row.

Each firing of a trigger costs about 0.3 ms here, because SQLCipher's memory security locks
and wipes every allocation the trigger's program makes. An import or a demo adds ten rows or
more per case, so it drops the triggers inside its transaction, adds its cases, counts them in
one pass per figure and puts the triggers back before committing. DDL is transactional in
SQLite: if anything fails, the rollback brings the triggers back with everything else.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from casetracker.storage.connection import Connection
from casetracker.storage.migrations import v009_dashboard_counts as totals


@contextlib.contextmanager
def new_cases_in_bulk(conn: Connection) -> Iterator[None]:
    """Inside a write transaction, let the caller add survivors and rows that belong only to
    them; their figures are counted when the block ends without an error. Rows added under
    cases that existed before would be missed: only new cases may be written here."""
    if not conn.in_transaction:
        raise RuntimeError("new cases in bulk are added inside a write transaction")
    triggers = list(totals.stored_triggers(conn).items())
    before = int(conn.execute("SELECT coalesce(max(seq), 0) FROM survivors").fetchone()[0])
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield  # on an error the caller's rollback restores the triggers
    totals.recount(conn, "dashboard_counts", f"s.seq > {before}")
    for _name, sql in triggers:
        conn.execute(sql)


@contextlib.contextmanager
def changes_in_bulk(conn: Connection) -> Iterator[None]:
    """Inside a write transaction, let the caller insert, change and delete rows of any case
    (a bundle from another laptop) without the triggers; when the block ends without an error
    the totals are counted again from scratch, in one pass per figure. Worth it only for many
    rows: the count reads the whole caseload (0.7 s of CPU at 5,000 survivors)."""
    if not conn.in_transaction:
        raise RuntimeError("changes in bulk are made inside a write transaction")
    triggers = list(totals.stored_triggers(conn).items())
    for name, _sql in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    yield  # on an error the caller's rollback restores the triggers and the totals
    conn.execute("DELETE FROM dashboard_counts")
    totals.recount(conn, "dashboard_counts")
    for _name, sql in triggers:
        conn.execute(sql)
