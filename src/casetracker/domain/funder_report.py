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
- *Gender* is as the survivor gave it (optional): each choice, self-described ones together
  (their words are never printed), and "not recorded".
- *Apprenticeships* (pre- and registered) count people who started one in the period, and
  people whose apprenticeship was completed in it.
- *Employers* are those where a survivor interviewed, interned, was an apprentice or was hired
  in the period, by industry; maritime, aviation and warehousing/logistics are also shown
  together as port-related.

Small counts are suppressed as in the outcome report (`domain.reports`).
"""

from __future__ import annotations

from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date

from casetracker.domain.employment import Industry
from casetracker.domain.reports import (
    SMALL,
    ReportingPeriod,
    suppress_chain,
    suppress_partition,
)
from casetracker.domain.service_log import kinds_in_order
from casetracker.domain.survivors import GENDER_LABELS, Gender, TraffickingType

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
    service_people: dict[str, int]  # by kind: `ServiceType` values, then added types
    service_contacts: dict[str, int]
    internships_started: int
    placed: int
    retained: dict[int, int]  # 30/60/90 days -> people
    employers_by_industry: dict[Industry, int] = field(default_factory=dict)
    genders: dict[Gender, int] = field(default_factory=dict)  # of those served
    apprenticeships_started: int = 0
    apprenticeships_completed: int = 0

    @property
    def continuing(self) -> int:
        return self.served - self.new

    @property
    def port_related(self) -> int:
        return sum(self.employers_by_industry.get(i, 0) for i in PORT_RELATED)


# -- the figures by name, and which to withhold ------------------------------------------------

AGE_GROUPS = ("adult", "minor", "unknown")
TRAFFICKING_ORDER = (TraffickingType.SEX, TraffickingType.LABOR, TraffickingType.LABOR_AND_SEX,
                     TraffickingType.AT_RISK, TraffickingType.UNKNOWN)
GENDER_ORDER = (Gender.WOMAN, Gender.MAN, Gender.TRANSGENDER, Gender.NON_BINARY,
                Gender.SELF_DESCRIBED, Gender.DECLINED, Gender.NOT_RECORDED)
GENDER_REPORT_LABELS = {g: GENDER_LABELS[g] for g in GENDER_ORDER} | {
    Gender.SELF_DESCRIBED: "Self-described (in their own words)"}
_PLACED_CHAIN = ("placed", "retained_30", "retained_60", "retained_90")


def gender_key(gender: Gender) -> str:
    return f"gender:{gender.value or 'not_recorded'}"
def service_kinds(figures: FunderFigures) -> list[str]:
    """The service types the report lists: the built-in ones, then those added that were
    ever recorded."""
    return kinds_in_order([*figures.service_people, *figures.service_contacts])


def measures(figures: FunderFigures) -> dict[str, int]:
    """Every figure of the report by a name of its own (`hidden_across_periods` compares
    them between a period and the shorter periods inside it)."""
    flat = {"served": figures.served, "new": figures.new, "continuing": figures.continuing,
            "internships": figures.internships_started, "placed": figures.placed,
            "port_related": figures.port_related,
            "employers": sum(figures.employers_by_industry.values())}
    flat |= {f"retained_{d}": figures.retained.get(d, 0) for d in (30, 60, 90)}
    flat |= {f"age:{g}": figures.age_groups.get(g, 0) for g in AGE_GROUPS}
    flat |= {f"trafficking:{t.value}": figures.trafficking.get(t, 0) for t in TRAFFICKING_ORDER}
    flat |= {gender_key(g): figures.genders.get(g, 0) for g in GENDER_ORDER}
    flat |= {"apprenticeships": figures.apprenticeships_started,
             "apprenticeships_completed": figures.apprenticeships_completed}
    kinds = service_kinds(figures)
    flat |= {f"people:{k}": figures.service_people.get(k, 0) for k in kinds}
    flat |= {f"contacts:{k}": figures.service_contacts.get(k, 0) for k in kinds}
    flat |= {f"industry:{i.value}": figures.employers_by_industry.get(i, 0) for i in Industry}
    return flat


def suppress_funder(found: Mapping[str, int], forced: AbstractSet[str]) -> frozenset[str]:
    """The figures of one funder report to withhold: small counts, those `forced` (withheld
    because of the shorter periods inside), and whatever would let either be worked out by
    subtraction within the report."""
    hidden = {k for k, v in found.items() if 0 < v < SMALL} | set(forced)

    def partition(total: str, parts: list[str]) -> None:
        if total in hidden:  # the parts add up to it: none may show it
            hidden.update(p for p in parts if found[p] > 0)
            return
        flags = suppress_partition([found[p] for p in parts], found[total],
                                   [p in hidden for p in parts])
        hidden.update(p for p, h in zip(parts, flags, strict=True) if h)

    partition("served", ["new", "continuing"])
    partition("served", [f"age:{g}" for g in AGE_GROUPS])
    partition("served", [f"trafficking:{t.value}" for t in TRAFFICKING_ORDER])
    partition("served", [gender_key(g) for g in GENDER_ORDER])
    partition("employers", [f"industry:{i.value}" for i in Industry])
    if {f"industry:{i.value}" for i in PORT_RELATED} & hidden:
        hidden.add("port_related")
    flags = suppress_chain([found[n] for n in _PLACED_CHAIN], [n in hidden for n in _PLACED_CHAIN])
    hidden.update(n for n, h in zip(_PLACED_CHAIN, flags, strict=True) if h)
    kinds = [k.removeprefix("people:") for k in found if k.startswith("people:")]
    for kind in kinds:  # a small number of contacts tells as much as few people
        pair = (f"people:{kind}", f"contacts:{kind}")
        if hidden & set(pair):
            hidden.update(pair)
    return frozenset(hidden)


# -- what purged cases leave behind -----------------------------------------------------------
#
# A purge keeps each survivor's share of every figure, per reporting period, in `kept_figures`
# under names starting `funder:` (no name, no case number, no date finer than the period), and
# the report adds them back, so that a past period's report prints the same after a purge.
# Most figures count people or contacts, so what one person added is simply added back. Two
# are not sums over people:
# - *Continuing* is served minus new, and each person's served and new are kept, so it follows.
# - *Employers* count each employer once however many people it hosted, so a sum over people
#   would count an employer twice once a second person it hosted is purged, or once more when
#   someone still here was hosted there too. So for each employer that hosted a purged
#   survivor, the period keeps which employer it was and its industry
#   (`host:<employer id>:<industry>`, one row per period however many purged people it hosted,
#   so no count of people at one employer is kept): an employer is not a person, and without
#   it the distinct count cannot be redone. The report counts the employers hosting someone
#   still here together with those kept, each once (its industry as now, if it is still here).
# A partial purge that removes sensitive details changes what a survivor still here counts as
# (their kind of trafficking becomes "not recorded"), so it keeps the difference: +1 for what
# it was, -1 for "not recorded" in each period they were served. Scans count in no figure.

KEPT_PREFIX = "funder:"
HOST_PREFIX = "host:"
_DERIVED = frozenset({"continuing", "port_related", "employers"})


def contribution(figures: FunderFigures, hosts: Mapping[str, Industry]) -> dict[str, int]:
    """One survivor's share of a period's figures (their `figures` and the employers that
    hosted them, from `FunderRepository(...).figures(period, who)`), by measure name."""
    flat = {k: v for k, v in measures(figures).items()
            if v and k not in _DERIVED and not k.startswith("industry:")}
    return flat | {f"{HOST_PREFIX}{employer}:{industry.value}": 1
                   for employer, industry in hosts.items()}


def kept_kinds(kept_measures: AbstractSet[str]) -> set[str]:
    """The service types named by kept figures (of any period)."""
    return {m.split(":", 1)[1] for m in kept_measures if m.startswith(("people:", "contacts:"))}


def add_kept(figures: FunderFigures, kept: Mapping[str, int], hosts: Mapping[str, Industry],
             kinds: AbstractSet[str] = frozenset()) -> FunderFigures:
    """The figures of the people still here (`figures`, `hosts` the employers hosting them)
    plus what purged ones left (`kept`, the period's kept measures without their prefix);
    `kinds` are the service types any kept figure names, so every period lists the same."""

    def plus(live: Mapping[str, int], prefix: str, keys: list[str]) -> dict[str, int]:
        merged = {k: live.get(k, 0) + kept.get(prefix + k, 0) for k in keys}
        return {k: v for k, v in merged.items() if v}

    every_host = {employer: Industry(industry) for employer, _, industry in (
        m.removeprefix(HOST_PREFIX).partition(":") for m, n in kept.items()
        if m.startswith(HOST_PREFIX) and n > 0)}
    every_host |= hosts
    industries: dict[Industry, int] = {}
    for industry in every_host.values():
        industries[industry] = industries.get(industry, 0) + 1
    all_kinds = kinds_in_order([*figures.service_people, *figures.service_contacts, *kinds,
                                *kept_kinds(set(kept))])
    people = {k: figures.service_people.get(k, 0) + kept.get(f"people:{k}", 0)
              for k in all_kinds}
    ages = plus(figures.age_groups, "age:", list(AGE_GROUPS))
    trafficking = plus({t.value: n for t, n in figures.trafficking.items()}, "trafficking:",
                       [t.value for t in TRAFFICKING_ORDER])
    genders = {g: figures.genders.get(g, 0) + kept.get(gender_key(g), 0) for g in GENDER_ORDER}
    return FunderFigures(
        figures.period, figures.served + kept.get("served", 0), figures.new + kept.get("new", 0),
        ages, {TraffickingType(t): n for t, n in trafficking.items()}, people,
        plus(figures.service_contacts, "contacts:", all_kinds),
        figures.internships_started + kept.get("internships", 0),
        figures.placed + kept.get("placed", 0),
        {d: figures.retained.get(d, 0) + kept.get(f"retained_{d}", 0) for d in (30, 60, 90)},
        industries, {g: n for g, n in genders.items() if n},
        figures.apprenticeships_started + kept.get("apprenticeships", 0),
        figures.apprenticeships_completed + kept.get("apprenticeships_completed", 0))
