"""Turning what the triggers recorded (`sync_raw`) into this laptop's changes.

For each recorded row, in order: a clock value of its own (the unit of work's, or one more
than the last given, so values are unique and increase), and for an update one change per
field whose value changed, naming the versions it replaced: the field's current version and
any waiting conflict value equal to the one overwritten (whoever edits a field has seen it).
An edit that leaves no different value waiting settles the field's conflict. A delete drops
the row's unsent changes and its waiting values.

This runs, inside a transaction, before anything reads the log or the versions: before a
bundle is written and at the start of each bundle's application, so no applied change ever
comes between an edit and the version it replaced.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import replace
from typing import Any

from casetracker.storage.connection import Connection, transaction
from casetracker.storage.migrations.v011_change_capture import BY_TABLE
from casetracker.storage.replica_repo import ReplicaRepository
from casetracker.storage.sync_repo import ORIGIN, Change, RawChange, SyncRepository
from casetracker.sync import merge


def flush(conn: Connection, actor: str | None = None) -> int:
    """Log the recorded rows as changes (in the caller's transaction, or one of its own);
    returns how many changes were logged. Rows recorded outside any unit of work (no account
    named: an upgrade's step at unlock, say) are logged as `actor`'s, the account whose unit
    logs them and signs them."""
    with contextlib.nullcontext() if conn.in_transaction else transaction(conn):
        repo = SyncRepository(conn)
        raws = repo.raw()
        if not raws:
            return 0
        replica = ReplicaRepository(conn)
        laptop = repo.identity().laptop_id
        last = repo.stamped()
        logged = 0
        for raw in raws:
            if raw.actor is None and actor is not None:
                raw = replace(raw, actor=actor)
            last = max(raw.hlc, last + 1)
            logged += _log(repo, replica, raw, last, laptop)
        repo.drop_raw(raws[-1].seq)
        repo.set_stamped(last)
        return logged


def _value(table: str, field: str, value: Any) -> Any:
    return bytes.fromhex(value) if value is not None and field in BY_TABLE[table].blobs \
        else value


def _log(repo: SyncRepository, replica: ReplicaRepository, raw: RawChange, hlc: int,
         laptop: str) -> int:
    table, row_id = raw.table, raw.row_id
    if raw.op == "insert":
        repo.add_change(Change(0, hlc, raw.actor, table, row_id, "insert",
                               value=json.loads(raw.new or "{}")), laptop)
        replica.set_version(table, row_id, "", (hlc, laptop), actor=raw.actor)
        return 1
    if raw.op == "delete":
        repo.drop_pending(table, row_id)
        repo.add_change(Change(0, hlc, raw.actor, table, row_id, "delete"), laptop)
        replica.forget_fields(table, row_id)
        replica.forget_row(table, row_id)
        replica.set_version(table, row_id, "", (hlc, laptop), deleted=True)
        return 1
    new, old = json.loads(raw.new or "{}"), json.loads(raw.old or "{}")
    logged = 0
    for field, value in new.items():
        if field in old and old[field] == value and type(old[field]) is type(value):
            continue
        value, before = _value(table, field, value), _value(table, field, old.get(field))
        current = replica.version(table, row_id, field) or replica.version(table, row_id)
        waiting = replica.heads(table, row_id, field)
        seen = tuple(h.version for h in waiting if h.value == before
                     and type(h.value) is type(before))
        repo.add_change(Change(0, hlc, raw.actor, table, row_id, "update", field, value,
                               (ORIGIN if current is None else current[0], *seen)), laptop)
        replica.set_version(table, row_id, field, (hlc, laptop), actor=raw.actor)
        for version in seen:
            replica.remove_head(table, row_id, field, version)
        left = [h.value for h in waiting if h.version not in seen]
        if not merge.in_conflict(value, left):
            replica.close_conflict(table, row_id, field)
        logged += 1
    return logged
