"""Sealing the data key to a slot's X25519 public key, and opening it again.

Each key slot owns an X25519 key pair whose private half is wrapped under the slot's
passphrase. The data key is sealed to every slot's public half, so a supervisor can rekey
the database and reseal the new key for everyone else without knowing their passphrases,
while a removed account's old private key opens nothing new.

Sealing to a public key needs no secret, so every sealed key is also signed with the vault's
Ed25519 signing key, whose private half lives only inside the encrypted database and whose
public half is wrapped, with the slot's private key, under each passphrase. Someone who can
write the key file but never had the data key cannot make a slot accept a key they chose.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# Defined without cryptography in `sealed`, so the key file can be read without loading it;
# exported from here too, beside the functions that make and open them.
from casetracker.security.sealed import Sealed as Sealed
from casetracker.security.sealed import SealError as SealError

NONCE_BYTES = 12
_INFO = b"casetracker/seal-data-key/v1"
_RAW = serialization.Encoding.Raw


def new_signing_key() -> tuple[bytes, bytes]:
    """Return (private, public) raw Ed25519 keys for signing sealed data keys."""
    private = Ed25519PrivateKey.generate()
    private_raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw,
                                        serialization.NoEncryption())
    return private_raw, private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def new_key_pair() -> tuple[bytes, bytes]:
    """Return (private, public) raw X25519 keys."""
    private = X25519PrivateKey.generate()
    private_raw = private.private_bytes(_RAW, serialization.PrivateFormat.Raw,
                                        serialization.NoEncryption())
    return private_raw, private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def public_key_of(private_raw: bytes) -> bytes:
    private = X25519PrivateKey.from_private_bytes(private_raw)
    return private.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)


def _shared_key(private: X25519PrivateKey, peer: bytes, ephemeral: bytes,
                recipient: bytes) -> bytes:
    shared = private.exchange(X25519PublicKey.from_public_bytes(peer))
    return HKDF(hashes.SHA256(), 32, salt=ephemeral + recipient, info=_INFO).derive(shared)


def seal(recipient_public: bytes, secret: bytes, aad: bytes, signing_key: bytes) -> Sealed:
    """Encrypt `secret` so only the holder of the recipient's private key opens it, and sign
    the result with the vault's signing key."""
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = ephemeral.public_key().public_bytes(_RAW, serialization.PublicFormat.Raw)
    try:
        key = _shared_key(ephemeral, recipient_public, ephemeral_public, recipient_public)
    except ValueError as exc:
        raise SealError("the recipient's public key is not usable") from exc
    nonce = os.urandom(NONCE_BYTES)
    ciphertext = AESGCM(key).encrypt(nonce, secret, aad + ephemeral_public)
    unsigned = Sealed(ephemeral_public, nonce, ciphertext)
    signature = Ed25519PrivateKey.from_private_bytes(signing_key).sign(
        unsigned.signed_content(aad))
    return Sealed(ephemeral_public, nonce, ciphertext, signature)


def open_sealed(private_raw: bytes, sealed: Sealed, aad: bytes, verify_key: bytes) -> bytes:
    """Check the vault's signature, then decrypt; raise `SealError` if anything was changed."""
    try:
        Ed25519PublicKey.from_public_bytes(verify_key).verify(
            sealed.signature, sealed.signed_content(aad))
        private = X25519PrivateKey.from_private_bytes(private_raw)
        recipient = public_key_of(private_raw)
        key = _shared_key(private, sealed.ephemeral, sealed.ephemeral, recipient)
        return AESGCM(key).decrypt(sealed.nonce, sealed.ciphertext, aad + sealed.ephemeral)
    except (InvalidSignature, InvalidTag, ValueError) as exc:
        raise SealError("sealed key did not authenticate") from exc


def wrap(key: bytes, secret: bytes, aad: bytes) -> tuple[bytes, bytes]:
    """AES-256-GCM encrypt `secret` under `key`; returns (nonce, ciphertext)."""
    nonce = os.urandom(NONCE_BYTES)
    return nonce, AESGCM(key).encrypt(nonce, secret, aad)


def unwrap(key: bytes, nonce: bytes, ciphertext: bytes, aad: bytes) -> bytes:
    """Reverse `wrap`; raise `SealError` for a wrong key or any change to the inputs."""
    try:
        return AESGCM(key).decrypt(nonce, ciphertext, aad)
    except (InvalidTag, ValueError) as exc:
        raise SealError("wrapped key did not authenticate") from exc
