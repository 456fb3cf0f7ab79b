"""Applying another laptop's changes to this database.

One bundle is applied in one transaction that also records it as applied (the laptop's
high-water mark and the bundle's hash), so a crash leaves it wholly applied or not at all and
it is applied exactly once. Capture is off inside that transaction: what arrives is not sent
back out as this laptop's own change.

Rules: a delete always wins (a purge on one laptop purges everywhere; an edit or a new child
row that meets a deleted row is dropped); an insert of a row that exists (two laptops made
the same row, such as a survivor's sensitive details) merges field by field; an update merges
by `merge.merge`, and lists a conflict when a value that its writer had not seen is left
waiting beside the winner (bookkeeping fields such as `updated_at` take the latest value and
list none).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from casetracker.domain.accounts import Role
from casetracker.domain.errors import CaseTrackerError
from casetracker.storage.bulk_rows import capture_set_aside, new_rows_indexed_at_end
from casetracker.storage.connection import Connection, transaction
from casetracker.storage.dashboard_totals import changes_in_bulk
from casetracker.storage.migrations.v011_change_capture import BY_TABLE, Replicated
from casetracker.storage.replica_repo import Head, ReplicaConstraintError, ReplicaRepository
from casetracker.storage.repositories import UserRepository
from casetracker.storage.retention_repo import RetentionRepository
from casetracker.storage.sync_repo import ORIGIN, Change, SyncRepository, Version
from casetracker.storage.team_repo import TeamRepository
from casetracker.sync import capture, case_numbers, membership, merge, rules, signatures

# A bundle with more new rows than this applies them without the per-row triggers that a
# pass at the end can replace (each firing costs a fraction of a millisecond, several per
# row), and counts the dashboard's totals again (a whole-caseload pass, some tenths of a
# second): see `_in_bulk` and storage/bulk_rows.py.
BULK_INSERTS = 300


class ApplyError(CaseTrackerError):
    """A bundle's changes cannot be applied here; nothing of the bundle was applied."""


@dataclass
class Applied:
    """What applying some changes did, in counts."""

    changes: int = 0
    dropped: int = 0  # changes to rows deleted here, which a delete beats
    conflicts: int = 0  # conflicts newly listed
    cases_deleted: int = 0  # survivors purged on the laptop that wrote the bundle
    tables: dict[str, int] = field(default_factory=dict)


def apply_bundle(conn: Connection, laptop_id: str, changes: Sequence[Change], *,
                 last_seq: int, bundle_hash: str, at: str,
                 attestations: list[Any] | None = None, program_id: str = "",
                 unsigned_before: int = 0) -> Applied:
    """Apply one bundle of `laptop_id` and record it as applied, in one transaction.
    `attestations`: the accounts' signatures the bundle carries; every change from
    `unsigned_before` on by an account whose key is known must be signed by it
    (`sync/signatures.py`)."""
    repo = SyncRepository(conn)
    _clock_goes_forward(repo, laptop_id, changes)
    capture.flush(conn)  # this laptop's own removals and role changes take their clock
    roles, names = standings(conn)
    # Before anything is applied: a change its account may not make refuses the bundle, and
    # so does one its account did not sign.
    by_account = rules.check(changes, roles, snapshot_over=repo.snapshot_over(laptop_id),
                             names=names)
    known = signatures.known_keys(conn)
    covered = signatures.verify(
        attestations or [], changes, program_id=program_id, laptop_id=laptop_id,
        candidates=signatures.candidates(known, changes, names))
    signatures.check(changes, covered, known=known, names=names,
                     roles={name: found.role for name, found in roles.items()},
                     signed_from=unsigned_before)
    with transaction(conn):
        if by_account:
            repo.end_snapshot(laptop_id)
        capture.flush(conn)  # this laptop's edits take their versions before any arrives
        was_capturing = repo.capturing()
        repo.set_capturing(False)
        try:
            with _in_bulk(conn, changes):
                applied = apply_changes(conn, laptop_id, changes, at=at)
            if any(change.table == "team_laptops" for change in changes):
                membership.void_revoked_revokers(conn)
            dated = [c.hlc for c in changes if not rules.pre_upgrade(c)]
            if dated:
                repo.receive_clock(max(dated))
                repo.set_applied_clock(laptop_id, dated[-1])
            repo.mark_applied(laptop_id, last_seq, bundle_hash, at)
        finally:
            repo.set_capturing(was_capturing)
    if applied.cases_deleted:
        _erase_traces(conn)
    return applied


def _clock_goes_forward(repo: SyncRepository, laptop_id: str,
                        changes: Sequence[Change]) -> None:
    """A laptop's clock never goes back: refuse a bundle that dates a change before one
    already applied from that laptop (or before the one ahead of it in the bundle), which
    would let it backdate a change past an account's removal that it had seen."""
    previous = repo.applied_clock(laptop_id)
    for change in changes:
        if rules.pre_upgrade(change):
            continue  # older than anything by design (schema 26); it beats no edit
        if change.hlc < previous:
            raise ApplyError(f"a change from laptop {laptop_id[:8]} is dated before changes "
                             "that laptop had already sent (a laptop's clock never goes "
                             "back); nothing of its bundle was applied")
        previous = change.hlc


