"""Changing key slots and the data key, in steps that a crash at any point cannot break.

Every change records its intent in the database first, then rewrites the key file, then
confirms in the database; unlocking accepts either side of an unfinished change and
finishes it (see `reconcile`). `rekey` re-encrypts in place and cannot be stopped part way;
`rekey_copy.rekey_by_copy` (an account's removal) writes a copy and can.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from typing import Any

from casetracker.security import keyslots, recovery
from casetracker.security.keyslots import KeyFile, KeySlot, SlotSecrets
from casetracker.services.session import Session, fingerprint
from casetracker.storage import connection as db
from casetracker.storage.repositories import MetaRepository, UserRepository

RECOVERY_CURRENT = "recovery_public_key_sha256"
RECOVERY_PENDING = "recovery_pending_public_key_sha256"
PENDING_REKEY = "pending_rekey_sha256"


def key_hash(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()


def slot_is_recorded(conn: db.Connection, slot: KeySlot) -> bool:
    """True when the database knows this slot's key pair (as current or pending) for an
    active account or for the recovery key."""
    fpr = fingerprint(slot.public_key)
    if slot.kind == "recovery":
        meta = MetaRepository(conn)
        return fpr in {(meta.get(RECOVERY_CURRENT) or b"").decode(),
                       (meta.get(RECOVERY_PENDING) or b"").decode()}
    known = UserRepository(conn).key_fingerprints(slot.name or "")
    return known is not None and fpr in known


def remember_signing_key(conn: db.Connection, slot: KeySlot, secrets: SlotSecrets) -> None:
    """Note the signing key that goes with a slot made or opened here, so it can be published
    with the slot in a team program (`sync/signatures.py`)."""
    from casetracker.sync import signatures  # not needed to show the lock screen

    signatures.remember_slot(conn, fingerprint(slot.public_key), secrets.private_key)


def new_slot_for(session: Session, kind: keyslots.SlotKind, name: str | None,
                 secret: bytes) -> tuple[KeySlot, SlotSecrets]:
    verify_key = session.slot_secrets.verify_key
    slot, secrets = keyslots.new_slot(kind, name, secret, session.data_key, session.vault_id,
                                      session.kdf, signing_key=session.signing_key,
                                      verify_key=verify_key)
    remember_signing_key(session.conn, slot, secrets)
    return slot, secrets


def replace_user_slot(session: Session, name: str, secret: bytes, *, must_change: bool,
                      action: str, **details: Any) -> SlotSecrets:
    """Give `name` a new key pair opened by `secret`; return the new slot's secrets."""
    slot, secrets = new_slot_for(session, "user", name, secret)
    users = UserRepository(session.conn)
    with session.changing():
        users.set_pending_key(name, fingerprint(slot.public_key))
        if must_change:
            users.set_must_change(name, True)
        session.audit(action, name, **details)

    def swap(keyfile: KeyFile) -> None:
        old = keyfile.user_slot(name)
        keyfile.slots = [s for s in keyfile.slots if old is None or s.id != old.id] + [slot]

    session.update_keyfile(swap)
    with session.changing():
        users.promote_pending_key(name)
        users.set_must_change(name, must_change)
    return secrets


def replace_recovery_slot(session: Session) -> str:
    """Make a new recovery key (returned, to be shown once); the old one stops working."""
    text, secret = recovery.generate()
    slot, _ = new_slot_for(session, "recovery", None, secret)
    _install_recovery_slot(session, slot, "recovery_key.replaced")
    return text


def take_recovery_slot(session: Session, arrived: KeySlot) -> None:
    """Put a recovery slot made on another laptop (without a data key) in place of this
    laptop's, with this laptop's data key sealed to it: the old recovery key stops opening
    this database, the new one opens it."""
    slot = keyslots.reseal_slot(arrived, session.vault_id, session.data_key,
                                session.signing_key, as_next=False)
    _install_recovery_slot(session, slot, "recovery_key.arrived")


def _install_recovery_slot(session: Session, slot: KeySlot, action: str) -> None:
    """Put `slot` in place of the key file's recovery slot: marked pending in the database
    first (audited as `action`), then written to the key file, then marked current."""
    meta = MetaRepository(session.conn)
    with session.changing():
        meta.set(RECOVERY_PENDING, fingerprint(slot.public_key).encode())
        session.audit(action, None)

    def swap(keyfile: KeyFile) -> None:
        keyfile.slots = [s for s in keyfile.slots if s.kind != "recovery"] + [slot]

    session.update_keyfile(swap)
    with session.changing():
        meta.set(RECOVERY_CURRENT, fingerprint(slot.public_key).encode())
        meta.delete(RECOVERY_PENDING)


