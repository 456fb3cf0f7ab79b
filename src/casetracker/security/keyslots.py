"""The key-slot file beside the database (`case.db.keys`).

It holds, per staff account and for the recovery key, an X25519 key pair whose private
half (with the vault's signature-verifying key) is wrapped with AES-256-GCM under an
Argon2id key from the passphrase, and the database's data key sealed to the public half and
signed by the vault (see `envelope`). The Argon2id parameters,
salt, slot id, slot kind, account name and public key are bound into the associated data,
so lowering a cost, renaming a slot or swapping ciphertexts between slots makes it fail.
The file also keeps the audit chain's head. It never holds anything about survivors.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from casetracker.domain.errors import KeyFileError, NewerVersionError
from casetracker.security.atomic import atomic_write
from casetracker.security.kdf import SALT_BYTES, KdfParams, derive_key
from casetracker.security.sealed import Sealed, SealError

# `envelope` (and with it `cryptography`, slow to load) is imported inside the functions that
# seal or open keys, and `uuid` where a slot is made: reading the file, as the lock screen
# does for its account names, needs none of them.

FORMAT = "casetracker-keys"
VERSION = 1
SlotKind = Literal["user", "recovery"]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, length: int | None = None) -> bytes:
    if not isinstance(text, str):
        raise KeyFileError("the key file is damaged (a field is not text)")
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError as exc:
        raise KeyFileError("the key file is damaged (a field is not base64)") from exc
    if length is not None and len(raw) != length:
        raise KeyFileError("the key file is damaged (a key has the wrong length)")
    return raw


@dataclass(frozen=True, slots=True)
class SlotSecrets:
    """What a passphrase unwraps: the slot's X25519 private key and the vault's verify key."""

    private_key: bytes
    verify_key: bytes


def _canonical(data: dict[str, Any]) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":")).encode("utf-8")


@dataclass(frozen=True, slots=True)
class AuditHead:
    """The last audit entry's sequence number and MAC, kept outside the database."""

    seq: int
    mac: bytes


