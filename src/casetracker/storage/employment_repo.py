"""Rows of employers, positions, workshops, attendance and placement steps."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from casetracker.domain.employment import (
    ApprenticeshipTrack,
    Attendance,
    Clearance,
    ClearanceDecision,
    Employer,
    Industry,
    PlacementStep,
    Position,
    PositionKind,
    Practice,
    Restriction,
    SelfAssessment,
    Shift,
    Stage,
    WageStep,
    Workshop,
    WorkshopTopic,
)
from casetracker.storage.codec import from_json_list, to_date, to_json_list, to_text
from casetracker.storage.connection import Connection

_EMPLOYER = ("id, name, industry, contact_name, contact_phone, contact_email, practices, "
             "restrictions, restriction_notes, created_at")
_POSITION = ("id, employer_id, kind, title, hours_per_week, hourly_wage_cents, start_date, "
             "weeks, paid, is_open, skills_wanted, created_at, track, term_months, sponsor, "
             "wage_steps, shift, location_area")
_STEP = ("id, survivor_id, stage, on_date, employer_id, position_id, hours_per_week, "
         "hourly_wage_cents, reason, recorded_by, created_at")


def _employer(r: tuple[Any, ...]) -> Employer:
    return Employer(r[0], r[1], Industry(r[2]), r[3], r[4], r[5],
                    frozenset(Practice(p) for p in json.loads(r[6])),
                    frozenset(Restriction(x) for x in json.loads(r[7])), r[8], r[9])


def _position(r: tuple[Any, ...]) -> Position:
    return Position(r[0], r[1], PositionKind(r[2]), r[3], int(r[4]), r[5], to_date(r[6]), r[7],
                    bool(r[8]), bool(r[9]), from_json_list(r[10]), r[11],
                    ApprenticeshipTrack(r[12]), r[13], r[14],
                    tuple(WageStep(int(m), int(c)) for m, c in json.loads(r[15])),
                    Shift(r[16]), r[17])


def _step(r: tuple[Any, ...]) -> PlacementStep:
    on = to_date(r[3])
    assert on is not None
    return PlacementStep(r[0], r[1], Stage(r[2]), on, r[4], r[5], r[6], r[7], r[8], r[9], r[10])


# Placement steps in the order they were recorded: by the program clock's time of recording,
# which travels with the step, so a step that arrives from another laptop takes its place by
# when it was made, not by when it arrived (`seq`, a local counter, only breaks ties).
def step_order(alias: str = "", *, latest_first: bool = False) -> str:
    """The ORDER BY terms of placement steps (`alias`: the table's alias in the query)."""
    way = " DESC" if latest_first else ""
    prefix = f"{alias}." if alias else ""
    return f"{prefix}created_at{way}, {prefix}seq{way}"


class EmploymentRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    @property
    def conn(self) -> Connection:
        return self._conn

    # -- employers ----------------------------------------------------------------------------

    def save_employer(self, e: Employer) -> None:
        self._conn.execute(
            f"INSERT INTO employers ({_EMPLOYER}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (id) DO UPDATE SET name = excluded.name, industry = excluded.industry, "
            "contact_name = excluded.contact_name, contact_phone = excluded.contact_phone, "
            "contact_email = excluded.contact_email, practices = excluded.practices, "
            "restrictions = excluded.restrictions, "
            "restriction_notes = excluded.restriction_notes",
            (e.id, e.name, e.industry.value, e.contact_name, e.contact_phone, e.contact_email,
             json.dumps(sorted(p.value for p in e.practices)),
             json.dumps(sorted(r.value for r in e.restrictions)), e.restriction_notes,
             e.created_at))

    def employers(self) -> list[Employer]:
        rows = self._conn.execute(f"SELECT {_EMPLOYER} FROM employers ORDER BY name")
        return [_employer(r) for r in rows]

    def employer(self, employer_id: str) -> Employer | None:
        row = self._conn.execute(f"SELECT {_EMPLOYER} FROM employers WHERE id = ?",
                                 (employer_id,)).fetchone()
        return None if row is None else _employer(row)

    def employer_by_name(self, name: str) -> Employer | None:
        row = self._conn.execute(f"SELECT {_EMPLOYER} FROM employers WHERE name = ?",
                                 (name.strip(),)).fetchone()
        return None if row is None else _employer(row)

    # -- self-assessments ---------------------------------------------------------------------

    def add_assessment(self, a: SelfAssessment) -> None:
        self._conn.execute(
            "INSERT INTO employer_assessments (id, employer_id, assessed_on, practices, note, "
            "recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (a.id, a.employer_id, a.assessed_on.isoformat(),
             json.dumps(sorted(p.value for p in a.practices)), a.note, a.recorded_by,
             a.created_at))

    def assessments(self, employer_id: str) -> list[SelfAssessment]:
        """One employer's self-assessments, newest first."""
        rows = self._conn.execute(
            "SELECT id, employer_id, assessed_on, practices, note, recorded_by, created_at "
            "FROM employer_assessments WHERE employer_id = ? "
            "ORDER BY assessed_on DESC, created_at DESC", (employer_id,))
        return [SelfAssessment(r[0], r[1], date.fromisoformat(r[2]),
                               frozenset(Practice(p) for p in json.loads(r[3])), r[4], r[5],
                               r[6]) for r in rows]

    def last_assessed(self) -> dict[str, date]:
        """Each employer's newest self-assessment date (employers without one are absent)."""
        rows = self._conn.execute(
            "SELECT employer_id, max(assessed_on) FROM employer_assessments "
            "GROUP BY employer_id")
        return {r[0]: date.fromisoformat(r[1]) for r in rows}

    # -- positions ----------------------------------------------------------------------------

    def save_position(self, p: Position) -> None:
        self._conn.execute(
            f"INSERT INTO positions ({_POSITION}) VALUES ({', '.join('?' * 18)}) "
            "ON CONFLICT (id) DO UPDATE SET title = excluded.title, "
            "hours_per_week = excluded.hours_per_week, "
            "hourly_wage_cents = excluded.hourly_wage_cents, start_date = excluded.start_date, "
            "weeks = excluded.weeks, paid = excluded.paid, is_open = excluded.is_open, "
            "skills_wanted = excluded.skills_wanted, track = excluded.track, "
            "term_months = excluded.term_months, sponsor = excluded.sponsor, "
            "wage_steps = excluded.wage_steps, shift = excluded.shift, "
            "location_area = excluded.location_area",
            (p.id, p.employer_id, p.kind.value, p.title, p.hours_per_week, p.hourly_wage_cents,
             to_text(p.start_date), p.weeks, int(p.paid), int(p.is_open),
             to_json_list(p.skills_wanted), p.created_at, p.track.value, p.term_months,
             p.sponsor, json.dumps([[w.after_months, w.hourly_wage_cents]
                                    for w in p.wage_steps]), p.shift.value, p.location_area))

    def positions(self, *, open_only: bool = False) -> list[Position]:
        where = "WHERE is_open = 1" if open_only else ""
        rows = self._conn.execute(
            f"SELECT {_POSITION} FROM positions {where} ORDER BY created_at")
        return [_position(r) for r in rows]

    def position(self, position_id: str) -> Position | None:
        row = self._conn.execute(f"SELECT {_POSITION} FROM positions WHERE id = ?",
                                 (position_id,)).fetchone()
        return None if row is None else _position(row)

    # -- workshops ----------------------------------------------------------------------------

    def add_workshop(self, w: Workshop) -> None:
        self._conn.execute(
            "INSERT INTO workshops (id, topic, held_on, facilitator, partner_organisation) "
            "VALUES (?, ?, ?, ?, ?)",
            (w.id, w.topic.value, w.held_on.isoformat(), w.facilitator, w.partner_organisation))

    def workshops(self) -> list[Workshop]:
        rows = self._conn.execute(
            "SELECT id, topic, held_on, facilitator, partner_organisation FROM workshops "
            "ORDER BY held_on DESC")
        return [Workshop(r[0], WorkshopTopic(r[1]), to_date(r[2]) or _never(), r[3], r[4])
                for r in rows]

    def workshop(self, workshop_id: str) -> Workshop | None:
        return next((w for w in self.workshops() if w.id == workshop_id), None)

    def delete_workshop(self, workshop_id: str) -> None:
        """The session and its attendance (undoing a session recorded by mistake)."""
        self._conn.execute("DELETE FROM workshop_attendance WHERE workshop_id = ?",
                           (workshop_id,))
        self._conn.execute("DELETE FROM workshops WHERE id = ?", (workshop_id,))

    def save_attendance(self, a: Attendance) -> None:
        self._conn.execute(
            "INSERT INTO workshop_attendance (workshop_id, survivor_id, attended, completed) "
            "VALUES (?, ?, ?, ?) ON CONFLICT (workshop_id, survivor_id) DO UPDATE SET "
            "attended = excluded.attended, completed = excluded.completed",
            (a.workshop_id, a.survivor_id, int(a.attended), int(a.completed)))

    def completed_topics(self, survivor_id: str) -> set[WorkshopTopic]:
        rows = self._conn.execute(
            "SELECT DISTINCT w.topic FROM workshop_attendance a JOIN workshops w "
            "ON w.id = a.workshop_id WHERE a.survivor_id = ? AND a.completed = 1",
            (survivor_id,))
        return {WorkshopTopic(r[0]) for r in rows}

    def attendance(self, workshop_id: str) -> list[Attendance]:
        rows = self._conn.execute(
            "SELECT workshop_id, survivor_id, attended, completed FROM workshop_attendance "
            "WHERE workshop_id = ?", (workshop_id,))
        return [Attendance(r[0], r[1], bool(r[2]), bool(r[3])) for r in rows]

    # -- placement ----------------------------------------------------------------------------

    def add_step(self, s: PlacementStep) -> None:
        self._conn.execute(
            f"INSERT INTO placement_steps ({_STEP}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (s.id, s.survivor_id, s.stage.value, s.on.isoformat(), s.employer_id,
             s.position_id, s.hours_per_week, s.hourly_wage_cents, s.reason, s.recorded_by,
             s.created_at))

    def steps(self, survivor_id: str) -> list[PlacementStep]:
        rows = self._conn.execute(
            f"SELECT {_STEP} FROM placement_steps WHERE survivor_id = ? ORDER BY {step_order()}",
            (survivor_id,))
        return [_step(r) for r in rows]

    def current_stages(self) -> dict[str, Stage]:
        """Every survivor's latest stage (survivors without steps are at readiness)."""
        rows = self._conn.execute(
            "SELECT survivor_id, stage FROM (SELECT survivor_id, stage, row_number() OVER "
            f"(PARTITION BY survivor_id ORDER BY {step_order(latest_first=True)}) AS n "
            "FROM placement_steps) WHERE n = 1")
        return {r[0]: Stage(r[1]) for r in rows}


