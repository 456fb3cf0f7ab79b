"""Failed-attempt throttling that survives a restart (`case.db.lockout`).

A wrong passphrase cannot write to the database (it cannot open it), so failures are counted
here, per account, and kept as a list that enters the audit trail at the next successful
unlock. The file is held under an exclusive lock for a whole attempt, key derivation
included, so parallel guesses queue up instead of each finding the counter at zero.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from casetracker.domain.errors import ThrottledError

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 15 * 60
_MAX_PENDING = 500
UNKNOWN_ACCOUNT = "?"
# Applies to every account; used only when the file itself was found damaged.
EVERYONE = "*"


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive failures: 0, 0, 0, 1, 2, 4 … 15 min."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    exponent = failures - FREE_ATTEMPTS
    if exponent >= 10:  # 2**10 s is past the ceiling; never compute a huge power
        return float(MAX_DELAY_SECONDS)
    return float(min(2 ** exponent, MAX_DELAY_SECONDS))


@dataclass(frozen=True, slots=True)
class FailedAttempt:
    account: str
    at: str


@dataclass(slots=True)
class LockoutState:
    """The lockout file's content while its lock is held; `clock` returns epoch seconds."""

    clock: Callable[[], float]
    counts: dict[str, int] = field(default_factory=dict)
    last_failure: dict[str, float] = field(default_factory=dict)
    pending: list[FailedAttempt] = field(default_factory=list)
    dropped: int = 0
    dirty: bool = False

    @classmethod
    def parse(cls, raw: bytes, clock: Callable[[], float]) -> LockoutState:
        state = cls(clock)
        if not raw.strip():
            return state
        try:
            data: dict[str, Any] = json.loads(raw.decode("utf-8"))
            for name, entry in data.get("accounts", {}).items():
                state.counts[str(name)] = int(entry["failures"])
                state.last_failure[str(name)] = float(entry["last_failure"])
            pending = data.get("pending_audit", [])
            state.pending = [FailedAttempt(str(p["account"]), str(p["at"]))
                             for p in pending[:_MAX_PENDING]]
            state.dropped = int(data.get("dropped", 0)) + max(0, len(pending) - _MAX_PENDING)
        except (ValueError, KeyError, TypeError, AttributeError, OverflowError):
            # A damaged file must not become a way around throttling: every account waits as
            # if it had failed several times just now, and that is written back at once so
            # the wait runs out instead of restarting at every load.
            now = clock()
            state = cls(clock, {EVERYONE: FREE_ATTEMPTS + 4},
                        {EVERYONE: now}, [FailedAttempt(UNKNOWN_ACCOUNT, _iso(now))],
                        dirty=True)
        return state

    def to_bytes(self) -> bytes:
        data = {
            "accounts": {name: {"failures": self.counts[name],
                                "last_failure": self.last_failure.get(name, 0.0)}
                         for name in self.counts},
            "pending_audit": [{"account": p.account, "at": p.at} for p in self.pending],
            "dropped": self.dropped,
        }
        return (json.dumps(data, indent=1) + "\n").encode("utf-8")

    @staticmethod
    def _key(account: str | None) -> str:
        return (account or UNKNOWN_ACCOUNT).casefold()

    def wait_seconds(self, account: str | None) -> float:
        """How long `account` must wait before the next attempt (0 when it may try now).

        Mistyped names are counted under '?' and slow down only further mistyped names:
        they cost no key derivation and must not let anyone lock real accounts out.
        """
        waits = []
        for key in {self._key(account), EVERYONE}:
            delay = delay_after(self.counts.get(key, 0))
            if delay == 0:
                continue
            now = self.clock()
            last = self.last_failure.get(key, 0.0)
            if last > now:
                # A failure dated in the future (the clock was fast, then corrected): start
                # the wait now, so it runs out rather than lasting until that date.
                self.last_failure[key] = last = now
                self.dirty = True
            waits.append(max(0.0, delay - (now - last)))
        return max(waits, default=0.0)

    def check(self, account: str | None) -> None:
        """Raise `ThrottledError` if `account` must wait."""
        wait = self.wait_seconds(account)
        if wait > 0:
            seconds = math.ceil(wait)
            raise ThrottledError(
                f"too many failed attempts; wait {seconds} second{'s' if seconds != 1 else ''} "
                "and try again", wait)

    def record_failure(self, account: str | None) -> None:
        """Count a failure; `None` for a name that is not an account (it is not kept, as
        people sometimes type their passphrase into the name field)."""
        key = self._key(account)
        now = self.clock()
        self.counts[key] = self.counts.get(key, 0) + 1
        self.last_failure[key] = now
        if len(self.pending) < _MAX_PENDING:
            self.pending.append(FailedAttempt(account or UNKNOWN_ACCOUNT, _iso(now)))
        else:
            self.dropped += 1
        self.dirty = True

    def record_success(self, account: str) -> None:
        """Reset the account's count; the pending list stays until the audit trail has it."""
        for key in (self._key(account), EVERYONE):
            if key in self.counts:
                self.counts.pop(key, None)
                self.last_failure.pop(key, None)
                self.dirty = True

    def clear_pending(self) -> None:
        if self.pending or self.dropped:
            self.pending, self.dropped, self.dirty = [], 0, True


@contextlib.contextmanager
def _exclusive(handle: IO[bytes]) -> Iterator[None]:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_LOCK, 1)
        try:
            yield
        finally:
            handle.seek(0)
            msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


@contextlib.contextmanager
def locked(path: Path, clock: Callable[[], float] = time.time) -> Iterator[LockoutState]:
    """Hold the lockout file for one attempt; changes are written back (fsync'd) at the end."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    with os.fdopen(fd, "r+b") as handle, _exclusive(handle):
        handle.seek(0)
        state = LockoutState.parse(handle.read(), clock)
        try:
            yield state
        finally:
            if state.dirty:
                # Rewritten in place: the lock belongs to this file, so it is not replaced.
                # A torn write after a crash reads as damaged, which throttles, never frees.
                handle.seek(0)
                handle.truncate()
                handle.write(state.to_bytes())
                handle.flush()
                os.fsync(handle.fileno())


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")
