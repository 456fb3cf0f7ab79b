"""A coordinator learns nothing sensitive indirectly: not from a match flag, a consent list or a
letter; and the survivor's own plan carries no review text, staff task or sensitive detail."""

from __future__ import annotations

import random
from datetime import timedelta

import pytest

from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE
from casetracker.domain.employment import Industry, PositionKind, Restriction, Stage
from casetracker.domain.errors import NotFoundError, PermissionDeniedError
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import SensitiveDetails, TraffickingType, VacaturStatus
from casetracker.export import leak_guard
from casetracker.services import (
    consent,
    employers,
    matching,
    placement,
    plans,
    reviews,
    sensitive,
    sharing,
    survivors,
)
from casetracker.services.session import Session
from tests.conftest import Team

EMPLOYER = "Bayside Logistics"


def take_in(session: Session, name: str) -> str:
    survivor = survivors.create_survivor(session, survivors.draft(
        "", name, skills=("forklift",)), SensitiveDetails(""))
    placement.advance(session, survivor.case_number, Stage.MATCHING)
    return survivor.case_number


@pytest.fixture
def setting(team: Team) -> tuple[str, str, str]:
    """Two survivors looking for work, an employer that bars records, a position there."""
    employers.add_employer(team.coordinator, EMPLOYER, Industry.WAREHOUSE_LOGISTICS,
                           restrictions=frozenset({Restriction.NO_VIOLENT_OR_SEXUAL_RECORD}))
    position = employers.add_position(team.coordinator, EMPLOYER, "Picker", PositionKind.JOB,
                                      skills_wanted=("forklift",))
    first, second = take_in(team.case_manager, "Rosa"), take_in(team.case_manager, "Lena")
    for case in (first, second):
        consent.add_consent(team.case_manager, case, purpose="Referral for work",
                            categories=SHAREABLE,
                            expires_on=clock.today() + timedelta(days=60),
                            recipient_employer=EMPLOYER)
    return first, second, position.id


def coordinator_view(team: Team, cases: tuple[str, str], position: str) -> list[object]:
    """Everything the coordinator can see about these survivors."""
    c = team.coordinator
    seen: list[object] = [matching.rank(c, position), survivors.caseload(c, limit=50)]
    for case in cases:
        seen += [survivors.get_employment_profile(c, case), consent.consents(c, case),
                 leak_guard.pdf_text(sharing.prepare_referral_letter(c, case, EMPLOYER,
                                                                     position).pdf)]
    return seen


SENSITIVE_VALUES = {
    "criminal_record_notes": ["", "Prostitution charge, 2019", "Loitering citation"],
    "vacatur_status": list(VacaturStatus),
    "trafficking_type": list(TraffickingType),
    "immigration_status": ["", "T visa", "Continued Presence", "citizen"],
    "history_notes": ["", "Recruited with a false job offer"],
    "health_notes": ["", "Asthma"],
    "safety_plan": ["", "Code word is umbrella"],
}


def test_no_sensitive_change_changes_what_a_coordinator_sees(
        team: Team, setting: tuple[str, str, str]) -> None:
    first, second, position = setting
    before = coordinator_view(team, (first, second), position)
    draw = random.Random(20261202)  # noqa: S311 - which changes to try, not a secret
    for _ in range(12):
        changes = {name: draw.choice(values) for name, values in SENSITIVE_VALUES.items()}
        sensitive.update_sensitive(team.case_manager, draw.choice([first, second]), **changes)
        assert coordinator_view(team, (first, second), position) == before, changes


def test_the_restriction_flag_stays_with_staff(team: Team,
                                               setting: tuple[str, str, str]) -> None:
    first, second, position = setting
    sensitive.update_sensitive(team.case_manager, first,
                               criminal_record_notes="Prostitution charge, 2019")
    seen = {m.case_number: m.restriction_flag for m in matching.rank(team.coordinator,
                                                                     position)}
    assert seen == {first: matching.ASK_FLAG, second: matching.ASK_FLAG}
    staff = {m.case_number: m.restriction_flag for m in matching.rank(team.case_manager,
                                                                      position)}
    assert staff == {first: matching.RESTRICTION_FLAG, second: None}


