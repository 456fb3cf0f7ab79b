"""Creating, unlocking and recovering a vault: the database plus its key-slot file.

A wrong passphrase is found out by the key slot (AES-GCM fails) before the database is
touched, so it changes nothing but the lockout file.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from casetracker.domain.accounts import Account, Role, validate_username
from casetracker.domain.errors import (
    AlreadyExistsError,
    AuthenticationError,
    DatabaseDamagedError,
    KeyFileError,
    NotFoundError,
)
from casetracker.security import audit_chain, envelope, keyslots, recovery
from casetracker.security.kdf import PRODUCTION, KdfParams
from casetracker.security.keyslots import KeyFile, KeySlot
from casetracker.security.lockout import Lockout
from casetracker.security.passphrase import PassphrasePolicy, normalize
from casetracker.services.errors import readable_storage_errors
from casetracker.services.session import Session, VaultPaths, fingerprint, utc_now
from casetracker.storage import connection as db
from casetracker.storage.migrations import LATEST, migrate
from casetracker.storage.repositories import MetaRepository, UserRepository

RECOVERY_ACCOUNT = "(recovery key)"


class Vault:
    """The door to one database file. `kdf` and `policy` apply to slots made through it."""

    def __init__(self, db_path: Path | str, *, kdf: KdfParams = PRODUCTION,
                 policy: PassphrasePolicy | None = None,
                 clock: Callable[[], float] = time.time) -> None:
        self.paths = VaultPaths(Path(db_path))
        self.kdf = kdf
        self.policy = policy or PassphrasePolicy()
        self.clock = clock

    def exists(self) -> bool:
        return self.paths.db.exists()

    def account_names(self) -> list[str]:
        """Names of the accounts that can unlock this vault (read from the key file)."""
        self._require_files()
        return KeyFile.load(self.paths.keys).user_names()

    # -- creation -------------------------------------------------------------------------------

    @readable_storage_errors()
    def create(self, supervisor: str, passphrase: str) -> tuple[Session, str]:
        """Make the database, its first (supervisor) account and the recovery key.

        Returns the open session and the recovery key, which is shown once and never stored.
        """
        validate_username(supervisor)
        for path in (self.paths.db, self.paths.keys):
            if path.exists():
                raise AlreadyExistsError(f"{path} already exists; refusing to overwrite it")
        secret = self.policy.check(passphrase, context=(supervisor,)).encode("utf-8")
        self.paths.db.parent.mkdir(parents=True, exist_ok=True)
        data_key = os.urandom(db.KEY_BYTES)
        vault_id = uuid.uuid4().hex
        recovery_text, recovery_secret = recovery.generate()
        user_slot = keyslots.new_slot("user", supervisor, secret, data_key, vault_id, self.kdf)
        recovery_slot = keyslots.new_slot("recovery", None, recovery_secret, data_key, vault_id,
                                          self.kdf)
        conn = None
        try:
            conn = db.connect(self.paths.db, data_key, create=True)
            migrate(conn)
            account = Account(str(uuid.uuid4()), supervisor, Role.SUPERVISOR, utc_now())
            with db.transaction(conn):
                meta = MetaRepository(conn)
                meta.set("vault_id", vault_id.encode())
                # Kept in the database so the chain stays verifiable after a rekey.
                meta.set("audit_key", audit_chain.derive_audit_key(data_key, vault_id))
                meta.set("recovery_public_key_sha256",
                         fingerprint(recovery_slot.public_key).encode())
                UserRepository(conn).add(account, fingerprint(user_slot.public_key))
            KeyFile(vault_id, [user_slot, recovery_slot]).save(self.paths.keys)
        except BaseException:
            if conn is not None:
                conn.close()
            for path in (self.paths.db, self.paths.wal, self.paths.shm, self.paths.keys):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            raise
        private = user_slot.unwrap_private(vault_id, secret)
        session = Session(self.paths, conn, account, data_key=data_key, vault_id=vault_id,
                          slot_private_key=private, kdf=self.kdf, policy=self.policy)
        session.audit("vault.create", None, schema=LATEST)
        session.audit("account.add", supervisor, role=Role.SUPERVISOR.value)
        return session, recovery_text

    # -- unlocking ------------------------------------------------------------------------------

    def _require_files(self) -> None:
        if not self.paths.db.exists():
            raise NotFoundError(
                f"no database at {self.paths.db}; create one with 'casetracker init'")

    def _open(self, keyfile: KeyFile, slot: KeySlot,
              private: bytes) -> tuple[db.Connection, bytes, bytes | None]:
        """Open the database with the data key sealed to `slot`.

        Returns the connection, the key that opened it, and, when a rekey was interrupted,
        the new key sealed beside it (equal to the opening key if the database was already
        rewritten, else the key the rekey still has to apply).
        """
        try:
            candidates = slot.data_key_candidates(keyfile.vault_id, private)
        except envelope.SealError as exc:
            raise KeyFileError(
                "the key file has been tampered with or damaged (a sealed key does not "
                "authenticate); restore it from a backup") from exc
        pending = candidates[1] if len(candidates) > 1 else None
        for data_key in candidates:
            try:
                db.probe_key(self.paths.db, data_key)
            except db.WrongKeyError:
                continue
            return db.connect(self.paths.db, data_key), data_key, pending
        # The slot unwrapped, so the key is right: the file itself is damaged.
        raise DatabaseDamagedError(
            f"{self.paths.db.name} is damaged (its first page does not decrypt although the "
            "passphrase is right); restore it from a backup")

    @readable_storage_errors()
    def unlock(self, name: str, passphrase: str) -> Session:
        """Open the vault as `name`; raise `AuthenticationError` for a wrong passphrase."""
        self._require_files()
        lockout = Lockout.load(self.paths.lockout, self.clock)
        lockout.check(name)
        keyfile = KeyFile.load(self.paths.keys)
        slot = keyfile.user_slot(name)
        if slot is None:
            raise AuthenticationError(f"there is no account named {name!r} in this database")
        try:
            private = slot.unwrap_private(keyfile.vault_id, normalize(passphrase).encode("utf-8"))
        except envelope.SealError:
            lockout.record_failure(slot.name)
            raise AuthenticationError(f"wrong passphrase for {slot.name}") from None
        return self._start_session(keyfile, slot, private, lockout, login_action="login")

    def _start_session(self, keyfile: KeyFile, slot: KeySlot, private: bytes,
                       lockout: Lockout, *, login_action: str,
                       name: str | None = None) -> Session:
        conn, data_key, pending_key = self._open(keyfile, slot, private)
        try:
            self._migrate(conn, data_key)
            meta = MetaRepository(conn)
            stored_id = (meta.get("vault_id") or b"").decode()
            if stored_id != keyfile.vault_id:
                raise KeyFileError("the key file belongs to a different database")
            account_name = name or slot.name or ""
            account = UserRepository(conn).by_name(account_name)
            if account is None or not account.active:
                raise AuthenticationError(f"the account {account_name!r} has been removed")
            expected = (UserRepository(conn).public_key_sha256(account_name)
                        if slot.kind == "user"
                        else (meta.get("recovery_public_key_sha256") or b"").decode())
            if expected != fingerprint(slot.public_key):
                raise KeyFileError(
                    "the key file's slot does not match the account recorded in the database")
        except BaseException:
            conn.close()
            raise
        lockout.record_success(slot.name or RECOVERY_ACCOUNT)
        session = Session(self.paths, conn, account, data_key=data_key,
                          vault_id=keyfile.vault_id, slot_private_key=private, kdf=self.kdf,
                          policy=self.policy)
        try:
            if pending_key is not None:
                _resume_rekey(session, pending_key)
            for attempt in lockout.pending:
                session.audit("login.failed", attempt.account, actor=None,
                              attempted_at=attempt.at)
            if lockout.dropped:
                session.audit("login.failed", None, actor=None, uncounted=lockout.dropped)
            lockout.clear_pending()
            session.audit(login_action, account.name)
        except BaseException:
            session.close()
            raise
        return session

    def _migrate(self, conn: db.Connection, data_key: bytes) -> None:
        def backup_first(version: int) -> None:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            target = self.paths.db.with_name(f"{self.paths.db.name}.schema{version}-{stamp}.bak")
            db.export_copy(conn, target, data_key, version)
            KeyFile.load(self.paths.keys).save(Path(f"{target}.keys"))

        migrate(conn, before_upgrade=backup_first)

    # -- recovery ---------------------------------------------------------------------------------

    @readable_storage_errors()
    def recover(self, name: str, recovery_key: str, new_passphrase: str) -> tuple[Session, str]:
        """Unlock with the recovery key and give `name` a new passphrase at once.

        The used recovery key stops working: a new one replaces it and is returned, to be shown
        once like the first.
        """
        self._require_files()
        lockout = Lockout.load(self.paths.lockout, self.clock)
        lockout.check(RECOVERY_ACCOUNT)
        new_secret = self.policy.check(new_passphrase, context=(name,)).encode("utf-8")
        secret = recovery.parse(recovery_key)
        keyfile = KeyFile.load(self.paths.keys)
        slot = keyfile.recovery_slot()
        if slot is None:
            raise KeyFileError("this database has no recovery key slot")
        try:
            private = slot.unwrap_private(keyfile.vault_id, secret)
        except envelope.SealError:
            lockout.record_failure(RECOVERY_ACCOUNT)
            raise AuthenticationError(
                "that recovery key does not open this database (each recovery key works "
                "once; after use it is replaced by a new one)") from None
        if keyfile.user_slot(name) is None:
            raise AuthenticationError(f"there is no account named {name!r} in this database")
        session = self._start_session(keyfile, slot, private, lockout,
                                      login_action="login.recovery_key", name=name)
        try:
            new_text = _replace_recovery_and_passphrase(session, name, new_secret)
        except BaseException:
            session.close()
            raise
        return session, new_text


def begin_rekey(session: Session, new_key: bytes) -> None:
    """Record, inside the caller's transaction, that `new_key` is about to replace the data
    key. Only a rekey recorded here is ever resumed, so a key sealed into the key file by
    someone without the data key cannot make the database re-encrypt to a key they chose."""
    MetaRepository(session.conn).set("pending_rekey_sha256",
                                     hashlib.sha256(new_key).hexdigest().encode())


def finish_rekey(session: Session, new_key: bytes) -> None:
    """Rewrite the database under `new_key` (unless it already is), then make that key every
    slot's current one."""
    if new_key != session.data_key:
        apply_rekey(session, new_key)

    def promote(keyfile: KeyFile) -> None:
        for slot in list(keyfile.slots):
            if slot.sealed_next is not None:
                keyfile.replace_slot(replace(slot, sealed=slot.sealed_next, sealed_next=None))

    with session.changing():
        MetaRepository(session.conn).delete("pending_rekey_sha256")
        session.audit("vault.rekey_completed", None)
        session.update_keyfile(promote)