def standings(conn: Connection) -> tuple[dict[str, rules.Standing], dict[str, str]]:
    """How each account stands for judging incoming changes (name, casefolded -> standing),
    and the `team_accounts` row ids' names. The travelling `team_accounts` row decides
    (it follows every bundle applied); an account that has none yet is judged by its role
    here."""
    found: dict[str, rules.Standing] = {
        account.name.casefold(): rules.Standing(account.role)
        for account in UserRepository(conn).list(include_removed=True)}
    names: dict[str, str] = {}
    for row_id, name, role, removed in TeamRepository(conn).standings():
        names[row_id] = name
        try:
            found[name.casefold()] = rules.Standing(Role(role), removed)
        except ValueError:
            continue
    return found, names


@contextlib.contextmanager
def _in_bulk(conn: Connection, changes: Sequence[Change]) -> Iterator[None]:
    """A bundle of many new rows is applied without the capture triggers (capture is off);
    the dashboard's totals are counted from scratch once it is applied (when it brings more
    rows than there are cases) and, when it deletes nothing, its new survivors and notes are
    indexed for search in one pass. All inside the bundle's transaction: a failure rolls the
    triggers and the totals back with the rest."""
    inserts = sum(change.op == "insert" for change in changes)
    with contextlib.ExitStack() as bulk:
        if inserts > BULK_INSERTS:
            bulk.enter_context(capture_set_aside(conn))
            # The count from scratch reads the whole caseload (0.7 s of CPU at 5,000 cases),
            # the triggers cost by the row (about 0.4 s per 1,000 new rows): counting pays
            # only while the bundle brings more rows than the laptop holds cases.
            cases = int(conn.execute("SELECT count(*) FROM survivors").fetchone()[0])
            if inserts > cases:
                bulk.enter_context(changes_in_bulk(conn))
            if not any(change.op == "delete" for change in changes):
                bulk.enter_context(new_rows_indexed_at_end(conn))
        yield


def _erase_traces(conn: Connection) -> None:
    """After a purge arrives, the same secure deletion as where it was made: the search
    index merged (no old segment keeps the words) and the log folded into the file."""
    retention = RetentionRepository(conn)
    with transaction(conn):
        retention.compact_search_index()
        signatures.forget_dropped(conn)
    retention.checkpoint()


def apply_changes(conn: Connection, laptop_id: str, changes: Sequence[Change], *,
                  at: str) -> Applied:
    """Apply changes written on `laptop_id`, in order, inside the caller's transaction."""
    replica = ReplicaRepository(conn)
    applied = Applied()
    present = {spec.table: replica.columns(spec) for spec in BY_TABLE.values()}
    # New rows of one table in a row go in together: preparing an insert into a table with
    # many triggers costs milliseconds, and statements are prepared again once evicted.
    batch: list[Change] = []

    def count(table: str, kept: bool, new_conflicts: int = 0) -> None:
        applied.changes += kept
        applied.dropped += not kept
        applied.conflicts += new_conflicts
        applied.tables[table] = applied.tables.get(table, 0) + kept

    def insert_batch() -> None:
        if not batch:
            return
        spec = BY_TABLE[batch[0].table]
        if replica.insert_many(spec, [c.value for c in batch]):
            replica.set_row_versions(spec.table, [(c.row_id, (c.hlc, laptop_id), c.actor)
                                                  for c in batch])
            for _change in batch:
                count(spec.table, True)
        else:  # one of them breaks a rule: one at a time, to know which
            for change in batch:
                count(spec.table, *_insert(replica, spec, change, (change.hlc, laptop_id),
                                           present[spec.table], at))
        batch.clear()

    try:
        for change in changes:
            spec = BY_TABLE[change.table]
            if change.table in membership.GUARDED:
                if membership.joining(conn, laptop_id, change):
                    count(change.table, True)
                    continue
                membership.check(conn, change)
                membership.record(conn, laptop_id, change)
            version = (change.hlc, laptop_id)
            if change.op == "insert" and _fresh(replica, spec, change, present[spec.table]):
                if batch and batch[0].table != change.table:
                    insert_batch()
                batch.append(change)
                continue
            insert_batch()
            if change.op == "delete":
                count(spec.table, _delete(replica, spec, change, version))
                applied.cases_deleted += spec.table == "survivors"
            elif change.op == "insert":
                count(spec.table, *_insert(replica, spec, change, version,
                                           present[spec.table], at))
            else:
                if change.field not in present[spec.table] or change.field in spec.key:
                    raise ApplyError(f"a change names a column this laptop does not know "
                                     f"({spec.table}.{change.field})")
                count(spec.table, *_update(replica, spec, change, version, at))
        insert_batch()
    except ReplicaConstraintError as exc:
        raise ApplyError(f"a change from laptop {laptop_id} breaks a rule of this "
                         f"database ({exc}); nothing of its bundle was applied") from None
    if any(change.op == "delete" for change in changes):
        replica.forget_deleted_rows()  # children that went with a deleted parent
    return applied


