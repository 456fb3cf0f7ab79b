"""An unlocked vault in the hands of one staff account: the handle every service works through."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from casetracker.domain import clock
from casetracker.domain.accounts import Account, Role
from casetracker.domain.audit import AuditEntry, ChainReport
from casetracker.domain.errors import (
    KeyFileError,
    PassphraseChangeRequiredError,
    PermissionDeniedError,
)
from casetracker.security import audit_chain, audit_sealing
from casetracker.security.kdf import KdfParams
from casetracker.security.keyslots import AuditHead, KeyFile, SlotSecrets
from casetracker.security.passphrase import PassphrasePolicy
from casetracker.storage.connection import Connection, transaction
from casetracker.storage.repositories import (
    AuditRepository,
    AuditSubjectKeys,
    MetaRepository,
    UserRepository,
)


@dataclass(frozen=True, slots=True)
class VaultPaths:
    """The database and the files that live beside it."""

    db: Path

    @property
    def keys(self) -> Path:
        return Path(f"{self.db}.keys")

    @property
    def lockout(self) -> Path:
        return Path(f"{self.db}.lockout")

    @property
    def instance(self) -> Path:
        """Locked by the desktop window that has the database open (it holds no data)."""
        return Path(f"{self.db}.instance")

    @property
    def wal(self) -> Path:
        return Path(f"{self.db}-wal")

    @property
    def shm(self) -> Path:
        return Path(f"{self.db}-shm")


def fingerprint(public_key: bytes) -> str:
    return hashlib.sha256(public_key).hexdigest()


def append_audit(conn: Connection, audit_key: bytes, actor: str | None, action: str,
                 subject: str | None, details: dict[str, Any]) -> AuditEntry:
    """Append one entry, chained to the last, inside the caller's transaction."""
    repo = AuditRepository(conn)
    last = repo.last()
    seq, previous = (1, audit_chain.GENESIS) if last is None else (last[0] + 1, last[1])
    if subject and details:
        key = AuditSubjectKeys(conn).get_or_create(subject, audit_sealing.new_key)
        if key is not None:
            details = audit_sealing.seal(key, subject, seq, details)
    entry = AuditEntry(seq, clock.now_iso(), actor, action, subject, details)
    mac = audit_chain.entry_mac(audit_key, previous, entry)
    stored = AuditEntry(seq, entry.at, actor, action, subject, details, mac)
    repo.append(stored)
    return stored


