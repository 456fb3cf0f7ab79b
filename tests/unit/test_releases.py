"""Releases of information: what one must hold (purpose, one recipient, a start and an expiry
of 90 days when none is given, a minor's parent or guardian), how old consents read after the
upgrade, and the case manager's reminders two weeks before one ends."""

from __future__ import annotations

import json
import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.catalog import Category
from casetracker.domain.consent import (
    Consent,
    ConsentMethod,
    RecipientKind,
    Revocation,
    default_expiry,
    is_minor_on,
    validate_consent,
)
from casetracker.domain.employment import Industry
from casetracker.domain.validation import ValidationError
from casetracker.services import consent, employers, notes, survivors
from casetracker.storage import connection as db
from casetracker.storage.migrations import STEPS, migrate
from casetracker.storage.sharing_repo import SharingRepository
from tests.conftest import Team

ALIAS = frozenset({Category.ALIAS})


def born_years_before(day: date, years: int, *, days_later: int = 0) -> date:
    return date(day.year - years, day.month, min(day.day, 28)) + timedelta(days=days_later)


@pytest.fixture
def hotel(team: Team) -> str:
    employers.add_employer(team.coordinator, "Harbor Hotel", Industry.HOSPITALITY)
    return "Harbor Hotel"


def new_case(team: Team, name: str = "Rosa", **values: object) -> str:
    return survivors.create_survivor(team.case_manager,
                                     survivors.draft("", name, **values)).case_number


def test_a_release_without_an_expiry_lasts_90_days_from_its_start(team: Team, hotel: str) -> None:
    case = new_case(team)
    start = clock.today() - timedelta(days=3)
    given = consent.add_consent(team.case_manager, case, categories=ALIAS, signed_on=start,
                                purpose="To be referred for a housekeeping job",
                                recipient_employer=hotel)
    assert given.starts_on == start
    assert given.expires_on == start + timedelta(days=90) == default_expiry(start)
    stored = consent.consents(team.case_manager, case)[0]
    assert stored.purpose == "To be referred for a housekeeping job"
    assert stored.method is ConsentMethod.PAPER
    assert stored.may_share_further is False


@pytest.mark.parametrize("purpose", ["", "   "])
def test_a_release_needs_its_purpose(team: Team, hotel: str, purpose: str) -> None:
    case = new_case(team)
    with pytest.raises(ValidationError) as raised:
        consent.add_consent(team.case_manager, case, categories=ALIAS, purpose=purpose,
                            recipient_employer=hotel)
    assert "purpose" in raised.value.problems
    assert consent.consents(team.case_manager, case) == []


def test_a_release_names_exactly_one_recipient(team: Team, hotel: str) -> None:
    case = new_case(team)
    from casetracker.domain.errors import UsageError
    with pytest.raises(UsageError):
        consent.add_consent(team.case_manager, case, categories=ALIAS, purpose="Referral",
                            recipient_employer=hotel, recipient_agency="Northside Legal Aid")
    with pytest.raises(UsageError):
        consent.add_consent(team.case_manager, case, categories=ALIAS, purpose="Referral")
    agency = consent.add_consent(team.case_manager, case, categories=ALIAS,
                                 purpose="Housing application", recipient_agency="Casa Nueva")
    assert agency.recipient_kind is RecipientKind.AGENCY


def test_the_rules_of_a_new_release() -> None:
    today = date(2026, 6, 1)
    good = Consent("c", "s", RecipientKind.EMPLOYER, "Harbor Hotel", ALIAS, today,
                   today + timedelta(days=90), purpose="Job referral")
    validate_consent(good, today)
    cases = {
        "method": Consent("c", "s", RecipientKind.EMPLOYER, "Harbor Hotel", ALIAS, today,
                          today + timedelta(days=90), ConsentMethod.VERBAL_WITNESSED,
                          purpose="Job referral"),
        "expires_on": Consent("c", "s", RecipientKind.EMPLOYER, "Harbor Hotel", ALIAS, today,
                              today + timedelta(days=367), purpose="Job referral"),
        "categories": Consent("c", "s", RecipientKind.EMPLOYER, "Harbor Hotel",
                              frozenset({Category.SENSITIVE}), today,
                              today + timedelta(days=30), purpose="Job referral"),
        "purpose": Consent("c", "s", RecipientKind.EMPLOYER, "Harbor Hotel", ALIAS, today,
                           today + timedelta(days=30), purpose="x" * 501),
    }
    for field, release in cases.items():
        with pytest.raises(ValidationError) as raised:
            validate_consent(release, today)
        assert field in raised.value.problems, field
    # A year is the longest a release lasts.
    validate_consent(Consent("c", "s", RecipientKind.EMPLOYER, "Harbor Hotel", ALIAS, today,
                             today + timedelta(days=366), purpose="Job referral"), today)


def test_under_18_is_counted_on_the_day_the_release_starts() -> None:
    start = date(2026, 6, 1)
    assert is_minor_on(date(2008, 6, 2), start)          # turns 18 the day after
    assert not is_minor_on(date(2008, 6, 1), start)      # 18 that very day
    assert not is_minor_on(None, start)                  # not known to be a minor
    assert is_minor_on(date(2012, 2, 29), start)


