"""Two laptops that take in a survivor each, apart, give both the same next case number.

Case numbers are unique on every laptop, so the second survivor to arrive would be refused
for ever. Instead, wherever the two meet, the one whose number was given later (the larger
version of the field: clock value, then laptop id) gets the number with a part of its own
record id added (CT-2026-0007 becomes CT-2026-0007-3F2A), and its case manager a task saying
so. Every laptop meets the two survivors once, compares the same versions and so renumbers
the same one in the same way, and makes the same task (its id is derived from the survivor's
and the new number's): the laptops agree without sending anything more. This runs while a
bundle is applied, with capture off.
"""

from __future__ import annotations

import uuid
from typing import Any

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.v011_change_capture import BY_TABLE
from casetracker.storage.replica_repo import ReplicaRepository
from casetracker.storage.sync_repo import Version
from casetracker.sync import hlc

MAX_LENGTH = 32  # as `domain.validation` allows
_TASKS = uuid.UUID("5a0b9f3e-2d41-4c55-9a43-0c6f2b1d7e10")


def _holder(conn: Connection, number: str, survivor_id: str) -> tuple[str, str | None] | None:
    row = conn.execute("SELECT id, assigned_to FROM survivors WHERE case_number = ? AND id <> ?",
                       (number, survivor_id)).fetchone()
    return None if row is None else (str(row[0]), row[1])


def _free(conn: Connection, number: str, survivor_id: str) -> str:
    """`number` with part of the survivor's id added, not taken by another survivor."""
    part = survivor_id.replace("-", "").upper()
    for length in (4, 8, 32):
        candidate = f"{number[:MAX_LENGTH - length - 1]}-{part[:length]}"
        if _holder(conn, candidate, survivor_id) is None:
            return candidate
    raise ValueError("no free case number")  # pragma: no cover - 32 hex digits are unique


def make_room(conn: Connection, survivor_id: str, number: Any, version: Version) -> Any:
    """Before survivor `survivor_id` takes case number `number` (given at `version`): if
    another survivor holds it, renumber the later of the two; returns the number the
    arriving survivor gets (then call `tell` once its row is in, if that is another)."""
    if not isinstance(number, str):
        return number
    held = _holder(conn, number, survivor_id)
    if held is None:
        return number
    other_id, other_manager = held
    replica = ReplicaRepository(conn)
    other_version = replica.writer("survivors", other_id, "case_number")[0]
    if other_version < version:  # the one arriving came later: it moves
        return _free(conn, number, survivor_id)
    new = _free(conn, number, other_id)
    replica.update(BY_TABLE["survivors"], other_id, "case_number", new)
    tell(conn, other_id, other_manager, number, new, other_version)
    return number


def tell(conn: Connection, survivor_id: str, manager: str | None, old: str, new: str,
         version: Version) -> None:
    """A task for the case manager of a renumbered case, the same on every laptop."""
    moment = hlc.wall_time(version[0])
    task_id = str(uuid.uuid5(_TASKS, f"{survivor_id} {new}"))
    title = (f"Case number {old} was also given on another laptop: this case is now {new} "
             "(tell anyone who has the old number)")
    conn.execute("INSERT OR IGNORE INTO tasks (id, survivor_id, title, due_date, assignee, "
                 "created_at) VALUES (?, ?, ?, ?, ?, ?)",
                 (task_id, survivor_id, title, moment.date().isoformat(), manager,
                  moment.isoformat(timespec="milliseconds")))
    ReplicaRepository(conn).set_version("tasks", task_id, "", version)