class Session:
    """One account's unlocked vault. Close it to lock; services take it as their first argument."""

    def __init__(
        self, paths: VaultPaths, conn: Connection, account: Account, *, data_key: bytes,
        vault_id: str, slot_secrets: SlotSecrets, kdf: KdfParams, policy: PassphrasePolicy,
    ) -> None:
        self.paths = paths
        self.conn = conn
        self.account = account
        self.vault_id = vault_id
        self.kdf = kdf
        self.policy = policy
        self._data_key = data_key
        self._slot_secrets = slot_secrets
        self._account_key: tuple[bytes, bytes] | None = None
        meta = MetaRepository(conn)
        audit_key, signing_key = meta.get("audit_key"), meta.get("seal_signing_key")
        if audit_key is None or signing_key is None:
            raise KeyFileError("the database lacks its vault keys; it was not made by this program")
        self._audit_key = audit_key
        self._signing_key = signing_key
        self._closed = False
        # Refusals met inside a transaction, written after it rolls back (else they vanish).
        self._pending_denials: list[dict[str, Any]] = []
        self._viewed: set[tuple[str, str]] = set()

    # -- life cycle -------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Lock: close the database and drop the keys this object holds."""
        if self._closed:
            return
        self._closed = True
        with contextlib.suppress(Exception):
            self.conn.close()
        # Python cannot wipe immutable bytes; dropping the references is what is possible.
        self._data_key = self._audit_key = self._signing_key = b""
        self._account_key = None
        self._slot_secrets = SlotSecrets(b"", b"")

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def data_key(self) -> bytes:
        return self._data_key

    @property
    def slot_secrets(self) -> SlotSecrets:
        return self._slot_secrets

    @property
    def signing_key(self) -> bytes:
        return self._signing_key

    @property
    def account_signing_key(self) -> bytes:
        """The key this account signs its changes with in a team program (derived from its
        slot's private key; the recovery key's own while it unlocked with that)."""
        from casetracker.sync.signatures import signing_key_of

        private = self._slot_secrets.private_key
        if self._account_key is None or self._account_key[0] != private:
            self._account_key = (private, signing_key_of(private))
        return self._account_key[1]

    def replace_keys(self, *, data_key: bytes | None = None,
                     slot_secrets: SlotSecrets | None = None) -> None:
        if data_key is not None:
            self._data_key = data_key
        if slot_secrets is not None:
            self._slot_secrets = slot_secrets

    # -- work on another thread -------------------------------------------------------------

    def copy_opener(self) -> Callable[[], Session]:
        """A function that opens this session's copy (the same account and keys on a
        connection of its own), for long work on another thread. Get it on this session's
        thread; call it on the worker's thread and use and close the copy there only (an
        SQLite connection belongs to the thread that opened it). The keys are taken now, so
        a lock meanwhile does not leave the worker without them. The copy's audit entries
        chain into the same trail (SQLite serialises the two connections' writes)."""
        from casetracker.domain.errors import OperationCancelledError
        from casetracker.storage.connection import connect

        if self._closed:
            raise OperationCancelledError("the program was locked; nothing was changed")
        paths, account, data_key, secrets = (self.paths, self.account, self._data_key,
                                             self._slot_secrets)
        vault_id, kdf, policy = self.vault_id, self.kdf, self.policy

        def open_copy() -> Session:
            conn = connect(paths.db, data_key)
            try:
                return Session(paths, conn, account, data_key=data_key, vault_id=vault_id,
                               slot_secrets=secrets, kdf=kdf, policy=policy)
            except BaseException:
                conn.close()
                raise

        return open_copy

    def open_copy(self) -> Session:
        """This session's copy, opened now on the calling thread (see `copy_opener`)."""
        return self.copy_opener()()

    def interrupt(self) -> None:
        """Stop the statement running on this session's connection (from any thread); it
        raises an "interrupted" error there and its transaction rolls back."""
        if not self._closed:
            self.conn.interrupt()

    def reconnect(self, new_key: bytes, slot_secrets: SlotSecrets) -> None:
        """After a copy (`open_copy`) rekeyed the database: reopen this session's connection
        under the copy's new data key (the old connection can no longer read a page)."""
        from casetracker.storage.connection import connect

        if self._closed:
            return
        with contextlib.suppress(Exception):
            self.conn.close()
        self.conn = connect(self.paths.db, new_key)
        self._data_key = new_key
        self._slot_secrets = slot_secrets
        self.refresh_account()

    def refresh_account(self) -> None:
        account = UserRepository(self.conn).by_name(self.account.name)
        if account is not None:
            self.account = account

    # -- roles --------------------------------------------------------------------------------

    def require(self, action: str, *roles: Role, allow_pending_change: bool = False) -> None:
        """Raise (and audit) unless the account holds one of `roles` (any role when none given)."""
        if self.account.must_change_passphrase and not allow_pending_change:
            raise PassphraseChangeRequiredError(
                f"{self.account.name} must choose a new passphrase first "
                "(casetracker user passwd)")
        if roles and self.account.role not in roles:
            wanted = " or ".join(r.value.replace("_", " ") for r in roles)
            role = self.account.role.value.replace("_", " ")
            self.deny(action, reason=f"{action} needs a {wanted} account; "
                                     f"{self.account.name} is a {role}")

    def deny(self, action: str, subject: str | None = None, reason: str | None = None) -> None:
        """Audit a refused action and raise `PermissionDeniedError` saying why."""
        details = {"attempted": action, "role": self.account.role.value}
        if self.conn.in_transaction:
            self._pending_denials.append({"subject": subject, **details})
        else:
            self.audit("access.denied", subject, **details)
        role = self.account.role.value.replace("_", " ")
        raise PermissionDeniedError(reason or f"{action} is not allowed for a {role} account")

    # -- writing and auditing -------------------------------------------------------------------

    @contextlib.contextmanager
    def changing(self) -> Iterator[Connection]:
        """One unit of work: a write transaction whose audit entries commit with it."""
        if self.conn.in_transaction:
            yield self.conn
            return
        # Loaded here, not with the lock screen: it brings the schema's declarations.
        from casetracker.sync import hlc

        try:
            with transaction(self.conn):
                # Changes captured for team use carry this moment's clock and this account,
                # and leave the unit signed by it (`sync/signatures.py`).
                hlc.advance(self.conn, self.account.name)
                capturing = hlc.capturing(self.conn)
                if capturing:
                    hlc.sign_unit(self.conn, self.account.name, self.account_signing_key)
                yield self.conn
                if capturing:
                    hlc.sign_unit(self.conn, self.account.name, self.account_signing_key)
        finally:
            denials, self._pending_denials = self._pending_denials, []
            for denial in denials:
                subject = denial.pop("subject")
                self.audit("access.denied", subject, **denial)
        self._store_audit_head()

    def audit_view(self, subject: str, part: str) -> None:
        """Audit a view of part of a record, once per part and record in this session (the
        opening of the record itself is audited every time)."""
        self.audit_once((subject, part), "survivor.view_part", subject, part=part)

    def audit_once(self, key: tuple[str, str], action: str, subject: str | None = None,
                   **details: Any) -> None:
        """Audit a view once per `key` in this session: the same list shown again (sorted
        anew, reloaded after a change) is not another look at something new."""
        if key not in self._viewed:
            self._viewed.add(key)
            self.audit(action, subject, **details)

    def audit(self, action: str, subject: str | None = None, *, actor: str | None = "",
              **details: Any) -> None:
        """Append an entry to the audit trail, chained to the one before it."""
        with self.changing():
            append_audit(self.conn, self._audit_key,
                         self.account.name if actor == "" else actor, action, subject, details)

    def _store_audit_head(self) -> None:
        self.update_keyfile(lambda keyfile: None)

    def update_keyfile(self, change: Callable[[KeyFile], None]) -> KeyFile:
        """Read, change and atomically rewrite the key file under the database's write lock.

        Holding the lock means two processes cannot lose each other's changes. Inside a
        caller's transaction the file is written before that transaction commits; the audit
        head waits for the commit, so it only ever names a committed entry.
        """
        in_transaction = self.conn.in_transaction
        with contextlib.nullcontext() if in_transaction else transaction(self.conn):
            keyfile = KeyFile.load(self.paths.keys)
            change(keyfile)
            if not in_transaction:
                self._advance_head(keyfile)
            keyfile.save(self.paths.keys)
        return keyfile

    def _advance_head(self, keyfile: KeyFile) -> None:
        # The head only moves forward from an entry the database still holds unchanged. If
        # that entry is gone or different (the file was cut back or replaced by an older
        # copy), the old head stays: it is the evidence the verifier reports.
        repo = AuditRepository(self.conn)
        head, last = keyfile.audit_head, repo.last()
        if last is None or head is None:
            return
        if repo.mac_at(head.seq) == head.mac and last[0] >= head.seq:
            keyfile.audit_head = AuditHead(*last)

    def verify_audit_chain(self) -> ChainReport:
        """Check every audit entry's MAC, the sequence, and the head kept in the key file."""
        head = KeyFile.load(self.paths.keys).audit_head
        return audit_chain.verify(self._audit_key, AuditRepository(self.conn).iter_all(),
                                  (head.seq, head.mac) if head else None)
