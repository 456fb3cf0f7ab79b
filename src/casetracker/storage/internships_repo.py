"""Internships and their weekly check-ins."""

from __future__ import annotations

from datetime import date
from typing import Any

from casetracker.domain.internships import Internship, InternshipOutcome, InternshipWeek
from casetracker.storage.codec import to_date, to_text
from casetracker.storage.connection import Connection

_INTERNSHIP = ("step_id, survivor_id, employer_id, starts_on, ends_on, hours_per_week, "
               "hourly_wage_cents, employer_supervisor, employer_supervisor_contact, "
               "employer_mentor, employer_mentor_contact, outcome, ended_on, end_reason, "
               "updated_at")
_WEEK = "id, step_id, week_of, hours_worked, note, recorded_by, created_at"


def _internship(r: Any) -> Internship:
    return Internship(r[0], r[1], r[2], date.fromisoformat(r[3]), date.fromisoformat(r[4]),
                      r[5], r[6], r[7], r[8], r[9], r[10], InternshipOutcome(r[11]),
                      to_date(r[12]), r[13], r[14])


class InternshipRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, i: Internship) -> None:
        self._conn.execute(
            f"INSERT INTO internships ({_INTERNSHIP}) VALUES ({', '.join('?' * 15)}) "
            "ON CONFLICT (step_id) DO UPDATE SET starts_on = excluded.starts_on, "
            "ends_on = excluded.ends_on, hours_per_week = excluded.hours_per_week, "
            "hourly_wage_cents = excluded.hourly_wage_cents, "
            "employer_supervisor = excluded.employer_supervisor, "
            "employer_supervisor_contact = excluded.employer_supervisor_contact, "
            "employer_mentor = excluded.employer_mentor, "
            "employer_mentor_contact = excluded.employer_mentor_contact, "
            "outcome = excluded.outcome, ended_on = excluded.ended_on, "
            "end_reason = excluded.end_reason, updated_at = excluded.updated_at",
            (i.step_id, i.survivor_id, i.employer_id, i.starts_on.isoformat(),
             i.ends_on.isoformat(), i.hours_per_week, i.hourly_wage_cents,
             i.employer_supervisor, i.employer_supervisor_contact, i.employer_mentor,
             i.employer_mentor_contact, i.outcome.value, to_text(i.ended_on), i.end_reason,
             i.updated_at))

    def for_survivor(self, survivor_id: str) -> list[Internship]:
        """Newest first."""
        rows = self._conn.execute(f"SELECT {_INTERNSHIP} FROM internships WHERE "
                                  "survivor_id = ? ORDER BY starts_on DESC", (survivor_id,))
        return [_internship(r) for r in rows]

    def ending_by(self, last_day: date) -> list[Internship]:
        """Running internships that end on or before `last_day`, soonest first."""
        rows = self._conn.execute(
            f"SELECT {_INTERNSHIP} FROM internships WHERE outcome = '' AND ends_on <= ? "
            "ORDER BY ends_on", (last_day.isoformat(),))
        return [_internship(r) for r in rows]

    def save_week(self, w: InternshipWeek) -> None:
        self._conn.execute(
            f"INSERT INTO internship_weeks ({_WEEK}) VALUES (?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (step_id, week_of) DO UPDATE SET hours_worked = excluded.hours_worked, "
            "note = excluded.note, recorded_by = excluded.recorded_by",
            (w.id, w.step_id, w.week_of.isoformat(), w.hours_worked, w.note, w.recorded_by,
             w.created_at))

    def weeks(self, step_id: str) -> list[InternshipWeek]:
        rows = self._conn.execute(f"SELECT {_WEEK} FROM internship_weeks WHERE step_id = ? "
                                  "ORDER BY week_of", (step_id,))
        return [InternshipWeek(r[0], r[1], date.fromisoformat(r[2]), r[3], r[4], r[5], r[6])
                for r in rows]
