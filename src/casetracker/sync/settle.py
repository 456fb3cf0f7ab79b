"""Settling a conflict: one change that has seen every value waiting in it.

An edit made through the services replaces only the value its author saw (and waiting values
equal to it), so it cannot settle a conflict whose kept value is already the one shown. A
settlement is written here instead, as a change of this laptop that names the shown value's
version and every waiting value's version as replaced: on every laptop that applies it, the
merge (`merge.merge`) leaves it alone as the field's value and closes the conflict.
"""

from __future__ import annotations

from typing import Any

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.v011_change_capture import BY_TABLE
from casetracker.storage.replica_repo import ReplicaRepository
from casetracker.storage.sync_repo import Change, SyncRepository
from casetracker.sync import capture


def settle(conn: Connection, table: str, row_id: str, field: str, value: Any,
           actor: str) -> None:
    """Make `value` the field's value, having seen every value waiting (inside the caller's
    transaction, after the clock was advanced for this unit of work)."""
    spec = BY_TABLE[table]
    capture.flush(conn)
    repo, replica = SyncRepository(conn), ReplicaRepository(conn)
    laptop = repo.identity().laptop_id
    current, _actor = replica.writer(table, row_id, field)
    heads = replica.heads(table, row_id, field)
    stamp = max(repo.clock(), repo.stamped() + 1)
    capturing = repo.capturing()
    repo.set_capturing(False)  # this change is logged below, with all it replaced
    try:
        replica.update(spec, row_id, field, value)
    finally:
        repo.set_capturing(capturing)
    repo.add_change(Change(0, stamp, actor, table, row_id, "update", field, value,
                           (current, *sorted(h.version for h in heads))), laptop)
    replica.set_version(table, row_id, field, (stamp, laptop), actor=actor)
    for head in heads:
        replica.remove_head(table, row_id, field, head.version)
    replica.close_conflict(table, row_id, field)
    repo.set_stamped(stamp)
