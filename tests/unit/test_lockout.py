from __future__ import annotations

from pathlib import Path

import pytest

from casetracker.domain.errors import ThrottledError
from casetracker.security.lockout import MAX_DELAY_SECONDS, Lockout, delay_after
from tests.helpers import FakeClock


def test_delay_grows_exponentially_to_a_ceiling() -> None:
    assert [delay_after(n) for n in range(7)] == [0, 0, 0, 1, 2, 4, 8]
    assert delay_after(100) == MAX_DELAY_SECONDS


def test_delay_survives_a_restart(tmp_path: Path) -> None:
    clock = FakeClock()
    path = tmp_path / "case.db.lockout"
    lockout = Lockout.load(path, clock)
    for _ in range(6):
        lockout.record_failure("ana")
    reloaded = Lockout.load(path, clock)
    with pytest.raises(ThrottledError, match="wait 8 seconds") as info:
        reloaded.check("ana")
    assert info.value.wait_seconds == 8
    reloaded.check("sam")  # other accounts are not held up
    clock.advance(8)
    reloaded.check("ana")


def test_clock_set_backwards_does_not_shorten_the_wait(tmp_path: Path) -> None:
    clock = FakeClock()
    lockout = Lockout.load(tmp_path / "l", clock)
    for _ in range(8):
        lockout.record_failure("ana")
    clock.advance(-3600)
    assert lockout.wait_seconds("ana") == delay_after(8)


def test_a_damaged_lockout_file_throttles_instead_of_resetting(tmp_path: Path) -> None:
    path = tmp_path / "case.db.lockout"
    path.write_text("{not json")
    lockout = Lockout.load(path, FakeClock())
    with pytest.raises(ThrottledError):
        lockout.check("anyone")


def test_success_resets_the_count_but_keeps_failures_for_the_audit(tmp_path: Path) -> None:
    clock = FakeClock()
    lockout = Lockout.load(tmp_path / "l", clock)
    for _ in range(4):
        lockout.record_failure("ana")
    clock.advance(3600)
    lockout.record_success("ana")
    assert lockout.wait_seconds("ana") == 0
    assert [p.account for p in Lockout.load(tmp_path / "l", clock).pending] == ["ana"] * 4
    lockout.clear_pending()
    assert Lockout.load(tmp_path / "l", clock).pending == []
