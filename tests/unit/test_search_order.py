"""Search as typed (schema 12): the order of matches, pages that stop at their limit, the
upgrade that rebuilds the index, and the background search's own connection."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casetracker.domain.notes import ContactType
from casetracker.security.kdf import FAST_INSECURE
from casetracker.services import audit, demo, notes, search, survivors
from casetracker.services.search import BackgroundSearch, SearchInterruptedError
from casetracker.services.vault import Vault
from casetracker.storage.connection import EXPECTED_PRAGMAS, read_pragmas
from casetracker.storage.search_rows import SLOT_SHIFT, SOURCE_OF_SLOT
from tests.conftest import Team
from tests.helpers import CASE_MANAGER

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def people(team: Team) -> Team:
    add = team.case_manager
    survivors.create_survivor(add, survivors.draft("CT-1", "Lena", legal_last_name="Okafor"))
    survivors.create_survivor(add, survivors.draft("CT-2", "Mara", legal_last_name="Rosales"))
    survivors.create_survivor(add, survivors.draft("CT-3", "Rosa", legal_last_name="Quintero"))
    notes.add_note(add, "CT-1", "Rosa's cousin came along", ContactType.IN_PERSON)
    return team


def found(hits: list[search.SearchHit]) -> list[tuple[str, str]]:
    return [(h.case_number, h.matched) for h in hits]


def test_case_numbers_then_preferred_names_then_other_names_then_notes(people: Team) -> None:
    assert found(search.search(people.supervisor, "ros")) == [
        ("CT-3", "preferred_name"), ("CT-2", "names"), ("CT-1", "note")]
    assert found(search.search(people.supervisor, "ros", limit=2)) == [
        ("CT-3", "preferred_name"), ("CT-2", "names")]
    assert found(search.search(people.supervisor, "ct")) == [
        ("CT-1", "case_number"), ("CT-2", "case_number"), ("CT-3", "case_number")]
    # A coordinator's search reads case numbers and preferred names only.
    assert found(search.search(people.coordinator, "ros")) == [("CT-3", "preferred_name")]


def test_a_broad_prefix_gives_one_page_of_different_survivors(team: Team) -> None:
    demo.populate(team.case_manager, 40, [CASE_MANAGER], seed=3)
    hits = search.search(team.case_manager, "ct", limit=25)
    assert len(hits) == len({h.survivor_id for h in hits}) == 25
    assert {h.matched for h in hits} == {"case_number"}


def test_the_upgrade_rebuilds_the_index_with_prefixes_and_row_ids_by_kind(
        tmp_path: Path) -> None:
    shutil.copytree(DATA / "schema2", tmp_path / "schema2")
    vault = Vault(tmp_path / "schema2" / "case.db", kdf=FAST_INSECURE)
    with vault.unlock("dana", "sample database for schema two") as session:
        conn = session.conn
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'search_index'").fetchone()
        assert "prefix = '2 3 4'" in sql
        counts = conn.execute(
            "SELECT (SELECT count(*) FROM survivors), (SELECT count(*) FROM notes), "
            "(SELECT count(*) FROM search_index)").fetchone()
        assert counts[2] == 3 * counts[0] + counts[1]
        kinds = {source: slot for slot, source in enumerate(SOURCE_OF_SLOT)}
        for row, source in conn.execute("SELECT rowid, source FROM search_index"):
            assert row >> SLOT_SHIFT == kinds[source]
        # The triggers follow the new layout: a renamed survivor is found by the new name.
        case = survivors.caseload(session, status=None)[0].case_number
        conn.execute("UPDATE survivors SET legal_last_name = 'Zyxwerth' WHERE case_number = ?",
                     (case,))
        assert found(search.search(session, "zyxw")) == [(case, "names")]


def test_the_background_search_has_its_own_connection_and_can_be_interrupted(
        people: Team) -> None:
    session = people.supervisor
    before = len(audit.recent_entries(session, 1000))
    searcher = BackgroundSearch(session)
    assert found(searcher.find("quint", limit=50)) == [("CT-3", "names")]
    conn = searcher._conn
    assert conn is not None
    assert conn is not session.conn
    assert read_pragmas(conn) == EXPECTED_PRAGMAS  # memory security and temp_store too
    # Interrupted as a later keystroke would, from inside the running search.
    conn.set_progress_handler(lambda: searcher.interrupt() or 0, 1)
    with pytest.raises(SearchInterruptedError):
        searcher.find("ros", limit=50)
    conn.set_progress_handler(None, 1)
    assert len(searcher.find("ros", limit=50)) == 3
    searcher.close()
    assert searcher._conn is None
    # The caller audits what it shows; the background search audits nothing itself.
    entries = audit.recent_entries(session, 1000)
    assert [e.action for e in entries[before:]] == ["audit.view"]
