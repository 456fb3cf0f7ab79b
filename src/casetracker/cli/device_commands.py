"""Team use from the command line: enroll a laptop, join a program, list and revoke laptops.

`device enroll` on a laptop outside any program starts the program there first (a
supervisor's first enrollment is how a program begins), and says so on stderr.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from casetracker.cli.common import PROG, AddCommand, Context, print_rows, prompt, read_secret_file
from casetracker.domain.errors import UsageError
from casetracker.services import devices


def cmd_enroll(ctx: Context) -> int:
    """Write the enrollment file; the one-time code goes alone on the last line of stdout."""
    out = Path(ctx.args.out)
    if out.exists():
        raise UsageError(f"{out} already exists; choose another file name")
    if not out.parent.is_dir():
        raise UsageError(f"the folder {out.parent} does not exist")
    with ctx.unlock() as session:
        enrolled = devices.enroll(session, ctx.args.name, out, this_laptop=ctx.args.this_laptop)
    ctx.args.output_cut_off = "the one-time code was not shown; enroll the laptop again"
    if enrolled.started_program:
        print(f"{PROG}: this laptop has started a new team program and is its first laptop",
              file=sys.stderr)
    print(f"Enrollment file for {enrolled.name} written to {out}. On that laptop run:\n"
          f"  {PROG} device join {out.name} --db PATH --code-file FILE\n"
          "with this one-time code in FILE (or typed when asked). It is shown only this once;\n"
          "give it separately from the file (in person, or read out over the phone).")
    print(enrolled.code)
    return 0


def _code(ctx: Context) -> str:
    if ctx.args.code_file:
        return read_secret_file(ctx.args.code_file, "enrollment code")
    if os.environ.get("CASETRACKER_ENROLLMENT_CODE") is not None:
        return os.environ["CASETRACKER_ENROLLMENT_CODE"]
    return prompt("Enrollment code")


def cmd_join(ctx: Context) -> int:
    source = Path(ctx.args.file)
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise UsageError(f"cannot read the enrollment file {source}: {exc.strerror}") from None
    db_path = ctx.vault.paths.db
    joined = devices.join(db_path, data, _code(ctx))
    print(f"{db_path}: joined the program as {joined.name}; accounts: "
          f"{', '.join(joined.accounts)} (each unlocks with its usual passphrase). Run "
          f"'{PROG} sync --folder DIR' to receive the program's records.")
    return 0


def cmd_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        rows = devices.laptops(session)
    print_rows([{"name": r.name + (" (this laptop)" if r.this_laptop else ""),
                 "laptop": r.laptop_id[:8],
                 "last_heard": "-" if r.this_laptop else (r.last_heard or "never")[:16],
                 "revoked": (r.revoked_at or "")[:16] or "no",
                 "reason": r.reason or ""} for r in rows],
               ["name", "laptop", "last_heard", "revoked", "reason"], as_json=ctx.args.json)
    return 0


def cmd_revoke(ctx: Context) -> int:
    with ctx.unlock() as session:
        revoked = devices.revoke(session, ctx.args.name)
    for name in revoked.not_given:
        print(f"{PROG}: warning: {name} has no key to receive the new sync key; enroll it "
              "again", file=sys.stderr)
    return 0


def register(commands: Any, add: AddCommand) -> None:
    group = commands.add_parser("device", help="the laptops of a team program")
    actions = group.add_subparsers(dest="device_command", metavar="ACTION", required=True)
    cmd = add(actions, "enroll", cmd_enroll,
              "enroll a new laptop: write its enrollment file and show a one-time code "
              "(supervisors; the first enrollment starts the program)")
    cmd.add_argument("name", help="the new laptop's name (as 'outreach laptop 2')")
    cmd.add_argument("--out", metavar="FILE", required=True, help="the enrollment file to write")
    cmd.add_argument("--this-laptop", metavar="NAME", default=None,
                     help="this laptop's own name in the program (default: 'first laptop')")
    cmd = add(actions, "join", cmd_join,
              "make this laptop's database from an enrollment file and its one-time code")
    cmd.add_argument("file", help="the enrollment file")
    cmd.add_argument("--code-file", metavar="FILE", default=None,
                     help="read the one-time code from FILE (default: "
                          "$CASETRACKER_ENROLLMENT_CODE, else a prompt)")
    cmd = add(actions, "list", cmd_list, "the program's laptops and when each was last heard "
              "from")
    cmd.add_argument("--json", action="store_true")
    cmd = add(actions, "revoke", cmd_revoke,
              "refuse a laptop's bundles from now on and rotate the sync key without it "
              "(supervisors)")
    cmd.add_argument("name", help="the laptop's name, as 'device list' shows it")
