"""Team use from the command line: one exchange with the shared sync folder."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context, print_rows
from casetracker.domain.errors import UsageError
from casetracker.services import sync


def cmd_sync(ctx: Context) -> int:
    """Send this laptop's new changes into the folder and apply the others'; print one line.
    What waits (a bundle not yet arrived) and what was refused go to stderr, one line each;
    a refusal makes the exit status 1."""
    if ctx.args.status:
        return _status(ctx)
    if ctx.args.folder is None:
        raise UsageError("give the sync folder (--folder DIR), or ask for --status")
    folder = Path(ctx.args.folder)
    if not folder.is_dir():
        raise UsageError(f"the sync folder {folder} does not exist or is not a folder")
    with ctx.unlock() as session:
        report = sync.sync_folder(session, folder)
    print(report.summary())
    for name in report.expired:
        print(f"{PROG}: revoked {name}: its enrollment expired unused (not heard from within "
              "a week of its enrollment); enroll it again if it is still wanted",
              file=sys.stderr)
    for line in report.waiting:
        print(f"{PROG}: waiting: {line}", file=sys.stderr)
    for line in report.refused:
        print(f"{PROG}: refused: {line}", file=sys.stderr)
    return 1 if report.refused else 0


def _status(ctx: Context) -> int:
    """One row per laptop (this one first), then the content digest on a line of its own."""
    folder = None if ctx.args.folder is None else Path(ctx.args.folder)
    if folder is not None and not folder.is_dir():
        raise UsageError(f"the sync folder {folder} does not exist or is not a folder")
    with ctx.unlock() as session:
        found = sync.status(session, folder)
    rows: list[dict[str, Any]] = [{
        "laptop": found.laptop_id[:8], "name": "this laptop", "bundles": f"sent 1-{found.sent_seq}"
        if found.sent_seq else "sent none", "in_folder": "", "last": "",
        "note": f"{found.unsent} change{'' if found.unsent == 1 else 's'} not yet sent"}]
    for lt in found.laptops:
        rows.append({
            "laptop": lt.laptop_id[:8], "name": lt.name or "",
            "bundles": f"applied 1-{lt.applied_seq}" if lt.applied_seq else "applied none",
            "in_folder": "" if lt.in_folder is None else (
                f"1-{lt.in_folder}" if lt.in_folder else "none"),
            "last": lt.last_heard or "never", "note": "revoked" if lt.revoked_at else ""})
    if ctx.args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        print(json.dumps({"digest": found.digest}))
        return 0
    print_rows(rows, ["laptop", "name", "bundles", "in_folder", "last", "note"], as_json=False)
    print(f"content digest: {found.digest}")
    return 0


def register(commands: Any, add: AddCommand) -> None:
    cmd = add(commands, "sync", cmd_sync,
              "exchange changes with the other laptops through a shared folder")
    cmd.add_argument("--status", action="store_true",
                     help="print, per laptop, the last bundle sent, applied (and, with "
                          "--folder, in the folder) and when, then a digest of the replicated "
                          "content: equal on laptops that have applied the same bundles")
    cmd.add_argument("--json", action="store_true", help="with --status: JSON lines")
    cmd.add_argument("--folder", metavar="DIR",
                     help="the folder every laptop of the program sees (a Syncthing folder, "
                          "a USB stick, a network share)")
