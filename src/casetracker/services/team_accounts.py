"""Staff accounts that travel between the laptops of a program.

Each laptop keeps its own data key; an account unlocks on every laptop because its key slot
travels (public key and passphrase-wrapped private key, never a data key) in the replicated
`team_accounts` table, and each laptop seals its own data key to the slot's public key.

- `publish`: after an account changes here (added, passphrase changed or reset, removed, or
  rewrapped at a higher cost), its row follows, as the account that made the change, so the
  other laptops can check that this account was allowed to (`sync.membership`).
- `adopt`: after bundles are applied, the key file follows the rows: a new account gets a
  slot sealed to this laptop's data key, a changed passphrase replaces the wrapped private
  key (a reset's new key pair gets this laptop's data key sealed to it), a removed account is
  marked removed and the database is rekeyed so its slot opens nothing here either.
- `publish_recovery` and `adopt_recovery`: the same for the program's recovery key. A
  supervisor's new recovery key travels (`team_recovery`), and every laptop puts its slot in
  place of the old one, so the old recovery key stops opening any laptop's database. A
  recovery slot that arrives is taken once: a laptop whose own slot moved on since (a case
  manager used the recovery key there, which does not travel) keeps its own until the next
  supervisor's key arrives.
Outside a program all of them do nothing.
"""

from __future__ import annotations

import base64
import json
from dataclasses import replace

from casetracker.domain import clock
from casetracker.domain.accounts import Role
from casetracker.security import keyslots
from casetracker.security.keyslots import KeyFile, KeySlot
from casetracker.services import audit_anchor, keyring
from casetracker.services.session import Session, fingerprint
from casetracker.storage.migrations.v011_change_capture import in_program
from casetracker.storage.repositories import MetaRepository, UserRepository
from casetracker.storage.team_repo import TeamAccount, TeamRepository
from casetracker.sync import signatures

# The fingerprint of the last travelling recovery slot this laptop took (or published).
RECOVERY_TAKEN = "team_recovery_taken_sha256"


def _zeros(length: int) -> str:
    return base64.b64encode(bytes(length)).decode("ascii")


# A slot read from its travelling text holds no sealed data key until this laptop seals one.
_NO_SEAL = {"ephemeral": _zeros(32), "nonce": _zeros(12), "ciphertext": "",
            "signature": _zeros(64)}


def slot_text(slot: KeySlot) -> str:
    """A key slot as it travels: without the data key sealed to it, in one canonical text."""
    data = slot.to_dict()
    data.pop("sealed_data_key", None)
    data.pop("sealed_next_data_key", None)
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def slot_from_text(text: str) -> KeySlot:
    """A travelling slot, with no data key sealed to it yet."""
    return KeySlot.from_dict({**json.loads(text), "sealed_data_key": _NO_SEAL})


def publish(session: Session, name: str | None = None) -> int:
    """Bring `team_accounts` in line with this laptop's accounts (only `name`'s when given);
    returns how many rows changed. Call it right after the change, as the account that made
    it, inside or after that change's unit of work."""
    if not in_program(session.conn):
        return 0
    keyfile = KeyFile.load(session.paths.keys)
    team = TeamRepository(session.conn)
    changed = 0
    with session.changing():
        for account in UserRepository(session.conn).list(include_removed=True):
            if name is not None and account.name.casefold() != name.casefold():
                continue
            slot = keyfile.user_slot(account.name) if account.active else None
            existing = team.account(account.id)
            if slot is not None:
                key_sha256, text = fingerprint(slot.public_key), slot_text(slot)
            elif existing is not None:
                key_sha256, text = existing.key_sha256, existing.slot
            else:
                continue  # removed before it ever travelled
            # The signing key goes with the slot it is derived from, when this laptop made
            # or opened that slot; else the one already published stays.
            sign_key = signatures.slot_key(session.conn, key_sha256) or (
                existing.sign_key if existing is not None else None)
            wanted = TeamAccount(account.id, account.name, account.role.value,
                                 account.created_at, account.must_change_passphrase,
                                 account.removed_at, key_sha256, text, sign_key)
            if wanted != existing:
                team.put_account(wanted, existing)
                changed += 1
    return changed


def publish_signing_key(session: Session) -> bool:
    """Publish the session's own signing key when its travelling row has none or another for
    the same slot (an account made before schema 25 publishes its own, the first time); and,
    in the same unit of work, sign what this account logged outside one. True if published."""
    if not in_program(session.conn):
        return False
    with session.changing():  # signs this account's changes not yet signed, first
        own = KeyFile.load(session.paths.keys).user_slot(session.account.name)
        if own is None:
            return False
        key_sha256 = fingerprint(own.public_key)
        sign_key = signatures.slot_key(session.conn, key_sha256)
        team = TeamRepository(session.conn)
        row = team.account(session.account.id)
        if row is None or sign_key is None or row.key_sha256 != key_sha256 \
                or row.sign_key == sign_key:
            return False
        team.put_account(replace(row, sign_key=sign_key), row)
    return True


