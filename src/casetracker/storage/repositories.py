"""Row access for the vault tables: metadata, staff accounts and the audit trail."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from casetracker.domain.accounts import Account, Role
from casetracker.domain.audit import AuditEntry
from casetracker.storage.connection import Connection, is_database_error


class MetaRepository:
    """Small key/value facts about this vault (its id, the audit key, the recovery key's id)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, key: str) -> bytes | None:
        row = self._conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else bytes(row[0])

    def set(self, key: str, value: bytes) -> None:
        self._conn.execute(
            "INSERT INTO meta (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def delete(self, key: str) -> None:
        self._conn.execute("DELETE FROM meta WHERE key = ?", (key,))


_USER_COLUMNS = "id, name, role, created_at, must_change_passphrase, removed_at"


def _account(row: tuple[Any, ...]) -> Account:
    return Account(id=row[0], name=row[1], role=Role(row[2]), created_at=row[3],
                   must_change_passphrase=bool(row[4]), removed_at=row[5])


class UserRepository:
    """Staff accounts. Removed accounts keep their row (names in the audit trail stay unique)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, account: Account, public_key_sha256: str) -> None:
        self._conn.execute(
            f"INSERT INTO users ({_USER_COLUMNS}, public_key_sha256) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (account.id, account.name, account.role.value, account.created_at,
             int(account.must_change_passphrase), account.removed_at, public_key_sha256))

    def by_name(self, name: str) -> Account | None:
        row = self._conn.execute(
            f"SELECT {_USER_COLUMNS} FROM users WHERE name = ?", (name,)).fetchone()
        return None if row is None else _account(row)

    def key_fingerprints(self, name: str) -> tuple[str, str | None] | None:
        """(current, pending) key fingerprints of an active account, None if none."""
        row = self._conn.execute(
            "SELECT public_key_sha256, pending_public_key_sha256 FROM users "
            "WHERE name = ? AND removed_at IS NULL", (name,)).fetchone()
        return None if row is None else (str(row[0]), row[1])

    def list(self, *, include_removed: bool = False) -> list[Account]:
        where = "" if include_removed else "WHERE removed_at IS NULL"
        rows = self._conn.execute(
            f"SELECT {_USER_COLUMNS} FROM users {where} ORDER BY name COLLATE NOCASE")
        return [_account(r) for r in rows]

    def set_pending_key(self, name: str, fingerprint: str | None) -> None:
        self._conn.execute("UPDATE users SET pending_public_key_sha256 = ? WHERE name = ?",
                           (fingerprint, name))

    def promote_pending_key(self, name: str) -> None:
        self._conn.execute(
            "UPDATE users SET public_key_sha256 = pending_public_key_sha256, "
            "pending_public_key_sha256 = NULL "
            "WHERE name = ? AND pending_public_key_sha256 IS NOT NULL", (name,))

    def set_must_change(self, name: str, must_change: bool) -> None:
        self._conn.execute("UPDATE users SET must_change_passphrase = ? WHERE name = ?",
                           (int(must_change), name))

    def set_role(self, name: str, role: Role) -> None:
        self._conn.execute("UPDATE users SET role = ? WHERE name = ?", (role.value, name))

    def mark_removed(self, name: str, at: str) -> None:
        self._conn.execute("UPDATE users SET removed_at = ? WHERE name = ?", (at, name))


class AuditRepository:
    """The audit trail's rows; the chain's MACs are computed by `security.audit_chain`."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def last(self) -> tuple[int, bytes] | None:
        row = self._conn.execute(
            "SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
        return None if row is None else (int(row[0]), _blob(row[1]))

    def mac_at(self, seq: int) -> bytes | None:
        row = self._conn.execute("SELECT mac FROM audit_log WHERE seq = ?", (seq,)).fetchone()
        return None if row is None else _blob(row[0])

    def append(self, entry: AuditEntry) -> None:
        self._conn.execute(
            "INSERT INTO audit_log (seq, at, actor, action, subject, details, mac) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (entry.seq, entry.at, entry.actor, entry.action, entry.subject,
             json.dumps(entry.details, sort_keys=True, ensure_ascii=False), entry.mac))

    def iter_all(self) -> Iterator[AuditEntry]:
        """Every entry in storage order (rowid), so a reordering shows up as a break."""
        rows = self._conn.execute(
            "SELECT seq, at, actor, action, subject, details, mac FROM audit_log ORDER BY rowid")
        for row in rows:
            yield _entry(row)

    def search(self, *, actor: str | None = None, subject: str | None = None,
               action: str | None = None, since: str | None = None, until: str | None = None,
               limit: int = 1000) -> list[AuditEntry]:
        """Entries matching every filter given, newest last; `action` matches a prefix."""
        clauses, params = [], []
        for column, value in (("actor", actor), ("subject", subject)):
            if value:
                clauses.append(f"{column} = ? COLLATE NOCASE")
                params.append(value)
        if action:
            clauses.append("action LIKE ? ESCAPE '\\'")
            params.append(action.replace("%", "\\%").replace("_", "\\_") + "%")
        if since:
            clauses.append("at >= ?")
            params.append(since)
        if until:
            clauses.append("at < ?")
            params.append(until)
        where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
        rows = self._conn.execute(
            "SELECT seq, at, actor, action, subject, details, mac FROM ("
            f"SELECT * FROM audit_log {where} ORDER BY seq DESC LIMIT ?) ORDER BY seq",
            (*params, limit)).fetchall()
        return [_entry(r) for r in rows]

    def recent(self, limit: int) -> list[AuditEntry]:
        rows = self._conn.execute(
            "SELECT seq, at, actor, action, subject, details, mac FROM audit_log "
            "ORDER BY seq DESC LIMIT ?", (limit,)).fetchall()
        return [_entry(r) for r in reversed(rows)]


class AuditSubjectKeys:
    """The key that seals each audit subject's details (see `security.audit_sealing`)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, subject: str) -> bytes | None:
        try:
            row = self._conn.execute("SELECT key FROM audit_subject_keys WHERE subject = ?",
                                     (subject,)).fetchone()
        except Exception as exc:  # a database not yet at schema 10 (while it migrates)
            if _no_table(exc):
                return None
            raise
        return None if row is None else _blob(row[0])

    def get_or_create(self, subject: str, make: Callable[[], bytes]) -> bytes | None:
        """The subject's key, made now if it has none; None before schema 10."""
        key = self.get(subject)
        if key is not None:
            return key
        try:
            key = make()
            self._conn.execute("INSERT INTO audit_subject_keys (subject, key) VALUES (?, ?)",
                               (subject, key))
        except Exception as exc:
            if _no_table(exc):
                return None
            raise
        return key

    def destroy(self, subject: str) -> None:
        """Forget the key (secure_delete overwrites it): the subject's details stay sealed."""
        self._conn.execute("DELETE FROM audit_subject_keys WHERE subject = ?", (subject,))


def _no_table(exc: Exception) -> bool:
    return is_database_error(exc) and "no such table" in str(exc)


def _blob(value: object) -> bytes:
    # A row edited by hand may hold text or a number where a MAC belongs; it must fail
    # verification, not crash it.
    if isinstance(value, bytes):
        return value
    return str(value).encode("utf-8", "replace")


def _entry(row: tuple[Any, ...]) -> AuditEntry:
    try:
        details = json.loads(row[5])
        if not isinstance(details, dict):
            details = {"unreadable": row[5]}
    except (TypeError, ValueError):
        details = {"unreadable": str(row[5])}
    return AuditEntry(int(row[0]), str(row[1]), row[2], str(row[3]), row[4], details,
                      _blob(row[6]))


class SettingsRepository:
    """This laptop's own settings as text values (its sync folder, each account's language
    here); the program's travel in `ProgramSettingsRepository`."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def all(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self._conn.execute("SELECT key, value FROM settings")}

    def set(self, key: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))


class ProgramSettingsRepository:
    """The program's settings as text values: the same on every laptop of a team program
    (`program_settings` travels; schema 26)."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def all(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self._conn.execute(
            "SELECT key, value FROM program_settings")}

    def get(self, key: str, default: str = "") -> str:
        row = self._conn.execute("SELECT value FROM program_settings WHERE key = ?",
                                 (key,)).fetchone()
        return default if row is None else str(row[0])

    def set(self, key: str, value: str) -> None:
        # An update of the one field when the row exists, so change capture records a field
        # change (not a new row) that names the value it replaced.
        if self._conn.execute("UPDATE program_settings SET value = ? WHERE key = ?",
                              (value, key)).rowcount == 0:
            self._conn.execute("INSERT INTO program_settings (key, value) VALUES (?, ?)",
                               (key, value))
