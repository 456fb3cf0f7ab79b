"""Checks on membership changes arriving from another laptop (`team_laptops`,
`team_accounts`).

A membership row travels inside a signed bundle of an enrolled laptop; these checks make sure
that even such a laptop cannot do more than a supervisor there could: only a supervisor's
change enrolls or revokes a laptop, a laptop's keys never change once known, a revocation is
never undone, and no membership row is deleted. Accounts: only a supervisor adds, removes,
resets or changes the role of one; an account itself may change only its own key slot (its
passphrase) and clear its own must-change mark.
"""

from __future__ import annotations

from collections.abc import Callable

from casetracker.domain.accounts import Role
from casetracker.storage.connection import Connection
from casetracker.storage.repositories import UserRepository
from casetracker.storage.sync_repo import Change, SyncRepository

GUARDED = frozenset({"team_laptops", "team_accounts"})
_OWN = frozenset({"slot"})
_FIXED = frozenset({"verify_key", "box_public", "enrolled_at", "enrolled_by"})


def check(conn: Connection, change: Change) -> None:
    """Raise `ApplyError` for a membership change this laptop must not accept."""
    from casetracker.sync.apply import ApplyError  # apply calls this module

    def refuse(why: str) -> None:
        raise ApplyError(f"a membership change was refused ({why}); nothing of its bundle "
                         "was applied")

    account = UserRepository(conn).by_name(change.actor or "")
    supervisor = (account is not None and account.active
                  and account.role is Role.SUPERVISOR)
    if change.op == "delete":
        refuse("a membership row is never deleted")
    if change.table == "team_accounts":
        _check_account(conn, change, supervisor, refuse)
        return
    if not supervisor:
        refuse("only a supervisor enrolls or revokes laptops")
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


def _check_account(conn: Connection, change: Change, supervisor: bool,
                   refuse: Callable[[str], None]) -> None:
    if change.op == "update" and change.field in ("name", "created_at"):
        refuse("an account's name never changes")
    if supervisor:
        return
    row = conn.execute("SELECT name FROM team_accounts WHERE id = ?",
                       (change.row_id,)).fetchone()
    own = row is not None and change.actor is not None and \
        str(row[0]).casefold() == change.actor.casefold()
    if own and change.op == "update" and (change.field in _OWN or (
            change.field == "must_change" and not change.value)):
        return
    refuse("only a supervisor adds, removes or resets an account; an account changes only "
           "its own passphrase")
