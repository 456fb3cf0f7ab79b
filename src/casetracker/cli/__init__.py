"""The command line: the administrator's and scripts' door onto the same services as the GUI.

Quiet on success, one line on stderr and a non-zero exit on failure (2 for a usage mistake).
`--db`, `--user` and `--passphrase-file` may come before or after the command.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from collections.abc import Callable, Sequence
from typing import Any

from casetracker import __version__
from casetracker.cli import gui_commands
from casetracker.cli.common import PROG, Context
from casetracker.domain.errors import CaseTrackerError, UsageError
from casetracker.security.kdf import PRODUCTION, KdfParams
from casetracker.security.process import harden_process
from casetracker.services.errors import readable_storage_errors


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    # SUPPRESS keeps a sub-command's absent option from overwriting the same option given
    # before the command.
    common.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS,
                        help="database file (default: $CASETRACKER_DB, else the data directory)")
    common.add_argument("--user", metavar="NAME", default=argparse.SUPPRESS,
                        help="account to act as (default: $CASETRACKER_USER, else the only one)")
    common.add_argument("--passphrase-file", metavar="FILE", default=argparse.SUPPRESS,
                        help="read the passphrase from FILE (default: "
                             "$CASETRACKER_PASSPHRASE, else a prompt)")
    return common


def build_parser() -> argparse.ArgumentParser:
    # The commands' modules load the services behind them (PDFs, spreadsheets, demo data):
    # they are imported here, not when the desktop application starts (`_desktop_only`).
    from casetracker.cli import (
        apprenticeship_commands,
        case_commands,
        conflict_commands,
        device_commands,
        document_commands,
        employment_commands,
        internship_commands,
        note_commands,
        plan_commands,
        report_commands,
        retention_commands,
        review_commands,
        selftest_commands,
        sensitive_commands,
        service_commands,
        settings_commands,
        sharing_commands,
        sync_commands,
        vault_commands,
    )

    common = _common()
    parser = argparse.ArgumentParser(
        prog=PROG, parents=[common],
        description="Case Tracker: an offline, encrypted case tracker for safe-jobs programs.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(sub: Any, name: str, handler: Callable[[Context], int],
            help_text: str) -> argparse.ArgumentParser:
        cmd: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text,
                                                      description=help_text)
        cmd.set_defaults(handler=handler)
        return cmd

    vault_commands.register(commands, add)
    case_commands.register(commands, add)
    plan_commands.register(commands, add)
    document_commands.register(commands, add)
    note_commands.register(commands, add)
    service_commands.register(commands, add)
    sensitive_commands.register(commands, add)
    employment_commands.register(commands, add)
    internship_commands.register(commands, add)
    apprenticeship_commands.register(commands, add)
    sharing_commands.register(commands, add)
    settings_commands.register(commands, add)
    report_commands.register(commands, add)
    retention_commands.register(commands, add)
    review_commands.register(commands, add)
    sync_commands.register(commands, add)
    conflict_commands.register(commands, add)
    device_commands.register(commands, add)
    gui_commands.register(commands, add)
    selftest_commands.register(commands, add)
    return parser


def _desktop_only(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The options when `argv` holds only the shared ones and no command (the desktop
    application, which then starts without the commands' modules); else None, and the full
    parser reads `argv`, with its help, its errors and its commands."""
    common = _common()
    common.exit_on_error = False
    try:
        args, rest = common.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.handler = gui_commands.launch
    return args


def main(argv: Sequence[str] | None = None, *, kdf: KdfParams = PRODUCTION,
         clock: Callable[[], float] = time.time) -> int:
    """Run one command; return the exit status.

    Run as the program (`argv` read from the command line: the `casetracker` command, the
    desktop application, `python -m casetracker`), the process is first made non-dumpable with
    core dumps off, before any passphrase or key is in memory. A caller passing `argv` (a test,
    a script) keeps its own process as it is."""
    if argv is None:
        harden_process()
    args = _desktop_only(argv)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            if args.command is not None:
                parser.print_help()
                return 2
            args.handler = gui_commands.launch
    try:
        with readable_storage_errors():
            status = int(args.handler(Context(args, kdf, clock)))
        # Written out here, not at exit, so that a reader gone away is met below.
        sys.stdout.flush()
        return status
    except BrokenPipeError:
        # The reader stopped reading (`casetracker survivor list | head`): normal for a
        # listing, and whatever the command changed is already committed. Quiet, like `git
        # log | head`; unless what went unread was shown only this once (a recovery key).
        _silence_stdout()
        lost = getattr(args, "output_cut_off", None)
        if lost is None:
            return 0
        with contextlib.suppress(OSError):
            print(f"{PROG}: error: the output's reader closed the pipe: {lost}",
                  file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except CaseTrackerError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        print(f"{PROG}: error: {exc.strerror or exc}{where}; nothing more was changed",
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; nothing more was changed", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush at exit finds
    no closed pipe to complain about."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):
        return  # not a real file (a test's capture): nothing will be flushed to a pipe
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)
