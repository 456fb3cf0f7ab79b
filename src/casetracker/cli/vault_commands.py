"""Commands for the vault itself: creating it, accounts, the audit trail, backups, recovery."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from casetracker.cli import staff_commands
from casetracker.cli.common import (
    PROG,
    AddCommand,
    Context,
    current_passphrase,
    new_passphrase,
    print_rows,
    prompt,
    read_secret_file,
    show_recovery_key,
)
from casetracker.domain.accounts import Role
from casetracker.domain.audit import action_words, concerns, details_words, subject_case
from casetracker.domain.errors import AlreadyExistsError, CaseTrackerError, UsageError
from casetracker.services import accounts, audit, audit_anchor, backup, copies


def cmd_init(ctx: Context) -> int:
    name = getattr(ctx.args, "user", None) or os.environ.get("CASETRACKER_USER")
    if not name:
        raise UsageError("init needs --user NAME for the first (supervisor) account")
    if ctx.vault.exists():
        raise AlreadyExistsError(f"{ctx.vault.paths.db} already exists; refusing to overwrite it")
    passphrase = _first_passphrase(ctx, name)
    session, recovery_key = ctx.vault.create(name, passphrase)
    session.close()
    show_recovery_key(recovery_key)
    return 0


def _first_passphrase(ctx: Context, name: str) -> str:
    """The first account's passphrase: new, like `user add`'s (`--new-passphrase-file`), or
    the one later commands will be given (`--passphrase-file`, `CASETRACKER_PASSPHRASE`)."""
    new_file = getattr(ctx.args, "new_passphrase_file", None)
    current_file = getattr(ctx.args, "passphrase_file", None)
    if new_file:
        passphrase = read_secret_file(new_file, "new passphrase")
        if current_file and read_secret_file(current_file, "passphrase") != passphrase:
            raise UsageError("--passphrase-file and --new-passphrase-file hold different "
                             "passphrases; init sets one: give one of them")
        return passphrase
    if current_file or "CASETRACKER_PASSPHRASE" in os.environ:
        return current_passphrase(ctx.args, name)
    return new_passphrase(ctx.args, "new_passphrase_file", name)


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


def cmd_user_role(ctx: Context) -> int:
    role = Role.parse(ctx.args.role)
    with ctx.unlock() as session:
        accounts.change_role(session, ctx.args.name, role)
    return 0


def cmd_user_remove(ctx: Context) -> int:
    with ctx.unlock() as session:
        report = accounts.remove_account(session, ctx.args.name)
    # Quiet when no copy is left; otherwise each backup that still opens with the removed
    # account's old keys is named, for the supervisor to destroy.
    for line in report.lines():
        print(f"{PROG}: {line}", file=sys.stderr)
    return 0


def cmd_user_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        rows = [{"name": a.name, "role": a.role.value, "created": a.created_at[:10],
                 "status": "removed" if a.removed_at else
                 ("must change passphrase" if a.must_change_passphrase else "active")}
                for a in accounts.list_accounts(session, include_removed=ctx.args.all)]
    print_rows(rows, ["name", "role", "created", "status"], as_json=ctx.args.json)
    return 0


def cmd_audit_verify(ctx: Context) -> int:
    with ctx.unlock() as session:
        report = audit.verify_trail(session)
    print(report.summary(), file=sys.stdout if report.ok else sys.stderr)
    return 0 if report.ok else 1


def cmd_audit_checkpoint(ctx: Context) -> int:
    with ctx.unlock() as session:
        made = audit_anchor.checkpoint(session)
        fingerprint = audit_anchor.current_fingerprint(session)
    if made is None:
        raise CaseTrackerError("this supervisor does not hold the audit signer yet; another "
                               "supervisor's next unlock hands it on")
    print(f"countersigned through entry {made.seq}; signer {fingerprint}")
    return 0


def cmd_audit_list(ctx: Context) -> int:
    """The latest entries: in words, as the desktop's audit window shows them (the action's
    code last, to search by); with --json, the stored codes and details for programs."""
    with ctx.unlock() as session:
        entries = audit.recent_entries(session, ctx.args.limit)
    if ctx.args.json:
        rows = [{"seq": e.seq, "at": e.at, "actor": e.actor or "-", "action": e.action,
                 "subject": e.subject or "-",
                 "details": json.dumps(e.details, sort_keys=True, ensure_ascii=False)}
                for e in entries]
        print_rows(rows, ["seq", "at", "actor", "action", "subject", "details"], as_json=True)
        return 0
    rows = [{"seq": e.seq, "at": e.at[:19].replace("T", " "), "actor": e.actor or "-",
             "action": action_words(e.action, e.details), "case": subject_case(e) or "-",
             "concerns": concerns(e) or "-", "details": details_words(e.details) or "-",
             "code": e.action}
            for e in entries]
    print_rows(rows, ["seq", "at", "actor", "action", "case", "concerns", "details", "code"],
               as_json=False)
    return 0


def cmd_check(ctx: Context) -> int:
    with ctx.unlock() as session:
        problems = backup.integrity_check(session)
    for problem in problems[:20]:
        print(f"{PROG}: damaged: {problem}", file=sys.stderr)
    return 1 if problems else 0


def cmd_backup(ctx: Context) -> int:
    if bool(ctx.args.out) == bool(ctx.args.prune):
        raise UsageError("backup takes one of --out FILE (make a backup) or --prune (remove "
                         "those made before the latest purge); 'backups' lists them")
    with ctx.unlock() as session:
        if ctx.args.out:
            backup.create_backup(session, Path(ctx.args.out))
        else:
            report = copies.prune_backups(session)
            for path in report.removed:
                print(f"removed {path} and its .keys file", file=sys.stderr)
            for path in report.could_not_remove:
                print(f"{PROG}: could not remove {path}; remove it by hand", file=sys.stderr)
            for path in report.missing:
                print(f"{PROG}: {path} holds purged cases but is no longer at that path; "
                      "wherever it is now, destroy it and its .keys file", file=sys.stderr)
    return 0


def cmd_backup_list(ctx: Context) -> int:
    with ctx.unlock() as session:
        purged = {b.path for b in copies.known_backups(session) if b.past_policy}
        rows = [{"made": b.made_at[:16].replace("T", " "), "path": str(b.path),
                 "status": "present" if b.found else "not found",
                 "size": "-" if b.size is None else str(b.size),
                 "holds_purged": "yes" if b.path in purged else "no"}
                for b in copies.program_backups(session)]
    print_rows(rows, ["made", "path", "status", "size", "holds_purged"], as_json=ctx.args.json)
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
        key = read_secret_file(ctx.args.recovery_key_file, "recovery key")
    else:
        key = prompt("Recovery key")
    session, new_key = ctx.vault.recover(
        name, key, new_passphrase(ctx.args, "new_passphrase_file", name))
    session.close()
    print("The recovery key you used no longer works. Here is its replacement.", file=sys.stderr)
    show_recovery_key(new_key)
    return 0


def cmd_recovery_key(ctx: Context) -> int:
    with ctx.unlock() as session:
        key = accounts.replace_recovery_key(session)
    print("The previous recovery key no longer works.", file=sys.stderr)
    show_recovery_key(key)
    return 0




def register(commands: Any, add: AddCommand) -> None:
    """Add the vault commands to the parser."""
    # A recovery key is printed once: one that never reached its reader is not quiet news.
    lost_key = ("the recovery key was not shown in full; a supervisor can make a new one "
                "with 'casetracker recovery-key' (nothing else was lost)")
    cmd = add(commands, "init", cmd_init, "create a database and its first (supervisor) account")
    cmd.add_argument("--new-passphrase-file", metavar="FILE",
                     help="read the first account's passphrase from FILE, like 'user add' "
                          "(default: --passphrase-file, else $CASETRACKER_PASSPHRASE, else "
                          "$CASETRACKER_NEW_PASSPHRASE, else a prompt)")
    cmd.set_defaults(output_cut_off=lost_key)

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
    cmd = add(users, "role", cmd_user_role, "give an account another role (supervisor)")
    cmd.add_argument("name")
    cmd.add_argument("role", help="case_manager, coordinator or supervisor")
    cmd = add(users, "remove", cmd_user_remove,
              "remove an account and rekey the database (supervisor)")
    cmd.add_argument("name")
    cmd = add(users, "list", cmd_user_list, "list staff accounts (supervisor)")
    cmd.add_argument("--all", action="store_true", help="include removed accounts")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    staff_commands.register(users, add)  # user set-name

    audit_cmd = commands.add_parser("audit", help="the tamper-evident audit trail")
    audits = audit_cmd.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    add(audits, "verify", cmd_audit_verify,
        "verify the audit trail's chain and the supervisors' checkpoints (supervisor)")
    add(audits, "checkpoint", cmd_audit_checkpoint,
        "countersign the audit trail now; prints the signer's fingerprint (supervisor)")
    cmd = add(audits, "list", cmd_audit_list, "show the newest audit entries (supervisor)")
    cmd.add_argument("--limit", type=int, default=50)
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")

    add(commands, "check", cmd_check, "check that every page of the database authenticates")
    cmd = add(commands, "backup", cmd_backup,
              "write an encrypted, verified backup (FILE and FILE.keys); --prune the "
              "backups made before the latest purge (supervisor)")
    cmd.add_argument("--out", metavar="FILE")
    cmd.add_argument("--prune", action="store_true")
    cmd = add(commands, "backups", cmd_backup_list,
              "list the backups this program made, newest first (supervisor)")
    cmd.add_argument("--json", action="store_true", help="one JSON object per line")
    cmd = add(commands, "restore", cmd_restore,
              "restore a backup to --db, which must not exist yet")
    cmd.add_argument("file", metavar="FILE")
    cmd = add(commands, "recover", cmd_recover,
              "unlock with the recovery key and set a new passphrase")
    cmd.add_argument("--recovery-key-file", metavar="FILE")
    cmd.add_argument("--new-passphrase-file", metavar="FILE")
    cmd.set_defaults(output_cut_off=lost_key)
    cmd = add(commands, "recovery-key", cmd_recovery_key,
              "make a new recovery key and print it once; the old one stops working "
              "(supervisor)")
    cmd.set_defaults(output_cut_off=lost_key)
