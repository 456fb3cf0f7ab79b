"""A supervisor's merge of two records travels: the other record's rows arrive moved to the
kept record (captured as changes of their survivor), the removed record's delete arrives,
and the role rules accept every change of it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.domain.errors import NotFoundError
from casetracker.domain.plans import GoalDomain
from casetracker.services import duplicates, notes, plans, sensitive, survivors
from casetracker.storage.sync_repo import SyncRepository
from casetracker.sync import capture
from tests.sync_laptops import program_of, sync_all, take_in


def test_a_merge_on_one_laptop_is_the_same_merge_on_the_other(tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        survivors.create_survivor(a.case_manager, survivors.draft(
            "CT-2", "Rosie", legal_last_name="Quintero", phone="555-010-4477"))
        note = notes.add_note(a.case_manager, "CT-2", "first call")
        goal = plans.add_goal(a.case_manager, "CT-2", domain=GoalDomain.HOUSING,
                              specific="a flat", measurable="keys", achievable="yes",
                              relevant="yes", target_date=clock.today() + timedelta(days=60))
        sensitive.update_sensitive(a.case_manager, "CT-2", safety_plan="call the shelter")
        sync_all([a, b])

        capture.flush(a.supervisor.conn)
        repo = SyncRepository(a.supervisor.conn)
        mark = max([c.seq for c in repo.pending(0, 1_000_000)], default=0)
        duplicates.merge(a.supervisor, "CT-1", "CT-2", "CT-2")
        capture.flush(a.supervisor.conn)
        made = repo.pending(mark, 1_000_000)
        moved = {(c.table, c.op, c.field) for c in made}
        assert ("notes", "update", "survivor_id") in moved
        assert ("goals", "update", "survivor_id") in moved
        assert {("survivors", "delete"), ("survivor_sensitive", "insert"),
                ("survivor_sensitive", "delete")} <= {(t, op) for t, op, _ in moved}

        sync_all([a, b])  # refused changes would fail here
        for laptop in (a, b):
            sam = laptop.supervisor
            kept = survivors.get_survivor(sam, "CT-1")
            assert kept.phone == "555-010-4477"
            assert [n.id for n in notes.notes(sam, "CT-1")] == [note.id]
            assert [g.id for g in plans.goals(sam, "CT-1")] == [goal.id]
            assert sensitive.get_sensitive(sam, "CT-1").safety_plan == "call the shelter"
            with pytest.raises(NotFoundError):
                survivors.get_survivor(sam, "CT-2")
        assert a.digest() == b.digest()
