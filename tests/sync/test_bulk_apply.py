"""A bundle of many new rows is applied without the per-row triggers (`sync.apply.BULK_INSERTS`,
storage/bulk_rows.py): the dashboard's totals are counted again at the end and must equal a
count from scratch, for rows of new cases and of cases the laptop already held; new survivors
and notes are indexed for search at the end; capture stays off; and a failure halfway must
leave the triggers and the totals as they were."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from casetracker.domain import clock
from casetracker.domain.documents import DocumentKind
from casetracker.domain.notes import ContactType
from casetracker.domain.plans import GoalDomain
from casetracker.domain.survivors import CaseStatus
from casetracker.services import documents, notes, plans, search, survivors
from casetracker.storage import dashboard_totals
from casetracker.storage.migrations import v009_dashboard_counts as counts
from casetracker.storage.replica_repo import ReplicaRepository
from casetracker.sync import apply
from tests.sync_laptops import Laptop, program_of, take_in


def totals_and_a_count_from_scratch(conn: Any) -> tuple[list[Any], list[Any]]:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS fresh (figure TEXT, manager TEXT, "
                 "on_date TEXT, n INT, PRIMARY KEY (figure, manager, on_date))")
    conn.execute("DELETE FROM fresh")
    counts.recount(conn, "fresh")
    kept = conn.execute("SELECT figure, manager, on_date, n FROM dashboard_counts "
                        "WHERE n != 0 ORDER BY 1, 2, 3").fetchall()
    return kept, conn.execute("SELECT * FROM fresh ORDER BY 1, 2, 3").fetchall()


def dashboard_triggers(conn: Any) -> dict[str, str]:
    return counts.stored_triggers(conn)


def busy_day(a: Laptop) -> None:
    """New rows under cases laptop b already holds (CT-1, CT-2), a case closed there, and
    new cases with rows of their own: every figure the totals keep moves."""
    today = clock.today()
    ana = a.case_manager
    notes.add_note(ana, "CT-1", "called", ContactType.PHONE, written_on=today - timedelta(days=2))
    notes.add_task(ana, "CT-1", "bring the papers", today + timedelta(days=3))
    documents.add_document(ana, "CT-1", DocumentKind.OTHER, "work permit")
    plans.add_goal(ana, "CT-1", domain=GoalDomain.EMPLOYMENT, specific="a job",
                   measurable="an offer", achievable="with help", relevant="income",
                   target_date=today + timedelta(days=90),
                   milestones=[("a CV", today + timedelta(days=10))])
    survivors.set_status(ana, "CT-2", CaseStatus.CLOSED)
    for n in range(3, 7):
        take_in(a, f"CT-{n}", f"Person {n}")
        notes.add_note(ana, f"CT-{n}", "first meeting", written_on=today - timedelta(days=n))
    survivors.update_survivor(ana, "CT-6", preferred_name="Zelmira")  # a new row, changed


def all_triggers(conn: Any) -> dict[str, str]:
    return dict(conn.execute("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'"))


def search_index_is_whole(conn: Any) -> None:
    """The index holds exactly the survivors' and notes' texts, and its words match them."""
    conn.execute("INSERT INTO search_index (search_index) VALUES ('integrity-check')")
    rows = conn.execute("SELECT rowid, survivor_id, source, text FROM search_index "
                        "ORDER BY rowid").fetchall()
    shift = 40
    expected = sorted(
        [((0 << shift) | seq, sid, "case_number", number) for seq, sid, number, *_ in
         conn.execute("SELECT seq, id, case_number FROM survivors")]
        + [((1 << shift) | seq, sid, "preferred_name", name) for seq, sid, name in
           conn.execute("SELECT seq, id, preferred_name FROM survivors")]
        + [((2 << shift) | seq, sid, "names", f"{name} {first} {last}")
           for seq, sid, name, first, last in conn.execute(
               "SELECT seq, id, preferred_name, legal_first_name, legal_last_name "
               "FROM survivors")]
        + [((3 << shift) | seq, sid, "note", text) for seq, sid, text in
           conn.execute("SELECT seq, survivor_id, text FROM notes")])
    assert [tuple(row) for row in rows] == expected


@pytest.fixture
def bulk(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every bundle takes the bulk path (a small one stands for 10,000 changes); counts how
    many times it did."""
    taken: list[int] = []
    original = dashboard_totals.changes_in_bulk

    def counting(conn: Any) -> Any:
        taken.append(1)
        return original(conn)

    monkeypatch.setattr(apply, "BULK_INSERTS", 0)
    monkeypatch.setattr(apply, "changes_in_bulk", counting)
    return taken


