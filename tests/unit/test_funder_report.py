"""The funder report (issue 21 §2): its figures against a count from scratch on random
caseloads, its suppression, and its files (CSV laid out for TIMS, PDF read back as text)."""

from __future__ import annotations

import csv
import io
import random
from collections import defaultdict
from datetime import date, timedelta

import pytest
from pypdf import PdfReader

from casetracker.domain import clock
from casetracker.domain.employment import (
    ApprenticeshipTrack,
    Industry,
    PositionKind,
    Stage,
    WorkshopTopic,
)
from casetracker.domain.errors import PermissionDeniedError, UsageError
from casetracker.domain.funder_report import age_group
from casetracker.domain.notes import REACHED, ContactType
from casetracker.domain.plans import GoalDomain
from casetracker.domain.reports import PeriodKind, ended_periods
from casetracker.domain.service_log import ServiceType, added_kind
from casetracker.domain.survivors import Gender, TraffickingType
from casetracker.export.funder_report import lines
from casetracker.services import (
    apprenticeships,
    employers,
    funder_report,
    notes,
    placement,
    plans,
    sensitive,
    service_log,
    settings,
    survivors,
)
from tests.conftest import Team

TODAY = clock.today()
PERIOD = ended_periods(PeriodKind.QUARTER, TODAY, 1)[0]
EMPLOYERS = {"Harbor Hotel": Industry.HOSPITALITY, "Bay Terminal": Industry.MARITIME,
             "Airport Services": Industry.AVIATION}


ADDED_TYPES = ("Child care", "Phone top-up")  # service types the program adds in Settings


class Truth:
    """What the test recorded, to count from scratch."""

    def __init__(self) -> None:
        self.intake: dict[str, date] = {}
        self.born: dict[str, date | None] = {}
        self.kind: dict[str, TraffickingType] = {}
        self.days: dict[str, list[date]] = defaultdict(list)  # everything done with them
        self.services: list[tuple[str, str, date]] = []  # kind: built-in or added
        self.steps: list[tuple[str, Stage, date, str | None]] = []
        self.gender: dict[str, Gender] = {}
        self.apprenticeships_ended: list[tuple[str, bool, date]] = []  # completed?

    def inside(self, day: date) -> bool:
        return PERIOD.start <= day <= PERIOD.end

    def served(self) -> set[str]:
        return {s for s, days in self.days.items() if any(self.inside(d) for d in days)}


def _day(rng: random.Random, after: date) -> date:
    last = min(PERIOD.end + timedelta(days=30), TODAY - timedelta(days=1))
    return after + timedelta(days=rng.randint(0, max(0, (last - after).days)))


