"""The process's own protection at start-up: no core dump, no other program attaching to it.

While the program is unlocked, the data key and every decrypted record it shows live in its
ordinary memory (Python cannot wipe or lock its own strings). Two things keep that memory from
leaving the process by the easy roads on Linux:

- core dumps off (`RLIMIT_CORE` 0, soft and hard): a crash writes no `core` file, and the
  system's crash collector gets nothing of the program's memory;
- not dumpable (`prctl(PR_SET_DUMPABLE, 0)`): another process of the same user (a debugger, a
  memory scraper) can no longer attach to it with ptrace or read `/proc/PID/mem`, and the
  kernel writes no core for it whatever the limit says.

What stays possible, and the README says so: root can read the memory; the same user can start
the program under a debugger, or change its files, before it runs; memory may be written to
swap or a hibernation file. Windows has no equivalent of either step (any program of the same
user may read another's memory), so there nothing is done; other POSIX systems get the core
limit only.
"""

from __future__ import annotations

import contextlib
import ctypes
import sys

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4


def harden_process() -> None:
    """Turn core dumps off and, on Linux, make the process non-dumpable. Idempotent; a step
    the system refuses is skipped, never an error that stops the program from starting."""
    if sys.platform == "win32":
        return
    import resource

    with contextlib.suppress(OSError, ValueError):
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        _prctl(PR_SET_DUMPABLE, 0)


def dumpable() -> bool | None:
    """Whether the kernel lets the process be dumped or attached to (None where unknown)."""
    if not sys.platform.startswith("linux"):
        return None
    result = _prctl(PR_GET_DUMPABLE, 0)
    return None if result < 0 else result != 0


def _prctl(option: int, argument: int) -> int:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        result: int = libc.prctl(ctypes.c_int(option), ctypes.c_ulong(argument),
                                 ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0))
    except (OSError, AttributeError):  # no C library to ask, or no prctl in it
        return -1
    return result
