"""Each rule has one home: the SQL that counts a rule is built from the domain's definition.

"Reached" contacts (`domain.notes.REACHED`) and outstanding documents
(`domain.documents.OUTSTANDING`, `Document.outstanding_on`) are decided in `domain/`; the
caseload, the dashboard's drill-down and the dashboard's triggers (kept inside each database)
count them in SQL. These tests read the SQL the program runs and stores, compare its lists with
the domain's, compare the SQL's answers with the domain's on every case, and change a rule in
the domain to see the whole program follow, a database written under the old rule included.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest

from casetracker.domain import clock
from casetracker.domain import documents as document_rules
from casetracker.domain import notes as note_rules
from casetracker.domain.documents import DocumentStatus
from casetracker.domain.notes import ContactType
from casetracker.domain.reports import ManagerFigures
from casetracker.services import dashboard, notes, survivors
from casetracker.services.session import Session
from casetracker.storage.migrations import v009_dashboard_counts as totals
from casetracker.storage.records_repo import DocumentRepository
from casetracker.storage.reports_repo import ReportsRepository
from casetracker.storage.survivors_repo import SurvivorRepository
from tests.conftest import Team
from tests.helpers import CASE_MANAGER, SUPERVISOR, SUPERVISOR_PASSPHRASE

TODAY = clock.today()
_CONTACTS = re.compile(r"contact_type IN \(([^)]*)\)")
_STATUSES = re.compile(r"\bd\.status IN \(([^)]*)\)")


def listed(pattern: re.Pattern[str], sql: str) -> list[set[str]]:
    """Each IN-list `pattern` finds in `sql`, as a set of its quoted values."""
    return [set(re.findall(r"'([^']*)'", found)) for found in pattern.findall(sql)]


def reached() -> set[str]:
    return {c.value for c in note_rules.REACHED}


def outstanding() -> set[str]:
    return {s.value for s in document_rules.OUTSTANDING}


class Recording:
    """A connection stand-in that keeps every statement run through it."""

    def __init__(self, conn: Any) -> None:
        self.conn, self.statements = conn, []

    def execute(self, sql: str, params: object = ()) -> Any:
        self.statements.append(sql)
        return self.conn.execute(sql, params)


def sql_the_program_runs_and_keeps(session: Session) -> list[str]:
    """The caseload's and the drill-down's queries, a recount from scratch, and the triggers
    the database holds."""
    recording = Recording(session.conn)
    SurvivorRepository(recording).caseload(today=TODAY)
    for metric in ("no_contact_30_days", "documents_outstanding"):
        ReportsRepository(recording).cases_behind(CASE_MANAGER, metric, TODAY)
    recording.execute("CREATE TEMP TABLE IF NOT EXISTS fresh (figure TEXT, manager TEXT, "
                      "on_date TEXT, n INT, PRIMARY KEY (figure, manager, on_date))")
    totals.recount(recording, "fresh")
    return recording.statements + list(totals.stored_triggers(session.conn).values())


def figures(session: Session) -> dict[str, ManagerFigures]:
    return {f.case_manager: f for f in dashboard.manager_figures(session)}


def assert_totals_match_a_recount(session: Session) -> None:
    conn = session.conn
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS fresh (figure TEXT, manager TEXT, "
                 "on_date TEXT, n INT, PRIMARY KEY (figure, manager, on_date))")
    conn.execute("DELETE FROM fresh")
    totals.recount(conn, "fresh")
    kept = conn.execute("SELECT figure, manager, on_date, n FROM dashboard_counts "
                        "WHERE n != 0 ORDER BY 1, 2, 3").fetchall()
    assert kept == conn.execute("SELECT * FROM fresh ORDER BY 1, 2, 3").fetchall()


# -- the SQL spells the domain's lists ---------------------------------------------------------

def test_every_in_list_the_program_runs_or_stores_is_the_domains(team: Team) -> None:
    statements = sql_the_program_runs_and_keeps(team.supervisor)
    contacts = [found for sql in statements for found in listed(_CONTACTS, sql)]
    statuses = [found for sql in statements for found in listed(_STATUSES, sql)]
    # caseload, drill-down, recount and the notes' triggers; caseload, drill-down, recount
    # and the documents' triggers
    assert len(contacts) >= 4
    assert len(statuses) >= 4
    assert all(found == reached() for found in contacts), contacts
    assert all(found == outstanding() for found in statuses), statuses


def test_the_triggers_a_new_database_holds_are_the_ones_made_from_the_domain(
        team: Team) -> None:
    stored = totals.stored_triggers(team.supervisor.conn)
    assert set(stored.values()) == set(totals.triggers())
    assert not totals.rebuild_if_stale(team.supervisor.conn)


def test_no_storage_module_spells_a_contact_type_or_document_status_itself() -> None:
    """A list typed out again in SQL would be a second home for the rule."""
    from pathlib import Path

    import casetracker.storage as storage

    values = {c.value for c in ContactType} | {s.value for s in DocumentStatus}
    spelled = []
    for path in Path(storage.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for value in values:
            # A column's default in the table that holds it is not a rule.
            for found in re.finditer(rf"'{value}'", text):
                line = text[text.rfind("\n", 0, found.start()) + 1:text.find("\n", found.end())]
                if "DEFAULT" not in line:
                    spelled.append(f"{path.name}: {line.strip()}")
    assert spelled == []


# -- the SQL's answers are the domain's ----------------------------------------------------------

def contact_cases(team: Team) -> dict[ContactType, str]:
    """One active case per contact type, taken in 60 days ago, last noted 5 days ago."""
    ana, cases = team.case_manager, {}
    for kind in ContactType:
        case = survivors.create_survivor(ana, survivors.draft(
            f"C-{kind.value}", "C", intake_date=TODAY - timedelta(days=60))).case_number
        notes.add_note(ana, case, "Noted", kind, TODAY - timedelta(days=5))
        cases[kind] = case
    return cases


def assert_contacts_follow_the_domain(team: Team, cases: dict[ContactType, str],
                                      supervisor: Session) -> None:
    unreached = sorted(case for kind, case in cases.items() if kind not in note_rules.REACHED)
    rows = {r.case_number: r for r in survivors.caseload(team.case_manager)}
    for kind, case in cases.items():
        expected = TODAY - timedelta(days=5) if kind in note_rules.REACHED else None
        assert rows[case].last_contact == expected, kind
    assert [c for c, _ in dashboard.cases_behind(supervisor, CASE_MANAGER,
                                                 "no_contact_30_days")] == unreached
    assert figures(supervisor)[CASE_MANAGER].no_contact_30_days == len(unreached)


def test_reached_contacts_are_counted_as_the_domain_says(team: Team) -> None:
    assert_contacts_follow_the_domain(team, contact_cases(team), team.supervisor)


def document_case(team: Team) -> str:
    """One case holding a document of every status with no expiry date or one yesterday,
    today or tomorrow."""
    case = survivors.create_survivor(team.case_manager, survivors.draft("D-1", "D"))
    conn, number = team.case_manager.conn, 0
    conn.execute("DELETE FROM documents WHERE survivor_id = ?", (case.id,))
    for status in DocumentStatus:
        for offset in (None, -1, 0, 1):
            number += 1
            expires = None if offset is None else (TODAY + timedelta(days=offset)).isoformat()
            conn.execute("INSERT INTO documents (id, survivor_id, kind, status, expires_on, "
                         "updated_at) VALUES (?, ?, 'other', ?, ?, '')",
                         (f"doc-{number}", case.id, status.value, expires))
    return case.case_number


def assert_documents_follow_the_domain(team: Team, case: str, supervisor: Session) -> None:
    survivor = SurvivorRepository(team.case_manager.conn).by_case_number(case)
    assert survivor is not None
    held = DocumentRepository(team.case_manager.conn).documents(survivor.id)
    expected = sum(d.outstanding_on(TODAY) for d in held)
    assert 0 < expected < len(held)
    [row] = survivors.caseload(team.case_manager)
    assert row.documents_outstanding == expected
    assert figures(supervisor)[CASE_MANAGER].documents_outstanding == expected


def test_outstanding_documents_are_counted_as_the_domain_says(team: Team) -> None:
    assert_documents_follow_the_domain(team, document_case(team), team.supervisor)


# -- a rule changed in the domain changes the program ----------------------------------------

def test_a_changed_contact_rule_changes_the_caseload_drilldown_and_an_existing_database(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    cases = contact_cases(team)
    monkeypatch.setattr(note_rules, "REACHED",
                        note_rules.REACHED - {ContactType.PHONE} | {ContactType.COLLATERAL})
    # The database's triggers still hold the old rule until it is opened again...
    assert set(totals.stored_triggers(team.supervisor.conn).values()) != set(totals.triggers())
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as reopened:  # ...then follow
        assert set(totals.stored_triggers(reopened.conn).values()) == set(totals.triggers())
        assert any("'collateral'" in sql and "'phone'" not in sql
                   for sql in totals.stored_triggers(reopened.conn).values())
        assert_contacts_follow_the_domain(team, cases, reopened)
        assert_totals_match_a_recount(reopened)
    assert all(found == reached() for sql in sql_the_program_runs_and_keeps(team.supervisor)
               for found in listed(_CONTACTS, sql))


def test_a_changed_document_rule_changes_the_caseload_and_an_existing_database(
        team: Team, monkeypatch: pytest.MonkeyPatch) -> None:
    case = document_case(team)
    before = survivors.caseload(team.case_manager)[0].documents_outstanding
    monkeypatch.setattr(document_rules, "OUTSTANDING",
                        document_rules.OUTSTANDING | {DocumentStatus.NOT_NEEDED})
    assert survivors.caseload(team.case_manager)[0].documents_outstanding == before + 4
    with team.vault.unlock(SUPERVISOR, SUPERVISOR_PASSPHRASE) as reopened:
        assert_documents_follow_the_domain(team, case, reopened)
        assert_totals_match_a_recount(reopened)
        assert not totals.rebuild_if_stale(reopened.conn)  # once is enough

