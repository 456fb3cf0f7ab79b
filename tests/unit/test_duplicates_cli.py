"""`survivor add` refuses a likely duplicate unless told it is not one (exit 3);
`survivor duplicates` and `survivor merge` for supervisors."""

from __future__ import annotations

from casetracker.services import audit, documents, notes, survivors
from tests.helpers import CASE_MANAGER, OTHER_CASE_MANAGER, SUPERVISOR
from tests.unit.test_record_cli import Cli, cli, one_error_line, rows  # noqa: F401

EXIT_LIKELY_DUPLICATE = 3


def test_add_lists_my_likely_duplicate_side_by_side_and_saves_nothing(cli: Cli) -> None:  # noqa: F811
    cli.ok(CASE_MANAGER, "survivor", "edit", cli.case, "--date-of-birth", "1991-05-06",
           "--phone", "555-010-7000")
    code, out, err = cli.as_(CASE_MANAGER, "survivor", "add", "--preferred-name", "Rosa",
                             "--legal-last-name", "Quintéro", "--date-of-birth", "1991-05-06")
    assert (code, out) == (EXIT_LIKELY_DUPLICATE, "")
    assert f"likely the same person as {cli.case} (" in err
    assert "name, date of birth match" in err
    side = [line for line in err.splitlines() if line.startswith("date of birth")]
    assert side
    assert side[0].split() == ["date", "of", "birth", "1991-05-06", "1991-05-06"]
    assert "another caseload" not in err
    with cli.session(CASE_MANAGER) as ana:
        assert survivors.caseload_size(ana) == 1
    made = cli.made(CASE_MANAGER, "survivor", "add", "--preferred-name", "Rosa",
                    "--legal-last-name", "Quintéro", "--not-a-duplicate")
    with cli.session(CASE_MANAGER) as ana:
        assert survivors.caseload_size(ana) == 2
    with cli.session(SUPERVISOR) as sam:
        found = audit.search(sam, action="survivor.not_a_duplicate")
        assert [e.subject for e in found] == [made]
        listed = rows(_out(cli, "survivor", "duplicates", made, "--json"))
    assert [(r["case"], r["matched"]) for r in listed] == [(cli.case, "name")]


def _out(cli: Cli, *argv: str) -> str:  # noqa: F811
    return cli.ok(SUPERVISOR, *argv)


def test_another_caseload_gets_one_sentence_and_the_same_exit(cli: Cli) -> None:  # noqa: F811
    code, out, err = cli.as_(OTHER_CASE_MANAGER, "survivor", "add", "--preferred-name", "Rosa",
                             "--legal-last-name", "Quintero")
    assert (code, out) == (EXIT_LIKELY_DUPLICATE, "")
    assert "a possible duplicate is in another caseload — ask your supervisor" in err
    assert cli.case not in err
    assert "Quintero" not in err
    assert "%" not in err


def test_a_supervisor_merges_by_confirming_the_record_that_goes(cli: Cli) -> None:  # noqa: F811
    with cli.session(CASE_MANAGER) as ana:
        other = survivors.create_survivor(ana, survivors.draft(
            "CT-DUP", "Rosie", legal_first_name="Rosa", legal_last_name="Quintero",
            phone="555-010-1234"))
        notes.add_note(ana, other.case_number, "first call, from the shelter")
    code, _, err = cli.as_(SUPERVISOR, "survivor", "merge", cli.case, "CT-DUP")
    assert code == 2
    assert "--confirm CT-DUP" in one_error_line(err)
    code, _, err = cli.as_(SUPERVISOR, "survivor", "merge", cli.case, "CT-DUP",
                           "--confirm", cli.case)
    assert code == 2
    code, _, err = cli.as_(CASE_MANAGER, "survivor", "merge", cli.case, "CT-DUP",
                           "--confirm", "CT-DUP")
    assert code == 1
    assert "supervisor" in err
    code, out, err = cli.as_(SUPERVISOR, "survivor", "merge", cli.case, "CT-DUP",
                             "--confirm", "ct-dup")
    assert (code, out) == (0, "")
    assert f"merged CT-DUP into {cli.case}" in err
    assert "phone filled in" in err
    with cli.session(CASE_MANAGER) as ana:
        kept = survivors.get_survivor(ana, cli.case)
        assert kept.phone == "555-010-1234"
        assert [n.text for n in notes.notes(ana, cli.case)] == ["first call, from the shelter"]
        # One checklist: the other's blank rows went.
        kinds = [d.kind for d in documents.documents(ana, cli.case)]
        assert len(kinds) == len(set(kinds))