def test_coordinators_see_consents_to_employers_only(team: Team,
                                                     setting: tuple[str, str, str]) -> None:
    first = setting[0]
    clinic = consent.add_consent(team.case_manager, first, purpose="Referral for work",
                                 categories=SHAREABLE,
                                 expires_on=clock.today() + timedelta(days=60),
                                 recipient_agency="Immigration legal clinic (T-visa petition)")
    seen = consent.consents(team.coordinator, first)
    assert [c.recipient_name for c in seen] == [EMPLOYER]
    assert clinic.id in {c.id for c in consent.consents(team.case_manager, first)}
    with pytest.raises(NotFoundError) as told:
        consent.release_form_pdf(team.coordinator, clinic.id)
    with pytest.raises(NotFoundError) as never_existed:
        consent.release_form_pdf(team.coordinator, "no-such-consent")
    assert str(told.value).replace(clinic.id, "X") == str(never_existed.value).replace(
        "no-such-consent", "X")


def test_the_survivors_plan_holds_no_review_text_staff_goal_or_sensitive_detail(
        team: Team, setting: tuple[str, str, str]) -> None:
    first = setting[0]
    cm = team.case_manager
    target = clock.today() + timedelta(days=90)
    plans.add_goal(cm, first, domain=GoalDomain.EMPLOYMENT, specific="Work in a warehouse",
                   measurable="An offer", achievable="Forklift", relevant="Income",
                   target_date=target)
    plans.add_goal(cm, first, domain=GoalDomain.LEGAL,
                   specific="File a vacatur petition for the prostitution charge",
                   measurable="Filed", achievable="Clinic", relevant="Record",
                   target_date=target)
    reviews.add_review(team.supervisor, first, "Abuser released in March",
                       ["Reassess safety plan: abuser released"], signed_off=True)
    text = leak_guard.pdf_text(sharing.prepare_plan(cm, first).pdf)
    assert "work in a warehouse" in text
    assert "vacatur" not in text
    assert "abuser" not in text
    assert "reassess" not in text

    sensitive.update_sensitive(cm, first, safety_plan="Code word is periwinkle umbrella")
    plans.add_goal(cm, first, domain=GoalDomain.HOUSING,
                   specific="Tell the landlord the code word is periwinkle umbrella",
                   measurable="Told", achievable="Yes", relevant="Safety", target_date=target)
    with pytest.raises(leak_guard.LeakError, match="safety plan"):
        sharing.prepare_plan(cm, first)


def test_only_the_tasks_marked_for_the_survivor_go_on_their_plan(
        team: Team, setting: tuple[str, str, str]) -> None:
    from casetracker.domain.validation import ValidationError
    from casetracker.services import notes

    first = setting[0]
    cm = team.case_manager
    soon = clock.today() + timedelta(days=5)
    notes.add_task(cm, first, "Bring two pay stubs to the office", soon, for_survivor=True)
    staff = notes.add_task(cm, first, "Check the court docket for the hearing", soon)
    reviews.add_review(team.supervisor, first, "Fine", ["Call the shelter about the move"],
                       signed_off=True)
    text = leak_guard.pdf_text(sharing.prepare_plan(cm, first).pdf)
    assert "bring two pay stubs" in text
    assert "court docket" not in text
    assert "shelter" not in text
    # A case review's action stays staff work, whoever tries to mark it.
    review_task = next(t for t in notes.tasks(cm, first) if "shelter" in t.title)
    with pytest.raises(ValidationError, match="case review"):
        notes.set_task_for_survivor(cm, review_task.id, True)
    with pytest.raises(PermissionDeniedError):
        notes.set_task_for_survivor(team.coordinator, staff.id, True)
    notes.set_task_for_survivor(cm, staff.id, True)
    assert "court docket" in leak_guard.pdf_text(sharing.prepare_plan(cm, first).pdf)
    # A marked task is checked by the same guard as the goals.
    sensitive.update_sensitive(cm, first, safety_plan="Code word is periwinkle umbrella")
    notes.add_task(cm, first, "Keep in mind: code word is periwinkle umbrella", soon,
                   for_survivor=True)
    with pytest.raises(leak_guard.LeakError, match="safety plan"):
        sharing.prepare_plan(cm, first)
