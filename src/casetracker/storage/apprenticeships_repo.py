"""Apprenticeships, the employer's people at a placement, and coaching contacts."""

from __future__ import annotations

from datetime import date
from typing import Any

from casetracker.domain.apprenticeships import (
    Apprenticeship,
    CoachingContact,
    CoachingTopic,
    Outcome,
    PlacementPeople,
)
from casetracker.domain.employment import ApprenticeshipTrack
from casetracker.storage.codec import to_date, to_text
from casetracker.storage.connection import Connection

_APPRENTICESHIP = ("step_id, survivor_id, employer_id, position_id, track, starts_on, ends_on, "
                   "outcome, ended_on, end_reason, updated_at")
_PEOPLE = ("step_id, survivor_id, employer_id, supervisor, supervisor_contact, mentor, "
           "mentor_contact, updated_at")
_COACHING = ("id, step_id, survivor_id, employer_id, contacted_on, with_whom, topic, note, "
             "recorded_by, created_at")


def _apprenticeship(r: Any) -> Apprenticeship:
    return Apprenticeship(r[0], r[1], r[2], r[3], ApprenticeshipTrack(r[4]),
                          date.fromisoformat(r[5]), date.fromisoformat(r[6]), Outcome(r[7]),
                          to_date(r[8]), r[9], r[10])


class ApprenticeshipRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, a: Apprenticeship) -> None:
        self._conn.execute(
            f"INSERT INTO apprenticeships ({_APPRENTICESHIP}) VALUES ({', '.join('?' * 11)}) "
            "ON CONFLICT (step_id) DO UPDATE SET ends_on = excluded.ends_on, "
            "outcome = excluded.outcome, ended_on = excluded.ended_on, "
            "end_reason = excluded.end_reason, updated_at = excluded.updated_at",
            (a.step_id, a.survivor_id, a.employer_id, a.position_id, a.track.value,
             a.starts_on.isoformat(), a.ends_on.isoformat(), a.outcome.value,
             to_text(a.ended_on), a.end_reason, a.updated_at))

    def for_survivor(self, survivor_id: str) -> list[Apprenticeship]:
        """Newest first."""
        rows = self._conn.execute(f"SELECT {_APPRENTICESHIP} FROM apprenticeships WHERE "
                                  "survivor_id = ? ORDER BY starts_on DESC, updated_at DESC",
                                  (survivor_id,))
        return [_apprenticeship(r) for r in rows]

    # -- the employer's people at a placement ---------------------------------------------------

    def save_people(self, p: PlacementPeople) -> None:
        self._conn.execute(
            f"INSERT INTO placement_people ({_PEOPLE}) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (step_id) DO UPDATE SET supervisor = excluded.supervisor, "
            "supervisor_contact = excluded.supervisor_contact, mentor = excluded.mentor, "
            "mentor_contact = excluded.mentor_contact, updated_at = excluded.updated_at",
            (p.step_id, p.survivor_id, p.employer_id, p.supervisor, p.supervisor_contact,
             p.mentor, p.mentor_contact, p.updated_at))

    def people(self, step_id: str) -> PlacementPeople | None:
        row = self._conn.execute(f"SELECT {_PEOPLE} FROM placement_people WHERE step_id = ?",
                                 (step_id,)).fetchone()
        return None if row is None else PlacementPeople(*row)

    # -- coaching contacts ----------------------------------------------------------------------

    def add_coaching(self, c: CoachingContact) -> None:
        self._conn.execute(
            f"INSERT INTO employer_coaching ({_COACHING}) VALUES ({', '.join('?' * 10)})",
            (c.id, c.step_id, c.survivor_id, c.employer_id, c.contacted_on.isoformat(),
             c.with_whom, c.topic.value, c.note, c.recorded_by, c.created_at))

    def coaching(self, step_id: str) -> list[CoachingContact]:
        """Oldest first."""
        rows = self._conn.execute(
            f"SELECT {_COACHING} FROM employer_coaching WHERE step_id = ? "
            "ORDER BY contacted_on, created_at", (step_id,))
        return [CoachingContact(r[0], r[1], r[2], r[3], date.fromisoformat(r[4]), r[5],
                                CoachingTopic(r[6]), r[7], r[8], r[9]) for r in rows]
