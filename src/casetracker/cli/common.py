"""What every command shares: where the database is, reading secrets, printing tables."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from casetracker.domain.errors import UsageError
from casetracker.security.kdf import KdfParams
from casetracker.services.session import Session
from casetracker.services.vault import Vault

PROG = "casetracker"
# How a command module adds a sub-command: (subparsers, name, handler, help) -> parser.
AddCommand = Callable[[Any, str, Callable[["Context"], int], str], argparse.ArgumentParser]


def default_db() -> Path:
    """`CASETRACKER_DB`, else `case.db` in the user's data directory."""
    if os.environ.get("CASETRACKER_DB"):
        return Path(os.environ["CASETRACKER_DB"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("CaseTracker", appauthor=False)) / "case.db"


# -- reading secrets -----------------------------------------------------------------------------

def read_secret_file(path: str, what: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the {what} file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"the {what} file {path} is not UTF-8 text") from None
    # Only the line break goes: spaces (and any other character) are part of a passphrase.
    return text.split("\n", 1)[0].removesuffix("\r")


def prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(f"no {label.lower()} given: use a file option or the environment "
                         "variable")
    try:
        return getpass.getpass(f"{label}: ")
    except EOFError:
        raise UsageError(f"no {label.lower()} entered") from None


def current_passphrase(args: argparse.Namespace, name: str) -> str:
    if getattr(args, "passphrase_file", None):
        return read_secret_file(args.passphrase_file, "passphrase")
    if os.environ.get("CASETRACKER_PASSPHRASE") is not None:
        return os.environ["CASETRACKER_PASSPHRASE"]
    return prompt(f"Passphrase for {name}")


def new_passphrase(args: argparse.Namespace, file_option: str, name: str) -> str:
    path = getattr(args, file_option, None)
    if path:
        return read_secret_file(path, "new passphrase")
    if os.environ.get("CASETRACKER_NEW_PASSPHRASE") is not None:
        return os.environ["CASETRACKER_NEW_PASSPHRASE"]
    first = prompt(f"New passphrase for {name} (15 or more characters)")
    if prompt("Repeat it") != first:
        raise UsageError("the two passphrases differ; nothing was changed")
    return first


class Context:
    """What every command needs: parsed options and the vault they name."""

    def __init__(self, args: argparse.Namespace, kdf: KdfParams,
                 clock: Callable[[], float]) -> None:
        self.args = args
        self.vault = Vault(Path(args.db) if getattr(args, "db", None) else default_db(),
                           kdf=kdf, clock=clock)

    def user(self) -> str:
        if getattr(self.args, "user", None):
            return str(self.args.user)
        if os.environ.get("CASETRACKER_USER"):
            return os.environ["CASETRACKER_USER"]
        names = self.vault.account_names()
        if len(names) == 1:
            return names[0]
        raise UsageError("this database has several accounts: say which with --user NAME")

    def unlock(self) -> Session:
        name = self.user()
        self.vault.account_names()  # a missing database is reported before any prompt
        return self.vault.unlock(name, current_passphrase(self.args, name))


def print_rows(rows: list[dict[str, Any]], columns: list[str], *, as_json: bool) -> None:
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    widths = [max([len(c), *(len(str(r[c])) for r in rows)]) for c in columns]
    print("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in rows:
        print("  ".join(str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True))
              .rstrip())


def show_recovery_key(key: str) -> None:
    print("Recovery key: shown only this once. Print it or write it down and lock it away;\n"
          "it opens the database when every passphrase is forgotten.", file=sys.stderr)
    print(key)


def add_ending_arguments(cmd: Any) -> None:
    """How a placement at work ended: `--completed` or `--ended-early` with a reason, and the
    last day (internships and apprenticeships alike)."""
    cmd.add_argument("case", metavar="CASE")
    how = cmd.add_mutually_exclusive_group(required=True)
    how.add_argument("--completed", action="store_true")
    how.add_argument("--ended-early", action="store_true")
    cmd.add_argument("--date", metavar="YYYY-MM-DD", help="the last day (default: today)")
    cmd.add_argument("--reason", metavar="TEXT", help="why it ended early (required then)")


def add_people_arguments(cmd: Any) -> None:
    """The employer's onsite supervisor and mentor, with their work contacts."""
    for who in ("supervisor", "mentor"):
        cmd.add_argument(f"--{who}", metavar="NAME", help=f"the onsite {who}'s name")
        cmd.add_argument(f"--{who}-contact", metavar="TEXT",
                         help=f"the {who}'s work phone or email")
