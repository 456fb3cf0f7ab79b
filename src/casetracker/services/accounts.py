"""Staff accounts: add, list, change or reset a passphrase, remove (which rekeys)."""

from __future__ import annotations

from casetracker.domain import clock
from casetracker.domain.accounts import Account, Role, validate_username
from casetracker.domain.errors import AlreadyExistsError, KeyFileError, NotFoundError, UsageError
from casetracker.security import keyslots
from casetracker.security.keyslots import KeyFile
from casetracker.services import audit_anchor, copies, keyring, rekey_copy, team_accounts
from casetracker.services.session import Session, fingerprint
from casetracker.storage.repositories import AuditRepository, UserRepository


def list_accounts(session: Session, *, include_removed: bool = False) -> list[Account]:
    """Every staff account (supervisors only)."""
    session.require("listing accounts", Role.SUPERVISOR)
    return UserRepository(session.conn).list(include_removed=include_removed)


def add_account(session: Session, name: str, role: Role, passphrase: str, *,
                one_time: bool = False) -> Account:
    """Create an account with its own key slot (supervisors only). With `one_time` the
    passphrase (see `one_time_passphrase`) must be changed at the account's first unlock."""
    import uuid  # here: the lock screen imports this module, and uuid is slow to load

    session.require("adding an account", Role.SUPERVISOR)
    validate_username(name)
    secret = session.policy.check(passphrase, context=(name,)).encode("utf-8")
    users = UserRepository(session.conn)
    if users.by_name(name) is not None:
        raise AlreadyExistsError(f"an account named {name!r} exists or existed; choose another")
    slot, _ = keyring.new_slot_for(session, "user", name, secret)
    account = Account(str(uuid.uuid4()), name, role, clock.now_iso(),
                      must_change_passphrase=one_time)

    def add_slot(keyfile: KeyFile) -> None:
        # A crash between the key file and the commit leaves this slot without an account;
        # the next unlock drops it with a rekey, and adding the name again replaces it.
        orphan = keyfile.user_slot(name)
        keyfile.slots = [s for s in keyfile.slots if orphan is None or s.id != orphan.id]
        keyfile.slots.append(slot)

    with session.changing():
        users.add(account, fingerprint(slot.public_key))
        session.audit("account.add", name, role=role.value, one_time=one_time)
        session.update_keyfile(add_slot)
    team_accounts.publish(session, name)  # the account unlocks on every laptop of a program
    return account


def change_own_passphrase(session: Session, new_passphrase: str) -> None:
    """Rewrap the acting account's slot under a new passphrase; the database is not rekeyed."""
    session.require("changing a passphrase", allow_pending_change=True)
    name = session.account.name
    secret = session.policy.check(new_passphrase, context=(name,)).encode("utf-8")

    def rewrap(keyfile: KeyFile) -> None:
        slot = keyfile.user_slot(name)
        if slot is None:
            raise KeyFileError(f"the key file has no slot for {name}")
        keyfile.replace_slot(keyslots.rewrap_slot(slot, session.vault_id,
                                                  session.slot_secrets, secret, session.kdf))

    # The key file goes first: a crash before the commit leaves the new passphrase working
    # and at worst asks for a change once more.
    with session.changing():
        UserRepository(session.conn).set_must_change(name, False)
        session.audit("account.passphrase_changed", name)
        session.update_keyfile(rewrap)
    team_accounts.publish(session, name)  # the new passphrase works on every laptop
    session.refresh_account()


def reset_passphrase(session: Session, name: str, new_passphrase: str) -> None:
    """Give another account a new slot and a passphrase it must change at its next unlock."""
    session.require("resetting another account's passphrase", Role.SUPERVISOR)
    target = _active(session, name)
    if target.name.casefold() == session.account.name.casefold():
        raise UsageError("to change your own passphrase use 'casetracker user passwd'")
    secret = session.policy.check(new_passphrase, context=(target.name,)).encode("utf-8")
    keyring.replace_user_slot(session, target.name, secret, must_change=True,
                              action="account.passphrase_reset", by=session.account.name)
    team_accounts.publish(session, target.name)


