"""The scheduled purge: nothing of what it removes stays in the decrypted file or its log, a
held case is untouched, a partial purge keeps the rest, only supervisors run it, and a wrong
confirmation changes nothing. (The page decryption is test_purge's.)"""

from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.errors import PermissionDeniedError, UsageError
from casetracker.domain.retention import Part, add_months
from casetracker.domain.survivors import CaseStatus, SensitiveDetails
from casetracker.services import (
    audit,
    backup,
    copies,
    documents,
    retention,
    sensitive,
    survivors,
)
from casetracker.services.session import Session
from tests.conftest import Team
from tests.security.test_purge import (
    CANARIES,
    database_plaintext,
    found,
    table_counts,
    take_in_everywhere,
    wal_plaintext,
)

TODAY = clock.today()
PARTIAL = {"sensitive": "Crumplewattle", "scan": "Dribblefinch", "kept_note": "Quillspoggle"}
HELD = {"held_name": "Borrowgast", "held_sensitive": "Fennelwhisk"}


def _closed_months_ago(team: Team, case: str, months: int) -> None:
    with clock.using(clock.FixedClock(add_months(TODAY, -months))):
        survivors.set_status(team.case_manager, case, CaseStatus.CLOSED)


def _partial_case(team: Team) -> str:
    """Closed four months ago: its sensitive details are due, the record is not."""
    cm = team.case_manager
    case = survivors.create_survivor(cm, survivors.draft("CT-PART-1", "Marta"), SensitiveDetails(
        "", history_notes=f"Held by {PARTIAL['sensitive']}")).case_number
    from casetracker.domain.notes import ContactType
    from casetracker.services import notes
    notes.add_note(cm, case, f"Met at {PARTIAL['kept_note']}", ContactType.IN_PERSON)
    _closed_months_ago(team, case, 4)
    return case


def _scan_case(team: Team) -> tuple[str, str]:
    """An active case with a scan of a document recovered five months ago."""
    cm = team.case_manager
    case = survivors.create_survivor(cm, survivors.draft("CT-SCAN-1", "Iris")).case_number
    doc = documents.documents(cm, case)[0]
    with clock.using(clock.FixedClock(add_months(TODAY, -5))):
        documents.set_status(cm, doc.id, documents.DocumentStatus.RECOVERED)
    documents.attach_scan(cm, doc.id, "id.png",
                          b"\x89PNG\r\n\x1a\n" + f"tEXt {PARTIAL['scan']}".encode())
    return case, doc.id


def _held_case(team: Team) -> str:
    cm = team.case_manager
    case = survivors.create_survivor(cm, survivors.draft("CT-HELD-1", HELD["held_name"]),
                                     SensitiveDetails("", history_notes=HELD["held_sensitive"]))
    _closed_months_ago(team, case.case_number, 30)
    retention.hold(team.supervisor, case.case_number, "Court case pending")
    return case.case_number


def _everything(team: Team, tmp_path: Path) -> dict[str, str]:
    whole = take_in_everywhere(team, tmp_path)
    _closed_months_ago(team, whole, 13)
    return {"whole": whole, "partial": _partial_case(team), "scan": _scan_case(team)[0],
            "held": _held_case(team)}


def test_scheduled_purge_leaves_nothing_due_in_the_file(team: Team, tmp_path: Path) -> None:
    cases = _everything(team, tmp_path)
    due = retention.due(team.supervisor)
    assert [(d.case_number, d.part) for d in due] == [  # in case number order
        (cases["partial"], Part.SENSITIVE), (cases["whole"], Part.RECORD),
        (cases["scan"], Part.SCANS)]
    db, key = team.vault.paths.db, team.supervisor.data_key
    everything = {**CANARIES, **PARTIAL, **HELD}
    team.supervisor.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert found(database_plaintext(db, key), everything) == set(everything)

    for session in (team.case_manager, team.other_case_manager, team.coordinator):
        session.close()
    report = retention.purge_due(team.supervisor, 3)

    assert report.checkpointed
    pages = database_plaintext(db, key) + wal_plaintext(team.vault.paths.wal, key)
    # What was due is gone from every page; what was not (the partial case's note, the
    # held case) is still there.
    assert found(pages, everything) == {"kept_note", "held_name", "held_sensitive"}
    assert team.vault.paths.wal.stat().st_size == 0
    assert retention.due(team.supervisor) == []
    sup = team.supervisor
    assert survivors.get_survivor(sup, cases["partial"]).preferred_name == "Marta"
    assert sensitive.get_sensitive(sup, cases["partial"]).history_notes == ""
    assert survivors.get_survivor(sup, cases["scan"]).status is CaseStatus.ACTIVE
    assert all(documents.scans(sup, d.id) == [] for d in documents.documents(sup, cases["scan"]))
    assert sensitive.get_sensitive(sup, cases["held"]).history_notes == HELD["held_sensitive"]
    assert audit.verify_chain(sup).ok
    parts = [(e.subject, e.details["part"]) for e in audit.recent_entries(sup, 500)
             if e.action == "survivor.purge_part"]
    assert sorted(parts) == sorted([(cases["partial"], "sensitive"), (cases["scan"], "scans")])


