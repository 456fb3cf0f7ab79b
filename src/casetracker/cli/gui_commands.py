"""Commands that start the desktop application or render it."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from casetracker.cli.common import AddCommand, Context, current_passphrase, default_db
from casetracker.domain.errors import UsageError


def launch(ctx: Context) -> int:
    """No command at all: the desktop application."""
    import sys

    if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
            or os.environ.get("QT_QPA_PLATFORM")):
        raise UsageError("there is no screen to show the desktop application on; run it in a "
                         "graphical session, or use the command line (casetracker --help)")
    from casetracker.gui.app import run

    named = getattr(ctx.args, "db", None) or os.environ.get("CASETRACKER_DB")
    return run(Path(named) if named else None, default_db(), kdf=ctx.vault.kdf)


def cmd_screenshots(ctx: Context) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from casetracker.gui.screenshots import render_all

    name = ctx.user()
    written = render_all(ctx.vault, name, current_passphrase(ctx.args, name),
                         Path(ctx.args.out))
    for path in written:
        print(path)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    cmd = add(commands, "screenshots", cmd_screenshots,
              "render the lock screen, caseload, record tabs and dialogs to PNG files")
    cmd.add_argument("--out", required=True, metavar="DIR")