def build(team: Team, seed: int) -> Truth:
    rng = random.Random(seed)  # noqa: S311 - test data, not secrets
    cm = team.case_manager
    truth = Truth()
    settings.update_settings(team.supervisor, service_types_added=ADDED_TYPES)
    kinds = [t.value for t in ServiceType] + [added_kind(n) for n in ADDED_TYPES]
    positions, apprentice = {}, {}
    for name, industry in EMPLOYERS.items():
        employers.add_employer(team.coordinator, name, industry)
        positions[name] = employers.add_position(team.coordinator, name, "Intern",
                                                 PositionKind.INTERNSHIP).id
        apprentice[name] = employers.add_position(
            team.coordinator, name, "Apprentice", PositionKind.APPRENTICESHIP,
            hourly_wage_cents=1600, track=rng.choice(
                [ApprenticeshipTrack.PRE, ApprenticeshipTrack.REGISTERED]),
            term_months=12, sponsor="Port Trades Council").id
    attendance: dict[date, list[str]] = defaultdict(list)
    for n in range(30):
        intake = PERIOD.start - timedelta(days=90) + timedelta(days=rng.randint(0, 140))
        intake = min(intake, TODAY - timedelta(days=1))
        born = rng.choice([None, intake - timedelta(days=rng.randint(13 * 365, 17 * 365)),
                           intake - timedelta(days=rng.randint(19 * 365, 50 * 365))])
        gender = rng.choice(list(Gender))
        case = survivors.create_survivor(cm, survivors.draft(
            f"F-{n}", f"Person {n}", intake_date=intake, date_of_birth=born, gender=gender,
            gender_self_described="Gendersecret" if gender is Gender.SELF_DESCRIBED else ""
        )).case_number
        truth.gender[case] = gender
        kind = rng.choice(list(TraffickingType))
        if kind is not TraffickingType.UNKNOWN:
            sensitive.update_sensitive(cm, case, trafficking_type=kind)
        truth.intake[case], truth.born[case], truth.kind[case] = intake, born, kind
        truth.days[case].append(intake)
        for _ in range(rng.randint(0, 4)):
            day, kind_of = _day(rng, intake), rng.choice(kinds)
            service_log.record(cm, case, kind_of, on=day, minutes=30)
            truth.services.append((case, kind_of, day))
            truth.days[case].append(day)
        if rng.random() < 0.5:
            goal = plans.add_goal(cm, case, domain=GoalDomain.EMPLOYMENT, specific="s",
                                  measurable="m", achievable="a", relevant="r",
                                  target_date=TODAY + timedelta(days=60))
            day = _day(rng, intake)
            plans.add_checkin(cm, goal.id, "called", day)
            truth.services.append((case, ServiceType.CASE_MANAGEMENT, day))
            truth.days[case].append(day)
        if rng.random() < 0.5:
            day, contact = _day(rng, intake), rng.choice(list(ContactType))
            notes.add_note(cm, case, "a note", contact, day)
            if contact in REACHED:
                truth.days[case].append(day)
        if rng.random() < 0.4:
            attendance[_day(rng, intake)].append(case)
        if rng.random() < 0.3:
            employer = rng.choice(list(EMPLOYERS))
            day = _day(rng, intake)
            for stage in (Stage.MATCHING, Stage.INTERVIEW, Stage.APPRENTICESHIP):
                placement.advance(cm, case, stage, on=day,
                                  position=apprentice[employer] if stage is not Stage.MATCHING
                                  else None)
                truth.steps.append((case, stage, day,
                                    None if stage is Stage.MATCHING else employer))
                truth.days[case].append(day)
            if rng.random() < 0.7:
                ended, completed = _day(rng, day), rng.random() < 0.7
                apprenticeships.finish(cm, case, completed=completed, on=ended,
                                       reason="" if completed else "moved away")
                truth.apprenticeships_ended.append((case, completed, ended))
        elif rng.random() < 0.5:
            employer = rng.choice(list(EMPLOYERS))
            day = _day(rng, intake)
            for stage in (Stage.MATCHING, Stage.INTERVIEW, Stage.INTERNSHIP, Stage.OFFER,
                          Stage.PLACED)[:rng.randint(1, 5)]:
                placement.advance(cm, case, stage, on=day,
                                  position=positions[employer] if stage is not Stage.MATCHING
                                  else None)
                truth.steps.append((case, stage, day,
                                    None if stage is Stage.MATCHING else employer))
                truth.days[case].append(day)
    for day, cases in attendance.items():
        placement.record_session(cm, WorkshopTopic.FEEDBACK, day,
                                 [placement.AttendanceEntry(c, True, False) for c in cases])
        for case in cases:
            truth.services.append((case, ServiceType.EMPLOYMENT_READINESS, day))
            truth.days[case].append(day)
    return truth


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_figures_match_a_count_from_scratch(team: Team, seed: int) -> None:
    truth = build(team, seed)
    found = funder_report.figures(team.supervisor, PERIOD.label)
    served = truth.served()
    assert found.served == len(served)
    assert found.new == sum(truth.inside(truth.intake[c]) for c in served)
    assert found.continuing == len(served) - found.new
    groups = [age_group(truth.born[c], truth.intake[c]) for c in served]
    assert found.age_groups == {g: groups.count(g) for g in set(groups)}
    kinds = [truth.kind[c] for c in served]
    assert found.trafficking == {k: kinds.count(k) for k in set(kinds)}
    for kind in [t.value for t in ServiceType] + [added_kind(n) for n in ADDED_TYPES]:
        given = [(c, d) for c, k, d in truth.services if k == kind and truth.inside(d)]
        assert found.service_contacts.get(kind, 0) == len(given), kind
        assert found.service_people.get(kind, 0) == len({c for c, _ in given}), kind
    genders = [truth.gender[c] for c in served]
    assert found.genders == {g: genders.count(g) for g in set(genders)}
    assert found.apprenticeships_completed == len(
        {c for c, completed, d in truth.apprenticeships_ended if completed and truth.inside(d)})
    for stage, got in ((Stage.INTERNSHIP, found.internships_started),
                       (Stage.APPRENTICESHIP, found.apprenticeships_started),
                       (Stage.PLACED, found.placed)):
        assert got == len({c for c, s, d, _ in truth.steps if s is stage and truth.inside(d)})
    hosts = {e for _c, s, d, e in truth.steps if e and truth.inside(d) and s in (
        Stage.INTERVIEW, Stage.INTERNSHIP, Stage.APPRENTICESHIP, Stage.OFFER, Stage.PLACED)}
    assert found.employers_by_industry == {
        industry: sum(EMPLOYERS[e] is industry for e in hosts)
        for industry in {EMPLOYERS[e] for e in hosts}}
    assert found.port_related == len(hosts - {"Harbor Hotel"})


