"""Rows of survivors, their sensitive details and their barriers."""

from __future__ import annotations

import json
from datetime import date
from typing import Any, ClassVar

from casetracker.domain.caseload import CaseloadRow
from casetracker.domain.survivors import (
    Availability,
    Barrier,
    BarrierKind,
    CaseStatus,
    Gender,
    SafeContact,
    SensitiveDetails,
    Survivor,
    TraffickingType,
    Transport,
    VacaturStatus,
)
from casetracker.storage import rules_sql
from casetracker.storage.codec import from_json_list, to_date, to_json_list, to_text
from casetracker.storage.connection import Connection
from casetracker.storage.employment_repo import step_order

_COLUMNS = (
    "id, case_number, preferred_name, legal_first_name, legal_last_name, date_of_birth, "
    "pronouns, primary_language, phone, email, address, ok_to_call, ok_to_text, "
    "ok_to_voicemail, safe_times, referral_source, intake_date, assigned_to, status, skills, "
    "hours_per_week, earliest_start, transport, accommodations, created_at, updated_at, "
    "gender, gender_self_described"
)


def _row(s: Survivor) -> tuple[Any, ...]:
    return (s.id, s.case_number, s.preferred_name, s.legal_first_name, s.legal_last_name,
            to_text(s.date_of_birth), s.pronouns, s.primary_language, s.phone, s.email,
            s.address, int(s.safe_contact.ok_to_call), int(s.safe_contact.ok_to_text),
            int(s.safe_contact.ok_to_leave_voicemail), s.safe_contact.safe_times,
            s.referral_source, s.intake_date.isoformat(), s.assigned_to, s.status.value,
            to_json_list(s.skills), s.availability.hours_per_week,
            to_text(s.availability.earliest_start), s.availability.transport.value,
            s.accommodations, s.created_at, s.updated_at, s.gender.value,
            s.gender_self_described)


def _survivor(r: tuple[Any, ...]) -> Survivor:
    intake = to_date(r[16])
    assert intake is not None
    return Survivor(
        id=r[0], case_number=r[1], preferred_name=r[2], legal_first_name=r[3],
        legal_last_name=r[4], date_of_birth=to_date(r[5]), pronouns=r[6],
        primary_language=r[7], phone=r[8], email=r[9], address=r[10],
        safe_contact=SafeContact(bool(r[11]), bool(r[12]), bool(r[13]), r[14]),
        referral_source=r[15], intake_date=intake, assigned_to=r[17],
        status=CaseStatus(r[18]), skills=from_json_list(r[19]),
        availability=Availability(r[20], to_date(r[21]), Transport(r[22])),
        accommodations=r[23], created_at=r[24], updated_at=r[25], gender=Gender(r[26]),
        gender_self_described=r[27])


class SurvivorRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def add(self, survivor: Survivor) -> None:
        self._conn.execute(
            f"INSERT INTO survivors ({_COLUMNS}) VALUES ({', '.join('?' * 28)})",
            _row(survivor))

    def update(self, survivor: Survivor) -> None:
        names = [c.strip() for c in _COLUMNS.split(",")][1:]
        self._conn.execute(
            f"UPDATE survivors SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
            (*_row(survivor)[1:], survivor.id))

    def by_case_number(self, case_number: str) -> Survivor | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM survivors WHERE case_number = ?",
                                 (case_number.strip(),)).fetchone()
        return None if row is None else _survivor(row)

    def by_id(self, survivor_id: str) -> Survivor | None:
        row = self._conn.execute(f"SELECT {_COLUMNS} FROM survivors WHERE id = ?",
                                 (survivor_id,)).fetchone()
        return None if row is None else _survivor(row)

    def by_ids(self, survivor_ids: list[str]) -> dict[str, Survivor]:
        """The survivors of `survivor_ids` that exist, by id, in one statement."""
        rows = self._conn.execute(
            f"SELECT {_COLUMNS} FROM survivors WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(survivor_ids),))
        return {survivor.id: survivor for survivor in map(_survivor, rows)}

    def case_numbers(self) -> set[str]:
        return {r[0].casefold() for r in self._conn.execute("SELECT case_number FROM survivors")}

    def count(self, *, assigned_to: str | None = None, status: str | None = None) -> int:
        where, params = _filters(assigned_to, status)
        return int(self._conn.execute(f"SELECT count(*) FROM survivors s {where}",
                                      params).fetchone()[0])

    SORT_KEYS: ClassVar[dict[str, str]] = {
        "case_number": "s.case_number COLLATE NOCASE",
        "preferred_name": "s.preferred_name COLLATE NOCASE",
        "status": "s.status",
        "stage": "stage",
        "next_milestone_due": "next_due IS NULL, next_due",
        "last_contact": "last_contact IS NULL, last_contact",
        "documents_outstanding": "outstanding",
    }

    def caseload(self, *, assigned_to: str | None = None, status: str | None = "active",
                 limit: int = 200, offset: int = 0, today: date, order_by: str = "case_number",
                 descending: bool = False, ids: list[str] | None = None,
                 track: tuple[str, ...] = ()) -> list[CaseloadRow]:
        """A page of caseload rows with their computed columns, in the order asked for;
        `track`: the readiness track's workshop topics (none: nobody is "ready to match")."""
        # With the rows named (a search's page), they are looked up by id: through the
        # caseload index the filter would read every case of the case manager first (2.2 s
        # for "Ma" at 500,000 survivors, 166,000 of them one case manager's).
        where, params = _filters(assigned_to, status, by_id=ids is not None)
        if ids is not None:
            where += (" AND " if where else "WHERE ") + (
                f"s.id IN ({', '.join('?' * len(ids))})" if ids else "0")
            params = (*params, *ids)
        order = self.SORT_KEYS[order_by]
        if descending:
            order = ", ".join(f"{part} DESC" for part in order.split(", "))
        # Reached contacts and outstanding documents as the domain defines them (rules_sql).
        rows = self._conn.execute(f"""
            SELECT s.id, s.case_number, s.preferred_name, s.status, s.assigned_to,
                (SELECT min(m.due_date) FROM milestones m JOIN goals g ON g.id = m.goal_id
                  WHERE g.survivor_id = s.id AND m.completed_on IS NULL
                    AND g.status = 'open') AS next_due,
                (SELECT max(n.written_on) FROM notes n WHERE n.survivor_id = s.id
                  AND n.contact_type IN {rules_sql.reached_contacts()}) AS last_contact,
                (SELECT count(*) FROM documents d WHERE d.survivor_id = s.id
                  AND {rules_sql.document_outstanding("d", "?")}) AS outstanding,
                coalesce((SELECT p.stage FROM placement_steps p WHERE p.survivor_id = s.id
                          ORDER BY {step_order("p", latest_first=True)} LIMIT 1),
                          'readiness') AS stage
            FROM survivors s {where}
            ORDER BY {order}, s.case_number COLLATE NOCASE
            LIMIT ? OFFSET ?""", (today.isoformat(), *params, limit, offset)).fetchall()
        ready = self._completed_track([r[0] for r in rows if r[8] == "readiness"], track)
        return [CaseloadRow(r[0], r[1], r[2], r[3], r[4], to_date(r[5]), to_date(r[6]),
                            int(r[7]), r[8], r[0] in ready) for r in rows]

    def _completed_track(self, survivor_ids: list[str], track: tuple[str, ...]) -> set[str]:
        """Which of these survivors completed every workshop topic of `track`."""
        if not track or not survivor_ids:
            return set()
        found: set[str] = set()
        for start in range(0, len(survivor_ids), 500):  # SQLite's limit on parameters
            chunk = survivor_ids[start:start + 500]
            rows = self._conn.execute(
                "SELECT a.survivor_id FROM workshop_attendance a JOIN workshops w "
                "ON w.id = a.workshop_id WHERE a.completed = 1 "
                f"AND a.survivor_id IN ({', '.join('?' * len(chunk))}) "
                f"AND w.topic IN ({', '.join('?' * len(track))}) "
                "GROUP BY a.survivor_id HAVING count(DISTINCT w.topic) = ?",
                (*chunk, *track, len(set(track))))
            found.update(r[0] for r in rows)
        return found

    def delete(self, survivor_id: str) -> None:
        self._conn.execute("DELETE FROM survivors WHERE id = ?", (survivor_id,))

    # -- sensitive details --------------------------------------------------------------------

    def sensitive(self, survivor_id: str) -> SensitiveDetails:
        row = self._conn.execute(
            "SELECT trafficking_type, history_notes, criminal_record_notes, vacatur_status, "
            "immigration_status, health_notes, safety_plan, updated_at "
            "FROM survivor_sensitive WHERE survivor_id = ?", (survivor_id,)).fetchone()
        if row is None:
            return SensitiveDetails(survivor_id)
        return SensitiveDetails(survivor_id, TraffickingType(row[0]), row[1], row[2],
                                VacaturStatus(row[3]), row[4], row[5], row[6], row[7])

    def save_sensitive(self, details: SensitiveDetails) -> None:
        self._conn.execute(
            "INSERT INTO survivor_sensitive (survivor_id, trafficking_type, history_notes, "
            "criminal_record_notes, vacatur_status, immigration_status, health_notes, "
            "safety_plan, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT (survivor_id) DO UPDATE SET trafficking_type = excluded.trafficking_type, "
            "history_notes = excluded.history_notes, "
            "criminal_record_notes = excluded.criminal_record_notes, "
            "vacatur_status = excluded.vacatur_status, "
            "immigration_status = excluded.immigration_status, "
            "health_notes = excluded.health_notes, safety_plan = excluded.safety_plan, "
            "updated_at = excluded.updated_at",
            (details.survivor_id, details.trafficking_type.value, details.history_notes,
             details.criminal_record_notes, details.vacatur_status.value,
             details.immigration_status, details.health_notes, details.safety_plan,
             details.updated_at))

    # -- barriers -----------------------------------------------------------------------------

    def barriers(self, survivor_id: str) -> list[Barrier]:
        return self._barriers("survivor_id = ? ORDER BY created_at", survivor_id)

    def barrier(self, barrier_id: str) -> Barrier | None:
        return next(iter(self._barriers("id = ?", barrier_id)), None)

    def _barriers(self, where: str, value: str) -> list[Barrier]:
        rows = self._conn.execute(
            "SELECT id, survivor_id, kind, description, resolved_on, created_at FROM barriers "
            f"WHERE {where}", (value,))
        return [Barrier(r[0], r[1], BarrierKind(r[2]), r[3], to_date(r[4]), r[5]) for r in rows]

    def save_barrier(self, barrier: Barrier) -> None:
        self._conn.execute(
            "INSERT INTO barriers (id, survivor_id, kind, description, resolved_on, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, "
            "description = excluded.description, resolved_on = excluded.resolved_on",
            (barrier.id, barrier.survivor_id, barrier.kind.value, barrier.description,
             to_text(barrier.resolved_on), barrier.created_at))


def _filters(assigned_to: str | None, status: str | None, *,
             by_id: bool = False) -> tuple[str, tuple[Any, ...]]:
    """The caseload's filters; `by_id`: checked on rows found by id (the unary plus keeps
    SQLite from reaching the rows through the filters' index instead)."""
    clauses, params = [], []
    plus = "+" if by_id else ""
    if assigned_to is not None:
        clauses.append(f"{plus}s.assigned_to = ?")
        params.append(assigned_to)
    if status is not None:
        clauses.append(f"{plus}s.status = ?")
        params.append(status)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", tuple(params)
