"""The funder report: who was served in one reporting period and with what, in counts only.

Definitions (the report prints them, so that a funder reads the same thing we count):
- A survivor was *served* in the period if anything was done with them in it: their intake, a
  recorded service, a check-in on a goal, a workshop they attended, a case note of a contact
  that reached them, or a step of their placement.
- *New* survivors came in (intake) during the period; the others served are *continuing*. An
  intake has one day, so a survivor is new in one period of a fiscal year only.
- *Adult* or *minor* is their age on the day of intake; without a date of birth, "age not
  recorded".
- *Services* count people (each survivor once per type) and contacts (every service). Check-ins
  count as case management and workshop attendance as employment readiness
  (`service_log.COUNTED_FROM`), so nobody types them twice.
- *Employers* are those where a survivor interviewed, interned or was hired in the period, by
  industry; maritime, aviation and warehousing/logistics are also shown together as port-related.

Small counts are suppressed as in the outcome report (`domain.reports`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from casetracker.domain.employment import Industry
from casetracker.domain.reports import ReportingPeriod
from casetracker.domain.service_log import ServiceType
from casetracker.domain.survivors import TraffickingType

ADULT_AGE = 18
PORT_RELATED = (Industry.MARITIME, Industry.AVIATION, Industry.WAREHOUSE_LOGISTICS)

TRAFFICKING_LABELS: dict[TraffickingType, str] = {
    TraffickingType.SEX: "Sex trafficking",
    TraffickingType.LABOR: "Labor trafficking",
    TraffickingType.LABOR_AND_SEX: "Both sex and labor trafficking",
    TraffickingType.AT_RISK: "At risk (not identified as trafficked)",
    TraffickingType.UNKNOWN: "Not recorded",
}
INDUSTRY_LABELS: dict[Industry, str] = {
    Industry.HOSPITALITY: "Hospitality", Industry.AVIATION: "Aviation",
    Industry.MARITIME: "Maritime", Industry.RETAIL: "Retail",
    Industry.WAREHOUSE_LOGISTICS: "Warehousing and logistics", Industry.LEGAL: "Legal",
    Industry.HEALTHCARE: "Health care", Industry.OTHER: "Other",
}


def age_on(born: date, day: date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_group(born: date | None, intake: date) -> str:
    """'adult', 'minor' or 'unknown', by the age on the day of intake."""
    if born is None:
        return "unknown"
    return "adult" if age_on(born, intake) >= ADULT_AGE else "minor"


@dataclass(frozen=True, slots=True)
class FunderFigures:
    """The counts behind one funder report (not yet suppressed)."""

    period: ReportingPeriod
    served: int
    new: int
    age_groups: dict[str, int]  # adult, minor, unknown: of those served
    trafficking: dict[TraffickingType, int]  # of those served
    service_people: dict[ServiceType, int]
    service_contacts: dict[ServiceType, int]
    internships_started: int
    placed: int
    retained: dict[int, int]  # 30/60/90 days -> people
    employers_by_industry: dict[Industry, int] = field(default_factory=dict)

    @property
    def continuing(self) -> int:
        return self.served - self.new

    @property
    def port_related(self) -> int:
        return sum(self.employers_by_industry.get(i, 0) for i in PORT_RELATED)
