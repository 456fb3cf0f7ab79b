"""Staff accounts: add, list, change or reset a passphrase, remove (which rekeys)."""

from __future__ import annotations

import os
import uuid

from casetracker.domain.accounts import Account, Role, validate_username
from casetracker.domain.errors import AlreadyExistsError, KeyFileError, NotFoundError, UsageError
from casetracker.security import keyslots
from casetracker.security.keyslots import KeyFile
from casetracker.services.session import Session, fingerprint, utc_now
from casetracker.services.vault import begin_rekey, finish_rekey
from casetracker.storage import connection as db
from casetracker.storage.repositories import MetaRepository, UserRepository


def list_accounts(session: Session, *, include_removed: bool = False) -> list[Account]:
    """Every staff account (supervisors only)."""
    session.require("listing accounts", Role.SUPERVISOR)
    return UserRepository(session.conn).list(include_removed=include_removed)


def add_account(session: Session, name: str, role: Role, passphrase: str) -> Account:
    """Create an account with its own key slot (supervisors only)."""
    session.require("adding an account", Role.SUPERVISOR)
    validate_username(name)
    secret = session.policy.check(passphrase, context=(name,)).encode("utf-8")
    users = UserRepository(session.conn)
    if users.by_name(name) is not None:
        raise AlreadyExistsError(f"an account named {name!r} exists or existed; choose another")
    slot = keyslots.new_slot("user", name, secret, session.data_key, session.vault_id,
                             session.kdf)
    account = Account(str(uuid.uuid4()), name, role, utc_now())

    def add_slot(keyfile: KeyFile) -> None:
        # A slot without an account row can be left by a crash between the two writes.
        orphan = keyfile.user_slot(name)
        keyfile.slots = [s for s in keyfile.slots if orphan is None or s.id != orphan.id]
        keyfile.slots.append(slot)

    with session.changing():
        users.add(account, fingerprint(slot.public_key))
        session.audit("account.add", name, role=role.value)
        session.update_keyfile(add_slot)
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
                                                  session.slot_private_key, secret, session.kdf))

    with session.changing():
        UserRepository(session.conn).set_must_change(name, False)
        session.audit("account.passphrase_changed", name)
        session.update_keyfile(rewrap)
    session.refresh_account()


def reset_passphrase(session: Session, name: str, new_passphrase: str) -> None:
    """Give another account a new slot and passphrase it must change at next unlock."""
    session.require("resetting another account's passphrase", Role.SUPERVISOR)
    target = _active(session, name)
    if target.name.casefold() == session.account.name.casefold():
        raise UsageError("to change your own passphrase use 'casetracker user passwd'")
    secret = session.policy.check(new_passphrase, context=(target.name,)).encode("utf-8")
    slot = keyslots.new_slot("user", target.name, secret, session.data_key, session.vault_id,
                             session.kdf)

    def swap(keyfile: KeyFile) -> None:
        old = keyfile.user_slot(target.name)
        keyfile.slots = [s for s in keyfile.slots if old is None or s.id != old.id] + [slot]

    with session.changing():
        UserRepository(session.conn).set_key(target.name, fingerprint(slot.public_key),
                                             must_change=True)
        session.audit("account.passphrase_reset", target.name, by=session.account.name)
        session.update_keyfile(swap)


def remove_account(session: Session, name: str) -> None:
    """Delete the account's slot and rekey the database, so an old key file cannot open it.

    The new data key is sealed to every remaining slot's public key (checked against the
    fingerprints the database holds) before the database is rewritten; until the rekey is
    confirmed each slot carries both keys, so a crash at any step loses nothing.
    """
    session.require("removing an account", Role.SUPERVISOR)
    target = _active(session, name)
    if target.name.casefold() == session.account.name.casefold():
        raise UsageError("you cannot remove your own account")
    users = UserRepository(session.conn)
    remaining = [a for a in users.list() if a.name.casefold() != target.name.casefold()]
    if target.role is Role.SUPERVISOR and not any(a.role is Role.SUPERVISOR for a in remaining):
        raise UsageError("the last supervisor account cannot be removed")
    new_key = os.urandom(db.KEY_BYTES)
    fingerprints = {a.name.casefold(): users.public_key_sha256(a.name) for a in remaining}
    recovery_fpr = (MetaRepository(session.conn).get("recovery_public_key_sha256") or b"").decode()

    def drop_and_seal(keyfile: KeyFile) -> None:
        kept = []
        for slot in keyfile.slots:
            if slot.kind == "user" and (slot.name or "").casefold() == target.name.casefold():
                continue
            expected = (recovery_fpr if slot.kind == "recovery"
                        else fingerprints.get((slot.name or "").casefold()))
            if expected is None:
                continue  # a slot for an account the database does not know gets no new key
            if expected != fingerprint(slot.public_key):
                raise KeyFileError(
                    f"the key file's slot for {slot.name or 'the recovery key'} does not match "
                    "the database; refusing to rekey")
            kept.append(keyslots.reseal_slot(slot, session.vault_id, new_key, as_next=True))
        keyfile.slots = kept

    with session.changing():
        users.mark_removed(target.name, utc_now())
        session.audit("account.remove", target.name)
        begin_rekey(session, new_key)
        session.update_keyfile(drop_and_seal)
    finish_rekey(session, new_key)


def _active(session: Session, name: str) -> Account:
    account = UserRepository(session.conn).by_name(name)
    if account is None or not account.active:
        raise NotFoundError(f"there is no active account named {name!r}")
    return account
