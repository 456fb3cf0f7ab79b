"""Failed-attempt throttling that survives a restart and a copy of the files.

A wrong passphrase cannot write to the database (it cannot open it), so failures are counted
outside it, per key slot: under a tag made from the slot's salt and public key, which are
bound into the slot's authentication, so a slot edited to look new can never open anything.
Two stores keep the counts and each attempt waits for the longer of the two:

- beside the database (`case.db.lockout`), which also keeps the list of failures that enters
  the audit trail at the next successful unlock;
- one per operating-system account in its data directory, so that copying the database and
  its key file to a new path (or restoring a backup there) does not start from zero.

What this cannot do: anyone who can delete these files, copy the key file to another
account or computer, or run Argon2id themselves starts from zero, and the last of these is
always open to whoever holds a copy of the key file. The throttle slows guessing through the
program; only the passphrase's strength slows guessing offline.

Each file is held under an exclusive lock for a whole attempt, key derivation included, so
parallel guesses queue up instead of each finding the counter at zero.
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
# A slot with no failure for this long is forgotten, so the stores do not grow for ever; a
# guesser patient enough to wait a month between tries gains three free guesses a month.
FORGET_AFTER_SECONDS = 30 * 24 * 3600
USER_STORE_NAME = "attempts.lockout"
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
    # Only the database's own store keeps failures for its audit trail.
    keeps_pending: bool = True

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

    def forget_idle(self, seconds: float = FORGET_AFTER_SECONDS) -> None:
        """Drop counts whose last failure is older than `seconds` (and whose wait is over)."""
        now = self.clock()
        for key in [k for k, last in self.last_failure.items() if now - last > seconds
                    and delay_after(self.counts.get(k, 0)) <= now - last]:
            self.counts.pop(key, None)
            self.last_failure.pop(key, None)
            self.dirty = True

    def to_bytes(self) -> bytes:
        data: dict[str, Any] = {
            "accounts": {name: {"failures": self.counts[name],
                                "last_failure": self.last_failure.get(name, 0.0)}
                         for name in self.counts},
        }
        if self.keeps_pending:
            data["pending_audit"] = [{"account": p.account, "at": p.at} for p in self.pending]
            data["dropped"] = self.dropped
        return (json.dumps(data, indent=1) + "\n").encode("utf-8")

    @staticmethod
    def _key(key: str | None) -> str:
        return (key or UNKNOWN_ACCOUNT).casefold()

    def wait_seconds(self, key: str | None) -> float:
        """How long attempts on `key` (a slot's tag) must wait (0 when one may try now).

        Mistyped names are counted under '?' and slow down only further mistyped names:
        they cost no key derivation and must not let anyone lock real accounts out.
        """
        waits = []
        for entry in {self._key(key), EVERYONE}:
            delay = delay_after(self.counts.get(entry, 0))
            if delay == 0:
                continue
            now = self.clock()
            last = self.last_failure.get(entry, 0.0)
            if last > now:
                # A failure dated in the future (the clock was fast, then corrected): start
                # the wait now, so it runs out rather than lasting until that date.
                self.last_failure[entry] = last = now
                self.dirty = True
            waits.append(max(0.0, delay - (now - last)))
        return max(waits, default=0.0)

    def check(self, key: str | None) -> None:
        """Raise `ThrottledError` if attempts on `key` must wait."""
        _raise_if_waiting(self.wait_seconds(key))

    def record_failure(self, key: str | None, label: str | None = None) -> None:
        """Count a failure under `key` (a slot's tag; `None` for a name that is not an
        account) and keep `label` (the account's name, `key` when not given) for the audit
        trail. A name that is not an account is not kept: people sometimes type their
        passphrase into the name field."""
        now = self.clock()
        folded = self._key(key)
        self.counts[folded] = self.counts.get(folded, 0) + 1
        self.last_failure[folded] = now
        if self.keeps_pending and len(self.pending) < _MAX_PENDING:
            self.pending.append(FailedAttempt(
                (label or key) if key else UNKNOWN_ACCOUNT, _iso(now)))
        elif self.keeps_pending:
            self.dropped += 1
        self.dirty = True

    def record_success(self, key: str) -> None:
        """Reset the count on `key`; the pending list stays until the audit trail has it."""
        for entry in (self._key(key), EVERYONE):
            if entry in self.counts:
                self.counts.pop(entry, None)
                self.last_failure.pop(entry, None)
                self.dirty = True

    def clear_pending(self) -> None:
        if self.pending or self.dropped:
            self.pending, self.dropped, self.dirty = [], 0, True


def _raise_if_waiting(wait: float) -> None:
    if wait > 0:
        seconds = math.ceil(wait)
        raise ThrottledError(
            f"too many failed attempts; wait {seconds} second{'s' if seconds != 1 else ''} "
            "and try again", wait)


@dataclass(slots=True)
class Throttle:
    """The stores that count failures on a slot, held together for one attempt.

    `beside` is the database's own file (absent while a backup is checked for a restore: the
    target does not exist yet, and a file made there would start from zero); `user` is the
    operating-system account's store. Only `beside` keeps failures for the audit trail.
    """

    beside: LockoutState | None
    user: LockoutState

    def _stores(self) -> list[LockoutState]:
        return [self.user] if self.beside is None else [self.user, self.beside]

    def wait_seconds(self, key: str | None) -> float:
        return max(store.wait_seconds(key) for store in self._stores())

    def check(self, key: str | None) -> None:
        """Raise `ThrottledError` if either store says attempts on `key` must wait."""
        _raise_if_waiting(self.wait_seconds(key))

    def failures(self, key: str | None) -> int:
        return max(store.counts.get(LockoutState._key(key), 0) for store in self._stores())

    def record_failure(self, key: str | None, label: str | None = None) -> None:
        if key is not None:  # a name that is no account is only kept for the audit trail
            self.user.record_failure(key, label)
        if self.beside is not None:
            self.beside.record_failure(key, label)

    def record_success(self, key: str) -> None:
        for store in self._stores():
            store.record_success(key)


def user_store_path() -> Path:
    """The operating-system account's store, in its data directory (beside the default
    database)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("CaseTracker", appauthor=False)) / USER_STORE_NAME


@contextlib.contextmanager
def held(beside: Path | None, user_store: Path,
         clock: Callable[[], float] = time.time) -> Iterator[Throttle]:
    """Hold the user's store, then (if given) the database's, for one attempt.

    Always taken in this order, so two processes never wait on each other in a circle.
    """
    user_store.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    with locked(user_store, clock) as user:
        # It counts, and keeps no names: who failed belongs in that database's audit trail.
        user.keeps_pending, user.pending, user.dropped = False, [], 0
        user.forget_idle()
        if beside is None:
            yield Throttle(None, user)
            return
        with locked(beside, clock) as near:
            near.forget_idle()
            yield Throttle(near, user)


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
