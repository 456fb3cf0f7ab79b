"""`casetracker selftest`: check that this installation works, without touching real data."""

from __future__ import annotations

import os
import sys
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context
from casetracker.services import selftest
from casetracker.services.session import Session


def _window_check(session: Session) -> str:
    # Offscreen unless told otherwise, so the check runs the same with or without a screen.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from casetracker.gui.selftest import open_main_window

    return open_main_window(session)


def cmd_selftest(ctx: Context) -> int:
    window = None if ctx.args.no_window else _window_check
    failed = 0
    for result in selftest.run(window):
        print(result.line(), flush=True)
        failed += result.status == "FAIL"
    if failed:
        print(f"{PROG}: selftest: {failed} check(s) failed", file=sys.stderr)
        return 1
    return 0


def register(commands: Any, add: AddCommand) -> None:
    cmd = add(commands, "selftest", cmd_selftest,
              "check this installation on a temporary encrypted database (removed afterwards): "
              "database, record, PDF, demonstration data and main window")
    cmd.add_argument("--no-window", action="store_true",
                     help="leave out the main window check (no Qt needed)")
