"""The command line: the administrator's and scripts' door onto the same services as the GUI.

Quiet on success, one line on stderr and a non-zero exit on failure (2 for a usage mistake).
`--db`, `--user` and `--passphrase-file` may come before or after the command.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from casetracker import __version__
from casetracker.domain.accounts import Role
from casetracker.domain.errors import AlreadyExistsError, CaseTrackerError, UsageError
from casetracker.security.kdf import PRODUCTION, KdfParams
from casetracker.services import accounts, audit, backup
from casetracker.services.errors import readable_storage_errors
from casetracker.services.session import Session
from casetracker.services.vault import Vault

PROG = "casetracker"


def default_db() -> Path:
    """`CASETRACKER_DB`, else `case.db` in the user's data directory."""
    if os.environ.get("CASETRACKER_DB"):
        return Path(os.environ["CASETRACKER_DB"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("CaseTracker", appauthor=False)) / "case.db"


# -- reading secrets -----------------------------------------------------------------------------

def _read_secret_file(path: str, what: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read the {what} file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise UsageError(f"the {what} file {path} is not UTF-8 text") from None
    # Only the line break goes: spaces (and any other character) are part of a passphrase.
    return text.split("\n", 1)[0].removesuffix("\r")


def _prompt(label: str) -> str:
    if not sys.stdin.isatty():
        raise UsageError(f"no {label.lower()} given: use a file option or the environment "
                         "variable")
    try:
        return getpass.getpass(f"{label}: ")
    except EOFError:
        raise UsageError(f"no {label.lower()} entered") from None


def current_passphrase(args: argparse.Namespace, name: str) -> str:
    if getattr(args, "passphrase_file", None):
        return _read_secret_file(args.passphrase_file, "passphrase")
    if os.environ.get("CASETRACKER_PASSPHRASE") is not None:
        return os.environ["CASETRACKER_PASSPHRASE"]
    return _prompt(f"Passphrase for {name}")


def new_passphrase(args: argparse.Namespace, file_option: str, name: str) -> str:
    path = getattr(args, file_option, None)
    if path:
        return _read_secret_file(path, "new passphrase")
    if os.environ.get("CASETRACKER_NEW_PASSPHRASE") is not None:
        return os.environ["CASETRACKER_NEW_PASSPHRASE"]
    first = _prompt(f"New passphrase for {name} (15 or more characters)")
    if _prompt("Repeat it") != first:
        raise UsageError("the two passphrases differ; nothing was changed")
    return first


# -- the commands --------------------------------------------------------------------------------

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


def cmd_init(ctx: Context) -> int:
    name = getattr(ctx.args, "user", None) or os.environ.get("CASETRACKER_USER")
    if not name:
        raise UsageError("init needs --user NAME for the first (supervisor) account")
    if ctx.vault.exists():
        raise AlreadyExistsError(f"{ctx.vault.paths.db} already exists; refusing to overwrite it")
    given = getattr(ctx.args, "passphrase_file", None) or "CASETRACKER_PASSPHRASE" in os.environ
    passphrase = (current_passphrase(ctx.args, name) if given
                  else new_passphrase(ctx.args, "passphrase_file", name))
    session, recovery_key = ctx.vault.create(name, passphrase)
    session.close()
    _show_recovery_key(recovery_key)
    return 0


def _show_recovery_key(key: str) -> None:
    print("Recovery key: shown only this once. Print it or write it down and lock it away;\n"
          "it opens the database when every passphrase is forgotten.", file=sys.stderr)
    print(key)


def cmd_user_add(ctx: Context) -> int:
    role = Role.parse(ctx.args.role)
    with ctx.unlock() as session:
        accounts.add_account(session, ctx.args.name, role,
                             new_passphrase(ctx.args, "new_passphrase_file", ctx.args.name))
    return 0


def cmd_user_passwd(ctx: Context) -> int:
    with ctx.unlock() as session:
        target = ctx.args.name or session.account.name
        passphrase = new_passphrase(ctx.args, "new_passphrase_file", target)
        if target.casefold() == session.account.name.casefold():
            accounts.change_own_passphrase(session, passphrase)
        else:
            accounts.reset_passphrase(session, target, passphrase)
    return 0


def cmd_user_remove(ctx: Context) -> int:
    with ctx.unlock() as session:
        accounts.remove_account(session, ctx.args.name)
    return 0


def cmd_user_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        rows = [{"name": a.name, "role": a.role.value, "created": a.created_at[:10],
                 "status": "removed" if a.removed_at else
                 ("must change passphrase" if a.must_change_passphrase else "active")}
                for a in accounts.list_accounts(session, include_removed=ctx.args.all)]
    _print_rows(rows, ["name", "role", "created", "status"], as_json=ctx.args.json)
    return 0


def cmd_audit_verify(ctx: Context) -> int:
    with ctx.unlock() as session:
        report = audit.verify_chain(session)
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def cmd_audit_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        rows = [{"seq": e.seq, "at": e.at, "actor": e.actor or "-", "action": e.action,
                 "subject": e.subject or "-",
                 "details": json.dumps(e.details, sort_keys=True, ensure_ascii=False)}
                for e in audit.recent_entries(session, ctx.args.limit)]
    _print_rows(rows, ["seq", "at", "actor", "action", "subject", "details"],
                as_json=ctx.args.json)
    return 0


def cmd_check(ctx: Context) -> int:
    with ctx.unlock() as session:
        problems = backup.integrity_check(session)
    for problem in problems[:20]:
        print(f"{PROG}: damaged: {problem}", file=sys.stderr)
    return 1 if problems else 0


def cmd_backup(ctx: Context) -> int:
    with ctx.unlock() as session:
        backup.create_backup(session, Path(ctx.args.out))
    return 0


def cmd_restore(ctx: Context) -> int:
    source = Path(ctx.args.file)
    name = getattr(ctx.args, "user", None) or os.environ.get("CASETRACKER_USER")
    if not name:
        raise UsageError("restore needs --user NAME: a supervisor account of the backup")
    session = backup.restore_backup(source, ctx.vault, name, current_passphrase(ctx.args, name))
    session.close()
    return 0


def cmd_recover(ctx: Context) -> int:
    name = ctx.user()
    if ctx.args.recovery_key_file:
        key = _read_secret_file(ctx.args.recovery_key_file, "recovery key")
    else:
        key = _prompt("Recovery key")
    session, new_key = ctx.vault.recover(
        name, key, new_passphrase(ctx.args, "new_passphrase_file", name))
    session.close()
    print("The recovery key you used no longer works. Here is its replacement.", file=sys.stderr)
    _show_recovery_key(new_key)
    return 0


def cmd_recovery_key(ctx: Context) -> int:
    with ctx.unlock() as session:
        key = accounts.replace_recovery_key(session)
    print("The previous recovery key no longer works.", file=sys.stderr)
    _show_recovery_key(key)
    return 0


def _print_rows(rows: list[dict[str, Any]], columns: list[str], *, as_json: bool) -> None:
    if as_json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
        return
    widths = [max([len(c), *(len(str(r[c])) for r in rows)]) for c in columns]
    print("  ".join(c.upper().ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in rows:
        print("  ".join(str(row[c]).ljust(w) for c, w in zip(columns, widths, strict=True))
              .rstrip())


# -- the parser ----------------------------------------------------------------------------------

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
    common = _common()
    parser = argparse.ArgumentParser(
        prog=PROG, parents=[common],
        description="Case Tracker: an offline, encrypted case tracker for safe-jobs programs.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(sub: Any, name: str, handler: Callable[[Context], int], help_text: str,
            ) -> argparse.ArgumentParser:
        cmd: argparse.ArgumentParser = sub.add_parser(name, parents=[common], help=help_text,
                                                      description=help_text)
        cmd.set_defaults(handler=handler)
        return cmd

    add(commands, "init", cmd_init, "create a database and its first (supervisor) account")

    user = commands.add_parser("user", help="manage staff accounts")
    users = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    cmd = add(users, "add", cmd_user_add, "add a staff account (supervisor)")
    cmd.add_argument("name")
    cmd.add_argument("--role", required=True,
                     help="case_manager, coordinator or supervisor")
    cmd.add_argument("--new-passphrase-file", metavar="FILE")
    cmd = add(users, "passwd", cmd_user_passwd,
              "change your passphrase, or (supervisor) reset another account's")
    cmd.add_argument("name", nargs="?")
    cmd.add_argument("--new-passphrase-file", metavar="FILE")
    cmd = add(users, "remove", cmd_user_remove,
              "remove an account and rekey the database (supervisor)")
    cmd.add_argument("name")
    cmd = add(users, "list", cmd_user_list, "list staff accounts (supervisor)")
    cmd.add_argument("--all", action="store_true", help="include removed accounts")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")

    audit_cmd = commands.add_parser("audit", help="the tamper-evident audit trail")
    audits = audit_cmd.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    add(audits, "verify", cmd_audit_verify, "verify the audit trail's chain (supervisor)")
    cmd = add(audits, "list", cmd_audit_list, "show the newest audit entries (supervisor)")
    cmd.add_argument("--limit", type=int, default=50)
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")

    add(commands, "check", cmd_check, "check that every page of the database authenticates")
    cmd = add(commands, "backup", cmd_backup,
              "write an encrypted, verified backup (FILE and FILE.keys)")
    cmd.add_argument("--out", required=True, metavar="FILE")
    cmd = add(commands, "restore", cmd_restore,
              "restore a backup to --db, which must not exist yet")
    cmd.add_argument("file", metavar="FILE")
    cmd = add(commands, "recover", cmd_recover,
              "unlock with the recovery key and set a new passphrase")
    cmd.add_argument("--recovery-key-file", metavar="FILE")
    cmd.add_argument("--new-passphrase-file", metavar="FILE")
    add(commands, "recovery-key", cmd_recovery_key,
        "make a new recovery key and print it once; the old one stops working (supervisor)")
    return parser


def main(argv: Sequence[str] | None = None, *, kdf: KdfParams = PRODUCTION,
         clock: Callable[[], float] = time.time) -> int:
    """Run one command; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 0 if args.command is None else 2
    try:
        with readable_storage_errors():
            return int(args.handler(Context(args, kdf, clock)))
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
