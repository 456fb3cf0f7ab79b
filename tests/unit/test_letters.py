"""Referral letters read as a person writes them, on the organisation's letterhead, signed with
the writer's display name and job title."""

from __future__ import annotations

from datetime import timedelta

import pytest

from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE, Category
from casetracker.domain.employment import Industry, PositionKind
from casetracker.domain.errors import PermissionDeniedError, UsageError
from casetracker.domain.survivors import Availability, SensitiveDetails, Transport
from casetracker.export import letter_words as words
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import (
    audit,
    consent,
    employers,
    settings,
    sharing,
    sharing_support,
    staff_names,
    survivors,
)
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, COORDINATOR, FakeClock

EMPLOYER = "Harbor Hotel Group"


def text_of(pdf: bytes) -> str:
    """The PDF's text as pypdf reads it, on one line."""
    from io import BytesIO

    from pypdf import PdfReader

    return " ".join(" ".join((page.extract_text() or "") for page in
                             PdfReader(BytesIO(pdf)).pages).split())


def take_in(session: Session, name: str, **values: object) -> str:
    survivor = survivors.create_survivor(session, survivors.draft(
        "", name, legal_first_name="Legalname", legal_last_name="Withheldson", **values),
        SensitiveDetails(""))
    return survivor.case_number


def consent_to(team: Team, case: str, categories: frozenset[Category]) -> None:
    consent.add_consent(team.case_manager, case, purpose="Referral for work", categories=categories,
                        expires_on=clock.today() + timedelta(days=90),
                        recipient_employer=EMPLOYER)


@pytest.fixture
def harbor(team: Team) -> str:
    employers.add_employer(team.coordinator, EMPLOYER, Industry.HOSPITALITY)
    return employers.add_position(team.coordinator, EMPLOYER, "Housekeeping intern",
                                  PositionKind.INTERNSHIP).id


def set_letterhead(team: Team) -> None:
    settings.update_settings(team.supervisor, organisation_name="Bright Path Program",
                             organisation_address="200 Mission Street\nSan Francisco, CA",
                             organisation_phone="(415) 555-0134")


def test_words_join_lists_and_keep_only_the_capitals_a_word_keeps() -> None:
    assert words.and_list(["cooking"]) == "cooking"
    assert words.and_list(["cooking", "sewing"]) == "cooking and sewing"
    assert words.and_list(["CPR and first aid", "cooking", "landscaping"]) == (
        "CPR and first aid, cooking, and landscaping")
    assert [words.lower_first(w) for w in ["Customer service", "SMART goals", "ServSafe",
                                           "English tutoring", "Forklift"]] == [
        "customer service", "SMART goals", "ServSafe", "English tutoring", "forklift"]
    assert words.salutation("") == "Hiring Manager"
    assert words.salutation("Hiring manager") == "Hiring Manager"
    assert words.salutation("Maria  Lopez") == "Maria Lopez"
    assert words.goals_sentence("Ana", ("Complete a 12-week internship",)) == (
        "Ana’s goal is to complete a 12-week internship.")
    assert words.supports_sentence("Ana", "Needs a predictable schedule") == (
        "Ana works best with a predictable schedule.")
    assert words.sentence_case("Hello.  the candidate is  here .") == (
        "Hello. The candidate is here.")


def test_a_letter_reads_as_a_person_writes_it(team: Team, harbor: str) -> None:
    set_letterhead(team)
    staff_names.set_staff_name(team.coordinator, COORDINATOR, "Cole Whitaker",
                               "Employment Partnerships Coordinator")
    case = take_in(team.case_manager, "Amy", skills=("Customer service", "Cooking",
                                                     "Landscaping"),
                   availability=Availability(20, clock.today() - timedelta(days=1),
                                             Transport.PUBLIC_TRANSIT))
    consent_to(team, case, SHAREABLE)
    text = text_of(sharing.prepare_referral_letter(team.coordinator, case, EMPLOYER,
                                                   harbor).pdf)
    assert "Dear Hiring Manager," in text
    assert "refer Amy for the housekeeping intern position at Harbor Hotel Group." in text
    assert "Amy’s skills and certifications include customer service, cooking, and " \
           "landscaping." in text
    assert "Amy is available 20 hours a week, can start now, and travels by public " \
           "transit." in text
    assert "Bright Path Program" in text
    assert "(415) 555-0134" in text
    assert "Sincerely, Cole Whitaker Employment Partnerships Coordinator Bright Path " \
           "Program" in text
    for wrong in ("They ", "Their ", "They bring", "Availability:", "cole ",
                  "Case Tracker"):
        assert wrong not in text, wrong


