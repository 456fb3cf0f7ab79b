"""A data key sealed to a slot, as the key file stores it, and the error for one that fails.

They live apart from `envelope`, which seals and opens them, so that reading the key file
(the lock screen lists its account names) does not load `cryptography`.
"""

from __future__ import annotations

from dataclasses import dataclass


class SealError(Exception):
    """A sealed or wrapped value did not authenticate."""


@dataclass(frozen=True, slots=True)
class Sealed:
    """The data key sealed to one public key, signed by the vault."""

    ephemeral: bytes
    nonce: bytes
    ciphertext: bytes
    signature: bytes = b""

    def signed_content(self, aad: bytes) -> bytes:
        return b"casetracker/sealed/v1\x00" + aad + self.ephemeral + self.nonce + self.ciphertext
