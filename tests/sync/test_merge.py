"""The merge rule and the clock: the same heads whatever the (causal) order changes arrive
in, and a change made after seeing another always comes after it."""

from __future__ import annotations

import itertools
from datetime import timedelta
from pathlib import Path

from casetracker.domain import clock
from casetracker.services import conflicts, survivors
from casetracker.storage.sync_repo import ORIGIN, Version
from casetracker.sync import capture, hlc
from casetracker.sync.merge import in_conflict, merge
from tests.sync_laptops import program_of, sync_all, take_in

# A small history of one field: (version, versions it replaced, versions its author had
# seen, so that it arrives after them).
X, Y, X2, Z, W = (10, "a"), (11, "b"), (12, "a"), (20, "c"), (21, "b")
HISTORY: dict[Version, tuple[set[Version], set[Version]]] = {
    X: ({ORIGIN}, set()),
    Y: ({ORIGIN}, set()),         # concurrent with X
    X2: ({X}, {X}),               # a's second edit, still not having seen Y
    Z: ({Y}, {Y}),                # c saw only Y
    W: ({X2, Z}, {X2, Z, X, Y}),  # b settles after seeing everything (replacing both heads)
}


def heads_after(order: tuple[Version, ...]) -> set[Version]:
    winner, others = ORIGIN, frozenset[Version]()
    for version in order:
        merged = merge(winner, others, version, HISTORY[version][0])
        winner, others = merged.winner, merged.others
    return {winner, *others}


def causal(order: tuple[Version, ...]) -> bool:
    return all(HISTORY[v][1] <= set(order[:i]) for i, v in enumerate(order))


def test_every_causal_order_gives_the_same_heads() -> None:
    results = {}
    for size in range(1, len(HISTORY) + 1):
        for subset in itertools.combinations(HISTORY, size):
            orders = [o for o in itertools.permutations(subset) if causal(o)]
            if not orders:
                continue
            results[frozenset(subset)] = {frozenset(heads_after(o)) for o in orders}
            assert len(results[frozenset(subset)]) == 1, (subset, results[frozenset(subset)])
    assert results[frozenset({X, Y, X2})] == {frozenset({X2, Y})}
    assert results[frozenset({X, Y, X2, Z})] == {frozenset({X2, Z})}
    assert results[frozenset(HISTORY)] == {frozenset({W})}


def test_the_largest_version_wins_and_laptop_ids_break_ties() -> None:
    assert merge(ORIGIN, (), (5, "b"), ()).winner == (5, "b")
    assert merge((5, "a"), (), (5, "b"), ()).winner == (5, "b")
    assert merge((5, "b"), (), (5, "a"), ()).winner == (5, "b")


def test_equal_values_are_no_conflict() -> None:
    assert not in_conflict("she", ["she", "she"])
    assert in_conflict("she", ["they"])
    assert in_conflict(1, ["1"])  # a number and a text are different values


def test_clock_values_keep_the_program_clocks_time() -> None:
    moment = clock.now().replace(microsecond=123000)
    assert hlc.wall_time(hlc.physical(moment)) == moment
    assert hlc.physical(moment + timedelta(milliseconds=1)) > hlc.physical(moment) + 1000


def test_a_clock_set_back_does_not_reorder_this_laptops_changes(tmp_path: Path) -> None:
    with program_of(tmp_path, 1) as (a,):
        take_in(a, "CT-1")
        survivors.update_survivor(a.case_manager, "CT-1", pronouns="she")
        earlier = clock.now() - timedelta(hours=3)
        with clock.using(clock.FixedClock(earlier.date(), earlier.time())):
            survivors.update_survivor(a.case_manager, "CT-1", pronouns="they")
        capture.flush(a.supervisor.conn)
        rows = a.supervisor.conn.execute(
            "SELECT hlc, value FROM sync_changes WHERE field = 'pronouns' ORDER BY seq")
        (first, she), (second, they) = rows.fetchall()
        assert (she, they) == ("she", "they")
        assert second > first


def test_an_edit_after_seeing_one_from_a_laptop_whose_clock_is_ahead_wins(
        tmp_path: Path) -> None:
    with program_of(tmp_path, 2) as (a, b):
        take_in(a, "CT-1")
        sync_all([a, b])
        ahead = clock.now() + timedelta(days=1)
        with clock.using(clock.FixedClock(ahead.date(), ahead.time())):
            survivors.update_survivor(b.case_manager, "CT-1", phone="555-0101")
        sync_all([b, a])
        # a's own clock is a day behind, but its edit comes after the one it has seen.
        survivors.update_survivor(a.case_manager, "CT-1", phone="555-0202")
        sync_all([a, b])
        for laptop in (a, b):
            assert survivors.get_survivor(laptop.supervisor, "CT-1").phone == "555-0202"
            assert conflicts.waiting(laptop.supervisor) == []
        # Its time of change too, which takes the latest value without a conflict.
        assert a.digest() == b.digest()