def test_a_minors_release_needs_a_parent_or_guardian_who_signed_too(team: Team,
                                                                    hotel: str) -> None:
    today = clock.today()
    case = new_case(team, "Dani", date_of_birth=born_years_before(today, 16))
    cm = team.case_manager
    with pytest.raises(ValidationError) as raised:
        consent.add_consent(cm, case, categories=ALIAS, purpose="Summer job referral",
                            recipient_employer=hotel)
    assert {"guardian_name", "guardian_signed"} <= set(raised.value.problems)
    with pytest.raises(ValidationError) as raised:
        consent.add_consent(cm, case, categories=ALIAS, purpose="Summer job referral",
                            recipient_employer=hotel, guardian_name="Marta Ruiz")
    assert set(raised.value.problems) == {"guardian_signed"}
    with pytest.raises(ValidationError) as raised:
        consent.add_consent(cm, case, categories=ALIAS, purpose="Summer job referral",
                            recipient_employer=hotel, guardian_signed=True)
    assert set(raised.value.problems) == {"guardian_name"}
    assert consent.consents(cm, case) == []
    given = consent.add_consent(cm, case, categories=ALIAS, purpose="Summer job referral",
                                recipient_employer=hotel, guardian_name="Marta Ruiz",
                                guardian_signed=True)
    assert (given.guardian_name, given.guardian_signed) == ("Marta Ruiz", True)


def test_a_survivor_who_was_a_minor_when_it_started_still_needs_the_guardian(
        team: Team, hotel: str) -> None:
    today = clock.today()
    # 18 today, but not on the day the release was signed a month ago.
    case = new_case(team, "Dani", date_of_birth=born_years_before(today, 18, days_later=-10))
    with pytest.raises(ValidationError):
        consent.add_consent(team.case_manager, case, categories=ALIAS, purpose="Referral",
                            recipient_employer=hotel, signed_on=today - timedelta(days=30))
    consent.add_consent(team.case_manager, case, categories=ALIAS, purpose="Referral",
                        recipient_employer=hotel)  # signed today, as an adult


def test_old_consents_read_as_releases_after_the_upgrade(tmp_path: Path) -> None:
    conn = db.connect(tmp_path / "old.db", b"k" * 32, create=True)
    releases = next(n for n, f in STEPS.items() if f.__module__.endswith("_releases"))
    migrate(conn, steps={n: f for n, f in STEPS.items() if n < releases})
    conn.execute("PRAGMA foreign_keys = OFF")
    rows = [("c-written", "written", None), ("c-electronic", "electronic", "2026-02-01"),
            ("c-verbal", "verbal_witnessed", None)]
    for consent_id, method, revoked in rows:
        conn.execute(
            "INSERT INTO consents (id, survivor_id, recipient_kind, recipient_name, "
            "recipient_employer_id, categories, signed_on, expires_on, method, revoked_on, "
            "created_by, created_at) VALUES (?, 's', 'employer', 'Harbor Hotel', NULL, ?, "
            "'2026-01-10', '2026-07-10', ?, ?, 'ana', '2026-01-10T09:00:00')",
            (consent_id, json.dumps(["alias"]), method, revoked))
    migrate(conn)
    repo = SharingRepository(conn)
    written, electronic, verbal = (repo.consent(r[0]) for r in rows)
    assert written is not None
    assert electronic is not None
    assert verbal is not None
    assert written.method is ConsentMethod.PAPER
    assert electronic.method is ConsentMethod.ELECTRONIC
    assert verbal.method is ConsentMethod.VERBAL_WITNESSED  # still readable
    assert conn.execute("SELECT DISTINCT method FROM consents ORDER BY 1").fetchall() == [
        ("signed_electronic",), ("signed_paper",), ("verbal_witnessed",)]
    for old in (written, electronic, verbal):
        assert (old.purpose, old.may_share_further, old.guardian_name, old.guardian_signed,
                old.reminder_task_id) == ("", False, "", False, None)
        assert old.categories == ALIAS
    assert electronic.revoked_on == date(2026, 2, 1)
    assert (electronic.revoked_how, electronic.revoked_by) == (None, None)  # never guessed
    conn.close()


def test_an_unmigrated_method_from_another_laptop_still_reads() -> None:
    assert ConsentMethod.read("written") is ConsentMethod.PAPER
    assert ConsentMethod.read("electronic") is ConsentMethod.ELECTRONIC
    assert ConsentMethod.read("signed_paper") is ConsentMethod.PAPER


def reminders(team: Team, case: str) -> list[str]:
    return [t.title for t in notes.tasks(team.case_manager, case) if "ask whether to renew" in
            t.title and not t.done]


