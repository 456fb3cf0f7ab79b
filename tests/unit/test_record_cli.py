"""The command line reaches every record (issue 18): each command run in-process as each role,
what it wrote read back through the services, each refusal checked in the audit trail."""

from __future__ import annotations

import io
import json
import sys
from dataclasses import fields
from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.cli import main
from casetracker.cli.field_options import FieldOption
from casetracker.cli.survivor_commands import SURVIVOR_FIELDS
from casetracker.domain import clock
from casetracker.domain.catalog import CATALOG
from casetracker.domain.document_needs import NeedsRulesError, parse_rules
from casetracker.domain.documents import DocumentKind, DocumentStatus
from casetracker.domain.employment import Industry, PositionKind, Restriction
from casetracker.domain.plans import GoalDomain, GoalStatus
from casetracker.domain.survivors import (
    Availability,
    SafeContact,
    TraffickingType,
    Transport,
    VacaturStatus,
)
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import (
    audit,
    documents,
    employers,
    notes,
    plans,
    reviews,
    sensitive,
    survivors,
)
from casetracker.services.session import Session
from casetracker.services.vault import Vault
from tests.conftest import Team
from tests.helpers import (
    CASE_MANAGER,
    COORDINATOR,
    OTHER_CASE_MANAGER,
    PASSPHRASES,
    SUPERVISOR,
    FakeClock,
)

TODAY = clock.today()
SOON = (TODAY + timedelta(days=90)).isoformat()
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


class Cli:
    """The command line run in-process on the team's database, as any of its accounts."""

    def __init__(self, vault: Vault, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                 case: str) -> None:
        self.vault = vault
        self.db = str(vault.paths.db)
        self.dir = tmp_path
        self.capsys = capsys
        self.case = case  # Rosa, in the case manager's caseload

    def as_(self, name: str, *argv: str) -> tuple[int, str, str]:
        secret = self.dir / f"{name}.pp"
        secret.write_text(PASSPHRASES[name] + "\n", encoding="utf-8")
        code = main([*argv, "--db", self.db, "--user", name, "--passphrase-file", str(secret)],
                    kdf=FAST_INSECURE, clock=FakeClock())
        out, err = self.capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    def ok(self, name: str, *argv: str) -> str:
        """Run a command that must succeed quietly; its standard output."""
        code, out, err = self.as_(name, *argv)
        assert (code, err) == (0, ""), err
        return out

    def made(self, name: str, *argv: str) -> str:
        """Run a command that prints the one id (or case number) of what it made."""
        out = self.ok(name, *argv)
        assert len(out.splitlines()) == 1, out
        return out.strip()

    def session(self, name: str) -> Session:
        return self.vault.unlock(name, PASSPHRASES[name])

    def refused(self, name: str, *argv: str, subject: str | None = "the case") -> str:
        """Run a command the account's role may not: exit 1, one line, and audited with
        `subject` (the case, or None where the refusal names none)."""
        code, out, err = self.as_(name, *argv)
        assert (code, out) == (1, ""), err
        line = one_error_line(err)
        with self.session(SUPERVISOR) as sam:
            entries = audit.search(sam, actor=name, limit=50)
        if name == SUPERVISOR:
            # The checking session's own: its login, and the checkpoint a supervisor's unlock
            # makes.
            assert [entries.pop().action, entries.pop().action] == ["audit.checkpoint", "login"]
        # What this command's session wrote: everything after its login.
        last_login = max(i for i, e in enumerate(entries) if e.action == "login")
        denied = [e.subject for e in entries[last_login:] if e.action == "access.denied"]
        assert denied == [self.case if subject == "the case" else subject], line
        return line


def one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("casetracker: error: "), err
    return lines[0]


def usage_mistake(cli: Cli, name: str, *argv: str) -> str:
    code, out, err = cli.as_(name, *argv)
    assert (code, out) == (2, ""), err
    return one_error_line(err)


