"""Creating, unlocking and recovering a vault: the database plus its key-slot file.

A wrong passphrase is found out by the key slot (AES-GCM fails) before the database is
touched, so it changes nothing but the lockout files (see `security.lockout`: counted per
key slot, beside the database and in the user's data directory).

A slot whose key derivation costs less than `kdf.MINIMUM` is refused before any passphrase
is tried, unless this `Vault` was built to write such slots itself (tests pass
`FAST_INSECURE`); one below this vault's own cost is rewrapped at that cost when it opens.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from casetracker.domain import clock
from casetracker.domain.accounts import Account, Role, validate_username
from casetracker.domain.errors import (
    AlreadyExistsError,
    AuthenticationError,
    CaseTrackerError,
    DatabaseDamagedError,
    KeyFileError,
    NotFoundError,
)
from casetracker.security import audit_chain, keyslots, recovery
from casetracker.security.instance import single_instance
from casetracker.security.kdf import PRODUCTION, KdfParams, weakest_accepted
from casetracker.security.keyslots import AuditHead, KeyFile, KeySlot, SlotSecrets
from casetracker.security.lockout import LockoutState, held, user_store_path
from casetracker.security.passphrase import PassphrasePolicy, secret_bytes
from casetracker.security.sealed import SealError
from casetracker.services import copies, keyring
from casetracker.services.errors import readable_storage_errors
from casetracker.services.session import (
    Session,
    VaultPaths,
    append_audit,
    fingerprint,
)
from casetracker.storage import connection as db
from casetracker.storage.repositories import MetaRepository, UserRepository

# `envelope` (which loads `cryptography`), the schema migrations (which load the whole
# domain) and `uuid` are imported inside the methods that use them, so that the lock screen,
# which only lists the account names, starts without them.

RECOVERY_ACCOUNT = "(recovery key)"


class Vault:
    """The door to one database file. `kdf` and `policy` apply to slots made through it.

    `attempts_store` is the user's failed-attempt store (default: in the user's data
    directory, `lockout.user_store_path()`).
    """

    def __init__(self, db_path: Path | str, *, kdf: KdfParams = PRODUCTION,
                 policy: PassphrasePolicy | None = None,
                 clock: Callable[[], float] = time.time,
                 attempts_store: Path | None = None) -> None:
        self.paths = VaultPaths(Path(db_path))
        self.kdf = kdf
        self.policy = policy or PassphrasePolicy()
        self.clock = clock
        self._attempts_store = attempts_store

    @property
    def attempts_store(self) -> Path:
        """Where this user's failed attempts are counted, whichever database they were on."""
        return self._attempts_store or user_store_path()

    def require_accepted_cost(self, slot: KeySlot, name: str) -> None:
        """Refuse a slot cheaper to guess against than this program accepts (see module)."""
        floor = weakest_accepted(self.kdf)
        if slot.kdf.costs_less_than(floor):
            raise KeyFileError(
                f"the key slot for {name} uses a key derivation cost ({slot.kdf.describe()}) "
                f"below the minimum this program accepts ({floor.describe()}), so it was not "
                "written by a release of Case Tracker; it is refused before any passphrase is "
                "tried. Another account can unlock, and a supervisor can then reset this "
                "account's passphrase (choose a new one: the old one may have been guessed "
                "from a copy of the key file)")

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
        import uuid

        from casetracker.security import envelope
        from casetracker.storage.migrations import LATEST, migrate

        validate_username(supervisor)
        for path in (self.paths.db, self.paths.keys):
            if path.exists():
                raise AlreadyExistsError(f"{path} already exists; refusing to overwrite it")
        secret = self.policy.check(passphrase, context=(supervisor,)).encode("utf-8")
        self.paths.db.parent.mkdir(parents=True, exist_ok=True)
        data_key = os.urandom(db.KEY_BYTES)
        vault_id = uuid.uuid4().hex
        signing_key, verify_key = envelope.new_signing_key()
        recovery_text, recovery_secret = recovery.generate()
        keys = {"signing_key": signing_key, "verify_key": verify_key}
        user_slot, user_secrets = keyslots.new_slot("user", supervisor, secret, data_key,
                                                    vault_id, self.kdf, **keys)
        recovery_slot, recovery_secrets = keyslots.new_slot("recovery", None, recovery_secret,
                                                            data_key, vault_id, self.kdf, **keys)
        audit_key = audit_chain.derive_audit_key(data_key, vault_id)
        account = Account(str(uuid.uuid4()), supervisor, Role.SUPERVISOR, clock.now_iso())
        conn = None
        try:
            conn = db.connect(self.paths.db, data_key, create=True)
            migrate(conn)
            with db.transaction(conn):
                meta = MetaRepository(conn)
                meta.set("vault_id", vault_id.encode())
                # Kept in the database so the chain stays verifiable after a rekey.
                meta.set("audit_key", audit_key)
                meta.set("seal_signing_key", signing_key)
                meta.set(keyring.RECOVERY_CURRENT, fingerprint(recovery_slot.public_key).encode())
                UserRepository(conn).add(account, fingerprint(user_slot.public_key))
                # Their signing keys, for when the database joins a team program.
                for made, made_secrets in ((user_slot, user_secrets),
                                           (recovery_slot, recovery_secrets)):
                    keyring.remember_signing_key(conn, made, made_secrets)
                append_audit(conn, audit_key, supervisor, "vault.create", None, {"schema": LATEST})
                last = append_audit(conn, audit_key, supervisor, "account.add", supervisor,
                                    {"role": Role.SUPERVISOR.value})
            KeyFile(vault_id, [user_slot, recovery_slot], AuditHead(last.seq, last.mac)).save(
                self.paths.keys)
        except BaseException:
            if conn is not None:
                conn.close()
            for path in (self.paths.db, self.paths.wal, self.paths.shm, self.paths.keys):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            raise
        session = Session(self.paths, conn, account, data_key=data_key, vault_id=vault_id,
                          slot_secrets=user_secrets, kdf=self.kdf, policy=self.policy)
        return session, recovery_text

    def hold_window(self) -> contextlib.AbstractContextManager[None]:
        """Held by the desktop window for as long as it runs, so that a second window on this
        database is refused with `DatabaseInUseError` (the command line is not affected)."""
        return single_instance(self.paths.instance)

    # -- unlocking ------------------------------------------------------------------------------

    def _require_files(self) -> None:
        if not self.paths.db.exists():
            raise NotFoundError(
                f"no database at {self.paths.db}; create one with 'casetracker init'")

    @readable_storage_errors()
    def unlock(self, name: str, passphrase: str) -> Session:
        """Open the vault as `name`; raise `AuthenticationError` for a wrong passphrase."""
        self._require_files()
        secret = secret_bytes(passphrase)
        keyfile = KeyFile.load(self.paths.keys)
        slot = keyfile.user_slot(name)
        if slot is not None and slot.name is not None:
            self.require_accepted_cost(slot, slot.name)  # before any passphrase is tried
        with held(self.paths.lockout, self.attempts_store, self.clock) as throttle:
            if slot is None or slot.name is None:
                # Nothing to guess against (the names are in the key file for anyone to read),
                # so no wait; kept for the audit trail under '?'.
                throttle.record_failure(None)
                raise AuthenticationError(f"there is no account named {name!r} in this database")
            throttle.check(slot.throttle_tag)
            try:
                secrets = slot.unwrap(keyfile.vault_id, secret)
            except SealError:
                throttle.record_failure(slot.throttle_tag, slot.name)
                raise AuthenticationError(f"wrong passphrase for {slot.name}") from None
            throttle.record_success(slot.throttle_tag)
            session = self._start_session(keyfile, slot, secrets, throttle.beside,
                                          login_action="login", name=slot.name)
        try:
            self._raise_cost(session, slot, secret)
        except BaseException:
            session.close()
            raise
        return session

    def _raise_cost(self, session: Session, opened: KeySlot, secret: bytes) -> None:
        """Rewrap a slot written at a lower cost than this vault's (by an older release) at
        this vault's cost, now that its passphrase is at hand."""
        if not opened.kdf.costs_less_than(self.kdf):
            return

        def rewrap(keyfile: KeyFile) -> None:
            slot = next((s for s in keyfile.slots if s.id == opened.id), None)
            if slot is not None and slot.public_key == opened.public_key \
                    and slot.kdf.costs_less_than(self.kdf):
                keyfile.replace_slot(keyslots.rewrap_slot(
                    slot, session.vault_id, session.slot_secrets, secret, self.kdf))

        with session.changing():
            session.audit("account.key_cost_raised", session.account.name,
                          was=opened.kdf.to_dict(), now=self.kdf.to_dict())
            session.update_keyfile(rewrap)
        from casetracker.services import team_accounts  # not needed to show the lock screen

        team_accounts.publish(session, session.account.name)

    def _open(self, keyfile: KeyFile, slot: KeySlot,
              secrets: SlotSecrets) -> tuple[db.Connection, bytes, bytes | None]:
        """Open the database with a data key sealed to `slot`; also return the other key
        sealed beside it during an unfinished rekey."""
        try:
            candidates = slot.data_key_candidates(keyfile.vault_id, secrets)
        except SealError as exc:
            raise KeyFileError(
                "the key file has been tampered with or damaged (a sealed key does not "
                "authenticate); restore it from a backup") from exc
        for index, data_key in enumerate(candidates):
            try:
                db.probe_key(self.paths.db, data_key)
            except db.WrongKeyError:
                continue
            others = [k for i, k in enumerate(candidates) if i != index]
            return (db.connect(self.paths.db, data_key, probed=True), data_key,
                    others[0] if others else None)
        # The slot unwrapped, so the passphrase is right and the key is the one this key file
        # holds. Where some page of the database authenticates under it, the key is the
        # database's too and the first page is damaged. Where none does, the key file is
        # older than the database, which was rekeyed since (as when an account is removed),
        # or one of the two files is another database's. The words are the same whether or
        # not the account was removed: who may still unlock is recorded inside the database,
        # which this key does not open.
        db_name, keys_name = self.paths.db.name, self.paths.keys.name
        if any(db.opens_any_page(self.paths.db, key) for key in candidates):
            raise DatabaseDamagedError(
                f"{db_name} is damaged (its first page does not decrypt although the "
                "passphrase is right); restore it from a backup")
        raise DatabaseDamagedError(
            f"{db_name} does not open with the key in {keys_name} although the passphrase is "
            "right: the key file is out of date (the database was rekeyed since, as when an "
            "account is removed) or is from a different database, or the account was removed; "
            "use the current key file or ask a supervisor (if that fails for every account, "
            "restore a backup)")

    def _start_session(self, keyfile: KeyFile, slot: KeySlot, secrets: SlotSecrets,
                       lockout: LockoutState | None, *, login_action: str,
                       name: str) -> Session:
        conn, data_key, other_key = self._open(keyfile, slot, secrets)
        try:
            self._migrate(conn, data_key)
            stored_id = (MetaRepository(conn).get("vault_id") or b"").decode()
            if stored_id != keyfile.vault_id:
                raise KeyFileError("the key file belongs to a different database")
            account = UserRepository(conn).by_name(name)
            if account is None or not account.active:
                raise AuthenticationError(f"the account {name!r} has been removed")
            if not keyring.slot_is_recorded(conn, slot):
                raise KeyFileError(
                    f"the key slot for {name} does not match the database (the key file may "
                    "have been replaced by an older copy); another account can unlock, and a "
                    "supervisor can then reset this account's passphrase")
            session = Session(self.paths, conn, account, data_key=data_key,
                              vault_id=keyfile.vault_id, slot_secrets=secrets, kdf=self.kdf,
                              policy=self.policy)
            keyring.remember_signing_key(conn, slot, secrets)
        except BaseException:
            conn.close()
            raise
        try:
            keyring.reconcile(session, other_key)
            session.refresh_account()
            if lockout is not None:
                for attempt in lockout.pending:
                    session.audit("login.failed", attempt.account, actor=None,
                                  attempted_at=attempt.at)
                if lockout.dropped:
                    session.audit("login.failed", None, actor=None, uncounted=lockout.dropped)
                lockout.clear_pending()
            session.audit(login_action, account.name)
            copies.after_unlock(session)
            from casetracker.services import (  # not needed to show the lock screen
                audit_anchor,
                devices,
            )

            # Laptops enrolled here that never joined in their week; a failure here must not
            # keep anyone out (it is tried again before each exchange).
            with contextlib.suppress(CaseTrackerError):
                devices.expire_unused(session)
            if account.role is Role.SUPERVISOR:
                audit_anchor.checkpoint_at_unlock(session)
        except BaseException:
            session.close()
            raise
        return session

    def _migrate(self, conn: db.Connection, data_key: bytes) -> None:
        from casetracker.storage.migrations import migrate

        def backup_first(version: int) -> None:
            stamp = clock.now().strftime("%Y%m%dT%H%M%SZ")
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
        new_secret = self.policy.check(new_passphrase, context=(name,)).encode("utf-8")
        secret = recovery.parse(recovery_key)
        keyfile = KeyFile.load(self.paths.keys)
        slot = keyfile.recovery_slot()
        if slot is None:
            raise KeyFileError("this database has no recovery key slot")
        user_slot = keyfile.user_slot(name)
        if user_slot is None or user_slot.name is None:
            raise AuthenticationError(f"there is no account named {name!r} in this database")
        self.require_accepted_cost(slot, "the recovery key")
        with held(self.paths.lockout, self.attempts_store, self.clock) as throttle:
            throttle.check(slot.throttle_tag)
            try:
                secrets = slot.unwrap(keyfile.vault_id, secret)
            except SealError:
                throttle.record_failure(slot.throttle_tag, RECOVERY_ACCOUNT)
                raise AuthenticationError(
                    "that recovery key does not open this database (each recovery key works "
                    "once; after use it is replaced by a new one)") from None
            throttle.record_success(slot.throttle_tag)
            throttle.record_success(user_slot.throttle_tag)
            session = self._start_session(keyfile, slot, secrets, throttle.beside,
                                          login_action="login.recovery_key", name=user_slot.name)
        try:
            user_secrets = keyring.replace_user_slot(
                session, session.account.name, new_secret, must_change=False,
                action="account.passphrase_reset", by="recovery key")
            from casetracker.services import team_accounts

            # In a program the new passphrase, and the signing key that comes with it,
            # travel now, signed with the recovery key: the other laptops know that one.
            team_accounts.publish(session, session.account.name)
            new_text = keyring.replace_recovery_slot(session)
            team_accounts.publish_recovery(session)  # a supervisor's travels
        except BaseException:
            session.close()
            raise
        session.replace_keys(slot_secrets=user_secrets)
        session.refresh_account()
        return session, new_text
