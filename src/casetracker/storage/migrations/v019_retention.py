"""Schema 19: the retention policy, case closures, legal holds, and the de-identified figures
purged cases leave behind. All four travel between laptops (v011 `REPLICATED`): a purge made on
one laptop purges everywhere, so the policy and holds that decide it must be the same everywhere.
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step

_TABLES = [
    # One row (id 'policy'); none until a supervisor first writes the policy (the defaults
    # hold until then). A fixed id: the same row on every laptop, merged field by field.
    """CREATE TABLE retention_policy (
        id                TEXT PRIMARY KEY,
        closed_months     INTEGER NOT NULL,
        sensitive_months  INTEGER NOT NULL,
        scans_months      INTEGER NOT NULL,
        figures_years     INTEGER NOT NULL,
        updated_at        TEXT NOT NULL
    ) WITHOUT ROWID""",
    # When a case was closed (NULL once reopened; never deleted but with the case, since a
    # deleted row's key could not be used again on other laptops). A closed case without a
    # row (closed before this step) counts from its last change.
    """CREATE TABLE case_closures (
        survivor_id  TEXT PRIMARY KEY REFERENCES survivors (id) ON DELETE CASCADE,
        closed_on    TEXT
    ) WITHOUT ROWID""",
    # A legal hold stops every purge of its case. Random ids: a hold lifted (deleted) and
    # placed again is a new row, which other laptops accept.
    """CREATE TABLE legal_holds (
        id           TEXT PRIMARY KEY,
        survivor_id  TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
        reason       TEXT NOT NULL,
        placed_by    TEXT NOT NULL,
        placed_on    TEXT NOT NULL
    )""",
    "CREATE INDEX legal_holds_survivor ON legal_holds (survivor_id)",
    # Counts purged cases contributed to the outcome report: per reporting period (its label
    # and last day) and measure, no name, no case number, no finer date. Rows are only added
    # (random ids, so two laptops' purges never overwrite each other) or dropped when older
    # than the policy keeps figures. WITHOUT ROWID: no insertion order to link rows by.
    """CREATE TABLE kept_figures (
        id          TEXT PRIMARY KEY,
        period      TEXT NOT NULL,
        period_end  TEXT NOT NULL,
        measure     TEXT NOT NULL,
        n           INTEGER NOT NULL
    ) WITHOUT ROWID""",
    "CREATE INDEX kept_figures_period ON kept_figures (period, measure)",
]


@step(19)
def create_retention_tables(conn: Connection) -> None:
    for statement in _TABLES:
        conn.execute(statement)
