"""Demo data obeys the rules the program applies to what people type.

A demo database is made with several seeds on days in the past, the present and the future,
then every row is read back and put through the same domain validation the services use (and,
where a service checks a date inline, the same check). A demo that shows staff a document
recovered before it was requested, or an employer-shareable "time off for court dates", fails.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.consent import validate_consent
from casetracker.domain.documents import validate_document
from casetracker.domain.employment import Stage, check_step, validate_employer, validate_position
from casetracker.domain.plans import validate_goal
from casetracker.domain.survivors import validate_survivor
from casetracker.domain.validation import ValidationError, revealing_words
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import demo, survivors
from casetracker.services.sensitive import validate_sensitive
from casetracker.services.session import Session
from casetracker.services.vault import Vault
from casetracker.storage.employment_repo import EmploymentRepository
from casetracker.storage.records_repo import DocumentRepository, NoteRepository, PlanRepository
from casetracker.storage.repositories import UserRepository
from casetracker.storage.sharing_repo import SharingRepository
from casetracker.storage.survivors_repo import SurvivorRepository
from tests.conftest import Team
from tests.helpers import CASE_MANAGER

PASSPHRASE = "demo accounts share this long passphrase"
SURVIVORS = 20
# Past, present (the run's day) and future, with a leap day and a year's last day among them.
DAYS_AND_SEEDS = [
    (date(2020, 2, 29), 1),
    (date(2023, 12, 31), 2),
    (clock.today(), 3),
    (clock.today(), 4),
    (date(2031, 7, 15), 5),
    (date(2041, 1, 1), 6),
]


def make_demo(folder: Path, day: date, seed: int) -> Iterator[Session]:
    with clock.using(clock.FixedClock(day)):
        demo.create_demo(folder / "demo.db", SURVIVORS, passphrase=PASSPHRASE,
                         kdf=FAST_INSECURE, seed=seed)
        with Vault(folder / "demo.db", kdf=FAST_INSECURE).unlock("dana", PASSPHRASE) as session:
            yield session


def broken_rules(session: Session, today: date) -> list[str]:
    """Every demo row that a service would have refused, as 'what: why'."""
    conn, problems = session.conn, []

    def check(what: str, validate: Callable[..., None], *args: object, **kwargs: object) -> None:
        try:
            validate(*args, **kwargs)
        except ValidationError as exc:
            problems.append(f"{what}: {exc}")

    def expect(what: str, ok: bool) -> None:
        if not ok:
            problems.append(what)

    people, plans = SurvivorRepository(conn), PlanRepository(conn)
    documents, notes = DocumentRepository(conn), NoteRepository(conn)
    employment, sharing = EmploymentRepository(conn), SharingRepository(conn)
    staff = {a.name for a in UserRepository(conn).list() if a.active}
    for employer in employment.employers():
        check(f"employer {employer.name}", validate_employer, employer)
    for position in employment.positions():
        check(f"position {position.title}", validate_position, position)
    held = {w.id: w.held_on for w in employment.workshops()}
    for workshop_id, held_on in held.items():
        for row in employment.attendance(workshop_id):
            expect(f"attendance at a workshop on {held_on}", held_on <= today or not (
                row.attended or row.completed))
    ids = [r[0] for r in conn.execute("SELECT id FROM survivors ORDER BY seq")]
    assert len(ids) == SURVIVORS
    for survivor_id in ids:
        survivor = people.by_id(survivor_id)
        assert survivor is not None
        case = survivor.case_number
        check(case, validate_survivor, survivor, today)
        expect(f"{case} accommodations {survivor.accommodations!r} are not neutral",
               not revealing_words(survivor.accommodations))
        check(f"{case} sensitive", validate_sensitive, people.sensitive(survivor_id))
        for barrier in people.barriers(survivor_id):
            expect(f"{case} barrier resolved {barrier.resolved_on}",
                   barrier.resolved_on is None or barrier.resolved_on <= today)
        for goal in plans.goals(survivor_id):
            # Made today, so held to the rules for a new goal: a target date ahead.
            check(f"{case} goal", validate_goal, goal, today, new=True)
            for milestone in goal.milestones:
                expect(f"{case} milestone completed {milestone.completed_on}",
                       milestone.completed_on is None or milestone.completed_on <= today)
        for document in documents.documents(survivor_id):
            check(f"{case} {document.kind.value}", validate_document, document, today)
        for note in notes.notes(survivor_id):
            expect(f"{case} note written {note.written_on}",
                   note.written_on <= today and bool(note.text.strip()))
        for task in notes.tasks(survivor_id):
            expect(f"{case} task done {task.done_on}",
                   task.done_on is None or task.done_on <= today)
            expect(f"{case} task for {task.assignee}", task.assignee in staff)
        for consent in sharing.consents(survivor_id):
            check(f"{case} consent", validate_consent, consent, today)
        current, last_on, placed_on = Stage.READINESS, None, None
        for step in employment.steps(survivor_id):
            check(f"{case} step {step.stage.value} on {step.on}", check_step, current, step,
                  last_on, today, placed_on)
            current, last_on = step.stage, step.on
            placed_on = step.on if step.stage is Stage.PLACED else placed_on
    return problems


@pytest.mark.parametrize(("day", "seed"), DAYS_AND_SEEDS,
                         ids=[f"{d.isoformat()}-seed{s}" for d, s in DAYS_AND_SEEDS])
def test_every_demo_row_passes_the_rules_people_are_held_to(tmp_path: Path, day: date,
                                                            seed: int) -> None:
    for session in make_demo(tmp_path, day, seed):
        assert broken_rules(session, day) == []
        # Not vacuous: the rows the rules are about are there.
        counts = {table: session.conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                  for table in ("documents", "milestones", "consents", "placement_steps",
                                "notes", "tasks")}
        assert all(counts.values()), counts
        recovered = session.conn.execute(
            "SELECT count(*) FROM documents WHERE requested_on IS NOT NULL "
            "AND recovered_on IS NOT NULL").fetchone()[0]
        assert recovered > 0


def test_the_check_finds_a_row_the_services_would_refuse(tmp_path: Path) -> None:
    """The check can fail: spoil a few demo rows the way the old generator did."""
    day = clock.today()
    for session in make_demo(tmp_path, day, 7):
        conn = session.conn
        conn.execute("UPDATE documents SET status = 'recovered', requested_on = ?, "
                     "recovered_on = ? WHERE rowid = (SELECT min(rowid) FROM documents)",
                     ((day - timedelta(days=10)).isoformat(), (day - timedelta(days=40))
                      .isoformat()))
        conn.execute("UPDATE survivors SET accommodations = 'Needs time off for court dates' "
                     "WHERE seq = (SELECT min(seq) FROM survivors)")
        conn.execute("UPDATE tasks SET done_on = ? WHERE rowid = (SELECT min(rowid) FROM tasks)",
                     ((day + timedelta(days=3)).isoformat(),))
        problems = broken_rules(session, day)
    assert any("is before the document was requested" in p for p in problems), problems
    assert any("'court'" in p and "accommodations" in p for p in problems), problems
    assert any("task done" in p for p in problems), problems


REVEALING = ["Needs time off for court dates", "Meets her probation officer on Mondays",
             "Weekly therapy appointments", "Needs Tuesdays off for immigration appointments",
             "Necesita salir temprano para ver a su abogada", "Citas en la corte los lunes",
             "Trámites de inmigración", "T-visa interview in March"]
NEUTRAL = [*(a for a in demo.ACCOMMODATIONS if a), "A quiet workspace",
           "Courteous, patient supervisor", "Needs a hearing aid compatible phone",
           "Prefiere un horario fijo por la mañana", "Se trata de llegar a las 9"]


def test_accommodations_are_saved_only_in_neutral_words(team: Team) -> None:
    """The rule lives in the domain (`Checker.neutral`) and the survivors service applies it
    to intake and to every change, as it applies it to the demo."""
    ana = team.case_manager
    case = survivors.create_survivor(ana, survivors.draft("N-1", "Nora")).case_number
    for text in REVEALING:
        with pytest.raises(ValidationError) as refused:
            survivors.update_survivor(ana, case, accommodations=text)
        assert "neutral words" in refused.value.problems["accommodations"], text
        with pytest.raises(ValidationError):
            survivors.create_survivor(ana, survivors.draft("N-2", "Nina", accommodations=text))
    assert survivors.get_survivor(ana, case).accommodations == ""
    for text in NEUTRAL:
        assert survivors.update_survivor(ana, case, accommodations=text).accommodations == text
    assert survivors.get_survivor(ana, case).accommodations == NEUTRAL[-1]


def test_a_demo_spanish_speakers_plan_prints_in_spanish(team: Team) -> None:
    """Each goal of a Spanish speaker carries their own wording, and so does each step: the
    plan printed for them holds no English staff wording."""
    from casetracker.domain.survivors import reading_language
    from casetracker.export import leak_guard
    from casetracker.services import consent, sharing

    demo.populate(team.supervisor, 12, [CASE_MANAGER], seed=7)
    spanish = [s for s in survivors.caseload(team.case_manager, limit=100)
               if reading_language(survivors.get_survivor(
                   team.case_manager, s.case_number).primary_language) == "es"]
    assert spanish
    releases = 0
    for person in spanish:
        items = sharing.plan_items(team.case_manager, person.case_number)
        assert all(i.survivor_wording for i in items if i.kind in ("goal", "step"))
        text = leak_guard.pdf_text(sharing.prepare_plan(team.case_manager,
                                                        person.case_number).pdf)
        assert "step" not in text
        for given in consent.consents(team.case_manager, person.case_number):
            assert given.purpose.startswith("Para que me refieran")
            releases += 1
        assert set(demo.GOALS_IN_SPANISH) & {i.text for i in items}
    assert releases  # the purpose printed on the form they sign is in Spanish too
    assert all(demo.GOALS_IN_SPANISH.get(goal) for goal in
               (*demo.EMPLOYMENT_GOALS, *demo.OTHER_GOALS.values()))