def test_a_held_case_is_never_purged_by_any_path(team: Team) -> None:
    held = _held_case(team)
    assert retention.due(team.supervisor) == []
    assert retention.held_cases(team.supervisor) == [held]
    with pytest.raises(UsageError, match="legal hold"):
        retention.purge_case(team.supervisor, held, held)
    with pytest.raises(UsageError, match="already under legal hold"):
        retention.hold(team.supervisor, held, "again")
    assert retention.purge_due(team.supervisor, 0).parts == ()
    assert survivors.get_survivor(team.supervisor, held).preferred_name == HELD["held_name"]
    retention.release(team.supervisor, held)
    assert [d.case_number for d in retention.due(team.supervisor)] == [held]
    actions = [(e.action, e.subject) for e in audit.recent_entries(team.supervisor, 200)
               if e.action in ("retention.hold", "retention.release")]
    assert actions == [("retention.hold", held), ("retention.release", held)]


def _snapshot(session: Session) -> dict[str, int]:
    counts = table_counts(session)
    counts.pop("audit_log", None)  # refusals are audited
    counts.pop("audit_subject_keys", None)
    return counts


def test_others_are_refused_and_a_wrong_count_changes_nothing(
        team: Team, tmp_path: Path) -> None:
    cases = _everything(team, tmp_path)
    before = _snapshot(team.supervisor)
    for session in (team.case_manager, team.other_case_manager, team.coordinator):
        for attempt in (lambda s: retention.due(s), lambda s: retention.purge_due(s, 3),
                        lambda s: retention.hold(s, cases["whole"], "x"),
                        lambda s: retention.release(s, cases["held"]),
                        lambda s: retention.set_policy(s, closed_months=1),
                        lambda s: retention.due_count(s),
                        lambda s: copies.prune_backups(s)):
            with pytest.raises(PermissionDeniedError):
                attempt(session)
    for wrong in (0, 2, 4, -3):
        with pytest.raises(UsageError, match="nothing was removed"):
            retention.purge_due(team.supervisor, wrong)
    assert _snapshot(team.supervisor) == before


def test_backups_made_before_a_purge_are_listed_and_pruned(team: Team, tmp_path: Path) -> None:
    case = survivors.create_survivor(team.case_manager, survivors.draft("CT-B1", "Ana"))
    _closed_months_ago(team, case.case_number, 13)
    old = backup.create_backup(team.supervisor, tmp_path / "b" / "old.db").path
    assert [b.past_policy for b in copies.known_backups(team.supervisor)] == [False]
    report = retention.purge_due(team.supervisor, 1)
    assert [c.path for c in report.copies.remaining] == [old.resolve()]
    assert [b.past_policy for b in copies.known_backups(team.supervisor)] == [True]
    with pytest.raises(UsageError, match="make a new backup first"):
        copies.prune_backups(team.supervisor)
    assert old.exists()
    new = backup.create_backup(team.supervisor, tmp_path / "b" / "new.db").path
    pruned = copies.prune_backups(team.supervisor)
    assert pruned.removed == (old.resolve(),)
    assert not old.exists()
    assert not Path(f"{old}.keys").exists()
    assert new.exists()
    assert Path(f"{new}.keys").exists()
    assert [(b.path.name, b.found, b.past_policy) for b in copies.known_backups(
        team.supervisor)] == [("old.db", False, True), ("new.db", True, False)]
    assert copies.prune_backups(team.supervisor).removed == ()