@dataclass(frozen=True, slots=True)
class KeySlot:
    """One way into the vault: a staff account's passphrase or the recovery key."""

    id: str
    kind: SlotKind
    name: str | None
    kdf: KdfParams
    salt: bytes
    public_key: bytes
    wrapped_nonce: bytes
    wrapped_private: bytes
    sealed: Sealed
    # During a rekey the new data key is sealed here before the database is rewritten, so
    # a crash at any point leaves a key that opens whichever file is on disk.
    sealed_next: Sealed | None = None

    @property
    def throttle_tag(self) -> str:
        """Names this slot in the lockout stores, wherever its files are copied: its salt and
        public key are bound into its authentication, so a slot edited to get a new tag can
        never open anything. A new passphrase (a new salt) starts a new count."""
        digest = hashlib.sha256(b"casetracker-lockout\0" + self.salt + self.public_key)
        return digest.hexdigest()[:32]

    def wrap_aad(self, vault_id: str) -> bytes:
        return _canonical({
            "format": FORMAT, "vault": vault_id, "slot": self.id, "kind": self.kind,
            "name": self.name, "kdf": self.kdf.to_dict(), "salt": _b64(self.salt),
            "public_key": _b64(self.public_key),
        })

    def seal_aad(self, vault_id: str) -> bytes:
        return _canonical({
            "format": FORMAT, "vault": vault_id, "slot": self.id,
            "public_key": _b64(self.public_key), "purpose": "data-key",
        })

    def unwrap(self, vault_id: str, secret: bytes) -> SlotSecrets:
        """Return this slot's secrets; raise `SealError` for a wrong secret or tampering."""
        from casetracker.security import envelope

        key = derive_key(secret, self.salt, self.kdf)
        payload = envelope.unwrap(key, self.wrapped_nonce, self.wrapped_private,
                                  self.wrap_aad(vault_id))
        if len(payload) != 64:
            raise SealError("slot payload has the wrong length")
        secrets = SlotSecrets(payload[:32], payload[32:])
        if envelope.public_key_of(secrets.private_key) != self.public_key:
            raise SealError("slot key pair does not match")
        return secrets

    def data_key_candidates(self, vault_id: str, secrets: SlotSecrets) -> list[bytes]:
        """The data keys sealed to this slot: the current one, then a rekey's new one."""
        from casetracker.security import envelope

        sealed = [self.sealed] if self.sealed_next is None else [self.sealed, self.sealed_next]
        return [envelope.open_sealed(secrets.private_key, item, self.seal_aad(vault_id),
                                     secrets.verify_key) for item in sealed]

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "id": self.id, "kind": self.kind, "name": self.name,
            "kdf": self.kdf.to_dict(), "salt": _b64(self.salt),
            "public_key": _b64(self.public_key),
            "wrapped_private": {"nonce": _b64(self.wrapped_nonce),
                                "ciphertext": _b64(self.wrapped_private)},
            "sealed_data_key": _sealed_to_dict(self.sealed),
        }
        if self.sealed_next is not None:
            data["sealed_next_data_key"] = _sealed_to_dict(self.sealed_next)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> KeySlot:
        try:
            kind = data["kind"]
            if kind not in ("user", "recovery"):
                raise KeyFileError(f"unknown key slot kind {kind!r}")
            name = data.get("name")
            if kind == "user" and not isinstance(name, str):
                raise KeyFileError("an account key slot has no name")
            nxt = data.get("sealed_next_data_key")
            return cls(
                id=str(data["id"]), kind=kind, name=name,
                kdf=KdfParams.from_dict(data["kdf"]), salt=_unb64(data["salt"], SALT_BYTES),
                public_key=_unb64(data["public_key"], 32),
                wrapped_nonce=_unb64(data["wrapped_private"]["nonce"], 12),
                wrapped_private=_unb64(data["wrapped_private"]["ciphertext"]),
                sealed=_sealed_from_dict(data["sealed_data_key"]),
                sealed_next=_sealed_from_dict(nxt) if nxt is not None else None,
            )
        except (KeyError, TypeError, AttributeError, IndexError) as exc:
            raise KeyFileError("the key file is damaged (a key slot is incomplete)") from exc


def _sealed_to_dict(sealed: Sealed) -> dict[str, str]:
    return {"ephemeral": _b64(sealed.ephemeral), "nonce": _b64(sealed.nonce),
            "ciphertext": _b64(sealed.ciphertext), "signature": _b64(sealed.signature)}


def _sealed_from_dict(data: dict[str, Any]) -> Sealed:
    return Sealed(_unb64(data["ephemeral"], 32), _unb64(data["nonce"], 12),
                           _unb64(data["ciphertext"]), _unb64(data["signature"], 64))


def new_slot(
    kind: SlotKind, name: str | None, secret: bytes, data_key: bytes, vault_id: str,
    kdf: KdfParams, *, signing_key: bytes, verify_key: bytes,
) -> tuple[KeySlot, SlotSecrets]:
    """Make a slot opened by `secret`, with a fresh key pair, holding `data_key` sealed."""
    import uuid

    from casetracker.security import envelope

    private, public = envelope.new_key_pair()
    salt = os.urandom(SALT_BYTES)
    placeholder = Sealed(b"", b"", b"")
    slot = KeySlot(str(uuid.uuid4()), kind, name, kdf, salt, public, b"", b"", placeholder)
    secrets = SlotSecrets(private, verify_key)
    slot = _wrapped(slot, vault_id, secrets, secret)
    return reseal_slot(slot, vault_id, data_key, signing_key, as_next=False), secrets


