"""Services delivered, by survivor and by period."""

from __future__ import annotations

from datetime import date
from typing import Any

from casetracker.domain.service_log import ServiceContact
from casetracker.storage.connection import Connection

_COLUMNS = "id, survivor_id, delivered_on, kind, minutes, note, recorded_by, created_at"


def _contact(row: Any) -> ServiceContact:
    return ServiceContact(row[0], row[1], date.fromisoformat(row[2]), str(row[3]),
                          row[4], row[5], row[6], row[7])


class ServiceLogRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, service: ServiceContact) -> None:
        self._conn.execute(
            f"INSERT INTO service_contacts ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (service.id, service.survivor_id, service.delivered_on.isoformat(),
             str(service.kind), service.minutes, service.note, service.recorded_by,
             service.created_at))

    def get(self, service_id: str) -> ServiceContact | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM service_contacts WHERE id = ?",
                                 (service_id,)).fetchone()
        return None if row is None else _contact(row)

    def delete(self, service_id: str) -> None:
        self._conn.execute("DELETE FROM service_contacts WHERE id = ?", (service_id,))

    def for_survivor(self, survivor_id: str) -> list[ServiceContact]:
        """Newest first."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM service_contacts WHERE survivor_id = ? "
            "ORDER BY delivered_on DESC, created_at DESC", (survivor_id,))
        return [_contact(r) for r in rows]
