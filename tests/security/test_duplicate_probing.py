"""An insider probing another caseload through the duplicate check learns one sentence, and
only from names: trying a date of birth or a phone number, alone or beside a name, changes
nothing they can see (message, exit status, what is returned, what the trail says), and the
other record's name, case number, fields, score and count never appear."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.domain.errors import PermissionDeniedError
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import audit, duplicates, survivors
from casetracker.services.duplicates import ELSEWHERE, LikelyDuplicateError
from casetracker.services.session import Session
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, PASSPHRASES, FakeClock

DOB = date(1988, 2, 3)
PHONE = "555-010-9999"
SECRET_WORDS = ("Guadalupe", "Nunez", "Núñez", "CT-BEN", "1988", "9999", "%", "date of birth",
                "phone", "1 ", "2 ")


@pytest.fixture
def bens(team: Team) -> Team:
    """Ben's caseload holds Guadalupe Núñez (twice: a count must not show)."""
    for number in ("CT-BEN-1", "CT-BEN-2"):
        survivors.create_survivor(team.other_case_manager, survivors.draft(
            number, "Lupe", legal_first_name="Guadalupe", legal_last_name="Núñez",
            date_of_birth=DOB, phone=PHONE))
    return team


def probe(session: Session, preferred: str, last: str = "", dob: date | None = None,
          phone: str = "") -> tuple[tuple[object, ...], bool, str]:
    """What the case manager sees of one try at taking someone in (nothing is saved)."""
    new = survivors.draft("", preferred, legal_last_name=last, date_of_birth=dob, phone=phone)
    try:
        survivors.create_survivor(session, new, check_duplicates=True)
    except LikelyDuplicateError as exc:
        return exc.check.matches, exc.check.elsewhere, str(exc)
    pytest.fail("saved")  # every probe here is meant to be refused or not made


def test_a_date_of_birth_or_phone_alone_finds_nothing(bens: Team) -> None:
    ana = bens.case_manager
    for new in (survivors.draft("", "Kim", legal_last_name="Park", date_of_birth=DOB),
                survivors.draft("", "Kim", legal_last_name="Park", phone=PHONE),
                survivors.draft("", "Kim", legal_last_name="Park", date_of_birth=DOB,
                                phone=PHONE)):
        assert duplicates.check_new(ana, new) == duplicates.DuplicateCheck()


def test_one_name_word_with_the_right_date_tells_nothing_either(bens: Team) -> None:
    ana = bens.case_manager
    for dob, phone in ((None, ""), (DOB, ""), (None, PHONE), (DOB, PHONE)):
        new = survivors.draft("", "Guadalupe", legal_last_name="Smith", date_of_birth=dob,
                              phone=phone)
        assert duplicates.check_new(ana, new) == duplicates.DuplicateCheck()


def test_the_name_alone_decides_and_the_answer_is_one_sentence(bens: Team) -> None:
    ana = bens.case_manager
    seen = {probe(ana, "Lupe", "Nunez", dob, phone)
            for dob, phone in ((None, ""), (DOB, ""), (date(1990, 1, 1), ""), (None, PHONE),
                               (DOB, PHONE), (None, "555-010-0000"))}
    assert seen == {((), True, ELSEWHERE)}
    for word in SECRET_WORDS:
        assert word not in ELSEWHERE
    assert survivors.caseload_size(ana) == 0


def test_the_trail_is_the_same_whatever_was_tried_and_hidden_from_case_managers(
        bens: Team) -> None:
    ana, sam = bens.case_manager, bens.supervisor
    probe(ana, "Lupe", "Nunez")
    probe(ana, "Lupe", "Nunez", DOB, PHONE)
    checks = audit.search(sam, action="survivor.duplicate_check", actor=CASE_MANAGER)
    assert len(checks) == 2
    assert checks[0].details == checks[1].details == {"matches": 0, "elsewhere": True}
    assert checks[0].subject is None
    with pytest.raises(PermissionDeniedError):
        audit.search(ana, action="survivor.duplicate_check")


def test_the_command_line_answers_alike(bens: Team, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    db = str(bens.vault.paths.db)
    secret = tmp_path / "ana.pp"
    secret.write_text(PASSPHRASES[CASE_MANAGER] + "\n", encoding="utf-8")
    bens.close()

    def add(*fields: str) -> tuple[int, str, str]:
        code = main(["survivor", "add", "--preferred-name", "Lupe", "--legal-last-name",
                     "Nuñez", *fields, "--db", db, "--user", CASE_MANAGER,
                     "--passphrase-file", str(secret)], kdf=FAST_INSECURE, clock=FakeClock())
        out, err = capsys.readouterr()
        return code, out, err

    answers = {add(), add("--date-of-birth", DOB.isoformat()),
               add("--date-of-birth", "1990-01-01"), add("--phone", PHONE),
               add("--date-of-birth", DOB.isoformat(), "--phone", PHONE)}
    assert len(answers) == 1
    code, out, err = answers.pop()
    assert (code, out) == (3, "")
    assert ELSEWHERE in err
    for word in SECRET_WORDS:
        assert word not in err


def test_a_supervisor_sees_the_matches(bens: Team) -> None:
    sam = bens.supervisor
    new = survivors.draft("", "Lupe", legal_last_name="Nunez", date_of_birth=DOB)
    check = duplicates.check_new(sam, new)
    assert {m.survivor.case_number for m in check.matches} == {"CT-BEN-1", "CT-BEN-2"}
    assert not check.elsewhere
    found = duplicates.duplicates_of(sam, "CT-BEN-1")
    assert [m.survivor.case_number for m in found] == ["CT-BEN-2"]
    assert found[0].likeness.fields == ("name", "date_of_birth", "phone")
