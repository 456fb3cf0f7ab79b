"""Releases of information, attacked: an oral revocation stops an export at once (even one
already prepared and waiting to be saved), and a coordinator learns nothing from a release
beyond what an employer release allows: never its purpose, never that the survivor is a minor."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain import clock
from casetracker.domain.catalog import SHAREABLE, Category
from casetracker.domain.consent import Revocation
from casetracker.domain.employment import Industry
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import consent, employers, sharing, survivors
from casetracker.services.sharing import ConsentRequiredError
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, COORDINATOR, PASSPHRASES, FakeClock

PURPOSE = "So Harbor Hotel can confirm my Quillfeather T-visa work permit"


@pytest.fixture
def rosa(team: Team) -> str:
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    return survivors.create_survivor(team.case_manager, survivors.draft(
        "", "Rosa", skills=("forklift",))).case_number


def test_an_oral_revocation_stops_an_export_at_once(team: Team, rosa: str,
                                                    tmp_path: Path) -> None:
    cm = team.case_manager
    given = consent.add_consent(cm, rosa, categories=SHAREABLE, purpose="Job referral",
                                recipient_employer="Harbor Hotel")
    # A coordinator has the profile prepared and on screen, not yet saved...
    prepared = sharing.prepare_employer_profile(team.coordinator, rosa, "Harbor Hotel")
    logged = len(sharing.export_log(cm, rosa))
    # ...when the survivor phones her case manager: stop sharing. No letter is waited for.
    consent.revoke(cm, given.id, how=Revocation.ORAL)
    out = tmp_path / "profile.pdf"
    with pytest.raises(ConsentRequiredError, match="revoked"):
        sharing.save(team.coordinator, prepared, out)
    assert not out.exists()
    assert len(sharing.export_log(cm, rosa)) == logged
    with pytest.raises(ConsentRequiredError):
        sharing.prepare_employer_profile(team.coordinator, rosa, "Harbor Hotel")
    with pytest.raises(ConsentRequiredError):
        sharing.prepare_referral_letter(cm, rosa, "Harbor Hotel")
    assert consent.referrals(team.coordinator, "Harbor Hotel") == []


def test_a_narrower_release_recorded_meanwhile_stops_a_prepared_export(
        team: Team, rosa: str, tmp_path: Path) -> None:
    cm = team.case_manager
    consent.add_consent(cm, rosa, categories=SHAREABLE, purpose="Job referral",
                        recipient_employer="Harbor Hotel")
    prepared = sharing.prepare_employer_profile(cm, rosa, "Harbor Hotel")
    assert "survivor.skills" in prepared.fields
    consent.add_consent(cm, rosa, categories=frozenset({Category.ALIAS}),
                        purpose="Only my name from now on", recipient_employer="Harbor Hotel")
    with pytest.raises(ConsentRequiredError):
        sharing.save(cm, prepared, tmp_path / "profile.pdf")
    assert not (tmp_path / "profile.pdf").exists()


def test_a_written_revocation_saved_before_an_export_stops_it_too(team: Team, rosa: str,
                                                                  tmp_path: Path) -> None:
    cm = team.case_manager
    given = consent.add_consent(cm, rosa, categories=SHAREABLE, purpose="Job referral",
                                recipient_employer="Harbor Hotel")
    prepared = sharing.prepare_referral_letter(cm, rosa, "Harbor Hotel")
    consent.revoke(cm, given.id, how=Revocation.WRITTEN)
    with pytest.raises(ConsentRequiredError):
        sharing.save(cm, prepared, tmp_path / "letter.pdf")


def seen(team: Team, case: str) -> list[tuple[object, ...]]:
    return [(c.recipient_name, c.purpose, c.guardian_name, c.guardian_signed, c.revoked_by,
             c.reminder_task_id, c.categories, c.may_share_further, c.method)
            for c in consent.consents(team.coordinator, case)]


def test_a_coordinator_never_sees_a_releases_purpose_or_a_minors_guardian(
        team: Team, rosa: str) -> None:
    cm, today = team.case_manager, clock.today()
    minor = survivors.create_survivor(cm, survivors.draft(
        "", "Dani", date_of_birth=date(today.year - 16, 3, 3))).case_number
    consent.add_consent(cm, rosa, categories=SHAREABLE, purpose=PURPOSE,
                        recipient_employer="Harbor Hotel", expires_on=today + timedelta(days=7))
    consent.add_consent(cm, minor, categories=SHAREABLE, purpose="Summer job",
                        recipient_employer="Harbor Hotel", guardian_name="Marta Ruiz",
                        guardian_signed=True, expires_on=today + timedelta(days=7))
    consent.remind_expiring(cm)  # both now have a renewal task
    # The case manager sees all of it.
    assert consent.consents(cm, rosa)[0].purpose == PURPOSE
    assert consent.consents(cm, minor)[0].guardian_name == "Marta Ruiz"
    # The coordinator sees what the employer release allows, alike for the adult and the minor.
    assert seen(team, rosa) == seen(team, minor) == [
        ("Harbor Hotel", "", "", False, None, None, SHAREABLE, False,
         consent.consents(cm, rosa)[0].method)]


def test_the_coordinators_consent_list_shows_no_purpose(
        team: Team, rosa: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    consent.add_consent(team.case_manager, rosa, categories=SHAREABLE, purpose=PURPOSE,
                        recipient_employer="Harbor Hotel")
    team.close()

    def listed(name: str) -> str:
        secret = tmp_path / f"{name}.txt"
        secret.write_text(PASSPHRASES[name] + "\n", encoding="utf-8")
        code = main(["consent", "list", "--survivor", rosa, "--json", "--db",
                     str(team.vault.paths.db), "--user", name, "--passphrase-file",
                     str(secret)], kdf=FAST_INSECURE, clock=FakeClock())
        out = capsys.readouterr().out
        assert code == 0
        return out

    out = listed(COORDINATOR)
    row = json.loads(out.splitlines()[0])
    assert row["recipient"] == "Harbor Hotel"
    assert "purpose" not in row
    assert "guardian" not in row
    assert "Quillfeather" not in out
    assert "T-visa" not in out
    assert json.loads(listed(CASE_MANAGER).splitlines()[0])["purpose"] == PURPOSE
