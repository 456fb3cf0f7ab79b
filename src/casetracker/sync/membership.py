"""Checks on membership changes arriving from another laptop (`team_laptops`).

A membership row travels inside a signed bundle of an enrolled laptop; these checks make sure
that even such a laptop cannot do more than a supervisor there could: only a supervisor's
change enrolls or revokes a laptop, a laptop's keys never change once known, a revocation is
never undone, and no membership row is deleted.
"""

from __future__ import annotations

from casetracker.domain.accounts import Role
from casetracker.storage.connection import Connection
from casetracker.storage.repositories import UserRepository
from casetracker.storage.sync_repo import Change, SyncRepository

GUARDED = frozenset({"team_laptops"})
_FIXED = frozenset({"verify_key", "box_public", "enrolled_at", "enrolled_by"})


def check(conn: Connection, change: Change) -> None:
    """Raise `ApplyError` for a membership change this laptop must not accept."""
    from casetracker.sync.apply import ApplyError  # apply calls this module

    def refuse(why: str) -> None:
        raise ApplyError(f"a membership change was refused ({why}); nothing of its bundle "
                         "was applied")

    account = UserRepository(conn).by_name(change.actor or "")
    if account is None or not account.active or account.role is not Role.SUPERVISOR:
        refuse("only a supervisor enrolls or revokes laptops")
    if change.op == "delete":
        refuse("a laptop's membership is never deleted")
    repo = SyncRepository(conn)
    identity = repo.identity()
    if change.op == "insert":
        values = change.value
        known = repo.laptop(change.row_id)
        key = values.get("verify_key")
        if change.row_id == identity.laptop_id:
            if key != identity.verify_key:
                refuse("it gives this laptop another key")
        elif known is not None and key != known.verify_key:
            refuse("it gives a known laptop another key")
        return
    if change.field in _FIXED:
        refuse("a laptop's keys and enrollment never change")
    if change.field in ("revoked_at", "revoked_by") and change.value is None:
        refuse("a revocation is never undone")
