"""A supervisor merges two records of one person: every row of the other moves to the kept
record, nothing of it is left behind, the merge is audited and the kept case's audit history
includes the other's. A table added later with a survivor_id column must join the merge."""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.domain.errors import NotFoundError, PermissionDeniedError, UsageError
from casetracker.services import audit, duplicates, retention, survivors
from casetracker.storage.duplicates_repo import (
    KEYED_BY_SURVIVOR,
    LOCAL_TABLES,
    MOVED_TABLES,
    DuplicatesRepository,
)
from casetracker.storage.retention_repo import PURGED_TABLES
from tests.conftest import Team
from tests.security.test_purge import take_in_everywhere
from tests.unit.test_rules_one_home import assert_totals_match_a_recount


def test_every_table_with_a_survivor_id_is_merged(team: Team) -> None:
    """A new survivor-linked table must be moved (or copied) by a merge, like a purge's."""
    linked = DuplicatesRepository(team.supervisor.conn).survivor_linked_tables()
    assert linked == {*MOVED_TABLES, *KEYED_BY_SURVIVOR, *LOCAL_TABLES}


def _rows_of(team: Team, survivor_id: str) -> dict[str, int]:
    conn = team.supervisor.conn
    return {table: n for table, condition in PURGED_TABLES
            if (n := conn.execute(f"SELECT count(*) FROM {table} WHERE {condition}",
                                  (survivor_id,)).fetchone()[0])}


def test_a_merge_moves_everything_and_leaves_nothing_behind(team: Team,
                                                            tmp_path: Path) -> None:
    other = take_in_everywhere(team, tmp_path)
    kept = survivors.create_survivor(team.case_manager, survivors.draft(
        "CT-KEEP", "Zyquorith", legal_first_name="Rosa")).case_number
    sam = team.supervisor
    other_id = survivors.get_survivor(sam, other).id
    kept_id = survivors.get_survivor(sam, kept).id
    before_other, before_kept = _rows_of(team, other_id), _rows_of(team, kept_id)
    assert set(before_other) >= set(MOVED_TABLES) - {"legal_holds"}

    with pytest.raises(PermissionDeniedError):
        duplicates.merge(team.case_manager, kept, other, other)
    with pytest.raises(UsageError):
        duplicates.merge(sam, kept, other, kept)  # confirmed with the wrong number
    report = duplicates.merge(sam, kept, other, other)

    assert _rows_of(team, other_id) == {}
    after = _rows_of(team, kept_id)
    # Every table a purge empties (all that hold a survivor's rows), whichever way it moves.
    for table, _ in PURGED_TABLES:
        extra = before_other.get(table, 0)
        if table == "documents":  # one row per kind: the blank checklist rows went
            assert before_kept[table] <= after[table] <= before_kept[table] + extra
        elif table == "survivor_sensitive":  # the two combined in one
            assert after[table] == 1
        elif table not in {"survivors", "case_closures"}:  # the kept record's own stand
            assert after.get(table, 0) == before_kept.get(table, 0) + extra, table
    with pytest.raises(NotFoundError):
        survivors.get_survivor(sam, other)
    assert report.kept == kept
    assert report.merged == other
    assert "legal_last_name" in report.filled
    assert sam.conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert_totals_match_a_recount(sam)  # the dashboard's figures followed the moves

    # Audited, reviewable, and the kept case's history now includes the other's.
    merges = [e for e in audit.search(sam, action="survivor.merge")
              if e.action == "survivor.merge"]
    assert [(e.subject, e.details["merged"]) for e in merges] == [(kept, other)]
    history = {e.subject for e in audit.search(sam, subject=kept)}
    assert history == {kept, other}
    assert duplicates.merged_case_numbers(sam, kept) == [other]
    assert audit.verify_chain(sam).ok


def test_purging_the_kept_case_shreds_what_the_trail_said_about_the_merged_one(
        team: Team) -> None:
    cm, sam = team.case_manager, team.supervisor
    survivors.create_survivor(cm, survivors.draft("CT-A", "Rosa", legal_last_name="Diaz"))
    survivors.create_survivor(cm, survivors.draft("CT-B", "Rosa", legal_last_name="Diaz"))
    survivors.get_survivor(cm, "CT-B")  # an entry about CT-B with sealed details
    duplicates.merge(sam, "CT-A", "CT-B", "CT-B")
    survivors.set_status(cm, "CT-A", survivors.CaseStatus.CLOSED)
    for session in (team.case_manager, team.other_case_manager, team.coordinator):
        session.close()
    retention.purge_case(sam, "CT-A", "CT-A")
    merged_into = audit.search(sam, action="survivor.merged_into")
    assert merged_into
    assert all(e.details.get("into") != "CT-A" for e in merged_into)
