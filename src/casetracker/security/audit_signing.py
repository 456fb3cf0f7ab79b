"""Countersigning the audit chain with a key that only supervisors hold.

Every account unlocks the data key, and the chain's MAC key is kept with the data, so anyone
who can unlock could rewrite the chain quietly. A checkpoint is the chain's head at one
moment, signed with an Ed25519 key (the audit signer) whose private half is sealed to each
supervisor's key slot and to nobody else. Rewriting any entry up to a checkpoint no longer
matches it, and forging a checkpoint needs a supervisor's passphrase.

Who trusts which signer: a supervisor endorses a signer with a MAC keyed from their own slot's
private key, which only their passphrase unwraps; nobody else can make or check it. A new
signer (after an account is removed) is signed by the one before it, so a supervisor who
endorsed the old one endorses its successor; a signer that descends from nothing they endorsed
is refused. A supervisor's first signer is taken on first use, and its fingerprint is printed
on paper (reports, backup summaries) so that a later swap contradicts it.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass

_CHECKPOINT = b"casetracker/audit-checkpoint/v1\x00"
_SUCCESSION = b"casetracker/audit-signer-succession/v1\x00"
_ENDORSE = b"casetracker/audit-signer-endorsement/v1"


@dataclass(frozen=True, slots=True)
class Checkpoint:
    seq: int
    mac: bytes
    at: str
    account: str
    signer_id: str
    signature: bytes

    def content(self, vault_id: str) -> bytes:
        return _CHECKPOINT + json.dumps(
            [vault_id, self.seq, self.mac.hex(), self.at, self.account, self.signer_id],
            separators=(",", ":")).encode("utf-8")


def fingerprint(public_key: bytes) -> str:
    """A short, readable fingerprint to print on paper: 4 groups of 4 hex digits."""
    digest = hashlib.sha256(b"casetracker-audit-signer\0" + public_key).hexdigest()[:16]
    return "-".join(digest[i:i + 4] for i in range(0, 16, 4))


def new_signer() -> tuple[bytes, bytes]:
    from casetracker.security.envelope import new_signing_key

    return new_signing_key()


def sign(private_key: bytes, content: bytes) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    return Ed25519PrivateKey.from_private_bytes(private_key).sign(content)


def verifies(public_key: bytes, signature: bytes, content: bytes) -> bool:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, content)
    except (InvalidSignature, ValueError):
        return False
    return True


def succession_content(vault_id: str, previous_public: bytes, new_public: bytes) -> bytes:
    return _SUCCESSION + vault_id.encode("utf-8") + b"\0" + previous_public + new_public


def endorsement(slot_private_key: bytes, vault_id: str, signer_public: bytes) -> bytes:
    """A MAC only the holder of this slot's private key can make or check."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    key = HKDF(hashes.SHA256(), 32, salt=vault_id.encode("utf-8"),
               info=_ENDORSE).derive(slot_private_key)
    return hmac.new(key, signer_public, hashlib.sha256).digest()