def rows(out: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture
def cli(team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Cli:
    rosa = survivors.create_survivor(team.case_manager, survivors.draft(
        preferred_name="Rosa", legal_last_name="Quintero"))
    team.close()
    return Cli(team.vault, tmp_path, capsys, rosa.case_number)


# -- survivor add / edit ---------------------------------------------------------------------

def test_every_profile_field_a_case_manager_may_change_is_an_option() -> None:
    """The field catalog's survivor fields, less what other commands change (the case
    manager, the status) and what nobody types (ids, timestamps)."""
    catalog = {f.attribute for f in CATALOG if f.entity == "survivor"}
    protected = {"id", "created_at", "updated_at", "assigned_to", "status"}
    assert catalog - protected == survivors.EDITABLE_FIELDS
    assert {o.part_of or o.attribute for o in SURVIVOR_FIELDS} == survivors.EDITABLE_FIELDS
    for composite in (SafeContact, Availability):
        name = "safe_contact" if composite is SafeContact else "availability"
        assert {o.attribute for o in SURVIVOR_FIELDS if o.part_of == name} == {
            f.name for f in fields(composite)}


def test_survivor_add_takes_every_field_and_prints_the_case_number(cli: Cli) -> None:
    case = cli.made(CASE_MANAGER, "survivor", "add", "--case-number", "CT-9001",
                    "--preferred-name", "Marta", "--legal-last-name", "Ruiz",
                    "--date-of-birth", "1990-04-02", "--phone", "555-123-4567",
                    "--ok-to-text", "yes", "--safe-times", "mornings",
                    "--skills", "forklift; food handler card", "--hours-per-week", "20",
                    "--transport", "public_transit", "--accommodations", "a set afternoon off")
    assert case == "CT-9001"
    with cli.session(CASE_MANAGER) as ana:
        marta = survivors.get_survivor(ana, case)
    assert (marta.preferred_name, marta.legal_last_name, marta.assigned_to) == (
        "Marta", "Ruiz", CASE_MANAGER)
    assert marta.date_of_birth is not None
    assert marta.date_of_birth.isoformat() == "1990-04-02"
    assert marta.safe_contact == SafeContact(ok_to_text=True, safe_times="mornings")
    assert marta.skills == ("forklift", "food handler card")
    assert marta.availability == Availability(20, None, Transport.PUBLIC_TRANSIT)
    assert marta.intake_date == TODAY

    # Without a case number, the next free one, printed for the next command to use.
    numbered = cli.made(CASE_MANAGER, "survivor", "add", "--preferred-name", "Lia")
    assert numbered.startswith(f"CT-{TODAY.year}-")


def test_survivor_add_says_what_the_gui_says_and_refuses_a_coordinator(cli: Cli) -> None:
    code, out, err = cli.as_(CASE_MANAGER, "survivor", "add", "--email", "not an address")
    assert (code, out) == (1, "")
    line = one_error_line(err)
    assert "preferred_name: is required" in line
    assert "email: 'not an address' is not an email address" in line
    line = cli.refused(COORDINATOR, "survivor", "add", "--preferred-name", "Nadia",
                       subject=None)
    assert "case manager" in line


def test_survivor_edit_changes_only_the_fields_given(cli: Cli) -> None:
    cli.ok(CASE_MANAGER, "survivor", "edit", cli.case, "--transport", "own_vehicle")
    cli.ok(CASE_MANAGER, "survivor", "edit", cli.case, "--phone", "555-987-6543",
           "--hours-per-week", "30", "--ok-to-call", "yes")
    with cli.session(CASE_MANAGER) as ana:
        rosa = survivors.get_survivor(ana, cli.case)
    assert rosa.phone == "555-987-6543"
    assert rosa.availability == Availability(30, None, Transport.OWN_VEHICLE)
    assert rosa.safe_contact.ok_to_call
    assert rosa.legal_last_name == "Quintero"
    with cli.session(SUPERVISOR) as sam:
        updates = audit.search(sam, action="survivor.update")
    assert updates[-1].details["fields"] == ["availability", "phone", "safe_contact"]


def test_survivor_edit_names_the_fields_when_one_is_unknown(cli: Cli) -> None:
    line = usage_mistake(cli, CASE_MANAGER, "survivor", "edit", cli.case, "--shoe-size", "7")
    assert "unknown field --shoe-size" in line
    assert all(o.flag in line for o in SURVIVOR_FIELDS)
    # A field's prefix is not taken as a guess at the field.
    assert "unknown field --pho " in usage_mistake(cli, CASE_MANAGER, "survivor", "edit",
                                                   cli.case, "--pho", "555-987-6543")
    assert "say which fields" in usage_mistake(cli, CASE_MANAGER, "survivor", "edit", cli.case)


def test_survivor_edit_is_refused_to_a_supervisor_and_another_case_manager(cli: Cli) -> None:
    assert "supervisors read case records but do not change them" in cli.refused(
        SUPERVISOR, "survivor", "edit", cli.case, "--phone", "555-000-1111")
    assert "not in your caseload" in cli.refused(
        OTHER_CASE_MANAGER, "survivor", "edit", cli.case, "--hours-per-week", "10")
    assert "not in your caseload" in cli.refused(
        COORDINATOR, "survivor", "edit", cli.case, "--phone", "555-000-1111")


# -- goals, milestones, check-ins ------------------------------------------------------------

def _goal(cli: Cli, *extra: str) -> str:
    return cli.made(CASE_MANAGER, "goal", "add", cli.case, "--domain", "employment",
                    "--specific", "Complete a 12-week internship",
                    "--measurable", "Hours logged", "--achievable", "20 h a week",
                    "--relevant", "Wants hotel work", "--target-date", SOON, *extra)


def test_a_goal_its_milestones_and_check_ins_chain_by_printed_ids(cli: Cli) -> None:
    goal_id = _goal(cli)
    due = (TODAY + timedelta(days=30)).isoformat()
    first = cli.made(CASE_MANAGER, "milestone", "add", goal_id, "--text", "Resume done",
                     "--due", due)
    cli.made(CASE_MANAGER, "milestone", "add", goal_id, "--text", "Interview", "--due", SOON)
    cli.ok(CASE_MANAGER, "milestone", "done", first)
    checkin = cli.made(CASE_MANAGER, "checkin", "add", goal_id, "--text", "On track")

    listed = rows(cli.ok(CASE_MANAGER, "goal", "list", cli.case, "--json"))
    assert [(g["id"], g["progress"], g["status"]) for g in listed] == [(goal_id, "1/2", "open")]
    assert listed[0]["measurable"] == "Hours logged"
    milestones = rows(cli.ok(CASE_MANAGER, "milestone", "list", goal_id, "--json"))
    assert (milestones[0]["id"], milestones[0]["completed_on"]) == (first, TODAY.isoformat())
    assert [c["id"] for c in rows(cli.ok(CASE_MANAGER, "checkin", "list", goal_id,
                                         "--json"))] == [checkin]
    table = cli.ok(SUPERVISOR, "goal", "list", cli.case)  # supervisors read
    assert "Complete a 12-week internship" in table

    cli.ok(CASE_MANAGER, "goal", "achieve", goal_id)
    with cli.session(CASE_MANAGER) as ana:
        [goal] = plans.goals(ana, cli.case)
        [note] = plans.checkins(ana, goal_id)
    assert (goal.domain, goal.status, goal.progress) == (GoalDomain.EMPLOYMENT,
                                                         GoalStatus.ACHIEVED, (1, 2))
    assert note.note == "On track"


def test_a_milestone_added_by_mistake_is_deleted_by_its_case_manager(cli: Cli) -> None:
    goal_id = _goal(cli)
    wrong = cli.made(CASE_MANAGER, "milestone", "add", goal_id, "--text", "Typo", "--due", SOON)
    cli.refused(COORDINATOR, "milestone", "delete", wrong)
    cli.refused(SUPERVISOR, "milestone", "delete", wrong)
    assert cli.ok(CASE_MANAGER, "milestone", "delete", wrong) == ""
    assert rows(cli.ok(CASE_MANAGER, "milestone", "list", goal_id, "--json")) == []
    code, _, err = cli.as_(CASE_MANAGER, "milestone", "delete", wrong)
    assert code == 1
    assert "there is no milestone" in err


def test_goal_commands_give_the_smart_rules_messages(cli: Cli) -> None:
    code, _, err = cli.as_(CASE_MANAGER, "goal", "add", cli.case, "--domain", "housing",
                           "--specific", "A lease", "--target-date", SOON)
    assert code == 1
    line = one_error_line(err)
    assert all(f"{part}: is required" in line for part in ("measurable", "achievable",
                                                           "relevant"))
    code, _, err = cli.as_(CASE_MANAGER, "goal", "add", cli.case, "--domain", "housing",
                           "--specific", "a", "--measurable", "b", "--achievable", "c",
                           "--relevant", "d", "--target-date", TODAY.isoformat())
    assert "target_date: must be in the future for a new goal" in one_error_line(err)
    goal_id = _goal(cli)
    late = (TODAY + timedelta(days=400)).isoformat()
    code, _, err = cli.as_(CASE_MANAGER, "milestone", "add", goal_id, "--text", "Late",
                           "--due", late)
    assert code == 1
    assert f"{late} is after the goal's target date {SOON}" in one_error_line(err)
    code, _, err = cli.as_(CASE_MANAGER, "milestone", "done", "no-such-id")
    assert code == 1
    assert "there is no milestone 'no-such-id'" in one_error_line(err)


def test_goal_commands_are_refused_by_role(cli: Cli) -> None:
    goal_id = _goal(cli)
    assert "coordinators see the employment profile" in cli.refused(
        COORDINATOR, "goal", "list", cli.case)
    cli.refused(COORDINATOR, "goal", "add", cli.case, "--domain", "employment",
                "--specific", "x", "--measurable", "x", "--achievable", "x",
                "--relevant", "x", "--target-date", SOON)
    cli.refused(SUPERVISOR, "goal", "achieve", goal_id)
    cli.refused(OTHER_CASE_MANAGER, "milestone", "add", goal_id, "--text", "x", "--due", SOON)
    cli.refused(SUPERVISOR, "checkin", "add", goal_id, "--text", "x")
    cli.refused(COORDINATOR, "milestone", "list", goal_id)


# -- documents -------------------------------------------------------------------------------

def test_document_list_shows_readiness_and_what_each_document_waits_on(cli: Cli) -> None:
    listed = {r["kind"]: r for r in rows(cli.ok(CASE_MANAGER, "document", "list", cli.case,
                                                "--json"))}
    assert listed["state_id"]["waits_on"] == ["Birth certificate / Passport",
                                              "Proof of address"]
    assert listed["birth_certificate"]["waits_on"] == []
    assert [k for k, r in listed.items() if r["next_for_i9"]] == ["passport"]

    cli.ok(CASE_MANAGER, "document", "set", cli.case, "birth_certificate", "recovered")
    table = cli.ok(CASE_MANAGER, "document", "list", cli.case)
    state_id = next(line for line in table.splitlines() if " state_id " in line)
    assert state_id.rstrip().endswith("Proof of address")
    assert table.splitlines()[-1] == ("Not ready for I-9: recovering the state id or driver's "
                                      "license would do")


def test_document_set_records_each_step_and_refuses_going_backwards(cli: Cli) -> None:
    asked = (TODAY - timedelta(days=10)).isoformat()
    expires = (TODAY + timedelta(days=3000)).isoformat()
    cli.ok(CASE_MANAGER, "document", "set", cli.case, "state_id", "requested", "--date", asked)
    cli.ok(CASE_MANAGER, "document", "set", cli.case, "state_id", "recovered",
           "--expires", expires)
    with cli.session(CASE_MANAGER) as ana:
        state_id = next(d for d in documents.documents(ana, cli.case)
                        if d.kind is DocumentKind.STATE_ID)
    assert state_id.status is DocumentStatus.RECOVERED
    assert (state_id.requested_on, state_id.recovered_on) == (TODAY - timedelta(days=10), TODAY)
    assert state_id.expires_on is not None
    assert state_id.expires_on.isoformat() == expires

    code, _, err = cli.as_(CASE_MANAGER, "document", "set", cli.case, "state_id", "requested")
    assert code == 1
    assert "cannot go from recovered to requested" in one_error_line(err)
    # The step and its expiry date are saved together or not at all.
    code, _, err = cli.as_(CASE_MANAGER, "document", "set", cli.case, "passport", "recovered",
                           "--expires", "2500-01-01")
    assert code == 1
    with cli.session(CASE_MANAGER) as ana:
        passport = next(d for d in documents.documents(ana, cli.case)
                        if d.kind is DocumentKind.PASSPORT)
    assert passport.status is DocumentStatus.MISSING
    assert "'drivers_licence' is neither a document kind" in usage_mistake(
        cli, CASE_MANAGER, "document", "set", cli.case, "drivers_licence", "requested")
    cli.refused(COORDINATOR, "document", "set", cli.case, "passport", "requested")
    assert "coordinators" in cli.refused(COORDINATOR, "document", "list", cli.case)


def test_document_attach_keeps_the_scan_and_says_to_delete_the_file(cli: Cli,
                                                                    tmp_path: Path) -> None:
    scan = tmp_path / "birth.png"
    scan.write_bytes(PNG)
    code, out, err = cli.as_(CASE_MANAGER, "document", "attach", cli.case,
                             "birth_certificate", str(scan))
    assert code == 0
    assert "delete it" in err
    assert scan.exists()  # left where it was, for the person to remove
    with cli.session(CASE_MANAGER) as ana:
        document = next(d for d in documents.documents(ana, cli.case)
                        if d.kind is DocumentKind.BIRTH_CERTIFICATE)
        [kept] = documents.scans(ana, document.id)
        assert documents.read_scan(ana, kept.id)[1] == PNG
    assert (out.strip(), kept.filename, kept.media_type) == (kept.id, "birth.png", "image/png")

    text = tmp_path / "notes.txt"
    text.write_text("not a scan")
    code, _, err = cli.as_(CASE_MANAGER, "document", "attach", cli.case, "passport", str(text))
    assert code == 1
    assert "scan: must be a PDF, PNG or JPEG file" in one_error_line(err)
    code, _, err = cli.as_(CASE_MANAGER, "document", "attach", cli.case, "passport",
                           str(tmp_path / "gone.png"))
    assert code == 1
    assert "gone.png" in one_error_line(err)
    cli.refused(SUPERVISOR, "document", "attach", cli.case, "passport", str(scan))


def test_the_shipped_document_rules_read_and_a_wrong_one_is_named() -> None:
    rules = documents.needs_rules()
    assert {r.label for r in rules[DocumentKind.STATE_ID]} == {"Birth certificate / Passport",
                                                               "Proof of address"}
    with pytest.raises(NeedsRulesError, match="'drivers_licence' is not a document kind"):
        parse_rules('drivers_licence = [["passport"]]')
    with pytest.raises(NeedsRulesError, match="state_id: write a list"):
        parse_rules('state_id = "passport"')


# -- notes and tasks -------------------------------------------------------------------------

def test_notes_from_an_option_a_file_and_standard_input(cli: Cli, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    first = cli.made(CASE_MANAGER, "note", "add", cli.case, "--text", "Met at the shelter")
    letter = tmp_path / "note.txt"
    letter.write_text("Called about the interview.\nShe will go.", encoding="utf-8")
    cli.made(CASE_MANAGER, "note", "add", cli.case, "--file", str(letter), "--contact", "phone")
    monkeypatch.setattr(sys, "stdin", io.StringIO("Texted the address"))
    cli.made(CASE_MANAGER, "note", "add", cli.case, "--file", "-", "--contact", "text")
    with cli.session(CASE_MANAGER) as ana:
        texts = {n.text for n in notes.notes(ana, cli.case)}
    assert texts == {"Met at the shelter", "Called about the interview.\nShe will go.",
                     "Texted the address"}
    listed = rows(cli.ok(SUPERVISOR, "note", "list", cli.case, "--json"))
    assert first in [n["id"] for n in listed]
    assert "Called about the interview. She will go." in cli.ok(CASE_MANAGER, "note", "list",
                                                                cli.case)
    with pytest.raises(SystemExit) as stopped:  # no text at all: argparse's own usage error
        cli.as_(CASE_MANAGER, "note", "add", cli.case)
    assert stopped.value.code == 2
    assert "one of the arguments --text --file is required" in cli.capsys.readouterr().err
    cli.refused(COORDINATOR, "note", "add", cli.case, "--text", "Saw her at the employer")
    cli.refused(COORDINATOR, "note", "list", cli.case)


def test_tasks_added_listed_overdue_and_done(cli: Cli) -> None:
    late = cli.made(CASE_MANAGER, "task", "add", cli.case, "--text", "Call the DMV",
                    "--due", (TODAY - timedelta(days=2)).isoformat())
    later = cli.made(CASE_MANAGER, "task", "add", cli.case, "--text", "Book the workshop",
                     "--due", SOON, "--assignee", COORDINATOR)
    assert [t["id"] for t in rows(cli.ok(CASE_MANAGER, "task", "list", "--json"))] == [late]
    assert [t["id"] for t in rows(cli.ok(CASE_MANAGER, "task", "list", cli.case, "--overdue",
                                         "--json"))] == [late]
    mine = rows(cli.ok(COORDINATOR, "task", "list", "--json"))
    assert [(t["id"], t["case"]) for t in mine] == [(later, cli.case)]
    cli.ok(COORDINATOR, "task", "done", later)  # a follow-up assigned to the coordinator
    cli.ok(CASE_MANAGER, "task", "done", late)
    with cli.session(CASE_MANAGER) as ana:
        assert all(t.done_on == TODAY for t in notes.tasks(ana, cli.case))
    assert cli.ok(CASE_MANAGER, "task", "list", "--json") == ""
    cli.refused(OTHER_CASE_MANAGER, "task", "add", cli.case, "--text", "x", "--due", SOON)
    cli.refused(COORDINATOR, "task", "list", cli.case)


# -- sensitive details and barriers ----------------------------------------------------------

def test_sensitive_details_set_and_shown_with_every_view_audited(
        cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Leave by the back door; code word 'blue'"))
    cli.ok(CASE_MANAGER, "sensitive", "set", cli.case, "--trafficking-type", "labor",
           "--vacatur-status", "eligible", "--safety-plan", "-")
    with cli.session(CASE_MANAGER) as ana:
        details = sensitive.get_sensitive(ana, cli.case)
    assert (details.trafficking_type, details.vacatur_status) == (TraffickingType.LABOR,
                                                                  VacaturStatus.ELIGIBLE)
    assert details.safety_plan == "Leave by the back door; code word 'blue'"

    with cli.session(SUPERVISOR) as sam:
        views = len(audit.search(sam, action="survivor.view_sensitive"))
    shown = json.loads(cli.ok(SUPERVISOR, "sensitive", "show", cli.case, "--json"))
    assert shown["health_notes"] == ""
    assert shown["trafficking_type"] == "labor"
    cli.ok(CASE_MANAGER, "sensitive", "show", cli.case)
    with cli.session(SUPERVISOR) as sam:
        assert len(audit.search(sam, action="survivor.view_sensitive")) == views + 2

    assert "coordinators see the employment profile" in cli.refused(
        COORDINATOR, "sensitive", "show", cli.case)
    cli.refused(COORDINATOR, "sensitive", "set", cli.case, "--health-notes", "x")
    cli.refused(SUPERVISOR, "sensitive", "set", cli.case, "--health-notes", "x")
    line = usage_mistake(cli, CASE_MANAGER, "sensitive", "set", cli.case, "--religion", "x")
    assert "--safety-plan" in line
    assert "--history-notes" in line


def test_barriers_added_listed_and_resolved(cli: Cli) -> None:
    barrier = cli.made(CASE_MANAGER, "barrier", "add", cli.case, "--kind", "childcare",
                       "--description", "No care after 3 pm")
    listed = rows(cli.ok(SUPERVISOR, "barrier", "list", cli.case, "--json"))
    assert [(b["id"], b["kind"]) for b in listed] == [(barrier, "childcare")]
    cli.refused(SUPERVISOR, "barrier", "resolve", barrier)
    cli.ok(CASE_MANAGER, "barrier", "resolve", barrier)
    with cli.session(CASE_MANAGER) as ana:
        [kept] = sensitive.barriers(ana, cli.case)
    assert kept.resolved_on == TODAY
    assert cli.ok(CASE_MANAGER, "barrier", "list", cli.case, "--json") == ""
    assert len(rows(cli.ok(CASE_MANAGER, "barrier", "list", cli.case, "--all", "--json"))) == 1
    cli.refused(COORDINATOR, "barrier", "list", cli.case)
    cli.refused(COORDINATOR, "barrier", "add", cli.case, "--kind", "housing")


# -- employers, positions, reviews -----------------------------------------------------------

def test_employer_edit_and_position_close(cli: Cli) -> None:
    with cli.session(COORDINATOR) as cole:
        hotel = employers.add_employer(cole, "Harbour Hotel", Industry.HOSPITALITY)
        employers.add_employer(cole, "Quickhire", Industry.OTHER)
        position = employers.add_position(cole, hotel.id, "Housekeeping", PositionKind.JOB)
    cli.ok(COORDINATOR, "employer", "edit", "Harbour Hotel", "--phone", "555-222-3333",
           "--restrictions", "background_check", "--name", "Harbour Hotel Group")
    cli.ok(COORDINATOR, "position", "close", position.id)
    with cli.session(COORDINATOR) as cole:
        edited = employers.find_employer(cole, hotel.id)
        assert employers.positions(cole, open_only=True) == []
    assert (edited.name, edited.contact_phone, edited.restrictions) == (
        "Harbour Hotel Group", "555-222-3333", frozenset({Restriction.BACKGROUND_CHECK}))
    cli.ok(SUPERVISOR, "position", "reopen", position.id)

    code, _, err = cli.as_(COORDINATOR, "employer", "edit", "Quickhire", "--name",
                           "Harbour Hotel Group")
    assert code == 1
    assert "already listed" in one_error_line(err)
    line = usage_mistake(cli, COORDINATOR, "employer", "edit", "Quickhire", "--ceo", "x")
    assert "--restriction-notes" in line
    assert "background_check" in usage_mistake(cli, COORDINATOR, "employer", "edit",
                                               "Quickhire", "--restrictions", "felons")
    cli.refused(CASE_MANAGER, "employer", "edit", "Quickhire", "--phone", "555-222-3334",
                subject=None)
    cli.refused(CASE_MANAGER, "position", "close", position.id, subject=None)


def test_review_list_for_a_case_and_a_caseload(cli: Cli) -> None:
    # The form from before `review list` still records a review.
    code, _, err = cli.as_(SUPERVISOR, "review", cli.case, "--findings", "Plan current",
                           "--action", "Renew the consent")
    assert code == 0, err
    assert cli.as_(SUPERVISOR, "review", "add", cli.case, "--findings", "Second look",
                   "--sign-off")[0] == 0
    listed = rows(cli.ok(SUPERVISOR, "review", "list", cli.case, "--json"))
    assert {r["findings"] for r in listed} == {"Plan current", "Second look"}
    assert [r["actions"] for r in listed if r["findings"] == "Plan current"] == [
        ["Renew the consent"]]
    assert {r["case"] for r in rows(cli.ok(CASE_MANAGER, "review", "list", "--json"))} == {
        cli.case}
    assert cli.ok(OTHER_CASE_MANAGER, "review", "list", "--json") == ""
    with cli.session(SUPERVISOR) as sam:
        assert len(reviews.reviews(sam, cli.case)) == 2
    cli.refused(COORDINATOR, "review", "list", cli.case)
    cli.refused(COORDINATOR, "review", "list", subject=None)
    cli.refused(CASE_MANAGER, "review", "add", cli.case, "--findings", "x", subject=None)


def test_field_options_are_named_after_their_attributes() -> None:
    assert FieldOption("legal_first_name", "").flag == "--legal-first-name"
    assert FieldOption("contact_name", "", option="--contact").flag == "--contact"
