from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from casetracker.domain.errors import ThrottledError
from casetracker.security.lockout import MAX_DELAY_SECONDS, delay_after, locked
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

    def attempt() -> None:
        with locked(path) as state:
            time.sleep(0.01)  # stands for the key derivation
            state.record_failure("ana")

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with locked(path) as state:
        assert state.counts["ana"] == 8
        assert len(state.pending) == 8


def test_absurd_counts_and_huge_pending_lists_are_handled_quickly(tmp_path: Path) -> None:
    import json

    path = tmp_path / "l"
    path.write_text(json.dumps({
        "accounts": {"ana": {"failures": 10**12, "last_failure": FakeClock().now}},
        "pending_audit": [{"account": "ana", "at": "2026-01-01"}] * 20_000}))
    started = time.monotonic()
    with locked(path, FakeClock()) as state:
        assert state.wait_seconds("ana") == MAX_DELAY_SECONDS
        assert len(state.pending) == 500
        assert state.dropped == 19_500
    assert time.monotonic() - started < 2