def adopt(session: Session) -> list[str]:
    """Make this laptop's accounts and key file follow `team_accounts` (after applying
    bundles); returns the names of the accounts that changed here."""
    if not in_program(session.conn):
        return []
    users = UserRepository(session.conn)
    changed: list[str] = []
    removed = False
    for row in TeamRepository(session.conn).accounts():
        local = users.by_name(row.name)
        if local is None or local.id != row.account_id:
            continue  # another account of that name was made here: left alone
        if row.removed_at is not None:
            if local.active:
                with session.changing():
                    users.mark_removed(local.name, row.removed_at)
                    session.audit("account.removed_elsewhere", local.name)
                removed = True
                changed.append(local.name)
            continue
        if local.role.value != row.role or local.must_change_passphrase != row.must_change:
            with session.changing():
                users.set_role(local.name, Role(row.role))
                users.set_must_change(local.name, row.must_change)
                session.audit("account.changed_elsewhere", local.name, role=row.role)
            changed.append(local.name)
        keyfile = KeyFile.load(session.paths.keys)
        here = keyfile.user_slot(local.name)
        if here is not None and slot_text(here) == row.slot:
            continue
        _take_slot(session, local.name, here, slot_from_text(row.slot))
        changed.append(local.name)
    if removed:
        keyring.rekey(session, "an account was removed on another laptop")
        if session.account.role is Role.SUPERVISOR and session.account.active:
            audit_anchor.replace_signer(session)
    adopt_recovery(session)
    return sorted(set(changed))


def publish_recovery(session: Session) -> bool:
    """After a supervisor made a new recovery key here: its slot travels. True if it did."""
    if not in_program(session.conn) or session.account.role is not Role.SUPERVISOR:
        return False  # other laptops accept a recovery key only from a supervisor
    slot = KeyFile.load(session.paths.keys).recovery_slot()
    if slot is None:
        return False
    team, text = TeamRepository(session.conn), slot_text(slot)
    sign_key = signatures.slot_key(session.conn, fingerprint(slot.public_key))
    if team.recovery() == text and (sign_key is None or team.recovery_sign_key() == sign_key):
        return False
    with session.changing():
        team.put_recovery(text, clock.now_iso(), sign_key)
        MetaRepository(session.conn).set(RECOVERY_TAKEN,
                                         fingerprint(slot.public_key).encode())
    return True


def adopt_recovery(session: Session) -> bool:
    """Take the program's recovery slot if a new one arrived; True if it was taken."""
    text = TeamRepository(session.conn).recovery()
    if text is None:
        return False
    arrived = slot_from_text(text)
    if arrived.kind != "recovery":
        return False
    taken = fingerprint(arrived.public_key).encode()
    meta = MetaRepository(session.conn)
    if meta.get(RECOVERY_TAKEN) == taken:
        return False
    here = KeyFile.load(session.paths.keys).recovery_slot()
    if here is None or fingerprint(here.public_key).encode() != taken:
        keyring.take_recovery_slot(session, arrived)
    with session.changing():
        meta.set(RECOVERY_TAKEN, taken)
    return True


def _take_slot(session: Session, name: str, here: KeySlot | None, arrived: KeySlot) -> None:
    users = UserRepository(session.conn)
    if here is not None and here.public_key == arrived.public_key:
        # The same key pair under a new passphrase (or cost): this laptop's sealed key stays.
        slot = replace(arrived, sealed=here.sealed, sealed_next=here.sealed_next)
        new_key = False
    else:
        slot = keyslots.reseal_slot(arrived, session.vault_id, session.data_key,
                                    session.signing_key, as_next=False)
        new_key = True
    # As a reset here does: the new key is recorded as pending, the key file follows, and
    # then it is confirmed (an unlock finishes what a crash interrupted).
    with session.changing():
        if new_key:
            users.set_pending_key(name, fingerprint(slot.public_key))
        session.audit("account.key_arrived", name, new_key_pair=new_key)

    def swap(keyfile: KeyFile) -> None:
        old = keyfile.user_slot(name)
        keyfile.slots = [s for s in keyfile.slots if old is None or s.id != old.id] + [slot]

    session.update_keyfile(swap)
    if new_key:
        with session.changing():
            users.promote_pending_key(name)
