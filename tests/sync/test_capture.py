"""Change capture: every change to a replicated table is logged with its clock, its author
and the version it replaced, by triggers made from one declared list."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.services import documents, notes, survivors
from casetracker.services import sync as team_use
from casetracker.storage.migrations import v011_change_capture as capture
from casetracker.storage.sync_repo import Change, SyncRepository
from casetracker.sync import capture as capture_changes
from casetracker.sync import hlc
from tests.conftest import Team
from tests.helpers import CASE_MANAGER
from tests.sync_laptops import program_of, take_in


def log(conn: object) -> list[tuple[object, ...]]:
    """Every change logged (after turning what the triggers recorded into changes)."""
    capture_changes.flush(conn)
    return list(conn.execute(  # type: ignore[attr-defined]
        "SELECT op, tbl, field, value, actor, hlc, prev_hlc FROM sync_changes ORDER BY seq"))


def logged(laptop: object, after: int = 0) -> list[Change]:
    conn = laptop.supervisor.conn  # type: ignore[attr-defined]
    capture_changes.flush(conn)
    return SyncRepository(conn).pending(after, 10_000)


def test_a_database_used_alone_captures_nothing_and_has_no_triggers(team: Team) -> None:
    take_in_alone = survivors.create_survivor(team.case_manager, survivors.draft("CT-1", "Ada"))
    survivors.update_survivor(team.case_manager, take_in_alone.case_number, pronouns="she")
    conn = team.supervisor.conn
    assert log(conn) == []
    assert capture.stored_triggers(conn) == {}


def test_starting_a_program_captures_existing_records_once_parents_first(tmp_path: Path) -> None:
    with program_of(tmp_path, 1, before_start=["CT-1"]) as (a,):
        changes = logged(a)
        tables = [c.table for c in changes]
        assert tables[0] == "survivors"
        assert set(tables) == {"survivors", "documents"}
        assert all(c.op == "insert" for c in changes)
        survivor = changes[0].value
        assert survivor["case_number"] == "CT-1"
        assert "seq" not in survivor  # the local search key stays here


def test_an_edit_logs_each_changed_field_with_the_version_it_replaced(tmp_path: Path) -> None:
    with program_of(tmp_path, 1) as (a,):
        take_in(a, "CT-1")
        inserted = next(c for c in logged(a) if c.table == "survivors")
        later = clock.now() + timedelta(minutes=5)
        with clock.using(clock.FixedClock(later.date(), later.time())):
            survivors.update_survivor(a.case_manager, "CT-1", pronouns="she",
                                      preferred_name="Rosa")  # the name does not change
        updates = [c for c in logged(a, inserted.seq) if c.table == "survivors"]
        assert {c.field for c in updates} == {"pronouns", "updated_at"}
        pronouns = next(c for c in updates if c.field == "pronouns")
        assert pronouns.value == "she"
        assert pronouns.actor == CASE_MANAGER
        assert pronouns.replaced == ((inserted.hlc, a.laptop_id),)
        # The program clock's time, not the computer's.
        assert hlc.wall_time(pronouns.hlc) == later.replace(microsecond=0)
        assert pronouns.hlc > inserted.hlc


def test_every_captured_value_has_a_unique_increasing_clock(tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")  # one unit of work: the survivor and the document checklist
        for text in ("one", "two"):  # the program clock stands still meanwhile
            notes.add_note(a.case_manager, "CT-1", text)
        with a.case_manager.changing():  # one field changed twice in one unit
            survivors.update_survivor(a.case_manager, "CT-1", pronouns="she")
            survivors.update_survivor(a.case_manager, "CT-1", pronouns="they")
        clocks = [c.hlc for c in logged(a)]
        assert clocks == sorted(set(clocks))
        a.sync()
        b.sync()
        assert b.digest() == a.digest()
        assert survivors.get_survivor(b.supervisor, "CT-1").pronouns == "they"


def test_a_delete_drops_the_rows_unsent_changes(tmp_path: Path) -> None:
    with program_of(tmp_path, 1) as (a,):
        take_in(a, "CT-1")
        notes.add_note(a.case_manager, "CT-1", "a note that will go")
        survivors.set_status(a.case_manager, "CT-1", survivors.CaseStatus.CLOSED)
        from casetracker.services import retention

        retention.purge_case(a.supervisor, "CT-1", "CT-1")
        changes = logged(a)
        # The figures the purge keeps (de-identified, in `kept_figures`) travel as new rows.
        assert {c.op for c in changes if c.table != "kept_figures"} == {"delete"}
        assert {c.op for c in changes if c.table == "kept_figures"} == {"insert"}
        assert "a note that will go" not in repr(log(a.supervisor.conn))


def test_scans_travel_as_bytes(tmp_path: Path) -> None:
    with program_of(tmp_path, 1) as (a,):
        take_in(a, "CT-1")
        document = documents.documents(a.case_manager, "CT-1")[0]
        documents.attach_scan(a.case_manager, document.id, "id.png",
                              b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
        scan = next(c for c in logged(a)
                    if c.table == "attachments")
        assert scan.value["content"] == b"\x89PNG\r\n\x1a\n" + bytes(range(256))


# -- the declaration ------------------------------------------------------------------------------

def _schema(conn: object) -> dict[str, list[str]]:
    tables = [r[0] for r in conn.execute(  # type: ignore[attr-defined]
        "SELECT name FROM sqlite_schema WHERE type = 'table'")]
    return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]  # type: ignore[attr-defined]
            for t in tables}


def test_every_table_is_declared_replicated_or_local(team: Team) -> None:
    """A new table, or a new column of a replicated one, is a decision made in one place."""
    schema = _schema(team.supervisor.conn)
    undeclared = [t for t in schema if t not in capture.BY_TABLE
                  and t not in capture.NOT_REPLICATED and not t.startswith(("sync_", "sqlite_"))
                  and not t.startswith("search_index")]
    assert undeclared == []
    for spec in capture.REPLICATED:
        assert sorted(schema[spec.table]) == sorted((*spec.key, *spec.columns, *spec.local))


def test_parents_come_before_children(team: Team) -> None:
    order = [spec.table for spec in capture.REPLICATED]
    for spec in capture.REPLICATED:
        for key in team.supervisor.conn.execute(f"PRAGMA foreign_key_list({spec.table})"):
            if key[2] in capture.BY_TABLE:
                assert order.index(key[2]) < order.index(spec.table), (spec.table, key[2])


def test_triggers_made_for_other_columns_are_rebuilt(tmp_path: Path) -> None:
    with program_of(tmp_path, 1) as (a,):
        conn = a.supervisor.conn
        conn.execute("DROP TRIGGER sync_notes_update")
        assert capture.rebuild_if_stale(conn)
        assert set(capture.stored_triggers(conn).values()) == set(capture.wanted_triggers(conn))
        assert not capture.rebuild_if_stale(conn)


def test_capture_can_be_shown_to_fail(tmp_path: Path) -> None:
    """Without its trigger, an edit goes unrecorded: the tests above would see it."""
    with program_of(tmp_path, 1) as (a,):
        take_in(a, "CT-1")
        a.supervisor.conn.execute("DROP TRIGGER sync_survivors_update")
        before = len(log(a.supervisor.conn))
        survivors.update_survivor(a.case_manager, "CT-1", pronouns="they")
        assert len(log(a.supervisor.conn)) == before


def test_only_a_supervisor_starts_a_program(team: Team) -> None:
    from casetracker.domain.errors import PermissionDeniedError

    with pytest.raises(PermissionDeniedError):
        team_use.start_program(team.case_manager)
    assert capture.stored_triggers(team.supervisor.conn) == {}