class ClearanceRepository:
    """Case managers' clearances of survivors for employers with hiring restrictions."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def save(self, c: Clearance) -> None:
        self._conn.execute(
            "INSERT INTO restriction_clearances (survivor_id, employer_id, decision, reason, "
            "decided_on, decided_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (survivor_id, "
            "employer_id) DO UPDATE SET decision = excluded.decision, reason = "
            "excluded.reason, decided_on = excluded.decided_on, decided_by = "
            "excluded.decided_by",
            (c.survivor_id, c.employer_id, c.decision.value, c.reason, c.decided_on.isoformat(),
             c.decided_by))

    def remove(self, survivor_id: str, employer_id: str) -> None:
        self._conn.execute("DELETE FROM restriction_clearances WHERE survivor_id = ? AND "
                           "employer_id = ?", (survivor_id, employer_id))

    def of_survivor(self, survivor_id: str) -> list[Clearance]:
        return self._select("survivor_id = ?", survivor_id)

    def for_employer(self, employer_id: str) -> dict[str, Clearance]:
        """The decisions for one employer, by survivor id."""
        return {c.survivor_id: c for c in self._select("employer_id = ?", employer_id)}

    def _select(self, where: str, value: str) -> list[Clearance]:
        rows = self._conn.execute(
            "SELECT survivor_id, employer_id, decision, reason, decided_on, decided_by FROM "
            f"restriction_clearances WHERE {where}", (value,))
        return [Clearance(r[0], r[1], ClearanceDecision(r[2]), r[3],
                          date.fromisoformat(r[4]), r[5]) for r in rows]


def _never() -> Any:
    raise ValueError("a workshop without a date")
