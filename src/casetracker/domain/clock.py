"""The program's one clock: which day it is and what time it is.

Every rule that depends on the date (overdue, expiring, ready for I-9, ages, demo data) asks this
module, never `date.today()` or `datetime.now()`, so that tests can set the day and pass on any
date. Durations (idle time, throttling) are measured with monotonic or epoch clocks passed to the
objects that need them; this module answers "when", not "how long".
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current moment, timezone-aware, in UTC."""
        ...

    def today(self) -> date:
        """The local calendar day people see."""
        ...


class SystemClock:
    """The computer's clock."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def today(self) -> date:
        return date.today()


class FixedClock:
    """A clock that stands still until told to move; `today` is the day it was set to."""

    def __init__(self, day: date, at: time = time(10, 30)) -> None:
        self.moment = datetime.combine(day, at, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment

    def today(self) -> date:
        return self.moment.date()

    def advance(self, delta: timedelta) -> None:
        self.moment += delta


_current: Clock = SystemClock()


def current() -> Clock:
    return _current


def install(clock: Clock) -> Clock:
    """Make `clock` the program's clock; returns the one it replaces."""
    global _current
    previous, _current = _current, clock
    return previous


@contextmanager
def using(clock: Clock) -> Iterator[Clock]:
    previous = install(clock)
    try:
        yield clock
    finally:
        install(previous)


def today() -> date:
    return _current.today()


def now() -> datetime:
    return _current.now()


def now_iso() -> str:
    """The current moment as stored in the database (UTC, milliseconds)."""
    return _current.now().isoformat(timespec="milliseconds")
