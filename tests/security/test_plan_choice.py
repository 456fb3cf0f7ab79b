"""The survivor's own plan holds what the case manager chose, in the survivor's words where
they were given, and names the case manager as a person: checked by the PDF's text, with the
leak guard still refusing whatever was chosen."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.plans import GoalDomain
from casetracker.domain.validation import ValidationError
from casetracker.export import leak_guard
from casetracker.services import notes, plans, reviews, sensitive, settings, sharing, staff_names
from casetracker.services import survivors as survivor_service
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, SUPERVISOR
from tests.security.test_survivor_language import shot
from tests.unit.test_record_cli import Cli, cli  # noqa: F401 - the fixture

TARGET = timedelta(days=90)


def goal(team: Team, case: str, domain: GoalDomain, text: str, *, steps: tuple[str, ...] = (),
         for_survivor: str = "") -> str:
    made = plans.add_goal(team.case_manager, case, domain=domain, specific=text,
                          measurable="Done", achievable="Yes", relevant="Work",
                          target_date=clock.today() + TARGET, survivor_wording=for_survivor,
                          milestones=[(s, clock.today() + timedelta(days=10 + i))
                                      for i, s in enumerate(steps)])
    return made.id


@pytest.fixture
def lucia(team: Team) -> str:
    settings.update_settings(team.supervisor, organisation_name="Puentes al Empleo",
                             organisation_phone="555-0100")
    return survivor_service.create_survivor(team.case_manager, survivor_service.draft(
        "", "Lucía", primary_language="Español")).case_number


def text_of(team: Team, case: str, language: str | None = None,
            chosen: frozenset[str] | None = None) -> str:
    return leak_guard.pdf_text(sharing.prepare_plan(team.case_manager, case, language,
                                                    chosen).pdf)


def test_legal_and_health_goals_are_offered_unticked_and_print_only_when_chosen(
        team: Team, lucia: str) -> None:
    work = goal(team, lucia, GoalDomain.EMPLOYMENT, "Work in a kitchen",
                steps=("Food handler card",))
    legal = goal(team, lucia, GoalDomain.LEGAL, "File a vacatur petition for the charge",
                 steps=("Meet the clinic lawyer",))
    goal(team, lucia, GoalDomain.HEALTH, "Attend counselling weekly")
    task = notes.add_task(team.case_manager, lucia, "Bring two pay stubs",
                          clock.today() + timedelta(days=5), for_survivor=True)
    notes.add_task(team.case_manager, lucia, "Call the landlord", clock.today())  # staff work
    items = sharing.plan_items(team.case_manager, lucia)
    assert [(i.kind, i.text) for i in items] == [
        ("goal", "Work in a kitchen"), ("step", "Food handler card"),
        ("goal", "File a vacatur petition for the charge"), ("step", "Meet the clinic lawyer"),
        ("goal", "Attend counselling weekly"), ("task", "Bring two pay stubs")]
    ticked = sharing.default_plan_choice(items)
    assert {i.text for i in items if i.id in ticked} == {
        "Work in a kitchen", "Food handler card", "Bring two pay stubs"}

    text = text_of(team, lucia)
    assert "work in a kitchen" in text
    assert "bring two pay stubs" in text
    assert "vacatur" not in text
    assert "counselling" not in text
    assert "landlord" not in text

    # Chosen: the legal goal with its step, without the task or the employment goal.
    step = next(i.id for i in items if i.goal_id == legal)
    text = text_of(team, lucia, chosen=frozenset({legal, step}))
    assert "vacatur" in text
    assert "meet the clinic lawyer" in text
    assert "kitchen" not in text
    assert "pay stubs" not in text
    # A step goes on only with its goal.
    food = next(i.id for i in items if i.goal_id == work)
    assert "food handler" not in text_of(team, lucia, chosen=frozenset({food, task.id}))
    # Only what the plan may hold can be chosen: never a staff task, nor another case's goal.
    staff = next(t for t in notes.tasks(team.case_manager, lucia) if not t.for_survivor)
    with pytest.raises(ValidationError):
        sharing.prepare_plan(team.case_manager, lucia, chosen=frozenset({staff.id}))


def test_the_leak_guard_checks_what_was_chosen(team: Team, lucia: str) -> None:
    sensitive.update_sensitive(team.case_manager, lucia,
                               criminal_record_notes="Arrested at the Starlite Motel")
    legal = goal(team, lucia, GoalDomain.LEGAL, "Vacate the arrest at the Starlite Motel")
    assert "starlite" not in text_of(team, lucia)  # not chosen: not printed, nothing refused
    with pytest.raises(leak_guard.LeakError):
        sharing.prepare_plan(team.case_manager, lucia, chosen=frozenset({legal}))
    # The survivor's wording is checked too.
    goal(team, lucia, GoalDomain.EMPLOYMENT, "Work in a hotel",
         for_survivor="Que no sepan del arrest at the Starlite Motel")
    with pytest.raises(leak_guard.LeakError):
        sharing.prepare_plan(team.case_manager, lucia)


def test_the_survivors_wording_prints_in_the_survivors_language(team: Team, lucia: str) -> None:
    work = goal(team, lucia, GoalDomain.EMPLOYMENT, "Obtain ServSafe food handler certification",
                for_survivor="Sacar el certificado para trabajar con comida")
    step = plans.add_milestone(team.case_manager, work, "Register for the ServSafe exam",
                               clock.today() + timedelta(days=20),
                               "Inscribirme en el examen")
    plans.add_milestone(team.case_manager, work, "Book a study session",
                        clock.today() + timedelta(days=30))
    pdf = sharing.prepare_plan(team.case_manager, lucia)
    shot(pdf.pdf, "plan-choice-es")
    text = leak_guard.pdf_text(pdf.pdf)
    assert "meta sacar el certificado para trabajar con comida" in text
    assert "inscribirme en el examen" in text
    assert "book a study session" in text  # no wording for the survivor: the staff's
    assert "servsafe" not in text
    assert "goal.survivor_wording" in pdf.fields
    assert "milestone.survivor_wording" in pdf.fields
    # In another language than the survivor's, the staff wording.
    english = sharing.prepare_plan(team.case_manager, lucia, "en")
    shot(english.pdf, "plan-choice-en")
    text = leak_guard.pdf_text(english.pdf)
    assert "obtain servsafe food handler certification" in text
    assert "sacar el certificado" not in text
    # Changed, and emptied again.
    plans.update_milestone(team.case_manager, step.id, survivor_wording="")
    plans.update_goal(team.case_manager, work, survivor_wording="Trabajar con comida")
    text = text_of(team, lucia)
    assert "meta trabajar con comida" in text
    assert "register for the servsafe exam" in text
    with pytest.raises(ValidationError):
        plans.update_goal(team.case_manager, work, survivor_wording="x" * 1001)


def test_the_plan_names_the_case_manager_as_a_person_never_by_login(
        team: Team, lucia: str) -> None:
    text = text_of(team, lucia)
    assert f"hable con {CASE_MANAGER} " not in text + " "
    assert "hable con su gestor a de casos o llame a puentes al empleo al 555 0100" in text
    staff_names.set_staff_name(team.supervisor, CASE_MANAGER, "Ana Morales", "")
    assert "hable con ana morales o llame a puentes al empleo al 555 0100" in text_of(team, lucia)
    english = text_of(team, lucia, "en")
    assert "talk with ana morales or call puentes al empleo at 555 0100" in english


def test_review_actions_become_tasks_in_no_language(team: Team, lucia: str) -> None:
    reviews.add_review(team.supervisor, lucia, "Fine", ["Request the birth certificate"],
                       signed_off=True)
    (task,) = notes.tasks(team.case_manager, lucia)
    assert (task.title, task.from_review) == ("Request the birth certificate", True)
    mine = notes.add_task(team.case_manager, lucia, "Case review: my own words", clock.today())
    assert not next(t for t in notes.tasks(team.case_manager, lucia) if t.id == mine.id
                    ).from_review


def test_the_upgrade_takes_the_english_prefix_off_review_tasks_only(tmp_path: Path) -> None:
    from casetracker.storage.migrations import STEPS
    from casetracker.storage.migrations.v020_survivor_wording import survivor_wording

    assert STEPS[20] is survivor_wording
    conn = sqlite3.connect(tmp_path / "x.db")
    conn.executescript("""
        CREATE TABLE goals (id TEXT); CREATE TABLE milestones (id TEXT);
        CREATE TABLE tasks (id TEXT, title TEXT);
        CREATE TABLE review_actions (id TEXT, task_id TEXT);
        INSERT INTO tasks VALUES ('t1', 'Case review: Add a housing goal'),
                                 ('t2', 'Case review: typed by a person'),
                                 ('t3', 'Case review: Case review: twice');
        INSERT INTO review_actions VALUES ('a1', 't1'), ('a3', 't3'), ('a4', NULL);""")
    survivor_wording(conn)  # type: ignore[arg-type]
    assert conn.execute("SELECT id, title FROM tasks ORDER BY id").fetchall() == [
        ("t1", "Add a housing goal"), ("t2", "Case review: typed by a person"),
        ("t3", "Case review: twice")]
    assert conn.execute("SELECT survivor_wording FROM goals").fetchall() == []


# -- the command line --------------------------------------------------------------------------

def test_plan_prints_the_goals_and_tasks_named(cli: Cli) -> None:  # noqa: F811
    day = (clock.today() + TARGET).isoformat()
    work = cli.made(CASE_MANAGER, "goal", "add", cli.case, "--domain", "employment",
                    "--specific", "Work in a kitchen", "--measurable", "Offer", "--achievable",
                    "Yes", "--relevant", "Income", "--target-date", day,
                    "--for-survivor", "Cook for a living")
    legal = cli.made(CASE_MANAGER, "goal", "add", cli.case, "--domain", "legal",
                     "--specific", "File a vacatur petition", "--measurable", "Filed",
                     "--achievable", "Clinic", "--relevant", "Record", "--target-date", day)
    step = cli.made(CASE_MANAGER, "milestone", "add", legal, "--text", "See the lawyer",
                    "--due", (clock.today() + timedelta(days=9)).isoformat(),
                    "--for-survivor", "Talk to the lawyer")
    out = cli.dir / "plan.pdf"

    def printed(*choice: str) -> str:
        code, _, err = cli.as_(CASE_MANAGER, "plan", "--survivor", cli.case, "--lang", "en",
                               "--out", str(out), *choice)
        assert code == 0, err
        return leak_guard.pdf_text(out.read_bytes())

    text = printed()
    assert "cook for a living" in text
    assert "vacatur" not in text
    assert "lawyer" not in text
    assert printed("--all-shareable") == text
    text = printed("--goal", legal)
    assert "vacatur" in text
    assert "talk to the lawyer" in text
    assert "cook" not in text
    text = printed("--goal", legal, "--all-shareable")
    assert "vacatur" in text
    assert "cook for a living" in text
    code, _, err = cli.as_(CASE_MANAGER, "plan", "--survivor", cli.case, "--out", str(out),
                           "--goal", step)
    assert code != 0
    assert "not an open goal" in err
    cli.ok(CASE_MANAGER, "goal", "reword", work, "--for-survivor", "")
    cli.ok(CASE_MANAGER, "milestone", "reword", step, "--for-survivor", "Call the lawyer")
    text = printed("--goal", legal, "--goal", work)
    assert "work in a kitchen" in text
    assert "call the lawyer" in text
    with cli.session(SUPERVISOR) as sam:
        assert [g.survivor_wording for g in plans.goals(sam, cli.case)] == ["", ""]
