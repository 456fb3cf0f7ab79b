"""Failed-attempt throttling that survives a restart (`case.db.lockout`).

A wrong passphrase cannot write to the database (it cannot open it), so failures are
counted here, per account, and kept as a list that enters the audit trail at the next
successful unlock.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casetracker.domain.errors import ThrottledError
from casetracker.security.atomic import atomic_write

FREE_ATTEMPTS = 3
MAX_DELAY_SECONDS = 15 * 60
_MAX_PENDING = 500
UNKNOWN_ACCOUNT = "?"


def delay_after(failures: int) -> float:
    """Seconds to wait after `failures` consecutive failures: 0, 0, 0, 1, 2, 4 … 15 min."""
    if failures < FREE_ATTEMPTS:
        return 0.0
    return float(min(2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_SECONDS))


@dataclass(frozen=True, slots=True)
class FailedAttempt:
    account: str
    at: str


@dataclass(slots=True)
class Lockout:
    """The lockout file's content, bound to its path; `clock` returns epoch seconds."""

    path: Path
    clock: Callable[[], float] = time.time
    counts: dict[str, int] = field(default_factory=dict)
    last_failure: dict[str, float] = field(default_factory=dict)
    pending: list[FailedAttempt] = field(default_factory=list)
    dropped: int = 0

    @classmethod
    def load(cls, path: Path, clock: Callable[[], float] = time.time) -> Lockout:
        lockout = cls(path, clock)
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            accounts = data.get("accounts", {})
            for name, entry in accounts.items():
                lockout.counts[name] = int(entry["failures"])
                lockout.last_failure[name] = float(entry["last_failure"])
            lockout.pending = [FailedAttempt(str(p["account"]), str(p["at"]))
                               for p in data.get("pending_audit", [])]
            lockout.dropped = int(data.get("dropped", 0))
        except FileNotFoundError:
            pass
        except (ValueError, KeyError, TypeError, AttributeError):
            # A damaged lockout file must not become a way around throttling: treat every
            # account as having just failed the maximum number of times.
            now = clock()
            lockout.counts = {UNKNOWN_ACCOUNT: FREE_ATTEMPTS + 4}
            lockout.last_failure = {UNKNOWN_ACCOUNT: now}
            lockout.pending = [FailedAttempt(UNKNOWN_ACCOUNT, _iso(now))]
        return lockout

    def _key(self, account: str | None) -> str:
        return (account or UNKNOWN_ACCOUNT).casefold()

    def wait_seconds(self, account: str | None) -> float:
        """How long `account` must wait before the next attempt (0 when it may try now)."""
        waits = []
        for key in {self._key(account), UNKNOWN_ACCOUNT}:
            failures = self.counts.get(key, 0)
            delay = delay_after(failures)
            if delay == 0:
                continue
            elapsed = self.clock() - self.last_failure.get(key, 0.0)
            # A clock set backwards must not shorten the wait.
            remaining = delay if elapsed < 0 else delay - elapsed
            waits.append(max(0.0, remaining))
        return max(waits, default=0.0)

    def check(self, account: str | None) -> None:
        """Raise `ThrottledError` if `account` must wait."""
        wait = self.wait_seconds(account)
        if wait > 0:
            seconds = math.ceil(wait)
            raise ThrottledError(
                f"too many failed attempts; wait {seconds} second{'s' if seconds != 1 else ''} "
                "and try again", wait,
            )

    def record_failure(self, account: str | None) -> None:
        key = self._key(account)
        now = self.clock()
        self.counts[key] = self.counts.get(key, 0) + 1
        self.last_failure[key] = now
        if len(self.pending) < _MAX_PENDING:
            self.pending.append(FailedAttempt(account or UNKNOWN_ACCOUNT, _iso(now)))
        else:
            self.dropped += 1
        self.save()

    def record_success(self, account: str) -> None:
        """Reset the account's count; the pending list stays until the audit has it."""
        self.counts.pop(self._key(account), None)
        self.last_failure.pop(self._key(account), None)
        self.counts.pop(UNKNOWN_ACCOUNT, None)
        self.last_failure.pop(UNKNOWN_ACCOUNT, None)
        self.save()

    def clear_pending(self) -> None:
        if self.pending or self.dropped:
            self.pending = []
            self.dropped = 0
            self.save()

    def save(self) -> None:
        data = {
            "accounts": {name: {"failures": self.counts[name],
                                "last_failure": self.last_failure.get(name, 0.0)}
                         for name in self.counts},
            "pending_audit": [{"account": p.account, "at": p.at} for p in self.pending],
            "dropped": self.dropped,
        }
        atomic_write(self.path, (json.dumps(data, indent=1) + "\n").encode("utf-8"))


def _iso(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, UTC).isoformat(timespec="seconds")