def one_time_passphrase() -> str:
    """A random passphrase for a supervisor to hand over, changed at its first unlock:
    five groups of four letters and digits (about 100 bits), easy to read out."""
    import secrets

    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread
    return "-".join("".join(secrets.choice(alphabet) for _ in range(4)) for _ in range(5))


def change_role(session: Session, name: str, role: Role) -> Account:
    """Give another account a new role (supervisors only); the last supervisor keeps theirs."""
    session.require("changing an account's role", Role.SUPERVISOR)
    target = _active(session, name)
    if target.name.casefold() == session.account.name.casefold():
        raise UsageError("you cannot change your own role; another supervisor can")
    if target.role is role:
        return target
    users = UserRepository(session.conn)
    if target.role is Role.SUPERVISOR and not any(
            a.role is Role.SUPERVISOR and a.name != target.name for a in users.list()):
        raise UsageError("the last supervisor account cannot be given another role")
    with session.changing():
        users.set_role(target.name, role)
        session.audit("account.role_changed", target.name, was=target.role.value,
                      now=role.value)
        team_accounts.publish(session, target.name)  # the new role holds on every laptop
    if target.role is Role.SUPERVISOR:
        # The audit signer is sealed to supervisors: a successor, sealed to those left.
        audit_anchor.replace_signer(session)
    return _active(session, target.name)


def last_unlocks(session: Session) -> dict[str, str]:
    """When each account last unlocked (ISO time, from the audit trail), for supervisors."""
    session.require("listing accounts", Role.SUPERVISOR)
    found: dict[str, str] = {}
    audit = AuditRepository(session.conn)
    for account in UserRepository(session.conn).list():
        entries = audit.search(actor=account.name, action="login", limit=1)
        if entries:
            found[account.name] = entries[-1].at
    return found


def remove_account(session: Session, name: str,
                   progress: rekey_copy.Progress | None = None) -> copies.CopiesReport:
    """Remove the account, delete its slot and rekey the database, so that the removed
    person's copy of the old key file opens nothing written from now on.

    The removal and the new key land together (`rekey_copy`): the account is removed in a
    copy of the database under the new key, swapped in when complete. `progress` may stop it
    before the swap (Cancel): then nothing changed, and the account can still unlock.

    Then the copies the program made are dealt with (`copies.after_account_removal`); the
    report lists the backups that still hold data under a key the account could open.
    """
    session.require("removing an account", Role.SUPERVISOR)
    target = _active(session, name)
    if target.name.casefold() == session.account.name.casefold():
        raise UsageError("you cannot remove your own account")
    users = UserRepository(session.conn)
    if target.role is Role.SUPERVISOR and not any(
            a.role is Role.SUPERVISOR and a.name != target.name for a in users.list()):
        raise UsageError("the last supervisor account cannot be removed")

    def remove_in_copy(copy: Session) -> None:
        with copy.changing():
            UserRepository(copy.conn).mark_removed(target.name, clock.now_iso())
            copy.audit("account.remove", target.name)
            team_accounts.publish(copy, target.name)  # removed on every laptop
        # The audit signer the removed account may have held (a supervisor's) is replaced
        # by a successor it signs, sealed to the remaining supervisors only.
        audit_anchor.replace_signer(copy)

    rekey_copy.rekey_by_copy(session, f"account {target.name} removed", remove_in_copy,
                             progress)
    session.refresh_account()
    return copies.after_account_removal(session, target.name)


def replace_recovery_key(session: Session) -> str:
    """A new recovery key, returned to be printed once; the old one stops working."""
    session.require("replacing the recovery key", Role.SUPERVISOR)
    text = keyring.replace_recovery_slot(session)
    team_accounts.publish_recovery(session)  # the old key stops working on every laptop
    return text


def _active(session: Session, name: str) -> Account:
    account = UserRepository(session.conn).by_name(name)
    if account is None or not account.active:
        raise NotFoundError(f"there is no active account named {name!r}")
    return account