@pytest.mark.parametrize("cases_here", [0, 100])
def test_a_bundle_applied_in_bulk_leaves_the_totals_a_count_from_scratch_gives(
        tmp_path: Path, bulk: list[int], cases_here: int) -> None:
    """With few cases here the totals are counted from scratch; with more cases than the
    bundle has new rows their triggers keep them (only capture and search go in bulk)."""
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1", "Rosa")
        take_in(a, "CT-2", "Inés")
        for n in range(cases_here):
            take_in(b, f"B-{n}", f"Here {n}")
        a.sync()
        b.sync()
        triggers = dashboard_triggers(b.supervisor.conn)
        every_trigger = all_triggers(b.supervisor.conn)
        assert len(triggers) > 20
        busy_day(a)
        a.sync()
        taken = len(bulk)
        report = b.sync()
        assert (len(bulk) > taken) == (cases_here == 0)  # the totals were counted afresh
        assert sum(report.received.values()) > 10
        assert b.digest() == a.digest()
        conn = b.supervisor.conn
        kept, fresh = totals_and_a_count_from_scratch(conn)
        assert kept == fresh
        assert {row[0] for row in kept} >= {"survivors", "active_cases", "no_contact_30_days",
                                             "overdue_milestones", "tasks_overdue",
                                             "documents_outstanding"}
        assert dashboard_triggers(conn) == triggers
        assert all_triggers(conn) == every_trigger
        search_index_is_whole(conn)
        found = {hit.case_number for hit in search.search(b.case_manager, "zelm")}
        assert found == {"CT-6"}
        assert conn.execute("SELECT capturing FROM sync_clock").fetchone()[0] == 1
        # The triggers keep the totals again after the bundle.
        survivors.set_status(b.case_manager, "CT-3", CaseStatus.CLOSED)
        notes.add_note(b.case_manager, "CT-1", "met at the office")
        kept, fresh = totals_and_a_count_from_scratch(conn)
        assert kept == fresh
        search_index_is_whole(conn)
        assert b.sync().sent_changes > 0  # b's own changes were captured


class KilledError(Exception):
    pass


def test_a_failure_halfway_through_a_bulk_bundle_keeps_the_triggers_and_the_totals(
        tmp_path: Path, bulk: list[int], monkeypatch: pytest.MonkeyPatch) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1", "Rosa")
        take_in(a, "CT-2", "Inés")
        a.sync()
        b.sync()
        conn = b.supervisor.conn
        every_trigger = all_triggers(conn)
        before = conn.execute("SELECT * FROM dashboard_counts WHERE n != 0 "
                              "ORDER BY 1, 2, 3").fetchall()
        busy_day(a)
        a.sync()
        calls = [0]
        original = ReplicaRepository.set_row_versions

        def dies_on_the_third_table(self: ReplicaRepository, *args: Any) -> None:
            calls[0] += 1
            if calls[0] == 3:  # rows are in, the triggers are gone: the process fails
                assert dashboard_triggers(self.conn) == {}
                raise KilledError
            original(self, *args)

        with monkeypatch.context() as patch:
            patch.setattr(ReplicaRepository, "set_row_versions", dies_on_the_third_table)
            with pytest.raises(KilledError):
                b.sync()
        assert calls[0] == 3
        assert all_triggers(conn) == every_trigger
        search_index_is_whole(conn)
        assert conn.execute("SELECT * FROM dashboard_counts WHERE n != 0 "
                            "ORDER BY 1, 2, 3").fetchall() == before
        kept, fresh = totals_and_a_count_from_scratch(conn)
        assert kept == fresh
        # The next exchange applies the whole bundle, and the totals follow it.
        b.sync()
        assert b.digest() == a.digest()
        kept, fresh = totals_and_a_count_from_scratch(conn)
        assert kept == fresh
        assert all_triggers(conn) == every_trigger
        search_index_is_whole(conn)
