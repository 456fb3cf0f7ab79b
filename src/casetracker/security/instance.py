"""One desktop window per database: a second start is told the database is in use.

The lock is an advisory lock on an empty file beside the database, held for as long as the
window runs. The operating system drops it when the process ends, even when killed, so a
crash never leaves the database looking busy.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from casetracker.domain.errors import DatabaseInUseError


def _try_lock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


@contextlib.contextmanager
def single_instance(lock_file: Path) -> Iterator[None]:
    """Hold `lock_file` for the block, or raise `DatabaseInUseError` if another holds it."""
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o600)
    try:
        try:
            _try_lock(fd)
        except OSError:
            raise DatabaseInUseError(
                "this database is already open in another Case Tracker window; switch to "
                "that window, or close it and try again (nothing was changed)") from None
        yield
    finally:
        os.close(fd)  # closing the file releases the lock