def _wrapped(slot: KeySlot, vault_id: str, secrets: SlotSecrets, secret: bytes) -> KeySlot:
    from casetracker.security import envelope

    nonce, wrapped = envelope.wrap(derive_key(secret, slot.salt, slot.kdf),
                                   secrets.private_key + secrets.verify_key,
                                   slot.wrap_aad(vault_id))
    return replace(slot, wrapped_nonce=nonce, wrapped_private=wrapped)


def rewrap_slot(slot: KeySlot, vault_id: str, secrets: SlotSecrets, secret: bytes,
                kdf: KdfParams) -> KeySlot:
    """The same slot and key pair, its secrets wrapped under a new passphrase and cost."""
    return _wrapped(replace(slot, kdf=kdf, salt=os.urandom(SALT_BYTES)), vault_id, secrets,
                    secret)


def reseal_slot(slot: KeySlot, vault_id: str, data_key: bytes, signing_key: bytes, *,
                as_next: bool) -> KeySlot:
    """Seal and sign a (new) data key for the slot, as its current key or as a rekey's next."""
    from casetracker.security import envelope

    sealed = envelope.seal(slot.public_key, data_key, slot.seal_aad(vault_id), signing_key)
    if as_next:
        return replace(slot, sealed_next=sealed)
    return replace(slot, sealed=sealed, sealed_next=None)


@dataclass(slots=True)
class KeyFile:
    """The whole key-slot file; `load` and `save` are its only doors to disk."""

    vault_id: str
    slots: list[KeySlot] = field(default_factory=list)
    audit_head: AuditHead | None = None

    def user_slot(self, name: str) -> KeySlot | None:
        folded = name.casefold()
        return next((s for s in self.slots
                     if s.kind == "user" and s.name is not None and s.name.casefold() == folded),
                    None)

    def recovery_slot(self) -> KeySlot | None:
        return next((s for s in self.slots if s.kind == "recovery"), None)

    def user_names(self) -> list[str]:
        return [s.name for s in self.slots if s.kind == "user" and s.name is not None]

    def replace_slot(self, slot: KeySlot) -> None:
        self.slots = [slot if s.id == slot.id else s for s in self.slots]

    def to_bytes(self) -> bytes:
        data: dict[str, Any] = {
            "format": FORMAT, "version": VERSION, "vault_id": self.vault_id,
            "slots": [s.to_dict() for s in self.slots],
        }
        if self.audit_head is not None:
            data["audit_head"] = {"seq": self.audit_head.seq, "mac": _b64(self.audit_head.mac)}
        return (json.dumps(data, indent=1, sort_keys=True) + "\n").encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            raise KeyFileError("the key file is damaged (not readable JSON)") from exc
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise KeyFileError("this is not a Case Tracker key file")
        version = data.get("version")
        if not isinstance(version, int):
            raise KeyFileError("the key file has no version")
        if version > VERSION:
            raise NewerVersionError(
                f"the key file was written by a newer Case Tracker (format {version}; this "
                f"version reads up to {VERSION}); update Case Tracker to open it"
            )
        try:
            slots = [KeySlot.from_dict(s) for s in data["slots"]]
            head = data.get("audit_head")
            audit_head = (AuditHead(int(head["seq"]), _unb64(head["mac"], 32))
                          if head is not None else None)
            if audit_head is not None and not 0 < audit_head.seq < 2**62:
                raise KeyFileError("the key file is damaged (audit head out of range)")
            keyfile = cls(str(data["vault_id"]), slots, audit_head)
        except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as exc:
            raise KeyFileError("the key file is damaged (fields missing)") from exc
        ids = [s.id for s in slots]
        if len(set(ids)) != len(ids):
            raise KeyFileError("the key file is damaged (a slot appears twice)")
        return keyfile

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise KeyFileError(
                f"the key file {path.name} is missing beside the database; restore it from "
                "a backup (the database cannot be opened without it)"
            ) from None
        return cls.from_bytes(raw)

    def save(self, path: Path) -> None:
        atomic_write(path, self.to_bytes())