def test_each_thing_done_with_someone_alone_makes_them_served(team: Team) -> None:
    """One survivor per way of being served, each with nothing else in the period; and two
    whose only contact did not reach them, or came after the period, who were not served."""
    cm = team.case_manager
    before, inside = PERIOD.start - timedelta(days=30), PERIOD.start + timedelta(days=3)
    position = employers.add_position(
        team.coordinator, employers.add_employer(team.coordinator, "Bay Terminal",
                                                 Industry.MARITIME).name,
        "Intern", PositionKind.INTERNSHIP).id

    def person(n: int, intake: date = before) -> str:
        return survivors.create_survivor(cm, survivors.draft(
            f"S-{n}", f"P{n}", intake_date=intake)).case_number

    person(1, inside)
    service_log.record(cm, person(2), ServiceType.TRANSPORTATION, on=inside)
    goal = plans.add_goal(cm, person(3), domain=GoalDomain.EMPLOYMENT, specific="s",
                          measurable="m", achievable="a", relevant="r",
                          target_date=TODAY + timedelta(days=60))
    plans.add_checkin(cm, goal.id, "called", inside)
    placement.record_session(cm, WorkshopTopic.FEEDBACK, inside,
                             [placement.AttendanceEntry(person(4), True, False)])
    notes.add_note(cm, person(5), "reached", ContactType.PHONE, inside)
    sixth = person(6)
    placement.advance(cm, sixth, Stage.MATCHING, on=inside)
    placement.advance(cm, sixth, Stage.INTERVIEW, on=inside, position=position)
    notes.add_note(cm, person(7), "no answer", ContactType.NO_CONTACT, inside)
    service_log.record(cm, person(8), ServiceType.TRANSPORTATION,
                       on=min(TODAY, PERIOD.end + timedelta(days=1)))
    found = funder_report.figures(team.supervisor, PERIOD.label)
    assert (found.served, found.new, found.continuing) == (6, 1, 5)
    assert found.service_contacts == {ServiceType.TRANSPORTATION: 1,
                                      ServiceType.CASE_MANAGEMENT: 1,
                                      ServiceType.EMPLOYMENT_READINESS: 1}
    assert found.employers_by_industry == {Industry.MARITIME: 1}


def test_small_counts_never_show_and_no_person_is_listed(team: Team) -> None:
    truth = build(team, 4)
    found = funder_report.figures(team.supervisor, PERIOD.label)
    for line in lines(found):
        if line.value not in ("<5", "*"):
            assert int(line.value) == 0 or int(line.value) >= 5, line
    csv_text = funder_report.report(team.supervisor, PERIOD.label, "csv").decode()
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[2] == ["Section", "Measure", "Value"]
    assert {r[0] for r in rows[3:-2]} >= {"Clients served", "Age at intake", "Gender",
                                          "Services (people)", "Placement outcomes"}
    assert "Started an apprenticeship" in {r[1] for r in rows[3:-2]}
    pdf = funder_report.report(team.supervisor, PERIOD.label, "pdf")
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Funder report" in text
    assert PERIOD.label in text
    assert "Port-related together" in text
    for case in truth.intake:  # no case number, no name
        assert case not in csv_text
        assert case not in text
    assert "Person " not in text + csv_text
    assert "Gendersecret" not in text + csv_text  # self-described words are never printed
    assert "Self-described" in text


def test_only_supervisors_and_only_periods_that_are_over(team: Team) -> None:
    for other in (team.case_manager, team.coordinator):
        with pytest.raises(PermissionDeniedError):
            funder_report.figures(other, PERIOD.label)
    running = ended_periods(PeriodKind.QUARTER, TODAY + timedelta(days=200), 1)[0]
    with pytest.raises(UsageError, match="is not over"):
        funder_report.figures(team.supervisor, running.label)
    with pytest.raises(UsageError, match="not a reporting period"):
        funder_report.figures(team.supervisor, "last spring")


def test_services_by_type_include_those_the_program_added(team: Team) -> None:
    """A type added in Settings is a line of its own in the report, by its name, counted in
    people and contacts like the built-in ones; one never recorded is not listed."""
    settings.update_settings(team.supervisor, service_types_added=("Child care", "Haircut"))
    cm = team.case_manager
    day = PERIOD.start + timedelta(days=3)
    for n in range(6):
        case = survivors.create_survivor(cm, survivors.draft(
            f"C-{n}", f"Carer {n}", intake_date=PERIOD.start)).case_number
        for _ in range(2):
            service_log.record(cm, case, added_kind("Child care"), on=day)
    found = funder_report.figures(team.supervisor, PERIOD.label)
    assert found.service_people[added_kind("Child care")] == 6
    assert found.service_contacts[added_kind("Child care")] == 12
    csv_text = funder_report.report(team.supervisor, PERIOD.label, "csv").decode()
    table = list(csv.reader(io.StringIO(csv_text)))
    assert ["Services (people)", "Child care", "6"] in table
    assert ["Services (contacts)", "Child care", "12"] in table
    assert not any("Haircut" in row for row in table)
    pdf = funder_report.report(team.supervisor, PERIOD.label, "pdf")
    assert "Child care" in "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
