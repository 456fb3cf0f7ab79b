"""Schema 6: supervisors' case reviews and their required actions."""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(6)
def create_reviews(conn: Connection) -> None:
    conn.execute("""
        CREATE TABLE reviews (
            id             TEXT PRIMARY KEY,
            survivor_id    TEXT NOT NULL REFERENCES survivors (id) ON DELETE CASCADE,
            reviewed_on    TEXT NOT NULL,
            findings       TEXT NOT NULL,
            reviewer       TEXT NOT NULL,
            signed_off     INTEGER NOT NULL DEFAULT 0,
            created_at     TEXT NOT NULL
        )""")
    conn.execute("CREATE INDEX reviews_survivor ON reviews (survivor_id, reviewed_on)")
    conn.execute("""
        CREATE TABLE review_actions (
            id         TEXT PRIMARY KEY,
            review_id  TEXT NOT NULL REFERENCES reviews (id) ON DELETE CASCADE,
            text       TEXT NOT NULL,
            task_id    TEXT REFERENCES tasks (id) ON DELETE SET NULL
        )""")
    conn.execute("CREATE INDEX review_actions_review ON review_actions (review_id)")