def test_a_release_ending_within_two_weeks_becomes_one_task(team: Team, hotel: str) -> None:
    cm, today = team.case_manager, clock.today()
    case = new_case(team)
    soon = consent.add_consent(cm, case, categories=ALIAS, purpose="Referral",
                               recipient_employer=hotel, expires_on=today + timedelta(days=14))
    later = new_case(team, "Ines")
    consent.add_consent(cm, later, categories=ALIAS, purpose="Referral",
                        recipient_employer=hotel, expires_on=today + timedelta(days=15))
    assert [c.id for _, c in consent.expiring(cm)] == [soon.id]
    assert consent.remind_expiring(team.coordinator) == 0
    assert consent.remind_expiring(cm) == 1
    assert consent.remind_expiring(cm) == 0           # never twice
    assert consent.remind_expiring(team.supervisor) == 0
    titles = reminders(team, case)
    assert titles == [f"Release to Harbor Hotel ends on {soon.expires_on.isoformat()}: "
                      "ask whether to renew it"]
    assert reminders(team, later) == []
    task = next(t for t in notes.tasks(cm, case) if t.title == titles[0])
    assert (task.assignee, task.due_date) == (cm.account.name, soon.expires_on)
    # Done by hand, it is not made again.
    notes.set_task_done(cm, task.id, today)
    assert consent.remind_expiring(cm) == 0
    assert reminders(team, case) == []


def test_revoking_or_renewing_a_release_closes_its_task(team: Team, hotel: str) -> None:
    cm, today = team.case_manager, clock.today()
    first, second = new_case(team), new_case(team, "Ines")
    ending = consent.add_consent(cm, first, categories=ALIAS, purpose="Referral",
                                 recipient_employer=hotel, expires_on=today + timedelta(days=5))
    consent.add_consent(cm, second, categories=ALIAS, purpose="Housing",
                        recipient_agency="Casa Nueva", expires_on=today + timedelta(days=9))
    assert consent.remind_expiring(cm) == 2
    consent.revoke(cm, ending.id, how=Revocation.WRITTEN)
    assert reminders(team, first) == []
    assert len(reminders(team, second)) == 1
    # Renewed: a new release to the same agency, ending later.
    consent.add_consent(cm, second, categories=ALIAS, purpose="Housing",
                        recipient_agency="casa nueva", expires_on=today + timedelta(days=90))
    assert reminders(team, second) == []
    assert consent.remind_expiring(cm) == 0


def test_a_revocation_is_dated_today_or_before(team: Team, hotel: str) -> None:
    cm, today = team.case_manager, clock.today()
    case = new_case(team)
    given = consent.add_consent(cm, case, categories=ALIAS, purpose="Referral",
                                recipient_employer=hotel, signed_on=today - timedelta(days=5))
    for day in (today + timedelta(days=1), today - timedelta(days=6)):
        with pytest.raises(ValidationError):
            consent.revoke(cm, given.id, day, Revocation.ORAL)
    revoked = consent.revoke(cm, given.id, today - timedelta(days=1), Revocation.ORAL)
    assert (revoked.revoked_on, revoked.revoked_how, revoked.revoked_by) == (
        today - timedelta(days=1), Revocation.ORAL, cm.account.name)
    assert consent.consents(cm, case)[0].revoked_how is Revocation.ORAL
    assert str(uuid.UUID(revoked.id)) == revoked.id


def test_the_command_line_records_a_minors_release_and_its_reminder(
        team: Team, hotel: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from casetracker.cli import main
    from casetracker.security.kdf import FAST_INSECURE
    from tests.helpers import CASE_MANAGER, PASSPHRASES, FakeClock

    today = clock.today()
    case = new_case(team, "Dani", date_of_birth=born_years_before(today, 17))
    team.close()
    secret = tmp_path / "ana.txt"
    secret.write_text(PASSPHRASES[CASE_MANAGER] + "\n", encoding="utf-8")

    def run(*argv: str) -> tuple[int, str, str]:
        code = main([*argv, "--db", str(team.vault.paths.db), "--user", CASE_MANAGER,
                     "--passphrase-file", str(secret)], kdf=FAST_INSECURE, clock=FakeClock())
        out, err = capsys.readouterr()
        return code, out, err

    add = ("consent", "add", "--survivor", case, "--recipient-employer", hotel,
           "--categories", "alias", "--purpose", "Summer job referral",
           "--expires", (today + timedelta(days=10)).isoformat())
    code, _, err = run(*add)
    assert code == 1
    assert "guardian" in err
    code, out, err = run(*add, "--guardian", "Marta Ruiz", "--both-signed",
                         "--method", "electronic", "--recipient-may-share", "yes")
    assert code == 0, err
    release_id = out.strip()
    assert run("consent", "remind")[2].strip().endswith("1 task(s) made for releases ending "
                                                        "within 14 days")
    assert run("consent", "remind")[2].strip().endswith("0 task(s) made for releases ending "
                                                        "within 14 days")
    row = json.loads(run("consent", "list", "--survivor", case, "--json")[1].splitlines()[0])
    assert (row["purpose"], row["guardian"], row["method"], row["shares_further"]) == (
        "Summer job referral", "Marta Ruiz (both signed)", "signed_electronic", "yes")
    assert run("consent", "revoke", release_id, "--how", "oral")[0] == 0
    row = json.loads(run("consent", "list", "--survivor", case, "--json")[1].splitlines()[0])
    assert (row["revoked"], row["revoked_how"], row["revoked_by"]) == (
        today.isoformat(), "oral", CASE_MANAGER)
