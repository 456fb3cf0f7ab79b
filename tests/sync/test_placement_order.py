"""Placement steps from several laptops sort by when they were recorded, not by when they
arrived: every laptop shows the same pipeline and the same current stage."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.employment import Stage
from casetracker.services import placement, survivors
from tests.sync_laptops import program_of, sync_all, take_in


def at(minutes: int) -> clock.FixedClock:
    moment = clock.now() + timedelta(minutes=minutes)
    return clock.FixedClock(moment.date(), moment.time())


def test_a_step_from_another_laptop_takes_its_place_by_time(tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        sync_all([a, b])
        with clock.using(at(1)):  # b moves the case on first...
            placement.advance(b.case_manager, "CT-1", Stage.MATCHING)
        with clock.using(at(2)):  # ...a, not having heard, records an exit a minute later
            placement.advance(a.case_manager, "CT-1", Stage.EXITED, reason="moved away")
        sync_all([a, b])
        for laptop in (a, b):
            steps = placement.steps(laptop.supervisor, "CT-1")
            assert [s.stage for s in steps] == [Stage.MATCHING, Stage.EXITED]
            assert placement.current_stage(laptop.supervisor, "CT-1") is Stage.EXITED
            (row,) = survivors.caseload(laptop.supervisor, status=None)
            assert row.stage == Stage.EXITED.value
        assert a.digest() == b.digest()
