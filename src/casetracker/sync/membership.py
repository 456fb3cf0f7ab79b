"""Checks on membership changes arriving from another laptop (`team_laptops`,
`team_accounts`).

A membership row travels inside a signed bundle of an enrolled laptop; these checks make sure
that even such a laptop cannot do more than a supervisor there could: only a supervisor's
change enrolls or revokes a laptop, a laptop's keys never change once known, a revocation is
never undone, and no membership row is deleted. Accounts: only a supervisor adds, removes,
resets or changes the role of one; an account itself may change only its own key slot (its
passphrase) and clear its own must-change mark.

Revocations (`record`, `void_revoked_revokers`): each revocation applied here is kept with the
laptop whose signed bundle made it, the number of that change among its changes, and how much
of the revoked laptop the revoker had seen (`revoked_after`). A revocation made by a laptop in
a change numbered after what a valid revocation of that laptop had seen of it counts for
nothing: the laptop was revoked before it (its later bundles are refused everywhere). A laptop
that had applied such a revocation before it learned that its maker was revoked takes it back,
so every laptop ends with the same laptops revoked whatever order the bundles came in. Not
handled: two laptops that revoke each other, neither having seen the other's revocation. A
laptop that learns one of them first refuses the other's bundles whole, so it never sees the
second revocation (reading revocations out of refused bundles would let every laptop judge
both alike); `valid` counts both when it sees both.
"""

from __future__ import annotations

from collections.abc import Callable

from casetracker.domain.accounts import Role
from casetracker.storage.connection import Connection
from casetracker.storage.repositories import UserRepository
from casetracker.storage.sync_repo import Change, SyncRepository
from casetracker.storage.team_repo import TeamRepository

GUARDED = frozenset({"team_laptops", "team_accounts"})
_OWN = frozenset({"slot", "sign_key", "key_sha256"})  # a new key pair: `signatures.check`
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
    if change.field in ("revoked_at", "revoked_by", "revoked_after") and change.value is None:
        refuse("a revocation is never undone")


def record(conn: Connection, laptop_id: str, change: Change) -> None:
    """Keep a revocation that arrives in a bundle of `laptop_id` (after `check`)."""
    if change.table != "team_laptops":
        return
    cutoff = None
    if change.op == "update" and change.field == "revoked_after":
        cutoff = change.value
    elif change.op == "insert" and isinstance(change.value, dict):
        cutoff = change.value.get("revoked_after")
    if isinstance(cutoff, int) and not isinstance(cutoff, bool):
        TeamRepository(conn).record_revocation(change.row_id, laptop_id, change.seq, cutoff)


Revocation = tuple[str, str, int, int]  # target, by laptop, by its change number, cutoff


def valid(records: list[Revocation]) -> set[Revocation]:
    """The revocations that count: none made by a laptop after a counting revocation of it
    had stopped seeing it. Laptops that revoke each other unseen: all count."""
    records = sorted(records)
    counting = set(records)
    for _ in range(len(records) + 2):
        cut: dict[str, int] = {}
        for target, _by, _seq, cutoff in counting:
            cut[target] = min(cut.get(target, cutoff), cutoff)
        now = {r for r in records if r[2] <= cut.get(r[1], r[2])}
        if now == counting:
            return counting
        counting = now
    return set(records)  # revocations that void each other round and round: all count


def void_revoked_revokers(conn: Connection) -> list[str]:
    """Take back, here, the revocations that count for nothing; returns the laptops that are
    members again (inside the caller's transaction, with capture off)."""
    team = TeamRepository(conn)
    records = team.revocations()
    counted = {r[0] for r in valid(records)}
    restored = []
    for target in sorted({r[0] for r in records} - counted):
        row = team.laptop(target)
        if row is not None and row.revoked_at is not None:
            team.unrevoke(target)
            restored.append(target)
    return restored


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
