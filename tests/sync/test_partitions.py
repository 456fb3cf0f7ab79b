"""Three laptops working apart, then exchanging in every order: the same content everywhere
(by the content digest), and every change applied exactly once on each of the others."""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from casetracker.domain import clock
from casetracker.services import conflicts, notes, survivors
from casetracker.storage.sync_repo import SyncRepository
from tests.sync_laptops import Laptop, program_of, sync_all, take_in


def work_apart(a: Laptop, b: Laptop, c: Laptop) -> None:
    """Each laptop changes something while cut off from the others: new cases on each, edits
    of different fields of one case on two, notes on a case another laptop made."""
    moment = clock.now()

    def at(minutes: int) -> clock.FixedClock:
        later = moment + timedelta(minutes=minutes)
        return clock.FixedClock(later.date(), later.time())

    with clock.using(at(1)):
        survivors.update_survivor(a.case_manager, "CT-1", pronouns="she")
        take_in(a, "CT-A", "Alba")
    with clock.using(at(2)):
        survivors.update_survivor(b.case_manager, "CT-1", primary_language="Spanish")
        notes.add_note(b.case_manager, "CT-1", "called back")
        take_in(b, "CT-B", "Berta")
    with clock.using(at(3)):
        notes.add_note(c.case_manager, "CT-1", "met at the workshop")
        take_in(c, "CT-C", "Cira")
        survivors.update_survivor(c.case_manager, "CT-C", phone="555-0199")


@pytest.mark.parametrize("order", list(itertools.permutations(range(3))),
                         ids=lambda order: "".join("abc"[i] for i in order))
def test_three_partitioned_laptops_converge_in_every_order(
        tmp_path: Path, order: tuple[int, int, int]) -> None:
    with program_of(tmp_path, 3) as laptops:
        take_in(laptops[0], "CT-1")
        sync_all(laptops)
        work_apart(*laptops)
        ids = {laptop.laptop_id: laptop.name for laptop in laptops}
        sent: Counter[str] = Counter()
        received: dict[str, Counter[str]] = {laptop.name: Counter() for laptop in laptops}
        # Exchanging in this order, round after round, until a whole round moves nothing.
        for _ in range(4):
            moved = 0
            for laptop in (laptops[i] for i in order):
                report = laptop.sync()
                assert report.refused == [], report.refused
                assert report.dropped == 0
                sent[laptop.name] += report.sent_changes
                for writer, count in report.received.items():
                    received[laptop.name][ids[writer]] += count
                moved += report.sent_changes + sum(report.received.values())
            if not moved:
                break
        else:
            pytest.fail("the laptops were still exchanging changes after four rounds")
        assert all(sent.values())
        for laptop in laptops:  # each change of the others, applied once here
            assert received[laptop.name] == Counter(
                {other.name: sent[other.name] for other in laptops if other is not laptop})
            assert SyncRepository(laptop.supervisor.conn).pending(0, 10) == []
        assert len({laptop.digest() for laptop in laptops}) == 1
        for laptop in laptops:
            record = survivors.get_survivor(laptop.supervisor, "CT-1")
            assert (record.pronouns, record.primary_language) == ("she", "Spanish")
            assert sorted(n.text for n in notes.notes(laptop.supervisor, "CT-1")) == [
                "called back", "met at the workshop"]
            assert sorted(c.case_number for c in survivors.caseload(
                laptop.supervisor, status=None)) == ["CT-1", "CT-A", "CT-B", "CT-C"]
            assert survivors.get_survivor(laptop.supervisor, "CT-C").phone == "555-0199"
            assert conflicts.waiting(laptop.supervisor) == []
