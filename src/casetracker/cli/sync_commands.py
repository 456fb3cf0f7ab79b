"""Team use from the command line: one exchange with the shared sync folder."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context
from casetracker.domain.errors import UsageError
from casetracker.services import sync


def cmd_sync(ctx: Context) -> int:
    """Send this laptop's new changes into the folder and apply the others'; print one line.
    What waits (a bundle not yet arrived) and what was refused go to stderr, one line each;
    a refusal makes the exit status 1."""
    folder = Path(ctx.args.folder)
    if not folder.is_dir():
        raise UsageError(f"the sync folder {folder} does not exist or is not a folder")
    with ctx.unlock() as session:
        report = sync.sync_folder(session, folder)
    print(report.summary())
    for line in report.waiting:
        print(f"{PROG}: waiting: {line}", file=sys.stderr)
    for line in report.refused:
        print(f"{PROG}: refused: {line}", file=sys.stderr)
    return 1 if report.refused else 0


def register(commands: Any, add: AddCommand) -> None:
    cmd = add(commands, "sync", cmd_sync,
              "exchange changes with the other laptops through a shared folder")
    cmd.add_argument("--folder", metavar="DIR", required=True,
                     help="the folder every laptop of the program sees (a Syncthing folder, "
                          "a USB stick, a network share)")
