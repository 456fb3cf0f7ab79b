from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

from casetracker.domain.errors import ThrottledError
from casetracker.security.lockout import (
    FORGET_AFTER_SECONDS,
    MAX_DELAY_SECONDS,
    delay_after,
    held,
    locked,
)
from tests.helpers import FakeClock


def test_delay_grows_exponentially_to_a_ceiling() -> None:
    assert [delay_after(n) for n in range(7)] == [0, 0, 0, 1, 2, 4, 8]
    assert delay_after(100) == MAX_DELAY_SECONDS


def test_delay_survives_a_restart(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "case.db.lockout"
    with locked(path, clock) as state:
        for _ in range(6):
            state.record_failure("ana")
    with locked(path, clock) as reloaded:
        with pytest.raises(ThrottledError, match="wait 8 seconds") as info:
            reloaded.check("ana")
        assert info.value.wait_seconds == 8
        reloaded.check("sam")  # other accounts are not held up
        clock.advance(8)
        reloaded.check("ana")


def test_clock_set_backwards_does_not_shorten_the_wait(tmp_path: Path) -> None:
    clock = FakeClock()
    with locked(tmp_path / "l", clock) as state:
        for _ in range(8):
            state.record_failure("ana")
        clock.advance(-3600)
        assert state.wait_seconds("ana") == delay_after(8)


def test_a_damaged_lockout_file_throttles_for_a_while_not_forever(tmp_path: Path) -> None:
    path = tmp_path / "case.db.lockout"
    path.write_text("{not json")
    clock = FakeClock()
    with locked(path, clock) as state, pytest.raises(ThrottledError):
        state.check("anyone")
    clock.advance(delay_after(7))
    with locked(path, clock) as state:
        state.check("anyone")


def test_success_resets_the_count_but_keeps_failures_for_the_audit(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "l"
    with locked(path, clock) as state:
        for _ in range(4):
            state.record_failure("ana")
        state.record_failure(None)
    clock.advance(3600)
    with locked(path, clock) as state:
        state.record_success("ana")
        assert state.wait_seconds("ana") == 0
    with locked(path, clock) as state:
        assert [p.account for p in state.pending] == ["ana"] * 4 + ["?"]
        state.clear_pending()
    with locked(path, clock) as state:
        assert state.pending == []


def test_parallel_attempts_are_serialised_and_all_counted(tmp_path: Path) -> None:
    path = tmp_path / "l"
    clock = FakeClock()

    def attempt() -> None:
        with locked(path, clock) as state:
            time.sleep(0.01)  # stands for the key derivation: a window for a race to show
            state.record_failure("ana")

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with locked(path, clock) as state:
        assert state.counts["ana"] == 8
        assert len(state.pending) == 8


def test_absurd_counts_and_huge_pending_lists_are_cut_down(tmp_path: Path) -> None:
    """A count of 10**12 waits the ceiling (without computing 2**(10**12), which would hang:
    `delay_after` stops growing first); a huge pending list is cut to what the audit takes."""
    clock = FakeClock()
    path = tmp_path / "l"
    path.write_text(json.dumps({
        "accounts": {"ana": {"failures": 10**12, "last_failure": clock.now}},
        "pending_audit": [{"account": "ana", "at": "2026-01-01"}] * 20_000}))
    with locked(path, clock) as state:
        assert delay_after(10**12) == MAX_DELAY_SECONDS
        assert state.wait_seconds("ana") == MAX_DELAY_SECONDS
        clock.advance(MAX_DELAY_SECONDS - 1)
        assert state.wait_seconds("ana") == 1
        clock.advance(1)
        assert state.wait_seconds("ana") == 0
        assert len(state.pending) == 500
        assert state.dropped == 19_500
        state.record_failure("ana")
    with locked(path, clock) as reloaded:
        assert len(reloaded.pending) == 500
        assert reloaded.dropped == 19_501  # counted, though not kept


def test_failures_are_timed_by_the_injected_clock(tmp_path: Path) -> None:
    clock = FakeClock(1_700_000_000.0)  # 2023-11-14T22:13:20Z, far from any real today
    path = tmp_path / "l"
    with locked(path, clock) as state:
        for _ in range(4):
            state.record_failure("ana")
            clock.advance(60)
    with locked(path, clock) as reloaded:
        assert [p.at for p in reloaded.pending] == [
            "2023-11-14T22:13:20+00:00", "2023-11-14T22:14:20+00:00",
            "2023-11-14T22:15:20+00:00", "2023-11-14T22:16:20+00:00"]
        # Four failures make the next attempt wait a little after the last one: 60 s ago by
        # this clock, so no wait now; back at that moment, the whole wait.
        assert reloaded.wait_seconds("ana") == 0
        clock.advance(-60)
        assert reloaded.wait_seconds("ana") == delay_after(4)


def test_a_slot_idle_for_a_month_is_forgotten_and_a_recent_one_kept(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "l"
    with locked(path, clock) as state:
        for _ in range(20):
            state.record_failure("old")
    clock.advance(FORGET_AFTER_SECONDS - 10)
    with locked(path, clock) as state:
        state.record_failure("recent")
    clock.advance(11)
    with locked(path, clock) as state:
        state.forget_idle()
        assert set(state.counts) == {"recent"}
        assert [p.account for p in state.pending][-1] == "recent"  # the audit keeps both


def test_held_waits_for_the_longer_of_the_two_stores_and_counts_in_both(
        tmp_path: Path) -> None:
    clock = FakeClock()
    beside, user = tmp_path / "case.db.lockout", tmp_path / "data" / "attempts.lockout"
    with held(beside, user, clock) as throttle:
        for _ in range(5):
            throttle.record_failure("tag", "ana")
    beside.unlink()  # a copy without its lockout file
    with held(beside, user, clock) as throttle, pytest.raises(ThrottledError, match="wait 4"):
        throttle.check("tag")
    user.unlink()  # another OS account, with the lockout file copied along
    beside.write_text(json.dumps({"accounts": {"tag": {"failures": 5,
                                                       "last_failure": clock.now}}}))
    with held(beside, user, clock) as throttle, pytest.raises(ThrottledError, match="wait 4"):
        throttle.check("tag")


def test_the_users_store_keeps_no_names_and_restore_writes_nothing_beside(
        tmp_path: Path) -> None:
    clock = FakeClock()
    user = tmp_path / "data" / "attempts.lockout"
    with held(None, user, clock) as throttle:
        throttle.record_failure("tag", "ana")
        throttle.record_failure(None)
        assert throttle.failures("tag") == 1
    data = json.loads(user.read_text())
    assert data == {"accounts": {"tag": {"failures": 1, "last_failure": clock.now}}}
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["attempts.lockout", "data"]
