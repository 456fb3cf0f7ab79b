"""The case manager's clearance for an employer with hiring restrictions: coordinators learn
"cleared" and nothing else; "not suitable", "not decided yet", a record or none, and the
reason all look the same to them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE
from casetracker.domain.employment import ClearanceDecision, Industry, PositionKind, Restriction
from casetracker.domain.errors import PermissionDeniedError
from casetracker.domain.validation import ValidationError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import clearances, consent, employers, matching, sensitive, sharing
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import COORDINATOR, PASSPHRASES, FakeClock
from tests.security.test_coordinator_inference import EMPLOYER, take_in


@pytest.fixture
def setting(team: Team) -> tuple[str, str, str]:
    """Two survivors looking for work, one with a record; an employer that bars records."""
    employers.add_employer(team.coordinator, EMPLOYER, Industry.WAREHOUSE_LOGISTICS,
                           restrictions=frozenset({Restriction.NO_VIOLENT_OR_SEXUAL_RECORD}))
    position = employers.add_position(team.coordinator, EMPLOYER, "Picker", PositionKind.JOB,
                                      skills_wanted=("forklift",))
    first, second = take_in(team.case_manager, "Rosa"), take_in(team.case_manager, "Lena")
    sensitive.update_sensitive(team.case_manager, first,
                               criminal_record_notes="Prostitution charge, 2019")
    return first, second, position.id


def flags(session: Session, position: str) -> dict[str, str | None]:
    return {m.case_number: m.restriction_flag for m in matching.rank(session, position)}


def test_coordinators_learn_only_cleared(team: Team, setting: tuple[str, str, str]) -> None:
    first, second, position = setting
    ask = matching.ASK_FLAG
    assert flags(team.coordinator, position) == {first: ask, second: ask}
    # "Not suitable" looks to a coordinator exactly like "not decided yet".
    clearances.record(team.case_manager, first, EMPLOYER, ClearanceDecision.NOT_SUITABLE,
                      "Charge not yet vacated")
    assert flags(team.coordinator, position) == {first: ask, second: ask}
    # Clearing someone without a record looks like clearing someone with one.
    clearances.record(team.case_manager, second, EMPLOYER, ClearanceDecision.CLEARED)
    assert flags(team.coordinator, position) == {first: ask, second: matching.CLEARED_FLAG}
    clearances.record(team.case_manager, first, EMPLOYER, ClearanceDecision.CLEARED,
                      "Vacatur granted in March")
    assert flags(team.coordinator, position) == {first: matching.CLEARED_FLAG,
                                                 second: matching.CLEARED_FLAG}
    clearances.withdraw(team.case_manager, first, EMPLOYER)
    assert flags(team.coordinator, position)[first] == ask
    # The case manager sees their own decisions.
    clearances.record(team.case_manager, first, EMPLOYER, ClearanceDecision.NOT_SUITABLE)
    assert flags(team.case_manager, position) == {first: matching.NOT_SUITABLE_FLAG,
                                                  second: matching.CLEARED_FLAG}


def test_the_reason_and_the_record_change_nothing_a_coordinator_sees(
        team: Team, setting: tuple[str, str, str]) -> None:
    first, second, position = setting
    for case in (first, second):
        consent.add_consent(team.case_manager, case, purpose="Referral for work",
                            categories=SHAREABLE,
                            expires_on=clock.today() + timedelta(days=60),
                            recipient_employer=EMPLOYER)
        clearances.record(team.case_manager, case, EMPLOYER, ClearanceDecision.CLEARED,
                          "first reason")

    def seen() -> list[object]:
        c = team.coordinator
        return [matching.rank(c, position)] + [
            sharing.prepare_referral_letter(c, case, EMPLOYER, position).fields
            for case in (first, second)]

    before = seen()
    clearances.record(team.case_manager, first, EMPLOYER, ClearanceDecision.CLEARED,
                      "Vacatur granted; talked it through with the employer's HR")
    sensitive.update_sensitive(team.case_manager, second,
                               criminal_record_notes="Loitering citation")
    assert seen() == before


def test_only_the_case_manager_decides_and_only_staff_with_the_record_read(
        team: Team, setting: tuple[str, str, str]) -> None:
    first = setting[0]
    for session in (team.coordinator, team.supervisor, team.other_case_manager):
        with pytest.raises(PermissionDeniedError):
            clearances.record(session, first, EMPLOYER, ClearanceDecision.CLEARED)
    clearances.record(team.case_manager, first, EMPLOYER, ClearanceDecision.NOT_SUITABLE,
                      "Charge not yet vacated")
    for session in (team.coordinator, team.other_case_manager):
        with pytest.raises(PermissionDeniedError):
            clearances.decisions(session, first)
        with pytest.raises(PermissionDeniedError):
            clearances.withdraw(session, first, EMPLOYER)
    assert [c.reason for c in clearances.decisions(team.supervisor, first)] == [
        "Charge not yet vacated"]


def test_an_employer_without_record_restrictions_needs_no_clearance(
        team: Team, setting: tuple[str, str, str]) -> None:
    employers.add_employer(team.coordinator, "Open Door Cafe", Industry.HOSPITALITY)
    with pytest.raises(ValidationError, match="no hiring restrictions"):
        clearances.record(team.case_manager, setting[0], "Open Door Cafe",
                          ClearanceDecision.CLEARED)


def test_the_audit_trail_names_the_decision_not_the_reason(
        team: Team, setting: tuple[str, str, str]) -> None:
    from casetracker.services import audit

    clearances.record(team.case_manager, setting[0], EMPLOYER, ClearanceDecision.NOT_SUITABLE,
                      "Zanthorpic reason")
    entry = next(e for e in audit.search(team.supervisor, limit=20)
                 if e.action == "clearance.record")
    assert "not_suitable" in str(entry.details)
    assert "Zanthorpic" not in str(entry.details)


def test_the_command_line_shows_a_coordinator_the_same_words(
        team: Team, setting: tuple[str, str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    first, second, position = setting
    clearances.record(team.case_manager, second, EMPLOYER, ClearanceDecision.CLEARED)
    clearances.record(team.case_manager, first, EMPLOYER, ClearanceDecision.NOT_SUITABLE,
                      "Quorblast")
    team.close()
    secret = tmp_path / "cole.pp"
    secret.write_text(PASSPHRASES[COORDINATOR] + "\n", encoding="utf-8")
    common = ["--db", str(team.vault.paths.db), "--user", COORDINATOR,
              "--passphrase-file", str(secret)]
    assert main(["match", position, *common], kdf=FAST_INSECURE, clock=FakeClock()) == 0
    out = capsys.readouterr().out
    line = {case: next(row for row in out.splitlines() if case in row)
            for case in (first, second)}
    assert "ask the case manager" in line[first]
    assert "Quorblast" not in out
    assert "cleared" in line[second]
    assert main(["clearance", "list", first, *common], kdf=FAST_INSECURE,
                clock=FakeClock()) == 1
    err = capsys.readouterr().err
    assert "Quorblast" not in err
    assert "not_suitable" not in err