def rekey(session: Session, reason: str) -> None:
    """Re-encrypt the database under a new data key sealed only to the slots the database
    still knows; any other slot (a removed account's) is dropped and opens nothing after."""
    new_key = os.urandom(db.KEY_BYTES)
    with session.changing():
        # Only a rekey recorded here is ever resumed, so a key planted in the key file by
        # someone without the data key cannot make the database re-encrypt to it.
        MetaRepository(session.conn).set(PENDING_REKEY, key_hash(new_key).encode())
        session.audit("vault.rekey_started", None, reason=reason)

    def seal_next(keyfile: KeyFile) -> None:
        # Slots the database does not know (a removed account's, or a stale one from an older
        # copy of the key file) get no new key: they open nothing from now on. Refusing to
        # rekey instead would lock every account out over one bad slot.
        keyfile.slots = [
            keyslots.reseal_slot(slot, session.vault_id, new_key, session.signing_key,
                                 as_next=True)
            for slot in keyfile.slots if slot_is_recorded(session.conn, slot)]

    session.update_keyfile(seal_next)
    _apply(session, new_key)
    _finish(session, new_key)


def _apply(session: Session, new_key: bytes) -> None:
    # SQLCipher rewrites every page in one transaction; other connections then fail cleanly.
    session.conn.execute(f'PRAGMA rekey = "{db.key_pragma(new_key)}"')
    # Fold the rewritten pages into the main file so no page under the old key remains there.
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    session.replace_keys(data_key=new_key)


def finish_rekey(session: Session, new_key: bytes) -> None:
    """The database is under `new_key` now: make the next keys current, drop the slots it
    does not know, and clear the pending mark (also `rekey_copy`'s last step)."""
    _finish(session, new_key)


def _finish(session: Session, new_key: bytes) -> None:
    def promote(keyfile: KeyFile) -> None:
        kept = []
        for slot in keyfile.slots:
            if slot.sealed_next is not None:
                kept.append(replace(slot, sealed=slot.sealed_next, sealed_next=None))
            elif slot_is_recorded(session.conn, slot):
                # Added by another window between sealing and rewriting, with the old key.
                kept.append(keyslots.reseal_slot(slot, session.vault_id, new_key,
                                                 session.signing_key, as_next=False))
        keyfile.slots = kept

    with session.changing():
        MetaRepository(session.conn).delete(PENDING_REKEY)
        session.audit("vault.rekey_completed", None)
        session.update_keyfile(promote)


def reconcile(session: Session, other_key: bytes | None) -> None:
    """At unlock: finish whatever a crash interrupted.

    `other_key` is the key sealed beside the one that opened the database, if any.
    """
    meta = MetaRepository(session.conn)
    recorded = (meta.get(PENDING_REKEY) or b"").decode()
    if recorded and recorded == key_hash(session.data_key):
        _finish(session, session.data_key)  # rewritten already; the key file lagged
    elif recorded and other_key is not None and recorded == key_hash(other_key):
        _apply(session, other_key)
        _finish(session, other_key)
    elif recorded:
        rekey(session, "an interrupted rekey is started again")
    elif other_key is not None:
        def drop(keyfile: KeyFile) -> None:
            for slot in list(keyfile.slots):
                if slot.sealed_next is not None:
                    keyfile.replace_slot(replace(slot, sealed_next=None))

        with session.changing():
            session.audit("vault.rekey_discarded", None,
                          reason="a next key in the key file was not recorded in the database")
            session.update_keyfile(drop)
    _promote_pending(session)
    keyfile = KeyFile.load(session.paths.keys)
    if any(not slot_is_recorded(session.conn, s) for s in keyfile.slots):
        rekey(session, "the key file held a slot the database does not know")


def _promote_pending(session: Session) -> None:
    """Confirm slot replacements whose new slot reached the key file before a crash."""
    keyfile = KeyFile.load(session.paths.keys)
    users = UserRepository(session.conn)
    meta = MetaRepository(session.conn)
    user_names = [s.name for s in keyfile.slots if s.kind == "user" and s.name and (
        users.key_fingerprints(s.name) or ("", None))[1] == fingerprint(s.public_key)]
    recovery_fprs = [fingerprint(s.public_key) for s in keyfile.slots if s.kind == "recovery"
                     and (meta.get(RECOVERY_PENDING) or b"").decode() == fingerprint(s.public_key)]
    if not user_names and not recovery_fprs:
        return
    with session.changing():
        for name in user_names:
            users.promote_pending_key(name)
        for fpr in recovery_fprs:
            meta.set(RECOVERY_CURRENT, fpr.encode())
            meta.delete(RECOVERY_PENDING)
