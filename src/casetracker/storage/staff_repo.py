"""Each account's display name and job title (kept in the `users` row, schema 12)."""

from __future__ import annotations

from casetracker.domain.accounts import StaffName
from casetracker.storage.connection import Connection


class StaffNameRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def get(self, account: str) -> StaffName | None:
        row = self._conn.execute(
            "SELECT name, display_name, job_title FROM users WHERE name = ?",
            (account,)).fetchone()
        return None if row is None else StaffName(str(row[0]), str(row[1]), str(row[2]))

    def all(self) -> list[StaffName]:
        rows = self._conn.execute(
            "SELECT name, display_name, job_title FROM users ORDER BY name COLLATE NOCASE")
        return [StaffName(str(r[0]), str(r[1]), str(r[2])) for r in rows]

    def set(self, account: str, display_name: str, job_title: str) -> None:
        self._conn.execute("UPDATE users SET display_name = ?, job_title = ? WHERE name = ?",
                           (display_name, job_title, account))