def _resume_rekey(session: Session, pending_key: bytes) -> None:
    """A key file with next keys: finish the rekey the database recorded, or drop them."""
    recorded = (MetaRepository(session.conn).get("pending_rekey_sha256") or b"").decode()
    if pending_key == session.data_key or recorded == hashlib.sha256(pending_key).hexdigest():
        finish_rekey(session, pending_key)
        return

    def drop(keyfile: KeyFile) -> None:
        for slot in list(keyfile.slots):
            if slot.sealed_next is not None:
                keyfile.replace_slot(replace(slot, sealed_next=None))

    with session.changing():
        session.audit("vault.rekey_discarded", None,
                      reason="a next key in the key file was not recorded in the database")
        session.update_keyfile(drop)


def apply_rekey(session: Session, new_key: bytes) -> None:
    """Re-encrypt every page under `new_key` in one transaction (SQLCipher's `PRAGMA rekey`)."""
    session.conn.execute(f'PRAGMA rekey = "{db.key_pragma(new_key)}"')
    # Fold the rewritten pages into the main file so no page under the old key remains there.
    session.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    session.replace_keys(data_key=new_key)


def _replace_recovery_and_passphrase(session: Session, name: str, new_secret: bytes) -> str:
    """After a recovery unlock: a new key pair and passphrase for `name`, a new recovery key."""
    recovery_text, recovery_secret = recovery.generate()
    new_user = keyslots.new_slot("user", name, new_secret, session.data_key, session.vault_id,
                                 session.kdf)
    new_recovery = keyslots.new_slot("recovery", None, recovery_secret, session.data_key,
                                     session.vault_id, session.kdf)
    account_name = session.account.name

    def swap(keyfile: KeyFile) -> None:
        old_user = keyfile.user_slot(account_name)
        keyfile.slots = [s for s in keyfile.slots
                         if s.kind != "recovery" and (old_user is None or s.id != old_user.id)]
        keyfile.slots += [new_user, new_recovery]

    with session.changing():
        UserRepository(session.conn).set_key(account_name, fingerprint(new_user.public_key),
                                             must_change=False)
        MetaRepository(session.conn).set("recovery_public_key_sha256",
                                         fingerprint(new_recovery.public_key).encode())
        session.audit("account.passphrase_reset", account_name, by="recovery key")
        session.audit("recovery_key.replaced", None)
        session.update_keyfile(swap)
    session.replace_keys(slot_private_key=new_user.unwrap_private(session.vault_id, new_secret))
    session.refresh_account()
    return recovery_text
