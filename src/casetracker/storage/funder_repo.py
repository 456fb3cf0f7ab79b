"""The counts behind the funder report, read for one period (`domain.funder_report`)."""

from __future__ import annotations

from collections import Counter
from datetime import date

from casetracker.domain.apprenticeships import Outcome
from casetracker.domain.employment import Industry, Stage
from casetracker.domain.funder_report import FunderFigures, age_group
from casetracker.domain.reports import ReportingPeriod
from casetracker.domain.service_log import COUNTED_FROM, kinds_in_order
from casetracker.domain.survivors import Gender, TraffickingType
from casetracker.storage.connection import Connection
from casetracker.storage.rules_sql import reached_contacts

_SPAN = "BETWEEN :start AND :end"
# Who was served, and with what: (survivor, service type or '' for what counts as being
# served but is no service of its own: intake, a note, a placement step).
_SERVED = f"""
    SELECT id AS who, '' AS kind, 0 AS is_service FROM survivors WHERE intake_date {_SPAN}
    UNION ALL SELECT survivor_id, kind, 1 FROM service_contacts WHERE delivered_on {_SPAN}
    UNION ALL SELECT g.survivor_id, :checkin, 1 FROM checkins c JOIN goals g ON g.id = c.goal_id
        WHERE c.checked_on {_SPAN}
    UNION ALL SELECT a.survivor_id, :attendance, 1 FROM workshop_attendance a
        JOIN workshops w ON w.id = a.workshop_id WHERE a.attended = 1 AND w.held_on {_SPAN}
    UNION ALL SELECT survivor_id, '', 0 FROM notes WHERE written_on {_SPAN}
        AND contact_type IN {{reached}}
    UNION ALL SELECT survivor_id, '', 0 FROM placement_steps WHERE on_date {_SPAN}
"""
# Every day something counted happened with one survivor (`FunderRepository.days`).
_DAYS = """
    SELECT intake_date FROM survivors WHERE id = :who
    UNION SELECT delivered_on FROM service_contacts WHERE survivor_id = :who
    UNION SELECT c.checked_on FROM checkins c JOIN goals g ON g.id = c.goal_id
        WHERE g.survivor_id = :who
    UNION SELECT w.held_on FROM workshop_attendance a JOIN workshops w ON w.id = a.workshop_id
        WHERE a.attended = 1 AND a.survivor_id = :who
    UNION SELECT written_on FROM notes WHERE survivor_id = :who AND contact_type IN {reached}
    UNION SELECT on_date FROM placement_steps WHERE survivor_id = :who
    UNION SELECT ended_on FROM apprenticeships WHERE survivor_id = :who AND ended_on IS NOT NULL
"""
_HOSTING = (Stage.INTERVIEW, Stage.INTERNSHIP, Stage.APPRENTICESHIP, Stage.OFFER, Stage.PLACED)


class FunderRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def figures(self, period: ReportingPeriod, who: str | None = None) -> FunderFigures:
        """The period's counts over everyone here, or over one survivor (`who`: what that
        survivor adds to them, which a purge keeps)."""
        params = {"start": period.start.isoformat(), "end": period.end.isoformat(),
                  "checkin": COUNTED_FROM["checkins"].value,
                  "attendance": COUNTED_FROM["workshop_attendance"].value, "who": who}
        one = "" if who is None else " AND survivor_id = :who"
        # Every type ever recorded, so that each period's figures have the same names.
        recorded = [] if who is not None else [r[0] for r in self._conn.execute(
            "SELECT DISTINCT kind FROM service_contacts")]
        people: dict[str, set[str]] = {k: set() for k in kinds_in_order(recorded)} \
            if who is None else {}
        contacts: Counter[str] = Counter()
        served: set[str] = set()
        served_sql = _SERVED.format(reached=reached_contacts())
        if who is not None:
            served_sql = f"SELECT who, kind, is_service FROM ({served_sql}) WHERE who = :who"
        for survivor_id, kind, is_service in self._conn.execute(served_sql, params):
            served.add(survivor_id)
            if is_service:
                people.setdefault(kind, set()).add(survivor_id)
                contacts[kind] += 1
        new = 0
        ages: Counter[str] = Counter()
        trafficking: Counter[TraffickingType] = Counter()
        genders: Counter[Gender] = Counter()
        for survivor_id, intake, born, kind, gender in self._conn.execute(
                "SELECT s.id, s.intake_date, s.date_of_birth, "
                "coalesce(t.trafficking_type, ''), s.gender FROM survivors s "
                "LEFT JOIN survivor_sensitive t ON t.survivor_id = s.id"
                + ("" if who is None else " WHERE s.id = :who"), params):
            if survivor_id not in served:
                continue
            genders[Gender(gender)] += 1
            intake_day = date.fromisoformat(intake)
            new += period.start <= intake_day <= period.end
            ages[age_group(date.fromisoformat(born) if born else None, intake_day)] += 1
            trafficking[TraffickingType(kind)] += 1
        steps = dict(self._conn.execute(
            "SELECT stage, count(DISTINCT survivor_id) FROM placement_steps "
            f"WHERE on_date {_SPAN}{one} GROUP BY stage", params).fetchall())
        industries = Counter(self.hosts(period, who).values())
        completed = int(self._conn.execute(
            "SELECT count(DISTINCT survivor_id) FROM apprenticeships "
            f"WHERE outcome = :completed AND ended_on {_SPAN}{one}",
            {**params, "completed": Outcome.COMPLETED.value}).fetchone()[0])
        return FunderFigures(
            period, len(served), new, dict(ages), dict(trafficking),
            {t: len(p) for t, p in people.items()}, dict(contacts),
            int(steps.get(Stage.INTERNSHIP.value, 0)), int(steps.get(Stage.PLACED.value, 0)),
            {days: int(steps.get(f"retained_{days}", 0)) for days in (30, 60, 90)},
            dict(industries), dict(genders),
            int(steps.get(Stage.APPRENTICESHIP.value, 0)), completed)

    def hosts(self, period: ReportingPeriod, who: str | None = None) -> dict[str, Industry]:
        """The employers where someone (or the survivor `who`) interviewed, interned, was an
        apprentice or was hired in the period: employer id -> its industry."""
        hosting = ", ".join(f"'{s.value}'" for s in _HOSTING)
        one = "" if who is None else " AND p.survivor_id = :who"
        return {str(r[0]): Industry(r[1]) for r in self._conn.execute(
            "SELECT DISTINCT e.id, e.industry FROM placement_steps p "
            f"JOIN employers e ON e.id = p.employer_id WHERE p.on_date {_SPAN} "
            f"AND p.stage IN ({hosting}){one}",
            {"start": period.start.isoformat(), "end": period.end.isoformat(), "who": who})}

    def days(self, who: str) -> set[date]:
        """Every day something the report counts happened with this survivor."""
        return {date.fromisoformat(r[0][:10]) for r in self._conn.execute(
            _DAYS.format(reached=reached_contacts()), {"who": who}) if r[0]}
