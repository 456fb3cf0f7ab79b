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

    def revoke(self, laptop_id: str, at: str, by: str) -> None:
        self._conn.execute("UPDATE team_laptops SET revoked_at = ?, revoked_by = ? "
                           "WHERE id = ? AND revoked_at IS NULL", (at, by, laptop_id))