def test_letters_for_people_sharing_different_things(team: Team, harbor: str) -> None:
    only_name = take_in(team.case_manager, "Bea", skills=("Forklift",))
    consent_to(team, only_name, frozenset({Category.ALIAS, Category.WORK_ELIGIBILITY}))
    no_name = take_in(team.case_manager, "Cy", skills=("ServSafe", "Data entry"))
    consent_to(team, no_name, frozenset({Category.READINESS}))
    bea = text_of(sharing.prepare_referral_letter(team.coordinator, only_name,
                                                  EMPLOYER).pdf)
    assert "I am writing to refer Bea to Harbor Hotel Group." in bea
    assert "forklift" not in bea.casefold()  # readiness was not shared
    cy = text_of(sharing.prepare_referral_letter(team.coordinator, no_name, EMPLOYER).pdf)
    assert "Cy" not in cy.split()  # the name was not shared
    assert "The candidate has been preparing for work" in cy
    assert "The candidate’s skills and certifications include ServSafe and data entry." in cy


def test_without_a_display_name_the_account_and_its_role_sign(team: Team,
                                                               harbor: str) -> None:
    case = take_in(team.case_manager, "Amy")
    consent_to(team, case, SHAREABLE)
    text = text_of(sharing.prepare_referral_letter(team.coordinator, case, EMPLOYER).pdf)
    assert f"Sincerely, {COORDINATOR} Employment coordinator" in text
    # No organisation set: the letter has no made-up letterhead, and the gap is reported.
    assert "Case Tracker" not in text
    assert sharing_support.missing_letterhead(team.coordinator) == ["name", "address", "phone"]
    set_letterhead(team)
    assert sharing_support.missing_letterhead(team.coordinator) == []


def test_people_name_themselves_and_supervisors_name_anyone(team: Team) -> None:
    staff_names.set_staff_name(team.case_manager, CASE_MANAGER, "  Ana   Reyes ", "Case manager")
    assert staff_names.staff_name(team.coordinator, CASE_MANAGER).shown == "Ana Reyes"
    with pytest.raises(PermissionDeniedError):
        staff_names.set_staff_name(team.coordinator, CASE_MANAGER, "Someone", "")
    staff_names.set_staff_name(team.supervisor, COORDINATOR, "Cole W.", "Coordinator")
    assert staff_names.staff_names(team.supervisor)[COORDINATOR].job_title == "Coordinator"
    with pytest.raises(UsageError):
        staff_names.set_staff_name(team.supervisor, COORDINATOR, "x" * 101, "")
    assert [e.action for e in audit.recent_entries(team.supervisor, 50)].count(
        "account.name") == 2


def test_the_cli_sets_a_display_name_and_title(team: Team, clock: FakeClock,
                                               capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from casetracker.cli import main
    from tests.helpers import COORDINATOR_PASSPHRASE

    db = str(team.vault.paths.db)
    monkeypatch.setenv("CASETRACKER_PASSPHRASE", COORDINATOR_PASSPHRASE)

    def run(*argv: str) -> int:
        return main(["--db", db, "--user", COORDINATOR, *argv], kdf=FAST_INSECURE,
                    clock=clock)

    assert run("user", "set-name", "--display", "Cole Whitaker", "--title", "Coordinator") == 0
    assert run("user", "set-name", CASE_MANAGER, "--title", "x") == 1
    assert "needs a supervisor" in capsys.readouterr().err
    session = team.vault.unlock(COORDINATOR, COORDINATOR_PASSPHRASE)
    try:
        assert staff_names.signature(session) == ("Cole Whitaker", "Coordinator")
    finally:
        session.close()
