"""The leak guard answers no questions: what a coordinator sees never depends on a value they
may not see, honest letters are never refused, and nothing is written that the log lacks."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE
from casetracker.domain.employment import Industry, PositionKind
from casetracker.domain.survivors import SensitiveDetails
from casetracker.domain.validation import ValidationError
from casetracker.export import leak_guard
from casetracker.services import (
    audit,
    consent,
    demo,
    employers,
    notes,
    sharing,
    sharing_support,
    staff_names,
    survivors,
)
from casetracker.services.session import Session
from casetracker.storage.sharing_repo import SharingRepository
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, COORDINATOR

EMPLOYER = "Harbor Hotel Group"
SECRETS = {"legal_last_name": "Johnson", "date_of_birth": date(1986, 7, 22),
           "phone": "555-0246", "address": "14 Amanda Street, San Amanda los altos"}
RIGHT = ["Johnson", "1986-07-22", "07/22/1986", "T visa", "555-0246", "San Amanda",
         "labor trafficking"]
WRONG = ["Williams", "1986-07-23", "07/23/1986", "Continued Presence", "555-0247", "Oakland",
         "sex trafficking"]


def take_in(session: Session, **values: object) -> str:
    survivor = survivors.create_survivor(session, survivors.draft(
        "", "Amy", legal_first_name="Amy", skills=("housekeeping", "laundry"),
        **{**SECRETS, **values}),
        SensitiveDetails("", immigration_status="T visa", history_notes="Labor case"))
    return survivor.case_number


@pytest.fixture
def amy(team: Team) -> str:
    case = take_in(team.case_manager)
    employers.add_employer(team.coordinator, EMPLOYER, Industry.HOSPITALITY)
    consent.add_consent(team.case_manager, case, purpose="Referral for work", categories=SHAREABLE,
                        expires_on=clock.today() + timedelta(days=90),
                        recipient_employer=EMPLOYER)
    return case


def outcome(session: Session, case: str, position: str | None, tmp_path: Path) -> str:
    """What the coordinator sees: the message, and whether a file appeared."""
    out = tmp_path / "letter.pdf"
    out.unlink(missing_ok=True)
    try:
        prepared = sharing.prepare_referral_letter(session, case, EMPLOYER, position)
        sharing.save(session, prepared, out)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}; file={out.exists()}"
    return f"written; file={out.exists()}"


def test_a_guess_in_a_position_title_gets_the_same_answer_right_or_wrong(
        team: Team, amy: str, tmp_path: Path) -> None:
    answers = {}
    for guess in [*RIGHT, *WRONG]:
        position = employers.add_position(team.coordinator, EMPLOYER, guess,
                                          PositionKind.INTERNSHIP)
        answers[guess] = outcome(team.coordinator, amy, position.id, tmp_path)
    assert set(answers.values()) == {"written; file=True"}, answers


def test_a_guess_in_the_template_or_the_employer_gets_the_same_answer(
        team: Team, amy: str, tmp_path: Path) -> None:
    answers = set()
    employer = employers.find_employer(team.coordinator, EMPLOYER)
    for guess in [*RIGHT, *WRONG]:
        sharing_support.set_letter_template(
            team.coordinator, f"Dear $employer_contact, about {guess}: $preferred_name "
            "for $position.")
        employers.update_employer(team.coordinator, employer.id, contact_name=guess)
        answers.add(outcome(team.coordinator, amy, None, tmp_path))
    assert answers == {"written; file=True"}


def test_a_guess_in_the_signers_name_or_title_gets_the_same_answer(
        team: Team, amy: str, tmp_path: Path) -> None:
    """A coordinator names themselves; what they sign with cannot refuse their letter."""
    answers = set()
    for guess in [*RIGHT, *WRONG]:
        staff_names.set_staff_name(team.coordinator, COORDINATOR, guess, f"{guess} lead")
        answers.add(outcome(team.coordinator, amy, None, tmp_path))
    assert answers == {"written; file=True"}


def test_a_template_can_only_use_the_projection_and_is_checked_when_saved(team: Team) -> None:
    for template in ["Dear $legal_last_name,", "Dear ${preferred_name}son,",
                     "Dear $preferred_name2,", "Costs $5"]:
        with pytest.raises(ValidationError):
            sharing_support.set_letter_template(team.coordinator, template)
    sharing_support.set_letter_template(team.coordinator, "Dear $employer_contact, "
                                        "($preferred_name) costs $$5.")


def test_a_withheld_value_typed_into_a_shared_field_is_refused_for_everyone(
        team: Team, amy: str, tmp_path: Path) -> None:
    survivors.update_survivor(team.case_manager, amy, skills=("housekeeping", "Johnson"))
    with pytest.raises(leak_guard.LeakError) as told_manager:
        sharing.prepare_employer_profile(team.case_manager, amy, EMPLOYER)
    assert "legal last name" in str(told_manager.value)
    assert "Skills" in str(told_manager.value)
    with pytest.raises(leak_guard.LeakError) as told_coordinator:
        sharing.prepare_referral_letter(team.coordinator, amy, EMPLOYER)
    message = str(told_coordinator.value)
    assert "case manager" in message
    assert "last name" not in message
    assert "Skills" not in message
    tasks = notes.tasks(team.case_manager, amy)
    assert [t.title for t in tasks] == [sharing.REVIEW_TASK]
    assert tasks[0].assignee == CASE_MANAGER
    with pytest.raises(leak_guard.LeakError):
        sharing.prepare_referral_letter(team.coordinator, amy, EMPLOYER)
    assert len(notes.tasks(team.case_manager, amy)) == 1  # asked once, not at every try


def test_an_address_sharing_a_word_with_the_frame_does_not_refuse_the_letter(
        team: Team, tmp_path: Path) -> None:
    case = take_in(team.case_manager, address="3 Harbor Street, Hotel Amanda Heights")
    employers.add_employer(team.coordinator, EMPLOYER, Industry.HOSPITALITY)
    consent.add_consent(team.case_manager, case, purpose="Referral for work", categories=SHAREABLE,
                        expires_on=clock.today() + timedelta(days=90),
                        recipient_employer=EMPLOYER)
    text = leak_guard.pdf_text(sharing.prepare_referral_letter(team.coordinator, case,
                                                               EMPLOYER).pdf)
    assert "amanda" not in text  # the default template says "and about": not a refusal
    assert "harbor street" not in text


def test_nothing_is_written_that_the_export_log_does_not_list(
        team: Team, amy: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    prepared = sharing.prepare_employer_profile(team.case_manager, amy, EMPLOYER)

    def locked(*_args: object) -> None:
        raise sqlite3.OperationalError("database is locked")

    with monkeypatch.context() as patch:
        patch.setattr(SharingRepository, "log_export", locked)
        with pytest.raises(sqlite3.OperationalError):
            sharing.save(team.case_manager, prepared, tmp_path / "profile.pdf")
    assert not (tmp_path / "profile.pdf").exists()
    assert sharing.export_log(team.case_manager, amy) == []


def test_a_write_that_fails_leaves_no_file_and_is_audited(team: Team, amy: str,
                                                          tmp_path: Path) -> None:
    prepared = sharing.prepare_employer_profile(team.case_manager, amy, EMPLOYER)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(FileExistsError):
        sharing.save(team.case_manager, prepared, blocker / "profile.pdf")
    actions = [e.action for e in audit.recent_entries(team.supervisor, 20)]
    assert "export.write_failed" in actions
    assert len(sharing.export_log(team.case_manager, amy)) == 1


def test_every_demo_survivor_with_a_consent_gets_a_profile_and_a_letter(team: Team) -> None:
    demo.populate(team.supervisor, 60, [CASE_MANAGER], seed=3)
    today = clock.today()
    shared = 0
    for row in survivors.caseload(team.case_manager, limit=100):
        for agreed in consent.consents(team.case_manager, row.case_number):
            if agreed.recipient_employer_id and agreed.active_on(today):
                sharing.prepare_employer_profile(team.case_manager, row.case_number,
                                                 agreed.recipient_name)
                sharing.prepare_referral_letter(team.coordinator, row.case_number,
                                                agreed.recipient_name)
                shared += 1
    assert shared >= 5  # the walk met real consents


def test_a_letter_names_only_one_of_the_employers_positions(team: Team, amy: str) -> None:
    employers.add_employer(team.coordinator, "Bayside Logistics", Industry.WAREHOUSE_LOGISTICS)
    elsewhere = employers.add_position(team.coordinator, "Bayside Logistics", "Picker",
                                       PositionKind.JOB)
    with pytest.raises(ValidationError, match="not a position with Harbor Hotel Group"):
        sharing.prepare_referral_letter(team.coordinator, amy, EMPLOYER, elsewhere.id)
    here = employers.add_position(team.coordinator, EMPLOYER, "Housekeeping intern",
                                  PositionKind.INTERNSHIP)
    letter = sharing.prepare_referral_letter(team.coordinator, amy, EMPLOYER, here.id)
    assert "housekeeping intern" in leak_guard.pdf_text(letter.pdf)
