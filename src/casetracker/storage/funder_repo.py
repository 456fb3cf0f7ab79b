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
    SELECT id, '', 0 FROM survivors WHERE intake_date {_SPAN}
    UNION ALL SELECT survivor_id, kind, 1 FROM service_contacts WHERE delivered_on {_SPAN}
    UNION ALL SELECT g.survivor_id, :checkin, 1 FROM checkins c JOIN goals g ON g.id = c.goal_id
        WHERE c.checked_on {_SPAN}
    UNION ALL SELECT a.survivor_id, :attendance, 1 FROM workshop_attendance a
        JOIN workshops w ON w.id = a.workshop_id WHERE a.attended = 1 AND w.held_on {_SPAN}
    UNION ALL SELECT survivor_id, '', 0 FROM notes WHERE written_on {_SPAN}
        AND contact_type IN {{reached}}
    UNION ALL SELECT survivor_id, '', 0 FROM placement_steps WHERE on_date {_SPAN}
"""
_HOSTING = (Stage.INTERVIEW, Stage.INTERNSHIP, Stage.APPRENTICESHIP, Stage.OFFER, Stage.PLACED)


class FunderRepository:
    def __init__(self, conn: Connection) -> None:
        self._conn = conn

    def figures(self, period: ReportingPeriod) -> FunderFigures:
        params = {"start": period.start.isoformat(), "end": period.end.isoformat(),
                  "checkin": COUNTED_FROM["checkins"].value,
                  "attendance": COUNTED_FROM["workshop_attendance"].value}
        # Every type ever recorded, so that each period's figures have the same names.
        recorded = [r[0] for r in self._conn.execute(
            "SELECT DISTINCT kind FROM service_contacts")]
        people: dict[str, set[str]] = {k: set() for k in kinds_in_order(recorded)}
        contacts: Counter[str] = Counter()
        served: set[str] = set()
        for survivor_id, kind, is_service in self._conn.execute(
                _SERVED.format(reached=reached_contacts()), params):
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
                "LEFT JOIN survivor_sensitive t ON t.survivor_id = s.id"):
            if survivor_id not in served:
                continue
            genders[Gender(gender)] += 1
            intake_day = date.fromisoformat(intake)
            new += period.start <= intake_day <= period.end
            ages[age_group(date.fromisoformat(born) if born else None, intake_day)] += 1
            trafficking[TraffickingType(kind)] += 1
        steps = dict(self._conn.execute(
            "SELECT stage, count(DISTINCT survivor_id) FROM placement_steps "
            f"WHERE on_date {_SPAN} GROUP BY stage", params).fetchall())
        hosting = ", ".join(f"'{s.value}'" for s in _HOSTING)
        industries = dict(self._conn.execute(
            "SELECT e.industry, count(DISTINCT e.id) FROM placement_steps p "
            f"JOIN employers e ON e.id = p.employer_id WHERE p.on_date {_SPAN} "
            f"AND p.stage IN ({hosting}) GROUP BY e.industry", params).fetchall())
        completed = int(self._conn.execute(
            "SELECT count(DISTINCT survivor_id) FROM apprenticeships "
            f"WHERE outcome = :completed AND ended_on {_SPAN}",
            {**params, "completed": Outcome.COMPLETED.value}).fetchone()[0])
        return FunderFigures(
            period, len(served), new, dict(ages), dict(trafficking),
            {t: len(p) for t, p in people.items()}, dict(contacts),
            int(steps.get(Stage.INTERNSHIP.value, 0)), int(steps.get(Stage.PLACED.value, 0)),
            {days: int(steps.get(f"retained_{days}", 0)) for days in (30, 60, 90)},
            {Industry(i): int(n) for i, n in industries.items()}, dict(genders),
            int(steps.get(Stage.APPRENTICESHIP.value, 0)), completed)
