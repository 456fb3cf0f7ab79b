"""Turning storage failures met mid-operation into errors a person can read."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from casetracker.domain.errors import DatabaseDamagedError, OperationCancelledError
from casetracker.storage.connection import is_database_error


@contextlib.contextmanager
def readable_storage_errors() -> Iterator[None]:
    """Re-raise SQLCipher's errors (a page that fails authentication, a malformed file, a full
    disk, a failing drive) as `DatabaseDamagedError` with SQLite's own words kept."""
    try:
        yield
    except Exception as exc:
        if not is_database_error(exc):
            raise
        text = str(exc)
        if "interrupted" in text:
            # A long statement stopped by `Session.interrupt` (the person pressed Cancel);
            # SQLite rolled its transaction back.
            raise OperationCancelledError("stopped; nothing was changed") from exc
        if "locked" in text or "busy" in text:
            raise DatabaseDamagedError(
                "the database is busy in another Case Tracker window or command; finish or "
                "close that one and try again (nothing was changed)") from exc
        if "full" in text:
            raise DatabaseDamagedError(
                f"the disk is full; nothing was saved by this operation ({text})") from exc
        if "disk I/O" in text:
            raise DatabaseDamagedError(
                "the disk refused a write or a read (it may be full, removed or failing); "
                "the change was undone and nothing was saved by this operation. Free some "
                f"space or check the drive, then try again ({text})") from exc
        raise DatabaseDamagedError(
            f"the database could not be read: {text}; run 'casetracker check' or restore "
            "a backup") from exc
