"""Row access for the program's laptops as they travel (`team_laptops`, schema 12)."""

from __future__ import annotations

from dataclasses import dataclass

from casetracker.storage.connection import Connection


@dataclass(frozen=True, slots=True)
class TeamLaptop:
    laptop_id: str
    name: str
    verify_key: bytes
    box_public: bytes
    enrolled_at: str
    enrolled_by: str | None
    revoked_at: str | None
    revoked_by: str | None


@dataclass(frozen=True, slots=True)
class TeamAccount:
    account_id: str
    name: str
    role: str
    created_at: str
    must_change: bool
    removed_at: str | None
    key_sha256: str
    slot: str  # JSON: the key slot without a sealed data key
    sign_key: bytes | None = None  # the account's signing public key (schema 25)


RECOVERY_ROW = "recovery"  # the one row of `team_recovery`, the same on every laptop
_ACCOUNT_FIELDS = ("name", "role", "created_at", "must_change", "removed_at", "key_sha256",
                   "slot", "sign_key")
_COLUMNS = "id, name, verify_key, box_public, enrolled_at, enrolled_by, revoked_at, revoked_by"


class TeamRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def laptops(self) -> list[TeamLaptop]:
        rows = self._conn.execute(f"SELECT {_COLUMNS} FROM team_laptops ORDER BY enrolled_at, id")
        return [TeamLaptop(r[0], r[1], bytes(r[2]), bytes(r[3]), r[4], r[5], r[6], r[7])
                for r in rows]

    def laptop(self, laptop_id: str) -> TeamLaptop | None:
        return next((lt for lt in self.laptops() if lt.laptop_id == laptop_id), None)

    def add(self, laptop: TeamLaptop) -> None:
        """Record a member (its triggers make the other laptops trust it when it arrives)."""
        self._conn.execute(
            f"INSERT INTO team_laptops ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (laptop.laptop_id, laptop.name, laptop.verify_key, laptop.box_public,
             laptop.enrolled_at, laptop.enrolled_by, laptop.revoked_at, laptop.revoked_by))

    def revoke(self, laptop_id: str, at: str, by: str, after: int) -> None:
        """Mark the laptop revoked by `by`, which had applied its changes up to `after`."""
        self._conn.execute("UPDATE team_laptops SET revoked_at = ?, revoked_by = ?, "
                           "revoked_after = ? WHERE id = ? AND revoked_at IS NULL",
                           (at, by, after, laptop_id))

    # -- revocations as they arrived (`sync/membership.py`) ---------------------------------

    def revocations(self) -> list[tuple[str, str, int, int]]:
        """(target, by laptop, its change's number, cutoff) of every revocation applied."""
        return [(str(r[0]), str(r[1]), int(r[2]), int(r[3])) for r in self._conn.execute(
            "SELECT target, by_laptop, by_seq, cutoff FROM sync_revocations "
            "ORDER BY target, by_laptop, by_seq")]

    def record_revocation(self, target: str, by_laptop: str, by_seq: int, cutoff: int) -> None:
        self._conn.execute("INSERT OR IGNORE INTO sync_revocations (target, by_laptop, by_seq, "
                           "cutoff) VALUES (?, ?, ?, ?)", (target, by_laptop, by_seq, cutoff))

    def unrevoke(self, laptop_id: str) -> None:
        """Take back a revocation that counts for nothing (its maker had been revoked before
        it), here only: the laptop that made it is not trusted to have made it."""
        self._conn.execute("UPDATE team_laptops SET revoked_at = NULL, revoked_by = NULL, "
                           "revoked_after = NULL WHERE id = ?", (laptop_id,))
        self._conn.execute("UPDATE sync_laptops SET revoked_at = NULL WHERE laptop_id = ?",
                           (laptop_id,))

    # -- accounts --------------------------------------------------------------------------

    def accounts(self) -> list[TeamAccount]:
        rows = self._conn.execute(
            f"SELECT id, {', '.join(_ACCOUNT_FIELDS)} FROM team_accounts ORDER BY name")
        return [TeamAccount(r[0], r[1], r[2], r[3], bool(r[4]), r[5], r[6], r[7],
                            None if r[8] is None else bytes(r[8])) for r in rows]

    def standings(self) -> list[tuple[str, str, str, int | None]]:
        """Each account as changes arriving are judged: (id, name, role, the clock value at
        which it was removed, or None while it is not). The removal's clock is that of the
        `removed_at` field's value (of the row's when the field never changed since)."""
        rows = self._conn.execute(
            "SELECT a.id, a.name, a.role, a.removed_at, coalesce("
            " (SELECT v.hlc FROM sync_versions AS v WHERE v.tbl = 'team_accounts'"
            "  AND v.row_id = a.id AND v.field = 'removed_at'),"
            " (SELECT v.hlc FROM sync_versions AS v WHERE v.tbl = 'team_accounts'"
            "  AND v.row_id = a.id AND v.field = ''), 0) FROM team_accounts AS a")
        return [(str(r[0]), str(r[1]), str(r[2]), None if r[3] is None else int(r[4]))
                for r in rows]

    def account(self, account_id: str) -> TeamAccount | None:
        return next((a for a in self.accounts() if a.account_id == account_id), None)

    def put_account(self, wanted: TeamAccount, existing: TeamAccount | None) -> None:
        """Insert the row, or change the fields that differ (each travels as its own
        change, so a passphrase change does not also carry a stale role)."""
        values = {"name": wanted.name, "role": wanted.role, "created_at": wanted.created_at,
                  "must_change": int(wanted.must_change), "removed_at": wanted.removed_at,
                  "key_sha256": wanted.key_sha256, "slot": wanted.slot,
                  "sign_key": wanted.sign_key}
        if existing is None:
            self._conn.execute(
                f"INSERT INTO team_accounts (id, {', '.join(values)}) "
                f"VALUES (?, {', '.join('?' for _ in values)})",
                (wanted.account_id, *values.values()))
            return
        old = {"name": existing.name, "role": existing.role, "created_at": existing.created_at,
               "must_change": int(existing.must_change), "removed_at": existing.removed_at,
               "key_sha256": existing.key_sha256, "slot": existing.slot,
               "sign_key": existing.sign_key}
        changed = {k: v for k, v in values.items() if old[k] != v}
        if changed:
            self._conn.execute(
                f"UPDATE team_accounts SET {', '.join(f'{k} = ?' for k in changed)} "
                "WHERE id = ?", (*changed.values(), wanted.account_id))

    # -- the recovery key ------------------------------------------------------------------

    def recovery(self) -> str | None:
        """The program's recovery key slot as it travels (JSON), if one was published."""
        row = self._conn.execute("SELECT slot FROM team_recovery WHERE id = ?",
                                 (RECOVERY_ROW,)).fetchone()
        return None if row is None else str(row[0])

    def recovery_sign_key(self) -> bytes | None:
        row = self._conn.execute("SELECT sign_key FROM team_recovery WHERE id = ?",
                                 (RECOVERY_ROW,)).fetchone()
        return None if row is None or row[0] is None else bytes(row[0])

    def put_recovery(self, slot: str, replaced_at: str, sign_key: bytes | None = None) -> None:
        """Publish the recovery slot and its signing key (an update of the one row when it
        exists, so that only the changed fields travel)."""
        if self.recovery() is None:
            self._conn.execute("INSERT INTO team_recovery (id, slot, replaced_at, sign_key) "
                               "VALUES (?, ?, ?, ?)", (RECOVERY_ROW, slot, replaced_at, sign_key))
            return
        if self.recovery() != slot:
            self._conn.execute("UPDATE team_recovery SET slot = ?, replaced_at = ? WHERE id = ?",
                               (slot, replaced_at, RECOVERY_ROW))
        if sign_key is not None and self.recovery_sign_key() != sign_key:
            self._conn.execute("UPDATE team_recovery SET sign_key = ? WHERE id = ?",
                               (sign_key, RECOVERY_ROW))