def _fresh(replica: ReplicaRepository, spec: Replicated, change: Change,
           present: set[str]) -> bool:
    """Whether an insert makes a row this laptop has never had (after checking that it names
    only columns this laptop knows)."""
    values = change.value
    if set(values) - set(spec.key) - set(spec.columns) or not set(values) <= present:
        raise ApplyError(f"a change names a column this laptop does not know "
                         f"({spec.table}.{sorted(set(values) - present)[0]})")
    return replica.version(spec.table, change.row_id) is None and not replica.exists(
        spec, change.row_id)


def _delete(replica: ReplicaRepository, spec: Replicated, change: Change,
            version: Version) -> bool:
    replica.delete(spec, change.row_id)  # its children go with it (foreign keys cascade)
    replica.forget_fields(spec.table, change.row_id)
    replica.forget_row(spec.table, change.row_id)
    replica.set_version(spec.table, change.row_id, "", version, deleted=True)
    return True


def _insert(replica: ReplicaRepository, spec: Replicated, change: Change, version: Version,
            present: set[str], at: str) -> tuple[bool, int]:
    values = dict(change.value)
    _fresh(replica, spec, change, present)  # checks the columns
    row = replica.version(spec.table, change.row_id)
    if row is not None and row[1]:
        return False, 0  # deleted here: a delete wins
    if replica.exists(spec, change.row_id):
        # Made on two laptops at once: each field merges as an edit that saw nothing.
        conflicts = 0
        for name in spec.columns:
            if name in values:
                one = Change(change.seq, change.hlc, change.actor, change.table, change.row_id,
                             "update", name, values[name], ())
                conflicts += _update(replica, spec, one, version, at)[1]
        return True, conflicts
    given = values.get("case_number")
    if spec.table == "survivors":  # the same next number, given on two laptops apart
        values["case_number"] = case_numbers.make_room(replica.conn, change.row_id, given,
                                                       version)
    if not replica.insert(spec, values):
        _require_parents(replica, spec, values)
        return False, 0  # its parent was deleted here
    replica.set_version(spec.table, change.row_id, "", version, actor=change.actor)
    if values.get("case_number") != given:
        case_numbers.tell(replica.conn, change.row_id, values.get("assigned_to"), str(given),
                          str(values["case_number"]), version)
    return True, 0


def _require_parents(replica: ReplicaRepository, spec: Replicated,
                     values: dict[str, Any]) -> None:
    """A change that refers to a deleted record is dropped (the delete wins); one that
    refers to what does not travel in bundles (an account not yet on this laptop) waits."""
    local = [t for t in replica.missing_parents(spec, values) if t not in BY_TABLE]
    if local:
        raise ApplyError(f"a change to {spec.table} refers to {' and '.join(local)} this "
                         "laptop does not have yet (accounts come with enrollment); nothing "
                         "of its bundle was applied")


def _update(replica: ReplicaRepository, spec: Replicated, change: Change, version: Version,
            at: str) -> tuple[bool, int]:
    table, row_id, name = spec.table, change.row_id, str(change.field)
    if not replica.exists(spec, row_id):
        return False, 0  # deleted here: a delete wins
    current = replica.version(table, row_id, name) or replica.version(table, row_id)
    winner = ORIGIN if current is None else current[0]
    if name in spec.quiet:  # bookkeeping: the latest value wins and nothing waits
        if version <= winner:
            return True, 0
        if not replica.update(spec, row_id, name, change.value):
            _require_parents(replica, spec, {name: change.value})
            return False, 0
        replica.set_version(table, row_id, name, version, actor=change.actor)
        return True, 0
    waiting = {head.version: head for head in replica.heads(table, row_id, name)}
    merged = merge.merge(winner, waiting, version, change.replaced)
    if merged.winner == version:
        demoted = winner in merged.others  # the value this one did not see waits beside it
        old_value = replica.read(spec, row_id, name) if demoted else None
        old_actor = replica.writer(table, row_id, name)[1] if demoted else None
        if table == "survivors" and name == "case_number":
            change = replace(change, value=case_numbers.make_room(
                replica.conn, row_id, change.value, version))
        if not replica.update(spec, row_id, name, change.value):
            _require_parents(replica, spec, {name: change.value})
            return False, 0  # it refers to a row deleted here
        replica.set_version(table, row_id, name, version, actor=change.actor)
        if demoted:
            waiting[winner] = Head(winner, old_value, old_actor)
            replica.add_head(table, row_id, name, waiting[winner])
        winner_value = change.value
    else:
        waiting[version] = Head(version, change.value, change.actor)
        replica.add_head(table, row_id, name, waiting[version])
        winner_value = replica.read(spec, row_id, name)
    for gone in set(waiting) - merged.others:
        replica.remove_head(table, row_id, name, gone)
    if merge.in_conflict(winner_value, (waiting[v].value for v in merged.others)):
        return True, int(replica.open_conflict(spec, row_id, name, at))
    replica.close_conflict(table, row_id, name)
    return True, 0
