"""The replicated rows as a merge sees them: rows by table and id, the version of each row
and field, the values waiting in a conflict, and a digest of the replicated content."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from casetracker.storage.connection import Connection, is_database_error
from casetracker.storage.migrations.v011_change_capture import (
    BY_TABLE,
    REPLICATED,
    Replicated,
)
from casetracker.storage.sync_repo import Version


class ReplicaConstraintError(Exception):
    """A change breaks a rule of this database other than a missing parent (a unique case
    number, a check); the message names the table and column, never a value."""


@dataclass(frozen=True, slots=True)
class Head:
    """A value of a field that a concurrent change did not see, waiting in a conflict."""

    version: Version
    value: Any
    actor: str | None


@dataclass(frozen=True, slots=True)
class Conflict:
    table: str
    row_id: str
    field: str
    survivor_id: str | None
    found_at: str


def _where(spec: Replicated) -> str:
    return " AND ".join(f"{k} = ?" for k in spec.key)


def _key(spec: Replicated, row_id: str) -> tuple[str, ...]:
    parts = tuple(row_id.split(" "))
    if len(parts) != len(spec.key):
        raise ValueError(f"a row id of {spec.table} has {len(spec.key)} part(s)")
    return parts


def _plain(value: Any) -> Any:
    return bytes(value) if isinstance(value, memoryview) else value


def _comparable(value: Any) -> Any:
    value = _plain(value)
    return {"bytes": value.hex()} if isinstance(value, bytes) else value


class ReplicaRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    @property
    def conn(self) -> Connection:
        return self._conn

    # -- rows -----------------------------------------------------------------------------------

    def columns(self, spec: Replicated) -> set[str]:
        """The columns `spec`'s table has in this database."""
        return {str(r[1]) for r in self._conn.execute(f"PRAGMA table_info({spec.table})")}

    def exists(self, spec: Replicated, row_id: str) -> bool:
        return self._conn.execute(f"SELECT 1 FROM {spec.table} WHERE {_where(spec)}",
                                  _key(spec, row_id)).fetchone() is not None

    def read(self, spec: Replicated, row_id: str, field: str) -> Any:
        row = self._conn.execute(f"SELECT {field} FROM {spec.table} WHERE {_where(spec)}",
                                 _key(spec, row_id)).fetchone()
        return None if row is None else _plain(row[0])

    def _write(self, sql: str, params: Iterable[Any]) -> bool:
        """Run one change; False when a parent it refers to is gone (deleted here)."""
        try:
            self._conn.execute(sql, tuple(params))
        except Exception as exc:
            if not is_database_error(exc) or "constraint failed" not in str(exc):
                raise
            if "FOREIGN KEY" in str(exc):
                return False
            raise ReplicaConstraintError(str(exc)) from None
        return True

    def insert(self, spec: Replicated, values: dict[str, Any]) -> bool:
        names = list(values)
        return self._write(f"INSERT INTO {spec.table} ({', '.join(names)}) "
                           f"VALUES ({', '.join('?' * len(names))})", values.values())

    def insert_many(self, spec: Replicated, rows: list[dict[str, Any]]) -> bool:
        """Insert rows that name the same columns, all or none; False (nothing inserted)
        when one breaks a rule of the database or they name different columns."""
        names = list(rows[0])
        if any(list(row) != names for row in rows):
            return False
        self._conn.execute("SAVEPOINT sync_rows")
        try:
            self._conn.executemany(
                f"INSERT INTO {spec.table} ({', '.join(names)}) "
                f"VALUES ({', '.join('?' * len(names))})", [tuple(r.values()) for r in rows])
        except Exception as exc:
            if not is_database_error(exc) or "constraint failed" not in str(exc):
                raise
            self._conn.execute("ROLLBACK TO sync_rows")
            self._conn.execute("RELEASE sync_rows")
            return False
        self._conn.execute("RELEASE sync_rows")
        return True

    def update(self, spec: Replicated, row_id: str, field: str, value: Any) -> bool:
        return self._write(f"UPDATE {spec.table} SET {field} = ? WHERE {_where(spec)}",
                           (value, *_key(spec, row_id)))

    def missing_parents(self, spec: Replicated, values: dict[str, Any]) -> list[str]:
        """The tables of the rows `values` refers to that this database lacks."""
        missing = []
        for key in self._conn.execute(f"PRAGMA foreign_key_list({spec.table})").fetchall():
            parent, column, target = str(key[2]), str(key[3]), str(key[4])
            value = values.get(column)
            if value is not None and self._conn.execute(
                    f"SELECT 1 FROM {parent} WHERE {target} = ?", (value,)).fetchone() is None:
                missing.append(parent)
        return missing

    def delete(self, spec: Replicated, row_id: str) -> None:
        self._conn.execute(f"DELETE FROM {spec.table} WHERE {_where(spec)}",
                           _key(spec, row_id))

    # -- versions -------------------------------------------------------------------------------

    def version(self, table: str, row_id: str, field: str = "") -> tuple[Version, bool] | None:
        """The version of a field's value (of the row itself for ''), and for a row whether
        it was deleted; None when none is recorded."""
        row = self._conn.execute(
            "SELECT hlc, laptop, deleted FROM sync_versions "
            "WHERE tbl = ? AND row_id = ? AND field = ?", (table, row_id, field)).fetchone()
        return None if row is None else ((int(row[0]), str(row[1])), bool(row[2]))

    def writer(self, table: str, row_id: str, field: str) -> tuple[Version, str | None]:
        """The version of a field's value and the account that wrote it (the row's when the
        field was not changed since the row was made); ORIGIN when none is recorded."""
        for name in (field, ""):
            row = self._conn.execute(
                "SELECT hlc, laptop, actor FROM sync_versions "
                "WHERE tbl = ? AND row_id = ? AND field = ?", (table, row_id, name)).fetchone()
            if row is not None:
                return (int(row[0]), str(row[1])), row[2]
        return (0, ""), None

    def set_version(self, table: str, row_id: str, field: str, version: Version, *,
                    deleted: bool = False, actor: str | None = None) -> None:
        self._conn.execute(
            "INSERT INTO sync_versions (tbl, row_id, field, hlc, laptop, deleted, actor) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (tbl, row_id, field) DO UPDATE SET "
            "hlc = excluded.hlc, laptop = excluded.laptop, deleted = excluded.deleted, "
            "actor = excluded.actor",
            (table, row_id, field, version[0], version[1], int(deleted), actor))

    def set_row_versions(self, table: str, rows: list[tuple[str, Version, str | None]]) -> None:
        """Record the versions of newly made rows (row id, version, account)."""
        self._conn.executemany(
            "INSERT INTO sync_versions (tbl, row_id, field, hlc, laptop, actor) "
            "VALUES (?, ?, '', ?, ?, ?)",
            [(table, row_id, version[0], version[1], actor) for row_id, version, actor in rows])

    def forget_fields(self, table: str, row_id: str) -> None:
        self._conn.execute("DELETE FROM sync_versions WHERE tbl = ? AND row_id = ? "
                           "AND field <> ''", (table, row_id))

    # -- values waiting in a conflict -----------------------------------------------------------

    def heads(self, table: str, row_id: str, field: str) -> list[Head]:
        rows = self._conn.execute(
            "SELECT hlc, laptop, value, actor FROM sync_heads "
            "WHERE tbl = ? AND row_id = ? AND field = ?", (table, row_id, field))
        return [Head((int(r[0]), str(r[1])), _plain(r[2]), r[3]) for r in rows]

    def add_head(self, table: str, row_id: str, field: str, head: Head) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO sync_heads (tbl, row_id, field, hlc, laptop, value, actor) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (table, row_id, field, head.version[0], head.version[1], head.value, head.actor))

    def remove_head(self, table: str, row_id: str, field: str, version: Version) -> None:
        self._conn.execute(
            "DELETE FROM sync_heads WHERE tbl = ? AND row_id = ? AND field = ? AND hlc = ? "
            "AND laptop = ?", (table, row_id, field, version[0], version[1]))

    def forget_row(self, table: str, row_id: str) -> None:
        """A row was deleted: its waiting values and conflicts go too."""
        self._conn.execute("DELETE FROM sync_heads WHERE tbl = ? AND row_id = ?",
                           (table, row_id))
        self._conn.execute("DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ?",
                           (table, row_id))

    def forget_deleted_rows(self) -> None:
        """Drop the waiting values and conflicts of rows no longer here (deleted with their
        parent by a cascade, which no trigger records while a bundle is applied)."""
        for (table,) in self._conn.execute("SELECT DISTINCT tbl FROM sync_heads").fetchall():
            spec = BY_TABLE[table]
            missing = (f"NOT EXISTS (SELECT 1 FROM {table} AS t WHERE "
                       f"{spec.row_id('t')} = row_id)")
            self._conn.execute(f"DELETE FROM sync_heads WHERE tbl = ? AND {missing}", (table,))
            self._conn.execute(f"DELETE FROM sync_conflicts WHERE tbl = ? AND {missing}",
                               (table,))

    def open_conflict(self, spec: Replicated, row_id: str, field: str, found_at: str) -> bool:
        """List a conflict on this field (once); True if it was not listed before."""
        case = spec.case.format(r="t")
        cursor = self._conn.execute(
            f"INSERT INTO sync_conflicts (tbl, row_id, field, survivor_id, found_at) "
            f"SELECT ?, ?, ?, {case}, ? FROM {spec.table} AS t WHERE "
            f"{' AND '.join(f't.{k} = ?' for k in spec.key)} ON CONFLICT DO NOTHING",
            (spec.table, row_id, field, found_at, *_key(spec, row_id)))
        return int(cursor.rowcount) > 0

    def close_conflict(self, table: str, row_id: str, field: str) -> None:
        self._conn.execute("DELETE FROM sync_conflicts WHERE tbl = ? AND row_id = ? "
                           "AND field = ?", (table, row_id, field))

    def conflicts(self) -> list[Conflict]:
        rows = self._conn.execute(
            "SELECT tbl, row_id, field, survivor_id, found_at FROM sync_conflicts "
            "ORDER BY found_at, tbl, row_id, field")
        return [Conflict(*r) for r in rows]

    def conflict_count(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM sync_conflicts").fetchone()[0])

    # -- comparing laptops ----------------------------------------------------------------------

    def digest(self) -> str:
        """A hash of every replicated row's replicated columns: equal on laptops that hold
        the same records (local integer keys and row order do not count)."""
        digest = hashlib.sha256()
        for spec in REPLICATED:
            columns = [c for c in (*spec.key, *spec.columns) if c in self.columns(spec)]
            rows = sorted(json.dumps([_comparable(v) for v in row]) for row in
                          self._conn.execute(f"SELECT {', '.join(columns)} FROM {spec.table}"))
            digest.update(f"{spec.table}\n{len(rows)}\n".encode())
            for row in rows:
                digest.update(row.encode() + b"\n")
        return digest.hexdigest()
