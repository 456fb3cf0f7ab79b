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
so every laptop ends with the same laptops revoked whatever order the bundles came in. Two
laptops that revoke each other, neither having seen the other's revocation: a laptop that
learns one of them first refuses the other's bundles, but still reads the revocations in them
(`sync/revoked_bundles.py`), so it sees both, and `valid` counts both.

Enrollment (`ENROLLMENT_DAYS`): a laptop's first exchange always sends a note that it joined
(`announce_joining`); its enrolling laptop revokes it if it has not heard from it within the
week by its own clock (`services/devices.expire_unused`), and the others hold back its first
bundle after that week until its enroller is known to have heard from it
(`first_bundle_waits`).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime, timedelta

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.storage.connection import Connection, transaction
from casetracker.storage.repositories import MetaRepository, UserRepository
from casetracker.storage.sync_repo import Change, SyncRepository
from casetracker.storage.team_repo import TeamLaptop, TeamRepository

GUARDED = frozenset({"team_laptops", "team_accounts"})
# How long an enrollment works: its file (by the enrolling laptop's clock, inside the file),
# and the time in which the enrolling laptop must hear from the new laptop (by its own clock)
# or revoke it as unused (`services/devices.expire_unused`).
ENROLLMENT_DAYS = 7
_EXPIRY_SINCE = "sync.expiry_judged_since"  # meta key: when this laptop began to judge
_ENROLLER_HEARD = "sync.enroller_heard."  # meta key + laptop id: its enroller applied its bundle
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


# What a laptop's note that it joined holds: its own row's keys, nothing it could change.
_JOINING = frozenset({"id", "name", "verify_key", "box_public"})


def announce_joining(conn: Connection) -> bool:
    """Before this laptop's first bundle, when it has no change to send: log an insert of its
    own `team_laptops` row (its keys only), so that its first exchange always sends a bundle
    and the laptop that enrolled it hears from it within its week (`services/devices.py`
    revokes a laptop it enrolled and never heard from). True if one was logged."""
    from casetracker.sync import hlc

    repo = SyncRepository(conn)
    identity = repo.identity()
    if identity.bundled_seq or repo.pending_count():
        return False
    stamp = max(hlc.physical(clock.now()), repo.clock(), repo.stamped() + 1)
    repo.set_stamped(stamp)
    repo.add_change(Change(0, stamp, None, "team_laptops", identity.laptop_id, "insert",
                           value={"id": identity.laptop_id, "name": identity.name,
                                  "verify_key": identity.verify_key,
                                  "box_public": identity.box_public}), identity.laptop_id)
    return True


def joining(conn: Connection, laptop_id: str, change: Change) -> bool:
    """Whether `change` is `laptop_id`'s note that it joined (`announce_joining`): checked
    against the keys this laptop knows it by, and then applied as nothing (the row is its
    enrolling laptop's to write)."""
    if change.table != "team_laptops" or change.op != "insert" or change.actor is not None \
            or change.row_id != laptop_id:
        return False
    from casetracker.sync.apply import ApplyError  # apply calls this module

    known = SyncRepository(conn).laptop(laptop_id)
    values = change.value
    if known is None or set(values) - _JOINING or values.get("verify_key") != known.verify_key \
            or (known.box_public is not None and values.get("box_public") != known.box_public):
        raise ApplyError("a laptop's note that it joined does not match the keys it was "
                         "enrolled with; nothing of its bundle was applied")
    return True


def enrollment_deadline(enrolled_at: str) -> datetime | None:
    """When a laptop enrolled at `enrolled_at` must have been heard from by its enroller."""
    try:
        enrolled = datetime.fromisoformat(enrolled_at)
    except ValueError:
        return None
    return None if enrolled.tzinfo is None else enrolled + timedelta(days=ENROLLMENT_DAYS)


def expiry_judged(conn: Connection, deadline: datetime) -> bool:
    """Whether an enrollment with this deadline is judged by it here: those whose week ended
    before this laptop first judged any (an older release, which sent no note that a laptop
    joined) are not, since a laptop that joined then with nothing to send was never heard."""
    since = MetaRepository(conn).get(_EXPIRY_SINCE)
    return since is None or deadline > datetime.fromisoformat(since.decode("ascii"))


def start_judging(conn: Connection) -> None:
    """Note when this laptop began to judge enrollments by their week (once)."""
    meta = MetaRepository(conn)
    if meta.get(_EXPIRY_SINCE) is None:
        with contextlib.nullcontext() if conn.in_transaction else transaction(conn):
            meta.set(_EXPIRY_SINCE, clock.now_iso().encode("ascii"))


def note_enroller_heard(conn: Connection, sender: str, requires: dict[str, int]) -> bool:
    """From a verified bundle of `sender` (applied or not yet): the laptops it enrolled whose
    changes it had applied (its header's `requires`) were heard from by their enroller in
    time (an enroller revokes, before reading, a laptop it has not heard from within its
    week). True if that is news here."""
    team, meta = TeamRepository(conn), MetaRepository(conn)
    news = False
    for laptop_id, seq in requires.items():
        row = team.laptop(laptop_id) if seq > 0 else None
        if row is not None and row.enrolled_by == sender \
                and meta.get(_ENROLLER_HEARD + laptop_id) is None:
            meta.set(_ENROLLER_HEARD + laptop_id, b"1")
            news = True
    return news


def enrollment_unused(conn: Connection, row: TeamLaptop) -> bool:
    """Whether the week of the laptop's enrollment is over, by this laptop's clock (for
    enrollments judged here, `expiry_judged`)."""
    deadline = enrollment_deadline(row.enrolled_at)
    return deadline is not None and clock.now() >= deadline and expiry_judged(conn, deadline)


def first_bundle_waits(conn: Connection, laptop_id: str) -> str | None:
    """Why the first bundle of `laptop_id` to arrive here must wait (None: it need not).
    After the laptop's enrollment week, by this laptop's clock: on its enrolling laptop,
    until a supervisor there revokes it as unused; elsewhere, until its enrolling laptop is
    known to have heard from it in time (or its revocation arrives). So a laptop that joined
    late with a clock set back is applied nowhere."""
    row = TeamRepository(conn).laptop(laptop_id)
    if row is None or row.enrolled_by is None or not enrollment_unused(conn, row):
        return None  # trusted before membership travelled, or still in its week
    if row.enrolled_by == SyncRepository(conn).identity().laptop_id:
        return (f"this laptop enrolled it and did not hear from it within {ENROLLMENT_DAYS} "
                "days; a supervisor's next unlock or sync here revokes it as unused")
    if MetaRepository(conn).get(_ENROLLER_HEARD + laptop_id) is not None:
        return None
    return (f"its enrollment is more than {ENROLLMENT_DAYS} days old and the laptop that "
            f"enrolled it ({row.enrolled_by[:8]}) has not yet been heard to have heard from "
            "it; it waits for that laptop's next bundle (or its revocation)")


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
    had stopped seeing it. Laptops that revoke each other unseen: both revocations count."""
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
    # Revocations that void each other round and round: laptops that revoked each other,
    # neither having seen the other's revocation. Each such pair counts; any other
    # revocation still counts only if made before what every revocation of its maker had
    # seen (a revoked laptop revoking its revoker unseen does not also take down others).
    pairs = {(target, by) for target, by, _seq, _cutoff in records}
    cut = {}
    for target, _by, _seq, cutoff in records:
        cut[target] = min(cut.get(target, cutoff), cutoff)
    return {r for r in records if (r[1], r[0]) in pairs or r[2] <= cut.get(r[1], r[2])}


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
