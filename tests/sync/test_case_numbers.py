"""Two laptops taking in a survivor each, apart, give both the same next case number: the
laptops converge on one survivor keeping it and the other renumbered, the same way whatever
the order, with a task telling its case manager."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.services import notes, survivors
from tests.sync_laptops import Laptop, program_of, sync_all

Later = Callable[[], clock.FixedClock]


@pytest.fixture
def later() -> Later:
    moment = [clock.now()]

    def step() -> clock.FixedClock:
        moment[0] += timedelta(minutes=1)
        return clock.FixedClock(moment[0].date(), moment[0].time())

    return step


def intake(laptop: Laptop, name: str) -> survivors.Survivor:
    """A survivor taken in with the next case number, as the intake screen does."""
    return survivors.create_survivor(laptop.case_manager, survivors.draft("", name))


def numbers(laptop: Laptop) -> dict[str, str]:
    return {row.preferred_name: row.case_number
            for row in survivors.caseload(laptop.supervisor, status=None)}


@pytest.mark.parametrize("first_to_sync", [0, 1])
@pytest.mark.parametrize("earlier", [0, 1])
def test_the_same_next_number_on_two_laptops_converges(
        tmp_path: Path, later: Later, first_to_sync: int, earlier: int) -> None:
    with program_of(tmp_path, 2) as laptops:
        order = [laptops[earlier], laptops[1 - earlier]]
        with clock.using(later()):
            kept = intake(order[0], "Ada")
        with clock.using(later()):
            moved = intake(order[1], "Bo")
        assert kept.case_number == moved.case_number
        sync_all([laptops[first_to_sync], laptops[1 - first_to_sync]])
        expected = {"Ada": kept.case_number,
                    "Bo": f"{kept.case_number}-{moved.id.replace('-', '')[:4].upper()}"}
        for laptop in laptops:
            assert numbers(laptop) == expected
            tasks = [t.title for t in notes.tasks(laptop.case_manager, expected["Bo"])]
            assert tasks == [f"Case number {kept.case_number} was also given on another "
                             f"laptop: this case is now {expected['Bo']} (tell anyone who "
                             "has the old number)"]
            assert notes.tasks(laptop.case_manager, expected["Ada"]) == []
        assert laptops[0].digest() == laptops[1].digest()
        # The renumbered case is an ordinary case: it can be edited, and the edit travels.
        survivors.update_survivor(order[1].case_manager, expected["Bo"], pronouns="he")
        sync_all(laptops)
        assert survivors.get_survivor(order[0].supervisor, expected["Bo"]).pronouns == "he"
        assert laptops[0].digest() == laptops[1].digest()


def test_three_laptops_with_one_number(tmp_path: Path, later: Later) -> None:
    with program_of(tmp_path, 3) as laptops:
        for laptop, name in zip(laptops, ("Ada", "Bo", "Cy"), strict=True):
            with clock.using(later()):
                intake(laptop, name)
        sync_all(list(reversed(laptops)))
        found = [numbers(laptop) for laptop in laptops]
        assert found[0] == found[1] == found[2]
        assert len(set(found[0].values())) == 3
        assert len({laptop.digest() for laptop in laptops}) == 1
