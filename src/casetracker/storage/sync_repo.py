"""Row access for team use: this laptop's clock and keys, the program's sync key, the other
laptops, and the log of changes made here that wait to be written into a bundle."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from casetracker.storage.connection import Connection
from casetracker.storage.migrations.v011_change_capture import (
    BY_TABLE,
    REPLICATED,
    install_triggers,
    row_json,
)

Version = tuple[int, str]  # (hybrid logical clock, laptop id): who wrote a value, and when
ORIGIN: Version = (0, "")  # the version of a value written before capture began


@dataclass(frozen=True, slots=True)
class Change:
    """One captured change. `value` is the whole row (column -> value) for an insert and the
    new value for an update; `replaced` names the versions an update overwrote."""

    seq: int
    hlc: int
    actor: str | None
    table: str
    row_id: str
    op: str  # "insert", "update" or "delete"
    field: str | None = None
    value: Any = None
    replaced: tuple[Version, ...] = ()


# The meta key (followed by a laptop id) of the largest clock value applied from a laptop.
_APPLIED_CLOCK = "sync_applied_clock:"


@dataclass(frozen=True, slots=True)
class Identity:
    laptop_id: str
    signing_key: bytes
    verify_key: bytes
    bundled_seq: int
    bundled_hash: str
    name: str = ""
    box_private: bytes = b""  # X25519: rotated sync keys are sealed to its public half
    box_public: bytes = b""


@dataclass(frozen=True, slots=True)
class Program:
    program_id: str
    key_id: str
    sync_key: bytes
    joined_at: str
    # Every sync key held (id -> key), the current one too: older bundles stay readable.
    known_keys: tuple[tuple[str, bytes], ...] = ()

    def key_for(self, key_id: str) -> bytes | None:
        if key_id == self.key_id:
            return self.sync_key
        return dict(self.known_keys).get(key_id)


@dataclass(frozen=True, slots=True)
class SyncKey:
    key_id: str
    sync_key: bytes
    ord: int
    grant_json: str | None


@dataclass(frozen=True, slots=True)
class Laptop:
    laptop_id: str
    name: str
    verify_key: bytes
    applied_seq: int
    applied_hash: str
    last_heard: str | None
    revoked_at: str | None
    box_public: bytes | None = None


def decode_row(table: str, text: str) -> dict[str, Any]:
    """An inserted row as the trigger wrote it (JSON, bytes in hex) back into values."""
    values: dict[str, Any] = json.loads(text)
    for column in BY_TABLE[table].blobs:
        if values.get(column) is not None:
            values[column] = bytes.fromhex(values[column])
    return values


def _change(row: tuple[Any, ...]) -> Change:
    seq, hlc, actor, table, row_id, op, field, value, prev_hlc, prev_laptop, also = row
    if op == "insert":
        return Change(seq, hlc, actor, table, row_id, op, value=decode_row(table, value))
    if op == "delete":
        return Change(seq, hlc, actor, table, row_id, op)
    replaced = [(int(prev_hlc), str(prev_laptop))]
    replaced += [(int(h), str(laptop)) for h, laptop in json.loads(also or "[]")]
    if isinstance(value, memoryview):
        value = bytes(value)
    return Change(seq, hlc, actor, table, row_id, op, field, value, tuple(replaced))


@dataclass(frozen=True, slots=True)
class RawChange:
    """A change as a trigger recorded it: the row as JSON before (`old`) and after (`new`)."""

    seq: int
    hlc: int
    actor: str | None
    table: str
    row_id: str
    op: str
    new: str | None
    old: str | None


class SyncRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    # -- this laptop --------------------------------------------------------------------------

    def identity(self) -> Identity:
        row = self._conn.execute(
            "SELECT laptop_id, signing_key, verify_key, bundled_seq, bundled_hash, name, "
            "box_private, box_public FROM sync_identity").fetchone()
        return Identity(row[0], bytes(row[1]), bytes(row[2]), int(row[3]), str(row[4]),
                        str(row[5]), bytes(row[6] or b""), bytes(row[7] or b""))

    def set_identity(self, identity: Identity) -> None:
        """Take the identity an enrollment assigned (a new database, before it captures)."""
        self._conn.execute(
            "UPDATE sync_identity SET laptop_id = ?, signing_key = ?, verify_key = ?, "
            "name = ?, box_private = ?, box_public = ?, bundled_seq = 0, bundled_hash = ''",
            (identity.laptop_id, identity.signing_key, identity.verify_key, identity.name,
             identity.box_private, identity.box_public))
        self._conn.execute("UPDATE sync_clock SET laptop_id = ?", (identity.laptop_id,))

    def set_name(self, name: str) -> None:
        self._conn.execute("UPDATE sync_identity SET name = ?", (name,))

    def capturing(self) -> bool:
        return bool(self._conn.execute("SELECT capturing FROM sync_clock").fetchone()[0])

    def set_capturing(self, on: bool) -> None:
        self._conn.execute("UPDATE sync_clock SET capturing = ?", (int(on),))

    def clock(self) -> int:
        return int(self._conn.execute("SELECT hlc FROM sync_clock").fetchone()[0])

    def advance_clock(self, physical: int, actor: str | None) -> None:
        """Before a unit of work: the clock reaches `physical` (and never goes back), and the
        changes that follow are recorded as made by `actor`."""
        self._conn.execute("UPDATE sync_clock SET hlc = max(hlc + 1, ?), actor = ? "
                           "WHERE capturing", (physical, actor))

    def receive_clock(self, seen: int) -> None:
        """After applying changes stamped up to `seen`: later changes here come after them."""
        self._conn.execute("UPDATE sync_clock SET hlc = max(hlc, ?)", (seen,))

    # -- the program ----------------------------------------------------------------------------

    def program(self) -> Program | None:
        row = self._conn.execute(
            "SELECT program_id, key_id, sync_key, joined_at FROM sync_program").fetchone()
        if row is None:
            return None
        known = tuple((k.key_id, k.sync_key) for k in self.sync_keys())
        return Program(row[0], row[1], bytes(row[2]), row[3], known)

    def sync_keys(self) -> list[SyncKey]:
        """Every sync key held, oldest first."""
        rows = self._conn.execute(
            "SELECT key_id, sync_key, ord, grant_json FROM sync_keys ORDER BY ord, key_id")
        return [SyncKey(r[0], bytes(r[1]), int(r[2]), r[3]) for r in rows]

    def add_sync_key(self, key: SyncKey) -> None:
        """Keep a key; the latest in order (then id) becomes the one bundles are sealed with."""
        self._conn.execute(
            "INSERT INTO sync_keys (key_id, sync_key, ord, grant_json) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (key_id) DO NOTHING",
            (key.key_id, key.sync_key, key.ord, key.grant_json))
        latest = self.sync_keys()[-1]
        self._conn.execute("UPDATE sync_program SET key_id = ?, sync_key = ?",
                           (latest.key_id, latest.sync_key))

    def start_capture(self, physical: int, actor: str | None) -> int:
        """Capture every change from now on (put the triggers in place), and the records
        already here once, at clock time `physical`; returns how many rows that was."""
        install_triggers(self._conn)
        self.set_capturing(True)
        self.advance_clock(physical, actor)
        return self.capture_existing_rows()

    def set_program(self, program: Program) -> None:
        self._conn.execute(
            "INSERT INTO sync_program (id, program_id, key_id, sync_key, joined_at) "
            "VALUES (1, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "program_id = excluded.program_id, key_id = excluded.key_id, "
            "sync_key = excluded.sync_key",
            (program.program_id, program.key_id, program.sync_key, program.joined_at))
        self._conn.execute(
            "INSERT INTO sync_keys (key_id, sync_key, ord) VALUES (?, ?, 0) "
            "ON CONFLICT (key_id) DO NOTHING", (program.key_id, program.sync_key))

    # -- the other laptops ----------------------------------------------------------------------

    _LAPTOP = ("laptop_id, name, verify_key, applied_seq, applied_hash, last_heard, "
               "revoked_at, box_public")

    def laptops(self) -> list[Laptop]:
        rows = self._conn.execute(f"SELECT {self._LAPTOP} FROM sync_laptops ORDER BY laptop_id")
        return [Laptop(r[0], r[1], bytes(r[2]), int(r[3]), r[4], r[5], r[6],
                       None if r[7] is None else bytes(r[7])) for r in rows]

    def laptop(self, laptop_id: str) -> Laptop | None:
        return next((lt for lt in self.laptops() if lt.laptop_id == laptop_id), None)

    def add_laptop(self, laptop_id: str, verify_key: bytes, name: str = "",
                   box_public: bytes | None = None, revoked_at: str | None = None) -> None:
        self._conn.execute(
            "INSERT INTO sync_laptops (laptop_id, name, verify_key, box_public, revoked_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (laptop_id) DO UPDATE SET "
            "name = excluded.name, box_public = coalesce(box_public, excluded.box_public), "
            "revoked_at = coalesce(revoked_at, excluded.revoked_at)",
            (laptop_id, name, verify_key, box_public, revoked_at))

    def mark_applied(self, laptop_id: str, seq: int, bundle_hash: str, heard_at: str) -> None:
        """That laptop's bundles up to `seq` are applied; `bundle_hash` is the last one's."""
        self._conn.execute(
            "UPDATE sync_laptops SET applied_seq = ?, applied_hash = ?, last_heard = ? "
            "WHERE laptop_id = ?", (seq, bundle_hash, heard_at, laptop_id))

    def applied_clock(self, laptop_id: str) -> int:
        """The largest clock value of the changes applied from that laptop (0: none yet)."""
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?",
                                 (_APPLIED_CLOCK + laptop_id,)).fetchone()
        return 0 if row is None else int(bytes(row[0]).decode("ascii"))

    def set_applied_clock(self, laptop_id: str, value: int) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET "
            "value = excluded.value", (_APPLIED_CLOCK + laptop_id, str(value).encode("ascii")))

    def last_seq_given(self) -> int:
        """The largest number this laptop ever gave one of its changes (0: none)."""
        row = self._conn.execute("SELECT seq FROM sqlite_sequence WHERE name = 'sync_changes'"
                                 ).fetchone()
        return 0 if row is None else int(row[0])

    def last_change_of(self, table: str, row_id: str) -> int:
        """The number of this laptop's last logged change to a row (0: none waiting)."""
        row = self._conn.execute("SELECT max(seq) FROM sync_changes WHERE tbl = ? AND "
                                 "row_id = ?", (table, row_id)).fetchone()
        return 0 if row is None or row[0] is None else int(row[0])

    def laptop_signed_from(self, laptop_id: str) -> int | None:
        """The first change of that laptop carrying an account's signature, as it declared."""
        row = self._conn.execute("SELECT signed_from FROM sync_laptops WHERE laptop_id = ?",
                                 (laptop_id,)).fetchone()
        return None if row is None or row[0] is None else int(row[0])

    def set_laptop_signed_from(self, laptop_id: str, seq: int) -> None:
        self._conn.execute("UPDATE sync_laptops SET signed_from = ? WHERE laptop_id = ? AND "
                           "signed_from IS NULL", (seq, laptop_id))

    def snapshot_over(self, laptop_id: str) -> bool:
        """Whether a change made by an account has arrived from that laptop (`sync/rules.py`)."""
        row = self._conn.execute("SELECT snapshot_over FROM sync_laptops WHERE laptop_id = ?",
                                 (laptop_id,)).fetchone()
        return row is not None and bool(row[0])

    def end_snapshot(self, laptop_id: str) -> None:
        self._conn.execute("UPDATE sync_laptops SET snapshot_over = 1 WHERE laptop_id = ?",
                           (laptop_id,))

    # -- the outgoing log ---------------------------------------------------------------------

    def raw(self) -> list[RawChange]:
        """What the triggers recorded and `sync/capture.py` has not yet turned into changes."""
        rows = self._conn.execute(
            "SELECT seq, hlc, actor, tbl, row_id, op, new, old FROM sync_raw ORDER BY seq")
        return [RawChange(*r) for r in rows]

    def drop_raw(self, through: int) -> None:
        self._conn.execute("DELETE FROM sync_raw WHERE seq <= ?", (through,))

    def stamped(self) -> int:
        """The last clock value given to a change here."""
        return int(self._conn.execute("SELECT stamped FROM sync_clock").fetchone()[0])

    def set_stamped(self, value: int) -> None:
        self._conn.execute("UPDATE sync_clock SET stamped = ?, hlc = max(hlc, ?)",
                           (value, value))

    def add_change(self, change: Change, laptop_id: str) -> None:
        """Log a change made here (its `seq` is given by the log) and record its version."""
        prev, also = (change.replaced[0], change.replaced[1:]) if change.replaced else (
            (None, None), ())
        value = change.value
        if change.op == "insert":
            value = json.dumps({k: v.hex() if isinstance(v, bytes) else v
                                for k, v in change.value.items()})
        self._conn.execute(
            "INSERT INTO sync_changes (hlc, actor, tbl, row_id, op, field, value, prev_hlc, "
            "prev_laptop, also_replaced) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (change.hlc, change.actor, change.table, change.row_id, change.op, change.field,
             value, prev[0], prev[1], json.dumps([list(v) for v in also]) if also else None))

    def pending(self, after: int, limit: int) -> list[Change]:
        """Up to `limit` logged changes with sequence numbers above `after`, in order (call
        `sync.capture.flush` first for the latest)."""
        rows = self._conn.execute(
            "SELECT seq, hlc, actor, tbl, row_id, op, field, value, prev_hlc, prev_laptop, "
            "also_replaced FROM sync_changes WHERE seq > ? ORDER BY seq LIMIT ?",
            (after, limit))
        return [_change(r) for r in rows]

    def pending_by(self, actor: str, after: int, limit: int) -> list[Change]:
        """Like `pending`, only the changes made by `actor`."""
        rows = self._conn.execute(
            "SELECT seq, hlc, actor, tbl, row_id, op, field, value, prev_hlc, prev_laptop, "
            "also_replaced FROM sync_changes WHERE seq > ? AND actor = ? ORDER BY seq LIMIT ?",
            (after, actor, limit))
        return [_change(r) for r in rows]

    def pending_count(self) -> int:
        """How many logged changes wait to be written into a bundle."""
        return int(self._conn.execute("SELECT count(*) FROM sync_changes").fetchone()[0])

    def drop_pending(self, table: str, row_id: str) -> None:
        """Forget the unsent changes of a row that has been deleted."""
        self._conn.execute("DELETE FROM sync_changes WHERE tbl = ? AND row_id = ?",
                           (table, row_id))

    def mark_bundled(self, last: int, bundle_hash: str) -> None:
        """Changes up to `last` are in the bundle whose hash is given: forget them here."""
        self._conn.execute("UPDATE sync_identity SET bundled_seq = ?, bundled_hash = ?",
                           (last, bundle_hash))
        self._conn.execute("DELETE FROM sync_changes WHERE seq <= ?", (last,))

    def capture_existing_rows(self) -> int:
        """Log every replicated row as an insert, all with one new clock value (when this
        laptop joins a program with records already in it); returns how many. Parents come
        before children."""
        hlc = max(self.clock(), self.stamped() + 1)
        laptop = self.identity().laptop_id
        total = 0
        for spec in REPLICATED:
            # In the order of the local integer keys where there are some: placement steps
            # are read in that order.
            order = f" ORDER BY t.{spec.local[0]}" if spec.local else ""
            cursor = self._conn.execute(
                f"INSERT INTO sync_changes (hlc, actor, tbl, row_id, op, value) "
                f"SELECT ?, NULL, '{spec.table}', {spec.row_id('t')}, 'insert', "
                f"{row_json(spec, 't')} FROM {spec.table} AS t{order}", (hlc,))
            total += max(int(cursor.rowcount), 0)
            self._conn.execute(
                f"INSERT INTO sync_versions (tbl, row_id, field, hlc, laptop) "
                f"SELECT '{spec.table}', {spec.row_id('t')}, '', ?, ? FROM {spec.table} AS t "
                f"WHERE true ON CONFLICT DO UPDATE SET hlc = excluded.hlc, "
                f"laptop = excluded.laptop, deleted = 0", (hlc, laptop))
        self.set_stamped(hlc)
        return total
