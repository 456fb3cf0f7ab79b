"""Hybrid logical clock: wall time in milliseconds with a counter, as one integer.

A value is `milliseconds << 16 | counter`. A laptop's clock never goes back: each change takes
the last value plus one, or the program clock's time if that is later, and applying another
laptop's changes moves it past theirs. So a change made after seeing another always has the
larger value, and changes no one could have seen are ordered by roughly when they were made.
The wall time is the program clock's (`domain.clock`), so tests set it like every other time.
"""

from __future__ import annotations

from datetime import UTC, datetime

from casetracker.domain import clock
from casetracker.storage.connection import Connection
from casetracker.storage.sync_repo import SyncRepository

COUNTER_BITS = 16


def physical(moment: datetime) -> int:
    """The smallest clock value at `moment`."""
    return int(moment.timestamp() * 1000) << COUNTER_BITS


def wall_time(value: int) -> datetime:
    """When a clock value was made (to the millisecond)."""
    return datetime.fromtimestamp((value >> COUNTER_BITS) / 1000, tz=UTC)


def advance(conn: Connection, actor: str | None) -> None:
    """Before a unit of work, inside its transaction: bring this laptop's clock to now and
    name the account whose changes follow (the capture triggers stamp each with both)."""
    SyncRepository(conn).advance_clock(physical(clock.now()), actor)


def capturing(conn: Connection) -> bool:
    """Whether this laptop captures its changes (it is in a team program)."""
    return SyncRepository(conn).capturing()


def sign_unit(conn: Connection, actor: str, signing_key: bytes) -> None:
    """Log what the triggers recorded and sign `actor`'s changes not yet signed: at the start
    of a unit of work (what was recorded outside one is logged before it) and at its end."""
    from casetracker.sync import capture, signatures

    capture.flush(conn)
    signatures.attest(conn, actor, signing_key)
