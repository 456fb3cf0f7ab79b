"""Schema 17: what settling conflicts and checking incoming changes need.

- `sync_versions.actor`: the account that wrote each replicated value, so that a conflict can
  say who wrote the value shown as well as who wrote the values waiting beside it.
- `sync_laptops.snapshot_over`: whether a laptop's first changes, the records it already held
  when it joined (sent without an account, `SyncRepository.capture_existing_rows`), are over.
  After its first change made by an account, a change from that laptop without one is refused
  (`sync/rules.py`): no later change can pass itself off as part of the records it brought.
- An index of placement steps by case and time of recording: steps now sort by when they were
  recorded (which travels with them), not by the local counter (`employment_repo.step_order`).
"""

from __future__ import annotations

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.registry import step


@step(17)
def review_sync_changes(conn: Connection) -> None:
    conn.execute("ALTER TABLE sync_versions ADD COLUMN actor TEXT")
    conn.execute("ALTER TABLE sync_laptops ADD COLUMN snapshot_over INTEGER NOT NULL DEFAULT 0")
    conn.execute("CREATE INDEX placement_survivor_time ON placement_steps "
                 "(survivor_id, created_at, seq)")
